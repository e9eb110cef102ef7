// UTF-8 checks shared by the readers: bad bytes are reported, never silently indexed.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace morgue::indexer {

/// The byte offset of the first invalid UTF-8 sequence in `text`, or nullopt if it is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

}  // namespace morgue::indexer
