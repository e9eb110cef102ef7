#include "query/facets.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "indexer/facet_ids.h"
#include "tests/test_support.h"

namespace morgue::query {
namespace {

// The day of a publication time, as the indexer and the facet spy compute it.
std::int64_t day_of(std::int64_t seconds) {
  return schema::publication_day(Xapian::sortable_serialise(static_cast<double>(seconds)));
}

std::vector<std::string> labels(const Facet& facet) {
  std::vector<std::string> out;
  for (const auto& value : facet.values) {
    out.push_back(value.value + "=" + std::to_string(value.count));
  }
  return out;
}

constexpr std::int64_t kDay = 86400;
constexpr std::int64_t k2016 = 1451606400;  // 2016-01-01T00:00:00Z

TEST(DayTally, PicksTheBucketByTheRangeFound) {
  struct Row {
    std::vector<std::int64_t> dates;
    std::string bucket;
    std::vector<std::string> labels;
  };
  const std::vector<Row> rows = {
      {{k2016, k2016 + 2 * kDay, k2016 + 2 * kDay + 3600},
       "day",
       {"2016-01-01=1", "2016-01-02=0", "2016-01-03=2"}},
      {{k2016, k2016 + 100 * kDay},
       "week",  // 2016-01-01 is a Friday
       {}},
      {{k2016, k2016 + 400 * kDay}, "month", {}},
      {{k2016 - 3000 * kDay, k2016 + 5000 * kDay}, "year", {}},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.bucket);
    DayTally days;
    for (auto date : row.dates) {
      days.add(day_of(date), false);
    }
    const Facet facet = days.result();
    EXPECT_EQ(facet.bucket, row.bucket);
    if (!row.labels.empty()) {
      EXPECT_EQ(labels(facet), row.labels);
    }
    std::size_t total = 0;
    for (const auto& value : facet.values) {
      total += value.count;
    }
    EXPECT_EQ(total, row.dates.size());
  }
}

TEST(DayTally, WeeksStartOnMondayAndFilterTheirSevenDays) {
  DayTally days;
  days.add(day_of(k2016), false);              // Friday 2016-01-01
  days.add(day_of(k2016 + 80 * kDay), false);  // Tuesday 2016-03-22
  const Facet facet = days.result();
  ASSERT_EQ(facet.bucket, "week");
  EXPECT_EQ(facet.values.front().value, "2015-12-28");
  EXPECT_EQ(facet.values.front().filter, "date:2015-12-28..2016-01-03");
  EXPECT_EQ(facet.values.back().value, "2016-03-21");
  EXPECT_EQ(facet.values.size(), 13u);
}

TEST(DayTally, MonthsAndYearsAreLabelledAsTheQueryLanguageWritesThem) {
  DayTally months;
  months.add(day_of(k2016), false);
  months.add(day_of(k2016 + 400 * kDay), true);
  const Facet by_month = months.result();
  EXPECT_EQ(by_month.values.front().value, "2016-01");
  EXPECT_EQ(by_month.values.front().filter, "date:2016-01");
  EXPECT_EQ(by_month.values.back().value, "2017-02");
  EXPECT_EQ(by_month.values.back().comments, 1u);
  EXPECT_EQ(by_month.values.back().articles, 0u);
}

TEST(DayTally, DaysBefore1970CountOnTheirOwnDay) {
  DayTally days;
  days.add(day_of(-1), false);  // 1969-12-31T23:59:59Z
  days.add(day_of(0), false);
  EXPECT_EQ(labels(days.result()), (std::vector<std::string>{"1969-12-31=1", "1970-01-01=1"}));
}

TEST(ValueTally, CountsArticlesAndCommentsApartAndQuotesFilters) {
  ValueTally tags;
  tags.add("John Kerry", false);
  tags.add("Syria", false);
  tags.add("Syria", true);
  const Facet facet = tags.result(schema::field("tag"), 10);
  ASSERT_EQ(facet.values.size(), 2u);
  EXPECT_EQ(facet.values[0].value, "Syria");
  EXPECT_EQ(facet.values[0].count, 2u);
  EXPECT_EQ(facet.values[0].articles, 1u);
  EXPECT_EQ(facet.values[0].comments, 1u);
  EXPECT_EQ(facet.values[0].filter, "tag:Syria");
  EXPECT_EQ(facet.values[1].filter, "tag:\"John Kerry\"");
  EXPECT_EQ(tags.result(schema::field("tag"), 1).values_left_out, 1u);
}

// Ids are given out in the order values first appear, not in the order a facet lists them: at
// the cut, values as frequent as the last one listed are ranked by their text.
TEST(IdTally, RanksTiesAtTheCutByValueNotById) {
  testing::TempDir temp;
  Xapian::WritableDatabase database((temp / "db").string(), Xapian::DB_CREATE);
  const std::vector<std::string> values = {"Zurich", "Oslo", "Bern", "Athens"};
  for (std::uint32_t id = 0; id < values.size(); ++id) {
    database.set_metadata(schema::facet_value_key("tag", id), values[id]);
  }
  database.commit();
  IdTally tags(values.size());
  for (const std::uint32_t id : {0u, 0u, 1u, 2u, 3u}) {
    tags.add(id, id == 2);
  }
  tags.add(7, false);  // beyond the ids given out: damage, not counted
  const auto value_of = [&](std::uint32_t id) {
    return database.get_metadata(schema::facet_value_key("tag", id));
  };
  const Facet facet = tags.result(schema::field("tag"), 2, value_of);
  EXPECT_EQ(labels(facet), (std::vector<std::string>{"Zurich=2", "Athens=1"}));
  EXPECT_EQ(facet.values_left_out, 2u);
  const Facet all = tags.result(schema::field("tag"), 10, value_of);
  EXPECT_EQ(labels(all), (std::vector<std::string>{"Zurich=2", "Athens=1", "Bern=1", "Oslo=1"}));
  EXPECT_EQ(all.values[2].comments, 1u);
  EXPECT_EQ(all.values[2].articles, 0u);
  EXPECT_EQ(all.values_left_out, 0u);
  EXPECT_EQ(tags.result(schema::field("tag"), 0, value_of).values_left_out, 4u);
}

}  // namespace
}  // namespace morgue::query
