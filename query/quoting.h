// Double-quoted strings of the query language: "John Kerry", "the \"Jungle\" camp". Inside the
// quotes a backslash makes the next `"` or `\` literal, so any value can be written as a filter.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace morgue::query {

/// `value` between double quotes, with `"` and `\` escaped by a backslash.
std::string quote(std::string_view value);

/// The inside of a quoted string and where it ends.
struct Quoted {
  std::string text;  ///< escapes undone
  std::size_t end;   ///< offset just past the closing quote
};

/// Reads the quoted string whose opening quote is at `text[open]`; nullopt when it is never
/// closed. A backslash before `"` or `\` makes that character literal; any other backslash is
/// kept as it is.
std::optional<Quoted> read_quoted(std::string_view text, std::size_t open);

}  // namespace morgue::query
