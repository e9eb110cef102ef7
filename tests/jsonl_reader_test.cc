#include "indexer/jsonl_reader.h"

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <morgue/error.h>

#include "tests/test_support.h"

namespace morgue::indexer {
namespace {

std::string fixture_path(const std::string& name) {
  return morgue::testing::test_data_path("broken/" + name).string();
}

using Events = std::vector<std::string>;

// What a reader yields until it ends: "title: ..." per article, "error: ..." per bad record.
Events read_events(RecordSource& reader) {
  Events events;
  for (;;) {
    try {
      const std::optional<Article> article = reader.next();
      if (!article) {
        return events;
      }
      events.push_back("title: " + article->title);
    } catch (const InputError& error) {
      events.push_back(std::string("error: ") + error.what());
    }
  }
}

Events read_text(const std::string& jsonl) {
  std::istringstream in(jsonl);
  JsonlReader reader(in, "in.jsonl");
  return read_events(reader);
}

// Reads a fixture in data/broken/, naming it in errors by its full path.
Events read_fixture(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.is_open()) << path;
  JsonlReader reader(in, path);
  return read_events(reader);
}

Article read_one(const std::string& jsonl) {
  std::istringstream in(jsonl);
  JsonlReader reader(in, "in.jsonl");
  std::optional<Article> article = reader.next();
  EXPECT_TRUE(article.has_value());
  EXPECT_FALSE(reader.next().has_value());
  return article.value_or(Article{});
}

// {"title": "deep", "extra": [[...]]} with `levels` levels of nesting in all.
std::string nested(int levels) {
  return R"({"title": "deep", "extra": )" + std::string(levels - 1, '[') +
         std::string(levels - 1, ']') + "}\n";
}

// A stream buffer that hands out `text` and then fails, as a disk or a pipe can.
class FailingBuffer : public std::streambuf {
 public:
  explicit FailingBuffer(std::string text) : text_(std::move(text)) {
    setg(text_.data(), text_.data(), text_.data() + text_.size());
  }

 protected:
  int_type underflow() override { throw std::runtime_error("device error"); }

