// Any input file as morgue-index reads it: plain, compressed or an archive (libarchive), each
// member told by name and content and read by its reader (articles or comments), then written
// into a database by morgue::Indexer::add_file, and shown by inspect_input (--inspect).
//
// The first byte picks the file's name, since the name decides how a member is read when the
// content alone does not; the rest is the file.
#include <array>
#include <filesystem>
#include <fstream>
#include <string>

#include <morgue/indexer.h>

#include "fuzz/fuzz_support.h"

namespace {

constexpr std::array<const char*, 8> kNames = {
    "input",    "input.csv",    "input.jsonl", "input.txt",
    "input.gz", "input.tar.gz", "input.zip",   "input.html",
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  const std::filesystem::path file =
      morgue::fuzz::scratch_directory() / kNames[data[0] % kNames.size()];
  const std::filesystem::path database = morgue::fuzz::scratch_directory() / "fuzz.db";
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << morgue::fuzz::as_text(data + 1, size - 1);
  }
  try {
    morgue::inspect_input(file.string(), morgue::Format::kAuto, morgue::Layout{});
  } catch (const morgue::InputError&) {
  }
  {
    morgue::Indexer indexer(database);
    try {
      indexer.add_file(file);
    } catch (const morgue::InputError&) {
    }
    indexer.report_waiting_comments({});
    indexer.commit();
  }
  std::filesystem::remove_all(database);
  std::filesystem::remove(file);
  return 0;
}
