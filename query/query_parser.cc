#include "query/query_parser.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <optional>

#include <fmt/format.h>

#include <morgue/error.h>

#include "indexer/schema.h"

namespace morgue::query {

namespace {

enum class TokenKind { kWord, kPhrase, kField, kOpen, kClose, kAnd, kOr, kNot, kEnd };

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string text;        // a word, a phrase's inside, or a field's value
  std::string field;       // the field name of kField
  bool quoted = false;     // kField: the value was in quotes
  char sign = 0;           // '+' or '-' before a word, phrase or field
  std::size_t offset = 0;  // byte offset in the query, for messages
};

// The 1-based column of a byte offset, counting characters, not bytes.
std::size_t column_of(std::string_view text, std::size_t offset) {
  std::size_t column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return column;
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  [[noreturn]] void fail(std::size_t offset, std::string_view message) const {
    throw QueryError(fmt::format("column {}: {}", column_of(text_, offset), message));
  }

  Token next() {
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
    if (offset_ < text_.size() && text_[offset_] == '"') {
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
    if (token.sign == 0 && (word == "AND" || word == "OR" || word == "NOT")) {
      token.kind = word == "AND"  ? TokenKind::kAnd
                   : word == "OR" ? TokenKind::kOr
                                  : TokenKind::kNot;
      return token;
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

 private:
  // The text between a quote at offset_ and the next quote.
  std::string quoted() {
    const std::size_t open = offset_;
    const auto close = text_.find('"', open + 1);
    if (close == std::string_view::npos) {
      fail(open, "unbalanced quote");
    }
    offset_ = close + 1;
    return std::string(text_.substr(open + 1, close - open - 1));
  }

  std::string_view text_;
  std::size_t offset_ = 0;
};

// A filter term carries no weight: it narrows the hits without changing their ranking.
Xapian::Query unweighted(const Xapian::Query& query) {
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, 0.0);
}

struct DateBound {
  std::int64_t first_second;
  std::int64_t last_second;
};

std::optional<DateBound> parse_date_period(std::string_view text) {
  int parts[3] = {0, 1, 1};
  int count = 0;
  std::size_t offset = 0;
  while (count < 3) {
    const std::size_t start = offset;
    while (offset < text.size() && std::isdigit(static_cast<unsigned char>(text[offset]))) {
      ++offset;
    }
    const std::size_t digits = offset - start;
    if (digits != (count == 0 ? 4u : 2u)) {
      return std::nullopt;
    }
    parts[count++] = std::stoi(std::string(text.substr(start, digits)));
    if (offset == text.size()) {
      break;
    }
    if (text[offset] != '-') {
      return std::nullopt;
    }
    ++offset;
  }
  if (offset != text.size()) {
    return std::nullopt;
  }
  using namespace std::chrono;
  const year_month_day first{year{parts[0]}, month{unsigned(parts[1])}, day{unsigned(parts[2])}};
  if (!first.ok()) {
    return std::nullopt;
  }
  year_month_day after = first;
  if (count == 1) {
    after = year_month_day{first.year() + years{1}, month{1}, day{1}};
  } else if (count == 2) {
    after = year_month_day{(first.year() / first.month() + months{1}) / day{1}};
  } else {
    after = year_month_day{sys_days{first} + days{1}};
  }
  const auto seconds_of = [](const year_month_day& date) {
    return std::int64_t{sys_days{date}.time_since_epoch().count()} * 86400;
  };
  return DateBound{seconds_of(first), seconds_of(after) - 1};
}

class Parser {
 public:
  Parser(std::string_view text, const indexer::Analyzer& analyzer, std::string_view language,
         bool keep_stop_words)
      : lexer_(text), analyzer_(analyzer), language_(language), keep_stop_words_(keep_stop_words) {
    advance();
  }

  ParsedQuery parse() {
    ParsedQuery parsed;
    if (current_.kind == TokenKind::kEnd) {
      parsed.query = Xapian::Query::MatchAll;
      return parsed;
    }
    parsed.query = parse_or(0);
    if (current_.kind == TokenKind::kClose) {
      lexer_.fail(current_.offset, "')' without a matching '('");
    }
    parsed.highlight_terms = std::move(highlight_terms_);
    return parsed;
  }

 private:
  void advance() { current_ = lexer_.next(); }

  bool starts_operand() const {
    return current_.kind == TokenKind::kWord || current_.kind == TokenKind::kPhrase ||
           current_.kind == TokenKind::kField || current_.kind == TokenKind::kOpen ||
           current_.kind == TokenKind::kNot;
  }

  void count_clause(std::size_t offset) {
    if (++clauses_ > kMaxClauses) {
      lexer_.fail(offset, fmt::format("the query has more than {} words and filters", kMaxClauses));
    }
  }

  Xapian::Query parse_or(std::size_t depth) {
    std::vector<Xapian::Query> alternatives{parse_and(depth)};
    while (current_.kind == TokenKind::kOr) {
      const std::size_t offset = current_.offset;
      advance();
      if (!starts_operand()) {
        lexer_.fail(offset, "OR needs something after it");
      }
      alternatives.push_back(parse_and(depth));
    }
    if (alternatives.size() == 1) {
      return alternatives.front();
    }
    return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
  }

  Xapian::Query parse_and(std::size_t depth) {
    std::vector<Xapian::Query> required;
    std::vector<Xapian::Query> excluded;
    for (;;) {
      if (current_.kind == TokenKind::kAnd) {
        const std::size_t offset = current_.offset;
        advance();
        if (!starts_operand() || (required.empty() && excluded.empty())) {
          lexer_.fail(offset, "AND needs something on both sides");
        }
        continue;
      }
      if (!starts_operand()) {
        break;
      }
      bool negated = false;
      if (current_.kind == TokenKind::kNot) {
        const std::size_t offset = current_.offset;
        advance();
        if (!starts_operand() || current_.kind == TokenKind::kNot) {
          lexer_.fail(offset, "NOT needs a word, phrase or group after it");
        }
        negated = true;
      }
      if (current_.sign == '-') {
        negated = true;
      }
      const std::size_t highlights_before = highlight_terms_.size();
      std::optional<Xapian::Query> operand = parse_operand(depth);
      if (negated) {
        highlight_terms_.resize(highlights_before);  // excluded words are never shown matched
      }
      if (!operand) {
        continue;  // a word of punctuation only: nothing to search for
      }
      (negated ? excluded : required).push_back(*operand);
    }
    if (required.empty() && excluded.empty()) {
      if (current_.kind == TokenKind::kClose) {
        lexer_.fail(current_.offset, "empty parentheses");
      }
      return Xapian::Query::MatchAll;
    }
    Xapian::Query result =
        required.empty() ? Xapian::Query::MatchAll
                         : Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end());
    if (!excluded.empty()) {
      result = Xapian::Query(Xapian::Query::OP_AND_NOT, result,
                             Xapian::Query(Xapian::Query::OP_OR, excluded.begin(), excluded.end()));
    }
    return result;
  }

  std::optional<Xapian::Query> parse_operand(std::size_t depth) {
    const Token token = current_;
    advance();
    switch (token.kind) {
      case TokenKind::kOpen: {
        if (depth + 1 > kMaxNestingDepth) {
          lexer_.fail(token.offset,
                      fmt::format("parentheses nested deeper than {}", kMaxNestingDepth));
        }
        Xapian::Query inner = parse_or(depth + 1);
        if (current_.kind != TokenKind::kClose) {
          lexer_.fail(token.offset, "'(' is never closed");
        }
        advance();
        return inner;
      }
      case TokenKind::kWord:
      case TokenKind::kPhrase:
        count_clause(token.offset);
        return text_query(token.text, "", token.kind == TokenKind::kPhrase);
      case TokenKind::kField:
        count_clause(token.offset);
        return field_query(token);
      default:
        lexer_.fail(token.offset, "expected a word, a phrase or '('");
    }
  }

  // How a word or phrase becomes terms (docs/analysis.md):
  //  * a word is its folded form OR its stem (OR the other forms the analyzer gives it);
  //  * "=word" is the form as typed: with its diacritics when it has some, never stemmed;
  //  * a "quoted phrase" is its words' folded forms in order, never stemmed, stop words kept;
  //  * a word the analyzer splits ("al-Farafira", "东京电力") is a phrase of its parts, OR the
  //    parts joined when they were joined by hyphens;
  //  * a whole URL, e-mail address, @handle or #hashtag is that one unit.
  // Stop words are left out of unquoted words (QueryParser::parse puts them back when that
  // would leave nothing to search for).
  std::optional<Xapian::Query> text_query(std::string_view text, std::string_view prefix,
                                          bool phrase) {
    const bool plain_text = prefix.empty();
    const bool exact = !phrase && text.size() > 1 && text.front() == '=';
    if (exact) {
      text.remove_prefix(1);
    }
    if (!phrase && plain_text) {
      if (std::optional<std::string> unit = analyzer_.unit_term(text)) {
        for (const auto& token : analyzer_.tokenize(text)) {
          highlight_terms_.push_back(token.term);
        }
        return Xapian::Query(*unit);
      }
    }
    const auto tokens = analyzer_.tokenize(text);
    if (tokens.empty()) {
      return std::nullopt;
    }
    // A field other than text and title holds derived forms: the typed form is the term.
    const bool derived = !plain_text && prefix != schema::field("title").prefix;
    if (tokens.size() == 1) {
      const indexer::Token& token = tokens.front();
      const std::string term = std::string(prefix) + token.term;
      if (exact && plain_text && !token.exact.empty()) {
        highlight_terms_.push_back(token.term);
        return Xapian::Query(std::string(schema::field("exact").prefix) + token.exact);
      }
      if (phrase || exact || derived) {
        highlight_terms_.push_back(token.term);
        return Xapian::Query(term);
      }
      if (!keep_stop_words_ && analyzer_.is_stop_word(token.term, language_)) {
        stopped_ = true;
        return std::nullopt;
      }
      highlight_terms_.push_back(token.term);
      std::vector<Xapian::Query> forms{Xapian::Query(term)};
      if (const std::string& stem = analyzer_.stem(token.term, language_); !stem.empty()) {
        forms.emplace_back(std::string(schema::field("stem").prefix) + std::string(prefix) + stem);
        // Words that are their own stem are indexed without a stem term.
        if (stem != token.term) {
          forms.emplace_back(std::string(prefix) + stem);
        }
      }
      if (plain_text) {
        for (const auto& variant : token.variants) {
          forms.emplace_back(variant);
        }
      }
      if (forms.size() == 1) {
        return forms.front();
      }
      return Xapian::Query(Xapian::Query::OP_OR, forms.begin(), forms.end());
    }
    std::vector<Xapian::Query> terms;
    Xapian::termpos position = 0;
    for (const auto& token : tokens) {
      highlight_terms_.push_back(token.term);
      terms.emplace_back(std::string(prefix) + token.term, 1, ++position);
    }
    Xapian::Query words(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), terms.size());
    const indexer::Token& last = tokens.back();
    if (!phrase && plain_text && !last.joined.empty() &&
        last.joined.size() == joined_size(tokens)) {
      return Xapian::Query(Xapian::Query::OP_OR, words, Xapian::Query(last.joined));
    }
    return words;
  }

  // The length all the tokens' terms would have joined into one word.
  static std::size_t joined_size(const std::vector<indexer::Token>& tokens) {
    std::size_t size = 0;
    for (const auto& token : tokens) {
      size += token.term.size();
    }
    return size;
  }

  std::optional<Xapian::Query> field_query(const Token& token) {
    const schema::Field& field = *schema::find_field(token.field);
    switch (field.kind) {
      case schema::FieldKind::kText:
        return text_query(token.text, field.prefix, token.quoted);
      case schema::FieldKind::kDate:
        return date_query(token);
      case schema::FieldKind::kFilter:
      case schema::FieldKind::kUniqueId: {
        std::string value = analyzer_.normalize(token.text);
        // in:comments and in:articles read naturally; the stored kinds are singular.
        if (field.name == "kind" && value.ends_with('s')) {
          value.pop_back();
        }
        return unweighted(Xapian::Query(schema::term(field, value)));
      }
    }
    return std::nullopt;
  }

  Xapian::Query date_query(const Token& token) {
    const std::string_view text = token.text;
    const auto dots = text.find("..");
    const std::string_view from = dots == std::string_view::npos ? text : text.substr(0, dots);
    const std::string_view to = dots == std::string_view::npos ? text : text.substr(dots + 2);
    std::optional<DateBound> first;
    std::optional<DateBound> last;
    if (!from.empty() && !(first = parse_date_period(from))) {
      bad_date(token, from);
    }
    if (!to.empty() && !(last = parse_date_period(to))) {
      bad_date(token, to);
    }
    if (!first && !last) {
      bad_date(token, text);
    }
    const Xapian::valueno slot = *schema::field("date").slot;
    const auto serialise = [](std::int64_t seconds) {
      return Xapian::sortable_serialise(static_cast<double>(seconds));
    };
    if (first && last) {
      if (first->first_second > last->last_second) {
        lexer_.fail(token.offset, fmt::format("date range {} ends before it starts", text));
      }
      return unweighted(Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot,
                                      serialise(first->first_second),
                                      serialise(last->last_second)));
    }
    if (first) {
      return unweighted(
          Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, serialise(first->first_second)));
    }
    return unweighted(
        Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, serialise(last->last_second)));
  }

  [[noreturn]] void bad_date(const Token& token, std::string_view part) {
    lexer_.fail(token.offset,
                fmt::format("cannot read the date '{}'; write date:2016, date:2016-09, "
                            "date:2016-09-01..2016-09-30, date:2016-09.. or date:..2016-09-30",
                            part));
  }

  Lexer lexer_;
  const indexer::Analyzer& analyzer_;
  std::string language_;
  bool keep_stop_words_ = false;
  Token current_;
  std::size_t clauses_ = 0;
  std::vector<std::string> highlight_terms_;

 public:
  bool stopped_ = false;  // a stop word was left out
};

// How many times a query matches every document.
std::size_t match_alls(const Xapian::Query& query) {
  const std::string description = query.get_description();
  std::size_t count = 0;
  for (auto at = description.find("<alldocuments>"); at != std::string::npos;
       at = description.find("<alldocuments>", at + 1)) {
    ++count;
  }
  return count;
}

}  // namespace

ParsedQuery QueryParser::parse(std::string_view text, std::string_view language_hint) const {
  if (text.size() > kMaxQueryBytes) {
    throw QueryError(
        fmt::format("the query is {} bytes long; the limit is {}", text.size(), kMaxQueryBytes));
  }
  std::string language(language_hint);
  if (language.empty()) {
    if (const auto detected = analyzer_.detect_language(text); detected.reliable) {
      language = detected.code;
    }
  }
  Parser parser(text, analyzer_, language, false);
  ParsedQuery parsed = parser.parse();
  if (parser.stopped_) {
    // Leaving out stop words must never turn a search into "everything" ("the", "to be OR
    // not"): then search for them after all.
    ParsedQuery kept = Parser(text, analyzer_, language, true).parse();
    if (match_alls(parsed.query) > match_alls(kept.query)) {
      return kept;
    }
  }
  return parsed;
}

}  // namespace morgue::query
