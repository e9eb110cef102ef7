// Counting facet values over every matching document while Xapian runs the match.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_set>

#include <xapian.h>

#include <morgue/result.h>

#include "indexer/schema.h"

namespace morgue::query {

/// Article and comment counts of one facet value.
struct KindCounts {
  std::size_t articles = 0;
  std::size_t comments = 0;
};

/// A match spy counting the values of one schema field's facet slot, one count per value per
/// document (a document tagged "Syria" and "Aleppo" counts once for each), articles and
/// comments apart.
class FacetCounter : public Xapian::MatchSpy {
 public:
  explicit FacetCounter(const schema::Field& field) : field_(field) {}

  void operator()(const Xapian::Document& document, double weight) override;

  /// The counted values, most frequent first (ties by value), at most `limit`, each with the
  /// filter that selects it.
  Facet result(std::size_t limit) const;

 private:
  const schema::Field& field_;
  std::map<std::string, KindCounts, std::less<>> counts_;
};

/// A match spy counting matching documents per day of publication, then bucketing the days by
/// day, week, month or year to fit the range found (see Facet::bucket).
class DateHistogram : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& document, double weight) override;

  /// Every bucket from the first matching date to the last, in time order (empty buckets
  /// included, so a chart has no gaps).
  Facet result() const;

 private:
  std::map<std::int64_t, KindCounts> days_;  // days since 1970-01-01 UTC
};

/// A match spy counting the distinct values of one slot: how many threads (articles with their
/// comments) the matching documents belong to. Exact, where Xapian's collapse count is an
/// estimate.
class DistinctCounter : public Xapian::MatchSpy {
 public:
  explicit DistinctCounter(Xapian::valueno slot) : slot_(slot) {}

  void operator()(const Xapian::Document& document, double weight) override;

  std::size_t count() const { return seen_.size(); }

 private:
  Xapian::valueno slot_;
  std::unordered_set<std::string> seen_;
};

/// The query-language filter selecting `value` of `field`: tag:"John Kerry", site:awm.com.
std::string filter_for(std::string_view field, std::string_view value);

}  // namespace morgue::query
