#include "bench/corpus.h"

#include <fstream>
#include <istream>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <morgue/error.h>

namespace morgue::bench {

namespace {

using Json = nlohmann::json;

std::string text_of(const Json& value) { return value.is_string() ? value.get<std::string>() : ""; }

// One record of RFC 4180 CSV (quoted fields may hold newlines and doubled quotes).
std::optional<std::vector<std::string>> read_csv_record(std::istream& in) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  bool any = false;
  for (int c = in.get(); c != EOF; c = in.get()) {
    any = true;
    if (quoted) {
      if (c == '"') {
        if (in.peek() == '"') {
          fields.back() += static_cast<char>(in.get());
        } else {
          quoted = false;
        }
      } else {
        fields.back() += static_cast<char>(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c == '\n') {
      return fields;
    } else if (c != '\r') {
      fields.back() += static_cast<char>(c);
    }
  }
  return any ? std::optional(fields) : std::nullopt;
}

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string::npos) {
      end = text.size();
    }
    std::string item = text.substr(start, end - start);
    const auto first = item.find_first_not_of(' ');
    const auto last = item.find_last_not_of(' ');
    if (first != std::string::npos) {
      items.push_back(item.substr(first, last - first + 1));
    }
    start = end + 1;
  }
  return items;
}

// Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
std::string civil_date(long days) {
  days += 719468;
  const long era = (days >= 0 ? days : days - 146096) / 146097;
  const long doe = days - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long day = doy - (153 * mp + 2) / 5 + 1;
  const long month = mp < 10 ? mp + 3 : mp - 9;
  const long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

Json to_json(const BenchDocument& doc) {
  return Json{{"id", doc.id},     {"url", doc.url},         {"site", doc.site},
              {"type", doc.type}, {"date", doc.date},       {"title", doc.title},
              {"body", doc.body}, {"authors", doc.authors}, {"tags", doc.tags},
              {"language", "en"}};
}

std::size_t write_reuters(const std::filesystem::path& source, std::ostream& out,
                          std::size_t limit) {
  std::ifstream in(source);
  if (!in) {
    throw Error(
        fmt::format("cannot read {}; the benchmark needs ../shared/corpora", source.string()));
  }
  std::size_t written = 0;
  for (std::string line; std::getline(in, line) && (limit == 0 || written < limit);) {
    const Json story = Json::parse(line);
    BenchDocument doc;
    doc.id = fmt::format("reuters-{}", story["id"].get<int>());
    doc.url = fmt::format("https://www.reuters.example/1987/{}", story["id"].get<int>());
    doc.site = "reuters.com";
    doc.type = text_of(story["text_type"]) == "NORM" ? "newswire" : "brief";
    doc.date = text_of(story["date_iso"]);
    doc.month = doc.date.substr(0, 7);
    doc.title = text_of(story["title"]);
    doc.body = text_of(story["body"]);
    if (story["author"].is_string()) {
      doc.authors.push_back(story["author"].get<std::string>());
    }
    for (const char* list : {"topics", "places", "people", "orgs", "exchanges"}) {
      for (const auto& tag : story[list]) {
        doc.tags.push_back(tag.get<std::string>());
      }
    }
    out << to_json(doc).dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
    ++written;
  }
  return written;
}

std::size_t write_fakenews(const std::filesystem::path& source, std::ostream& out, int scale,
                           std::size_t limit) {
  std::ifstream in(source, std::ios::binary);
  if (!in) {
    throw Error(
        fmt::format("cannot read {}; the benchmark needs ../shared/corpora", source.string()));
  }
  std::vector<std::vector<std::string>> rows;
  const auto header = read_csv_record(in);
  while (auto row = read_csv_record(in)) {
    if (row->size() == header->size() && (limit == 0 || rows.size() < limit)) {
      rows.push_back(std::move(*row));
    }
  }
  // Columns: ,id,domain,type,url,content,scraped_at,inserted_at,updated_at,title,authors,...,tags
  std::size_t written = 0;
  for (int copy = 0; copy < scale; ++copy) {
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const auto& row = rows[r];
      BenchDocument doc;
      doc.id = fmt::format("fakenews-{}-{}", copy, row[1]);
      doc.url = fmt::format("{}?copy={}", row[4], copy);
      doc.site = row[2];
      doc.type = row[3];
      // Spread over two years (2016-01-01 is day 16801), so the month facet has 24 values.
      const long day = 16801 + static_cast<long>((copy * rows.size() + r) * 7919 % 731);
      doc.date = civil_date(day) + "T12:00:00";
      doc.month = doc.date.substr(0, 7);
      doc.title = row[9];
      doc.body = row[5];
      doc.authors = split_list(row[10]);
      doc.tags = split_list(row[14]);
      out << to_json(doc).dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
      ++written;
    }
  }
  return written;
}

}  // namespace

BenchDocument parse_document(const std::string& line) {
  const Json json = Json::parse(line);
  BenchDocument doc;
  doc.id = json.at("id").get<std::string>();
  doc.url = json.at("url").get<std::string>();
  doc.site = json.at("site").get<std::string>();
  doc.type = json.at("type").get<std::string>();
  doc.date = json.at("date").get<std::string>();
  doc.month = doc.date.substr(0, 7);
  doc.title = json.at("title").get<std::string>();
  doc.body = json.at("body").get<std::string>();
  doc.authors = json.at("authors").get<std::vector<std::string>>();
  doc.tags = json.at("tags").get<std::vector<std::string>>();
  return doc;
}

Corpus build_corpus(const std::filesystem::path& corpora, const std::filesystem::path& scratch,
                    int scale, std::size_t source_limit) {
  Corpus corpus;
  corpus.file = scratch / fmt::format("corpus-{}x{}.jsonl", scale,
                                      source_limit == 0 ? "" : fmt::format("-{}", source_limit));
  const auto count_file = std::filesystem::path(corpus.file).concat(".count");
  if (std::filesystem::exists(corpus.file) && std::filesystem::exists(count_file)) {
    std::ifstream counted(count_file);
    counted >> corpus.documents;
  } else {
    std::filesystem::create_directories(scratch);
    const auto partial = std::filesystem::path(corpus.file).concat(".partial");
    {
      std::ofstream out(partial, std::ios::binary);
      corpus.documents =
          write_reuters(corpora / "reuters-21578/reuters-21578.jsonl", out, source_limit);
      corpus.documents +=
          write_fakenews(corpora / "fakenews-sample/news_sample.csv", out, scale, source_limit);
    }
    std::filesystem::rename(partial, corpus.file);
    std::ofstream(count_file) << corpus.documents << '\n';
  }
  corpus.bytes = std::filesystem::file_size(corpus.file);
  return corpus;
}

}  // namespace morgue::bench
