#include "indexer/html_reader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <morgue/error.h>
#include <morgue/indexer.h>

#include "indexer/html_document.h"
#include "indexer/html_metadata.h"
#include "indexer/reader_factory.h"
#include "tests/test_support.h"
#include "tools/extraction_score.h"

namespace morgue::indexer {
namespace {

/// The article of a page given as text; fails the test if there is none.
Article read_page(const std::string& html) {
  std::istringstream in(html);
  HtmlReader reader(in, "page.html");
  std::optional<Article> article = reader.next();
  EXPECT_TRUE(article.has_value());
  EXPECT_FALSE(reader.next().has_value());
  return article.value_or(Article{});
}

/// The what() of the error a page gives, or "no error".
std::string error_of(const std::string& html) {
  std::istringstream in(html);
  HtmlReader reader(in, "page.html");
  try {
    reader.next();
  } catch (const InputError& error) {
    EXPECT_FALSE(reader.next().has_value());
    return error.what();
  }
  return "no error";
}

HtmlMetadata metadata_of(const std::string& html) {
  const HtmlDocument document(html);
  return read_html_metadata(document);
}

// Long enough to read as an article on its own.
const std::string kParagraph =
    "<p>The council voted on Monday to rebuild the harbour wall, which the storms broke in "
    "three places, at a cost of 2.4 million pounds, and work starts in April.</p>";

TEST(HtmlReader, ReadsEveryFieldOfTheFixture) {
  const auto path = morgue::testing::test_data_path("html/harbour-article.html");
  std::ifstream in(path, std::ios::binary);
  HtmlReader reader(in, path.string());
  const std::optional<Article> article = reader.next();
  ASSERT_TRUE(article.has_value());
  EXPECT_FALSE(reader.next().has_value());

  EXPECT_EQ(article->title, "Harbour wall to be rebuilt after winter storms");
  ASSERT_TRUE(article->published.has_value());
  // JSON-LD datePublished wins over article:published_time and <time datetime>.
  EXPECT_EQ(article->published->iso8601(), "2017-02-20T18:30:00+01:00");
  EXPECT_EQ(article->authors, (std::vector<std::string>{"Maria Lund", "Tom Okafor"}));
  EXPECT_EQ(article->tags, (std::vector<std::string>{"Harbour", "Storms"}));
  EXPECT_EQ(article->site, "Valley Times");
  EXPECT_EQ(article->language, "en-GB");
  EXPECT_EQ(article->url, "https://valleytimes.example/news/harbour-wall-rebuilt");
  EXPECT_EQ(article->type, "NewsArticle");
  EXPECT_EQ(article->body,
            "The council voted on Monday to rebuild the harbour wall, which the February storms "
            "broke in three places, at a cost of 2.4 million pounds.\n\n"
            "Work will start in April, once the spring tides are past, and should be finished "
            "before the sailing season, the harbour master said.\n\n"
            "Fishermen wait\n\n"
            "Boats have moored in the outer basin since the storms, and fishermen say the longer "
            "walk to their catch has cost them, a few pounds a day.\n\n"
            "\"We have waited long enough,\" said one, who asked not to be named. \"Now let them "
            "build it properly this time, with stone and not with promises.\"");
  const std::vector<Comment> comments = {
      {.author = "Harbour Watcher",
       .in_reply_to = "",
       .text = "About time. The wall has been crumbling for years.\n\nStone, please.",
       .position = 1},
      {.author = "Maria Lund",
       .in_reply_to = "Harbour Watcher",
       .text = "The council says granite from the old quarry.",
       .position = 2},
      {.author = "Old Salt",
       .in_reply_to = "",
       .text = "Two point four million for a wall?",
       .position = 3},
  };
  EXPECT_EQ(article->comments, comments);
}

TEST(HtmlReader, DateSourcesInOrderOfPreference) {
  struct Row {
    std::string head;
    std::string body;
    std::string iso8601;  // "" when no date is found
    std::string source;
  };
  const std::vector<Row> rows = {
      {R"(<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2017-02-20T18:30:00+01:00","dateModified":"2017-02-21T09:00:00Z"}</script>
          <meta property="article:published_time" content="2017-02-20T17:30:00Z">)",
       R"(<time datetime="2017-02-21">21 February</time>)", "2017-02-20T18:30:00+01:00",
       "JSON-LD datePublished (also article:published_time; preferred over <time datetime> "
       "2017-02-21, JSON-LD dateModified 2017-02-21T09:00:00+00:00)"},
      // An array of blocks, the article inside @graph.
      {R"(<script type="application/ld+json">[{"@type":"WebSite"},{"@graph":[{"@type":"ReportageNewsArticle","datePublished":"2016-09-28T14:05:00Z"}]}]</script>)",
       "", "2016-09-28T14:05:00+00:00", "JSON-LD datePublished"},
      // A date JSON-LD gives that parse_date cannot read is passed over.
      {R"(<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"last Tuesday"}</script>
          <meta property="article:published_time" content="2017-02-21T09:00:00-05:00">)",
       "", "2017-02-21T09:00:00-05:00",
       "article:published_time (unreadable: JSON-LD datePublished 'last Tuesday')"},
      {R"(<meta name="pubdate" content="Wed, 28 Sep 2016 14:05:00 +0300">)",
       R"(<time datetime="2016-09-29">29 September</time>)", "2016-09-28T14:05:00+03:00",
       "<meta name=pubdate> (preferred over <time datetime> 2016-09-29)"},
      {"",
       R"(<p>Posted <time datetime="2016-09-29T08:00">29 September</time></p>
          <p><time>yesterday</time> <time datetime="2016-09-30">a comment</time></p>)",
       "2016-09-29T08:00:00", "<time datetime> (the first of 2)"},
      // An update date alone is not a publication date.
      {R"(<meta property="og:updated_time" content="2017-02-21T09:00:00Z">)",
       "<p>No date but an update.</p>", "", ""},
      {"", "<p>No date anywhere.</p>", "", ""},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.head + row.body);
    const HtmlMetadata metadata =
        metadata_of("<html><head>" + row.head + "</head><body>" + row.body + "</body></html>");
    EXPECT_EQ(metadata.published ? metadata.published->iso8601() : "", row.iso8601);
    EXPECT_EQ(metadata.date_source, row.source);
  }
}

