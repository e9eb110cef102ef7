#include "query/cursor.h"

#include <charconv>

#include <fmt/format.h>

namespace morgue::query {

namespace {

std::string hex(const std::string& bytes) {
  std::string out;
  for (unsigned char c : bytes) {
    out += fmt::format("{:02x}", c);
  }
  return out;
}

std::optional<std::string> unhex(std::string_view text) {
  if (text.size() % 2 != 0) {
    return std::nullopt;
  }
  std::string out;
  for (std::size_t i = 0; i < text.size(); i += 2) {
    unsigned value = 0;
    const auto [end, error] = std::from_chars(text.data() + i, text.data() + i + 2, value, 16);
    if (error != std::errc() || end != text.data() + i + 2) {
      return std::nullopt;
    }
    out += static_cast<char>(value);
  }
  return out;
}

std::optional<std::size_t> number(std::string_view text) {
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

std::string encode_cursor(const Cursor& cursor) {
  return fmt::format("c1:{}:{}:{}", cursor.offset, hex(cursor.last_date), cursor.same_date);
}

std::optional<Cursor> decode_cursor(const std::string& text) {
  std::string_view rest = text;
  if (!rest.starts_with("c1:")) {
    return std::nullopt;
  }
  rest.remove_prefix(3);
  const auto first = rest.find(':');
  const auto second = first == std::string_view::npos ? first : rest.find(':', first + 1);
  if (second == std::string_view::npos) {
    return std::nullopt;
  }
  const auto offset = number(rest.substr(0, first));
  const auto date = unhex(rest.substr(first + 1, second - first - 1));
  const auto same = number(rest.substr(second + 1));
  if (!offset || !date || !same) {
    return std::nullopt;
  }
  return Cursor{*offset, *date, *same};
}

}  // namespace morgue::query
