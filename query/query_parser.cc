#include "query/query_parser.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <optional>

#include <fmt/format.h>

#include <morgue/error.h>

#include "indexer/schema.h"
#include "indexer/stemmer.h"
#include "query/date_range.h"
#include "query/query_lexer.h"

namespace morgue::query {

namespace {

// A query matching every document. Not Xapian::Query::MatchAll: that is one global object whose
// reference count is not atomic, so Searchers copying it from two threads raced on it
// (ThreadSanitizer, tests/concurrency_test.cc). An empty term means the same to Xapian.
Xapian::Query match_all() { return Xapian::Query(std::string()); }

// A filter term carries no weight: it narrows the hits without changing their ranking.
Xapian::Query unweighted(const Xapian::Query& query) {
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, 0.0);
}

class Parser {
 public:
  Parser(std::string_view text, const indexer::Analyzer& analyzer, double typed_form_weight,
         std::int64_t now, std::string_view language, bool keep_stop_words,
         const DateFilter& date_filter)
      : lexer_(text),
        analyzer_(analyzer),
        typed_form_weight_(typed_form_weight),
        now_(now),
        language_(language),
        keep_stop_words_(keep_stop_words),
        date_filter_(date_filter) {
    advance();
  }

  ParsedQuery parse() {
    ParsedQuery parsed;
    if (current_.kind == TokenKind::kEnd) {
      parsed.query = match_all();
      return parsed;
    }
    parsed.query = parse_or(0);
    switch (current_.kind) {
      case TokenKind::kEnd:
        break;
      case TokenKind::kClose:
        lexer_.fail(current_.offset, "')' without a matching '('");
      case TokenKind::kNear:
      case TokenKind::kAdj:
        lexer_.fail(current_.offset, "NEAR and ADJ need a word on each side");
      default:
        lexer_.fail(current_.offset, "unexpected text here");
    }
    parsed.highlight_terms = std::move(highlight_terms_);
    parsed.highlight_prefixes = std::move(highlight_prefixes_);
    parsed.highlight_stems = std::move(highlight_stems_);
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
      const std::size_t prefixes_before = highlight_prefixes_.size();
      const std::size_t stems_before = highlight_stems_.size();
      std::optional<Xapian::Query> operand = parse_operand(depth);
      if (negated) {
        // Excluded words are never shown matched.
        highlight_terms_.resize(highlights_before);
        highlight_prefixes_.resize(prefixes_before);
        highlight_stems_.resize(stems_before);
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
      return match_all();
    }
    Xapian::Query result =
        required.empty() ? match_all()
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
        if (current_.kind == TokenKind::kNear || current_.kind == TokenKind::kAdj) {
          return proximity_query(token);
        }
        if (token.kind == TokenKind::kWord && token.text.ends_with('*')) {
          return wildcard_query(token, "");
        }
        return text_query(token.text, "", token.kind == TokenKind::kPhrase);
      case TokenKind::kField:
        count_clause(token.offset);
        return field_query(token);
      case TokenKind::kNear:
      case TokenKind::kAdj:
        lexer_.fail(token.offset, "NEAR and ADJ need a word on each side");
      default:
        lexer_.fail(token.offset, "expected a word, a phrase or '('");
    }
  }

  // How a word or phrase becomes terms (docs/analysis.md):
  //  * a word is its folded form OR all its forms as one (word_in_all_forms);
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
      return word_in_all_forms(token, prefix);
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

