// A document's stored data as the searcher reads it back (indexer/stored_fields.h): whatever
// the bytes, parse_stored() returns or throws DatabaseError.
#include <cstddef>
#include <cstdint>
#include <string>

#include <morgue/error.h>

#include "fuzz/fuzz_support.h"
#include "indexer/stored_fields.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    morgue::indexer::parse_stored(std::string(morgue::fuzz::as_text(data, size)));
  } catch (const morgue::DatabaseError&) {
    // Not morgue's data: what parse_stored promises.
  }
  return 0;
}
