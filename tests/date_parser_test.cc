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
      "20 Februar 2017",
      "20 February 17",
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
