// Counting facet values over every matching document while Xapian runs the match.
#pragma once

#include <cstddef>
#include <map>
#include <string>

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

}  // namespace morgue::query
