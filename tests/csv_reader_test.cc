#include "indexer/csv_reader.h"

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

// What a reader yields until it ends: "title: ..." per article, "error: ..." per bad record.
std::vector<std::string> read_events(RecordSource& reader) {
  std::vector<std::string> events;
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

std::vector<std::string> read_text(const std::string& csv) {
  std::istringstream in(csv);
  CsvReader reader(in, "in.csv");
  return read_events(reader);
}

// Reads a fixture in data/broken/, naming it in errors by its full path.
std::vector<std::string> read_fixture(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.is_open()) << path;
  CsvReader reader(in, path);
  return read_events(reader);
}

Article read_one(const std::string& csv) {
  std::istringstream in(csv);
  CsvReader reader(in, "in.csv");
  std::optional<Article> article = reader.next();
  EXPECT_TRUE(article.has_value());
  EXPECT_FALSE(reader.next().has_value());
  return article.value_or(Article{});
}

using Events = std::vector<std::string>;

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

TEST(CsvReader, ReadErrorEndsTheInput) {
  // Exactly one 64 KiB chunk reads well; istream::read drops the bytes of a chunk cut short.
  const std::string header = "title,content\n";
  FailingBuffer buffer(header + "a," +
                       std::string(std::size_t{64} * 1024 - header.size() - 3, 'b') + "\n");
  std::istream in(&buffer);
  CsvReader reader(in, "in.csv");
  EXPECT_EQ(read_events(reader), (Events{"title: a", "error: in.csv: the file could not be read"}));
}

TEST(CsvReader, QuotedNewlineStaysInOneRecord) {
  const Article article = read_one("title,content\n\"Two\nlines\",\"Body\n\nparagraph two\"\n");
  EXPECT_EQ(article.title, "Two\nlines");
  EXPECT_EQ(article.body, "Body\n\nparagraph two");
}

TEST(CsvReader, RecordNumberIsTheLineWhereTheRecordStarts) {
  EXPECT_EQ(read_text("title,content\n"
                      "one,\"a\nb\nc\"\n"
                      "\n"
                      "two,x,extra\n"
                      "three,y\n"),
            (Events{"title: one", "error: in.csv:6: row has 3 fields but the header has 2",
                    "title: three"}));
}

TEST(CsvReader, QuotedFieldsHoldCommasAndDoubledQuotes) {
  const Article article = read_one(
      "title,content,authors\n"
      "\"Comma, inside\",\"He said \"\"no\"\".\",\"Ann, Bob\"\n");
  EXPECT_EQ(article.title, "Comma, inside");
  EXPECT_EQ(article.body, "He said \"no\".");
  EXPECT_EQ(article.authors, (std::vector<std::string>{"Ann", "Bob"}));
}

TEST(CsvReader, ReadsCrLfLineEnds) {
  std::istringstream in("id,title,content\r\n1,One,\"a\r\nb\"\r\n2,Two,c\r\n");
  CsvReader reader(in, "in.csv");
  const auto first = reader.next();
  const auto second = reader.next();
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->id, "1");
  EXPECT_EQ(first->body, "a\nb");
  EXPECT_EQ(second->body, "c");
  EXPECT_FALSE(reader.next().has_value());
}

TEST(CsvReader, SkipsByteOrderMark) {
  EXPECT_EQ(read_one("\xEF\xBB\xBFtitle,content\nOne,Body\n").title, "One");
}

TEST(CsvReader, LastRecordNeedsNoLineEnd) {
  EXPECT_EQ(read_text("title,content\none,a\ntwo,b"), (Events{"title: one", "title: two"}));
}

TEST(CsvReader, SkipsBlankLines) {
  EXPECT_EQ(read_text("\ntitle,content\n\none,a\n\r\n\ntwo,b\n\n"),
            (Events{"title: one", "title: two"}));
}

TEST(CsvReader, IgnoresUnknownAndUnnamedColumns) {
  const Article article =
      read_one(",id,summary,title,inserted_at\n0,141,\"A summary, ignored\",One,\xFF\n");
  EXPECT_EQ(article.id, "141");
  EXPECT_EQ(article.title, "One");
  EXPECT_EQ(article.body, "");  // invalid UTF-8 in an ignored column does not matter
}

