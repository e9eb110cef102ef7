// Comments files: comments kept apart from their articles join them whichever comes first, stay
// when the article is indexed again, and are not doubled when the comments file is.
#include <fstream>
#include <map>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <morgue/indexer.h>
#include <morgue/searcher.h>

#include "tests/test_support.h"

namespace morgue {
namespace {

using testing::TempDir;
using testing::write_file;

const char kArticles[] =
    "id,title,content\n"
    "a1,Harbour talks,The quota talks went on.\n"
    "a2,Flood defences,The council approved the scheme.\n";
const char kComments[] =
    "article_id,comment_id,parent_id,author,text\n"
    "a1,c1,,ann,First on the harbour.\n"
    "a2,c2,,bob,Flood first.\n"
    "a1,c3,c1,cid,An answer to ann.\n";

// comment count and "author<in_reply_to" of each comment, per article title.
std::map<std::string, std::string> threads(const std::filesystem::path& database) {
  Searcher searcher(database);
  SearchRequest request;
  request.query = "kind:article";
  request.comments_per_hit = 10;
  std::map<std::string, std::string> out;
  for (const Hit& hit : searcher.search(request).hits) {
    out[hit.article.title] = std::to_string(hit.comment_count);
  }
  request.query = "kind:comment";
  for (const Hit& hit : searcher.search(request).hits) {
    for (const CommentHit& comment : hit.comments) {
      out[hit.article.title] +=
          " " + comment.comment.author +
          (comment.comment.in_reply_to.empty() ? "" : "<" + comment.comment.in_reply_to);
    }
  }
  return out;
}

TEST(CommentThreads, CommentsJoinTheirArticleInEitherOrder) {
  TempDir temp;
  write_file(temp / "articles.csv", kArticles);
  write_file(temp / "comments.csv", kComments);
  for (const bool comments_first : {true, false}) {
    SCOPED_TRACE(comments_first ? "comments first" : "articles first");
    const auto database = temp / (comments_first ? "first.db" : "second.db");
    {
      Indexer indexer(database);
      if (comments_first) {
        EXPECT_EQ(indexer.add_file(temp / "comments.csv").comments, 3u);
        indexer.add_file(temp / "articles.csv");
      } else {
        indexer.add_file(temp / "articles.csv");
        indexer.add_file(temp / "comments.csv");
      }
      EXPECT_EQ(indexer.report_waiting_comments({}), 0u);
      indexer.commit();
    }
    const auto found = threads(database);
    EXPECT_EQ(found.at("Harbour talks").substr(0, 1), "2");
    EXPECT_NE(found.at("Harbour talks").find("cid<ann"), std::string::npos);
    EXPECT_EQ(found.at("Flood defences").substr(0, 1), "1");
    EXPECT_EQ(Xapian::Database(database.string()).get_doccount(), 2u + 3u);
    EXPECT_EQ(testing::check_database(database), "");
  }
}

TEST(CommentThreads, ReindexingArticlesOrCommentsChangesNothing) {
  TempDir temp;
  write_file(temp / "articles.csv", kArticles);
  write_file(temp / "comments.csv", kComments);
  const auto database = temp / "db";
  {
    Indexer indexer(database);
    indexer.add_file(temp / "articles.csv");
    indexer.add_file(temp / "comments.csv");
    indexer.add_file(temp / "articles.csv");  // the article replaced: its comments stay
    indexer.add_file(temp / "comments.csv");  // the same comments: replaced, not doubled
    indexer.commit();
  }
  const auto found = threads(database);
  EXPECT_EQ(found.at("Harbour talks").substr(0, 1), "2");
  EXPECT_EQ(Xapian::Database(database.string()).get_doccount(), 2u + 3u);
  EXPECT_EQ(testing::check_database(database), "");
}

TEST(CommentThreads, FoxNewsCommentsAllJoinTheirArticles) {
  const auto corpus = testing::shared_corpus_path("fox-news-comments/fox-news-comments.jsonl");
  if (!corpus) {
    GTEST_SKIP() << "../shared/corpora/fox-news-comments is not beside the clone";
  }
  // The corpus holds comments only; its articles are made from each comment's title and meta
  // description (README: 10 titles, 1,528 comments).
  TempDir temp;
  std::map<std::string, std::size_t> expected;
  std::string articles;
  {
    std::ifstream in(*corpus);
    std::string line;
    while (std::getline(in, line)) {
      const auto row = nlohmann::json::parse(line);
      const std::string title = row.at("title");
      if (expected[title]++ == 0) {
        articles += nlohmann::json{{"title", title}, {"content", row.at("meta")}}.dump() + "\n";
      }
    }
  }
  write_file(temp / "articles.jsonl", articles);
  ASSERT_EQ(expected.size(), 10u);
  for (const bool comments_first : {true, false}) {
    SCOPED_TRACE(comments_first ? "comments first" : "articles first");
    const auto database = temp / (comments_first ? "first.db" : "second.db");
    std::size_t skipped = 0;
    {
      Indexer indexer(database);
      auto report = comments_first ? indexer.add_file(*corpus) : IndexReport{};
      report += indexer.add_file(temp / "articles.jsonl");
      if (!comments_first) {
        report += indexer.add_file(*corpus);
      }
      EXPECT_EQ(report.comments, 1528u);
      skipped = report.skipped;
      EXPECT_EQ(indexer.report_waiting_comments({}), 0u);
      indexer.commit();
    }
    EXPECT_EQ(skipped, 0u);
    Searcher searcher(database);
    SearchRequest request;
    request.query = "kind:article";
    const SearchResult result = searcher.search(request);
    ASSERT_EQ(result.hits.size(), 10u);
    for (const Hit& hit : result.hits) {
      SCOPED_TRACE(hit.article.title);
      EXPECT_EQ(hit.comment_count, expected.at(hit.article.title));
    }
    request.query = "kind:comment";
    EXPECT_EQ(searcher.search(request).total_comments, 1528u);
    EXPECT_EQ(testing::check_database(database), "");
  }
}

}  // namespace
}  // namespace morgue
