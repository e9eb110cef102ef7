#include "indexer/reader_factory.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "indexer/csv_reader.h"
#include "indexer/html_reader.h"
#include "indexer/jsonl_reader.h"
#include "indexer/page_reader.h"

namespace morgue::indexer {

namespace {

// Whether `input` starts with "<!doctype html" or "<html" in any case; reads nothing for good
// (the bytes are put back).
bool starts_html(std::istream& input) {
  constexpr std::size_t kLongest = 14;  // "<!doctype html"
  std::string start;
  while (start.size() < kLongest) {
    const std::istream::int_type c = input.get();
    if (c == std::istream::traits_type::eof()) {
      input.clear();
      break;
    }
    start += static_cast<char>(std::tolower(c));
  }
  for (auto it = start.rbegin(); it != start.rend(); ++it) {
    input.putback(*it);
  }
  return start.starts_with("<!doctype html") || start.starts_with("<html");
}

}  // namespace

Format detect_format(std::istream& input, const std::string& name) {
  std::string extension = std::filesystem::path(name).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (extension == ".csv") {
    return Format::kCsv;
  }
  if (extension == ".jsonl" || extension == ".ndjson" || extension == ".json") {
    return Format::kJsonl;
  }
  if (extension == ".txt") {
    return Format::kPage;
  }
  if (extension == ".html" || extension == ".htm") {
    return Format::kHtml;
  }
  // No telling extension: a first '{' means JSON Lines, a first "<!doctype html" or "<html"
  // (any case) an HTML page; anything else is not guessed, since a wrong guess would index
  // garbage.
  std::istream::int_type c;
  while ((c = input.peek()) != std::istream::traits_type::eof() && std::isspace(c)) {
    input.get();
  }
  if (c == '{') {
    return Format::kJsonl;
  }
  if (c == '<' && starts_html(input)) {
    return Format::kHtml;
  }
  throw InputError(name, 0,
                   "cannot tell the format from the name or content; name it with --format "
                   "csv, jsonl, page or html");
}

DetectedFormat member_format(InputMember& member, Format asked, const FieldMapping& mapping) {
  if (asked != Format::kAuto) {
    return {asked, "as asked with --format"};
  }
  const std::string extension = std::filesystem::path(member.format_name).extension().string();
  const std::string_view how = extension.empty() ? "from the content" : "from the name";
  try {
    return {detect_format(*member.stream, member.format_name), how};
  } catch (const InputError& error) {
    if (looks_like_csv_header(member.head, mapping)) {
      return {Format::kCsv, "from the content (a CSV header)"};
    }
    throw InputError(member.name, 0, error.message());
  }
}

bool looks_like_csv_header(std::string_view head, const FieldMapping& mapping) {
  const std::size_t line_end = head.find('\n');
  if (line_end == std::string_view::npos) {
    return false;
  }
  std::string_view line = head.substr(0, line_end);
  if (line.starts_with("\xEF\xBB\xBF")) {
    line.remove_prefix(3);
  }
  if (line.find(',') == std::string_view::npos) {
    return false;
  }
  for (std::size_t start = 0; start <= line.size();) {
    const std::size_t comma = std::min(line.find(',', start), line.size());
    std::string cell(line.substr(start, comma - start));
    std::erase(cell, '"');
    std::erase(cell, '\r');
    const auto target = mapping.find(cell);
    if (target && (target->field == ArticleField::kTitle || target->field == ArticleField::kBody)) {
      return true;
    }
    start = comma + 1;
  }
  return false;
}

std::unique_ptr<RecordSource> open_reader(std::istream& input, const std::string& name,
                                          Format format, const FieldMapping& mapping) {
  if (format == Format::kAuto) {
    format = detect_format(input, name);
  }
  switch (format) {
    case Format::kCsv:
      return std::make_unique<CsvReader>(input, name, mapping);
    case Format::kJsonl:
      return std::make_unique<JsonlReader>(input, name, mapping);
    case Format::kPage:
      return std::make_unique<PageReader>(input, name);
    case Format::kHtml:
      return std::make_unique<HtmlReader>(input, name);
    case Format::kAuto:
      break;
  }
  throw InputError(name, 0, "no reader for this format");
}

}  // namespace morgue::indexer