// Real pages with several dates: the one used, and why, as --inspect and the JSON output show.
TEST(HtmlReader, RealPagesSayWhichOfTheirDatesWasUsed) {
  const auto pages = testing::shared_corpus_path("html-news-pages/readability");
  if (!pages) {
    GTEST_SKIP() << "../shared/corpora/html-news-pages is not beside this clone";
  }
  struct Row {
    std::string page;
    std::string iso8601;
    std::string source;
  };
  const std::vector<Row> rows = {
      {"bbc-1", "2015-07-24T05:36:09+01:00", "JSON-LD datePublished"},
      {"aktualne", "2021-11-01T10:52:50+01:00",
       "article:published_time (preferred over article:modified_time 2021-11-01T12:34:23+01:00)"},
      // The page's <time> gives the same clock time at UTC: its structured data wins.
      {"breitbart", "2016-12-22T10:43:37-08:00",
       "article:published_time (preferred over <time datetime> (the first of 2) "
       "2016-12-22T10:43:37+00:00, article:modified_time 2016-12-22T18:59:12-08:00, "
       "og:updated_time 2016-12-22T18:59:12-08:00)"},
      {"guardian-1", "2019-01-03T07:00:02+00:00",
       "article:published_time (also <time datetime> (the first of 10); preferred over "
       "article:modified_time 2019-01-16T11:16:23+00:00, itemprop dateModified "
       "2019-01-16T06:16:23-05:00)"},
      // Its date is in the byline, with the <time> of 27 related stories after it.
      {"telegraph", "2017-11-16T14:15:00+00:00",
       "itemprop datePublished (also <time datetime> (the first of 28); preferred over JSON-LD "
       "dateCreated 2017-11-17T10:41:09+00:00)"},
      {"lemonde-1", "2015-05-04T13:36:31+02:00", "<time datetime> (the first of 2)"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.page);
    const HtmlMetadata metadata =
        metadata_of(testing::read_file(*pages / row.page / "source.html"));
    EXPECT_EQ(metadata.published ? metadata.published->iso8601() : "", row.iso8601);
    EXPECT_EQ(metadata.date_source, row.source);
  }
}

TEST(HtmlReader, MetadataFallbacks) {
  // No JSON-LD: OpenGraph and <meta> give the fields, a byline the author.
  const HtmlMetadata metadata = metadata_of(R"(<html><head>
      <title>Page title | Site</title>
      <meta property="og:title" content="Headline from OpenGraph">
      <meta property="og:locale" content="pt_BR">
      <meta property="og:url" content="https://example.com/a">
      <meta property="og:type" content="article">
      <meta property="article:author" content="https://example.com/authors/ana">
      <meta name="news_keywords" content="floods, rain, floods">
      </head><body><div class="byline">By <span class="author-name">Ana Silva</span>
      <span>22 Dec 2016</span></div></body></html>)");
  EXPECT_EQ(metadata.title, "Headline from OpenGraph");
  EXPECT_EQ(metadata.language, "pt-BR");
  EXPECT_EQ(metadata.url, "https://example.com/a");
  EXPECT_EQ(metadata.type, "article");
  EXPECT_EQ(metadata.authors, std::vector<std::string>{"Ana Silva"});
  EXPECT_EQ(metadata.tags, (std::vector<std::string>{"floods", "rain"}));

  // Only a <title> and a byline with its date run in.
  const HtmlMetadata plain = metadata_of(
      "<title>Plain page</title><p class=byline>by Dan Goodin - Apr 16, 2015 8:02 pm UTC</p>");
  EXPECT_EQ(plain.title, "Plain page");
  EXPECT_EQ(plain.authors, std::vector<std::string>{"Dan Goodin"});
  EXPECT_EQ(plain.language, "");
}

