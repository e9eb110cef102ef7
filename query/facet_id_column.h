// Every document's facet-id slot (indexer/facet_ids.h) held in memory, so a counting pass reads
// a match's facet ids at an array index instead of through Xapian's value stream.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace morgue::query {

/// The facet-id slot of every document of a database, by docid, kept up to date with its
/// later revisions by reading only the documents added since. That is enough because morgue
/// never changes a written document: a re-indexed article is deleted and added again under a
/// new docid, and a deleted document matches nothing. Reading a value from Xapian costs a few
/// hundred instructions a match, a scan over the documents skipped when matches are sparse;
/// from here it costs a few. The price is memory: about the slot's size plus 12 bytes
/// a document. Not thread-safe (one per Searcher, like Xapian's objects).
class FacetIdColumn {
 public:
  /// Reads what `database` holds beyond what was read before: everything when it is another
  /// database (its UUID differs), nothing when no document was added. Throws Xapian::Error (the
  /// column is then as before).
  void refresh(const Xapian::Database& database);

  /// The day a document without a date has.
  static constexpr std::int32_t kNoDay = INT32_MIN;

  /// The facet-id slot of document `docid` as of the last refresh, empty when it has none.
  std::string_view value(Xapian::docid docid) const {
    if (docid == 0 || docid >= ends_.size()) {
      return {};
    }
    return std::string_view(bytes_).substr(ends_[docid - 1], ends_[docid] - ends_[docid - 1]);
  }

  /// The publication day (days since 1970-01-01 UTC) of document `docid`, from its facet ids,
  /// or kNoDay.
  std::int32_t day(Xapian::docid docid) const {
    return docid < days_.size() ? days_[docid] : kNoDay;
  }

  /// The text of value `id` of the facet field `field`, read from `database`'s facet
  /// dictionary once and then remembered (an id never changes its value).
  std::string facet_value(const Xapian::Database& database, std::string_view field,
                          std::uint32_t id) const;

  /// The highest docid read; day() and value() know nothing beyond it.
  Xapian::docid last_docid() const { return static_cast<Xapian::docid>(ends_.size() - 1); }

 private:
  std::string uuid_;
  // ends_[d] is where document d's value ends in bytes_ (and d + 1's starts); ends_[0] = 0.
  std::vector<std::uint64_t> ends_{0};
  std::string bytes_;
  std::vector<std::int32_t> days_{kNoDay};  // by docid, for date filters (query/day_range.h)
  // Values read from the dictionary, by field and id.
  mutable std::map<std::string, std::vector<std::optional<std::string>>, std::less<>> values_;
};

}  // namespace morgue::query
