// A query as a user types it: parsed into a Xapian query (with the language detected and with
// one given), then searched with facets, snippets and comments against an index of data/sample
// built once when the fuzzer starts.
#include <filesystem>
#include <string>

#include <morgue/error.h>
#include <morgue/indexer.h>
#include <morgue/searcher.h>

#include "fuzz/fuzz_support.h"
#include "indexer/analyzer.h"
#include "query/query_parser.h"

namespace {

// A fixed "now", so that date:last-30-days means the same on every run of an input.
constexpr std::int64_t kNow = 1500000000;

morgue::Searcher& sample_searcher() {
  static morgue::Searcher* const searcher = [] {
    const std::filesystem::path database = morgue::fuzz::scratch_directory() / "sample.db";
    {
      morgue::Indexer indexer(database);
      for (const auto& entry : std::filesystem::directory_iterator(
               std::filesystem::path(MORGUE_SOURCE_DIR) / "data" / "sample")) {
        indexer.add_file(entry.path());
      }
      indexer.commit();
    }
    return new morgue::Searcher(database);
  }();
  return *searcher;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const morgue::indexer::Analyzer analyzer;
  static const morgue::query::QueryParser parser(analyzer);
  const std::string_view text = morgue::fuzz::as_text(data, size);
  try {
    parser.parse(text, kNow);
  } catch (const morgue::QueryError&) {
  }
  try {
    parser.parse(text, kNow, "en");
  } catch (const morgue::QueryError&) {
  }
  morgue::SearchRequest request;
  request.query = std::string(text);
  try {
    sample_searcher().search(request);
  } catch (const morgue::QueryError&) {
  }
  return 0;
}
