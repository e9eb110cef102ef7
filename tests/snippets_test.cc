#include "query/snippets.h"

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
  const auto snippet = make_snippet(analyzer, "Kerry told Lavrov about Aleppo.",
                                    {.terms = {"kerry", "aleppo"}, .prefixes = {}});
  EXPECT_EQ(marked(snippet), "[Kerry] told Lavrov about [Aleppo].");
}

TEST(Snippets, AdjacentMatchesReadAsOneMarkedPhrase) {
  const indexer::Analyzer analyzer;
  const auto snippet = make_snippet(analyzer, "New flood defences were built.",
                                    {.terms = {"flood", "defences"}, .prefixes = {}});
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
  const auto snippet =
      make_snippet(analyzer, text, {.terms = {"ceasefire", "aleppo"}, .prefixes = {}}, 10);
  EXPECT_EQ(marked(snippet),
            "…filler the [ceasefire] in [Aleppo] held padding padding padding padding…");
}

TEST(Snippets, OffsetsAreRightInChinese) {
  const indexer::Analyzer analyzer;
  const auto snippet =
      make_snippet(analyzer, "东京电力公司发表声明", {.terms = {"电力"}, .prefixes = {}});
  EXPECT_EQ(marked(snippet), "东京[电力]公司发表声明");
}

TEST(Snippets, WildcardsMarkEveryWordTheyStandFor) {
  const indexer::Analyzer analyzer;
  const auto snippet = make_snippet(analyzer, "Elections: the electorate elected.",
                                    {.terms = {}, .prefixes = {"elect"}});
  EXPECT_EQ(marked(snippet), "[Elections]: the [electorate elected].");
}

TEST(Snippets, WithoutAMatchShowsTheOpening) {
  const indexer::Analyzer analyzer;
  const auto snippet =
      make_snippet(analyzer, "one two three four", {.terms = {"absent"}, .prefixes = {}}, 2);
  EXPECT_EQ(marked(snippet), "one two…");
}

}  // namespace
}  // namespace morgue::query
