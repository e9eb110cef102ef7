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
///   - day month year: "20 February 2017", "26-FEB-1987 15:01:01.79", and with month names in
///     German, French, Spanish, Italian, Portuguese and Russian: "20. Februar 2017",
///     "1er mars 2017", "20 de febrero de 2017", "20 февраля 2017 г."
///   - day.month.year: "20.02.2017", "20.02.2017 14:05"
///   - month day, year: "February 20, 2017"
///   - Unix seconds: 9 to 11 digits, "1475071500" (UTC)
/// The zone is kept in utc_offset_minutes ("Z", "GMT", "UTC", "UT" are 0; US zones such as "EST"
/// are known too) and left absent when the text names none. Thread-safe.
///     auto date = parse_date("Wed, 28 Sep 2016 14:05:00 +0300");  // utc_offset_minutes 180
std::optional<DateTime> parse_date(std::string_view text);

/// Parses `text` with a strptime(3) `format` as a user names it ("%d/%m/%Y %H:%M"); the whole of
/// `text` (but surrounding spaces) must match. The zone is kept when the format has `%z`; month
/// and weekday names (`%b`, `%a`) are English. nullopt when it does not match or names an
/// impossible date. Thread-safe.
///     auto date = parse_date("20/02/2017 04:44", "%d/%m/%Y %H:%M");
std::optional<DateTime> parse_date(std::string_view text, const std::string& format);

}  // namespace morgue::indexer