TEST(HtmlReader, LeavesOutNavigationAdsRelatedLinksAndComments) {
  const Article article = read_page(
      "<html><body><nav><a href=/>Home</a></nav>"
      "<div id=main><div class=article-body>" +
      kParagraph + kParagraph +
      "<div class=advert>Buy sandbags now, the best in the valley, cheap!</div></div>"
      "<ul class=more><li><a href=/1>One other story with a long headline here</a></li>"
      "<li><a href=/2>Another story with a long headline here too</a></li></ul>"
      "<div class=comments><div class=comment><p class=comment-text>"
      "I disagree with every word of this article, and here is why.</p></div></div>"
      "</div><footer>Copyright Valley Times, all rights reserved, 2017</footer></body></html>");
  const std::string paragraph =
      "The council voted on Monday to rebuild the harbour wall, which the storms broke in three "
      "places, at a cost of 2.4 million pounds, and work starts in April.";
  EXPECT_EQ(article.body, paragraph + "\n\n" + paragraph);
  ASSERT_EQ(article.comments.size(), 1U);
  EXPECT_EQ(article.comments[0].text,
            "I disagree with every word of this article, and here is why.");
  EXPECT_EQ(article.comments[0].author, "");
}

TEST(HtmlReader, RepairsBrokenMarkup) {
  // Unclosed tags, a stray end tag, no <html>, <head> or <body>, text straight in a <div>
  // between <br>s: read the way a browser reads them.
  const Article article = read_page(
      "<title>Broken</title><div><b>Harbour</b></i> wall<br><br>"
      "The council voted on Monday to rebuild the harbour wall, at a cost of 2.4 million "
      "pounds.<br><br><p>Work starts in April, once the spring tides are past, said the "
      "harbour master<p>Boats have moored in the outer basin since the storms");
  EXPECT_EQ(article.title, "Broken");
  EXPECT_EQ(article.body,
            "Harbour wall\n\nThe council voted on Monday to rebuild the harbour wall, at a cost of "
            "2.4 million pounds.\n\nWork starts in April, once the spring tides are past, said "
            "the harbour master\n\nBoats have moored in the outer basin since the storms");
}

TEST(HtmlReader, ErrorsNameThePage) {
  struct Row {
    std::string html;
    std::string error;
  };
  const std::vector<Row> rows = {
      {"", "page.html: the page is empty"},
      {" \r\n\t", "page.html: the page is empty"},
      {"<html><head><title>Only a title</title></head><body></body></html>",
       "page.html: the page has no article text"},
      {"<html><body><nav><a href=/>Home</a></nav><script>load()</script></body></html>",
       "page.html: the page has no article text"},
      {"<html><body><p>caf\xE9 au lait</p></body></html>",
       "page.html: invalid UTF-8 at byte 19 (0xe9); save the page as UTF-8, e.g. with iconv -f "
       "windows-1252 -t utf-8"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.html);
    EXPECT_EQ(error_of(row.html), row.error);
  }
}

TEST(HtmlReader, RefusesPagesNestedDeeperThanNewsPages) {
  std::string deep;
  for (std::size_t level = 0; level <= HtmlReader::kMaxNesting; ++level) {
    deep += "<div>";
  }
  EXPECT_EQ(error_of(deep + kParagraph),
            "page.html: elements nest more than 1000 deep; a news page nests a few dozen: is this "
            "the right file?");
  // Unclosed paragraphs and list items, void and self-closed elements, comments and scripts do
  // not add levels.
  struct Row {
    std::string html;
    std::size_t depth;
  };
  const std::vector<Row> rows = {
      {"<html><body><div><p>a<p>b<p>c</div></body></html>", 3},
      {"<ul><li>a<li>b<li>c</ul><br><img src=x><hr/><span/>", 1},
      {"<div><!-- <div><div><div> --><script>if (a<b) { '<div><div>' }</SCRIPT></div>", 1},
      {"<DIV><Div><div></div></div></div><div>", 3},
      {"text with a < sign and <not closed", 0},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.html);
    EXPECT_EQ(nesting_depth(row.html, 100), row.depth);
  }
}

