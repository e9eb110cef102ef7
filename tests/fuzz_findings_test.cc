// Every bug the fuzz targets found (issue 8, docs/reliability.md "Fuzzing"), with the minimized
// input, run the way a user meets it. The same inputs are in fuzz/corpus/*/regression-*, which
// the fuzz build replays.
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include <morgue/indexer.h>
#include <morgue/searcher.h>

#include "indexer/stored_fields.h"
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

// A stored number too big for its field (a comment count of 2e53) was converted to size_t,
// which is undefined; now it leaves the field empty, as a missing one does. Found by
// stored_fields_fuzzer (regression-count-2e53); morgue itself never writes such numbers.
TEST(FuzzFindings, StoredNumbersAFieldCannotHoldLeaveItEmpty) {
  using indexer::parse_stored;
  EXPECT_EQ(parse_stored(R"({"kind":"article","comment_count":2e53})").comment_count, 0U);
  EXPECT_EQ(parse_stored(R"({"kind":"article","comment_count":-1})").comment_count, 0U);
  EXPECT_EQ(parse_stored(R"({"kind":"article","comment_count":3.0})").comment_count, 3U);
  EXPECT_EQ(parse_stored(R"({"kind":"comment","position":1e300})").comment.position, 0);
  EXPECT_EQ(parse_stored(R"({"kind":"comment","position":-4294967296})").comment.position, 0);
  EXPECT_EQ(parse_stored(R"({"kind":"comment","position":-2})").comment.position, -2);
}

}  // namespace
}  // namespace morgue
