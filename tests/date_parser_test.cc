#include "indexer/date_parser.h"

#include <string>
#include <string_view>

#include <gtest/gtest.h>

namespace morgue::indexer {
namespace {

struct DateCase {
  std::string_view input;
  std::string_view expected_iso8601;  // as DateTime::iso8601() prints it
};

TEST(DateParser, ReadsEveryListedForm) {
  const DateCase cases[] = {
      {"2016-09-28T14:05:00Z", "2016-09-28T14:05:00+00:00"},
      {"2016-09-28T14:05:00+03:00", "2016-09-28T14:05:00+03:00"},
      {"2016-09-28 14:05", "2016-09-28T14:05:00"},
      {"2016-09-28", "2016-09-28"},
      {"2018-01-25 16:17:44.789555", "2018-01-25T16:17:44"},
      {"Wed, 28 Sep 2016 14:05:00 +0300", "2016-09-28T14:05:00+03:00"},
      {"Wed, 28 Sep 2016 14:05:00 GMT", "2016-09-28T14:05:00+00:00"},
      {"20 February 2017", "2017-02-20"},
      {"February 20, 2017", "2017-02-20"},
      {"26-FEB-1987 15:01:01.79", "1987-02-26T15:01:01"},
      {"1475071500", "2016-09-28T14:05:00+00:00"},
  };
  for (const DateCase& row : cases) {
    SCOPED_TRACE(row.input);
    const auto date = parse_date(row.input);
    ASSERT_TRUE(date.has_value());
    EXPECT_EQ(date->iso8601(), row.expected_iso8601);
  }
}

TEST(DateParser, ReadsVariantsOfEachForm) {
  const DateCase cases[] = {
      {"  2016-09-28T14:05:00Z \n", "2016-09-28T14:05:00+00:00"},
      {"2016-09-28t14:05:00z", "2016-09-28T14:05:00+00:00"},
      {"2016-09-28T14:05:00.123-04:30", "2016-09-28T14:05:00-04:30"},
      {"2016-09-28T14:05:00+0300", "2016-09-28T14:05:00+03:00"},
      {"2016-09-28T14:05:00+03", "2016-09-28T14:05:00+03:00"},
      {"2016-09-28 14:05:00 UTC", "2016-09-28T14:05:00+00:00"},
      {"2016-9-8", "2016-09-08"},
      {"28 Sep 2016 14:05:00 -0000", "2016-09-28T14:05:00+00:00"},
      {"28 Sep 2016 14:05 EST", "2016-09-28T14:05:00-05:00"},
      {"Thu, 29 Sep 2016 9:05:00 PDT", "2016-09-29T09:05:00-07:00"},
      {"Wednesday, 28 September 2016", "2016-09-28"},
      {"1 Sept 2016", "2016-09-01"},
      {"20 FEBRUARY 2017 04:44", "2017-02-20T04:44:00"},
      {"february 20 2017", "2017-02-20"},
      {"Feb. 20, 2017 04:44 UTC", "2017-02-20T04:44:00+00:00"},
      {"Monday, February 20, 2017, 04:44:10 +01:00", "2017-02-20T04:44:10+01:00"},
      {"26-Feb-1987", "1987-02-26"},
      {"999999999", "2001-09-09T01:46:39+00:00"},
      {"99999999999", "5138-11-16T09:46:39+00:00"},
      {"29 Feb 2016", "2016-02-29"},
      {"2000-02-29", "2000-02-29"},
  };
  for (const DateCase& row : cases) {
    SCOPED_TRACE(row.input);
    const auto date = parse_date(row.input);
    ASSERT_TRUE(date.has_value());
    EXPECT_EQ(date->iso8601(), row.expected_iso8601);
  }
}

TEST(DateParser, RejectsTextThatIsNoDate) {
  const std::string_view cases[] = {
      "",
      "   ",
      "xyz",
      "yesterday",
      "2016/09/28",
      "2016-09-28T",
      "2016-09-28 garbage",
      "2016-09-28T14",
      "2016-09-28T14:05:00 CEST",
      "2016-09-28T14:05:00+3",
      "Wed, 28 Sep 2016 14:05:00 +0300 extra",
      "Sep 2016",
      "20 Febrar 2017",
      "20 February 17",
      "02/20/2017",  // slashes: the order of day and month is the user's to name
      "20.02.17",
      "February 20",
      "20170220",      // 8 digits: neither a year nor Unix seconds
      "123456789012",  // 12 digits
      "-1475071500",
  };
  for (const std::string_view input : cases) {
    SCOPED_TRACE(input);
    EXPECT_FALSE(parse_date(input).has_value());
  }
}

TEST(DateParser, ReadsMonthNamesInOtherLanguages) {
  const DateCase cases[] = {
      {"20 Februar 2017", "2017-02-20"},
      {"20. März 2017 14:05", "2017-03-20T14:05:00"},
      {"3. MÄRZ 2017", "2017-03-03"},
      {"1er mars 2017", "2017-03-01"},
      {"20 février 2017 14:05 +01:00", "2017-02-20T14:05:00+01:00"},
      {"15 août 2016", "2016-08-15"},
      {"20 de febrero de 2017", "2017-02-20"},
      {"5 dic 2016", "2016-12-05"},
      {"20 февраля 2017", "2017-02-20"},
      {"20 Февраля 2017 г.", "2017-02-20"},
      {"1 сентября 2016 года, 09:30", "2016-09-01T09:30:00"},
      {"12 maggio 2015", "2015-05-12"},
      {"7 de março de 2018", "2018-03-07"},
      {"20.02.2017", "2017-02-20"},
      {"20.02.2017 14:05 +0300", "2017-02-20T14:05:00+03:00"},
  };
  for (const DateCase& row : cases) {
    SCOPED_TRACE(row.input);
    const auto date = parse_date(row.input);
    ASSERT_TRUE(date.has_value());
    EXPECT_EQ(date->iso8601(), row.expected_iso8601);
  }
}

TEST(DateParser, ReadsTheFormatAUserNames) {
  const struct {
    std::string_view input;
    std::string format;
    std::string_view expected_iso8601;  // empty: not read
  } cases[] = {
      {"20/02/2017 04:44", "%d/%m/%Y %H:%M", "2017-02-20T04:44:00"},
      {"02/20/2017", "%m/%d/%Y", "2017-02-20"},
      {"2017-02-20 04:44 +0300", "%Y-%m-%d %H:%M %z", "2017-02-20T04:44:00+03:00"},
      {"20170220", "%Y%m%d", "2017-02-20"},
      {"31/02/2017", "%d/%m/%Y", ""},
      {"20/02/2017 garbage", "%d/%m/%Y", ""},
      {"20/02/2017", "%Y-%m-%d", ""},
  };
  for (const auto& row : cases) {
    SCOPED_TRACE(row.input);
    const auto date = parse_date(row.input, row.format);
    if (row.expected_iso8601.empty()) {
      EXPECT_FALSE(date.has_value());
      continue;
    }
    ASSERT_TRUE(date.has_value());
    EXPECT_EQ(date->iso8601(), row.expected_iso8601);
  }
}

TEST(DateParser, RejectsOutOfRangeValues) {
  const std::string_view cases[] = {
      "2016-13-01",
      "2016-00-10",
      "2016-09-31",
      "2016-02-30",
      "2017-02-29",
      "1900-02-29",
      "0000-01-01",
      "2016-09-28T24:00",
      "2016-09-28T14:60",
      "2016-09-28T14:05:60",
      "2016-09-28T14:05:00+24:00",
      "2016-09-28T14:05:00+03:60",
      "32 January 2017",
      "31 Apr 2017",
      "February 30, 2017",
      "0 March 2017",
  };
  for (const std::string_view input : cases) {
    SCOPED_TRACE(input);
    EXPECT_FALSE(parse_date(input).has_value());
  }
}

TEST(DateParser, KeepsZoneAbsentWhenTextNamesNone) {
  const auto date = parse_date("2018-01-25 16:17:44.789555");
  ASSERT_TRUE(date.has_value());
  EXPECT_FALSE(date->utc_offset_minutes.has_value());
  EXPECT_TRUE(date->has_time);
  EXPECT_EQ(date->second, 44);
}

TEST(DateParser, DateOnlyHasNoTime) {
  const auto date = parse_date("20 February 2017");
  ASSERT_TRUE(date.has_value());
  EXPECT_FALSE(date->has_time);
  EXPECT_FALSE(date->utc_offset_minutes.has_value());
}

TEST(DateParser, OffsetsNameTheSameInstant) {
  const auto local = parse_date("Wed, 28 Sep 2016 14:05:00 +0300");
  const auto utc = parse_date("2016-09-28T11:05:00Z");
  const auto epoch = parse_date("1475060700");
  ASSERT_TRUE(local && utc && epoch);
  EXPECT_EQ(local->utc_offset_minutes, 180);
  EXPECT_EQ(local->unix_seconds(), utc->unix_seconds());
  EXPECT_EQ(epoch->unix_seconds(), 1475060700);
}

TEST(DateParser, LongInputIsRejectedWithoutTrouble) {
  EXPECT_FALSE(parse_date(std::string(1'000'000, '1')).has_value());
  EXPECT_FALSE(parse_date(std::string(1'000'000, 'a')).has_value());
  EXPECT_FALSE(parse_date("2016-09-28 " + std::string(1'000'000, ' ') + "x").has_value());
}

}  // namespace
}  // namespace morgue::indexer
