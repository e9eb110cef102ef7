// The user's layout: --map, --mapping files and --date-format, checked as they are given.
#include "indexer/layout.h"

#include <fstream>
#include <string>

#include <fmt/format.h>

#include <morgue/indexer.h>

#include "indexer/field_mapping.h"

namespace morgue {

namespace {

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) {
    return {};
  }
  const auto last = text.find_last_not_of(" \t\r");
  return std::string(text.substr(first, last - first + 1));
}

// "FIELD=NAME": the field's name as users type it and the source name; throws a message
// without location.
std::pair<std::string, std::string> split_mapping(const std::string& text) {
  const auto equals = text.find('=');
  if (equals == std::string::npos) {
    throw Error(fmt::format("'{}' is not FIELD=NAME (e.g. title=headline)", text));
  }
  std::string field = trimmed(std::string_view(text).substr(0, equals));
  std::string name = trimmed(std::string_view(text).substr(equals + 1));
  if (name.empty()) {
    throw Error(fmt::format("'{}' names no column or key after '='", text));
  }
  if (field != "date-format" && !indexer::field_named(field)) {
    throw Error(fmt::format(
        "'{}' is not a field; fields are id, url, title, body, authors, tags, published, site, "
        "type and language",
        field));
  }
  return {std::move(field), std::move(name)};
}

}  // namespace

void Layout::add_mapping(const std::string& field_equals_name) {
  auto [field, name] = split_mapping(field_equals_name);
  if (field == "date-format") {
    throw Error(fmt::format("'{}': give date formats with --date-format", field_equals_name));
  }
  names.emplace_back(std::move(field), std::move(name));
}

void Layout::add_file(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) {
    throw InputError(file.string(), 0, "cannot open the mapping file");
  }
  std::string line;
  std::size_t line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    const std::string text = trimmed(line);
    if (text.empty() || text.starts_with('#')) {
      continue;
    }
    try {
      auto [field, name] = split_mapping(text);
      if (field == "date-format") {
        date_formats.push_back(std::move(name));
      } else {
        names.emplace_back(std::move(field), std::move(name));
      }
    } catch (const Error& error) {
      throw Error(fmt::format("{}:{}: {}", file.string(), line_number, error.what()));
    }
  }
}

namespace indexer {

FieldMapping mapping_for(const Layout& layout) {
  FieldMapping mapping;
  for (const auto& [field, name] : layout.names) {
    const auto target = field_named(field);
    if (!target) {
      throw Error(fmt::format("'{}' is not a field", field));
    }
    mapping.add(*target, name);
  }
  for (const std::string& format : layout.date_formats) {
    mapping.add_date_format(format);
  }
  return mapping;
}

}  // namespace indexer

}  // namespace morgue
