// The periods `date:` takes: absolute (2016, 2016-09, 2016-09-14, ranges with ..) and relative
// (last-30-days, today).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace morgue::query {

/// A closed range of seconds since 1970 UTC; an absent end is open.
struct DateRange {
  std::optional<std::int64_t> first_second;
  std::optional<std::int64_t> last_second;
};

/// Reads the value of a `date:` filter, `now` being the current time in seconds since 1970.
/// Returns nullopt for text that is no date; throws QueryError (without a column; the caller
/// adds it) for a range that ends before it starts.
std::optional<DateRange> parse_date_range(std::string_view text, std::int64_t now);

}  // namespace morgue::query
