#include "query/facet_id_column.h"

#include <limits>

#include "indexer/facet_ids.h"
#include "indexer/schema.h"

namespace morgue::query {

namespace {

// The day in a facet-id slot value: its last section.
std::int32_t day_in(std::string_view packed) {
  schema::FacetIdReader reader(packed);
  for (std::size_t section = 0; section + 1 < schema::kFacetIdFields.size(); ++section) {
    for (auto values = reader.section(); values > 0; --values) {
      reader.number();
    }
  }
  if (reader.section() == 0) {
    return FacetIdColumn::kNoDay;
  }
  const std::int64_t day = schema::unzigzag(reader.number());
  // Beyond five million years from 1970 is damage: no date.
  return day > std::numeric_limits<std::int32_t>::min() &&
                 day <= std::numeric_limits<std::int32_t>::max()
             ? static_cast<std::int32_t>(day)
             : FacetIdColumn::kNoDay;
}

}  // namespace

void FacetIdColumn::refresh(const Xapian::Database& database) {
  const std::string uuid = database.get_uuid();
  if (uuid != uuid_) {
    uuid_.clear();
    ends_.assign(1, 0);
    bytes_.clear();
    days_.assign(1, kNoDay);
    values_.clear();
  }
  const Xapian::docid last = database.get_lastdocid();
  const auto known = static_cast<Xapian::docid>(ends_.size() - 1);
  if (last <= known) {
    uuid_ = uuid;
    return;
  }
  const std::size_t kept_bytes = bytes_.size();
  try {
    const Xapian::valueno slot = *schema::field("facet_ids").slot;
    ends_.reserve(last + 1);
    days_.reserve(last + 1);
    auto stream = database.valuestream_begin(slot);
    if (known > 0 && stream != database.valuestream_end(slot)) {
      stream.skip_to(known + 1);
    }
    for (; stream != database.valuestream_end(slot) && stream.get_docid() <= last; ++stream) {
      ends_.resize(stream.get_docid(), bytes_.size());  // documents without the slot
      days_.resize(stream.get_docid(), kNoDay);
      const std::string value = *stream;
      bytes_ += value;
      ends_.push_back(bytes_.size());
      days_.push_back(day_in(value));
    }
    ends_.resize(last + 1, bytes_.size());
    days_.resize(last + 1, kNoDay);
  } catch (...) {
    ends_.resize(known + 1);
    days_.resize(known + 1);
    bytes_.resize(kept_bytes);
    throw;
  }
  uuid_ = uuid;
}

std::string FacetIdColumn::facet_value(const Xapian::Database& database, std::string_view field,
                                       std::uint32_t id) const {
  auto found = values_.find(field);
  if (found == values_.end()) {
    found = values_.emplace(std::string(field), std::vector<std::optional<std::string>>()).first;
  }
  auto& values = found->second;
  if (id >= values.size()) {
    values.resize(id + 1);
  }
  if (!values[id]) {
    values[id] = database.get_metadata(schema::facet_value_key(field, id));
  }
  return *values[id];
}

}  // namespace morgue::query
