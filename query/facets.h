// Counting facet values over every matching document while Xapian runs the match.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <unordered_set>

#include <xapian.h>

#include <morgue/result.h>

#include "indexer/schema.h"

namespace morgue::query {

/// A match spy counting the values of one schema field's facet slot, one count per value per
/// document (a document tagged "Syria" and "Aleppo" counts once for each).
class FacetCounter : public Xapian::MatchSpy {
 public:
  explicit FacetCounter(const schema::Field& field) : field_(field) {}

  void operator()(const Xapian::Document& document, double weight) override;

  /// The counted values: most frequent first (ties by value), at most `limit`; the date facet
  /// lists every month in time order.
  Facet result(std::size_t limit) const;

 private:
  const schema::Field& field_;
  std::map<std::string, std::size_t, std::less<>> counts_;
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

}  // namespace morgue::query
