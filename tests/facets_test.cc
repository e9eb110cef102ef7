#include "query/facets.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace morgue::query {
namespace {

Xapian::Document dated(std::int64_t seconds, std::string_view kind = schema::kKindArticle) {
  Xapian::Document document;
  document.add_value(*schema::field("date").slot,
                     Xapian::sortable_serialise(static_cast<double>(seconds)));
  document.add_value(*schema::field("kind").facet_slot, std::string(kind));
  return document;
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

TEST(DateHistogram, PicksTheBucketByTheRangeFound) {
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
    KindReader kinds(true);
    DateHistogram histogram(kinds);
    for (auto date : row.dates) {
      histogram(dated(date), 0);
    }
    const Facet facet = histogram.result();
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

TEST(DateHistogram, WeeksStartOnMondayAndFilterTheirSevenDays) {
  KindReader kinds(true);
  DateHistogram histogram(kinds);
  histogram(dated(k2016), 0);              // Friday 2016-01-01
  histogram(dated(k2016 + 80 * kDay), 0);  // Tuesday 2016-03-22
  const Facet facet = histogram.result();
  ASSERT_EQ(facet.bucket, "week");
  EXPECT_EQ(facet.values.front().value, "2015-12-28");
  EXPECT_EQ(facet.values.front().filter, "date:2015-12-28..2016-01-03");
  EXPECT_EQ(facet.values.back().value, "2016-03-21");
  EXPECT_EQ(facet.values.size(), 13u);
}

TEST(DateHistogram, MonthsAndYearsAreLabelledAsTheQueryLanguageWritesThem) {
  KindReader kinds(true);
  DateHistogram months(kinds);
  months(dated(k2016), 0);
  months(dated(k2016 + 400 * kDay, schema::kKindComment), 0);
  const Facet by_month = months.result();
  EXPECT_EQ(by_month.values.front().value, "2016-01");
  EXPECT_EQ(by_month.values.front().filter, "date:2016-01");
  EXPECT_EQ(by_month.values.back().value, "2017-02");
  EXPECT_EQ(by_month.values.back().comments, 1u);
  EXPECT_EQ(by_month.values.back().articles, 0u);
}

TEST(FacetCounter, CountsArticlesAndCommentsApartAndQuotesFilters) {
  KindReader kinds(true);
  FacetCounter tags(schema::field("tag"), kinds);
  const std::vector<std::string> both = {"John Kerry", "Syria"};
  const std::vector<std::string> one = {"Syria"};
  Xapian::Document article;
  article.add_value(*schema::field("tag").facet_slot, schema::pack_values(both));
  article.add_value(*schema::field("kind").facet_slot, std::string(schema::kKindArticle));
  Xapian::Document comment;
  comment.add_value(*schema::field("tag").facet_slot, schema::pack_values(one));
  comment.add_value(*schema::field("kind").facet_slot, std::string(schema::kKindComment));
  tags(article, 0);
  tags(comment, 0);
  const Facet facet = tags.result(10);
  ASSERT_EQ(facet.values.size(), 2u);
  EXPECT_EQ(facet.values[0].value, "Syria");
  EXPECT_EQ(facet.values[0].count, 2u);
  EXPECT_EQ(facet.values[0].articles, 1u);
  EXPECT_EQ(facet.values[0].comments, 1u);
  EXPECT_EQ(facet.values[0].filter, "tag:Syria");
  EXPECT_EQ(facet.values[1].filter, "tag:\"John Kerry\"");
  EXPECT_EQ(tags.result(1).values_left_out, 1u);
}

}  // namespace
}  // namespace morgue::query
