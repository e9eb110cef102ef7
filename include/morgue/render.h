// Rendering search results for people (text) and programs (JSON): the outputs of morgue-query
// and morgue-serve. Each function reads only its argument and returns a new string: call them
// from any thread. They throw nothing but std::bad_alloc; bytes that are not UTF-8 come out as
// U+FFFD in JSON.
//
//     std::cout << morgue::to_json(searcher.search(request));  // what morgue-query --json prints
#pragma once

#include <string>

#include <morgue/result.h>

namespace morgue {

/// The version of the JSON layout written by to_json; docs/json-output.md describes it. It goes
/// up when a field is removed or changes meaning, not when one is added.
inline constexpr int kJsonFormatVersion = 1;

/// The result as one JSON object (docs/json-output.md), snippets with <mark>…</mark> around
/// matched words and the rest HTML-escaped.
std::string to_json(const SearchResult& result);

/// How to_text marks matched words: plain for files and pipes, ANSI bold for a terminal.
enum class TextStyle {
  kPlain,     ///< **word**
  kTerminal,  ///< ANSI bold
};

/// The result as text for a person: totals, each hit with its snippet and matching comments
/// indented under it, then the facets.
std::string to_text(const SearchResult& result, TextStyle style);

/// One JSON object per line: each hit (as in to_json's "hits"), then a last line
/// {"summary": {...}} with the totals, facets and cursor. For streaming into other tools.
std::string to_jsonl(const SearchResult& result);

/// The page of hits as CSV with a header row: rank, key, id, title, url, site, published,
/// authors, tags, type, language, score, article_matched, matched_comments. Lists are joined
/// with "; ". RFC 4180 quoting.
std::string to_csv(const SearchResult& result);

/// An article with its comment thread as JSON ({"format_version", "key", "article"}).
std::string to_json(const ArticleThread& thread);

/// The database's counts as one JSON object: {"format_version", "database", "documents",
/// "articles", "comments", "revision", "last_modified" (ISO 8601 UTC or null),
/// "morgue_version"}.
std::string to_json(const DatabaseStats& stats);

/// An article with its comment thread for a person: the article, then each comment with its
/// place, author and whom it answers.
std::string to_text(const ArticleThread& thread);

}  // namespace morgue
