#include "query/query_parser.h"

#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <morgue/error.h>

#include "query/date_range.h"

namespace morgue::query {
namespace {

std::string described(std::string_view text) {
  const indexer::Analyzer analyzer;
  return QueryParser(analyzer).parse(text).query.get_description();
}

std::string error_of(std::string_view text) {
  const indexer::Analyzer analyzer;
  try {
    QueryParser(analyzer).parse(text);
  } catch (const QueryError& error) {
    return error.what();
  }
  return "no error";
}

TEST(QueryParser, BuildsTheQueryAUserMeans) {
  struct Row {
    std::string input;
    std::string query;
  };
  const std::vector<Row> rows = {
      {"Aleppo", "Query((0.25 * aleppo OR (Zaleppo SYNONYM aleppo)))"},
      {"aleppo kerry",
       "Query(((0.25 * aleppo OR (Zaleppo SYNONYM aleppo)) AND (0.25 * kerry OR (Zkerri SYNONYM "
       "kerri))))"},
      {"aleppo AND kerry",
       "Query(((0.25 * aleppo OR (Zaleppo SYNONYM aleppo)) AND (0.25 * kerry OR (Zkerri SYNONYM "
       "kerri))))"},
      {"aleppo OR kerry",
       "Query(((0.25 * aleppo OR (Zaleppo SYNONYM aleppo)) OR (0.25 * kerry OR (Zkerri SYNONYM "
       "kerri))))"},
      {"aleppo NOT kerry",
       "Query(((0.25 * aleppo OR (Zaleppo SYNONYM aleppo)) AND_NOT (0.25 * kerry OR (Zkerri "
       "SYNONYM kerri))))"},
      {"aleppo -kerry +lavrov",
       "Query((((0.25 * aleppo OR (Zaleppo SYNONYM aleppo)) AND (0.25 * lavrov OR (Zlavrov SYNONYM "
       "lavrov))) AND_NOT (0.25 * kerry OR (Zkerri SYNONYM kerri))))"},
      {"elections", "Query((0.25 * elections OR (Zelect SYNONYM elect)))"},
      {"aleppo's", "Query((0.25 * aleppo's OR (Zaleppo SYNONYM aleppo SYNONYM aleppos)))"},
      {"1,000", "Query((1,000 OR 1000))"},
      {"\"flood defences\"", "Query((flood@1 PHRASE 2 defences@2))"},
      {"al-Farafira", "Query(((al@1 PHRASE 2 farafira@2) OR alfarafira))"},
      {"(aleppo OR idlib) ceasefire",
       "Query((((0.25 * aleppo OR (Zaleppo SYNONYM aleppo)) OR (0.25 * idlib OR (Zidlib SYNONYM "
       "idlib))) AND (0.25 * ceasefire OR (Zceasefir SYNONYM ceasefir))))"},
      {"tag:\"John Kerry\"", "Query(0 * Kjohn kerry)"},
      {"author:Mikhas", "Query(0 * Amikhas)"},
      {"TYPE:Opinion", "Query(0 * XTopinion)"},
      {"in:comments sandbags",
       "Query((0 * XKcomment AND (0.25 * sandbags OR (Zsandbag SYNONYM sandbag))))"},
      {"title:ceasefire", "Query((0.25 * Sceasefire OR (ZSceasefir SYNONYM Sceasefir)))"},
      {"", "Query(<alldocuments>)"},
      {"NOT kerry", "Query((<alldocuments> AND_NOT (0.25 * kerry OR (Zkerri SYNONYM kerri))))"},
      {"...", "Query(<alldocuments>)"},
      {"10:30", "Query((10@1 PHRASE 2 30@2))"},
      {"kerry NEAR/3 lavrov", "Query((kerry NEAR 5 lavrov))"},
      {"kerry NEAR lavrov", "Query((kerry NEAR 12 lavrov))"},
      {"kerry ADJ/1 lavrov ADJ/1 talks", "Query((kerry PHRASE 5 lavrov PHRASE 5 talks))"},
      {"elect*", "Query(WILDCARD SYNONYM elect)"},
      {"title:Elect*", "Query(WILDCARD SYNONYM Select)"},
      {"body:aleppo", "Query((0.25 * aleppo OR (Zaleppo SYNONYM aleppo)))"},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.input);
    EXPECT_EQ(described(row.input), row.query);
  }
}

TEST(QueryParser, DateRangesCoverWholeDaysMonthsAndYearsInUtc) {
  // 2016-09-01T00:00:00Z is 1472688000; 2016-09-30T23:59:59Z is 1475279999.
  const std::string september = described("date:2016-09");
  EXPECT_EQ(september, described("date:2016-09-01..2016-09-30"));
  EXPECT_EQ(described("date:2016"), described("date:2016-01-01..2016-12-31"));
  EXPECT_NE(described("date:2016-09.."), september);
  EXPECT_NE(september.find("VALUE_RANGE 0"), std::string::npos) << september;
  EXPECT_NE(described("date:..2016-09-30").find("VALUE_LE 0"), std::string::npos);
  EXPECT_NE(described("date:2016-09..").find("VALUE_GE 0"), std::string::npos);
}

TEST(QueryParser, RelativeDatesCountBackFromNow) {
  // 2016-10-15T12:00:00Z
  constexpr std::int64_t kNow = 1476532800;
  constexpr std::int64_t kDay = 86400;
  struct Row {
    std::string input;
    std::optional<std::int64_t> first;
    std::optional<std::int64_t> last;
  };
  const std::vector<Row> rows = {
      {"last-30-days", kNow - 30 * kDay, kNow},
      {"last-2-weeks", kNow - 14 * kDay, kNow},
      {"last-1-months", 1473940800, kNow},  // 2016-09-15T12:00:00Z
      {"last-1-years", 1444910400, kNow},   // 2015-10-15T12:00:00Z
      {"today", kNow - 12 * 3600, kNow + 12 * 3600 - 1},
      {"yesterday", kNow - 36 * 3600, kNow - 12 * 3600 - 1},
      {"2016-09", 1472688000, 1475279999},
      {"2016-09..", 1472688000, std::nullopt},
      {"..2016-09-30", std::nullopt, 1475279999},
      {"last-7-days..", kNow - 7 * kDay, std::nullopt},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.input);
    const auto range = parse_date_range(row.input, kNow);
    ASSERT_TRUE(range.has_value());
    EXPECT_EQ(range->first_second, row.first);
    EXPECT_EQ(range->last_second, row.last);
  }
  for (const char* bad : {"last-days", "last-3-fortnights", "2016-9", "..", "tomorrow"}) {
    EXPECT_FALSE(parse_date_range(bad, kNow).has_value()) << bad;
  }
}

