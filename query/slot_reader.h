// Reading one value slot for the documents a match spy meets, through Xapian's value stream.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

namespace morgue::query {

/// The value of one slot for documents asked for in ascending docid order, as Xapian's matcher
/// hands matches to a spy. Document::get_value searches the database's B-tree for the slot's
/// chunk, copies it and decodes it from its start, for every document and slot; walking the
/// slot's value stream instead decodes each value once. Asking for an earlier document than the
/// last starts the stream again, so any order is correct, ascending is fast.
/// Not thread-safe; borrows `database`, which must outlive it.
class SlotReader {
 public:
  SlotReader(const Xapian::Database& database, Xapian::valueno slot)
      : database_(database), slot_(slot), stream_(database.valuestream_begin(slot)) {}

  /// The slot's value in document `docid`, empty when it has none. Valid until the next call.
  std::string_view value(Xapian::docid docid);

 private:
  const Xapian::Database& database_;
  Xapian::valueno slot_;
  Xapian::ValueIterator stream_;
  Xapian::docid last_ = 0;
  std::string value_;
};

}  // namespace morgue::query
