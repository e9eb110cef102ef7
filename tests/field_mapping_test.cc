#include "indexer/field_mapping.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include <morgue/error.h>

namespace morgue::indexer {
namespace {

// Adds `text` under `name` as a reader would.
void add(RecordValues& values, const FieldMapping& mapping, std::string_view name,
         std::string text) {
  const auto target = mapping.find(name);
  ASSERT_TRUE(target.has_value()) << name;
  values.add_text(*target, name, std::move(text));
}

std::string error_of(const RecordValues& values) {
  try {
    finish_article(values, "news.csv", 7);
  } catch (const InputError& error) {
    return error.what();
  }
  return "no error";
}

TEST(FieldMapping, FindsBuiltInNamesIgnoringCase) {
  struct Row {
    std::string_view name;
    std::optional<FieldTarget> expected;
  };
  const Row rows[] = {
      {"id", FieldTarget{ArticleField::kId, 0}},
      {"URL", FieldTarget{ArticleField::kUrl, 0}},
      {"link", FieldTarget{ArticleField::kUrl, 1}},
      {"Title", FieldTarget{ArticleField::kTitle, 0}},
      {"headline", FieldTarget{ArticleField::kTitle, 1}},
      {"content", FieldTarget{ArticleField::kBody, 0}},
      {"text", FieldTarget{ArticleField::kBody, 1}},
      {"body", FieldTarget{ArticleField::kBody, 2}},
      {"authors", FieldTarget{ArticleField::kAuthors, 0}},
      {"Author", FieldTarget{ArticleField::kAuthors, 1}},
      {"byline", FieldTarget{ArticleField::kAuthors, 2}},
      {"tags", FieldTarget{ArticleField::kTags, 0}},
      {"keywords", FieldTarget{ArticleField::kTags, 1}},
      {"meta_keywords", FieldTarget{ArticleField::kTags, 2}},
      {"date", FieldTarget{ArticleField::kPublished, 0}},
      {"published", FieldTarget{ArticleField::kPublished, 1}},
      {"published_at", FieldTarget{ArticleField::kPublished, 2}},
      {"PubDate", FieldTarget{ArticleField::kPublished, 3}},
      {"scraped_at", FieldTarget{ArticleField::kPublished, 4}},
      {"domain", FieldTarget{ArticleField::kSite, 0}},
      {"site", FieldTarget{ArticleField::kSite, 1}},
      {"source", FieldTarget{ArticleField::kSite, 2}},
      {"type", FieldTarget{ArticleField::kType, 0}},
      {"language", FieldTarget{ArticleField::kLanguage, 0}},
      {"lang", FieldTarget{ArticleField::kLanguage, 1}},
      {" title ", FieldTarget{ArticleField::kTitle, 0}},
      {"", std::nullopt},
      {"inserted_at", std::nullopt},
      {"summary", std::nullopt},
      {"titles", std::nullopt},
  };
  const FieldMapping mapping;
  for (const Row& row : rows) {
    SCOPED_TRACE(row.name);
    EXPECT_EQ(mapping.find(row.name), row.expected);
  }
}

TEST(FieldMapping, MapsEachColumnOfAHeader) {
  const FieldMapping mapping;
  const std::vector<std::string> header = {"", "id", "Domain", "inserted_at", "title"};
  const std::vector<std::optional<FieldTarget>> expected = {
      std::nullopt, FieldTarget{ArticleField::kId, 0}, FieldTarget{ArticleField::kSite, 0},
      std::nullopt, FieldTarget{ArticleField::kTitle, 0}};
  EXPECT_EQ(mapping.find_columns(header), expected);
}

TEST(FieldMapping, NamesOfListsNamesInRankOrder) {
  const FieldMapping mapping;
  EXPECT_EQ(mapping.names_of(ArticleField::kTags),
            (std::vector<std::string>{"tags", "keywords", "meta_keywords"}));
  EXPECT_EQ(mapping.names_of(ArticleField::kBody),
            (std::vector<std::string>{"content", "text", "body"}));
}

TEST(FieldMapping, SplitsListValues) {
  struct Row {
    std::string_view input;
    std::vector<std::string> expected;
  };
  const Row rows[] = {
      {"Ruth Harris", {"Ruth Harris"}},
      {"a, b", {"a", "b"}},
      {" a ,, b , a ", {"a", "b"}},
      {"", {}},
      {" , ", {}},
      {"['a', 'b']", {"a", "b"}},
      {R"(["a", "b"])", {"a", "b"}},
      {"['']", {}},
      {"[]", {}},
      {"[ 'a' , 'a', ' b ', '' ]", {"a", "b"}},
      {"['a, b', 'c']", {"a, b", "c"}},
      {R"(['O\'Neil', "It's"])", {"O'Neil", "It's"}},
      {"[a, b]", {"a", "b"}},
      {"['unclosed", {"['unclosed"}},
      {"['a' 'b']", {"['a' 'b']"}},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.input);
    EXPECT_EQ(split_list(row.input), row.expected);
  }
}

TEST(FieldMapping, FinishesAnArticleFieldByField) {
  const FieldMapping mapping;
  RecordValues values;
  add(values, mapping, "id", " 141 ");
  add(values, mapping, "link", "http://awm.com/a/");
  add(values, mapping, "site", "awm.com");
  add(values, mapping, "headline", "  A title \n");
  add(values, mapping, "body", "First paragraph.\r\n\r\nSecond paragraph.\r\n");
  add(values, mapping, "byline", "Ruth Harris, Zurich Times");
  add(values, mapping, "keywords", "['news', 'church']");
  add(values, mapping, "pubdate", "2016-09-28T14:05:00Z");
  add(values, mapping, "type", "unreliable");
  add(values, mapping, "lang", "en");
  const Article article = finish_article(values, "news.csv", 2);
  EXPECT_EQ(article.id, "141");
  EXPECT_EQ(article.url, "http://awm.com/a/");
  EXPECT_EQ(article.site, "awm.com");
  EXPECT_EQ(article.title, "A title");
  EXPECT_EQ(article.body, "First paragraph.\n\nSecond paragraph.");
  EXPECT_EQ(article.authors, (std::vector<std::string>{"Ruth Harris", "Zurich Times"}));
  EXPECT_EQ(article.tags, (std::vector<std::string>{"news", "church"}));
  ASSERT_TRUE(article.published.has_value());
  EXPECT_EQ(article.published->iso8601(), "2016-09-28T14:05:00+00:00");
  EXPECT_EQ(article.type, "unreliable");
  EXPECT_EQ(article.language, "en");
  EXPECT_TRUE(article.comments.empty());
}

TEST(FieldMapping, FirstNonEmptyValueInRankOrderWins) {
  const FieldMapping mapping;
  RecordValues values;
  add(values, mapping, "title", "A title");
  add(values, mapping, "meta_keywords", "['meta']");
  add(values, mapping, "tags", "");
  add(values, mapping, "keywords", "['']");
  add(values, mapping, "scraped_at", "2018-01-25 16:17:44.789555");
  add(values, mapping, "published", "2016-09-28");
  add(values, mapping, "text", "");
  add(values, mapping, "body", "The body.");
  add(values, mapping, "source", "Sputnik");
  add(values, mapping, "domain", "sputniknews.com");
  const Article article = finish_article(values, "news.csv", 2);
  EXPECT_EQ(article.tags, std::vector<std::string>{"meta"});
  ASSERT_TRUE(article.published.has_value());
  EXPECT_EQ(article.published->iso8601(), "2016-09-28");
  EXPECT_EQ(article.body, "The body.");
  EXPECT_EQ(article.site, "sputniknews.com");
}

TEST(FieldMapping, ListItemsAreCleaned) {
  const FieldMapping mapping;
  RecordValues values;
  add(values, mapping, "title", "A title");
  values.add_items(*mapping.find("authors"), "authors", {" Ann ", "", "Bob", "Ann"});
  values.add_items(*mapping.find("tags"), "tags", {"", " "});
  values.add_items(*mapping.find("keywords"), "keywords", {"a, b"});
  const Article article = finish_article(values, "news.jsonl", 1);
  EXPECT_EQ(article.authors, (std::vector<std::string>{"Ann", "Bob"}));
  EXPECT_EQ(article.tags, std::vector<std::string>{"a, b"});  // an array item is never split
}

TEST(FieldMapping, UnreadableDateIsAnErrorForTheRecord) {
  const FieldMapping mapping;
  RecordValues values;
  add(values, mapping, "title", "A title");
  add(values, mapping, "scraped_at", "xyz");
  EXPECT_EQ(error_of(values), "news.csv:7: unreadable date 'xyz' in field 'scraped_at'");
}

TEST(FieldMapping, UnreadableDateFallsBackToALowerRankedOneThatReads) {
  const FieldMapping mapping;
  RecordValues values;
  add(values, mapping, "title", "A title");
  add(values, mapping, "scraped_at", "2018-01-25 16:17:44");
  add(values, mapping, "Published", "last Tuesday");
  const Article article = finish_article(values, "news.csv", 7);
  ASSERT_TRUE(article.published.has_value());
  EXPECT_EQ(article.published->iso8601(), "2018-01-25T16:17:44");
  EXPECT_EQ(article.date_source,
            "field 'scraped_at' (unreadable: field 'Published' 'last Tuesday')");
}

TEST(FieldMapping, DateSourceNamesTheColumnUsedAndTheOthers) {
  const FieldMapping mapping;
  RecordValues values;
  add(values, mapping, "title", "A title");
  add(values, mapping, "scraped_at", "2018-01-25 16:17:44");
  add(values, mapping, "date", "2018-01-24");
  const Article article = finish_article(values, "news.csv", 7);
  EXPECT_EQ(article.date_source,
            "field 'date' (preferred over field 'scraped_at' 2018-01-25T16:17:44)");
}

TEST(FieldMapping, WhenNoDateReadsTheBestRankedOneIsNamed) {
  const FieldMapping mapping;
  RecordValues values;
  add(values, mapping, "title", "A title");
  add(values, mapping, "scraped_at", "yesterday");
  add(values, mapping, "Published", "last Tuesday");
  EXPECT_EQ(error_of(values), "news.csv:7: unreadable date 'last Tuesday' in field 'Published'");
}

TEST(FieldMapping, UnreadableLongDateIsQuotedInPart) {
  const FieldMapping mapping;
  RecordValues values;
  add(values, mapping, "title", "A title");
  add(values, mapping, "date", std::string(59, 'x') + "\xC3\xA9" + std::string(100, 'y'));
  EXPECT_EQ(error_of(values),
            "news.csv:7: unreadable date '" + std::string(59, 'x') + "...' in field 'date'");
}

TEST(FieldMapping, RecordNeedsATitleOrABody) {
  const FieldMapping mapping;
  RecordValues empty;
  EXPECT_EQ(error_of(empty), "news.csv:7: record has neither a title nor a body");

  RecordValues blank;
  add(blank, mapping, "id", "3");
  add(blank, mapping, "title", " \t");
  add(blank, mapping, "content", "\r\n");
  EXPECT_EQ(error_of(blank), "news.csv:7: record has neither a title nor a body");

  RecordValues body_only;
  add(body_only, mapping, "content", "Only a body.");
  EXPECT_EQ(finish_article(body_only, "news.csv", 7).body, "Only a body.");
}

}  // namespace
}  // namespace morgue::indexer
