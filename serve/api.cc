#include "serve/api.h"

#include <atomic>
#include <charconv>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include <morgue/error.h>
#include <morgue/render.h>
#include <morgue/searcher.h>

namespace morgue::serve {

namespace {

constexpr std::string_view kArticlesPrefix = "/api/articles/";

// A bad parameter: answered with 400 like a bad query.
struct ParameterError : Error {
  using Error::Error;
};

std::size_t parse_count(const std::string& name, const std::string& text) {
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    throw ParameterError(name + " must be a whole number; got '" + text + "'");
  }
  return value;
}

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t begin = 0;
  while (begin <= text.size() && !text.empty()) {
    const auto comma = text.find(',', begin);
    const auto end = comma == std::string::npos ? text.size() : comma;
    if (end > begin) {
      parts.push_back(text.substr(begin, end - begin));
    }
    if (comma == std::string::npos) {
      break;
    }
    begin = comma + 1;
  }
  return parts;
}

const std::set<std::string, std::less<>> kSingleParameters = {
    "q", "sort", "limit", "offset", "after", "like", "facets", "facet_values", "comments"};

// The CLI's options as query arguments: q, filter=FIELD:VALUE (or FIELD=VALUE, repeatable; a
// facet value's `filter` as it is), sort, limit, offset, after, like, facets, facet_values,
// comments. Any other name is a filter on the field of that name (tag=Syria).
SearchRequest parse_request(const Arguments& arguments) {
  SearchRequest request;
  std::map<std::string, int> seen;
  for (const auto& [name, value] : arguments) {
    if (kSingleParameters.contains(name) && seen[name]++ > 0) {
      throw ParameterError("parameter " + name + " is given more than once");
    }
    if (name == "q") {
      request.query = value;
    } else if (name == "sort") {
      request.sort = parse_sort_order(value);
    } else if (name == "limit") {
      request.limit = parse_count(name, value);
    } else if (name == "offset") {
      request.offset = parse_count(name, value);
    } else if (name == "after") {
      request.after = value;
    } else if (name == "like") {
      request.like = value;
    } else if (name == "facets") {
      request.facets = split_commas(value);
    } else if (name == "facet_values") {
      request.facet_values = parse_count(name, value);
    } else if (name == "comments") {
      request.comments_per_hit = parse_count(name, value);
    } else if (name == "filter") {
      request.add_filter(value);
    } else if (name.empty()) {
      throw ParameterError("a query argument has no name");
    } else if (name.find(':') != std::string::npos) {
      throw ParameterError("unknown parameter '" + name + "'");
    } else {
      std::string filter = name;  // tag=Syria is filter=tag:Syria
      filter += ':';
      filter += value;
      request.add_filter(filter);
    }
  }
  return request;
}

Response json_response(std::string body) {
  Response response;
  response.body = std::move(body);
  return response;
}

std::atomic<std::uint64_t> next_api_id{1};

}  // namespace

Response error_response(unsigned status, std::string_view message) {
  Response response;
  response.status = status;
  nlohmann::ordered_json body;
  body["error"] = message;
  response.body =
      body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  return response;
}

Api::Api(std::filesystem::path database) : database_(std::move(database)), id_(next_api_id++) {}

bool Api::owns(std::string_view path) { return path.starts_with("/api/") || path == "/healthz"; }

Response Api::handle(std::string_view path, const Arguments& arguments) const {
  // Xapian objects may not be shared between threads: each thread keeps its own Searcher.
  thread_local std::unordered_map<std::uint64_t, std::unique_ptr<Searcher>> searchers;
  try {
    if (path == "/healthz") {
      return json_response("{\"status\": \"ok\"}\n");
    }
    const bool search = path == "/api/search";
    const bool stats = path == "/api/stats";
    const bool article = path.starts_with(kArticlesPrefix) && path.size() > kArticlesPrefix.size();
    if (!search && !stats && !article) {
      return error_response(404, "no such endpoint: " + std::string(path) +
                                     "; try /api/search, /api/articles/ID, /api/stats or /healthz");
    }
    if (!search && !arguments.empty()) {
      return error_response(
          400, "unknown parameter '" + arguments.front().first + "' for " + std::string(path));
    }
    auto& searcher = searchers[id_];
    if (!searcher) {
      searcher = std::make_unique<Searcher>(database_);
    }
    if (search) {
      return json_response(to_json(searcher->search(parse_request(arguments))));
    }
    if (stats) {
      return json_response(to_json(searcher->stats()));
    }
    try {
      return json_response(
          to_json(searcher->article(std::string(path.substr(kArticlesPrefix.size())))));
    } catch (const QueryError& error) {
      return error_response(404, error.what());
    }
  } catch (const QueryError& error) {
    return error_response(400, error.what());
  } catch (const ParameterError& error) {
    return error_response(400, error.what());
  } catch (const DatabaseError& error) {
    searchers.erase(id_);  // open afresh next time: the database may have been rebuilt
    return error_response(500, error.what());
  } catch (const std::exception& error) {
    return error_response(500, error.what());
  }
}

}  // namespace morgue::serve
