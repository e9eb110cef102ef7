// The database morgue writes holds two kinds of Xapian document:
//
//  * an article: its title and body as positional text (title words also under the title
//    prefix) in their folded form, their stems (Z) and, where folding removed diacritics, their
//    exact forms (XE), without positions; its tags, authors, site, language, type and date as
//    filter terms and values, and its stored fields as JSON in the document data;
//  * a comment: the reader's text as positional text, its author as a filter term, and the
//    article's tags, site, language, type and date copied onto it so that a filter on those
//    finds the article's discussion too. Its "thread" term and value name its article.
//
// Every document has one unique-id term (Q): the article's key (its id, else its normalized
// URL, else a hash of title, date and body), and for a comment that key plus "#" and the
// comment's place in the thread. Re-indexing an article replaces it and all its comments.
//
// Every document also carries all its facet values as small integers in one value slot
// (facet_ids; layout and dictionary in indexer/facet_ids.h), so a search counts facets by
// reading one slot per match and shows strings only for the values it lists.
//
// Comments read from a comments file (apart from their article) are also kept in the metadata,
// under kExternalCommentPrefix, hash of the article reference, ".", hash of the comment: the
// thread is rebuilt from there when the article arrives, is re-indexed, or gains comments.
#include "indexer/schema.h"

#include <array>
#include <stdexcept>

#include <fmt/format.h>

#include "indexer/hash.h"

namespace morgue::schema {

namespace {

using K = FieldKind;
constexpr std::nullopt_t kNoSlot = std::nullopt;

// Slot numbers are part of the on-disk layout: add new ones at the end, never renumber.
const std::array kFields = {
    Field{"id", "Q", K::kUniqueId, kNoSlot, kNoSlot, false,
          "the document's unique key: article key, or article key#position for a comment"},
    Field{"text", "", K::kText, kNoSlot, kNoSlot, false,
          "every word of the title, body and comment text (unprefixed)"},
    Field{"title", "S", K::kText, kNoSlot, kNoSlot, false, "words of the article's title"},
    Field{"stem", "Z", K::kText, kNoSlot, kNoSlot, false,
          "Snowball stems of text words in the document's language (title stems: Z + S)"},
    Field{"exact", "XE", K::kText, kNoSlot, kNoSlot, false,
          "text words with their diacritics as written, where folding removed some"},
    Field{"tag", "K", K::kFilter, 2, 2, true, "the article's tags"},
    Field{"author", "A", K::kFilter, 3, 3, true, "article authors and comment authors"},
    Field{"site", "H", K::kFilter, 4, 4, false, "the publisher: a domain or a name"},
    Field{"language", "L", K::kFilter, 5, 5, false, "language code such as en"},
    Field{"type", "XT", K::kFilter, 6, 6, false, "the source's label: news, opinion, fake..."},
    Field{"kind", "XK", K::kFilter, 7, 7, false, "article or comment"},
    Field{"date", "", K::kDate, 0, 1, false,
          "publication time (slot 0, sortable seconds since 1970 UTC); month facet (slot 1, "
          "YYYY-MM)"},
    Field{"thread", "XP", K::kFilter, 8, kNoSlot, false,
          "the article a document belongs to (its key): an article's own, a comment's article"},
    Field{"ref", "XR", K::kFilter, kNoSlot, kNoSlot, false,
          "how a comments file may name an article: id:ID, url:URL, title:TITLE (articles only)"},
    Field{"facet_ids", "", K::kInternal, 9, kNoSlot, false,
          "every facet value of the document as a small integer (indexer/facet_ids.h)"},
};

struct Alias {
  std::string_view alias;
  std::string_view name;
};
constexpr std::array kAliases = {Alias{"lang", "language"}, Alias{"in", "kind"},
                                 Alias{"body", "text"}};

bool is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }

}  // namespace

std::span<const Field> fields() { return kFields; }

const Field* find_field(std::string_view name) {
  for (const auto& alias : kAliases) {
    if (alias.alias == name) {
      name = alias.name;
    }
  }
  for (const auto& f : kFields) {
    if (f.name == name && f.kind != K::kInternal) {
      return &f;
    }
  }
  return nullptr;
}

const Field& field(std::string_view name) {
  for (const auto& f : kFields) {
    if (f.name == name) {
      return f;
    }
  }
  const Field* aliased = find_field(name);
  if (aliased == nullptr) {
    throw std::logic_error(fmt::format("schema has no field '{}'", name));
  }
  return *aliased;
}

std::string term(const Field& f, std::string_view value) {
  // Xapian's limit is 245 bytes; our longest prefix is 2 bytes plus a separator.
  constexpr std::size_t kMaxValueBytes = 240;
  std::string out(f.prefix);
  // Omega's convention: a multi-letter prefix is followed by ':' when the value starts with a
  // capital, so "XT" + "Opinion" cannot be read as prefix "XTO".
  if (f.prefix.size() > 1 && !value.empty() && is_upper_ascii(value.front())) {
    out += ':';
  }
  if (value.size() <= kMaxValueBytes) {
    out += value;
    return out;
  }
  std::string_view head = value.substr(0, kMaxValueBytes - 17);
  // Cut at a character boundary so the term stays valid UTF-8.
  while (!head.empty() && (static_cast<unsigned char>(value[head.size()]) & 0xC0) == 0x80) {
    head.remove_suffix(1);
  }
  out += head;
  out += '~';
  out += indexer::hash_hex(value);
  return out;
}

void append_varint(std::string& out, std::uint64_t number) {
  do {
    auto byte = static_cast<unsigned char>(number & 0x7f);
    number >>= 7;
    if (number != 0) {
      byte |= 0x80;
    }
    out += static_cast<char>(byte);
  } while (number != 0);
}

std::string pack_values(std::span<const std::string> values) {
  std::string packed;
  for (const auto& value : values) {
    append_varint(packed, value.size());
    packed += value;
  }
  return packed;
}

}  // namespace morgue::schema