 private:
  std::string text_;
};

TEST(JsonlReader, ReadErrorEndsTheInput) {
  FailingBuffer buffer("{\"title\": \"a\"}\n");
  std::istream in(&buffer);
  JsonlReader reader(in, "in.jsonl");
  EXPECT_EQ(read_events(reader),
            (Events{"title: a", "error: in.jsonl: the file could not be read"}));
}

TEST(JsonlReader, ReadsEveryMappedKey) {
  const Article article = read_one(
      R"({"id": 17, "Link": "http://example.com/a", "site": "example.com", "headline": "A title",)"
      R"( "body": "Line one.\n\nLine two.", "author": ["Ann", " Bob ", "Ann"],)"
      R"( "keywords": "x, y", "published_at": "Wed, 28 Sep 2016 14:05:00 +0300",)"
      R"( "type": "news", "lang": "en", "topics": ["ignored"], "oldid": 5544})"
      "\n");
  EXPECT_EQ(article.id, "17");
  EXPECT_EQ(article.url, "http://example.com/a");
  EXPECT_EQ(article.site, "example.com");
  EXPECT_EQ(article.title, "A title");
  EXPECT_EQ(article.body, "Line one.\n\nLine two.");
  EXPECT_EQ(article.authors, (std::vector<std::string>{"Ann", "Bob"}));
  EXPECT_EQ(article.tags, (std::vector<std::string>{"x", "y"}));
  ASSERT_TRUE(article.published.has_value());
  EXPECT_EQ(article.published->iso8601(), "2016-09-28T14:05:00+03:00");
  EXPECT_EQ(article.type, "news");
  EXPECT_EQ(article.language, "en");
}

TEST(JsonlReader, NullIsAsIfAbsent) {
  const Article article =
      read_one(R"({"title": null, "body": "Only a body.", "author": null, "date": null})");
  EXPECT_EQ(article.title, "");
  EXPECT_EQ(article.body, "Only a body.");
  EXPECT_FALSE(article.published.has_value());
}

TEST(JsonlReader, ReadsComments) {
  const Article article =
      read_one(R"({"title": "T", "comments": [)"
               R"({"author": "ann", "text": "First."},)"
               R"({"author": "bob", "in_reply_to": "ann", "text": "Second."},)"
               R"({"author": "cy", "reply_to": "bob", "text": "Third.", "likes": 3},)"
               R"({"text": "Anonymous.", "author": null}]})");
  const std::vector<Comment> expected = {
      {"ann", "", "First.", 1},
      {"bob", "ann", "Second.", 2},
      {"cy", "bob", "Third.", 3},
      {"", "", "Anonymous.", 4},
  };
  EXPECT_EQ(article.comments, expected);
}

TEST(JsonlReader, SkipsBlankLinesAndCountsThem) {
  EXPECT_EQ(
      read_text("\n{\"title\": \"one\"}\r\n  \n\r\n{\"title\": 2}\n{\"title\": \"three\"}"),
      (Events{"title: one", "error: in.jsonl:5: field 'title' holds a number; expected a string",
              "title: three"}));
}

TEST(JsonlReader, SkipsByteOrderMark) {
  EXPECT_EQ(read_one("\xEF\xBB\xBF{\"title\": \"one\"}\n").title, "one");
}

TEST(JsonlReader, EmptyInputHasNoArticles) { EXPECT_EQ(read_text(""), Events{}); }

TEST(JsonlReader, AcceptsNestingUpTo64Levels) {
  EXPECT_EQ(read_text(nested(64) + nested(65) + nested(1000)),
            (Events{"title: deep", "error: in.jsonl:2: JSON nested deeper than 64 levels",
                    "error: in.jsonl:3: JSON nested deeper than 64 levels"}));
}

TEST(JsonlReader, ReportsBadRecordsAndReadsOn) {
  struct Row {
    std::string line;
    std::string expected_error;
  };
  const Row rows[] = {
      {R"({"title": tru})",
       "invalid JSON: syntax error while parsing value - invalid literal (at byte 14)"},
      {R"({'title': 'x'})",
       "invalid JSON: syntax error while parsing object key - invalid literal; expected string "
       "literal (at byte 2)"},
      {R"({"title": "x"} y)",
       "invalid JSON: syntax error while parsing value - invalid literal; expected end of input "
       "(at byte 16)"},
      {R"({"title": "x")",
       "invalid JSON: syntax error while parsing object - unexpected end of input; expected '}' "
       "(at byte 14)"},
      {R"({"title": "x", "n": 1e999})", "invalid JSON: number overflow parsing '1e999'"},
      {R"(["a"])", "expected a JSON object, found an array"},
      {R"("a")", "expected a JSON object, found a string"},
      {"42", "expected a JSON object, found a number"},
      {"null", "expected a JSON object, found null"},
      {R"({"title": ["a"]})", "field 'title' holds an array; expected a string"},
      {R"({"title": "x", "url": {"href": "y"}})", "field 'url' holds an object; expected a string"},
      {R"({"title": "x", "id": true})",
       "field 'id' holds a boolean; expected a string or a number"},
      {R"({"title": "x", "tags": 3})",
       "field 'tags' holds a number; expected a string or a list of strings"},
      {R"({"title": "x", "Authors": ["a", 1]})",
       "field 'Authors' holds a list with a number in it; expected strings"},
      {R"({"title": "x", "comments": "none"})",
       "field 'comments' holds a string; expected a list of objects"},
      {R"({"title": "x", "comments": [{"text": "a"}, "b"]})",
       "comment 2 is a string; expected an object"},
      {R"({"title": "x", "comments": [{"text": 1}]})",
       "comment 1: 'text' holds a number; expected a string"},
      {R"({"title": "x", "date": "xyz"})", "unreadable date 'xyz' in field 'date'"},
      {R"({"id": "1", "title": " ", "text": ""})", "record has neither a title nor a body"},
      {"{\"title\": \"caf\xE9\"}", "invalid UTF-8 at byte 15 of the line (0xe9)"},
      // nlohmann alone would stop at the NUL and read the line as {"title": "x"}.
      {std::string("{\"title\": \"x\"}\0junk", 19),
       "a NUL byte at byte 15 of the line; JSON holds none (in a string it is written \\u0000)"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.line);
    EXPECT_EQ(
        read_text("{\"title\": \"before\"}\n" + row.line + "\n{\"title\": \"after\"}\n"),
        (Events{"title: before", "error: in.jsonl:2: " + row.expected_error, "title: after"}));
  }
}

TEST(JsonlReader, InvalidJsonIsSkipped) {
  const std::string path = fixture_path("invalid-json.jsonl");
  EXPECT_EQ(read_fixture(path),
            (Events{"title: A good first record",
                    "error: " + path +
                        ":2: invalid JSON: syntax error while parsing object - unexpected end of "
                        "input; expected '}' (at byte 60)",
                    "title: A good fourth record"}));
}

TEST(JsonlReader, LineThatIsNotAnObjectIsSkipped) {
  const std::string path = fixture_path("not-an-object.jsonl");
  EXPECT_EQ(read_fixture(path),
            (Events{"title: A good first record",
                    "error: " + path + ":2: expected a JSON object, found an array",
                    "title: A good third record"}));
}

TEST(JsonlReader, DeepNestingIsSkipped) {
  const std::string path = fixture_path("deep-nesting.jsonl");
  EXPECT_EQ(read_fixture(path), (Events{"title: A good first record",
                                        "error: " + path + ":2: JSON nested deeper than 64 levels",
                                        "title: A good third record nested 64 levels deep"}));
}

TEST(JsonlReader, InvalidUtf8IsSkipped) {
  const std::string path = fixture_path("invalid-utf8.jsonl");
  EXPECT_EQ(read_fixture(path),
            (Events{"title: A good first record",
                    "error: " + path + ":2: invalid UTF-8 at byte 69 of the line (0xe9)",
                    "title: A good third record"}));
}

TEST(JsonlReader, ReadsReutersCorpus) {
  const auto path = morgue::testing::shared_corpus_path("reuters-21578/reuters-21578.jsonl");
  if (!path) {
    GTEST_SKIP() << "../shared/corpora/reuters-21578/reuters-21578.jsonl is not beside the clone";
  }
  std::ifstream in(*path, std::ios::binary);
  JsonlReader reader(in, path->string());
  std::size_t articles = 0;
  std::vector<std::string> errors;
  std::optional<Article> first;
  for (;;) {
    try {
      auto article = reader.next();
      if (!article) {
        break;
      }
      if (!first) {
        first = std::move(article);
      }
      ++articles;
    } catch (const InputError& error) {
      errors.push_back(error.message());
    }
  }
  // 329 stories have a `date` the parser rightly refuses: Reuters routing codes after the time
  // ("27-MAR-1987 00:02:59.13RM"), an hour of 605, a comment ("# date added by S Finch"). All
  // but one of them have a readable `date_iso`, which is used instead. One (line 12793) has an
  // empty title and no body.
  std::size_t date_errors = 0;
  for (const std::string& message : errors) {
    if (message.starts_with("unreadable date '")) {
      ++date_errors;
    } else {
      EXPECT_EQ(message, "record has neither a title nor a body");
    }
  }
  EXPECT_EQ(date_errors, 1u);
  EXPECT_EQ(errors.size(), 2u);
  EXPECT_EQ(articles, 21'578u - 2u);
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->id, "1");
  EXPECT_EQ(first->title, "BAHIA COCOA REVIEW");
  ASSERT_TRUE(first->published.has_value());
  EXPECT_EQ(first->published->iso8601(), "1987-02-26T15:01:01");
  EXPECT_TRUE(first->body.starts_with("Showers continued throughout the week in\nthe Bahia"));
}

}  // namespace
}  // namespace morgue::indexer
