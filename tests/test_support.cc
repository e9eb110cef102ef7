#include "tests/test_support.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

#include <xapian.h>

#if defined(__SANITIZE_ADDRESS__)
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
  const std::string full = command_line + " >" + shell_quote(out_file.string()) + " 2>" +
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

}  // namespace morgue::testing
