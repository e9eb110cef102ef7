// Turns what a user types into a Xapian query, with every word analyzed by the shared analyzer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "indexer/analyzer.h"
#include "query/date_range.h"
#include "query/ranking.h"

namespace morgue::query {

/// The limits that keep a hostile query from crashing or stalling a search.
inline constexpr std::size_t kMaxQueryBytes = 4096;
inline constexpr std::size_t kMaxNestingDepth = 32;
inline constexpr std::size_t kMaxClauses = 256;
/// The most distinct words one wildcard may stand for.
inline constexpr unsigned kMaxWildcardTerms = 1000;
/// Characters a wildcard needs before its '*'.
inline constexpr std::size_t kMinWildcardPrefix = 2;

/// A parsed query.
struct ParsedQuery {
  Xapian::Query query;
  /// Unprefixed terms the user searched for in text, for marking matches in snippets.
  std::vector<std::string> highlight_terms;
  /// Beginnings of words searched with a wildcard (elect* gives "elect").
  std::vector<std::string> highlight_prefixes;
  /// Stems of the words searched for in any of their forms (elections gives "elect"): a word of
  /// a hit whose stem, in the hit's language, is one of these matched through its stem.
  std::vector<std::string> highlight_stems;
};

/// Builds the filter for a `date:` range instead of the parser's range over the date slot, or
/// returns nullopt to leave it to the parser. It must match exactly the same documents.
using DateFilter = std::function<std::optional<Xapian::Query>(const DateRange& range)>;

/// Parses the query language of docs/query-language.md: words, "phrases", AND / OR / NOT,
/// +/- , parentheses, field filters (tag: author: site: type: language: kind:), title: words
/// and date ranges. Words next to each other must all match. Holds a reference to the analyzer
/// and so shares its thread rules.
class QueryParser {
 public:
  /// `typed_form_weight` is how much a word as typed weighs beside all its forms sharing its
  /// stem; searches use kTypedFormWeight, the evaluation tries others (docs/ranking.md).
  explicit QueryParser(const indexer::Analyzer& analyzer,
                       double typed_form_weight = kTypedFormWeight)
      : analyzer_(analyzer), typed_form_weight_(typed_form_weight) {}

  /// Throws morgue::QueryError naming the column (1-based, in characters) of a syntax error or
  /// a broken limit. An empty query matches every document. Relative dates count from now.
  ParsedQuery parse(std::string_view text) const;

  /// As parse(text), with words stemmed and stop words left out in `language` (a code such as
  /// "en"); when it is empty, in the language CLD2 finds reliably in the query, else by each
  /// word's script (docs/analysis.md).
  ParsedQuery parse(std::string_view text, std::string_view language) const;

  /// As parse(text, language), with relative dates (date:last-30-days) counted from `now`, in
  /// seconds since 1970 UTC.
  ParsedQuery parse(std::string_view text, std::int64_t now, std::string_view language = {}) const;

  /// Builds `date:` filters with `filter` from now on (an empty one restores the parser's own).
  void set_date_filter(DateFilter filter) { date_filter_ = std::move(filter); }

 private:
  const indexer::Analyzer& analyzer_;
  double typed_form_weight_;
  DateFilter date_filter_;
};

}  // namespace morgue::query
