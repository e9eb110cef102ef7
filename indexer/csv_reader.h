// Reads articles from CSV with a header row (RFC 4180), as scrapers and pandas export them.
#pragma once

#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <morgue/article.h>

#include "indexer/field_mapping.h"
#include "indexer/record_source.h"

namespace morgue::indexer {

/// Reads one article per CSV record. The header row names the columns, which FieldMapping maps
/// onto article fields; other columns are ignored. Quoted fields may hold commas, doubled quotes
/// ("") and line breaks; lines end in "\n" or "\r\n"; a UTF-8 byte order mark is skipped. The
/// input is read in chunks, so only the current record is held in memory.
///
/// Record numbers in errors are the line on which the record starts (the header is line 1).
/// next() throws InputError for a record with an unclosed quote, text after a closing quote, a
/// field count other than the header's, invalid UTF-8 in a mapped column, an unreadable date or
/// neither title nor body, and the following call reads the record after it. A quote still open
/// at the end of the input makes the rest of the input one bad record. An empty input, or a header
/// naming no title or body column, is an error for the whole file, after which next() returns
/// nullopt. Reads `in`, which must outlive the reader; not for use from several threads.
///     std::ifstream in("news.csv", std::ios::binary);
///     CsvReader reader(in, "news.csv");
///     while (auto article = reader.next()) { ... }
class CsvReader : public RecordSource {
 public:
  /// Reads from `in`; `file_name` is how errors name the input; `mapping` says which columns
  /// fill which fields (the built-in names when not given).
  CsvReader(std::istream& in, std::string file_name, FieldMapping mapping = FieldMapping());

  /// A record as the header's names and the record's values, with the line it starts on, for
  /// readers of other kinds of record (comments files); no field mapping is applied and a header
  /// without title or body columns is fine. The same quoting, field-count and size errors as
  /// next(). Use either next() or next_row() on one reader, not both.
  std::optional<std::pair<std::size_t, std::vector<std::pair<std::string, std::string>>>>
  next_row();

  /// Each column of the header and the field it fills (nullopt: none), once next() was called.
  std::vector<std::pair<std::string, std::optional<ArticleField>>> columns() const;

  std::optional<Article> next() override;

 private:
  struct RawRecord {
    std::size_t first_line = 0;
    std::vector<std::string> fields;
    std::string problem;  // the first thing wrong with the record; empty when none
  };

  void read_header(bool need_text_column);
  // The next record with as many fields as the header; throws for a bad one.
  std::optional<RawRecord> next_whole_record(bool need_text_column);
  std::optional<RawRecord> read_record();
  // Consumes the bytes up to the next byte that may change the parser's state (a quote inside a
  // quoted field; a comma or line end outside), at most to the end of the buffer.
  std::string_view take_run(bool quoted);
  int get();
  int peek();
  bool fill_buffer();

  std::istream& in_;
  std::string file_name_;
  FieldMapping mapping_;
  std::vector<std::string> header_;
  std::vector<std::optional<FieldTarget>> targets_;
  std::vector<char> buffer_;
  std::size_t buffer_pos_ = 0;
  std::size_t buffer_end_ = 0;
  std::size_t line_ = 1;
  bool header_read_ = false;
  bool finished_ = false;
};

}  // namespace morgue::indexer
