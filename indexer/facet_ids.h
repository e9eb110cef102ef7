// The facet-id slot: every facet value of a document as a small integer, so that a search
// counts facets by reading one value per match and incrementing arrays, and looks up the
// strings only of the values it lists. The writer gives out the ids (indexer/facet_dictionary.h);
// this file is the layout both sides share.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "indexer/schema.h"

namespace morgue::schema {

/// The facet fields in the order of their sections in the facet-id slot. The kind comes first,
/// so a reader knows whether a document is a comment before it counts the rest; the date's
/// section holds the publication day itself (days since 1970-01-01 UTC, from slot 0), which
/// needs no dictionary.
inline constexpr std::array<std::string_view, 7> kFacetIdFields = {
    "kind", "tag", "author", "site", "language", "type", "date"};

/// The metadata key holding the id (decimal) of `value` of the facet field `field`. A value too
/// long for a key keeps its first bytes and ends in a hash of the whole.
std::string facet_id_key(std::string_view field, std::string_view value);

/// The metadata key holding the value whose id is `id` in `field`, exactly as the facet shows it.
std::string facet_value_key(std::string_view field, std::uint32_t id);

/// The metadata key holding how many ids `field` has given out (the next id), in decimal.
std::string facet_id_count_key(std::string_view field);

/// The day (since 1970-01-01 UTC) of a date slot value (sortable_serialise of seconds).
std::int64_t publication_day(const std::string& date_value);

/// A day as the date section stores it: zigzag, so days before 1970 stay short too.
inline std::uint64_t zigzag(std::int64_t day) {
  return (static_cast<std::uint64_t>(day) << 1) ^ static_cast<std::uint64_t>(day >> 63);
}
inline std::int64_t unzigzag(std::uint64_t stored) {
  return static_cast<std::int64_t>(stored >> 1) ^ -static_cast<std::int64_t>(stored & 1);
}

/// Reads a facet-id slot value: for each field of kFacetIdFields in turn, section() gives how
/// many numbers follow and number() reads each. A damaged value reads as zeros and empty
/// sections from where it fails, never past its end.
class FacetIdReader {
 public:
  explicit FacetIdReader(std::string_view packed)
      : next_(packed.data()), end_(packed.data() + packed.size()) {}

  /// The number of values of the next section (each takes a byte or more, so a damaged count
  /// is cut to the bytes left).
  std::uint64_t section() {
    const std::uint64_t count = number();
    const auto left = static_cast<std::uint64_t>(end_ - next_);
    return count < left ? count : left;
  }

  /// The next number: a value's id, or the zigzag day in the date section.
  std::uint64_t number() {
    // Most ids are below 128: one byte.
    if (next_ != end_ && (static_cast<unsigned char>(*next_) & 0x80) == 0) {
      return static_cast<unsigned char>(*next_++);
    }
    std::uint64_t out = 0;
    int shift = 0;
    while (next_ != end_ && shift < 64) {
      const auto byte = static_cast<unsigned char>(*next_++);
      out |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) {
        return out;
      }
      shift += 7;
    }
    next_ = end_;
    return 0;
  }

 private:
  const char* next_;
  const char* end_;
};

}  // namespace morgue::schema
