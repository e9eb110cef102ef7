#include "eval/metrics.h"

#include <cmath>

#include <gtest/gtest.h>

#include "eval/collection.h"

namespace morgue::eval {
namespace {

// Worked by hand: relevant a, c and f; a found at rank 1 (precision 1/1), c at rank 3 (2/3),
// f never: AP = (1 + 2/3 + 0) / 3 = 5/9.
TEST(Metrics, AveragePrecisionByHand) {
  const std::vector<std::string> ranking = {"a", "b", "c", "d", "e"};
  EXPECT_NEAR(average_precision(ranking, {{"a", 1}, {"c", 1}, {"f", 1}}), 5.0 / 9.0, 1e-12);
}

TEST(Metrics, AveragePrecisionOfPerfectAndUselessRankings) {
  EXPECT_DOUBLE_EQ(average_precision({"a", "b", "x"}, {{"a", 1}, {"b", 2}}), 1.0);
  EXPECT_DOUBLE_EQ(average_precision({"x", "y"}, {{"a", 1}}), 0.0);
  EXPECT_DOUBLE_EQ(average_precision({"a"}, {}), 0.0);
  // A gain of 0 is a judged non-relevant document.
  EXPECT_DOUBLE_EQ(average_precision({"a", "b"}, {{"a", 0}, {"b", 1}}), 0.5);
}

// Worked by hand: gains a 3, c 1, f 2; ranking a, b, c. DCG@3 = 3/log2(2) + 0 + 1/log2(4)
// = 3.5; the ideal order 3, 2, 1 gives 3 + 2/log2(3) + 1/2 = 4.7618595...; nDCG@3 = 0.7350...
TEST(Metrics, NdcgByHand) {
  const std::map<std::string, int> gains = {{"a", 3}, {"c", 1}, {"f", 2}};
  EXPECT_NEAR(ndcg_at({"a", "b", "c", "d"}, gains, 3), 3.5 / (3.5 + 2 / std::log2(3.0)), 1e-12);
  EXPECT_NEAR(ndcg_at({"a", "b", "c", "d"}, gains, 3), 0.735006, 1e-6);
  EXPECT_DOUBLE_EQ(ndcg_at({"a", "f", "c"}, gains, 3), 1.0);
  EXPECT_DOUBLE_EQ(ndcg_at({"b", "d"}, gains, 10), 0.0);
  EXPECT_DOUBLE_EQ(ndcg_at({"a"}, {}, 10), 0.0);
  // Documents below the cut do not count.
  EXPECT_DOUBLE_EQ(ndcg_at({"b", "a"}, {{"a", 1}}, 1), 0.0);
}

TEST(QueryWords, MorgueSyntaxBecomesPlainWords) {
  const std::vector<std::string> expected = {"title", "flow", "near", "3",   "high",
                                             "speed", "and",  "or",   "vs.", "don't"};
  EXPECT_EQ(query_words("title:\"Flow\" (NEAR/3) +high-speed AND OR* vs. don't"), expected);
  EXPECT_TRUE(query_words(" -( ) ").empty());
}

}  // namespace
}  // namespace morgue::eval
