#include "indexer/reader_factory.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "indexer/csv_reader.h"
#include "indexer/jsonl_reader.h"
#include "indexer/page_reader.h"

namespace morgue::indexer {

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
  // No telling extension: a first '{' means JSON Lines; anything else is not guessed, since a
  // wrong guess would index garbage.
  std::istream::int_type c;
  while ((c = input.peek()) != std::istream::traits_type::eof() && std::isspace(c)) {
    input.get();
  }
  if (c == '{') {
    return Format::kJsonl;
  }
  throw InputError(name, 0,
                   "cannot tell the format from the name or content; name it with --format "
                   "csv, jsonl or page");
}

std::unique_ptr<RecordSource> open_reader(std::istream& input, const std::string& name,
                                          Format format) {
  if (format == Format::kAuto) {
    format = detect_format(input, name);
  }
  switch (format) {
    case Format::kCsv:
      return std::make_unique<CsvReader>(input, name);
    case Format::kJsonl:
      return std::make_unique<JsonlReader>(input, name);
    case Format::kPage:
      return std::make_unique<PageReader>(input, name);
    case Format::kAuto:
      break;
  }
  throw InputError(name, 0, "no reader for this format");
}

}  // namespace morgue::indexer
