// Every bug the fuzz targets found (issue 8, docs/reliability.md "Fuzzing"), with the minimized
// input, run the way a user meets it. The same inputs are in fuzz/corpus/*/regression-*, which
// the fuzz build replays.
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include <morgue/indexer.h>
#include <morgue/searcher.h>

#include "tests/test_support.h"

namespace morgue {
namespace {

using testing::TempDir;

// Debian's Xapian 1.4.22 has no Greek Snowball stemmer; asking it for one threw
// Xapian::InvalidArgumentError out of morgue-index (abort, exit 134) for any article with a Greek
// word, and out of morgue-query for any Greek word in a query. Found by query_fuzzer.
TEST(FuzzFindings, Issue8GreekWordsAreIndexedAndSearchedWithoutAStemmer) {
  TempDir temp;
  const auto database = temp / "db";
  {
    Indexer indexer(database);
    std::istringstream csv(
        "id,title,content\n"
        "gr-1,Αθήνα: νέα μέτρα,Η κυβέρνηση ανακοίνωσε νέα μέτρα για τα νησιά.\n");
    const IndexReport report = indexer.add_stream(csv, "greek.csv", Format::kCsv);
    EXPECT_EQ(report.articles, 1u);
    EXPECT_EQ(report.skipped, 0u);
    indexer.commit();
  }
  Searcher searcher(database);
  for (const std::string query : {"κυβέρνηση", "ΚΥΒΕΡΝΗΣΗ", "title:Αθήνα", "\xcf\x9c"}) {
    SCOPED_TRACE(query);
    SearchRequest request;
    request.query = query;
    const SearchResult result = searcher.search(request);
    EXPECT_EQ(result.total_hits, query == "\xcf\x9c" ? 0u : 1u);
  }
  EXPECT_EQ(testing::check_database(database), "");
}

}  // namespace
}  // namespace morgue
