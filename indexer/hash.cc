#include "indexer/hash.h"

#include <fmt/format.h>

namespace morgue::indexer {

std::uint64_t stable_hash(std::string_view bytes) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char byte : bytes) {
    hash ^= byte;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::string hash_hex(std::string_view bytes) { return fmt::format("{:016x}", stable_hash(bytes)); }

}  // namespace morgue::indexer
