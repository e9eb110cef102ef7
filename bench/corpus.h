// Scaled benchmark corpora: Reuters-21578 once, plus the FakeNewsCorpus sample replicated with
// new ids and spread dates, written as one JSON Lines file every engine reads.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace morgue::bench {

/// One article as the peers index it: the fields every engine sees, already normalized.
struct BenchDocument {
  std::string id;
  std::string url;
  std::string site;
  std::string type;
  std::string date;   ///< ISO 8601 without zone, "1987-02-26T15:01:01"
  std::string month;  ///< "1987-02", the month facet
  std::string title;
  std::string body;
  std::vector<std::string> authors;
  std::vector<std::string> tags;
};

/// A corpus file written by build_corpus.
struct Corpus {
  std::filesystem::path file;  ///< JSON Lines, one BenchDocument per line
  std::size_t documents = 0;
  std::size_t bytes = 0;  ///< size of the file: the "input size" of every ratio
};

/// Writes `scratch/corpus-<scale>x.jsonl`: every Reuters story (from `corpora/reuters-21578`),
/// then `scale` copies of `corpora/fakenews-sample/news_sample.csv`, copy c with ids
/// "fakenews-c-ID" and dates spread over 2016-2017. `source_limit` (0: all) cuts the rows
/// read from each source, for a smoke run. Reuses the file when it is already there.
/// Throws morgue::Error when a source file is missing.
Corpus build_corpus(const std::filesystem::path& corpora, const std::filesystem::path& scratch,
                    int scale, std::size_t source_limit);

/// Parses one line of a corpus file. Throws nlohmann::json::exception on a bad line.
BenchDocument parse_document(const std::string& line);

}  // namespace morgue::bench
