#include "query/matched_words.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <morgue/indexer.h>
#include <morgue/searcher.h>

#include "indexer/schema.h"
#include "query/query_parser.h"
#include "query/snippets.h"
#include "query/threads.h"
#include "tests/test_support.h"

namespace morgue::query {
namespace {

std::string words(const std::string& word, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) {
    out += word + (i % 40 == 39 ? "\n\n" : " ");
  }
  return out;
}

// Articles with every field that takes positions (title, caption, body, tags, comments), in
// several scripts.
std::vector<Article> articles() {
  return {
      {.id = "oil",
       .title = "Oil prices rise as OPEC ministers meet in Vienna",
       .body = "Crude oil prices rose on Monday. Oils and fats were steady; the oil ministers' "
               "meeting went on.\n\n" +
               words("filler", 300) +
               "Elections in the oil states: the electorate elected the crude oil party, said "
               "oil analysts. The price of oil, the pricing of oils.",
       .tags = {"crude oil", "OPEC", "oil prices"},
       .language = "en",
       .photo_caption = "Tankers wait for crude oil at the port of Rotterdam.",
       .comments = {{.author = "Ann",
                     .text = "Oil again? The oils of Texas, and elections.",
                     .language = "en"}}},
      // No body: the snippet is the title.
      {.id = "headline",
       .title = "Oil ministers elect a chairman",
       .tags = {"oil"},
       .language = "en"},
      // The only match is thousands of words in.
      {.id = "far",
       .title = "A long report",
       .body = words("padding", 5000) + "The ceasefire in Aleppo held. " + words("padding", 200),
       .language = "en"},
      // The query's words only in the caption and the tags.
      {.id = "tagged",
       .title = "Markets",
       .body = "Stocks fell. " + words("trading", 100),
       .tags = {"Aleppo ceasefire", "Aleppo"},
       .language = "en",
       .photo_caption = "Aleppo ceasefire"},
      {.id = "zh",
       .title = "东京电力",
       .body = "东京电力公司发表声明。电力公司的声明说，东京电力将继续供电。",
       .language = "zh"},
      {.id = "th",
       .title = "ข่าว",
       .body = "รัฐบาลไทยประกาศนโยบายใหม่ รัฐบาลจะประกาศอีกครั้ง",
       .language = "th"},
      {.id = "ru",
       .title = "Выборы",
       .body = "Итоги выборов объявлены. Выборы прошли спокойно, выборами довольны.",
       .language = "ru"},
  };
}

class MatchedWords : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    temp_ = new testing::TempDir();
    Indexer indexer(*temp_ / "words.db");
    for (const auto& article : articles()) {
      indexer.add_article(article);
    }
    indexer.commit();
  }
  static void TearDownTestSuite() {
    delete temp_;
    temp_ = nullptr;
  }
  static testing::TempDir* temp_;
};

testing::TempDir* MatchedWords::temp_ = nullptr;

MatchTerms terms_of(const indexer::Analyzer& analyzer, const std::string& query) {
  const ParsedQuery parsed = QueryParser(analyzer).parse(query);
  return {{parsed.highlight_terms.begin(), parsed.highlight_terms.end()},
          parsed.highlight_prefixes,
          {parsed.highlight_stems.begin(), parsed.highlight_stems.end()}};
}

// The matched words of `text` as make_snippet finds them, breaking the whole text.
std::vector<WordMatch> matched_in_text(const indexer::Analyzer& analyzer, const std::string& text,
                                       const std::string& language, const MatchTerms& terms) {
  std::vector<WordMatch> out;
  const auto tokens = analyzer.tokenize(text, indexer::Analyzer::Forms::kTermOnly);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (terms.matches(analyzer, tokens[i].term, language)) {
      out.push_back({i, tokens[i].term});
    }
  }
  return out;
}

const std::vector<std::pair<std::string, std::string>> kCases = {
    {"oil", "oil"},
    {"oil", "oil prices"},
    {"oil", "\"crude oil\""},
    {"oil", "elect*"},
    {"oil", "elections OR ministers"},
    {"oil", "=oil"},
    {"headline", "oil"},
    {"headline", "elect*"},
    {"far", "aleppo ceasefire"},
    {"tagged", "aleppo ceasefire"},
    {"zh", "电力"},
    {"zh", "东京电力"},
    {"th", "รัฐบาล"},
    {"ru", "выборы"},
};

// The index's positions, counted from where snippet_text_position says the text starts, are
// the words make_snippet matches: this pins the layout of indexer/document_builder.cc.
// Calls `check(article, query, terms, docid)` for each case of kCases.
template <typename Check>
void for_each_case(const indexer::Analyzer& analyzer, const Xapian::Database& database,
                   Check check) {
  const ThreadReader threads(database, analyzer);
  for (const auto& article : articles()) {
    for (const auto& [id, query] : kCases) {
      if (id == article.id) {
        SCOPED_TRACE(id + ": " + query);
        check(article, terms_of(analyzer, query), threads.article_docid("id:" + id));
      }
    }
  }
}

