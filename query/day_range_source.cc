#include "query/day_range_source.h"

#include <algorithm>

#include <fmt/format.h>

namespace morgue::query {

void DayRangeSource::init(const Xapian::Database& database) {
  last_ = std::min(database.get_lastdocid(), column_.last_docid());
  docid_ = 0;
}

void DayRangeSource::next(double /*min_weight*/) {
  do {
    ++docid_;
  } while (docid_ <= last_ && !in_range(docid_));
}

void DayRangeSource::skip_to(Xapian::docid docid, double min_weight) {
  if (docid > docid_) {
    docid_ = docid - 1;
    next(min_weight);
  }
}

bool DayRangeSource::check(Xapian::docid docid, double /*min_weight*/) {
  // Xapian's contract: on a miss the position is unspecified and next() goes on after `docid`.
  docid_ = docid;
  return in_range(docid);
}

DayRangeSource* DayRangeSource::clone() const {
  return new DayRangeSource(column_, first_day_, last_day_);
}

std::string DayRangeSource::get_description() const {
  return fmt::format("DayRangeSource({}..{})", first_day_, last_day_);
}

}  // namespace morgue::query