TEST(HtmlReader, NoArticleFixtureIsSkippedWithItsName) {
  const auto path = morgue::testing::test_data_path("broken/html-no-article.html");
  std::ifstream in(path, std::ios::binary);
  HtmlReader reader(in, path.string());
  try {
    reader.next();
    FAIL() << "no error";
  } catch (const InputError& error) {
    EXPECT_EQ(error.what(), path.string() + ": the page has no article text");
  }
}

TEST(HtmlReader, FormatFromNameOrContent) {
  struct Row {
    std::string name;
    std::string start;
    Format format;
  };
  const std::vector<Row> rows = {
      {"page.html", "anything", Format::kHtml},
      {"PAGE.HTM", "anything", Format::kHtml},
      {"saved", "\n  <!DOCTYPE html><html>", Format::kHtml},
      {"saved", "<HTML lang=en>", Format::kHtml},
      {"saved", "{\"title\": \"x\"}", Format::kJsonl},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.name + " " + row.start);
    std::istringstream in(row.start);
    EXPECT_EQ(detect_format(in, row.name), row.format);
    // Sniffing consumes nothing but the white space before the first byte.
    std::string rest;
    std::getline(in, rest, '\0');
    EXPECT_TRUE(row.start.ends_with(rest)) << rest;
  }
  EXPECT_EQ(parse_format("html"), Format::kHtml);
}

TEST(HtmlReader, IndexerReadsAPageWithItsComments) {
  morgue::testing::TempDir temp;
  IndexReport report;
  {
    Indexer indexer(temp / "db");
    report = indexer.add_file(morgue::testing::test_data_path("html/harbour-article.html"));
    indexer.commit();
  }
  EXPECT_EQ(report.articles, 1U);
  EXPECT_EQ(report.comments, 3U);
  EXPECT_EQ(report.skipped, 0U);
  EXPECT_EQ(morgue::testing::check_database(temp / "db"), "");
}

// The first twelve pages (by name) of the hand-checked benchmark pages. docs/extraction.md has
// the score on all 181: the floor here is below the 0.99 measured on these twelve, so that a
// change which loses articles fails while small shifts do not.
TEST(HtmlReader, ExtractsBenchmarkPagesAboveFloor) {
  const auto corpus = morgue::testing::shared_corpus_path("html-news-pages/scrapinghub");
  if (!corpus) {
    GTEST_SKIP() << "../shared/corpora/html-news-pages is not beside the clone";
  }
  const auto truth =
      nlohmann::json::parse(morgue::testing::read_file(*corpus / "ground-truth.json"));
  std::vector<std::string> keys;
  for (const auto& [key, value] : truth.items()) {
    keys.push_back(key);
  }
  std::sort(keys.begin(), keys.end());
  keys.resize(std::min<std::size_t>(keys.size(), 12));
  morgue::tools::ShingleCounts total;
  for (const std::string& key : keys) {
    SCOPED_TRACE(key);
    const std::string html = morgue::tools::read_gzip(*corpus / "html" / (key + ".html.gz"));
    ASSERT_FALSE(html.empty());
    const Article article = read_html_article(html, key);
    total += morgue::tools::compare_shingles(truth[key].at("articleBody").get<std::string>(),
                                             article.body, 4);
  }
  EXPECT_GT(total.f1(), 0.97);
  EXPECT_GT(total.precision(), 0.95);
  EXPECT_GT(total.recall(), 0.95);
}

TEST(ExtractionScore, CountsShinglesAsTheBenchmarkDoes) {
  using morgue::tools::compare_shingles;
  EXPECT_EQ(
      morgue::tools::benchmark_words("Don't stop—the café's 2nd_floor, 東京!"),
      (std::vector<std::string>{"Don", "t", "stop", "the", "café", "s", "2nd_floor", "東京"}));
  const auto same = compare_shingles("a b c d e", "a  b\nc d e", 4);
  EXPECT_DOUBLE_EQ(same.f1(), 1.0);
  // Expected shingles "a b c d", "b c d e"; extracted "a b c d", "b c d x": one of each kind,
  // normalized to thirds.
  const auto half = compare_shingles("a b c d e", "a b c d x", 4);
  EXPECT_DOUBLE_EQ(half.true_positives, 1.0 / 3);
  EXPECT_DOUBLE_EQ(half.precision(), 0.5);
  EXPECT_DOUBLE_EQ(half.recall(), 0.5);
  EXPECT_DOUBLE_EQ(compare_shingles("a b c d", "", 4).f1(), 0.0);
}

}  // namespace
}  // namespace morgue::indexer
