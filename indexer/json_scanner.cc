#include "indexer/json_scanner.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace morgue::indexer {

namespace {

using Json = nlohmann::json;

class Scanner {
 public:
  Scanner(std::string_view text, Json::json_sax_t& events) : text_(text), events_(events) {}

  bool run() {
    skip_space();
    if (!value()) {
      return false;
    }
    skip_space();
    return at_ == text_.size();
  }

 private:
  // One value and everything inside it. Containers are read with an explicit stack of what
  // each one expects next, so deep nesting cannot exhaust the call stack.
  bool value() {
    std::vector<char> open;  // '{' or '[' for each container being read
    for (;;) {
      skip_space();
      if (at_ == text_.size()) {
        return false;
      }
      const char c = text_[at_];
      if (c == '{' || c == '[') {
        if (open.size() == kMaxJsonDepth) {
          return false;
        }
        ++at_;
        if (!(c == '{' ? events_.start_object(static_cast<std::size_t>(-1))
                       : events_.start_array(static_cast<std::size_t>(-1)))) {
          return false;
        }
        open.push_back(c);
        skip_space();
        if (at_ < text_.size() && text_[at_] == (c == '{' ? '}' : ']')) {
          ++at_;
          open.pop_back();
          if (!(c == '{' ? events_.end_object() : events_.end_array())) {
            return false;
          }
        } else if (c == '{') {
          if (!key()) {
            return false;
          }
          continue;
        } else {
          continue;
        }
      } else if (!scalar()) {
        return false;
      }
      // After a value: close containers that end here, or go on to their next member.
      for (;;) {
        if (open.empty()) {
          return true;
        }
        skip_space();
        if (at_ == text_.size()) {
          return false;
        }
        const char next = text_[at_++];
        if (next == ',') {
          if (open.back() == '{' && !key()) {
            return false;
          }
          break;
        }
        if (next != (open.back() == '{' ? '}' : ']')) {
          return false;
        }
        if (!(open.back() == '{' ? events_.end_object() : events_.end_array())) {
          return false;
        }
        open.pop_back();
      }
    }
  }

  // `"name":` of an object member.
  bool key() {
    skip_space();
    std::string name;
    if (!string(name) || !events_.key(name)) {
      return false;
    }
    skip_space();
    return at_ < text_.size() && text_[at_++] == ':';
  }

  bool scalar() {
    const char c = text_[at_];
    if (c == '"') {
      std::string value;
      return string(value) && events_.string(value);
    }
    if (literal("true")) {
      return events_.boolean(true);
    }
    if (literal("false")) {
      return events_.boolean(false);
    }
    if (literal("null")) {
      return events_.null();
    }
    return number();
  }

  bool literal(std::string_view word) {
    if (text_.substr(at_, word.size()) != word) {
      return false;
    }
    at_ += word.size();
    return true;
  }

  bool number() {
    const std::size_t start = at_;
    bool integer = true;
    if (at_ < text_.size() && text_[at_] == '-') {
      ++at_;
    }
    if (!digits()) {
      return false;
    }
    if (text_[start + (text_[start] == '-' ? 1 : 0)] == '0' &&
        at_ - start > (text_[start] == '-' ? 2U : 1U)) {
      return false;  // no leading zeros
    }
    if (at_ < text_.size() && text_[at_] == '.') {
      integer = false;
      ++at_;
      if (!digits()) {
        return false;
      }
    }
    if (at_ < text_.size() && (text_[at_] == 'e' || text_[at_] == 'E')) {
      integer = false;
      ++at_;
      if (at_ < text_.size() && (text_[at_] == '+' || text_[at_] == '-')) {
        ++at_;
      }
      if (!digits()) {
        return false;
      }
    }
    const std::string_view written = text_.substr(start, at_ - start);
    if (integer) {
      if (written.front() == '-') {
        std::int64_t value = 0;
        if (std::from_chars(written.data(), written.data() + written.size(), value).ec ==
            std::errc()) {
          return events_.number_integer(value);
        }
      } else {
        std::uint64_t value = 0;
        if (std::from_chars(written.data(), written.data() + written.size(), value).ec ==
            std::errc()) {
          return events_.number_unsigned(value);
        }
      }
      // Too big for 64 bits: a float, as nlohmann reads it.
    }
    const std::string copy(written);
    const double value = std::strtod(copy.c_str(), nullptr);
    if (!std::isfinite(value)) {
      return false;  // 1e400: nlohmann refuses it too ("number overflow")
    }
    return events_.number_float(value, copy);
  }

  bool digits() {
    const std::size_t start = at_;
    while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9') {
      ++at_;
    }
    return at_ > start;
  }

  // A string at `at_` (its opening quote) into `out`, unescaped.
  bool string(std::string& out) {
    if (at_ == text_.size() || text_[at_] != '"') {
      return false;
    }
    ++at_;
    for (;;) {
      // Copy the run up to the next quote, backslash or control character at once.
      const std::size_t run = at_;
      while (at_ < text_.size()) {
        const auto c = static_cast<unsigned char>(text_[at_]);
        if (c == '"' || c == '\\' || c < 0x20) {
          break;
        }
        ++at_;
      }
      out.append(text_, run, at_ - run);
      if (at_ == text_.size() || static_cast<unsigned char>(text_[at_]) < 0x20) {
        return false;  // unterminated, or a raw control character
      }
      if (text_[at_++] == '"') {
        return true;
      }
      if (!escape(out)) {
        return false;
      }
    }
  }

  // The escape after a backslash.
  bool escape(std::string& out) {
    if (at_ == text_.size()) {
      return false;
    }
    switch (text_[at_++]) {
      case '"':
        out += '"';
        return true;
      case '\\':
        out += '\\';
        return true;
      case '/':
        out += '/';
        return true;
      case 'b':
        out += '\b';
        return true;
      case 'f':
        out += '\f';
        return true;
      case 'n':
        out += '\n';
        return true;
      case 'r':
        out += '\r';
        return true;
      case 't':
        out += '\t';
        return true;
      case 'u':
        return unicode_escape(out);
      default:
        return false;
    }
  }

  // `\uXXXX`, or a pair of them for a character beyond the BMP, as UTF-8.
  bool unicode_escape(std::string& out) {
    std::uint32_t code = 0;
    if (!hex4(code)) {
      return false;
    }
    if (code >= 0xD800 && code < 0xDC00) {
      std::uint32_t low = 0;
      if (!literal("\\u") || !hex4(low) || low < 0xDC00 || low >= 0xE000) {
        return false;  // a high surrogate must be followed by a low one
      }
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    } else if (code >= 0xDC00 && code < 0xE000) {
      return false;  // a low surrogate alone
    }
    append_utf8(out, code);
    return true;
  }

  bool hex4(std::uint32_t& code) {
    if (text_.size() - at_ < 4) {
      return false;
    }
    const char* begin = text_.data() + at_;
    if (std::from_chars(begin, begin + 4, code, 16).ptr != begin + 4) {
      return false;
    }
    at_ += 4;
    return true;
  }

  static void append_utf8(std::string& out, std::uint32_t code) {
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (code >> 18));
      out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
  }

  void skip_space() {
    while (at_ < text_.size() &&
           (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == '\n' || text_[at_] == '\r')) {
      ++at_;
    }
  }

  std::string_view text_;
  std::size_t at_ = 0;
  Json::json_sax_t& events_;
};

}  // namespace

bool scan_json(std::string_view text, nlohmann::json::json_sax_t& events) {
  return Scanner(text, events).run();
}

}  // namespace morgue::indexer
