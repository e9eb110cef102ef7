#include "query/quoting.h"

namespace morgue::query {

std::string quote(std::string_view value) {
  std::string out = "\"";
  for (const char c : value) {
    if (c == '"' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  out += '"';
  return out;
}

std::optional<Quoted> read_quoted(std::string_view text, std::size_t open) {
  Quoted quoted{"", 0};
  for (std::size_t at = open + 1; at < text.size(); ++at) {
    const char c = text[at];
    if (c == '"') {
      quoted.end = at + 1;
      return quoted;
    }
    if (c == '\\' && at + 1 < text.size() && (text[at + 1] == '"' || text[at + 1] == '\\')) {
      ++at;
    }
    quoted.text += text[at];
  }
  return std::nullopt;
}

}  // namespace morgue::query