TEST(QueryParser, ErrorsSayWhereTheyAre) {
  struct Row {
    std::string input;
    std::string message;
  };
  const std::vector<Row> rows = {
      {"aleppo \"ceasefire", "column 8: unbalanced quote"},
      {"(aleppo OR kerry", "column 1: '(' is never closed"},
      {"aleppo)", "column 7: ')' without a matching '('"},
      {"aleppo OR", "column 8: OR needs something after it"},
      {"AND aleppo", "column 1: AND needs something on both sides"},
      {"aleppo NOT", "column 8: NOT needs a word, phrase or group after it"},
      {"tag:", "column 1: tag: needs a value, as in tag:something"},
      {"()", "column 2: empty parentheses"},
      {"date:2016-13",
       "column 1: cannot read the date '2016-13'; write date:2016, date:2016-09, "
       "date:2016-09-01..2016-09-30, date:2016-09.., date:..2016-09-30 or date:last-30-days"},
      {"date:2016-10..2016-09", "column 1: date range 2016-10..2016-09 ends before it starts"},
      {"Zürich \"x", "column 8: unbalanced quote"},
      {"kerry NEAR", "column 7: NEAR and ADJ need a word on each side"},
      {"NEAR kerry", "column 1: NEAR and ADJ need a word on each side"},
      {"kerry NEAR/x lavrov", "column 7: write NEAR/n with n a number of words from 0 to 100"},
      {"kerry ADJ/101 lavrov", "column 7: write ADJ/n with n a number of words from 0 to 100"},
      {"kerry NEAR \"a b\"", "column 12: NEAR and ADJ join single words"},
      {"al-Farafira NEAR kerry",
       "column 1: NEAR and ADJ join single words; 'al-Farafira' is 2 words"},
      {"a NEAR b ADJ c", "column 10: NEAR and ADJ cannot be mixed in one run of words"},
      {"e*", "column 1: a wildcard needs at least 2 letters before the *"},
      {"a-b*", "column 1: a wildcard must be one word before the *; 'a-b' is not"},
      {"date:last-x-days",
       "column 1: cannot read the date 'last-x-days'; write date:2016, date:2016-09, "
       "date:2016-09-01..2016-09-30, date:2016-09.., date:..2016-09-30 or date:last-30-days"},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.input);
    EXPECT_EQ(error_of(row.input), row.message);
  }
}

TEST(QueryParser, LimitsStopHostileQueries) {
  EXPECT_EQ(error_of(std::string(kMaxQueryBytes + 1, 'a')),
            "the query is 4097 bytes long; the limit is 4096");
  EXPECT_EQ(error_of(std::string(kMaxNestingDepth + 1, '(') + "a" +
                     std::string(kMaxNestingDepth + 1, ')')),
            "column 33: parentheses nested deeper than 32");
  std::string many;
  for (std::size_t i = 0; i <= kMaxClauses; ++i) {
    many += "w" + std::to_string(i) + " ";
  }
  EXPECT_EQ(error_of(many), "column 1171: the query has more than 256 words and filters");
  // Deep nesting far past the limit fails cleanly instead of overflowing the stack.
  EXPECT_NE(error_of(std::string(4000, '(')), "no error");
}

}  // namespace
}  // namespace morgue::query
