// Counting facet values over the matching documents, and turning the counts into the facets a
// search returns. query/facet_spy.h feeds these from Xapian's matcher.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include <morgue/result.h>

#include "indexer/schema.h"
#include "query/slot_reader.h"

namespace morgue::query {

/// Article and comment counts of one facet value.
struct KindCounts {
  std::size_t articles = 0;
  std::size_t comments = 0;
};

/// Counts of one field's values keyed by the value as shown: how facets are counted in a
/// database without the facet-id slot. A document tagged "Syria" and "Aleppo" counts once for
/// each.
class ValueTally {
 public:
  void add(std::string_view value, bool comment);

  /// The counted values of `field`, most frequent first (ties by value), at most `limit`, each
  /// with the filter that selects it.
  Facet result(const schema::Field& field, std::size_t limit) const;

 private:
  // Heterogeneous lookup: a packed value's parts are counted without a string copy each.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };
  std::unordered_map<std::string, KindCounts, Hash, std::equal_to<>> counts_;
};

/// Counts of one field's values keyed by facet id (indexer/facet_ids.h): an array increment per
/// value, and a dictionary lookup only for the values a facet lists.
class IdTally {
 public:
  /// Ids at or above `id_count` (the ids the field has given out) are damage and not counted.
  explicit IdTally(std::uint64_t id_count) : id_count_(id_count) {}

  void add(std::uint64_t id, bool comment) {
    if (id >= all_.size()) {
      if (id >= id_count_) {
        return;
      }
      grow(id);
    }
    ++all_[id];
    if (comment) {
      ++comments_[id];
    }
  }

  /// The text of a value by its id (from the facet dictionary).
  using ValueOf = std::function<std::string(std::uint32_t id)>;

  /// As ValueTally::result; `value_of` is asked only for the values listed and those as
  /// frequent as the last one listed (ties are ranked by their text).
  Facet result(const schema::Field& field, std::size_t limit, const ValueOf& value_of) const;

 private:
  void grow(std::uint64_t id);

  std::uint64_t id_count_;
  std::vector<std::uint32_t> all_;  // by id: matching documents with the value
  std::vector<std::uint32_t> comments_;
};

/// Matching documents per day of publication, bucketed by day, week, month or year to fit the
/// range found (see Facet::bucket).
class DayTally {
 public:
  DayTally() = default;
  DayTally(const DayTally&) = delete;  // last_ points into days_
  DayTally& operator=(const DayTally&) = delete;

  /// `day`: days since 1970-01-01 UTC.
  void add(std::int64_t day, bool comment) {
    // Matches come in docid order, which is mostly indexing order: runs of one day are common.
    if (last_ == days_.end() || last_->first != day) {
      last_ = days_.try_emplace(day).first;
    }
    ++(comment ? last_->second.comments : last_->second.articles);
  }

  /// Every bucket from the first matching date to the last, in time order (empty buckets
  /// included, so a chart has no gaps).
  Facet result() const;

 private:
  std::map<std::int64_t, KindCounts> days_;
  std::map<std::int64_t, KindCounts>::iterator last_ = days_.end();
};

/// A match spy counting the distinct values of one slot: how many threads (articles with their
/// comments) the matching documents belong to. Exact, where Xapian's collapse count is an
/// estimate.
class DistinctCounter : public Xapian::MatchSpy {
 public:
  /// Reads `slot` of `database` (borrowed; it must outlive this).
  DistinctCounter(const Xapian::Database& database, Xapian::valueno slot)
      : values_(database, slot) {}

  void operator()(const Xapian::Document& document, double weight) override;

  std::size_t count() const { return seen_.size(); }

 private:
  SlotReader values_;
  std::unordered_set<std::string> seen_;
};

/// The query-language filter selecting `value` of `field`: tag:"John Kerry", site:awm.com.
std::string filter_for(std::string_view field, std::string_view value);

}  // namespace morgue::query
