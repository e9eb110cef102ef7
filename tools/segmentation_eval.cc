// morgue-segmentation-eval: how well the analyzer's word breaking agrees with hand-segmented
// sentences (the PUD treebanks in ../shared/corpora/pud-multilingual/), per file:
//
//   build/morgue-segmentation-eval ../shared/corpora/pud-multilingual/pud-*.jsonl
//
// With MORGUE_EVAL_SHOW_MISSES set, the gold words that do not find their sentence go to stderr.
//
// For each sentence, the gold words are the corpus tokens holding a letter or digit, placed by
// their `space_after` flags. Three figures, as docs/analysis.md explains:
//  * boundaries: word starts and ends *inside* runs of letters (where a space would not already
//    tell), precision and recall of the analyzer's against the gold ones;
//  * words: gold words the analyzer produced with exactly the same extent;
//  * findable: gold words that, typed as a query (with --lang set to the file's language), find
//    their sentence: each sentence is indexed by the DocumentBuilder into an in-memory Xapian
//    database and each word parsed by the QueryParser, as morgue-index and morgue-query do.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <xapian.h>

#include <morgue/error.h>

#include "indexer/analyzer.h"
#include "indexer/document_builder.h"
#include "indexer/schema.h"
#include "query/query_parser.h"

namespace {

using Span = std::pair<std::size_t, std::size_t>;

bool is_word_char(UChar32 c) {
  return c >= 0 && (u_isalnum(c) || u_hasBinaryProperty(c, UCHAR_ALPHABETIC) ||
                    (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0);
}

bool has_word_char(std::string_view text) {
  for (std::int32_t offset = 0; offset < static_cast<std::int32_t>(text.size());) {
    UChar32 c;
    U8_NEXT(text.data(), offset, static_cast<std::int32_t>(text.size()), c);
    if (is_word_char(c)) {
      return true;
    }
  }
  return false;
}

// Offsets strictly inside the text where the characters on both sides are word characters.
std::vector<bool> interior_offsets(std::string_view text) {
  std::vector<bool> interior(text.size() + 1, false);
  std::int32_t previous_end = -1;
  bool previous_word = false;
  for (std::int32_t offset = 0; offset < static_cast<std::int32_t>(text.size());) {
    const std::int32_t start = offset;
    UChar32 c;
    U8_NEXT(text.data(), offset, static_cast<std::int32_t>(text.size()), c);
    const bool word = is_word_char(c);
    if (previous_end == start && previous_word && word) {
      interior[static_cast<std::size_t>(start)] = true;
    }
    previous_end = offset;
    previous_word = word;
  }
  return interior;
}

struct Counts {
  std::size_t sentences = 0;
  std::size_t gold_boundaries = 0;
  std::size_t found_boundaries = 0;
  std::size_t right_boundaries = 0;
  std::size_t gold_words = 0;
  std::size_t found_words = 0;
  std::size_t right_words = 0;
  std::size_t findable_words = 0;
};

std::set<std::size_t> boundaries(const std::vector<Span>& spans,
                                 const std::vector<bool>& interior) {
  std::set<std::size_t> out;
  for (const auto& [begin, end] : spans) {
    for (std::size_t offset : {begin, end}) {
      if (interior[offset]) {
        out.insert(offset);
      }
    }
  }
  return out;
}

// One sentence as an article of its own, keyed by its sentence id.
struct Sentence {
  std::string id;
  std::vector<std::string> gold_words;
};

void count_sentence(const morgue::indexer::Analyzer& analyzer, const nlohmann::json& line,
                    Counts& counts, std::vector<Sentence>& sentences) {
  const std::string text = line.at("text").get<std::string>();
  const auto& tokens = line.at("tokens");
  const auto& space_after = line.at("space_after");
  std::vector<Span> gold;
  std::vector<std::string> gold_texts;
  std::size_t offset = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string token = tokens[i].get<std::string>();
    if (text.compare(offset, token.size(), token) != 0) {
      return;  // the tokens do not spell the text: skip the sentence (the README says never)
    }
    if (has_word_char(token)) {
      gold.emplace_back(offset, offset + token.size());
      gold_texts.push_back(token);
    }
    offset += token.size() + (space_after[i].get<bool>() ? 1 : 0);
  }
  std::vector<Span> found;
  for (const auto& token : analyzer.tokenize(text)) {
    found.emplace_back(token.begin, token.end);
  }
  const std::vector<bool> interior = interior_offsets(text);
  const auto gold_boundaries = boundaries(gold, interior);
  const auto found_boundaries = boundaries(found, interior);
  ++counts.sentences;
  counts.gold_boundaries += gold_boundaries.size();
  counts.found_boundaries += found_boundaries.size();
  for (std::size_t boundary : found_boundaries) {
    counts.right_boundaries += gold_boundaries.count(boundary);
  }
  const std::set<Span> found_set(found.begin(), found.end());
  counts.gold_words += gold.size();
  counts.found_words += found.size();
  for (const auto& span : gold) {
    counts.right_words += found_set.count(span);
  }
  sentences.push_back({line.at("sent_id").get<std::string>(), std::move(gold_texts)});
}

// Indexes every sentence of a file and searches for each of its gold words.
void count_findable(const morgue::indexer::Analyzer& analyzer, const std::string& language,
                    const std::vector<nlohmann::json>& lines,
                    const std::vector<Sentence>& sentences, Counts& counts) {
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const morgue::indexer::DocumentBuilder builder(analyzer);
  for (const auto& line : lines) {
    morgue::Article article;
    article.id = line.at("sent_id").get<std::string>();
    article.body = line.at("text").get<std::string>();
    article.language = language;
    database.add_document(builder.build(article).article);
  }
  const morgue::query::QueryParser parser(analyzer);
  const morgue::schema::Field& id = morgue::schema::field("id");
  Xapian::Enquire enquire(database);
  const bool show_misses = std::getenv("MORGUE_EVAL_SHOW_MISSES") != nullptr;
  for (const auto& sentence : sentences) {
    const Xapian::Query wanted(morgue::schema::term(id, "id:" + sentence.id));
    for (const auto& word : sentence.gold_words) {
      try {
        enquire.set_query(
            Xapian::Query(Xapian::Query::OP_FILTER, parser.parse(word, language).query, wanted));
      } catch (const morgue::QueryError&) {
        continue;  // a word such as `"Hi` is query syntax: counted as not found
      }
      const bool found = !enquire.get_mset(0, 1).empty();
      counts.findable_words += found ? 1 : 0;
      if (!found && show_misses) {
        std::cerr << language << '\t' << sentence.id << '\t' << word << '\n';
      }
    }
  }
}

std::string percent(std::size_t part, std::size_t whole) {
  if (whole == 0) {
    return "–";
  }
  return fmt::format("{:.1f}%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: morgue-segmentation-eval PUD.jsonl...\n";
    return 2;
  }
  const morgue::indexer::Analyzer analyzer;
  std::cout << "| file | sentences | boundary precision (found) | boundary recall (gold) | "
               "word precision | word recall | gold words findable |\n"
               "|---|---|---|---|---|---|---|\n";
  for (int i = 1; i < argc; ++i) {
    std::ifstream input(argv[i]);
    if (!input) {
      std::cerr << "morgue-segmentation-eval: cannot open " << argv[i] << '\n';
      return 2;
    }
    Counts counts;
    std::vector<nlohmann::json> lines;
    std::vector<Sentence> sentences;
    std::string line;
    while (std::getline(input, line)) {
      if (!line.empty()) {
        lines.push_back(nlohmann::json::parse(line));
        count_sentence(analyzer, lines.back(), counts, sentences);
      }
    }
    const std::string language =
        lines.empty() ? std::string() : lines.front().value("lang", std::string());
    count_findable(analyzer, language, lines, sentences, counts);
    std::string name = argv[i];
    name = name.substr(name.find_last_of('/') + 1);
    std::cout << fmt::format(
        "| {} | {} | {} ({}) | {} ({}) | {} | {} | {} |\n", name, counts.sentences,
        percent(counts.right_boundaries, counts.found_boundaries), counts.found_boundaries,
        percent(counts.right_boundaries, counts.gold_boundaries), counts.gold_boundaries,
        percent(counts.right_words, counts.found_words),
        percent(counts.right_words, counts.gold_words),
        percent(counts.findable_words, counts.gold_words));
  }
  return 0;
}
