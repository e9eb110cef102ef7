// Every limit morgue puts on what it reads, in one place, with the reason for each number.
// docs/input-formats.md ("Limits") lists them for users; change both together.
#pragma once

#include <cstddef>
#include <cstdint>

namespace morgue::indexer::limits {

/// One CSV record or JSON line. A news article is kilobytes; a record past 32 MiB is a quoting
/// error (or hostile), and keeping it would keep the rest of the file in memory. Past the limit
/// the record is scanned to its end, never kept.
inline constexpr std::size_t kMaxRecordBytes = std::size_t{32} << 20;

/// One value of a record (a title, a body, a comment's text). The longest article in the shared
/// corpora is under 1 MiB; 16 MiB leaves room for whole books pasted into a body, and still
/// bounds what the analyzer holds for one field.
inline constexpr std::size_t kMaxFieldBytes = std::size_t{16} << 20;

/// One decompressed file or archive member. Bigger dumps exist, but they come split or as
/// several members; one member past 4 GiB is much more likely a decompression bomb.
inline constexpr std::uint64_t kMaxMemberBytes = std::uint64_t{4} << 30;

/// Decompressed bytes per compressed byte, checked once 64 MiB have come out. News text
/// compresses 3 to 10 times with gzip, xz or zstd and repetitive logs about 100 times; a gzip
/// stream of zeros expands 1,030 times, bzip2, xz and zstd ones far more.
inline constexpr std::uint64_t kMaxExpansionRatio = 250;
/// Output below this is never judged by ratio: small files compress unevenly.
inline constexpr std::uint64_t kExpansionCheckBytes = std::uint64_t{64} << 20;

/// Bytes looked at to tell the compression, the archive type and the format of an input.
inline constexpr std::size_t kSniffBytes = 4096;

}  // namespace morgue::indexer::limits
