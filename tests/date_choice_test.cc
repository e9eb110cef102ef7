#include "indexer/date_choice.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace morgue::indexer {
namespace {

TEST(DateChoice, SaysWhichDateWasUsedAndWhatElseWasSeen) {
  struct Row {
    std::vector<DateCandidate> candidates;
    std::string iso8601;  // "" when none was chosen
    std::string source;
  };
  const std::vector<Row> rows = {
      {{{"a", "2017-02-20"}}, "2017-02-20", "a"},
      // Candidates without text are left out.
      {{{"a", ""}, {"b", "  "}, {"c", "2017-02-20"}, {"d", ""}}, "2017-02-20", "c"},
      // The same moment written in another zone agrees; a date without a time does not.
      {{{"a", "2017-02-20T10:00:00Z"}, {"b", "2017-02-20T11:00:00+01:00"}, {"c", "2017-02-20"}},
       "2017-02-20T10:00:00+00:00",
       "a (also b; preferred over c 2017-02-20)"},
      // Without a zone, only the same text agrees.
      {{{"a", "2017-02-20T10:00:00"}, {"b", "2017-02-20T10:00:00Z"}, {"c", "2017-02-20 10:00"}},
       "2017-02-20T10:00:00",
       "a (also c; preferred over b 2017-02-20T10:00:00+00:00)"},
      {{{"a", "last Tuesday"}, {"b", "x"}, {"c", "20 February 2017"}, {"d", "nonsense"}},
       "2017-02-20",
       "c (unreadable: a 'last Tuesday', b 'x')"},
      // An update date is listed, wherever it stands, and never chosen.
      {{{"modified", "2017-03-01", false}, {"a", "2017-02-20"}},
       "2017-02-20",
       "a (preferred over modified 2017-03-01)"},
      {{{"modified", "2017-03-01", false}}, "", ""},
      {{{"a", "xyz"}}, "", ""},
      // A long unreadable value is quoted in part.
      {{{"a", std::string(50, 'x')}, {"b", "2017-02-20"}},
       "2017-02-20",
       "b (unreadable: a '" + std::string(40, 'x') + "...')"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.source);
    const DateChoice choice = choose_date(row.candidates);
    EXPECT_EQ(choice.date ? choice.date->iso8601() : "", row.iso8601);
    EXPECT_EQ(choice.source, row.source);
  }
}

TEST(DateChoice, NamesTheFirstUnreadableCandidateForErrors) {
  const DateChoice choice = choose_date({{"field 'date'", " xyz "}, {"field 'scraped_at'", "abc"}});
  EXPECT_FALSE(choice.date);
  ASSERT_TRUE(choice.first_unreadable);
  EXPECT_EQ(choice.first_unreadable->source, "field 'date'");
  EXPECT_EQ(choice.first_unreadable->text, "xyz");
}

TEST(DateChoice, SaysWhenAUserFormatReadTheDate) {
  const DateChoice choice =
      choose_date({{"field 'written'", "03/11/2016 09:30"}}, {"%Y", "%d/%m/%Y %H:%M"});
  ASSERT_TRUE(choice.date);
  EXPECT_EQ(choice.date->iso8601(), "2016-11-03T09:30:00");
  EXPECT_EQ(choice.source, "field 'written', read with --date-format '%d/%m/%Y %H:%M'");
}

}  // namespace
}  // namespace morgue::indexer
