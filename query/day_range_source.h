// A date filter read from the facet-id column instead of Xapian's value stream.
#pragma once

#include <cstdint>
#include <string>

#include <xapian.h>

#include "query/facet_id_column.h"

namespace morgue::query {

/// Matches the documents published from day `first_day` to day `last_day` (days since
/// 1970-01-01 UTC, both included) by their day in a FacetIdColumn: an array lookup per
/// candidate, where a range over the date slot walks Xapian's value stream past every document
/// in between (half the instructions of a filtered facet count were spent there). Only for a
/// single database (the column's docids are the search's) refreshed to the search's revision;
/// borrows `column`, which must outlive every query holding this. Weighs nothing.
class DayRangeSource : public Xapian::PostingSource {
 public:
  DayRangeSource(const FacetIdColumn& column, std::int32_t first_day, std::int32_t last_day)
      : column_(column), first_day_(first_day), last_day_(last_day) {}

  void init(const Xapian::Database& database) override;
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return last_ / 2; }
  Xapian::doccount get_termfreq_max() const override { return last_; }
  void next(double min_weight) override;
  void skip_to(Xapian::docid docid, double min_weight) override;
  bool check(Xapian::docid docid, double min_weight) override;
  bool at_end() const override { return docid_ > last_; }
  Xapian::docid get_docid() const override { return docid_; }
  DayRangeSource* clone() const override;
  std::string get_description() const override;

 private:
  bool in_range(Xapian::docid docid) const {
    const std::int32_t day = column_.day(docid);
    return day != FacetIdColumn::kNoDay && day >= first_day_ && day <= last_day_;
  }

  const FacetIdColumn& column_;
  std::int32_t first_day_;
  std::int32_t last_day_;
  Xapian::docid last_ = 0;   // the last docid of the database
  Xapian::docid docid_ = 0;  // the position: 0 before the start
};

}  // namespace morgue::query
