#include "indexer/facet_dictionary.h"

#include <charconv>
#include <vector>

#include <fmt/format.h>

namespace morgue::indexer {

namespace {

std::uint32_t stored_number(const std::string& stored, const std::string& key) {
  std::uint32_t number = 0;
  const auto [end, error] = std::from_chars(stored.data(), stored.data() + stored.size(), number);
  if (error != std::errc() || end != stored.data() + stored.size()) {
    throw Xapian::DatabaseCorruptError(
        fmt::format("metadata {} holds '{}', not a facet id count or id", key, stored));
  }
  return number;
}

}  // namespace

FacetDictionary::FacetDictionary(Xapian::WritableDatabase& database) : database_(database) {
  static_assert(schema::kFacetIdFields.back() == "date");
  for (std::size_t index = 0; index < fields_.size(); ++index) {
    fields_[index].field = &schema::field(schema::kFacetIdFields[index]);
  }
}

void FacetDictionary::add_ids(Xapian::Document& document) {
  std::string packed;
  std::vector<std::uint32_t> ids;
  for (FieldIds& field_ids : fields_) {
    const schema::Field& field = *field_ids.field;
    const std::string value = document.get_value(*field.facet_slot);
    ids.clear();
    // As the facets counted these slots before: an empty value is no value, a packed list is
    // each of its values.
    if (field.multi_valued) {
      schema::for_each_packed_value(
          value, [&](std::string_view one) { ids.push_back(id_of(field_ids, one)); });
    } else if (!value.empty()) {
      ids.push_back(id_of(field_ids, value));
    }
    schema::append_varint(packed, ids.size());
    for (const std::uint32_t id : ids) {
      schema::append_varint(packed, id);
    }
  }
  const std::string date = document.get_value(*schema::field("date").slot);
  if (date.empty()) {
    schema::append_varint(packed, 0);
  } else {
    schema::append_varint(packed, 1);
    schema::append_varint(packed, schema::zigzag(schema::publication_day(date)));
  }
  document.add_value(*schema::field("facet_ids").slot, packed);
}

std::uint32_t FacetDictionary::id_of(FieldIds& field_ids, std::string_view value) {
  if (const auto found = field_ids.ids.find(value); found != field_ids.ids.end()) {
    return found->second;
  }
  const std::string_view name = field_ids.field->name;
  const std::string id_key = schema::facet_id_key(name, value);
  std::uint32_t id = 0;
  if (const std::string stored = database_.get_metadata(id_key); !stored.empty()) {
    id = stored_number(stored, id_key);
  } else {
    const std::string count_key = schema::facet_id_count_key(name);
    if (!field_ids.count) {
      const std::string count = database_.get_metadata(count_key);
      field_ids.count = count.empty() ? 0 : stored_number(count, count_key);
    }
    id = (*field_ids.count)++;
    database_.set_metadata(id_key, std::to_string(id));
    database_.set_metadata(schema::facet_value_key(name, id), std::string(value));
    database_.set_metadata(count_key, std::to_string(*field_ids.count));
  }
  field_ids.ids.emplace(value, id);
  return id;
}

void FacetDictionary::forget() {
  for (FieldIds& field_ids : fields_) {
    field_ids.count.reset();
    field_ids.ids.clear();
  }
}

}  // namespace morgue::indexer
