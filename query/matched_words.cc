#include "query/matched_words.h"

#include <algorithm>
#include <set>
#include <string>

#include "indexer/schema.h"

namespace morgue::query {

namespace {
using schema::kFieldGap;

bool has_term(const Xapian::Database& database, Xapian::docid docid, const std::string& term) {
  auto posting = database.postlist_begin(term);
  if (posting == database.postlist_end(term)) {
    return false;
  }
  posting.skip_to(docid);
  return posting != database.postlist_end(term) && *posting == docid;
}

}  // namespace

bool needs_term_list(const Xapian::Database& database, Xapian::docid docid,
                     const MatchTerms& terms) {
  if (!terms.prefixes.empty()) {
    return true;
  }
  // The indexer writes a stem's term for each word whose stem differs from it (the stem of a
  // text's words, whatever field; the title's own stems have a longer prefix).
  const std::string stem_prefix(schema::field("stem").prefix);
  return std::any_of(terms.stems.begin(), terms.stems.end(), [&](const std::string& stem) {
    return has_term(database, docid, stem_prefix + stem);
  });
}

std::vector<WordMatch> matched_words(const Xapian::Database& database, Xapian::docid docid,
                                     const indexer::Analyzer& analyzer, const MatchTerms& terms,
                                     std::string_view language, Xapian::termpos first_position,
                                     bool term_list) {
  std::vector<WordMatch> matches;
  const auto add_positions = [&](const std::string& term) {
    // Xapian gives an empty list for a term the document lacks or holds without positions.
    for (auto position = database.positionlist_begin(docid, term);
         position != database.positionlist_end(docid, term); ++position) {
      if (*position >= first_position) {
        matches.push_back({*position - first_position, term});
      }
    }
  };
  if (!term_list) {
    // No word of the document has a searched stem but the stem itself.
    std::set<std::string_view> words(terms.terms.begin(), terms.terms.end());
    words.insert(terms.stems.begin(), terms.stems.end());
    for (const auto word : words) {
      if (terms.matches(analyzer, word, language)) {
        add_positions(std::string(word));
      }
    }
  } else {
    // Wildcards and stems stand for words the query did not spell: ask of each of the
    // document's words whether it is one. Prefixed terms (fields, filters, stems) begin with a
    // capital letter; words never do, being folded.
    const auto end = database.termlist_end(docid);
    bool past_prefixed = false;
    for (auto term = database.termlist_begin(docid); term != end;) {
      const std::string word = *term;
      if (!past_prefixed && word.front() >= 'A' && word.front() <= 'Z') {
        term.skip_to("[");  // '[' is the byte after 'Z'
        past_prefixed = true;
        continue;
      }
      if (terms.matches(analyzer, word, language)) {
        add_positions(word);
      }
      ++term;
    }
  }
  std::sort(matches.begin(), matches.end(),
            [](const WordMatch& a, const WordMatch& b) { return a.word < b.word; });
  return matches;
}

Xapian::termpos snippet_text_position(const indexer::Analyzer& analyzer, const Article& article) {
  if (article.body.empty()) {
    return 1;
  }
  const auto words = [&](const std::string& text) {
    return static_cast<Xapian::termpos>(
        analyzer.tokenize(text, indexer::Analyzer::Forms::kTermOnly).size());
  };
  return words(article.title) + kFieldGap + words(article.photo_caption) + kFieldGap + 1;
}

}  // namespace morgue::query
