// Reads articles from JSON Lines: one JSON object per line.
#pragma once

#include <cstddef>
#include <istream>
#include <optional>
#include <string>

#include <morgue/article.h>

#include "indexer/field_mapping.h"
#include "indexer/record_source.h"

namespace morgue::indexer {

/// Reads one article per line of JSON Lines; blank lines are skipped. Keys are mapped onto article
/// fields by FieldMapping, as CSV columns are; other keys are ignored. A value is a string, a list
/// of strings (for authors and tags), a number (for id) or null (as if absent). A `comments` key
/// holding an array of objects {"author", "in_reply_to" or "reply_to", "text"} gives the
/// article's comments in order.
///
/// Record numbers in errors are line numbers. next() throws InputError for a line with invalid
/// UTF-8, invalid JSON, JSON nested deeper than 64 levels, a value that is not an object, a value
/// of the wrong type, an unreadable date or neither title nor body; the following call reads the
/// next line. Reads `in` line by line (it must outlive the reader); not for use from several
/// threads.
///     std::ifstream in("news.jsonl", std::ios::binary);
///     JsonlReader reader(in, "news.jsonl");
///     while (auto article = reader.next()) { ... }
class JsonlReader : public RecordSource {
 public:
  /// Reads from `in`; `file_name` is how errors name the input.
  JsonlReader(std::istream& in, std::string file_name);

  std::optional<Article> next() override;

 private:
  std::istream& in_;
  std::string file_name_;
  FieldMapping mapping_;
  std::size_t line_number_ = 0;
  bool finished_ = false;
};

}  // namespace morgue::indexer
