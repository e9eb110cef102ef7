// Rendering search results for people (text) and programs (JSON).
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

/// How to_text marks matched words.
enum class TextStyle {
  kPlain,     ///< **word**
  kTerminal,  ///< ANSI bold
};

/// The result as text for a person: totals, each hit with its snippet and matching comments
/// indented under it, then the facets.
std::string to_text(const SearchResult& result, TextStyle style);

}  // namespace morgue
