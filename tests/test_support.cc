#include "tests/test_support.h"

#include <archive.h>
#include <archive_entry.h>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

#include <xapian.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)  // clang does not define __SANITIZE_ADDRESS__
#define MORGUE_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(MORGUE_ASAN)
// Debian's libxapian deletes with a size other than it allocated inside Database::check()
// (ENGINEERING-NOTES.md); every other AddressSanitizer check stays on in the programs that
// call it.
extern "C" const char* __asan_default_options() { return "new_delete_type_mismatch=0"; }
#endif

namespace morgue::testing {

std::filesystem::path test_data_path(const std::string& relative) {
  return std::filesystem::path(MORGUE_SOURCE_DIR) / "data" / relative;
}

std::optional<std::filesystem::path> shared_corpus_path(const std::string& relative) {
  auto path = std::filesystem::path(MORGUE_SOURCE_DIR) / ".." / "shared" / "corpora" / relative;
  if (!std::filesystem::exists(path)) {
    return std::nullopt;
  }
  return path;
}

TempDir::TempDir() {
  std::random_device random;
  const auto base = std::filesystem::temp_directory_path();
  for (;;) {
    path_ = base / ("morgue-test-" + std::to_string(random()));
    if (std::filesystem::create_directory(path_)) {
      break;
    }
  }
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

CommandResult run_command(const std::string& command_line) {
  TempDir capture;
  const auto out_file = capture / "out";
  const auto err_file = capture / "err";
  // In braces, so a command's own "< file" wins over the /dev/null given to the whole line.
  const std::string full = "{ " + command_line + "\n} >" + shell_quote(out_file.string()) + " 2>" +
                           shell_quote(err_file.string()) + " </dev/null";
  const int status = std::system(full.c_str());
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = read_file(out_file);
  result.err = read_file(err_file);
  return result;
}

std::string shell_quote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

bool sanitized_build() {
#if defined(__SANITIZE_ADDRESS__) || defined(MORGUE_ASAN)
  return true;
#else
  return false;
#endif
}

std::string check_database(const std::filesystem::path& database) {
  std::ostringstream report;
  try {
    const auto errors = Xapian::Database::check(database.string(), 0, &report);
    if (errors == 0) {
      return "";
    }
    return std::to_string(errors) + " errors: " + report.str();
  } catch (const Xapian::Error& e) {
    return e.get_description();
  }
}

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

void write_file(const std::filesystem::path& file, const std::string& content) {
  std::ofstream out(file, std::ios::binary);
  out << content;
}

void write_archive(const std::filesystem::path& file, const std::string& format,
                   const std::string& filter, const std::vector<ArchiveMember>& members) {
  archive* writer = archive_write_new();
  const auto check = [writer](int status) {
    if (status < ARCHIVE_WARN) {
      throw std::runtime_error(archive_error_string(writer));
    }
  };
  if (filter != "none") {
    check(archive_write_add_filter_by_name(writer, filter.c_str()));
  }
  check(format == "tar" ? archive_write_set_format_pax_restricted(writer)
                        : archive_write_set_format_by_name(writer, format.c_str()));
  check(archive_write_open_filename(writer, file.c_str()));
  for (const ArchiveMember& member : members) {
    archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, member.name.c_str());
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, 0644);
    archive_entry_set_size(entry, static_cast<la_int64_t>(member.content.size()));
    check(archive_write_header(writer, entry));
    if (!member.content.empty()) {
      check(static_cast<int>(
          archive_write_data(writer, member.content.data(), member.content.size()) < 0
              ? ARCHIVE_FATAL
              : ARCHIVE_OK));
    }
    archive_entry_free(entry);
  }
  check(archive_write_close(writer));
  archive_write_free(writer);
}

}  // namespace morgue::testing
