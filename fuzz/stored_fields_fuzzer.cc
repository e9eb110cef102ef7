// A document's stored data as the searcher reads it back (indexer/stored_fields.h): whatever
// the bytes, parse_stored() returns or throws DatabaseError. And scan_json
// (indexer/json_scanner.h) accepts exactly the JSON that nlohmann-json accepts, for text in
// ASCII without NUL bytes (scan_json does not check UTF-8) nested no deeper than kMaxJsonDepth.
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include <morgue/error.h>

#include "fuzz/fuzz_support.h"
#include "indexer/json_scanner.h"
#include "indexer/stored_fields.h"

namespace {

// Takes every event and keeps nothing: only whether the text is accepted matters here.
struct Accept : nlohmann::json::json_sax_t {
  bool null() override { return true; }
  bool boolean(bool /*value*/) override { return true; }
  bool number_integer(number_integer_t /*value*/) override { return true; }
  bool number_unsigned(number_unsigned_t /*value*/) override { return true; }
  bool number_float(number_float_t /*value*/, const string_t& /*text*/) override { return true; }
  bool string(string_t& /*value*/) override { return true; }
  bool binary(binary_t& /*value*/) override { return true; }
  bool start_object(std::size_t /*elements*/) override { return true; }
  bool key(string_t& /*name*/) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t /*elements*/) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t /*position*/, const std::string& /*token*/,
                   const nlohmann::detail::exception& /*error*/) override {
    return false;
  }
};

// Text both readers should judge alike. nlohmann also takes a NUL byte for the end of its
// input (it accepts "9\0\0\0", which this target's first run found); scan_json refuses it.
bool comparable(std::string_view text) {
  std::size_t openings = 0;
  for (const char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80 || c == '\0') {
      return false;
    }
    openings += c == '[' || c == '{' ? 1 : 0;
  }
  return openings <= morgue::indexer::kMaxJsonDepth;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = morgue::fuzz::as_text(data, size);
  try {
    morgue::indexer::parse_stored(std::string(text));
  } catch (const morgue::DatabaseError&) {
    // Not morgue's data: what parse_stored promises.
  }
  Accept events;
  if (comparable(text) &&
      morgue::indexer::scan_json(text, events) != nlohmann::json::accept(text)) {
    std::abort();
  }
  return 0;
}
