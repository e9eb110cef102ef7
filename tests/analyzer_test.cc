#include "indexer/analyzer.h"

#include <fstream>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/test_support.h"

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
      {"Café Zürich ÉLECTIONS", {"cafe", "zurich", "elections"}},
      {"Ёлка ёж", {"елка", "еж"}},
      {"Ελλάδα", {"ελλαδα"}},
      {"Øresund Łódź", {"oresund", "lodz"}},
      {"الْعَرَبِيَّة مدرسة أحمد إلى", {"العربيه", "مدرسه", "احمد", "الي"}},
      {"٢٠١٥ ۱۲", {"2015", "12"}},
      {"don’t l’état", {"don't", "l'etat"}},
      {"ＦＵＬＬ width", {"full", "width"}},
      {"东京电力公司发表声明", {"东京", "电力", "公司", "发表", "声明"}},
      {"รัฐบาลไทยประกาศนโยบายใหม่", {"รัฐบาล", "ไทย", "ประกาศ", "นโยบาย", "ใหม่"}},
      {"200.000 persons !!!", {"200.000", "persons"}},
      {"  ... — !!", {}},
      {"がんばって", {"がん", "ば", "って"}},  // kana keep their voicing marks
      {"ข่าวไทย", {"ข่าว", "ไทย"}},              // Thai tone marks stay
      // Khmer and Lao: no spaces between words either; ICU's dictionaries break them.
      {"រដ្ឋាភិបាលកម្ពុជាបានប្រកាស", {"រដ្ឋាភិបាល", "កម្ពុជា", "បាន", "ប្រកាស"}},
      {"ລັດຖະບານລາວໄດ້ປະກາດ", {"ລັດຖະບານ", "ລາວ", "ໄດ້", "ປະກາດ"}},
  };
  const Analyzer analyzer;
  for (const auto& row : rows) {
    SCOPED_TRACE(row.input);
    EXPECT_EQ(terms_of(analyzer, row.input), row.terms);
  }
}

struct Forms {
  std::string term;
  std::string exact;
  std::vector<std::string> variants;
  std::string joined;
  std::string unit;
  friend bool operator==(const Forms&, const Forms&) = default;
};

std::ostream& operator<<(std::ostream& out, const Forms& forms) {
  out << "{" << forms.term << " exact=" << forms.exact << " variants=";
  for (const auto& variant : forms.variants) {
    out << variant << ",";
  }
  return out << " joined=" << forms.joined << " unit=" << forms.unit << "}";
}

std::vector<Forms> forms_of(const Analyzer& analyzer, std::string_view text) {
  std::vector<Forms> forms;
  for (const auto& token : analyzer.tokenize(text)) {
    forms.push_back({token.term, token.exact, token.variants, token.joined, token.unit});
  }
  return forms;
}

TEST(Analyzer, GivesEveryFormAWordIsFoundBy) {
  struct Row {
    std::string input;
    std::vector<Forms> forms;
  };
  const std::vector<Row> rows = {
      {"Café", {{"cafe", "café", {}, "", ""}}},
      {"l'État", {{"l'etat", "l'état", {"etat", "letat"}, "", ""}}},
      {"don't", {{"don't", "", {"dont"}, "", ""}}},
      {"Aleppo’s", {{"aleppo's", "", {"aleppo", "aleppos"}, "", ""}}},
      {"1,000,000 200.000 3.14",
       {{"1,000,000", "", {"1000000"}, "", ""},
        {"200.000", "", {"200000"}, "", ""},
        {"3.14", "", {}, "", ""}}},
      {"al-Farafira", {{"al", "", {}, "", ""}, {"farafira", "", {}, "alfarafira", ""}}},
      {"e-mail", {{"e", "", {}, "", ""}, {"mail", "", {}, "email", ""}}},
      {"#Brexit", {{"brexit", "", {}, "", "#brexit"}}},
      {"@morgue_news", {{"morgue_news", "", {}, "", "@morgue_news"}}},
      {"Mail Ann.Lee@Example.org.",
       {{"mail", "", {}, "", ""},
        {"ann.lee", "", {}, "", "ann.lee@example.org"},
        {"example.org", "", {}, "", ""}}},
      {"see https://www.Example.com/a/b?q=1.",
       {{"see", "", {}, "", ""},
        {"https", "", {}, "", "example.com/a/b?q=1"},
        {"www.example.com", "", {}, "", ""},
        {"a", "", {}, "", ""},
        {"b", "", {}, "", ""},
        {"q", "", {}, "", ""},
        {"1", "", {}, "", ""}}},
  };
  const Analyzer analyzer;
  for (const auto& row : rows) {
    SCOPED_TRACE(row.input);
    EXPECT_EQ(forms_of(analyzer, row.input), row.forms);
  }
}

