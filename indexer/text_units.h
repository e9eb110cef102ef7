// Spans of text that are searchable as one unit as well as word by word: URLs, e-mail
// addresses, @handles and #hashtags.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace morgue::indexer {

/// What kind of unit a span is.
enum class UnitKind { kUrl, kEmail, kHandle, kHashtag };

/// One unit: bytes [begin, end) of the text.
struct TextUnit {
  std::size_t begin = 0;
  std::size_t end = 0;
  UnitKind kind = UnitKind::kUrl;
};

/// The units of `text`, in order, not overlapping:
///  * a URL starts with `http://`, `https://` or `www.` and runs to the next space, without
///    trailing punctuation (`.,;:!?'")]`);
///  * an e-mail address is `local@domain.tld` (ASCII letters, digits and `._%+-`);
///  * a @handle or #hashtag is `@` or `#` at the start of a word followed by letters, digits or
///    `_` (any script: `#السعودية` is one).
std::vector<TextUnit> find_text_units(std::string_view text);

/// The part of a URL that identifies it: without `http://`, `https://`, a leading `www.` and a
/// trailing `/`, so `https://www.example.com/a/` and `example.com/a` are the same unit.
std::string_view url_identity(std::string_view url);

}  // namespace morgue::indexer
