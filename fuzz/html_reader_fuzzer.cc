// One saved HTML page: metadata, main text and comments, read and built into documents.
#include <sstream>
#include <string>

#include "fuzz/fuzz_support.h"
#include "indexer/html_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in{std::string(morgue::fuzz::as_text(data, size))};
  morgue::indexer::HtmlReader reader(in, "fuzz.html");
  morgue::fuzz::read_and_build(reader);
  return 0;
}
