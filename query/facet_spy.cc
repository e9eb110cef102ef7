#include "query/facet_spy.h"

#include <algorithm>
#include <charconv>

namespace morgue::query {

namespace {

// The section of `field` in schema::kFacetIdFields.
std::size_t section_of(std::string_view field) {
  return static_cast<std::size_t>(
      std::find(schema::kFacetIdFields.begin(), schema::kFacetIdFields.end(), field) -
      schema::kFacetIdFields.begin());
}

// A number the facet dictionary stored in the metadata, or nullopt when it has none.
std::optional<std::uint64_t> stored_number(const Xapian::Database& database,
                                           const std::string& key) {
  const std::string stored = database.get_metadata(key);
  std::uint64_t number = 0;
  const auto [end, error] = std::from_chars(stored.data(), stored.data() + stored.size(), number);
  if (stored.empty() || error != std::errc() || end != stored.data() + stored.size()) {
    return std::nullopt;
  }
  return number;
}

}  // namespace

FacetSpy::FacetSpy(const Xapian::Database& database, const std::vector<std::string>& fields,
                   const FacetIdColumn* facet_ids, bool any_comments)
    : database_(database), facet_ids_(facet_ids) {
  const bool with_facet_ids = facet_ids != nullptr;
  if (with_facet_ids) {
    if (any_comments) {
      comment_id_ = stored_number(database, schema::facet_id_key("kind", schema::kKindComment))
                        .value_or(UINT64_MAX);
    }
  } else {
    if (any_comments) {
      kinds_.emplace(database, *schema::field("kind").facet_slot);
    }
  }
  for (const std::string& name : fields) {
    if (name == "date") {
      days_.emplace();
      if (!with_facet_ids) {
        dates_.emplace(database, *schema::field("date").slot);
      }
    } else if (with_facet_ids) {
      const std::uint64_t ids =
          stored_number(database, schema::facet_id_count_key(name)).value_or(0);
      id_tallies_.at(section_of(name)) = std::make_unique<IdTally>(ids);
    } else {
      const schema::Field& field = schema::field(name);
      slot_counts_.push_back(std::make_unique<SlotCount>(
          SlotCount{&field, SlotReader(database, *field.facet_slot), ValueTally()}));
    }
  }
}

void FacetSpy::operator()(const Xapian::Document& document, double /*weight*/) {
  if (facet_ids_ != nullptr) {
    count_facet_ids(document.get_docid());
  } else {
    count_slots(document.get_docid());
  }
}

void FacetSpy::count_facet_ids(Xapian::docid docid) {
  schema::FacetIdReader reader(facet_ids_->value(docid));
  static_assert(schema::kFacetIdFields.front() == "kind" &&
                schema::kFacetIdFields.back() == "date");
  bool comment = false;
  for (auto values = reader.section(); values > 0; --values) {
    const std::uint64_t id = reader.number();
    comment = comment || id == comment_id_;
    if (id_tallies_[0]) {
      id_tallies_[0]->add(id, comment);
    }
  }
  for (std::size_t section = 1; section < id_tallies_.size(); ++section) {
    IdTally* tally = id_tallies_[section].get();
    for (auto values = reader.section(); values > 0; --values) {
      const std::uint64_t id = reader.number();
      if (tally != nullptr) {
        tally->add(id, comment);
      }
    }
  }
  if (days_ && reader.section() > 0) {
    days_->add(schema::unzigzag(reader.number()), comment);
  }
}

void FacetSpy::count_slots(Xapian::docid docid) {
  const bool comment = kinds_ && kinds_->value(docid) == schema::kKindComment;
  for (const auto& count : slot_counts_) {
    const std::string_view value = count->values.value(docid);
    if (value.empty()) {
      continue;
    }
    if (count->field->multi_valued) {
      schema::for_each_packed_value(value,
                                    [&](std::string_view one) { count->tally.add(one, comment); });
    } else {
      count->tally.add(value, comment);
    }
  }
  if (dates_) {
    if (const std::string_view date = dates_->value(docid); !date.empty()) {
      days_->add(schema::publication_day(std::string(date)), comment);
    }
  }
}

Facet FacetSpy::result(const std::string& field, std::size_t limit) const {
  if (field == "date") {
    return days_->result();
  }
  const schema::Field& counted = schema::field(field);
  if (facet_ids_ != nullptr) {
    return id_tallies_.at(section_of(field))->result(counted, limit, [&](std::uint32_t id) {
      return facet_ids_->facet_value(database_, counted.name, id);
    });
  }
  for (const auto& count : slot_counts_) {
    if (count->field == &counted) {
      return count->tally.result(counted, limit);
    }
  }
  return Facet{};
}

}  // namespace morgue::query
