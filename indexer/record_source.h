// The interface every reader implements: a stream of articles read from one input.
#pragma once

#include <optional>

#include <morgue/article.h>

namespace morgue::indexer {

/// Reads articles one at a time from an input, never holding the whole input in memory.
class RecordSource {
 public:
  virtual ~RecordSource() = default;

  /// The next article, or nullopt at the end of the input. Throws InputError for a record
  /// that cannot be read; the next call goes on with the record after it.
  virtual std::optional<Article> next() = 0;
};

}  // namespace morgue::indexer
