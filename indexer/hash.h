// A stable content hash for keys and over-long terms (std::hash may change between releases,
// and keys are stored on disk).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace morgue::indexer {

/// 64-bit FNV-1a of `bytes`, the same on every machine and release.
std::uint64_t stable_hash(std::string_view bytes);

/// stable_hash as 16 lowercase hex digits.
std::string hash_hex(std::string_view bytes);

}  // namespace morgue::indexer
