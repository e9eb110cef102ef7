#include "indexer/date_parser.h"

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace morgue::indexer {

namespace {

// Hand-written scanning: std::regex recurses once per character and overflows the stack on
// long input, and a date field of a broken record can be a whole article.

constexpr std::array<std::string_view, 12> kMonthNames = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

constexpr std::array<std::string_view, 7> kWeekdayNames = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

struct ZoneName {
  std::string_view name;
  int utc_offset_minutes;
};

// RFC 2822 section 4.3 lists these; scrapers of US sites still meet them.
constexpr std::array<ZoneName, 12> kZoneNames = {{{"z", 0},
                                                  {"ut", 0},
                                                  {"utc", 0},
                                                  {"gmt", 0},
                                                  {"est", -5 * 60},
                                                  {"edt", -4 * 60},
                                                  {"cst", -6 * 60},
                                                  {"cdt", -5 * 60},
                                                  {"mst", -7 * 60},
                                                  {"mdt", -6 * 60},
                                                  {"pst", -8 * 60},
                                                  {"pdt", -7 * 60}}};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool is_space(char c) { return c == ' ' || c == '\t'; }

std::string to_lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return lower;
}

// A cursor over the text. Each read either consumes what it matched or leaves the position alone.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  bool at_end() const { return pos_ == text_.size(); }
  std::size_t position() const { return pos_; }
  void rewind(std::size_t position) { pos_ = position; }

  bool skip(char c) {
    if (!at_end() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  // Returns whether at least one space was skipped.
  bool skip_spaces() {
    const std::size_t start = pos_;
    while (!at_end() && is_space(text_[pos_])) {
      ++pos_;
    }
    return pos_ > start;
  }

  // A run of `min_digits` to `max_digits` digits; a longer run does not match.
  std::optional<int> number(std::size_t min_digits, std::size_t max_digits) {
    std::size_t end = pos_;
    while (end < text_.size() && is_digit(text_[end])) {
      ++end;
    }
    const std::size_t length = end - pos_;
    if (length < min_digits || length > max_digits) {
      return std::nullopt;
    }
    int value = 0;
    for (; pos_ < end; ++pos_) {
      value = value * 10 + (text_[pos_] - '0');
    }
    return value;
  }

  // A run of ASCII letters, lower-cased; empty when none.
  std::string word() {
    const std::size_t start = pos_;
    while (!at_end() && is_letter(text_[pos_])) {
      ++pos_;
    }
    return to_lower(text_.substr(start, pos_ - start));
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

// "Feb", "feb.", "February", "Sept": 1..12, or nullopt.
std::optional<int> month_number(Scanner& scanner) {
  const std::size_t start = scanner.position();
  const std::string name = scanner.word();
  for (std::size_t index = 0; index < kMonthNames.size(); ++index) {
    const std::string_view full = kMonthNames[index];
    if (name == full || name == full.substr(0, 3) || (index == 8 && name == "sept")) {
      if (name != full) {
        scanner.skip('.');
      }
      return static_cast<int>(index) + 1;
    }
  }
  scanner.rewind(start);
  return std::nullopt;
}

// An optional leading weekday: "Wed, ", "Wednesday ".
void skip_weekday(Scanner& scanner) {
  const std::size_t start = scanner.position();
  const std::string name = scanner.word();
  for (const std::string_view full : kWeekdayNames) {
    if (!name.empty() && (name == full || name == full.substr(0, 3))) {
      scanner.skip('.');
      scanner.skip(',');
      scanner.skip_spaces();
      return;
    }
  }
  scanner.rewind(start);
}

// "14:05", "14:05:00", "16:17:44.789555" (fraction dropped). Fills the time of `date`.
bool read_time(Scanner& scanner, DateTime& date) {
  const auto hour = scanner.number(1, 2);
  if (!hour || !scanner.skip(':')) {
    return false;
  }
  const auto minute = scanner.number(2, 2);
  if (!minute) {
    return false;
  }
  int second = 0;
  if (scanner.skip(':')) {
    const auto seconds = scanner.number(2, 2);
    if (!seconds) {
      return false;
    }
    second = *seconds;
    if (scanner.skip('.') || scanner.skip(',')) {
      if (!scanner.number(1, 9)) {
        return false;
      }
    }
  }
  if (*hour > 23 || *minute > 59 || second > 59) {
    return false;
  }
  date.hour = *hour;
  date.minute = *minute;
  date.second = second;
  date.has_time = true;
  return true;
}

// "Z", "GMT", "EST", "+03:00", "+0300", "-03"; nullopt (position unchanged) when none follows.
std::optional<int> read_zone(Scanner& scanner) {
  const std::size_t start = scanner.position();
  const bool positive = scanner.skip('+');
  if (positive || scanner.skip('-')) {
    std::optional<int> hours;
    std::optional<int> minutes;
    if (const auto hhmm = scanner.number(4, 4)) {
      hours = *hhmm / 100;
      minutes = *hhmm % 100;
    } else if ((hours = scanner.number(2, 2))) {
      minutes = scanner.skip(':') ? scanner.number(2, 2) : 0;
    }
    if (hours && minutes && *hours <= 23 && *minutes <= 59) {
      const int offset = *hours * 60 + *minutes;
      return positive ? offset : -offset;
    }
    scanner.rewind(start);
    return std::nullopt;
  }
  const std::string name = scanner.word();
  for (const ZoneName& zone : kZoneNames) {
    if (name == zone.name) {
      return zone.utc_offset_minutes;
    }
  }
  scanner.rewind(start);
  return std::nullopt;
}

// A time with an optional zone, then the end of the text.
bool read_time_and_zone(Scanner& scanner, DateTime& date) {
  if (!read_time(scanner, date)) {
    return false;
  }
  scanner.skip_spaces();
  if (scanner.at_end()) {
    return true;
  }
  date.utc_offset_minutes = read_zone(scanner);
  return date.utc_offset_minutes.has_value() && scanner.at_end();
}

bool is_valid_day(int year, int month, int day) {
  if (year < 1 || month < 1 || month > 12 || day < 1) {
    return false;
  }
  const std::chrono::year_month_day_last last{
      std::chrono::year{year}, std::chrono::month_day_last{std::chrono::month{unsigned(month)}}};
  return day <= static_cast<int>(unsigned(last.day()));
}

// "2016-09-28", "2016-09-28T14:05:00+03:00", "2016-09-28 14:05", "2018-01-25 16:17:44.789555".
std::optional<DateTime> parse_iso8601(Scanner scanner) {
  DateTime date;
  const auto year = scanner.number(4, 4);
  if (!year || !scanner.skip('-')) {
    return std::nullopt;
  }
  const auto month = scanner.number(1, 2);
  if (!month || !scanner.skip('-')) {
    return std::nullopt;
  }
  const auto day = scanner.number(1, 2);
  if (!day) {
    return std::nullopt;
  }
  date.year = *year;
  date.month = *month;
  date.day = *day;
  if (scanner.at_end()) {
    return date;
  }
  if (!scanner.skip('T') && !scanner.skip('t') && !scanner.skip_spaces()) {
    return std::nullopt;
  }
  if (!read_time_and_zone(scanner, date)) {
    return std::nullopt;
  }
  return date;
}

// "Wed, 28 Sep 2016 14:05:00 +0300", "20 February 2017", "26-FEB-1987 15:01:01.79".
std::optional<DateTime> parse_day_month_year(Scanner scanner) {
  DateTime date;
  skip_weekday(scanner);
  const auto day = scanner.number(1, 2);
  if (!day) {
    return std::nullopt;
  }
  const bool dashes = scanner.skip('-');
  if (!dashes && !scanner.skip_spaces()) {
    return std::nullopt;
  }
  const auto month = month_number(scanner);
  if (!month || !(dashes ? scanner.skip('-') : scanner.skip_spaces())) {
    return std::nullopt;
  }
  const auto year = scanner.number(4, 4);
  if (!year) {
    return std::nullopt;
  }
  date.year = *year;
  date.month = *month;
  date.day = *day;
  if (scanner.at_end()) {
    return date;
  }
  if (!scanner.skip_spaces() || !read_time_and_zone(scanner, date)) {
    return std::nullopt;
  }
  return date;
}

// "February 20, 2017", "Monday, February 20, 2017 04:44 EST".
std::optional<DateTime> parse_month_day_year(Scanner scanner) {
  DateTime date;
  skip_weekday(scanner);
  const auto month = month_number(scanner);
  if (!month || !scanner.skip_spaces()) {
    return std::nullopt;
  }
  const auto day = scanner.number(1, 2);
  if (!day) {
    return std::nullopt;
  }
  scanner.skip(',');
  if (!scanner.skip_spaces()) {
    return std::nullopt;
  }
  const auto year = scanner.number(4, 4);
  if (!year) {
    return std::nullopt;
  }
  date.year = *year;
  date.month = *month;
  date.day = *day;
  scanner.skip(',');
  if (scanner.at_end()) {
    return date;
  }
  if (!scanner.skip_spaces() || !read_time_and_zone(scanner, date)) {
    return std::nullopt;
  }
  return date;
}

// 9 to 11 digits: 1973-03-03 to 5138-11-16, the range where a number is plausibly a date
// rather than a year (4 digits) or an id.
std::optional<DateTime> parse_unix_seconds(std::string_view text) {
  if (text.size() < 9 || text.size() > 11) {
    return std::nullopt;
  }
  std::int64_t seconds = 0;
  for (const char c : text) {
    if (!is_digit(c)) {
      return std::nullopt;
    }
    seconds = seconds * 10 + (c - '0');
  }
  using namespace std::chrono;
  const sys_seconds instant{std::chrono::seconds{seconds}};
  const sys_days day_start = floor<days>(instant);
  const year_month_day ymd{day_start};
  const hh_mm_ss time{instant - day_start};
  DateTime date;
  date.year = int(ymd.year());
  date.month = static_cast<int>(unsigned(ymd.month()));
  date.day = static_cast<int>(unsigned(ymd.day()));
  date.hour = static_cast<int>(time.hours().count());
  date.minute = static_cast<int>(time.minutes().count());
  date.second = static_cast<int>(time.seconds().count());
  date.has_time = true;
  date.utc_offset_minutes = 0;
  return date;
}

std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() &&
         (is_space(text.front()) || text.front() == '\n' || text.front() == '\r')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (is_space(text.back()) || text.back() == '\n' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

}  // namespace

std::optional<DateTime> parse_date(std::string_view text) {
  text = trim_spaces(text);
  if (text.empty()) {
    return std::nullopt;
  }
  if (is_digit(text.front()) && text.find_first_not_of("0123456789") == std::string_view::npos) {
    return parse_unix_seconds(text);
  }
  std::optional<DateTime> date = parse_iso8601(Scanner(text));
  if (!date) {
    date = parse_day_month_year(Scanner(text));
  }
  if (!date) {
    date = parse_month_day_year(Scanner(text));
  }
  if (!date || !is_valid_day(date->year, date->month, date->day)) {
    return std::nullopt;
  }
  return date;
}

}  // namespace morgue::indexer
