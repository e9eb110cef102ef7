// Helpers shared by the tests: where fixtures live, temporary databases, running the programs.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace morgue::testing {

/// A file under the project's data/ folder, e.g. test_data_path("sample/sputnik-aleppo.txt").
std::filesystem::path test_data_path(const std::string& relative);

/// A file under ../shared/corpora/, or nullopt when the shared corpora are not beside the clone
/// (tests then GTEST_SKIP with a reason).
std::optional<std::filesystem::path> shared_corpus_path(const std::string& relative);

/// A fresh directory removed with everything in it when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

/// What a program printed and how it exited.
struct CommandResult {
  int exit_code = 0;
  std::string out;
  std::string err;
};

/// Runs a shell command line, capturing standard output and standard error.
CommandResult run_command(const std::string& command_line);

/// Quotes `text` for a POSIX shell.
std::string shell_quote(const std::string& text);

/// True in a build with AddressSanitizer (-DMORGUE_SANITIZE=ON), which makes our own code about
/// three times slower but not the (uninstrumented) Xapian library it calls.
bool sanitized_build();

/// Runs Xapian's own consistency check on a database; returns "" when clean, else its report.
std::string check_database(const std::filesystem::path& database);

/// The whole content of a file.
std::string read_file(const std::filesystem::path& file);

/// Writes `content` to `file`.
void write_file(const std::filesystem::path& file, const std::string& content);

/// One file to put into an archive.
struct ArchiveMember {
  std::string name;
  std::string content;
};

/// Writes an archive with libarchive, so tests need no zip or zstd programs: `format` "tar",
/// "zip" or "raw" (a single compressed file: one member, its name unused), `filter` "none",
/// "gzip", "bzip2", "xz" or "zstd".
void write_archive(const std::filesystem::path& file, const std::string& format,
                   const std::string& filter, const std::vector<ArchiveMember>& members);

}  // namespace morgue::testing
