// What every fuzz target shares: reading all records of a reader and building their documents.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string_view>

#include <morgue/indexer.h>

#include "indexer/record_source.h"

namespace morgue::fuzz {

/// The fuzzer's bytes as text, unchanged (NUL bytes and invalid UTF-8 included).
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// A directory of the fuzzing process's own, removed at a normal exit (not after a crash), under
/// $MORGUE_FUZZ_SCRATCH, else /dev/shm, else the temporary directory: in memory where it can be,
/// since a target that creates a database per input would otherwise spend its time on the disk.
const std::filesystem::path& scratch_directory();

/// Reads every article of `reader` and builds its Xapian documents with the shared analyzer, as
/// the indexer does before writing. InputError for a record is what readers promise for bad
/// input and is swallowed; anything else (another exception, a crash, a sanitizer report, a
/// reader that never ends) is a bug the fuzzer reports. Stops at a record number 0 error, as the
/// indexer does.
void read_and_build(indexer::RecordSource& reader);

/// Reads every comment of `text` as a comments file in `format` (kCsv or kJsonl), swallowing
/// InputError as read_and_build() does.
void read_comments(std::string_view text, Format format);

}  // namespace morgue::fuzz
