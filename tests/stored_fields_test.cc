#include "indexer/stored_fields.h"

#include <gtest/gtest.h>

#include <morgue/error.h>

#include "indexer/date_parser.h"

namespace morgue::indexer {
namespace {

Article sample_article() {
  Article article;
  article.id = "mg-001";
  article.url = "https://example.com/a?x=1&y=\"2\"";
  article.site = "example.com";
  article.title = "Sandbags run out as the Wend rises";
  article.body = "First line.\n\n\tSecond \"quoted\" \\ line: caf\u00e9 \u4e1c\u4eac \U0001F600.";
  article.published = parse_date("2016-09-28T14:05:00+03:00");
  article.date_source = "meta";
  article.authors = {"Jean Hollis", "A. N. Other"};
  article.tags = {"flood", "Wend"};
  article.language = "en";
  article.type = "news";
  article.photo_caption = "The river at dawn";
  article.photo_credit = "J. H.";
  article.related_headlines = {"One", "Two"};
  article.comments.push_back(
      {.author = "x", .in_reply_to = "", .text = "y", .position = 1, .language = ""});
  return article;
}

TEST(StoredFields, AnArticleReadsBackAsWritten) {
  const Article article = sample_article();
  const StoredDocument stored = parse_stored(stored_article(article, "id:mg-001", 2));
  EXPECT_EQ(stored.kind, "article");
  EXPECT_EQ(stored.article_key, "id:mg-001");
  Article expected = article;
  expected.comments.clear();
  EXPECT_EQ(stored.article.id, expected.id);
  EXPECT_EQ(stored.article.url, expected.url);
  EXPECT_EQ(stored.article.site, expected.site);
  EXPECT_EQ(stored.article.title, expected.title);
  EXPECT_EQ(stored.article.body, expected.body);
  EXPECT_EQ(stored.article.published, expected.published);
  EXPECT_EQ(stored.article.date_source, expected.date_source);
  EXPECT_EQ(stored.article.authors, expected.authors);
  EXPECT_EQ(stored.article.tags, expected.tags);
  EXPECT_EQ(stored.article.language, expected.language);
  EXPECT_EQ(stored.article.type, expected.type);
  EXPECT_EQ(stored.article.photo_caption, expected.photo_caption);
  EXPECT_EQ(stored.article.photo_credit, expected.photo_credit);
  EXPECT_EQ(stored.article.related_headlines, expected.related_headlines);
  EXPECT_EQ(stored.comment_count, 3U);  // one of its own, two from a comments file
  EXPECT_EQ(stored.comment, Comment());
  EXPECT_FALSE(stored.external);
}

TEST(StoredFields, ACommentReadsBackAsWritten) {
  const Comment comment{.author = "Jean Hollis",
                        .in_reply_to = "Bob",
                        .text = "Order\n\nmore.",
                        .position = 7,
                        .language = "ru"};
  const StoredDocument stored = parse_stored(stored_comment(comment, "id:mg-001", true));
  EXPECT_EQ(stored.kind, "comment");
  EXPECT_EQ(stored.article_key, "id:mg-001");
  EXPECT_EQ(stored.comment, comment);
  EXPECT_TRUE(stored.external);
  EXPECT_EQ(stored.article.title, "");
  EXPECT_EQ(stored.comment_count, 0U);
}

TEST(StoredFields, EscapesAndUnknownFieldsOfOtherVersionsRead) {
  // Escapes that morgue's writer does not use but JSON allows, fields a later morgue may add
  // (objects, arrays, numbers), and fields left out by an earlier one.
  const StoredDocument stored = parse_stored(
      R"({"kind":"article","key":"id:1","later":{"title":"not this","list":[1,[2],{"a":null}]},)"
      R"("title":"caf\u00e9 \ud83d\ude00 \"q\" \/ \b\f\n\r\t","score":1.5e3,"flag":true,)"
      R"("tags":["a",["nested"],"b"],"comment_count":4})");
  EXPECT_EQ(stored.article.title, "caf\u00e9 \U0001F600 \"q\" / \b\f\n\r\t");
  EXPECT_EQ(stored.article.tags, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(stored.article.body, "");
  EXPECT_FALSE(stored.article.published);
  EXPECT_EQ(stored.comment_count, 4U);
}

TEST(StoredFields, DataThatIsNotMorguesIsADatabaseError) {
  for (const std::string data :
       {"", "not json", "[1,2]", "\"text\"", "{\"title\":\"open", "{} x"}) {
    EXPECT_THROW(parse_stored(data), DatabaseError) << data;
  }
}

TEST(StoredFields, AFieldMorgueDoesNotKeepMustStillBeJson) {
  // simdjson's On Demand API skips what it is not asked for; parse_stored reads it anyway.
  const auto article_with = [](const std::string& later) {
    return R"({"kind":"article","later":)" + later + R"(,"title":"t"})";
  };
  const std::string accepted[] = {
      "18446744073709551616",  // over 64 bits: a float, as nlohmann reads it
      "-0.25e-3", R"([[[]],[{"x":[null,true,false]}],"\u00e9\ud83d\ude00"])",
      std::string(255, '[') + std::string(255, ']'),  // 256 containers with the document
  };
  for (const std::string& later : accepted) {
    SCOPED_TRACE(later.substr(0, 40));
    EXPECT_EQ(parse_stored(article_with(later)).article.title, "t");
  }
  const std::string refused[] = {
      "[1,]",
      R"({"a":1,})",
      R"({"a" 1})",
      "{a:1}",
      "01",
      "1.",
      ".5",
      "1e",
      "-",
      "tru",
      "nul",
      "1e400",
      R"("bad \x escape")",
      R"("\u12")",
      R"("\ud83d alone")",
      R"("\ude00 alone")",
      "\"raw \n newline\"",
      std::string(256, '[') + std::string(256, ']'),  // 257 containers
  };
  for (const std::string& later : refused) {
    SCOPED_TRACE(later.substr(0, 40));
    EXPECT_THROW(parse_stored(article_with(later)), DatabaseError);
  }
}

TEST(StoredFields, NothingMayFollowTheDocument) {
  const std::string refused[] = {R"({"kind":"article"} {})", R"({"kind":"article"}})",
                                 R"({"kind":"article"} x)", std::string("{}\0", 3)};
  for (const std::string& data : refused) {
    SCOPED_TRACE(data);
    EXPECT_THROW(parse_stored(data), DatabaseError);
  }
  EXPECT_EQ(parse_stored(" \n{\"kind\":\"comment\"}\t\r\n ").kind, "comment");
}

TEST(StoredFields, TheErrorSaysWhatToCheck) {
  try {
    parse_stored("{");
    FAIL() << "no error";
  } catch (const DatabaseError& error) {
    EXPECT_STREQ(error.what(),
                 "a document's stored data is not morgue's JSON; was this database written by "
                 "morgue-index?");
  }
}

}  // namespace
}  // namespace morgue::indexer
