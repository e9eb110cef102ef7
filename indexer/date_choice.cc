#include "indexer/date_choice.h"

#include <string_view>

#include <fmt/format.h>

#include "indexer/date_parser.h"

namespace morgue::indexer {

namespace {

// The reason should fit a line of --inspect; a garbled date column can hold a whole article.
constexpr std::size_t kMaxQuotedBytes = 40;

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    return {};
  }
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::string quoted(std::string_view text) {
  if (text.size() <= kMaxQuotedBytes) {
    return fmt::format("'{}'", text);
  }
  std::size_t end = kMaxQuotedBytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
    --end;  // do not cut a UTF-8 sequence
  }
  return fmt::format("'{}...'", text.substr(0, end));
}

// The candidate's date, and the user format that read it ("" for a built-in form).
struct Reading {
  std::optional<DateTime> date;
  std::string format;
};

Reading read(std::string_view text, const std::vector<std::string>& date_formats) {
  if (auto date = parse_date(text)) {
    return {date, {}};
  }
  for (const std::string& format : date_formats) {
    if (auto date = parse_date(text, format)) {
      return {date, format};
    }
  }
  return {};
}

// The same moment written two ways ("...T10:00:00Z" and "...T11:00:00+01:00") is the same date;
// a date without a zone or without a time is the same only when written the same.
bool same_date(const DateTime& left, const DateTime& right) {
  if (left.iso8601() == right.iso8601()) {
    return true;
  }
  return left.has_time && right.has_time && left.utc_offset_minutes && right.utc_offset_minutes &&
         left.unix_seconds() == right.unix_seconds();
}

void append_list(std::vector<std::string>& parts, std::string_view label,
                 const std::vector<std::string>& items) {
  if (items.empty()) {
    return;
  }
  std::string part(label);
  for (std::size_t i = 0; i < items.size(); ++i) {
    part += (i == 0 ? " " : ", ") + items[i];
  }
  parts.push_back(std::move(part));
}

}  // namespace

DateChoice choose_date(const std::vector<DateCandidate>& candidates,
                       const std::vector<std::string>& date_formats) {
  DateChoice choice;
  // The chosen one: the first eligible candidate that reads.
  std::vector<std::string> unreadable;
  std::size_t after_chosen = 0;
  while (after_chosen < candidates.size() && !choice.date) {
    const DateCandidate& candidate = candidates[after_chosen++];
    const std::string_view text = trimmed(candidate.text);
    if (!candidate.eligible || text.empty()) {
      continue;
    }
    const Reading reading = read(text, date_formats);
    if (!reading.date) {
      unreadable.push_back(fmt::format("{} {}", candidate.source, quoted(text)));
      if (!choice.first_unreadable) {
        choice.first_unreadable = DateCandidate{candidate.source, std::string(text), true};
      }
      continue;
    }
    choice.date = reading.date;
    choice.source = reading.format.empty() ? candidate.source
                                           : fmt::format("{}, read with --date-format '{}'",
                                                         candidate.source, reading.format);
  }
  if (!choice.date) {
    return choice;
  }
  // What else the page or record said: later candidates, and update dates wherever they stand.
  std::vector<std::string> agreeing;
  std::vector<std::string> passed_over;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const DateCandidate& candidate = candidates[i];
    const std::string_view text = trimmed(candidate.text);
    if (text.empty() || (candidate.eligible && i < after_chosen)) {
      continue;
    }
    const auto date = read(text, candidate.eligible ? date_formats : std::vector<std::string>{});
    if (!date.date) {
      continue;  // a later source that does not read played no part
    }
    if (same_date(*date.date, *choice.date)) {
      agreeing.push_back(candidate.source);
    } else {
      passed_over.push_back(fmt::format("{} {}", candidate.source, date.date->iso8601()));
    }
  }
  std::vector<std::string> parts;
  append_list(parts, "also", agreeing);
  append_list(parts, "preferred over", passed_over);
  append_list(parts, "unreadable:", unreadable);
  if (!parts.empty()) {
    choice.source += " (";
    for (std::size_t i = 0; i < parts.size(); ++i) {
      choice.source += (i == 0 ? "" : "; ") + parts[i];
    }
    choice.source += ")";
  }
  return choice;
}

}  // namespace morgue::indexer
