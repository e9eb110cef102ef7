// The commonest function words of each language, left out of queries (never out of the index,
// so a quoted phrase with them still matches).
#pragma once

#include <span>
#include <string_view>

namespace morgue::indexer {

/// The stop words of `language` (a two-letter code) as they are written, lower case; empty for
/// a language without a list (en, de, fr, es, it, pt, nl, ru, ar have one). The Analyzer folds
/// them like any word before comparing.
std::span<const std::string_view> stop_words(std::string_view language);

}  // namespace morgue::indexer
