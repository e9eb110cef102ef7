#include "query/date_range.h"

#include <cctype>
#include <chrono>
#include <string>

namespace morgue::query {

namespace {

using namespace std::chrono;

struct Period {
  std::int64_t first_second;
  std::int64_t last_second;
};

std::int64_t seconds_of(const year_month_day& date) {
  return std::int64_t{sys_days{date}.time_since_epoch().count()} * 86400;
}

// 2016, 2016-09 or 2016-09-14: the whole year, month or day.
std::optional<Period> absolute_period(std::string_view text) {
  int parts[3] = {0, 1, 1};
  int count = 0;
  std::size_t offset = 0;
  while (count < 3) {
    const std::size_t start = offset;
    while (offset < text.size() && std::isdigit(static_cast<unsigned char>(text[offset]))) {
      ++offset;
    }
    if (offset - start != (count == 0 ? 4u : 2u)) {
      return std::nullopt;
    }
    parts[count++] = std::stoi(std::string(text.substr(start, offset - start)));
    if (offset == text.size()) {
      break;
    }
    if (text[offset] != '-') {
      return std::nullopt;
    }
    ++offset;
  }
  if (offset != text.size()) {
    return std::nullopt;
  }
  const year_month_day first{year{parts[0]}, month{unsigned(parts[1])}, day{unsigned(parts[2])}};
  if (!first.ok()) {
    return std::nullopt;
  }
  year_month_day after;
  if (count == 1) {
    after = year_month_day{first.year() + years{1}, month{1}, day{1}};
  } else if (count == 2) {
    after = year_month_day{(first.year() / first.month() + months{1}) / day{1}};
  } else {
    after = year_month_day{sys_days{first} + days{1}};
  }
  return Period{seconds_of(first), seconds_of(after) - 1};
}

// today, yesterday, last-N-days (weeks, months, years): up to now.
std::optional<Period> relative_period(std::string_view text, std::int64_t now) {
  const std::int64_t today = now - (now % 86400 + 86400) % 86400;
  if (text == "today") {
    return Period{today, today + 86399};
  }
  if (text == "yesterday") {
    return Period{today - 86400, today - 1};
  }
  if (!text.starts_with("last-")) {
    return std::nullopt;
  }
  text.remove_prefix(5);
  std::size_t digits = 0;
  while (digits < text.size() && digits < 5 &&
         std::isdigit(static_cast<unsigned char>(text[digits]))) {
    ++digits;
  }
  if (digits == 0 || digits == text.size() || text[digits] != '-') {
    return std::nullopt;
  }
  const long count = std::stol(std::string(text.substr(0, digits)));
  const std::string_view unit = text.substr(digits + 1);
  const sys_seconds now_point{seconds{now}};
  const auto now_day = floor<days>(now_point);
  const year_month_day date{now_day};
  const auto time_of_day = now_point - now_day;
  sys_seconds start;
  if (unit == "days" || unit == "day") {
    start = now_point - days{count};
  } else if (unit == "weeks" || unit == "week") {
    start = now_point - weeks{count};
  } else if (unit == "months" || unit == "month" || unit == "years" || unit == "year") {
    year_month_day back = unit.starts_with("month") ? date - months{count} : date - years{count};
    if (!back.ok()) {
      back = back.year() / back.month() / last;  // 31 March less a month is 28/29 February
    }
    start = sys_days{back} + time_of_day;
  } else {
    return std::nullopt;
  }
  return Period{start.time_since_epoch().count(), now};
}

std::optional<Period> period(std::string_view text, std::int64_t now) {
  if (auto found = absolute_period(text)) {
    return found;
  }
  return relative_period(text, now);
}

}  // namespace

std::optional<DateRange> parse_date_range(std::string_view text, std::int64_t now) {
  const auto dots = text.find("..");
  if (dots == std::string_view::npos) {
    const auto whole = period(text, now);
    if (!whole) {
      return std::nullopt;
    }
    return DateRange{whole->first_second, whole->last_second};
  }
  const std::string_view from = text.substr(0, dots);
  const std::string_view to = text.substr(dots + 2);
  if (from.empty() && to.empty()) {
    return std::nullopt;
  }
  DateRange range;
  if (!from.empty()) {
    const auto first = period(from, now);
    if (!first) {
      return std::nullopt;
    }
    range.first_second = first->first_second;
  }
  if (!to.empty()) {
    const auto last = period(to, now);
    if (!last) {
      return std::nullopt;
    }
    range.last_second = last->last_second;
  }
  return range;
}

}  // namespace morgue::query
