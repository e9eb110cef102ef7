#include <chrono>

#include <fmt/format.h>

#include <morgue/article.h>

namespace morgue {

std::int64_t DateTime::unix_seconds() const {
  using namespace std::chrono;
  const sys_days days{year_month_day{std::chrono::year{year}, std::chrono::month{unsigned(month)},
                                     std::chrono::day{unsigned(day)}}};
  const std::int64_t local =
      std::int64_t{days.time_since_epoch().count()} * 86400 + hour * 3600 + minute * 60 + second;
  return local - std::int64_t{utc_offset_minutes.value_or(0)} * 60;
}

std::string DateTime::iso8601() const {
  std::string out = fmt::format("{:04}-{:02}-{:02}", year, month, day);
  if (!has_time) {
    return out;
  }
  out += fmt::format("T{:02}:{:02}:{:02}", hour, minute, second);
  if (utc_offset_minutes) {
    const int offset = *utc_offset_minutes;
    const int magnitude = offset < 0 ? -offset : offset;
    out += fmt::format("{}{:02}:{:02}", offset < 0 ? '-' : '+', magnitude / 60, magnitude % 60);
  }
  return out;
}

}  // namespace morgue
