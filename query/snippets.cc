#include "query/snippets.h"

#include <algorithm>
#include <map>
#include <vector>

namespace morgue::query {

namespace {
constexpr std::string_view kEllipsis = "…";

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool only_spaces_between(std::string_view text, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i) {
    if (!is_space(text[i])) {
      return false;
    }
  }
  return true;
}
// A passage reads as one line: runs of white space (paragraph breaks) become one space, and the
// highlights move with the text.
void collapse_spaces(Snippet& snippet) {
  const std::string& text = snippet.text;
  std::string out;
  std::vector<std::size_t> moved(text.size() + 1);
  bool after_space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    moved[i] = out.size();
    if (is_space(text[i])) {
      if (!after_space) {
        out += ' ';
      }
      after_space = true;
    } else {
      out += text[i];
      after_space = false;
    }
  }
  moved[text.size()] = out.size();
  for (auto& [begin, end] : snippet.highlights) {
    begin = moved[begin];
    end = moved[end];
  }
  snippet.text = std::move(out);
}

}  // namespace

bool MatchTerms::matches(const indexer::Analyzer& analyzer, std::string_view term,
                         std::string_view language) const {
  if (terms.contains(term)) {
    return true;
  }
  for (const auto& prefix : prefixes) {
    if (term.starts_with(prefix)) {
      return true;
    }
  }
  if (stems.empty() || term.empty()) {
    return false;
  }
  // Most words of a text start otherwise than every stem searched for; unless the stemmer
  // takes letters off the front, their stems do too. Stemming them anyway (a cache look-up
  // each, a Snowball call the first time) cost 6% of a top-10 search for `oil`.
  const bool same_start = std::any_of(stems.begin(), stems.end(), [&](const std::string& stem) {
    return !stem.empty() && stem.front() == term.front();
  });
  if (!same_start && !analyzer.stem_may_change_start(term, language)) {
    return false;
  }
  const std::string& stem = analyzer.stem(term, language);
  return !stem.empty() && stems.contains(stem);
}

Snippet make_snippet(const indexer::Analyzer& analyzer, std::string_view text,
                     std::string_view language, const MatchTerms& query_terms, std::size_t words) {
  Snippet snippet;
  const auto tokens = analyzer.tokenize(text, indexer::Analyzer::Forms::kTermOnly);
  if (tokens.empty()) {
    return snippet;
  }
  std::vector<bool> matched(tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    matched[i] = query_terms.matches(analyzer, tokens[i].term, language);
  }
  // Slide a window of `words` tokens; score = distinct terms in it, then total matches.
  std::size_t best_start = 0;
  std::pair<std::size_t, std::size_t> best_score{0, 0};
  std::map<std::string_view, std::size_t> in_window;
  std::size_t matches_in_window = 0;
  for (std::size_t end = 0; end < tokens.size(); ++end) {
    if (matched[end]) {
      ++in_window[tokens[end].term];
      ++matches_in_window;
    }
    if (end >= words && matched[end - words]) {
      auto found = in_window.find(tokens[end - words].term);
      if (--found->second == 0) {
        in_window.erase(found);
      }
      --matches_in_window;
    }
    const std::pair<std::size_t, std::size_t> score{in_window.size(), matches_in_window};
    if (score > best_score) {
      best_score = score;
      best_start = end + 1 > words ? end + 1 - words : 0;
    }
  }
  // Start a few words before the first match so it is read in context.
  if (best_score.first > 0) {
    std::size_t first_match = best_start;
    while (!matched[first_match]) {
      ++first_match;
    }
    const std::size_t lead = std::min<std::size_t>(5, words / 4);
    best_start = first_match > lead ? first_match - lead : 0;
  }
  const std::size_t last = std::min(tokens.size(), best_start + words) - 1;
  const std::size_t begin = best_start == 0 ? 0 : tokens[best_start].begin;
  const std::size_t end = last + 1 == tokens.size() ? text.size() : tokens[last].end;
  if (begin > 0) {
    snippet.text = kEllipsis;
  }
  const std::size_t shift = snippet.text.size();
  snippet.text += text.substr(begin, end - begin);
  if (end < text.size()) {
    snippet.text += kEllipsis;
  }
  for (std::size_t i = best_start; i <= last; ++i) {
    if (!matched[i]) {
      continue;
    }
    const std::size_t word_begin = tokens[i].begin - begin + shift;
    const std::size_t word_end = tokens[i].end - begin + shift;
    auto& highlights = snippet.highlights;
    if (i > best_start && matched[i - 1] && !highlights.empty() &&
        only_spaces_between(text, tokens[i - 1].end, tokens[i].begin)) {
      highlights.back().second = word_end;  // a phrase reads as one marked run
    } else {
      highlights.emplace_back(word_begin, word_end);
    }
  }
  collapse_spaces(snippet);
  return snippet;
}

}  // namespace morgue::query
