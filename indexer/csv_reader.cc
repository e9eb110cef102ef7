#include "indexer/csv_reader.h"

#include <algorithm>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include <morgue/error.h>

#include "indexer/limits.h"
#include "indexer/utf8.h"

namespace morgue::indexer {

namespace {

constexpr int kEnd = -1;
constexpr std::size_t kChunkBytes = std::size_t{64} * 1024;
using limits::kMaxRecordBytes;

std::string join(const std::vector<std::string>& names) {
  std::string joined;
  for (const std::string& name : names) {
    joined += joined.empty() ? name : ", " + name;
  }
  return joined;
}

}  // namespace

CsvReader::CsvReader(std::istream& in, std::string file_name, FieldMapping mapping)
    : in_(in),
      file_name_(std::move(file_name)),
      mapping_(std::move(mapping)),
      buffer_(kChunkBytes) {}

std::vector<std::pair<std::string, std::optional<ArticleField>>> CsvReader::columns() const {
  std::vector<std::pair<std::string, std::optional<ArticleField>>> columns;
  for (std::size_t column = 0; column < header_.size(); ++column) {
    std::optional<ArticleField> field;
    if (targets_[column]) {
      field = targets_[column]->field;
    }
    columns.emplace_back(header_[column], field);
  }
  return columns;
}

std::optional<CsvReader::RawRecord> CsvReader::next_whole_record(bool need_text_column) {
  if (finished_) {
    return std::nullopt;
  }
  if (!header_read_) {
    read_header(need_text_column);
  }
  std::optional<RawRecord> record = read_record();
  if (!record) {
    finished_ = true;
    return std::nullopt;
  }
  const std::size_t line = record->first_line;
  if (!record->problem.empty()) {
    throw InputError(file_name_, line, record->problem);
  }
  const std::size_t field_count = record->fields.size();
  if (field_count != header_.size()) {
    throw InputError(file_name_, line,
                     fmt::format("row has {} field{} but the header has {}", field_count,
                                 field_count == 1 ? "" : "s", header_.size()));
  }
  return record;
}

std::optional<Article> CsvReader::next() {
  std::optional<RawRecord> record = next_whole_record(true);
  if (!record) {
    return std::nullopt;
  }
  const std::size_t line = record->first_line;
  const std::size_t field_count = record->fields.size();
  RecordValues values;
  for (std::size_t column = 0; column < field_count; ++column) {
    if (!targets_[column]) {
      continue;
    }
    if (record->fields[column].find('\0') != std::string::npos) {
      throw InputError(
          file_name_, line,
          fmt::format("NUL byte in field '{}'; is this a binary file?", header_[column]));
    }
    if (find_invalid_utf8(record->fields[column])) {
      throw InputError(file_name_, line,
                       fmt::format("invalid UTF-8 in field '{}'", header_[column]));
    }
    values.add_text(*targets_[column], header_[column], std::move(record->fields[column]));
  }
  return finish_article(values, file_name_, line, mapping_.date_formats());
}

std::optional<std::pair<std::size_t, std::vector<std::pair<std::string, std::string>>>>
CsvReader::next_row() {
  std::optional<RawRecord> record = next_whole_record(false);
  if (!record) {
    return std::nullopt;
  }
  const std::size_t line = record->first_line;
  const std::size_t field_count = record->fields.size();
  std::vector<std::pair<std::string, std::string>> row;
  for (std::size_t column = 0; column < field_count; ++column) {
    row.emplace_back(header_[column], std::move(record->fields[column]));
  }
  return std::make_pair(line, std::move(row));
}

void CsvReader::read_header(bool need_text_column) {
  header_read_ = true;
  if (fill_buffer() && buffer_end_ >= 3 && buffer_[0] == '\xEF' && buffer_[1] == '\xBB' &&
      buffer_[2] == '\xBF') {
    buffer_pos_ = 3;
  }
  std::optional<RawRecord> header = read_record();
  if (!header) {
    finished_ = true;
    throw InputError(file_name_, 0, "the file is empty");
  }
  if (!header->problem.empty()) {
    finished_ = true;
    throw InputError(file_name_, header->first_line, header->problem);
  }
  header_ = std::move(header->fields);
  targets_ = mapping_.find_columns(header_);
  if (!need_text_column) {
    return;
  }
  for (const auto& target : targets_) {
    if (target && (target->field == ArticleField::kTitle || target->field == ArticleField::kBody)) {
      return;
    }
  }
  // Without this check every row would fail alike; one error says what to fix.
  finished_ = true;
  std::vector<std::string> wanted = mapping_.names_of(ArticleField::kTitle);
  for (std::string& name : mapping_.names_of(ArticleField::kBody)) {
    wanted.push_back(std::move(name));
  }
  throw InputError(
      file_name_, header->first_line,
      fmt::format("the header has no title or body column (expected one of: {})", join(wanted)));
}

std::optional<CsvReader::RawRecord> CsvReader::read_record() {
  enum class State { kFieldStart, kUnquoted, kQuoted, kAfterQuote };
  for (;;) {
    if (peek() == kEnd) {
      return std::nullopt;
    }
    RawRecord record;
    record.first_line = line_;
    record.fields.emplace_back();
    State state = State::kFieldStart;
    std::size_t quote_line = 0;
    bool quoted = false;
    std::size_t record_bytes = 0;
    auto append = [&](std::string_view text) {
      const std::size_t room = kMaxRecordBytes - std::min(record_bytes, kMaxRecordBytes);
      record.fields.back().append(text.substr(0, room));
      record_bytes += text.size();
      if (record_bytes > kMaxRecordBytes && record.problem.empty()) {
        record.problem = fmt::format("record is longer than {} MiB", kMaxRecordBytes >> 20);
      }
    };
    auto append_byte = [&](int c) {
      const char byte = static_cast<char>(c);
      append(std::string_view(&byte, 1));
    };
    auto field_name = [&] {
      const std::size_t index = record.fields.size() - 1;
      if (index < header_.size() && !header_[index].empty()) {
        return fmt::format("field '{}'", header_[index]);
      }
      return fmt::format("field {}", index + 1);
    };
    for (bool done = false; !done;) {
      if (state == State::kQuoted || state == State::kUnquoted) {
        append(take_run(state == State::kQuoted));
      }
      const int c = get();
      if (state == State::kQuoted) {
        if (c == kEnd) {
          // Reported over any earlier problem: an open quote explains them.
          record.problem =
              fmt::format("quoted field opened on line {} is never closed", quote_line);
          done = true;
        } else if (c != '"') {
          append_byte(c);
        } else if (peek() == '"') {
          get();
          append("\"");
        } else {
          state = State::kAfterQuote;
        }
      } else if (c == kEnd || c == '\n') {
        done = true;
      } else if (c == '\r' && peek() == '\n') {
        // The "\n" ends the record.
      } else if (c == ',') {
        record.fields.emplace_back();
        state = State::kFieldStart;
      } else if (c == '"' && state == State::kFieldStart) {
        state = State::kQuoted;
        quote_line = line_;
        quoted = true;
      } else {
        // A quote inside an unquoted field (`5" screen`) is kept as text, as Python's csv does.
        if (state == State::kAfterQuote && record.problem.empty()) {
          record.problem = fmt::format("unexpected text after the closing quote of {} on line {}",
                                       field_name(), line_);
        }
        append_byte(c);
        state = State::kUnquoted;
      }
    }
    const bool blank_line = record.fields.size() == 1 && record.fields[0].empty() && !quoted;
    if (!blank_line) {
      return record;
    }
  }
}

std::string_view CsvReader::take_run(bool quoted) {
  if (buffer_pos_ == buffer_end_ && !fill_buffer()) {
    return {};
  }
  const std::string_view rest(buffer_.data() + buffer_pos_, buffer_end_ - buffer_pos_);
  const std::size_t length =
      std::min(quoted ? rest.find('"') : rest.find_first_of(",\r\n"), rest.size());
  const std::string_view run = rest.substr(0, length);
  line_ += static_cast<std::size_t>(std::count(run.begin(), run.end(), '\n'));
  buffer_pos_ += length;
  return run;
}

int CsvReader::get() {
  const int c = peek();
  if (c != kEnd) {
    ++buffer_pos_;
    if (c == '\n') {
      ++line_;
    }
  }
  return c;
}

int CsvReader::peek() {
  if (buffer_pos_ == buffer_end_ && !fill_buffer()) {
    return kEnd;
  }
  return static_cast<unsigned char>(buffer_[buffer_pos_]);
}

bool CsvReader::fill_buffer() {
  if (buffer_pos_ < buffer_end_) {
    return true;
  }
  in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_pos_ = 0;
  buffer_end_ = static_cast<std::size_t>(in_.gcount());
  if (buffer_end_ == 0 && in_.bad()) {
    finished_ = true;
    throw InputError(file_name_, 0, "the file could not be read");
  }
  return buffer_end_ > 0;
}

}  // namespace morgue::indexer