  // A word in any of its forms: the terms of every form sharing its stem and the other forms
  // the analyzer found at its place (aleppo's → aleppo), as one term for BM25 (OP_SYNONYM: their
  // counts add up and their frequency is that of the whole set, as with the single Z term
  // Xapian's own QueryParser searches), OR the word itself as typed, weighing kTypedFormWeight of
  // that, so a document with the typed form ranks a little higher. Weighing each form as a term
  // of its own, as morgue first did, counted a document with the typed word twice and a rare
  // form at its full rarity: MAP fell on all four judged collections (docs/ranking.md).
  Xapian::Query word_in_all_forms(const indexer::Token& token, std::string_view prefix) {
    const std::string term = std::string(prefix) + token.term;
    // A field's words are indexed without their other forms.
    const std::vector<std::string> no_variants;
    const std::vector<std::string>& variants = prefix.empty() ? token.variants : no_variants;
    const std::string& stem = analyzer_.stem(token.term, language_);
    if (stem.empty()) {
      // Parts of a Chinese or Japanese word, or a number without separators: each its own
      // term, as they are not the same word.
      std::vector<Xapian::Query> forms{Xapian::Query(term)};
      forms.insert(forms.end(), variants.begin(), variants.end());
      return forms.size() == 1 ? forms.front()
                               : Xapian::Query(Xapian::Query::OP_OR, forms.begin(), forms.end());
    }
    const std::string stem_prefix = std::string(schema::field("stem").prefix) + std::string(prefix);
    highlight_stems_.push_back(stem);
    // Words that are their own stem are indexed without a stem term: the stem as a word finds
    // them.
    std::vector<std::string> forms{stem_prefix + stem, std::string(prefix) + stem};
    // The typed word may itself be the stem of other forms: the Arabic and Hebrew light
    // stemmers take clitics off the front, so הממשלה stems to ממשלה while ממשלה, typed, stems
    // further to משלה.
    if (stem != token.term && indexer::stem_strips_prefixes(token.term)) {
      forms.push_back(stem_prefix + token.term);
      highlight_stems_.push_back(token.term);
    }
    for (const auto& variant : variants) {
      if (std::find(forms.begin(), forms.end(), variant) == forms.end()) {
        forms.push_back(variant);
      }
    }
    return Xapian::Query(
        Xapian::Query::OP_OR,
        Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term), typed_form_weight_),
        Xapian::Query(Xapian::Query::OP_SYNONYM, forms.begin(), forms.end()));
  }

  // The length all the tokens' terms would have joined into one word.
  static std::size_t joined_size(const std::vector<indexer::Token>& tokens) {
    std::size_t size = 0;
    for (const auto& token : tokens) {
      size += token.term.size();
    }
    return size;
  }

  // The one term a word of a NEAR or ADJ chain stands for.
  Xapian::Query single_term(const Token& token) {
    if (token.kind != TokenKind::kWord) {
      lexer_.fail(token.offset, "NEAR and ADJ join single words");
    }
    const auto tokens = analyzer_.tokenize(token.text);
    if (tokens.size() != 1) {
      lexer_.fail(token.offset, fmt::format("NEAR and ADJ join single words; '{}' is {} words",
                                            token.text, tokens.size()));
    }
    highlight_terms_.push_back(tokens.front().term);
    return Xapian::Query(tokens.front().term);
  }

  // a NEAR/n b NEAR/n c: at most n words between neighbours; ADJ keeps the written order.
  Xapian::Query proximity_query(const Token& first) {
    std::vector<Xapian::Query> terms{single_term(first)};
    const TokenKind kind = current_.kind;
    std::size_t distance = 0;
    while (current_.kind == TokenKind::kNear || current_.kind == TokenKind::kAdj) {
      if (current_.kind != kind) {
        lexer_.fail(current_.offset, "NEAR and ADJ cannot be mixed in one run of words");
      }
      distance = std::max(distance, current_.distance);
      const std::size_t offset = current_.offset;
      advance();
      if (current_.kind == TokenKind::kPhrase || current_.kind == TokenKind::kField) {
        lexer_.fail(current_.offset, "NEAR and ADJ join single words");
      }
      if (current_.kind != TokenKind::kWord) {
        lexer_.fail(offset, "NEAR and ADJ need a word on each side");
      }
      count_clause(current_.offset);
      terms.push_back(single_term(current_));
      advance();
    }
    // The window spans the words themselves and up to `distance` words between each pair.
    const auto window =
        static_cast<Xapian::termcount>(distance * (terms.size() - 1) + terms.size());
    return Xapian::Query(
        kind == TokenKind::kNear ? Xapian::Query::OP_NEAR : Xapian::Query::OP_PHRASE, terms.begin(),
        terms.end(), window);
  }

  // elect* : every indexed word starting with "elect", at most kMaxWildcardTerms of them.
  Xapian::Query wildcard_query(const Token& token, std::string_view prefix) {
    std::string_view stem = token.text;
    while (stem.ends_with('*')) {
      stem.remove_suffix(1);
    }
    if (column_of(stem, stem.size()) - 1 < kMinWildcardPrefix) {
      lexer_.fail(token.offset, fmt::format("a wildcard needs at least {} letters before the *",
                                            kMinWildcardPrefix));
    }
    const auto tokens = analyzer_.tokenize(stem);
    if (tokens.size() != 1 || tokens.front().begin != 0 || tokens.front().end != stem.size()) {
      lexer_.fail(token.offset,
                  fmt::format("a wildcard must be one word before the *; '{}' is not", stem));
    }
    highlight_prefixes_.push_back(tokens.front().term);
    return Xapian::Query(Xapian::Query::OP_WILDCARD, std::string(prefix) + tokens.front().term,
                         kMaxWildcardTerms, Xapian::Query::WILDCARD_LIMIT_ERROR);
  }

  std::optional<Xapian::Query> field_query(const Token& token) {
    const schema::Field& field = *schema::find_field(token.field);
    switch (field.kind) {
      case schema::FieldKind::kText:
        if (!token.quoted && token.text.ends_with('*')) {
          return wildcard_query(token, field.prefix);
        }
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
      case schema::FieldKind::kInternal:
        break;  // find_field never names one
    }
    return std::nullopt;
  }

  Xapian::Query date_query(const Token& token) {
    const auto range = parse_date_range(token.text, now_);
    if (!range) {
      lexer_.fail(token.offset,
                  fmt::format("cannot read the date '{}'; write date:2016, date:2016-09, "
                              "date:2016-09-01..2016-09-30, date:2016-09.., date:..2016-09-30 "
                              "or date:last-30-days",
                              token.text));
    }
    if (range->first_second && range->last_second && *range->first_second > *range->last_second) {
      lexer_.fail(token.offset, fmt::format("date range {} ends before it starts", token.text));
    }
    if (date_filter_) {
      if (auto filter = date_filter_(*range)) {
        return unweighted(*filter);
      }
    }
    const Xapian::valueno slot = *schema::field("date").slot;
    const auto serialise = [](std::int64_t seconds) {
      return Xapian::sortable_serialise(static_cast<double>(seconds));
    };
    if (range->first_second && range->last_second) {
      return unweighted(Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot,
                                      serialise(*range->first_second),
                                      serialise(*range->last_second)));
    }
    if (range->first_second) {
      return unweighted(
          Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, serialise(*range->first_second)));
    }
    return unweighted(
        Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, serialise(*range->last_second)));
  }

  Lexer lexer_;
  const indexer::Analyzer& analyzer_;
  double typed_form_weight_;
  std::int64_t now_;
  std::string language_;
  bool keep_stop_words_ = false;
  const DateFilter& date_filter_;
  Token current_;
  std::size_t clauses_ = 0;
  std::vector<std::string> highlight_terms_;
  std::vector<std::string> highlight_prefixes_;
  std::vector<std::string> highlight_stems_;

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

ParsedQuery QueryParser::parse(std::string_view text) const {
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  return parse(text, now);
}

ParsedQuery QueryParser::parse(std::string_view text, std::string_view language) const {
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  return parse(text, now, language);
}

ParsedQuery QueryParser::parse(std::string_view text, std::int64_t now,
                               std::string_view language_hint) const {
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
  Parser parser(text, analyzer_, typed_form_weight_, now, language, false, date_filter_);
  ParsedQuery parsed = parser.parse();
  if (parser.stopped_) {
    // Leaving out stop words must never turn a search into "everything" ("the", "to be OR
    // not"): then search for them after all.
    ParsedQuery kept =
        Parser(text, analyzer_, typed_form_weight_, now, language, true, date_filter_).parse();
    if (match_alls(parsed.query) > match_alls(kept.query)) {
      return kept;
    }
  }
  return parsed;
}

}  // namespace morgue::query
