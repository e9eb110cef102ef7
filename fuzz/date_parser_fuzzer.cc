// Dates as news archives write them, and as a user's strptime(3) format reads them: the input is
// a date, or "FORMAT\nDATE" for a --map date-format.
#include <string>

#include "fuzz/fuzz_support.h"
#include "indexer/date_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = morgue::fuzz::as_text(data, size);
  morgue::indexer::parse_date(text);
  if (const auto newline = text.find('\n'); newline != std::string_view::npos) {
    morgue::indexer::parse_date(text.substr(newline + 1), std::string(text.substr(0, newline)));
  }
  return 0;
}
