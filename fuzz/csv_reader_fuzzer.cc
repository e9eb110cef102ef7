// CSV as morgue-index reads it: as articles (the built-in column names), and as a comments file.
#include <sstream>
#include <string>

#include "fuzz/fuzz_support.h"
#include "indexer/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = morgue::fuzz::as_text(data, size);
  std::istringstream in{std::string(text)};
  morgue::indexer::CsvReader reader(in, "fuzz.csv");
  morgue::fuzz::read_and_build(reader);
  morgue::fuzz::read_comments(text, morgue::Format::kCsv);
  return 0;
}
