#include "query/count_query.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <morgue/indexer.h>

#include "indexer/analyzer.h"
#include "query/query_parser.h"
#include "tests/test_support.h"

namespace morgue::query {
namespace {

std::string counted(std::string_view text) {
  const indexer::Analyzer analyzer;
  return count_query(QueryParser(analyzer).parse(text).query).get_description();
}

TEST(CountQuery, ReadsEachTermOnceWithoutWeights) {
  EXPECT_EQ(counted("Aleppo"), "Query((aleppo OR Zaleppo))");
  EXPECT_EQ(counted("aleppo kerry"), "Query(((aleppo OR Zaleppo) AND (kerry OR Zkerri OR kerri)))");
  EXPECT_EQ(counted("aleppo OR kerry"), "Query((aleppo OR Zaleppo OR kerry OR Zkerri OR kerri))");
  EXPECT_EQ(counted("\"flood defences\""), "Query((flood@1 PHRASE 2 defences@2))");
  EXPECT_EQ(counted("tag:\"John Kerry\" NOT aleppo"),
            "Query((Kjohn kerry AND_NOT (aleppo OR Zaleppo)))");
}

// Whatever the query, the simplified one matches the same documents.
TEST(CountQuery, MatchesWhatTheQueryMatches) {
  testing::TempDir temp;
  {
    Indexer indexer(temp / "db");
    for (const char* file : {"articles.csv", "articles.jsonl", "sputnik-aleppo.txt"}) {
      indexer.add_file(testing::test_data_path(std::string("sample/") + file));
    }
    indexer.commit();
  }
  const Xapian::Database database((temp / "db").string());
  const indexer::Analyzer analyzer;
  const QueryParser parser(analyzer);
  for (const char* text :
       {"aleppo", "aleppo kerry", "aleppo OR ceasefire", "elections", "\"flood defences\"",
        "aleppo -kerry", "NOT kerry", "elect*", "in:comments aleppo",
        "title:ceasefire OR tag:syria", "", "(aleppo OR idlib) date:2016-09"}) {
    SCOPED_TRACE(text);
    const Xapian::Query query = parser.parse(text).query;
    const auto count = [&](const Xapian::Query& q) {
      Xapian::Enquire enquire(database);
      enquire.set_query(q);
      enquire.set_weighting_scheme(Xapian::BoolWeight());
      return enquire.get_mset(0, 0, database.get_doccount()).get_matches_estimated();
    };
    EXPECT_EQ(count(count_query(query)), count(query));
  }
}

}  // namespace
}  // namespace morgue::query