TEST(CsvReader, KeepsAQuoteInsideAnUnquotedField) {
  EXPECT_EQ(read_one("title,content\nA 5\" screen,x\n").title, "A 5\" screen");
}

TEST(CsvReader, ReadsRecordsLongerThanAChunk) {
  // Doubled quotes and line ends land on every offset around the 64 KiB chunk boundary.
  for (std::size_t padding = 65'500; padding < 65'560; ++padding) {
    SCOPED_TRACE(padding);
    const std::string filler(padding, 'x');
    std::string csv = "title,content\r\n\"";
    csv += filler;
    csv += "\"\"q\"\"\",\"b\"\r\nnext,\"";
    csv += filler;
    csv += "\"\r\n";
    std::istringstream in(csv);
    CsvReader reader(in, "in.csv");
    const auto first = reader.next();
    const auto second = reader.next();
    ASSERT_TRUE(first && second);
    EXPECT_EQ(first->title, filler + "\"q\"");
    EXPECT_EQ(first->body, "b");
    EXPECT_EQ(second->title, "next");
    EXPECT_EQ(second->body, filler);
    EXPECT_FALSE(reader.next().has_value());
  }
}

TEST(CsvReader, RecordOver32MiBIsSkippedWithoutKeepingIt) {
  const std::string huge(32 * 1024 * 1024 + 1, 'x');
  EXPECT_EQ(read_text("title,content\none,\"" + huge + "\"\ntwo,b\n"),
            (Events{"error: in.csv:2: record is longer than 32 MiB", "title: two"}));
  EXPECT_EQ(read_text("title,content\none,\"" + huge + "\ntwo,b\n"),
            (Events{"error: in.csv:2: quoted field opened on line 2 is never closed"}));
}

TEST(CsvReader, ReportsBadRecordsAndReadsOn) {
  struct Row {
    std::string input;
    Events expected;
  };
  const Row rows[] = {
      {"title,content\na,b\n\"x\" y,c\nd,e\n",
       {"title: a",
        "error: in.csv:3: unexpected text after the closing quote of field 'title' on line 3",
        "title: d"}},
      {"title,content\na,\"b\"\"\" x\nd,e\n",
       {"error: in.csv:2: unexpected text after the closing quote of field 'content' on line 2",
        "title: d"}},
      {"title,,content\na,\"b\" x,c\nd,e,f\n",
       {"error: in.csv:2: unexpected text after the closing quote of field 2 on line 2",
        "title: d"}},
      {"title,content\nlone\nd,e\n",
       {"error: in.csv:2: row has 1 field but the header has 2", "title: d"}},
      {"title,content\na,b\nc,\"open\n\nrest",
       {"title: a", "error: in.csv:3: quoted field opened on line 3 is never closed"}},
      {"title,content,date\na,b,2016-09-28\nc,d,2016-02-30\ne,f,\n",
       {"title: a", "error: in.csv:3: unreadable date '2016-02-30' in field 'date'", "title: e"}},
      {"title,content\na,b\n,\nc,d\n",
       {"title: a", "error: in.csv:3: record has neither a title nor a body", "title: c"}},
      {"title,content\na,b\n\xC3\x28,x\nc,d\n",
       {"title: a", "error: in.csv:3: invalid UTF-8 in field 'title'", "title: c"}},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.input);
    EXPECT_EQ(read_text(row.input), row.expected);
  }
}

TEST(CsvReader, ReportsAnInputWithoutRecordsOnce) {
  struct Row {
    std::string input;
    Events expected;
  };
  const Row rows[] = {
      {"", {"error: in.csv: the file is empty"}},
      {"\n\r\n\n", {"error: in.csv: the file is empty"}},
      {"\xEF\xBB\xBF", {"error: in.csv: the file is empty"}},
      {"title,content\n", {}},
      {"\"title,content\na,b\n",
       {"error: in.csv:1: quoted field opened on line 1 is never closed"}},
      {"id,summary\n1,x\n2,y\n",
       {"error: in.csv:1: the header has no title or body column (expected one of: title, "
        "headline, content, text, body)"}},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.input);
    EXPECT_EQ(read_text(row.input), row.expected);
  }
}

