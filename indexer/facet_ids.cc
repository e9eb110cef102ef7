#include "indexer/facet_ids.h"

#include <cmath>

#include <fmt/format.h>
#include <xapian.h>

#include "indexer/hash.h"

namespace morgue::schema {

namespace {
// Xapian's metadata keys are limited like terms (245 bytes); keep room for the key's own text.
constexpr std::size_t kMaxValueBytes = 200;
constexpr std::string_view kKeyPrefix = "morgue.facet.";
}  // namespace

std::string facet_id_key(std::string_view field, std::string_view value) {
  std::string key = fmt::format("{}{}.id.", kKeyPrefix, field);
  if (value.size() <= kMaxValueBytes) {
    key += value;
    return key;
  }
  key += value.substr(0, kMaxValueBytes - 17);
  key += '~';
  key += indexer::hash_hex(value);
  return key;
}

std::string facet_value_key(std::string_view field, std::uint32_t id) {
  return fmt::format("{}{}.value.{}", kKeyPrefix, field, id);
}

std::string facet_id_count_key(std::string_view field) {
  return fmt::format("{}{}.count", kKeyPrefix, field);
}

std::int64_t publication_day(const std::string& date_value) {
  return static_cast<std::int64_t>(std::floor(Xapian::sortable_unserialise(date_value) / 86400));
}

}  // namespace morgue::schema
