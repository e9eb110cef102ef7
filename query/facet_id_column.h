// Every document's facet-id slot (indexer/facet_ids.h) held in memory, so a counting pass reads
// a match's facet ids at an array index instead of through Xapian's value stream.
#pragma once

#include <cstdint>
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
/// from here it costs a few. The price is memory: about the slot's size plus 8 bytes a
/// document. Not thread-safe (one per Searcher, like Xapian's objects).
class FacetIdColumn {
 public:
  /// Reads what `database` holds beyond what was read before: everything when it is another
  /// database (its UUID differs), nothing when no document was added. Throws Xapian::Error (the
  /// column is then as before).
  void refresh(const Xapian::Database& database);

  /// The facet-id slot of document `docid` as of the last refresh, empty when it has none.
  std::string_view value(Xapian::docid docid) const {
    if (docid == 0 || docid >= ends_.size()) {
      return {};
    }
    return std::string_view(bytes_).substr(ends_[docid - 1], ends_[docid] - ends_[docid - 1]);
  }

 private:
  std::string uuid_;
  // ends_[d] is where document d's value ends in bytes_ (and d + 1's starts); ends_[0] = 0.
  std::vector<std::uint64_t> ends_{0};
  std::string bytes_;
};

}  // namespace morgue::query
