#include "query/facets.h"

#include <algorithm>
#include <chrono>

#include <fmt/format.h>

#include "indexer/facet_ids.h"
#include "query/quoting.h"

namespace morgue::query {

namespace {

FacetValue facet_value(std::string value, std::size_t articles, std::size_t comments,
                       std::string filter) {
  FacetValue out;
  out.value = std::move(value);
  out.articles = articles;
  out.comments = comments;
  out.count = articles + comments;
  out.filter = std::move(filter);
  return out;
}

// Most frequent first, ties by value; `distinct` values were counted, of which facet.values
// holds at least the first `limit`.
void rank(Facet& facet, std::size_t distinct, std::size_t limit) {
  std::sort(facet.values.begin(), facet.values.end(), [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  if (facet.values.size() > limit) {
    facet.values.resize(limit);
  }
  facet.values_left_out = distinct > limit ? distinct - limit : 0;
}

// Unquoted, the lexer would end the value at any of these (or read a quote as a phrase).
bool needs_quotes(std::string_view value) {
  return value.empty() || value.find_first_of(" \t\n\r()\"") != std::string_view::npos;
}

using Days = std::chrono::sys_days;

// A facet lists a label per bucket; formatting them with fmt was a tenth of a faceted count.
std::string day_label(std::int64_t day) {
  const std::chrono::year_month_day date{Days{std::chrono::days{day}}};
  const int year = int(date.year());
  const unsigned month = unsigned(date.month());
  const unsigned day_of_month = unsigned(date.day());
  if (year < 0 || year > 9999) {
    return fmt::format("{:04}-{:02}-{:02}", year, month, day_of_month);
  }
  const auto digit = [](unsigned number) { return static_cast<char>('0' + number % 10); };
  const auto y = static_cast<unsigned>(year);
  return {digit(y / 1000),
          digit(y / 100),
          digit(y / 10),
          digit(y),
          '-',
          digit(month / 10),
          digit(month),
          '-',
          digit(day_of_month / 10),
          digit(day_of_month)};
}

}  // namespace

std::string filter_for(std::string_view field, std::string_view value) {
  if (needs_quotes(value)) {
    return std::string(field) + ':' + quote(value);
  }
  std::string filter(field);
  filter += ':';
  filter += value;
  return filter;
}

void ValueTally::add(std::string_view value, bool comment) {
  auto found = counts_.find(value);
  if (found == counts_.end()) {
    found = counts_.emplace(std::string(value), KindCounts{}).first;
  }
  ++(comment ? found->second.comments : found->second.articles);
}

Facet ValueTally::result(const schema::Field& field, std::size_t limit) const {
  Facet facet;
  facet.field = std::string(field.name);
  for (const auto& [value, counts] : counts_) {
    facet.values.push_back(
        facet_value(value, counts.articles, counts.comments, filter_for(field.name, value)));
  }
  rank(facet, counts_.size(), limit);
  return facet;
}

void IdTally::grow(std::uint64_t id) {
  // Doubling keeps growth amortised; never past the ids given out.
  const std::uint64_t size = std::min(std::max<std::uint64_t>(id + 1, all_.size() * 2), id_count_);
  all_.resize(size);
  comments_.resize(size);
}

Facet IdTally::result(const schema::Field& field, std::size_t limit,
                      const ValueOf& value_of) const {
  std::vector<std::uint32_t> listed;
  for (std::uint32_t id = 0; id < all_.size(); ++id) {
    if (all_[id] > 0) {
      listed.push_back(id);
    }
  }
  const std::size_t distinct = listed.size();
  if (distinct > limit) {
    // Keep the `limit` most frequent ids and every id as frequent as the last of them: ties
    // are ranked by value, so the strings of those decide which are listed.
    std::size_t last_count = 0;
    if (limit > 0) {
      const auto more_frequent = [this](std::uint32_t a, std::uint32_t b) {
        return all_[a] > all_[b];
      };
      std::nth_element(listed.begin(), listed.begin() + static_cast<std::ptrdiff_t>(limit - 1),
                       listed.end(), more_frequent);
      last_count = all_[listed[limit - 1]];
    }
    std::erase_if(listed, [&](std::uint32_t id) { return limit == 0 || all_[id] < last_count; });
  }
  Facet facet;
  facet.field = std::string(field.name);
  for (const std::uint32_t id : listed) {
    std::string value = value_of(id);
    std::string filter = filter_for(field.name, value);
    facet.values.push_back(
        facet_value(std::move(value), all_[id] - comments_[id], comments_[id], std::move(filter)));
  }
  rank(facet, distinct, limit);
  return facet;
}

Facet DayTally::result() const {
  using namespace std::chrono;
  Facet facet;
  facet.field = "date";
  if (days_.empty()) {
    return facet;
  }
  const std::int64_t first = days_.begin()->first;
  const std::int64_t last = days_.rbegin()->first;
  const std::int64_t span = last - first + 1;
  facet.bucket = span <= 62 ? "day" : span <= 366 ? "week" : span <= 20 * 366 ? "month" : "year";

  // The bucket a day falls in: its first day, and the bucket after it.
  const auto bucket_of = [&facet](std::int64_t day) -> std::pair<std::int64_t, std::int64_t> {
    const Days date{days{day}};
    if (facet.bucket == "day") {
      return {day, day + 1};
    }
    if (facet.bucket == "week") {
      const weekday wd{date};
      const std::int64_t monday = day - static_cast<std::int64_t>((wd.c_encoding() + 6) % 7);
      return {monday, monday + 7};
    }
    const year_month_day ymd{date};
    if (facet.bucket == "month") {
      const Days start{ymd.year() / ymd.month() / 1};
      const Days next{(ymd.year() / ymd.month() + months{1}) / 1};
      return {start.time_since_epoch().count(), next.time_since_epoch().count()};
    }
    const Days start{ymd.year() / January / 1};
    const Days next{(ymd.year() + years{1}) / January / 1};
    return {start.time_since_epoch().count(), next.time_since_epoch().count()};
  };
  const auto label_of = [&facet](std::int64_t start, std::int64_t next) {
    const std::string first_day = day_label(start);
    if (facet.bucket == "day" || facet.bucket == "week") {
      return std::pair{first_day, facet.bucket == "day"
                                      ? "date:" + first_day
                                      : fmt::format("date:{}..{}", first_day, day_label(next - 1))};
    }
    const std::string label =
        facet.bucket == "month" ? first_day.substr(0, 7) : first_day.substr(0, 4);
    return std::pair{label, "date:" + label};
  };

  auto day = days_.begin();
  auto [start, next] = bucket_of(first);
  while (start <= last) {
    KindCounts counts;
    for (; day != days_.end() && day->first < next; ++day) {
      counts.articles += day->second.articles;
      counts.comments += day->second.comments;
    }
    auto [label, filter] = label_of(start, next);
    facet.values.push_back(
        facet_value(std::move(label), counts.articles, counts.comments, std::move(filter)));
    std::tie(start, next) = bucket_of(next);
  }
  return facet;
}

void DistinctCounter::operator()(const Xapian::Document& document, double /*weight*/) {
  seen_.emplace(values_.value(document.get_docid()));
}

}  // namespace morgue::query
