#include "indexer/jsonl_reader.h"

#include <exception>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <morgue/error.h>

#include "indexer/limits.h"
#include "indexer/utf8.h"

namespace morgue::indexer {

namespace {

using Json = nlohmann::json;

// Deep nesting is never an article, and the depth of a value is the depth of the code that
// later walks it; 64 levels is far beyond any real record.
constexpr int kMaxDepth = 64;

// Thrown from the parser callback to stop parsing at the first container too deep.
struct TooDeep : std::exception {};

std::string lower_case(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return lower;
}

// "an array", "a number", ... for messages.
std::string_view kind_of(const Json& value) {
  switch (value.type()) {
    case Json::value_t::object:
      return "an object";
    case Json::value_t::array:
      return "an array";
    case Json::value_t::string:
      return "a string";
    case Json::value_t::boolean:
      return "a boolean";
    case Json::value_t::null:
      return "null";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return "a number";
    default:
      return "a binary value";
  }
}

// nlohmann's what() is "[json.exception.parse_error.101] parse error at line 1, column 15:
// syntax error while parsing object - invalid literal; last read: '...'; expected ...". Keep
// the middle: the location is the line's, and "last read" can repeat most of the line.
std::string shorten(const Json::exception& error) {
  std::string message = error.what();
  const std::size_t tag_end = message.find("] ");
  if (tag_end != std::string::npos) {
    message.erase(0, tag_end + 2);
  }
  if (message.starts_with("parse error")) {
    const std::size_t colon = message.find(": ");
    if (colon != std::string::npos) {
      message.erase(0, colon + 2);
    }
  }
  const std::size_t last_read = message.find("; last read: '");
  if (last_read != std::string::npos) {
    std::size_t end = message.rfind("'; expected ");
    end = (end == std::string::npos || end < last_read) ? message.size() : end + 1;
    message.erase(last_read, end - last_read);
  }
  if (const auto* parse_error = dynamic_cast<const Json::parse_error*>(&error)) {
    return fmt::format("invalid JSON: {} (at byte {})", message, parse_error->byte);
  }
  return fmt::format("invalid JSON: {}", message);
}

Json parse_object(const std::string& line, const std::string& file, std::size_t line_number) {
  const Json::parser_callback_t reject_deep = [](int depth, Json::parse_event_t event, Json&) {
    // `depth` counts the containers around this one: 0 for the line's own object.
    if ((event == Json::parse_event_t::object_start || event == Json::parse_event_t::array_start) &&
        depth >= kMaxDepth) {
      throw TooDeep();
    }
    return true;
  };
  Json value;
  try {
    value = Json::parse(line, reject_deep);
  } catch (const TooDeep&) {
    throw InputError(file, line_number,
                     fmt::format("JSON nested deeper than {} levels", kMaxDepth));
  } catch (const Json::exception& error) {
    throw InputError(file, line_number, shorten(error));
  }
  if (!value.is_object()) {
    throw InputError(file, line_number,
                     fmt::format("expected a JSON object, found {}", kind_of(value)));
  }
  return value;
}

// The member of `comment` a key (lower case) fills, or nullptr.
std::string* comment_field(Comment& comment, std::string_view key) {
  if (key == "author") {
    return &comment.author;
  }
  if (key == "in_reply_to" || key == "reply_to") {
    return &comment.in_reply_to;
  }
  if (key == "text") {
    return &comment.text;
  }
  if (key == "language" || key == "lang") {
    return &comment.language;
  }
  return nullptr;
}

std::vector<Comment> read_comments(const Json& comments, const std::string& key,
                                   const std::string& file, std::size_t line_number) {
  if (comments.is_null()) {
    return {};
  }
  if (!comments.is_array()) {
    throw InputError(
        file, line_number,
        fmt::format("field '{}' holds {}; expected a list of objects", key, kind_of(comments)));
  }
  std::vector<Comment> read;
  for (const Json& item : comments) {
    const int position = static_cast<int>(read.size()) + 1;
    if (!item.is_object()) {
      throw InputError(
          file, line_number,
          fmt::format("comment {} is {}; expected an object", position, kind_of(item)));
    }
    Comment comment;
    comment.position = position;
    for (const auto& [name, value] : item.items()) {
      std::string* target = comment_field(comment, lower_case(name));
      if (target == nullptr || value.is_null()) {
        continue;
      }
      if (!value.is_string()) {
        throw InputError(file, line_number,
                         fmt::format("comment {}: '{}' holds {}; expected a string", position, name,
                                     kind_of(value)));
      }
      *target = value.get<std::string>();
    }
    read.push_back(std::move(comment));
  }
  return read;
}

// Adds one mapped key's value to `values`; throws when its type does not suit the field.
void add_value(RecordValues& values, FieldTarget target, const std::string& key, const Json& value,
               const std::string& file, std::size_t line_number) {
  const bool is_list = is_list_field(target.field);
  if (value.is_string()) {
    values.add_text(target, key, value.get<std::string>());
    return;
  }
  if (value.is_number() && target.field == ArticleField::kId) {
    values.add_text(target, key, value.dump());
    return;
  }
  if (value.is_array() && is_list) {
    std::vector<std::string> items;
    for (const Json& item : value) {
      if (!item.is_string()) {
        throw InputError(file, line_number,
                         fmt::format("field '{}' holds a list with {} in it; expected strings", key,
                                     kind_of(item)));
      }
      items.push_back(item.get<std::string>());
    }
    values.add_items(target, key, std::move(items));
    return;
  }
  std::string_view expected = "a string";
  if (is_list) {
    expected = "a string or a list of strings";
  } else if (target.field == ArticleField::kId) {
    expected = "a string or a number";
  }
  throw InputError(file, line_number,
                   fmt::format("field '{}' holds {}; expected {}", key, kind_of(value), expected));
}

}  // namespace

JsonlReader::JsonlReader(std::istream& in, std::string file_name, FieldMapping mapping)
    : in_(in),
      file_name_(std::move(file_name)),
      mapping_(std::move(mapping)),
      chunk_(std::size_t{64} * 1024) {}

// std::getline would hold a line of any length; this keeps at most limits::kMaxRecordBytes of
// it and consumes the rest.
bool JsonlReader::read_line(std::string& line, bool& too_long) {
  line.clear();
  too_long = false;
  bool read_any = false;
  for (;;) {
    in_.getline(chunk_.data(), static_cast<std::streamsize>(chunk_.size()));
    const auto count = static_cast<std::size_t>(in_.gcount());
    if (in_.bad()) {
      return false;  // next_line() reports it
    }
    if (count == 0 && in_.eof()) {
      return read_any;
    }
    read_any = true;
    const bool full = in_.fail() && !in_.eof();
    // Without failbit and before the end, getline consumed the '\n' and counted it.
    const std::size_t stored = full || in_.eof() ? count : count - 1;
    if (line.size() + stored > limits::kMaxRecordBytes) {
      too_long = true;
    } else {
      line.append(chunk_.data(), stored);
    }
    if (!full) {
      return true;
    }
    in_.clear();
  }
}

void JsonlReader::note_key(const std::string& key, std::optional<FieldTarget> target) {
  constexpr std::size_t kMaxKeys = 200;
  if (keys_.size() >= kMaxKeys) {
    return;
  }
  for (const auto& known : keys_) {
    if (known.first == key) {
      return;
    }
  }
  std::optional<ArticleField> field;
  if (target) {
    field = target->field;
  }
  keys_.emplace_back(key, field);
}

std::optional<Article> JsonlReader::next() {
  if (finished_) {
    return std::nullopt;
  }
  std::string line;
  while (next_line(line)) {
    const Json object = parse_object(line, file_name_, line_number_);
    RecordValues values;
    std::vector<Comment> comments;
    for (const auto& [key, value] : object.items()) {
      if (lower_case(key) == "comments") {
        comments = read_comments(value, key, file_name_, line_number_);
        continue;
      }
      const auto target = mapping_.find(key);
      note_key(key, target);
      if (target && !value.is_null()) {
        add_value(values, *target, key, value, file_name_, line_number_);
      }
    }
    Article article = finish_article(values, file_name_, line_number_, mapping_.date_formats());
    article.comments = std::move(comments);
    return article;
  }
  return std::nullopt;
}

bool JsonlReader::next_line(std::string& line) {
  if (finished_) {
    return false;
  }
  bool too_long = false;
  while (read_line(line, too_long)) {
    ++line_number_;
    if (too_long) {
      throw InputError(file_name_, line_number_,
                       fmt::format("line is longer than {} MiB", limits::kMaxRecordBytes >> 20));
    }
    if (line_number_ == 1 && line.starts_with("\xEF\xBB\xBF")) {
      line.erase(0, 3);
    }
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      continue;
    }
    if (const auto offset = find_invalid_utf8(line)) {
      throw InputError(file_name_, line_number_,
                       fmt::format("invalid UTF-8 at byte {} of the line (0x{:02x})", *offset + 1,
                                   static_cast<unsigned char>(line[*offset])));
    }
    // nlohmann's lexer takes a NUL byte for the end of its input, so `{...}\0junk` would read as
    // `{...}` alone; JSON never holds a raw NUL (inside a string it is written \u0000).
    if (const auto nul = line.find('\0'); nul != std::string::npos) {
      throw InputError(file_name_, line_number_,
                       fmt::format("a NUL byte at byte {} of the line; JSON holds none (in a "
                                   "string it is written \\u0000)",
                                   nul + 1));
    }
    return true;
  }
  finished_ = true;
  if (in_.bad()) {
    throw InputError(file_name_, 0, "the file could not be read");
  }
  return false;
}

std::optional<std::pair<std::size_t, std::vector<std::pair<std::string, std::string>>>>
JsonlReader::next_fields() {
  std::string line;
  if (!next_line(line)) {
    return std::nullopt;
  }
  const Json object = parse_object(line, file_name_, line_number_);
  std::vector<std::pair<std::string, std::string>> fields;
  for (const auto& [key, value] : object.items()) {
    if (value.is_string()) {
      fields.emplace_back(key, value.get<std::string>());
    } else if (value.is_number() || value.is_boolean()) {
      fields.emplace_back(key, value.dump());
    } else if (value.is_null()) {
      fields.emplace_back(key, "");
    }
  }
  return std::make_pair(line_number_, std::move(fields));
}

}  // namespace morgue::indexer
