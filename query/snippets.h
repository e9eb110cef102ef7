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

/// The window of about `words` words of `text` holding the most distinct query terms, with
/// each matched word (or run of adjacent matched words, such as a phrase) marked. Offsets come
/// from the shared analyzer, so they are right in any script. Words are stemmed in `language`
/// (the text's), as the indexer stemmed them. With no match, the opening words.
Snippet make_snippet(const indexer::Analyzer& analyzer, std::string_view text,
                     std::string_view language, const MatchTerms& query_terms,
                     std::size_t words = 30);

}  // namespace morgue::query
