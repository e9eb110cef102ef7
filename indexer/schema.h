// The one table of term prefixes and value slots. Code asks for a field by name and never
// spells a prefix or a slot number itself.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <xapian.h>

namespace morgue::schema {

/// How a field is searched.
enum class FieldKind {
  kText,      ///< analyzed words with positions (phrases work)
  kFilter,    ///< whole normalized values as boolean terms; no effect on ranking
  kDate,      ///< a range over a value slot
  kUniqueId,  ///< the one term that identifies a document, for replace-on-reindex
  kInternal,  ///< a value slot only morgue reads; not a field a query can name
};

/// One row of the schema.
struct Field {
  std::string_view name;    ///< what users type before the colon: "tag"
  std::string_view prefix;  ///< Xapian term prefix, Omega's letters where Omega has one
  FieldKind kind;
  /// Value slot holding the field for facets, sorting or ranges; nullopt when none.
  std::optional<Xapian::valueno> slot;
  /// Value slot whose values are counted as facets (the date's is its month).
  std::optional<Xapian::valueno> facet_slot;
  bool multi_valued;  ///< the facet slot holds a packed list (see pack_values)
  std::string_view description;
};

/// Every field, in the order docs/schema.md lists them.
std::span<const Field> fields();

/// The field a user names `name` (or one of its aliases, such as "lang" for "language"), or
/// nullptr; internal rows (FieldKind::kInternal) are never found, so a query cannot name them.
const Field* find_field(std::string_view name);

/// The row named `name`, internal ones included; throws std::logic_error for a name not in the
/// table (a bug).
const Field& field(std::string_view name);

/// The term for `value` (already normalized) under `field`'s prefix. Values too long for a
/// Xapian term keep their first bytes and end in a hash of the whole, so they stay unique.
std::string term(const Field& field, std::string_view value);

/// Appends `number` as a little-endian base-128 number (7 bits a byte, high bit: more follow).
void append_varint(std::string& out, std::uint64_t number);

/// Several values packed into one value slot, each preceded by its length (one byte, or more
/// as a little-endian base-128 number), so facets can count multi-valued fields.
std::string pack_values(std::span<const std::string> values);

/// Calls `on_value` for each value packed by pack_values.
template <typename Callback>
void for_each_packed_value(std::string_view packed, Callback&& on_value) {
  std::size_t offset = 0;
  while (offset < packed.size()) {
    std::size_t length = 0;
    int shift = 0;
    while (offset < packed.size()) {
      const auto byte = static_cast<unsigned char>(packed[offset++]);
      length |= static_cast<std::size_t>(byte & 0x7f) << shift;
      shift += 7;
      if ((byte & 0x80) == 0) {
        break;
      }
    }
    if (length > packed.size() - offset) {
      return;  // damaged value: count what was readable
    }
    on_value(packed.substr(offset, length));
    offset += length;
  }
}

/// Positions left empty after each positional field (title, caption, body, each tag, each
/// paragraph of a field), so that a phrase never matches across the join. The indexer leaves
/// them; snippets count them to find a text's words in the position lists.
inline constexpr Xapian::termpos kFieldGap = 100;

/// The version of the database layout morgue writes; stored in the database's metadata.
/// Version 2 added the facet-id slot (indexer/facet_ids.h).
inline constexpr std::string_view kSchemaVersion = "2";
/// The layout before the facet-id slot. morgue still reads it (facets are then counted from
/// each field's own slot) and adds to it without facet ids, so it stays version 1.
inline constexpr std::string_view kSchemaVersionWithoutFacetIds = "1";
/// Metadata key under which kSchemaVersion is stored.
inline constexpr std::string_view kSchemaVersionKey = "morgue.schema_version";

/// Metadata keys of comments read from a comments file start with this (see schema.cc).
inline constexpr std::string_view kExternalCommentPrefix = "morgue.comment.";

/// Metadata keys of input checkpoints (indexer/checkpoint.h) start with this.
inline constexpr std::string_view kCheckpointPrefix = "morgue.checkpoint.";

/// What a document stands for, the values of the "kind" field.
inline constexpr std::string_view kKindArticle = "article";
inline constexpr std::string_view kKindComment = "comment";

}  // namespace morgue::schema
