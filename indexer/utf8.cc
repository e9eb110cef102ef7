#include "indexer/utf8.h"

#include <cstdint>

#include <unicode/utf8.h>

namespace morgue::indexer {

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  std::int32_t offset = 0;
  while (offset < length) {
    if (bytes[offset] < 0x80) {
      ++offset;
      continue;
    }
    const std::int32_t start = offset;
    UChar32 c;
    U8_NEXT(bytes, offset, length, c);
    if (c < 0) {
      return static_cast<std::size_t>(start);
    }
  }
  return std::nullopt;
}

}  // namespace morgue::indexer
