// Choosing the passage of a text that best shows why it matched, with the matches marked.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <morgue/result.h>

#include "indexer/analyzer.h"

namespace morgue::query {

/// The words a query searched for, as the analyzer writes them.
struct MatchTerms {
  std::set<std::string, std::less<>> terms;  ///< whole words
  std::vector<std::string> prefixes;         ///< beginnings of words (wildcards)
  std::set<std::string, std::less<>> stems;  ///< stems of words searched in all their forms

  /// Whether the folded word `term` of a text in `language` is one the query searched for,
  /// itself or through its stem.
  bool matches(const indexer::Analyzer& analyzer, std::string_view term,
               std::string_view language) const;
};

/// A word of a text that a query matched: its number among the text's words (from 0, as
/// Analyzer::tokenize counts them) and its folded term.
struct WordMatch {
  std::size_t word = 0;
  std::string term;

  /// Field by field.
  friend bool operator==(const WordMatch&, const WordMatch&) = default;
};

/// The window of about `words` words of `text` holding the most distinct query terms, with
/// each matched word (or run of adjacent matched words, such as a phrase) marked. Offsets come
/// from the shared analyzer, so they are right in any script. Words are stemmed in `language`
/// (the text's), as the indexer stemmed them. With no match, the opening words.
Snippet make_snippet(const indexer::Analyzer& analyzer, std::string_view text,
                     std::string_view language, const MatchTerms& query_terms,
                     std::size_t words = 30);

/// The same snippet, for a text whose matched words are known beforehand: `matches` lists
/// them in order (as matched_words reads them from the index's position lists). The window is
/// chosen from them, and the text is broken into words only up to the window's end, which in a
/// long text is most of the cost. Matches past the text's last word (another field's, indexed
/// after it) are ignored. The words in the window are checked against the query: if they do
/// not match where `matches` says (an index written by another analyzer or layout), the whole
/// text is analysed as by the overload above, so the snippet is the same either way; so it is
/// for a window of schema::kFieldGap words or more, which could reach another field's matches.
Snippet make_snippet(const indexer::Analyzer& analyzer, std::string_view text,
                     std::string_view language, const MatchTerms& query_terms,
                     const std::vector<WordMatch>& matches, std::size_t words = 30);

}  // namespace morgue::query
