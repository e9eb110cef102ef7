// Who holds a Xapian database's write lock, so a second writer can name it.
#pragma once

#include <filesystem>
#include <optional>
#include <sys/types.h>

namespace morgue::indexer {

/// The id of the process holding the write lock of the Xapian database at `database`, or
/// nullopt when it is not locked or the holder cannot be seen (another user's process, no
/// /proc). Xapian 1.4 locks the database's `flintlock` file with an open file description
/// lock, whose owner fcntl(F_GETLK) reports as -1, so the holder is found in /proc: the
/// process with that file open and a lock on it in /proc/PID/fdinfo. A snapshot: the holder
/// may exit right after. Thread-safe.
std::optional<pid_t> lock_holder(const std::filesystem::path& database);

}  // namespace morgue::indexer
