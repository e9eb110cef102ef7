#include "indexer/lock_holder.h"

#include <cctype>
#include <fcntl.h>
#include <fstream>
#include <string>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace morgue::indexer {

namespace {

// Xapian's glass and chert backends both lock this file (xapian-core backends/flint_lock.cc).
constexpr const char* kLockFile = "flintlock";

// A process id from a /proc entry name, or nullopt for the other entries (self, meminfo, ...).
std::optional<pid_t> pid_from_name(const std::string& name) {
  if (name.empty()) {
    return std::nullopt;
  }
  for (const char c : name) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) {
      return std::nullopt;
    }
  }
  return static_cast<pid_t>(std::stol(name));
}

bool holds_a_lock(const std::filesystem::path& fdinfo) {
  std::ifstream in(fdinfo);
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with("lock:")) {
      return true;
    }
  }
  return false;
}

// A process with the lock file open and a lock on that open file.
std::optional<pid_t> find_in_proc(const struct stat& lock_file) {
  std::error_code error;
  for (const auto& process : std::filesystem::directory_iterator("/proc", error)) {
    const auto pid = pid_from_name(process.path().filename().string());
    if (!pid) {
      continue;
    }
    std::error_code unreadable;  // processes come and go, and others' fds may be hidden
    for (const auto& fd : std::filesystem::directory_iterator(process.path() / "fd", unreadable)) {
      struct stat target {};
      if (::stat(fd.path().c_str(), &target) != 0 || target.st_ino != lock_file.st_ino ||
          target.st_dev != lock_file.st_dev) {
        continue;
      }
      if (holds_a_lock(process.path() / "fdinfo" / fd.path().filename())) {
        return pid;
      }
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<pid_t> lock_holder(const std::filesystem::path& database) {
  const auto lock_path = database / kLockFile;
  const int fd = ::open(lock_path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return std::nullopt;
  }
  struct flock query {};
  query.l_type = F_WRLCK;
  query.l_whence = SEEK_SET;
  struct stat lock_file {};
  const bool asked = ::fcntl(fd, F_GETLK, &query) == 0 && ::fstat(fd, &lock_file) == 0;
  ::close(fd);
  if (!asked || query.l_type == F_UNLCK) {
    return std::nullopt;
  }
  if (query.l_pid > 0) {
    return query.l_pid;  // a classic POSIX lock names its owner
  }
  return find_in_proc(lock_file);
}

}  // namespace morgue::indexer
