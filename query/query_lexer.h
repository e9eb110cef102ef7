// Splits a query string into the tokens of the query language.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace morgue::query {

enum class TokenKind {
  kWord,    ///< a bare word; `text` (may end in '*': a wildcard)
  kPhrase,  ///< "quoted words"; `text` is the inside
  kField,   ///< name:value or name:"value"; `field`, `text`, `quoted`
  kOpen,    ///< '('
  kClose,   ///< ')'
  kAnd,
  kOr,
  kNot,
  kNear,  ///< NEAR or NEAR/n: words within `distance` words of each other, any order
  kAdj,   ///< ADJ or ADJ/n: the same, in the order written
  kEnd,
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string text;
  std::string field;
  bool quoted = false;
  char sign = 0;             ///< '+' or '-' written before a word, phrase, field or '('
  std::size_t distance = 0;  ///< kNear, kAdj: at most this many words between
  std::size_t offset = 0;    ///< byte offset in the query, for messages
};

/// Words allowed between the words of NEAR and ADJ when no /n is written.
inline constexpr std::size_t kDefaultProximity = 10;
/// The largest n of NEAR/n and ADJ/n.
inline constexpr std::size_t kMaxProximity = 100;

/// The 1-based column (in characters) of a byte offset of `text`.
std::size_t column_of(std::string_view text, std::size_t offset);

/// Reads tokens one at a time. Holds a view of the query: the string must outlive the lexer.
class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  /// The next token; kEnd at the end. Throws QueryError for an unbalanced quote, a field with
  /// no value or a malformed NEAR/n.
  Token next();

  /// Throws QueryError "column C: message" for the byte offset.
  [[noreturn]] void fail(std::size_t offset, std::string_view message) const;

 private:
  std::string quoted();
  bool proximity(std::string_view word, Token& token) const;

  std::string_view text_;
  std::size_t offset_ = 0;
};

}  // namespace morgue::query
