// The opaque cursor of SearchResult::next_cursor: where the next page starts.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace morgue::query {

/// A position in a sorted list of hits. For date orders it is the date of the last hit shown
/// and how many hits shown so far share that date, so the next page is found by a range on the
/// date (its cost does not grow with depth); for relevance it is the absolute offset.
struct Cursor {
  std::size_t offset = 0;     ///< hits before the next page, in all
  std::string last_date;      ///< sortable date of the last hit shown; empty: use offset alone
  std::size_t same_date = 0;  ///< hits shown with exactly last_date
};

/// The cursor as text safe in a URL or a shell (hex digits and ':').
std::string encode_cursor(const Cursor& cursor);

/// Reads encode_cursor's text; nullopt when it is not a cursor.
std::optional<Cursor> decode_cursor(const std::string& text);

}  // namespace morgue::query
