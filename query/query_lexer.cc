#include "query/query_lexer.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include <fmt/format.h>

#include <morgue/error.h>

#include "indexer/schema.h"
#include "query/quoting.h"

namespace morgue::query {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

std::size_t column_of(std::string_view text, std::size_t offset) {
  std::size_t column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return column;
}

void Lexer::fail(std::size_t offset, std::string_view message) const {
  throw QueryError(fmt::format("column {}: {}", column_of(text_, offset), message));
}

// NEAR, NEAR/5, ADJ, ADJ/3.
bool Lexer::proximity(std::string_view word, Token& token) const {
  std::string_view name = word.substr(0, word.find('/'));
  if (name != "NEAR" && name != "ADJ") {
    return false;
  }
  token.kind = name == "NEAR" ? TokenKind::kNear : TokenKind::kAdj;
  token.distance = kDefaultProximity;
  if (word.size() == name.size()) {
    return true;
  }
  const std::string_view digits = word.substr(name.size() + 1);
  const bool all_digits = !digits.empty() && digits.size() <= 3 &&
                          std::all_of(digits.begin(), digits.end(),
                                      [](unsigned char c) { return std::isdigit(c) != 0; });
  if (!all_digits || std::stoul(std::string(digits)) > kMaxProximity) {
    fail(token.offset,
         fmt::format("write {}/n with n a number of words from 0 to {}", name, kMaxProximity));
  }
  token.distance = std::stoul(std::string(digits));
  return true;
}

Token Lexer::next() {
  while (offset_ < text_.size() && is_space(text_[offset_])) {
    ++offset_;
  }
  Token token;
  token.offset = offset_;
  if (offset_ == text_.size()) {
    return token;
  }
  const char c = text_[offset_];
  if (c == '(' || c == ')') {
    ++offset_;
    token.kind = c == '(' ? TokenKind::kOpen : TokenKind::kClose;
    return token;
  }
  if ((c == '+' || c == '-') && offset_ + 1 < text_.size() && !is_space(text_[offset_ + 1])) {
    token.sign = c;
    ++offset_;
    if (text_[offset_] == '(') {
      ++offset_;
      token.kind = TokenKind::kOpen;
      return token;
    }
  }
  if (text_[offset_] == '"') {
    token.kind = TokenKind::kPhrase;
    token.text = quoted();
    return token;
  }
  const std::size_t start = offset_;
  while (offset_ < text_.size() && !is_space(text_[offset_]) && text_[offset_] != '(' &&
         text_[offset_] != ')' && text_[offset_] != '"') {
    ++offset_;
  }
  const std::string_view word = text_.substr(start, offset_ - start);
  if (token.sign == 0) {
    if (word == "AND" || word == "OR" || word == "NOT") {
      token.kind = word == "AND"  ? TokenKind::kAnd
                   : word == "OR" ? TokenKind::kOr
                                  : TokenKind::kNot;
      return token;
    }
    if (proximity(word, token)) {
      return token;
    }
  }
  const auto colon = word.find(':');
  if (colon != std::string_view::npos && colon > 0) {
    const std::string name = lower_ascii(word.substr(0, colon));
    if (schema::find_field(name) != nullptr) {
      token.kind = TokenKind::kField;
      token.field = name;
      token.text = std::string(word.substr(colon + 1));
      if (token.text.empty() && offset_ < text_.size() && text_[offset_] == '"') {
        token.text = quoted();
        token.quoted = true;
      }
      if (token.text.empty()) {
        fail(start, fmt::format("{}: needs a value, as in {}:something", name, name));
      }
      return token;
    }
  }
  token.kind = TokenKind::kWord;
  token.text = std::string(word);
  return token;
}

// The text between a quote at offset_ and the next unescaped quote.
std::string Lexer::quoted() {
  auto read = read_quoted(text_, offset_);
  if (!read) {
    fail(offset_, "unbalanced quote");
  }
  offset_ = read->end;
  return std::move(read->text);
}

}  // namespace morgue::query