TEST(Analyzer, UnitTermIsForAWholeUrlAddressHandleOrHashtag) {
  const Analyzer analyzer;
  EXPECT_EQ(analyzer.unit_term("#brexit"), "#brexit");
  EXPECT_EQ(analyzer.unit_term("http://example.com/a/"), "example.com/a");
  EXPECT_EQ(analyzer.unit_term("www.example.com/a"), "example.com/a");
  EXPECT_EQ(analyzer.unit_term("news@example.com"), "news@example.com");
  EXPECT_EQ(analyzer.unit_term("brexit"), std::nullopt);
  EXPECT_EQ(analyzer.unit_term("a#b"), std::nullopt);
  EXPECT_EQ(analyzer.unit_term("#السعودية"), "#السعوديه");
}

TEST(Analyzer, StemsInTheTextsLanguageOrByTheWordsScript) {
  const Analyzer analyzer;
  EXPECT_EQ(analyzer.stem("elections", "en"), "elect");
  EXPECT_EQ(analyzer.stem("election", "en-GB"), "elect");
  EXPECT_EQ(analyzer.stem("выборов", ""), analyzer.stem("выборы", ""));
  EXPECT_EQ(analyzer.stem("выборов", "en"), analyzer.stem("выборы", "ru"));  // by script
  EXPECT_EQ(analyzer.stem("wahlen", "de"), "wahl");
  EXPECT_EQ(analyzer.stem("东京", "zh"), "");
  EXPECT_EQ(analyzer.stem("2016", "en"), "");
}

TEST(Analyzer, HebrewCliticsComeOffTheStem) {
  const Analyzer analyzer;
  EXPECT_EQ(analyzer.stem("בירושלים", "he"), "ירושלים");  // in Jerusalem
  EXPECT_EQ(analyzer.stem("וירושלים", ""), "ירושלים");    // and Jerusalem (by script)
  EXPECT_EQ(analyzer.stem("הבחירות", "he"), "בחירות");    // the elections
  EXPECT_EQ(analyzer.stem("ובבית", "he"), "בית");         // and in a house: two clitics
  EXPECT_EQ(analyzer.stem("בית", "he"), "בית");           // three letters stay whole
}

TEST(Analyzer, StemsStartAsTheirWordsUnlessTheStemmerTakesPrefixesOff) {
  const Analyzer analyzer;
  struct Row {
    std::string language;
    std::string word;
    bool may_change_start;
  };
  const std::vector<Row> rows = {
      {"en", "yelling", false},   {"en", "yearly", false},    {"nl", "yoghurten", false},
      {"fr", "yeux", false},      {"de", "übergangs", false}, {"ru", "книгами", false},
      {"es", "corriendo", false}, {"tr", "kitaplar", false},  {"ar", "والحكومة", true},
      {"he", "בירושלים", true},   {"id", "membaca", true},    {"ga", "bhfuinneog", true},
      {"en", "والحكومة", true},  // an Arabic word in English text is stemmed as Arabic
      {"en", "42", false},        {"zh", "东京", false},
  };
  for (const auto& row : rows) {
    const std::string term = analyzer.tokenize(row.word).front().term;  // folded, as in a text
    EXPECT_EQ(analyzer.stem_may_change_start(term, row.language), row.may_change_start)
        << row.language << " " << row.word;
    const std::string& stem = analyzer.stem(term, row.language);
    if (!row.may_change_start && !stem.empty()) {
      EXPECT_EQ(stem.front(), term.front()) << row.language << " " << row.word;
    }
  }
  EXPECT_NE(analyzer.stem("membaca", "id").front(), 'm');  // why Indonesian is listed
}

