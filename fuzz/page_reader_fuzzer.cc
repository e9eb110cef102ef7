// One scraped news page (docs/input-formats.md), read and built into documents.
#include <sstream>
#include <string>

#include "fuzz/fuzz_support.h"
#include "indexer/page_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in{std::string(morgue::fuzz::as_text(data, size))};
  morgue::indexer::PageReader reader(in, "fuzz.txt");
  morgue::fuzz::read_and_build(reader);
  return 0;
}
