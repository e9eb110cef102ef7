// Counting facet values over every matching document while Xapian runs the match.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
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

/// Tells the spies of one counting pass whether a matching document is a comment, reading its
/// kind once per document however many spies ask, and never in a database without comments.
class KindReader {
 public:
  explicit KindReader(bool database_has_comments) : any_comments_(database_has_comments) {}

  bool is_comment(const Xapian::Document& document);

 private:
  bool any_comments_;
  Xapian::docid last_document_ = 0;
  bool last_is_comment_ = false;
};

/// A match spy counting the values of one schema field's facet slot, one count per value per
/// document (a document tagged "Syria" and "Aleppo" counts once for each), articles and
/// comments apart.
class FacetCounter : public Xapian::MatchSpy {
 public:
  /// Counts `field`; `kinds` (borrowed; may be shared by the spies of one pass) tells comments
  /// from articles.
  FacetCounter(const schema::Field& field, KindReader& kinds) : field_(field), kinds_(kinds) {}

  void operator()(const Xapian::Document& document, double weight) override;

  /// The counted values, most frequent first (ties by value), at most `limit`, each with the
  /// filter that selects it.
  Facet result(std::size_t limit) const;

 private:
  // Heterogeneous lookup: a packed value's parts are counted without a string copy each.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };
  const schema::Field& field_;
  KindReader& kinds_;
  std::unordered_map<std::string, KindCounts, Hash, std::equal_to<>> counts_;
};

/// A match spy counting matching documents per day of publication, then bucketing the days by
/// day, week, month or year to fit the range found (see Facet::bucket).
class DateHistogram : public Xapian::MatchSpy {
 public:
  explicit DateHistogram(KindReader& kinds) : kinds_(kinds) {}

  void operator()(const Xapian::Document& document, double weight) override;

  /// Every bucket from the first matching date to the last, in time order (empty buckets
  /// included, so a chart has no gaps).
  Facet result() const;

 private:
  KindReader& kinds_;
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
