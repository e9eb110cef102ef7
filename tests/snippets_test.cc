#include "query/snippets.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace morgue::query {
namespace {

std::string marked(const Snippet& snippet) {
  std::string out;
  std::size_t done = 0;
  for (const auto& [begin, end] : snippet.highlights) {
    out += snippet.text.substr(done, begin - done) + "[" + snippet.text.substr(begin, end - begin) +
           "]";
    done = end;
  }
  return out + snippet.text.substr(done);
}

TEST(Snippets, MarksMatchedWordsInAShortText) {
  const indexer::Analyzer analyzer;
  const auto snippet = make_snippet(analyzer, "Kerry told Lavrov about Aleppo.", "en",
                                    {.terms = {"kerry", "aleppo"}, .prefixes = {}, .stems = {}});
  EXPECT_EQ(marked(snippet), "[Kerry] told Lavrov about [Aleppo].");
}

TEST(Snippets, AdjacentMatchesReadAsOneMarkedPhrase) {
  const indexer::Analyzer analyzer;
  const auto snippet = make_snippet(analyzer, "New flood defences were built.", "en",
                                    {.terms = {"flood", "defences"}, .prefixes = {}, .stems = {}});
  EXPECT_EQ(marked(snippet), "New [flood defences] were built.");
}

TEST(Snippets, PicksTheWindowWithTheMatchesAndCutsWithEllipses) {
  const indexer::Analyzer analyzer;
  std::string text;
  for (int i = 0; i < 50; ++i) {
    text += "filler ";
  }
  text += "the ceasefire in Aleppo held";
  for (int i = 0; i < 50; ++i) {
    text += " padding";
  }
  const auto snippet = make_snippet(
      analyzer, text, "en", {.terms = {"ceasefire", "aleppo"}, .prefixes = {}, .stems = {}}, 10);
  EXPECT_EQ(marked(snippet),
            "…filler the [ceasefire] in [Aleppo] held padding padding padding padding…");
}

TEST(Snippets, OffsetsAreRightInChinese) {
  const indexer::Analyzer analyzer;
  const auto snippet = make_snippet(analyzer, "东京电力公司发表声明", "en",
                                    {.terms = {"电力"}, .prefixes = {}, .stems = {}});
  EXPECT_EQ(marked(snippet), "东京[电力]公司发表声明");
}

TEST(Snippets, WildcardsMarkEveryWordTheyStandFor) {
  const indexer::Analyzer analyzer;
  const auto snippet = make_snippet(analyzer, "Elections: the electorate elected.", "en",
                                    {.terms = {}, .prefixes = {"elect"}, .stems = {}});
  EXPECT_EQ(marked(snippet), "[Elections]: the [electorate elected].");
}

TEST(Snippets, WordsFoundThroughTheirStemAreMarked) {
  const indexer::Analyzer analyzer;
  // The query `election` searched for the stem "elect" too, in English.
  const auto snippet = make_snippet(analyzer, "Elections were held; the electorate elected.", "en",
                                    {.terms = {"election"}, .prefixes = {}, .stems = {"elect"}});
  EXPECT_EQ(marked(snippet), "[Elections] were held; the electorate [elected].");
}

TEST(Snippets, StemsFollowTheTextsLanguage) {
  const indexer::Analyzer analyzer;
  // Russian: выборы and выборов share the stem выбор.
  const auto snippet = make_snippet(analyzer, "Итоги выборов объявлены.", "ru",
                                    {.terms = {"выборы"}, .prefixes = {}, .stems = {"выбор"}});
  EXPECT_EQ(marked(snippet), "Итоги [выборов] объявлены.");
}

TEST(Snippets, WithoutAMatchShowsTheOpening) {
  const indexer::Analyzer analyzer;
  const auto snippet = make_snippet(analyzer, "one two three four", "en",
                                    {.terms = {"absent"}, .prefixes = {}, .stems = {}}, 2);
  EXPECT_EQ(marked(snippet), "one two…");
}

TEST(Snippets, KnownMatchesGiveTheSameSnippet) {
  const indexer::Analyzer analyzer;
  std::string text = "Oil rose. ";
  for (int i = 0; i < 200; ++i) {
    text += "filler ";
  }
  text += "the price of oil and oils, oil";
  const MatchTerms terms{.terms = {"oil"}, .prefixes = {}, .stems = {"oil"}};
  const std::vector<WordMatch> matches = {
      {0, "oil"}, {205, "oil"}, {207, "oils"}, {208, "oil"}, {320, "oil"}};  // 320: a tag's
  EXPECT_EQ(marked(make_snippet(analyzer, text, "en", terms, matches, 10)),
            "…price of [oil] and [oils], [oil]");
  EXPECT_EQ(make_snippet(analyzer, text, "en", terms, matches, 10),
            make_snippet(analyzer, text, "en", terms, 10));
}

TEST(Snippets, KnownMatchesThatAreWrongAreNotBelieved) {
  const indexer::Analyzer analyzer;
  std::string text = "Oil rose. ";
  for (int i = 0; i < 100; ++i) {
    text += "filler ";
  }
  text += "oil prices";
  const MatchTerms terms{.terms = {"oil", "prices"}, .prefixes = {}, .stems = {}};
  const Snippet whole_text = make_snippet(analyzer, text, "en", terms, 10);
  // An index written by another analyzer or layout: positions shifted, none, out of order,
  // or past the text's end.
  for (const auto& matches : std::vector<std::vector<WordMatch>>{{{1, "oil"}, {103, "oil"}},
                                                                 {},
                                                                 {{102, "oil"}, {0, "oil"}},
                                                                 {{0, "oils"}, {102, "oil"}},
                                                                 {{500, "oil"}}}) {
    EXPECT_EQ(make_snippet(analyzer, text, "en", terms, matches, 10), whole_text);
  }
  EXPECT_EQ(marked(whole_text), "…filler filler [oil prices]");
}

}  // namespace
}  // namespace morgue::query
