#include "indexer/analyzer.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace morgue::indexer {
namespace {

std::vector<std::string> terms_of(const Analyzer& analyzer, std::string_view text) {
  std::vector<std::string> terms;
  for (const auto& token : analyzer.tokenize(text)) {
    terms.push_back(token.term);
  }
  return terms;
}

TEST(Analyzer, BreaksWordsAndFoldsCase) {
  struct Row {
    std::string input;
    std::vector<std::string> terms;
  };
  const std::vector<Row> rows = {
      {"US Threatens to Suspend Engagement", {"us", "threatens", "to", "suspend", "engagement"}},
      {"al-Farafira district, Aleppo's Old City",
       {"al", "farafira", "district", "aleppo's", "old", "city"}},
      {"ЗДРАВСТВУЙ мир", {"здравствуй", "мир"}},
      {"Straße STRASSE", {"strasse", "strasse"}},
      {"ＦＵＬＬ width", {"full", "width"}},
      {"东京电力公司发表声明", {"东京", "电力", "公司", "发表", "声明"}},
      {"รัฐบาลไทยประกาศนโยบายใหม่", {"รัฐบาล", "ไทย", "ประกาศ", "นโยบาย", "ใหม่"}},
      {"200.000 persons !!!", {"200.000", "persons"}},
      {"  ... — !!", {}},
  };
  const Analyzer analyzer;
  for (const auto& row : rows) {
    SCOPED_TRACE(row.input);
    EXPECT_EQ(terms_of(analyzer, row.input), row.terms);
  }
}

TEST(Analyzer, OffsetsPointAtTheWordsInTheOriginalBytes) {
  const Analyzer analyzer;
  const std::string text = "Zürich — 东京电力";
  const auto tokens = analyzer.tokenize(text);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(text.substr(tokens[0].begin, tokens[0].end - tokens[0].begin), "Zürich");
  EXPECT_EQ(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin), "东京");
  EXPECT_EQ(text.substr(tokens[2].begin, tokens[2].end - tokens[2].begin), "电力");
}

TEST(Analyzer, DropsWordsTooLongForAXapianTerm) {
  const Analyzer analyzer;
  const std::string long_word(Analyzer::kMaxWordBytes + 1, 'x');
  EXPECT_EQ(terms_of(analyzer, "short " + long_word + " end"),
            (std::vector<std::string>{"short", "end"}));
}

TEST(Analyzer, InvalidUtf8DoesNotCrashOrBecomeAWord) {
  const Analyzer analyzer;
  EXPECT_EQ(terms_of(analyzer, "ok \xff\xfe bytes"), (std::vector<std::string>{"ok", "bytes"}));
}

TEST(Analyzer, NormalizeFoldsAWholeValue) {
  const Analyzer analyzer;
  EXPECT_EQ(analyzer.normalize("  John \t Kerry "), "john kerry");
  EXPECT_EQ(analyzer.normalize("Tomás LINDQVIST"), "tomás lindqvist");
  EXPECT_EQ(analyzer.normalize(""), "");
}

TEST(Analyzer, QueryAndDocumentSidesAgree) {
  // The same analyzer runs on both sides, so any spelling that folds alike matches.
  const Analyzer analyzer;
  EXPECT_EQ(terms_of(analyzer, "KERRY"), terms_of(analyzer, "kerry"));
  EXPECT_EQ(terms_of(analyzer, "Ｋｅｒｒｙ"), terms_of(analyzer, "kerry"));
}

}  // namespace
}  // namespace morgue::indexer
