// The writer's side of the facet-id slot (indexer/facet_ids.h): each distinct value of each
// facet field gets the next small integer of its field, kept in the database's metadata so that
// later runs, and re-indexed or replaced articles, get the same id for the same value.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include <xapian.h>

#include "indexer/facet_ids.h"

namespace morgue::indexer {

/// Gives out facet ids and fills documents' facet-id slots. Owned by the DatabaseWriter and used
/// from its thread only (Xapian allows one writer).
class FacetDictionary {
 public:
  /// Reads and extends the dictionary in `database`'s metadata; `database` must outlive this.
  explicit FacetDictionary(Xapian::WritableDatabase& database);

  /// Sets `document`'s facet-id slot from its facet slots and its date. A value seen for the
  /// first time gets the next id of its field, written to the metadata: call this inside the
  /// transaction that adds the document, so the ids commit with it or not at all. Throws
  /// Xapian::Error.
  void add_ids(Xapian::Document& document);

  /// Forgets what it read or gave out: after a failed commit the metadata is as of the last
  /// commit, and the ids given out since are free again.
  void forget();

 private:
  // Heterogeneous lookup: a packed value's parts are looked up without a string copy each.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };
  struct FieldIds {
    const schema::Field* field = nullptr;
    std::optional<std::uint32_t> count;  // ids given out; read from the metadata when needed
    std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> ids;
  };
  std::uint32_t id_of(FieldIds& field_ids, std::string_view value);

  Xapian::WritableDatabase& database_;
  // Every field of schema::kFacetIdFields but the date, whose section is the day itself.
  std::array<FieldIds, schema::kFacetIdFields.size() - 1> fields_;
};

}  // namespace morgue::indexer
