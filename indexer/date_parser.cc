#include "indexer/date_parser.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <ctime>
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

// ASCII letters and every byte of a multi-byte UTF-8 sequence, so "März" and "февраля" are words.
bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}

bool is_space(char c) { return c == ' ' || c == '\t'; }

// Lower-cases ASCII, Latin-1 capitals (À..Þ but ×) and basic Cyrillic capitals (А..Я, Ё), the
// letters of the month names below; other bytes are kept.
std::string to_lower(std::string_view text) {
  std::string lower(text);
  for (std::size_t pos = 0; pos < lower.size(); ++pos) {
    const auto c = static_cast<unsigned char>(lower[pos]);
    if (c >= 'A' && c <= 'Z') {
      lower[pos] = static_cast<char>(c - 'A' + 'a');
      continue;
    }
    if (pos + 1 == lower.size()) {
      break;
    }
    const auto next = static_cast<unsigned char>(lower[pos + 1]);
    if (c == 0xC3 && next >= 0x80 && next <= 0x9E && next != 0x97) {
      lower[pos + 1] = static_cast<char>(next + 0x20);
    } else if (c == 0xD0 && next >= 0x90 && next <= 0x9F) {
      lower[pos + 1] = static_cast<char>(next + 0x20);
    } else if (c == 0xD0 && next >= 0xA0 && next <= 0xAF) {
      lower[pos] = static_cast<char>(0xD1);
      lower[pos + 1] = static_cast<char>(next - 0x20);
    } else if (c == 0xD0 && next == 0x81) {  // Ё
      lower[pos] = static_cast<char>(0xD1);
      lower[pos + 1] = static_cast<char>(0x91);
    }
    if (c >= 0xC0) {
      ++pos;
    }
  }
  return lower;
}

struct MonthName {
  std::string_view name;  // lower case
  int month;
};

// Month names as news pages in German, French, Spanish, Italian, Portuguese and Russian write
// them in dates: full, in the genitive for Russian ("20 февраля"), and the usual abbreviations.
constexpr MonthName kForeignMonthNames[] = {
    // German
    {"januar", 1},
    {"jänner", 1},
    {"februar", 2},
    {"märz", 3},
    {"mär", 3},
    {"mrz", 3},
    {"mai", 5},
    {"juni", 6},
    {"juli", 7},
    {"oktober", 10},
    {"okt", 10},
    {"dezember", 12},
    {"dez", 12},
    // French
    {"janvier", 1},
    {"janv", 1},
    {"février", 2},
    {"fevrier", 2},
    {"févr", 2},
    {"fév", 2},
    {"mars", 3},
    {"avril", 4},
    {"avr", 4},
    {"juin", 6},
    {"juillet", 7},
    {"juil", 7},
    {"août", 8},
    {"aout", 8},
    {"septembre", 9},
    {"octobre", 10},
    {"novembre", 11},
    {"décembre", 12},
    {"decembre", 12},
    {"déc", 12},
    // Spanish
    {"enero", 1},
    {"ene", 1},
    {"febrero", 2},
    {"marzo", 3},
    {"abril", 4},
    {"abr", 4},
    {"mayo", 5},
    {"junio", 6},
    {"julio", 7},
    {"agosto", 8},
    {"ago", 8},
    {"septiembre", 9},
    {"setiembre", 9},
    {"octubre", 10},
    {"noviembre", 11},
    {"diciembre", 12},
    {"dic", 12},
    // Italian
    {"gennaio", 1},
    {"febbraio", 2},
    {"aprile", 4},
    {"maggio", 5},
    {"giugno", 6},
    {"luglio", 7},
    {"settembre", 9},
    {"ottobre", 10},
    {"dicembre", 12},
    // Portuguese
    {"janeiro", 1},
    {"fevereiro", 2},
    {"março", 3},
    {"maio", 5},
    {"junho", 6},
    {"julho", 7},
    {"setembro", 9},
    {"outubro", 10},
    {"dezembro", 12},
    // Russian: genitive (in dates), nominative, abbreviations
    {"января", 1},
    {"февраля", 2},
    {"марта", 3},
    {"апреля", 4},
    {"мая", 5},
    {"июня", 6},
    {"июля", 7},
    {"августа", 8},
    {"сентября", 9},
    {"октября", 10},
    {"ноября", 11},
    {"декабря", 12},
    {"январь", 1},
    {"февраль", 2},
    {"март", 3},
    {"апрель", 4},
    {"май", 5},
    {"июнь", 6},
    {"июль", 7},
    {"август", 8},
    {"сентябрь", 9},
    {"октябрь", 10},
    {"ноябрь", 11},
    {"декабрь", 12},
    {"янв", 1},
    {"фев", 2},
    {"мар", 3},
    {"апр", 4},
    {"июн", 6},
    {"июл", 7},
    {"авг", 8},
    {"сен", 9},
    {"сент", 9},
    {"окт", 10},
    {"ноя", 11},
    {"дек", 12},
};

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
  for (const MonthName& foreign : kForeignMonthNames) {
    if (name == foreign.name) {
      scanner.skip('.');
      return foreign.month;
    }
  }
  scanner.rewind(start);
  return std::nullopt;
}

