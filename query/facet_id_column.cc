#include "query/facet_id_column.h"

#include "indexer/schema.h"

namespace morgue::query {

void FacetIdColumn::refresh(const Xapian::Database& database) {
  const std::string uuid = database.get_uuid();
  if (uuid != uuid_) {
    uuid_.clear();
    ends_.assign(1, 0);
    bytes_.clear();
  }
  const Xapian::docid last = database.get_lastdocid();
  const auto known = static_cast<Xapian::docid>(ends_.size() - 1);
  if (last <= known) {
    uuid_ = uuid;
    return;
  }
  const std::size_t kept_bytes = bytes_.size();
  try {
    const Xapian::valueno slot = *schema::field("facet_ids").slot;
    ends_.reserve(last + 1);
    auto stream = database.valuestream_begin(slot);
    if (known > 0 && stream != database.valuestream_end(slot)) {
      stream.skip_to(known + 1);
    }
    for (; stream != database.valuestream_end(slot) && stream.get_docid() <= last; ++stream) {
      ends_.resize(stream.get_docid(), bytes_.size());  // documents without the slot
      bytes_ += *stream;
      ends_.push_back(bytes_.size());
    }
    ends_.resize(last + 1, bytes_.size());
  } catch (...) {
    ends_.resize(known + 1);
    bytes_.resize(kept_bytes);
    throw;
  }
  uuid_ = uuid;
}

}  // namespace morgue::query