TEST(CsvReader, UnclosedQuoteTakesTheRestOfTheFile) {
  const std::string path = fixture_path("unclosed-quote.csv");
  const Events events = read_fixture(path);
  EXPECT_EQ(events,
            (Events{"title: A good first record", "title: A good second record",
                    "error: " + path + ":4: quoted field opened on line 4 is never closed"}));
}

TEST(CsvReader, RaggedRowIsSkipped) {
  const std::string path = fixture_path("ragged-row.csv");
  EXPECT_EQ(read_fixture(path),
            (Events{"title: A good first record",
                    "error: " + path + ":3: row has 5 fields but the header has 4",
                    "title: A good third record"}));
}

TEST(CsvReader, InvalidUtf8IsSkipped) {
  const std::string path = fixture_path("invalid-utf8.csv");
  EXPECT_EQ(read_fixture(path), (Events{"title: A good first record",
                                        "error: " + path + ":3: invalid UTF-8 in field 'content'",
                                        "title: A good third record"}));
}

TEST(CsvReader, RecordWithoutTitleOrBodyIsSkipped) {
  const std::string path = fixture_path("no-title-no-body.csv");
  EXPECT_EQ(read_fixture(path),
            (Events{"title: A good first record",
                    "error: " + path + ":3: record has neither a title nor a body",
                    "title: ", "title: A good fourth record with a title only"}));
}

TEST(CsvReader, BadDateIsSkipped) {
  const std::string path = fixture_path("bad-date.csv");
  EXPECT_EQ(read_fixture(path),
            (Events{"title: A good first record",
                    "error: " + path + ":3: unreadable date 'yesterday' in field 'scraped_at'",
                    "title: A good third record"}));
}

TEST(CsvReader, ReadsFakeNewsCorpus) {
  const auto path = morgue::testing::shared_corpus_path("fakenews-sample/news_sample.csv");
  if (!path) {
    GTEST_SKIP() << "../shared/corpora/fakenews-sample/news_sample.csv is not beside the clone";
  }
  std::ifstream in(*path, std::ios::binary);
  CsvReader reader(in, path->string());
  std::vector<Article> articles;
  while (auto article = reader.next()) {  // any InputError fails the test
    articles.push_back(std::move(*article));
  }
  ASSERT_EQ(articles.size(), 250u);

  const Article& first = articles.front();
  EXPECT_EQ(first.id, "141");
  EXPECT_EQ(first.site, "awm.com");
  EXPECT_EQ(first.type, "unreliable");
  EXPECT_EQ(first.url,
            "http://awm.com/church-congregation-brings-gift-to-waitresses-working-on-christmas-"
            "eve-has-them-crying-video/");
  EXPECT_EQ(first.title,
            "Church Congregation Brings Gift to Waitresses Working on Christmas Eve, Has Them "
            "Crying (video)");
  EXPECT_EQ(first.authors, std::vector<std::string>{"Ruth Harris"});
  EXPECT_TRUE(first.tags.empty());  // meta_keywords is "['']"
  ASSERT_TRUE(first.published.has_value());
  EXPECT_EQ(first.published->iso8601(), "2018-01-25T16:17:44");
  EXPECT_FALSE(first.published->utc_offset_minutes.has_value());
  EXPECT_TRUE(first.body.starts_with("Sometimes the power of Christmas"));
  EXPECT_EQ(first.language, "");

  const Article& tagged = articles[16];
  EXPECT_EQ(tagged.id, "2350");
  EXPECT_EQ(tagged.title, "Signs and Wonders Archives");
  ASSERT_EQ(tagged.tags.size(), 27u);
  EXPECT_EQ(tagged.tags.front(), "Human Rights & Persecution");
  EXPECT_EQ(tagged.tags.back(), "Youth Issues");

  const Article& meta_keywords = articles[12];
  EXPECT_EQ(meta_keywords.id, "1685");
  EXPECT_EQ(meta_keywords.tags,
            (std::vector<std::string>{"fake news", "donald trump", "president trump", "vote trump",
                                      "books on trump", "god and donald trump"}));
}

}  // namespace
}  // namespace morgue::indexer
