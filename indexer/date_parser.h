// Reads the dates that news archives write, in the handful of forms scrapers produce.
#pragma once

#include <optional>
#include <string_view>

#include <morgue/article.h>

namespace morgue::indexer {

/// Parses a date as a news archive writes it; nullopt when `text` is in none of these forms or
/// names an impossible date (month 13, 30 February, hour 24). Surrounding spaces are ignored,
/// month and weekday names are English in any case, and a fraction of a second is dropped.
///   - ISO 8601: "2016-09-28T14:05:00Z", "2016-09-28T14:05:00+03:00", "2016-09-28 14:05",
///     "2018-01-25 16:17:44.789555", "2016-09-28"
///   - RFC 2822: "Wed, 28 Sep 2016 14:05:00 +0300", "Wed, 28 Sep 2016 14:05:00 GMT"
///   - day month year: "20 February 2017", "26-FEB-1987 15:01:01.79"
///   - month day, year: "February 20, 2017"
///   - Unix seconds: 9 to 11 digits, "1475071500" (UTC)
/// The zone is kept in utc_offset_minutes ("Z", "GMT", "UTC", "UT" are 0; US zones such as "EST"
/// are known too) and left absent when the text names none. Thread-safe.
///     auto date = parse_date("Wed, 28 Sep 2016 14:05:00 +0300");  // utc_offset_minutes 180
std::optional<DateTime> parse_date(std::string_view text);

}  // namespace morgue::indexer
