// A small, fast reader of one JSON text, reporting what it meets to nlohmann's SAX interface.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

namespace morgue::indexer {

/// Reads `text` as one JSON value (RFC 8259; white space around it allowed, nothing after it)
/// and calls `events` for each part, as nlohmann::json::sax_parse would, but copies a string
/// without escapes in one go rather than byte by byte: the stored data of a hit is mostly one
/// long body, and nlohmann's lexer spent most of its instructions on it. Strings are not
/// checked for valid UTF-8 (morgue wrote them through nlohmann's dump, which replaces invalid
/// bytes). Returns false, without calling `events.parse_error`, at the first syntax error or
/// when a handler returns false; nesting deeper than kMaxJsonDepth is an error.
bool scan_json(std::string_view text, nlohmann::json::json_sax_t& events);

/// Containers nested deeper than this are refused (nlohmann's DOM crashes on a million).
constexpr std::size_t kMaxJsonDepth = 256;

}  // namespace morgue::indexer
