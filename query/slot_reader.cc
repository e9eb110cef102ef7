#include "query/slot_reader.h"

namespace morgue::query {

std::string_view SlotReader::value(Xapian::docid docid) {
  if (docid < last_) {
    stream_ = database_.valuestream_begin(slot_);
  }
  last_ = docid;
  const Xapian::ValueIterator end;
  if (stream_ == end) {
    return {};
  }
  if (stream_.get_docid() < docid) {
    stream_.skip_to(docid);
    if (stream_ == end) {
      return {};
    }
  }
  if (stream_.get_docid() != docid) {
    return {};
  }
  value_ = *stream_;
  return value_;
}

}  // namespace morgue::query