// Words that stand between the parts of a date in some languages: Spanish and Portuguese "20 de
// febrero de 2017", French "1er mars", Russian "2017 г." and "2017 года". Skipped with the
// spaces after them.
void skip_filler(Scanner& scanner) {
  for (;;) {
    const std::size_t start = scanner.position();
    const std::string word = scanner.word();
    if (word == "de" || word == "del") {
      scanner.skip_spaces();
      continue;
    }
    scanner.rewind(start);
    return;
  }
}

void skip_year_suffix(Scanner& scanner) {
  const std::size_t start = scanner.position();
  scanner.skip_spaces();
  const std::string word = scanner.word();
  if (word == "г" || word == "года") {
    scanner.skip('.');
    scanner.skip(',');
    return;
  }
  scanner.rewind(start);
  scanner.skip(',');
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
  if (!dashes) {
    scanner.skip('.');  // German "20. Februar"
    const std::size_t after_day = scanner.position();
    if (scanner.word() != "er") {  // French "1er mars"
      scanner.rewind(after_day);
    }
    if (!scanner.skip_spaces()) {
      return std::nullopt;
    }
    skip_filler(scanner);
  }
  const auto month = month_number(scanner);
  if (!month || !(dashes ? scanner.skip('-') : scanner.skip_spaces())) {
    return std::nullopt;
  }
  if (!dashes) {
    skip_filler(scanner);
  }
  const auto year = scanner.number(4, 4);
  if (!year) {
    return std::nullopt;
  }
  date.year = *year;
  date.month = *month;
  date.day = *day;
  skip_year_suffix(scanner);
  if (scanner.at_end()) {
    return date;
  }
  if (!scanner.skip_spaces() || !read_time_and_zone(scanner, date)) {
    return std::nullopt;
  }
  return date;
}

// "20.02.2017", "20.02.2017 14:05": day, month, year with dots, as German, Russian and most of
// Europe write them. (Slashes are not read: 02/03/2017 is March in Europe and February in the US;
// name the order with --date-format.)
std::optional<DateTime> parse_dotted(Scanner scanner) {
  DateTime date;
  const auto day = scanner.number(1, 2);
  if (!day || !scanner.skip('.')) {
    return std::nullopt;
  }
  const auto month = scanner.number(1, 2);
  if (!month || !scanner.skip('.')) {
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
  if (!date) {
    date = parse_dotted(Scanner(text));
  }
  if (!date || !is_valid_day(date->year, date->month, date->day)) {
    return std::nullopt;
  }
  return date;
}

std::optional<DateTime> parse_date(std::string_view text, const std::string& format) {
  const std::string copy(trim_spaces(text));
  std::tm fields{};
  fields.tm_mday = 1;
  fields.tm_gmtoff = 0;
  const char* end = ::strptime(copy.c_str(), format.c_str(), &fields);
  if (end == nullptr || *end != '\0') {
    return std::nullopt;
  }
  DateTime date;
  date.year = fields.tm_year + 1900;
  date.month = fields.tm_mon + 1;
  date.day = fields.tm_mday;
  date.hour = fields.tm_hour;
  date.minute = fields.tm_min;
  date.second = std::min(fields.tm_sec, 59);  // strptime allows a leap second
  for (const std::string_view time_field : {"%H", "%I", "%M", "%T", "%R", "%r", "%c"}) {
    if (format.find(time_field) != std::string::npos) {
      date.has_time = true;
    }
  }
  if (format.find("%z") != std::string::npos) {
    date.utc_offset_minutes = static_cast<int>(fields.tm_gmtoff / 60);
  }
  if (!is_valid_day(date.year, date.month, date.day)) {
    return std::nullopt;
  }
  return date;
}

}  // namespace morgue::indexer
