#include "indexer/json_scanner.h"

#include <optional>
#include <string>

#include <gtest/gtest.h>

namespace morgue::indexer {
namespace {

using Json = nlohmann::json;

// nlohmann's own DOM builder behind the SAX interface scan_json calls.
class DomBuilder : public Json::json_sax_t {
 public:
  explicit DomBuilder(Json& out) : builder_(out, false) {}
  bool null() override { return builder_.null(); }
  bool boolean(bool value) override { return builder_.boolean(value); }
  bool number_integer(number_integer_t value) override { return builder_.number_integer(value); }
  bool number_unsigned(number_unsigned_t value) override { return builder_.number_unsigned(value); }
  bool number_float(number_float_t value, const string_t& text) override {
    return builder_.number_float(value, text);
  }
  bool string(string_t& value) override { return builder_.string(value); }
  bool binary(binary_t& value) override { return builder_.binary(value); }
  bool start_object(std::size_t elements) override { return builder_.start_object(elements); }
  bool key(string_t& name) override { return builder_.key(name); }
  bool end_object() override { return builder_.end_object(); }
  bool start_array(std::size_t elements) override { return builder_.start_array(elements); }
  bool end_array() override { return builder_.end_array(); }
  bool parse_error(std::size_t position, const std::string& token,
                   const nlohmann::detail::exception& error) override {
    return builder_.parse_error(position, token, error);
  }

 private:
  nlohmann::detail::json_sax_dom_parser<Json> builder_;
};

// What scan_json reads, built into nlohmann's DOM; nullopt when scan_json refuses the text.
std::optional<Json> scanned(const std::string& text) {
  Json out;
  DomBuilder builder(out);
  if (!scan_json(text, builder)) {
    return std::nullopt;
  }
  return out;
}

TEST(JsonScanner, ReadsWhatNlohmannReads) {
  const std::string texts[] = {
      R"({})",
      R"([])",
      R"( {"a" : [ 1 , -2 , 3.5 , -0.25e-3 , 1E+2 , 0 ] , "b" : { } } )",
      R"({"s":"plain","e":"\" \\ \/ \b \f \n \r \t","u":"\u00e9\u4e1c\ud83d\ude00\u0000x"})",
      R"({"raw":"café 東京 😀","nested":[[[]],[{"x":[null,true,false]}]]})",
      R"("a string alone")",
      R"(18446744073709551615)",
      R"(18446744073709551616)",
      R"(-9223372036854775808)",
      R"({"dup":1,"dup":2})",
      "{\"body\":\"" + std::string(100000, 'x') + "\\n" + std::string(1000, 'y') + "\"}",
  };
  for (const auto& text : texts) {
    const auto ours = scanned(text);
    ASSERT_TRUE(ours.has_value()) << text.substr(0, 80);
    EXPECT_EQ(*ours, Json::parse(text)) << text.substr(0, 80);
  }
}

TEST(JsonScanner, RefusesWhatIsNotJson) {
  const std::string texts[] = {
      "",
      " ",
      "{",
      "}",
      "[1,]",
      "{\"a\":1,}",
      "{\"a\" 1}",
      "{a:1}",
      "[01]",
      "[1.]",
      "[.5]",
      "[1e]",
      "[-]",
      "[tru]",
      "[\"open]",
      "[\"bad \\x escape\"]",
      "[\"\\u12\"]",
      "[\"\\ud83d alone\"]",
      "[\"\\ude00 alone\"]",
      "[\"raw \n newline\"]",
      "{} {}",
      "[1] x",
      "[1e400]",
  };
  for (const auto& text : texts) {
    EXPECT_FALSE(scanned(text).has_value()) << text;
    EXPECT_FALSE(Json::accept(text)) << text;  // nlohmann agrees
  }
}

// nlohmann takes a NUL byte for the end of its input and reads "9\0" as 9 (found by
// fuzz/stored_fields_fuzzer.cc); JSON has no such rule.
TEST(JsonScanner, ANulByteIsNotTheEndOfTheText) {
  const std::string text("9\0\0\0", 4);
  EXPECT_FALSE(scanned(text).has_value());
  EXPECT_TRUE(Json::accept(text));  // nlohmann's reading, for contrast
}

TEST(JsonScanner, RefusesNestingDeeperThanItsLimit) {
  const std::string fits(kMaxJsonDepth, '[');
  EXPECT_TRUE(scanned(fits + std::string(kMaxJsonDepth, ']')).has_value());
  const std::string deep(1000000, '[');
  EXPECT_FALSE(scanned(deep + std::string(1000000, ']')).has_value());
}

}  // namespace
}  // namespace morgue::indexer
