#include "query/facets.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include <fmt/format.h>

#include "query/quoting.h"

namespace morgue::query {

namespace {

void add(KindCounts& counts, bool comment) { ++(comment ? counts.comments : counts.articles); }

FacetValue facet_value(std::string value, const KindCounts& counts, std::string filter) {
  FacetValue out;
  out.value = std::move(value);
  out.articles = counts.articles;
  out.comments = counts.comments;
  out.count = counts.articles + counts.comments;
  out.filter = std::move(filter);
  return out;
}

// Unquoted, the lexer would end the value at any of these (or read a quote as a phrase).
bool needs_quotes(std::string_view value) {
  return value.empty() || value.find_first_of(" \t\n\r()\"") != std::string_view::npos;
}

using Days = std::chrono::sys_days;

std::string day_label(std::int64_t day) {
  const std::chrono::year_month_day date{Days{std::chrono::days{day}}};
  return fmt::format("{:04}-{:02}-{:02}", int(date.year()), unsigned(date.month()),
                     unsigned(date.day()));
}

}  // namespace

bool KindReader::is_comment(const Xapian::Document& document) {
  if (!any_comments_) {
    return false;
  }
  // A document not from a database (docid 0) is read every time.
  if (const Xapian::docid id = document.get_docid(); id == 0 || id != last_document_) {
    static const Xapian::valueno kind_slot = *schema::field("kind").facet_slot;
    last_document_ = id;
    last_is_comment_ = document.get_value(kind_slot) == schema::kKindComment;
  }
  return last_is_comment_;
}

std::string filter_for(std::string_view field, std::string_view value) {
  if (needs_quotes(value)) {
    return fmt::format("{}:{}", field, quote(value));
  }
  return fmt::format("{}:{}", field, value);
}

void FacetCounter::operator()(const Xapian::Document& document, double /*weight*/) {
  const std::string value = document.get_value(*field_.facet_slot);
  if (value.empty()) {
    return;
  }
  const bool comment = kinds_.is_comment(document);
  const auto count = [this, comment](std::string_view one) {
    auto found = counts_.find(one);
    if (found == counts_.end()) {
      found = counts_.emplace(std::string(one), KindCounts{}).first;
    }
    add(found->second, comment);
  };
  if (field_.multi_valued) {
    schema::for_each_packed_value(value, count);
  } else {
    count(value);
  }
}

Facet FacetCounter::result(std::size_t limit) const {
  Facet facet;
  facet.field = std::string(field_.name);
  for (const auto& [value, counts] : counts_) {
    facet.values.push_back(facet_value(value, counts, filter_for(field_.name, value)));
  }
  std::sort(facet.values.begin(), facet.values.end(), [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  if (facet.values.size() > limit) {
    facet.values_left_out = facet.values.size() - limit;
    facet.values.resize(limit);
  }
  return facet;
}

void DateHistogram::operator()(const Xapian::Document& document, double /*weight*/) {
  static const Xapian::valueno date_slot = *schema::field("date").slot;
  const std::string value = document.get_value(date_slot);
  if (value.empty()) {
    return;
  }
  const double seconds = Xapian::sortable_unserialise(value);
  const auto day = static_cast<std::int64_t>(std::floor(seconds / 86400));
  add(days_[day], kinds_.is_comment(document));
}

Facet DateHistogram::result() const {
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
    facet.values.push_back(facet_value(std::move(label), counts, std::move(filter)));
    std::tie(start, next) = bucket_of(next);
  }
  return facet;
}

void DistinctCounter::operator()(const Xapian::Document& document, double /*weight*/) {
  seen_.insert(document.get_value(slot_));
}

}  // namespace morgue::query
