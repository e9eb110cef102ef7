#include "query/snippets.h"

#include <algorithm>
#include <map>
#include <span>
#include <vector>

#include "indexer/schema.h"

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

namespace {

// A word's byte offsets in its text.
using Span = std::pair<std::size_t, std::size_t>;

// The first word of the passage: of the windows of `words` words, the first holding the most
// distinct matched terms, then the most matches, started a few words before its first match so
// that it is read in context; 0 without matches. `matches` is in order of word, each once.
// Only a window ending at a match can score more than the one before it, so trying those
// windows alone finds the same one as sliding the window over every word.
std::size_t passage_start(const std::vector<WordMatch>& matches, std::size_t words) {
  std::pair<std::size_t, std::size_t> best_score{0, 0};
  std::size_t best_first = 0;  // the first match in the best window
  std::map<std::string_view, std::size_t> in_window;
  std::size_t oldest = 0;  // the first match still in the window
  for (std::size_t newest = 0; newest < matches.size(); ++newest) {
    const std::size_t end = matches[newest].word;
    ++in_window[matches[newest].term];
    for (; oldest < newest && matches[oldest].word + words <= end; ++oldest) {
      auto found = in_window.find(matches[oldest].term);
      if (--found->second == 0) {
        in_window.erase(found);
      }
    }
    const std::pair<std::size_t, std::size_t> score{in_window.size(), newest + 1 - oldest};
    if (score > best_score) {
      best_score = score;
      best_first = oldest;
    }
  }
  if (best_score.first == 0) {
    return 0;
  }
  const std::size_t first_match = matches[best_first].word;
  const std::size_t lead = std::min<std::size_t>(5, words / 4);
  return first_match > lead ? first_match - lead : 0;
}

// The words of `text` at `spans` (a run of its words, from its first when `at_start`, to its
// last when `at_end`) as a snippet, with the words `marked` flags marked.
Snippet passage(std::string_view text, std::span<const Span> spans, bool at_start, bool at_end,
                const std::vector<bool>& marked) {
  Snippet snippet;
  const std::size_t begin = at_start ? 0 : spans.front().first;
  const std::size_t end = at_end ? text.size() : spans.back().second;
  if (begin > 0) {
    snippet.text = kEllipsis;
  }
  const std::size_t shift = snippet.text.size();
  snippet.text += text.substr(begin, end - begin);
  if (end < text.size()) {
    snippet.text += kEllipsis;
  }
  auto& highlights = snippet.highlights;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    if (!marked[i]) {
      continue;
    }
    const std::size_t word_begin = spans[i].first - begin + shift;
    const std::size_t word_end = spans[i].second - begin + shift;
    if (i > 0 && marked[i - 1] && !highlights.empty() &&
        only_spaces_between(text, spans[i - 1].second, spans[i].first)) {
      highlights.back().second = word_end;  // a phrase reads as one marked run
    } else {
      highlights.emplace_back(word_begin, word_end);
    }
  }
  collapse_spaces(snippet);
  return snippet;
}

}  // namespace

Snippet make_snippet(const indexer::Analyzer& analyzer, std::string_view text,
                     std::string_view language, const MatchTerms& query_terms, std::size_t words) {
  std::vector<Span> spans;
  std::vector<WordMatch> matches;
  analyzer.for_each_word(text, [&](std::string_view term, std::size_t begin, std::size_t end) {
    if (query_terms.matches(analyzer, term, language)) {
      matches.push_back({spans.size(), std::string(term)});
    }
    spans.emplace_back(begin, end);
    return true;
  });
  if (spans.empty()) {
    return {};
  }
  const std::size_t start = passage_start(matches, words);
  const std::size_t shown = std::min(spans.size() - start, words);
  std::vector<bool> marked(shown);
  for (const auto& match : matches) {
    if (match.word >= start && match.word < start + shown) {
      marked[match.word - start] = true;
    }
  }
  return passage(text, std::span(spans).subspan(start, shown), start == 0,
                 start + shown == spans.size(), marked);
}

Snippet make_snippet(const indexer::Analyzer& analyzer, std::string_view text,
                     std::string_view language, const MatchTerms& query_terms,
                     const std::vector<WordMatch>& matches, std::size_t words) {
  // A window as wide as the gap between fields could hold the next field's matches, which this
  // text does not have: choose it from the text's own words.
  if (words >= schema::kFieldGap) {
    return make_snippet(analyzer, text, language, query_terms, words);
  }
  for (std::size_t i = 1; i < matches.size(); ++i) {
    if (matches[i - 1].word >= matches[i].word) {
      return make_snippet(analyzer, text, language, query_terms, words);  // not in order
    }
  }
  const std::size_t start = passage_start(matches, words);
  // The words of the passage, and one more to know whether it ends the text. They must match
  // where `matches` says, and only there.
  std::vector<Span> spans;
  std::vector<bool> marked;
  auto next =
      std::lower_bound(matches.begin(), matches.end(), start,
                       [](const WordMatch& match, std::size_t word) { return match.word < word; });
  std::size_t word = 0;
  bool agree = true;
  analyzer.for_each_word(text, [&](std::string_view term, std::size_t begin, std::size_t end) {
    if (word >= start) {
      if (spans.size() == words) {
        spans.emplace_back(begin, end);  // the passage does not end the text
        return false;
      }
      const bool listed = next != matches.end() && next->word == word;
      if (listed != query_terms.matches(analyzer, term, language) ||
          (listed && next->term != term)) {
        agree = false;
        return false;
      }
      next += listed ? 1 : 0;
      spans.emplace_back(begin, end);
      marked.push_back(listed);
    }
    ++word;
    return true;
  });
  // When the passage lies past the text's end, its matches were another field's (the tags,
  // indexed after the body); breaking the whole text again finds the text's own best one.
  if (!agree || spans.empty()) {
    return make_snippet(analyzer, text, language, query_terms, words);
  }
  const bool at_end = spans.size() <= words;
  if (!at_end) {
    spans.pop_back();
  }
  return passage(text, spans, start == 0, at_end, marked);
}

}  // namespace morgue::query
