// The one text analyzer: ICU word breaking plus normalization, used both when indexing and when
// parsing queries, so a word typed in a query becomes exactly the terms that were indexed.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace morgue::indexer {

/// One word of analyzed text.
struct Token {
  std::string term;       ///< normalized: NFKC, case folded
  std::size_t begin = 0;  ///< byte offset of the word in the analyzed text
  std::size_t end = 0;    ///< byte offset one past the word
};

/// Splits UTF-8 text into words with ICU's word BreakIterator (dictionary-based for Chinese,
/// Japanese, Thai, Khmer and Lao) and normalizes each word with NFKC case folding. Spaces and
/// punctuation are dropped; letters, numbers, kana and ideographs are kept. Words longer than
/// kMaxWordBytes after normalization are dropped (they would not fit in a Xapian term).
/// Not thread-safe: give each thread its own Analyzer (construction costs about a microsecond
/// of ICU setup, reuse one per thread).
class Analyzer {
 public:
  /// Xapian refuses terms over 245 bytes; keep room for the longest prefix in the schema.
  static constexpr std::size_t kMaxWordBytes = 200;

  /// Throws morgue::Error if ICU cannot create its break iterator (broken ICU data).
  Analyzer();
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  /// The words of `text` in order. Invalid UTF-8 bytes become U+FFFD and are not words.
  std::vector<Token> tokenize(std::string_view text) const;

  /// `text` as one normalized string (NFKC case folded, white space collapsed to single spaces,
  /// trimmed): how filter values such as tags and authors are matched ("John  Kerry" and
  /// "john kerry" become the same).
  std::string normalize(std::string_view text) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace morgue::indexer
