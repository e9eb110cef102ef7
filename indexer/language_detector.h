// Which language a text is written in, by CLD2 (Compact Language Detector 2, from Debian).
#pragma once

#include <string>
#include <string_view>

namespace morgue::indexer {

/// What the detector concluded about one text.
struct DetectedLanguage {
  /// A BCP 47 code such as "en", "ru", "zh" or "zh-Hant"; empty when the language is unknown.
  std::string code;
  /// CLD2's own verdict: true when the text was long and clear enough to trust `code`. One
  /// ordinary sentence usually is; one or two words usually are not.
  bool reliable = false;
};

/// The language of `text` (UTF-8; the first kMaxDetectBytes bytes are read, invalid UTF-8 gives
/// an unknown language). Stateless and thread-safe.
DetectedLanguage detect_language(std::string_view text);

/// How much of a text detect_language reads: a paragraph (about 100 words) decides the language of
/// an article, and reading all of a long one would cost indexing time for nothing.
inline constexpr std::size_t kMaxDetectBytes = 600;

}  // namespace morgue::indexer