// The index's positions, counted from where snippet_text_position says the text starts, are
// the words make_snippet matches: this pins the layout of indexer/document_builder.cc.
TEST_F(MatchedWords, TheIndexListsTheWordsTheTextMatches) {
  const indexer::Analyzer analyzer;
  const Xapian::Database database((*temp_ / "words.db").string());
  for_each_case(analyzer, database,
                [&](const Article& article, const MatchTerms& terms, Xapian::docid docid) {
                  const std::string& text = article.body.empty() ? article.title : article.body;
                  const auto expected = matched_in_text(analyzer, text, article.language, terms);
                  EXPECT_FALSE(expected.empty() && article.id != "tagged");
                  // Without the term list when the query's terms and stems are enough, and with it.
                  for (const bool term_list : {needs_term_list(database, docid, terms), true}) {
                    std::vector<WordMatch> found =
                        matched_words(database, docid, analyzer, terms, article.language,
                                      snippet_text_position(analyzer, article), term_list);
                    const std::size_t text_words =
                        analyzer.tokenize(text, indexer::Analyzer::Forms::kTermOnly).size();
                    // Words past the text's end are the tags', at least a field gap further on.
                    while (!found.empty() && found.back().word >= text_words) {
                      EXPECT_GE(found.back().word, text_words + 100);
                      found.pop_back();
                    }
                    EXPECT_EQ(found, expected);
                  }
                });
}

TEST_F(MatchedWords, SnippetsFromTheIndexAreTheSnippetsOfTheWholeText) {
  const indexer::Analyzer analyzer;
  const Xapian::Database database((*temp_ / "words.db").string());
  for_each_case(analyzer, database,
                [&](const Article& article, const MatchTerms& terms, Xapian::docid docid) {
                  const std::string& text = article.body.empty() ? article.title : article.body;
                  const auto found =
                      matched_words(database, docid, analyzer, terms, article.language,
                                    snippet_text_position(analyzer, article),
                                    needs_term_list(database, docid, terms));
                  for (const std::size_t window : {3, 10, 30}) {
                    EXPECT_EQ(make_snippet(analyzer, text, article.language, terms, found, window),
                              make_snippet(analyzer, text, article.language, terms, window));
                  }
                });
}

TEST_F(MatchedWords, AMatchFarIntoALongTextIsFoundAndMarked) {
  Searcher searcher(*temp_ / "words.db");
  SearchRequest request;
  request.query = "aleppo ceasefire";
  request.facets.clear();
  const SearchResult result = searcher.search(request);
  const Hit* far = nullptr;
  for (const auto& hit : result.hits) {
    if (hit.article.id == "far") {
      far = &hit;
    }
  }
  ASSERT_NE(far, nullptr);
  EXPECT_EQ(far->snippet.text,
            "…padding padding padding padding The ceasefire in Aleppo held. padding padding "
            "padding padding padding padding padding padding padding padding padding padding "
            "padding padding padding padding padding padding padding padding padding…");
  ASSERT_EQ(far->snippet.highlights.size(), 2U);
  const auto marked = [&](std::size_t i) {
    const auto [begin, end] = far->snippet.highlights[i];
    return far->snippet.text.substr(begin, end - begin);
  };
  EXPECT_EQ(marked(0), "ceasefire");
  EXPECT_EQ(marked(1), "Aleppo");
}

// "oil elections" has other forms in the comment ("oils"), so its short text is broken whole;
// "again" has none, so its snippet is made from the comment's own position lists.
TEST_F(MatchedWords, CommentSnippetsComeFromTheirOwnPositions) {
  Searcher searcher(*temp_ / "words.db");
  const indexer::Analyzer analyzer;
  for (const std::string query : {"oil elections", "again"}) {
    SCOPED_TRACE(query);
    SearchRequest request;
    request.query = query;
    request.facets.clear();
    const SearchResult result = searcher.search(request);
    const MatchTerms terms = terms_of(analyzer, request.query);
    bool seen = false;
    for (const auto& hit : result.hits) {
      for (const auto& comment : hit.comments) {
        seen = true;
        EXPECT_EQ(comment.snippet, make_snippet(analyzer, comment.comment.text, "en", terms));
        EXPECT_FALSE(comment.snippet.highlights.empty());
      }
    }
    EXPECT_TRUE(seen);
  }
}

// A window as wide as the gap between fields is chosen from the text alone: the tag's match,
// a field gap after the body, must not pull the window away from the body's start.
TEST(Snippets, AWindowAsWideAsTheFieldGapIgnoresOtherFieldsMatches) {
  const indexer::Analyzer analyzer;
  std::string text = "oil";
  for (int i = 1; i < 50; ++i) {
    text += i == 40 ? " oil" : " word";
  }
  const MatchTerms terms = terms_of(analyzer, "oil prices");
  const std::vector<WordMatch> matches = {
      {0, "oil"}, {40, "oil"}, {50 + schema::kFieldGap, "prices"}};
  EXPECT_EQ(make_snippet(analyzer, text, "en", terms, matches, 120),
            make_snippet(analyzer, text, "en", terms, 120));
}

}  // namespace
}  // namespace morgue::query
