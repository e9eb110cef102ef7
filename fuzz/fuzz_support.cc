#include "fuzz/fuzz_support.h"

#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <unistd.h>

#include <morgue/error.h>

#include "indexer/analyzer.h"
#include "indexer/comment_reader.h"
#include "indexer/document_builder.h"

namespace morgue::fuzz {

const std::filesystem::path& scratch_directory() {
  // Never destroyed, so that the atexit handler may still use it.
  static const std::filesystem::path* const directory = [] {
    const char* chosen = std::getenv("MORGUE_FUZZ_SCRATCH");
    std::filesystem::path base = chosen != nullptr ? chosen
                                 : std::filesystem::is_directory("/dev/shm")
                                     ? "/dev/shm"
                                     : std::filesystem::temp_directory_path();
    std::string pattern = (base / "morgue-fuzz-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
      std::perror("mkdtemp");
      std::abort();
    }
    return new std::filesystem::path(pattern);
  }();
  static const bool cleanup_registered = [] {
    return std::atexit([] {
             std::error_code ignored;
             std::filesystem::remove_all(*directory, ignored);
           }) == 0;
  }();
  (void)cleanup_registered;
  return *directory;
}

void read_and_build(indexer::RecordSource& reader) {
  // Built once: loading ICU's break iterators and CLD2 costs far more than one small input.
  static const indexer::Analyzer analyzer;
  static const indexer::DocumentBuilder builder(analyzer);
  for (;;) {
    try {
      auto article = reader.next();
      if (!article) {
        return;
      }
      builder.build(*article);
    } catch (const InputError& error) {
      if (error.record_number() == 0) {
        return;
      }
    }
  }
}

void read_comments(std::string_view text, Format format) {
  std::istringstream in{std::string(text)};
  indexer::CommentReader reader(in, "fuzz", format);
  for (;;) {
    try {
      if (!reader.next()) {
        return;
      }
    } catch (const InputError& error) {
      if (error.record_number() == 0) {
        return;
      }
    }
  }
}

}  // namespace morgue::fuzz
