// Reads articles from JSON Lines: one JSON object per line.
#pragma once

#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

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
/// Record numbers in errors are line numbers. next() throws InputError for a line longer than
/// limits::kMaxRecordBytes, with invalid UTF-8, invalid JSON, JSON nested deeper than 64 levels, a
/// value that is not an object, a value of the wrong type, an unreadable date or neither title nor
/// body; the following call reads the next line. Reads `in` line by line (it must outlive the
/// reader); not for use from several threads.
///     std::ifstream in("news.jsonl", std::ios::binary);
///     JsonlReader reader(in, "news.jsonl");
///     while (auto article = reader.next()) { ... }
class JsonlReader : public RecordSource {
 public:
  /// Reads from `in`; `file_name` is how errors name the input; `mapping` says which keys fill
  /// which fields (the built-in names when not given).
  JsonlReader(std::istream& in, std::string file_name, FieldMapping mapping = FieldMapping());

  std::optional<Article> next() override;

  /// A line's object as its keys and values (strings as they are, numbers as JSON writes them,
  /// null as empty; arrays and objects are left out), with its line number, for readers of other
  /// kinds of record (comments files); no field mapping is applied. The same line errors as
  /// next(). Use either next() or next_fields() on one reader.
  std::optional<std::pair<std::size_t, std::vector<std::pair<std::string, std::string>>>>
  next_fields();

  /// The keys met so far (at most 200), in the order first met, with the field each fills.
  const std::vector<std::pair<std::string, std::optional<ArticleField>>>& keys() const {
    return keys_;
  }

 private:
  bool read_line(std::string& line, bool& too_long);
  // The next non-blank line, checked for length and UTF-8; false at the end.
  bool next_line(std::string& line);
  void note_key(const std::string& key, std::optional<FieldTarget> target);

  std::istream& in_;
  std::string file_name_;
  FieldMapping mapping_;
  std::size_t line_number_ = 0;
  bool finished_ = false;
  std::vector<char> chunk_;
  std::vector<std::pair<std::string, std::optional<ArticleField>>> keys_;
};

}  // namespace morgue::indexer
