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

namespace {

// A matched word: its number in the text and its term (in a Token or a WordMatch).
struct MatchedWord {
  std::size_t word;
  std::string_view term;
};

// The first word of the passage: of the windows of `words` words, the first holding the most
// distinct matched terms, then the most matches, started a few words before its first match so
// that it is read in context; 0 without matches. `matches` is in order of word, each once.
// Only a window ending at a match can score more than the one before it, so trying those
// windows alone finds the same one as sliding the window over every word.
std::size_t passage_start(const std::vector<MatchedWord>& matches, std::size_t words) {
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

// The words `start` to `last` of `text` (held in `tokens`) as a snippet, with the words that
// `marked` flags (indexed from `start`) marked; `at_end` when `last` is the text's last word.
Snippet passage(std::string_view text, const std::vector<indexer::Token>& tokens, std::size_t start,
                std::size_t last, bool at_end, const std::vector<bool>& marked) {
  Snippet snippet;
  const std::size_t begin = start == 0 ? 0 : tokens[start].begin;
  const std::size_t end = at_end ? text.size() : tokens[last].end;
  if (begin > 0) {
    snippet.text = kEllipsis;
  }
  const std::size_t shift = snippet.text.size();
  snippet.text += text.substr(begin, end - begin);
  if (end < text.size()) {
    snippet.text += kEllipsis;
  }
  for (std::size_t i = start; i <= last; ++i) {
    if (!marked[i - start]) {
      continue;
    }
    const std::size_t word_begin = tokens[i].begin - begin + shift;
    const std::size_t word_end = tokens[i].end - begin + shift;
    auto& highlights = snippet.highlights;
    if (i > start && marked[i - 1 - start] && !highlights.empty() &&
        only_spaces_between(text, tokens[i - 1].end, tokens[i].begin)) {
      highlights.back().second = word_end;  // a phrase reads as one marked run
    } else {
      highlights.emplace_back(word_begin, word_end);
    }
  }
  collapse_spaces(snippet);
  return snippet;
}

// make_snippet over every word of a text, `tokens`.
Snippet snippet_of_words(const indexer::Analyzer& analyzer, std::string_view text,
                         std::string_view language, const MatchTerms& query_terms,
                         const std::vector<indexer::Token>& tokens, std::size_t words) {
  if (tokens.empty()) {
    return {};
  }
  std::vector<MatchedWord> matches;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (query_terms.matches(analyzer, tokens[i].term, language)) {
      matches.push_back({i, tokens[i].term});
    }
  }
  const std::size_t start = passage_start(matches, words);
  const std::size_t last = std::min(tokens.size(), start + words) - 1;
  std::vector<bool> marked(last + 1 - start);
  for (const auto& match : matches) {
    if (match.word >= start && match.word <= last) {
      marked[match.word - start] = true;
    }
  }
  return passage(text, tokens, start, last, last + 1 == tokens.size(), marked);
}

}  // namespace

Snippet make_snippet(const indexer::Analyzer& analyzer, std::string_view text,
                     std::string_view language, const MatchTerms& query_terms, std::size_t words) {
  return snippet_of_words(analyzer, text, language, query_terms,
                          analyzer.tokenize(text, indexer::Analyzer::Forms::kTermOnly), words);
}

Snippet make_snippet(const indexer::Analyzer& analyzer, std::string_view text,
                     std::string_view language, const MatchTerms& query_terms,
                     const std::vector<WordMatch>& matches, std::size_t words) {
  std::vector<MatchedWord> known;
  known.reserve(matches.size());
  for (const auto& match : matches) {
    if (!known.empty() && known.back().word >= match.word) {
      known.clear();  // not in order: trust only the text
      break;
    }
    known.push_back({match.word, match.term});
  }
  std::size_t start = passage_start(known, words);
  // One word more than the passage shows, to know whether it ends the text.
  const std::size_t wanted = start + words + 1;
  const auto tokens = analyzer.tokenize(text, indexer::Analyzer::Forms::kTermOnly, wanted);
  if (tokens.empty()) {
    return {};
  }
  const bool whole_text = tokens.size() < wanted;
  if (start >= tokens.size()) {
    // The best window lies past the text's end: its matches are another field's. Every word of
    // the text is at hand; choose again among the text's own matches.
    while (!known.empty() && known.back().word >= tokens.size()) {
      known.pop_back();
    }
    start = passage_start(known, words);
  }
  const std::size_t last = std::min(tokens.size(), start + words) - 1;
  // The words of the passage must match where the index says, and only there.
  std::vector<bool> marked(last + 1 - start);
  auto next = std::lower_bound(
      known.begin(), known.end(), start,
      [](const MatchedWord& match, std::size_t word) { return match.word < word; });
  for (std::size_t i = start; i <= last; ++i) {
    const bool listed = next != known.end() && next->word == i;
    const std::string& term = tokens[i].term;
    if (listed != query_terms.matches(analyzer, term, language) || (listed && next->term != term)) {
      return whole_text ? snippet_of_words(analyzer, text, language, query_terms, tokens, words)
                        : make_snippet(analyzer, text, language, query_terms, words);
    }
    if (listed) {
      marked[i - start] = true;
      ++next;
    }
  }
  return passage(text, tokens, start, last, last + 1 == tokens.size(), marked);
}

}  // namespace morgue::query
