#include "query/suggestions.h"

#include <algorithm>
#include <vector>

#include <unicode/unistr.h>

namespace morgue::query {

namespace {

std::u32string code_points(std::string_view utf8) {
  const auto text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int>(utf8.size())));
  std::u32string out;
  for (int i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    out.push_back(static_cast<char32_t>(text.char32At(i)));
  }
  return out;
}

// Damerau-Levenshtein (optimal string alignment) distance, giving up past `limit`.
std::size_t edit_distance(const std::u32string& a, const std::u32string& b, std::size_t limit) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  if ((n > m ? n - m : m - n) > limit) {
    return limit + 1;
  }
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) {
    d[i][0] = i;
  }
  for (std::size_t j = 0; j <= m; ++j) {
    d[0][j] = j;
  }
  for (std::size_t i = 1; i <= n; ++i) {
    std::size_t row_min = limit + 1;
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
      row_min = std::min(row_min, d[i][j]);
    }
    if (row_min > limit) {
      return limit + 1;
    }
  }
  return d[n][m];
}

// The closest indexed word sharing the first letter; empty when none is close enough.
std::string closest_term(const Xapian::Database& database, const std::string& word) {
  const std::u32string wanted = code_points(word);
  const std::size_t limit = wanted.size() <= 4 ? 1 : 2;
  // Unprefixed terms start with a lower-case letter or a digit, prefixed ones with a capital,
  // so the first letter alone keeps to plain words.
  std::string first_letter;
  icu::UnicodeString(static_cast<UChar32>(wanted.front())).toUTF8String(first_letter);
  std::string best;
  std::size_t best_distance = limit + 1;
  Xapian::doccount best_frequency = 0;
  for (auto term = database.allterms_begin(first_letter);
       term != database.allterms_end(first_letter); ++term) {
    const std::string candidate = *term;
    const std::size_t distance = edit_distance(wanted, code_points(candidate), limit);
    if (distance > limit || distance == 0) {
      continue;
    }
    const Xapian::doccount frequency = term.get_termfreq();
    if (distance < best_distance || (distance == best_distance && frequency > best_frequency)) {
      best = candidate;
      best_distance = distance;
      best_frequency = frequency;
    }
  }
  return best;
}

bool is_operator(std::string_view word) {
  return word == "AND" || word == "OR" || word == "NOT" || word.starts_with("NEAR") ||
         word.starts_with("ADJ");
}

}  // namespace

std::string suggest_query(const Xapian::Database& database, const indexer::Analyzer& analyzer,
                          std::string_view query) {
  std::string suggested;
  std::size_t copied = 0;
  bool replaced = false;
  for (const auto& token : analyzer.tokenize(query)) {
    // The whitespace-separated chunk holding the word: skip operators and field:value chunks.
    std::size_t chunk_start = token.begin;
    while (chunk_start > 0 && query[chunk_start - 1] != ' ') {
      --chunk_start;
    }
    std::size_t chunk_end = token.end;
    while (chunk_end < query.size() && query[chunk_end] != ' ') {
      ++chunk_end;
    }
    const std::string_view chunk = query.substr(chunk_start, chunk_end - chunk_start);
    if (is_operator(chunk) || chunk.find(':') != std::string_view::npos ||
        chunk.find('*') != std::string_view::npos || database.term_exists(token.term)) {
      continue;
    }
    const std::string replacement = closest_term(database, token.term);
    if (replacement.empty()) {
      continue;
    }
    suggested += query.substr(copied, token.begin - copied);
    suggested += replacement;
    copied = token.end;
    replaced = true;
  }
  if (!replaced) {
    return "";
  }
  suggested += query.substr(copied);
  return suggested;
}

}  // namespace morgue::query
