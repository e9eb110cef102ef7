// The one text analyzer: ICU word breaking plus normalization, stemming, stop words and language
// detection, used both when indexing and when parsing queries, so a word typed in a query
// becomes exactly the terms that were indexed. docs/analysis.md describes every step.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/language_detector.h"

namespace morgue::indexer {

/// One word of analyzed text, with the other forms it is also found by.
struct Token {
  /// The searchable form: NFKC, case folded, diacritics removed from Latin and Greek letters
  /// (`café` → `cafe`, `Zürich` → `zurich`), `ё` → `е`, Arabic short vowels and tatweel
  /// removed and alef, yeh and teh marbuta forms unified, every decimal digit made ASCII,
  /// typographic apostrophes made `'`.
  std::string term;
  /// The form with its diacritics as written (NFKC, case folded), when it differs from `term`;
  /// else empty. What an exact query (`=café`) looks for.
  std::string exact;
  /// More forms found at the word's place: the word after an elided article (`l'état` →
  /// `état`), the word before a possessive `'s`, the word without its apostrophe (`dont`), a
  /// number without its group separators (`1,000,000` → `1000000`), each ideograph and each
  /// run of one script of a Chinese or Japanese word of several (`一個` → `一`, `個`;
  /// `アメリカ大陸` → `アメリカ`, `大陸`, `大`, `陸`), a Thai word joined to the Thai word
  /// written right before it (`รัฐ` `บาล` → `รัฐบาล`).
  std::vector<std::string> variants;
  /// For the last part of a hyphenated word (`al-Farafira`), the parts joined (`alfarafira`);
  /// else empty.
  std::string joined;
  /// For the first word of a URL, e-mail address, @handle or #hashtag, that whole unit as one
  /// term (`@morgue_news`, `#brexit`, `user@example.com`, `example.com/path`); else empty.
  std::string unit;
  std::size_t begin = 0;  ///< byte offset of the word in the analyzed text
  std::size_t end = 0;    ///< byte offset one past the word
};

/// Splits UTF-8 text into words with ICU's word BreakIterator (dictionary-based for Chinese,
/// Japanese, Thai, Khmer and Lao) and normalizes each word (see Token). Spaces and punctuation
/// are dropped; letters, numbers, kana and ideographs are kept. Limits: a word whose term is
/// longer than kMaxWordBytes is dropped (real words never are; such tokens are base64 or junk);
/// a unit (URL...) that long keeps its first bytes and ends in `~` and a hash of the whole.
/// Not thread-safe (it caches stems): give each thread its own Analyzer.
class Analyzer {
 public:
  /// Xapian refuses terms over 245 bytes; keep room for the longest prefix in the schema
  /// (`ZS`, `XE`) and more.
  static constexpr std::size_t kMaxWordBytes = 200;

  /// Throws morgue::Error if ICU cannot create its break iterator (broken ICU data).
  Analyzer();
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  /// Which forms tokenize() works out for each word.
  enum class Forms {
    kAll,       ///< every field of Token: what the indexer and the query parser need
    kTermOnly,  ///< only `term`, `begin` and `end` (the words are the same): for snippets,
                ///< which look words up and never index them
  };

  /// The words of `text` in order. Invalid UTF-8 bytes become U+FFFD and are not words.
  std::vector<Token> tokenize(std::string_view text, Forms forms = Forms::kAll) const;

  /// Told of each word of `text` in turn: its term and its byte offsets, as a Token of
  /// Forms::kTermOnly has them (`term` lives until the call returns). Returning false stops.
  using WordVisitor =
      std::function<bool(std::string_view term, std::size_t begin, std::size_t end)>;

  /// The words of tokenize(text, Forms::kTermOnly), one at a time, until `visit` returns false:
  /// the text is broken no further, and no Token is built (snippets read a passage of a long
  /// text; docs/benchmarks.md).
  void for_each_word(std::string_view text, const WordVisitor& visit) const;

  /// `text` as one normalized string (NFKC case folded, white space collapsed to single spaces,
  /// trimmed): how filter values such as tags and authors are matched ("John  Kerry" and
  /// "john kerry" become the same).
  std::string normalize(std::string_view text) const;

  /// The Snowball stem of a token's `term` for text in `language` (a code such as "en"; may be
  /// empty), or "" for words without a stemmer (Chinese, Japanese, Thai, numbers...). The
  /// stemmer follows the word's script when the language is written in another one (see
  /// Stemmer). The reference stays valid until the next call.
  const std::string& stem(std::string_view term, std::string_view language) const;

  /// True when the stem of `term` in `language` may start otherwise than `term` (see
  /// Stemmer::may_change_start); when false, a stem starts with its word's first character.
  bool stem_may_change_start(std::string_view term, std::string_view language) const;

  /// True when `term` is a stop word for text in `language` (may be empty: the word's script
  /// decides), such as `the`, `и`, `في`. Queries leave stop words out; the index keeps them.
  bool is_stop_word(std::string_view term, std::string_view language) const;

  /// The language of `text` by CLD2 (see detect_language).
  DetectedLanguage detect_language(std::string_view text) const;

  /// When the whole of `text` is one URL, e-mail address, @handle or #hashtag, its unit term
  /// (as Token::unit); else nullopt.
  std::optional<std::string> unit_term(std::string_view text) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace morgue::indexer
