#include "query/facets.h"

#include <algorithm>

namespace morgue::query {

void FacetCounter::operator()(const Xapian::Document& document, double /*weight*/) {
  const std::string value = document.get_value(*field_.facet_slot);
  if (value.empty()) {
    return;
  }
  const auto count = [this](std::string_view one) {
    auto found = counts_.find(one);
    if (found == counts_.end()) {
      counts_.emplace(std::string(one), 1);
    } else {
      ++found->second;
    }
  };
  if (field_.multi_valued) {
    schema::for_each_packed_value(value, count);
  } else {
    count(value);
  }
}

Facet FacetCounter::result(std::size_t limit) const {
  Facet facet;
  facet.field = std::string(field_.name);
  for (const auto& [value, count] : counts_) {
    facet.values.push_back(FacetValue{value, count});
  }
  if (field_.kind == schema::FieldKind::kDate) {
    return facet;  // a histogram: every bucket, in time order (the map's order)
  }
  std::stable_sort(facet.values.begin(), facet.values.end(),
                   [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
  if (facet.values.size() > limit) {
    facet.values_left_out = facet.values.size() - limit;
    facet.values.resize(limit);
  }
  return facet;
}

void DistinctCounter::operator()(const Xapian::Document& document, double /*weight*/) {
  seen_.insert(document.get_value(slot_));
}

}  // namespace morgue::query
