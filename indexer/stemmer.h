// Snowball stemming (Xapian::Stem) chosen per word from the text's language and the word's
// script, with a cache, because most words of an archive recur.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace morgue::indexer {

/// The Snowball stemmer name ("english", "russian", "arabic"...) for a language code or name
/// such as "en", "en-GB", "RU", "english"; empty when Xapian has no stemmer for it.
std::string_view snowball_language(std::string_view language);

/// The code of the language whose stemmer and stop words apply to `word` (folded) in a text
/// in `language` (a code, may be empty): `language` itself when `word` is in its script, else
/// the main language of the word's script, as for Stemmer; empty for scripts without one.
std::string_view word_language(std::string_view word, std::string_view language);

/// True when `word` (folded) is in a script whose stemmer takes letters off the front of words
/// (Arabic and Hebrew clitics), so that a word typed in a query may be another form's stem.
bool stem_strips_prefixes(std::string_view word);

/// Stems folded words (see Analyzer) with Xapian's Snowball stemmers. The stemmer for a word is
/// the text's language when the word is in that language's script, else the main language of
/// the word's script (Latin: English, Cyrillic: Russian, Arabic, Greek, Armenian, Tamil);
/// words of scripts without a stemmer (Chinese, Japanese, Thai...) have no stem. Arabic words
/// get a light stem (clitics and common suffixes off) rather than Snowball's. So a Russian
/// name in an English article is stemmed as Russian, on the index side and the query side alike.
/// Not thread-safe (it caches); give each thread its own.
class Stemmer {
 public:
  Stemmer();
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  /// The stem of `word` (already folded) for text in `language` (a code, may be empty), or ""
  /// when no stemmer applies.
  const std::string& stem(std::string_view word, std::string_view language);

  /// True when the stem of `word` (folded) in `language` may start otherwise than `word`: its
  /// stemmer takes letters off the front (Arabic and Hebrew clitics; Indonesian, Irish and
  /// Tamil prefixes). Every other stemmer here changes only the ends of words, so a stem starts
  /// with its word's first character (Snowball's marking of a first `y` is undone before it
  /// returns), and a caller looking for given stems may pass over words starting otherwise
  /// without stemming them. False when no stemmer applies. Much cheaper than stem().
  bool may_change_start(std::string_view word, std::string_view language);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace morgue::indexer