// Every word of the PUD sentences in English, German and French keeps its first character in
// its stem, as Stemmer::may_change_start promises.
TEST(Analyzer, PudWordsKeepTheirFirstCharacterInTheirStems) {
  const auto corpus = testing::shared_corpus_path("pud-multilingual");
  if (!corpus) {
    GTEST_SKIP() << "../shared/corpora/pud-multilingual is not beside the clone";
  }
  const Analyzer analyzer;
  std::size_t stemmed = 0;
  for (const std::string language : {"en", "de", "fr"}) {
    std::ifstream lines(*corpus / ("pud-" + language + ".jsonl"));
    for (std::string line; std::getline(lines, line);) {
      const auto sentence = nlohmann::json::parse(line);
      for (const auto& token : analyzer.tokenize(sentence.at("text").get<std::string>())) {
        const std::string& stem = analyzer.stem(token.term, language);
        if (stem.empty() || analyzer.stem_may_change_start(token.term, language)) {
          continue;
        }
        ++stemmed;
        EXPECT_EQ(stem.front(), token.term.front()) << language << " " << token.term;
      }
    }
  }
  EXPECT_GT(stemmed, 40000U);
}

TEST(Analyzer, KnowsStopWordsPerLanguage) {
  const Analyzer analyzer;
  EXPECT_TRUE(analyzer.is_stop_word("the", ""));
  EXPECT_TRUE(analyzer.is_stop_word("the", "en"));
  EXPECT_FALSE(analyzer.is_stop_word("election", "en"));
  EXPECT_TRUE(analyzer.is_stop_word("und", "de"));
  EXPECT_FALSE(analyzer.is_stop_word("und", "en"));
  EXPECT_TRUE(analyzer.is_stop_word("a", "fr"));  // à, folded
  EXPECT_TRUE(analyzer.is_stop_word("и", ""));
  EXPECT_TRUE(analyzer.is_stop_word("الي", "ar"));  // إلى, folded
}

TEST(Analyzer, DetectsTheLanguageOfASentence) {
  const Analyzer analyzer;
  const DetectedLanguage russian =
      analyzer.detect_language("Выборы в Государственную думу прошли спокойно во всех регионах.");
  EXPECT_EQ(russian.code, "ru");
  EXPECT_TRUE(russian.reliable);
  EXPECT_EQ(analyzer.detect_language("").code, "");
  EXPECT_EQ(analyzer.detect_language("\xff\xfe").code, "");
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

TEST(Analyzer, TermsOnlyGivesTheSameWordsWithoutTheirOtherForms) {
  const Analyzer analyzer;
  const std::string text =
      "L'État d'Alep: al-Farafira's 1,000,000 café-goers mail ann.lee@example.org, see "
      "https://example.com/x #brexit \xff 東京電力は アメリカ大陸 รัฐบาลไทยประกาศ " +
      std::string(Analyzer::kMaxWordBytes + 1, 'x') + " end";
  const auto all = analyzer.tokenize(text);
  const auto terms_only = analyzer.tokenize(text, Analyzer::Forms::kTermOnly);
  ASSERT_EQ(terms_only.size(), all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(terms_only[i].term, all[i].term);
    EXPECT_EQ(terms_only[i].begin, all[i].begin);
    EXPECT_EQ(terms_only[i].end, all[i].end);
    EXPECT_EQ(terms_only[i].exact, "");
    EXPECT_TRUE(terms_only[i].variants.empty());
    EXPECT_EQ(terms_only[i].joined, "");
    EXPECT_EQ(terms_only[i].unit, "");
  }
}

TEST(Analyzer, DropsWordsTooLongForAXapianTerm) {
  const Analyzer analyzer;
  const std::string long_word(Analyzer::kMaxWordBytes + 1, 'x');
  EXPECT_EQ(terms_of(analyzer, "short " + long_word + " end"),
            (std::vector<std::string>{"short", "end"}));
}

TEST(Analyzer, HashesUnitsTooLongForAXapianTerm) {
  const Analyzer analyzer;
  const std::string url = "https://example.com/" + std::string(400, 'a');
  const auto unit = analyzer.unit_term(url);
  ASSERT_TRUE(unit.has_value());
  EXPECT_LE(unit->size(), Analyzer::kMaxWordBytes);
  EXPECT_NE(*unit, *analyzer.unit_term(url + "b"));
  EXPECT_EQ(*unit, *analyzer.unit_term(url));
  EXPECT_EQ(analyzer.tokenize(url).front().unit, *unit);
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
