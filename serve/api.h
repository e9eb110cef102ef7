// The JSON API of morgue-serve: a GET request's path and query arguments in, a response out.
// Knows nothing of sockets; http_server.cc carries its answers.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace morgue::serve {

/// An HTTP answer: status, media type and body.
struct Response {
  unsigned status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::filesystem::path file;  ///< when set, the body is this file's content (static files)
};

/// The query arguments of a request, in the order sent; a key may repeat.
using Arguments = std::vector<std::pair<std::string, std::string>>;

/// A JSON error answer {"error": message} with `status`.
Response error_response(unsigned status, std::string_view message);

/// Answers /api/search, /api/articles/ID, /api/stats and /healthz over one database. Each
/// thread that calls handle() gets its own morgue::Searcher, opened on first use and reopened
/// (by the Searcher) on every search, so commits of the indexer show without a restart.
/// Thread-safe.
class Api {
 public:
  /// Does not open the database yet; a missing database shows as an error on each request.
  explicit Api(std::filesystem::path database);

  /// True when `path` belongs to this API (starts with /api/ or is /healthz).
  static bool owns(std::string_view path);

  /// The answer to GET `path` with `arguments`. Never throws: errors become JSON answers with
  /// 400 (bad query or parameter), 404 (no such article or endpoint) or 500 (database).
  Response handle(std::string_view path, const Arguments& arguments) const;

 private:
  std::filesystem::path database_;
  std::uint64_t id_;  // tells apart the per-thread Searchers of different Api objects
};

}  // namespace morgue::serve
