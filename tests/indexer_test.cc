#include <chrono>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <unistd.h>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <xapian.h>

#include <morgue/indexer.h>

#include "tests/test_support.h"

namespace morgue {
namespace {

using testing::check_database;
using testing::TempDir;
using testing::test_data_path;

Xapian::doccount documents_in(const std::filesystem::path& database) {
  return Xapian::Database(database.string()).get_doccount();
}

Article article_with_comments(std::string id, int comment_count) {
  Article article;
  article.id = std::move(id);
  article.title = "Harbour talks";
  article.body = "The quota talks went on.";
  for (int i = 1; i <= comment_count; ++i) {
    article.comments.push_back(Comment{"reader", "", "comment " + std::to_string(i), i});
  }
  return article;
}

// Everything a search can see of a database, keyed by unique id: terms with their wdf and
// positions, values and stored data. Document numbers are left out: they need not agree.
std::map<std::string, std::string> contents_of(const std::filesystem::path& database) {
  const Xapian::Database db(database.string());
  std::map<std::string, std::string> contents;
  for (auto id = db.postlist_begin(""); id != db.postlist_end(""); ++id) {
    const Xapian::Document document = db.get_document(*id);
    std::string unique_id;
    std::string text;
    for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
      if ((*term).rfind("Q", 0) == 0) {
        unique_id = *term;
      }
      text += fmt::format("{}:{}:", *term, term.get_wdf());
      for (auto position = term.positionlist_begin(); position != term.positionlist_end();
           ++position) {
        text += fmt::format("{},", *position);
      }
      text += '\n';
    }
    for (auto value = document.values_begin(); value != document.values_end(); ++value) {
      text += fmt::format("value {}={}\n", value.get_valueno(), *value);
    }
    contents[unique_id] = text + document.get_data();
  }
  return contents;
}

TEST(Indexer, IndexesTheSampleArchiveCompletely) {
  TempDir temp;
  const auto database = temp / "sample.db";
  IndexReport report;
  {
    Indexer indexer(database);
    for (const char* file : {"articles.csv", "articles.jsonl", "sputnik-aleppo.txt"}) {
      report += indexer.add_file(test_data_path(std::string("sample/") + file));
    }
    indexer.commit();
  }
  EXPECT_EQ(report.files, 3u);
  EXPECT_EQ(report.articles, 24u + 6u + 1u);
  EXPECT_EQ(report.comments, 22u + 20u);
  EXPECT_EQ(report.skipped, 0u);
  EXPECT_EQ(report.replaced, 0u);
  EXPECT_EQ(documents_in(database), 31u + 42u);
  EXPECT_EQ(check_database(database), "");
}

TEST(Indexer, ReindexingReplacesInsteadOfAddingTwice) {
  TempDir temp;
  const auto database = temp / "db";
  const auto csv = test_data_path("sample/articles.csv");
  const auto page = test_data_path("sample/sputnik-aleppo.txt");
  {
    Indexer indexer(database);
    indexer.add_file(csv);
    indexer.add_file(page);
  }
  IndexReport again;
  {
    IndexOptions options;
    options.reindex = true;  // without it the unchanged files are not read again
    Indexer indexer(database, options);
    again += indexer.add_file(csv);
    again += indexer.add_file(page);
    indexer.commit();
  }
  EXPECT_EQ(again.articles, 25u);
  EXPECT_EQ(again.replaced, 25u);
  EXPECT_EQ(documents_in(database), 24u + 1u + 20u);
  EXPECT_EQ(check_database(database), "");
}

TEST(Indexer, ASecondRunSkipsFilesItIndexedCompletelyAndUnchanged) {
  TempDir temp;
  const auto database = temp / "db";
  const auto csv = test_data_path("sample/articles.csv");
  const auto page = test_data_path("sample/sputnik-aleppo.txt");
  {
    Indexer indexer(database);
    indexer.add_file(csv);
    indexer.add_file(page);
  }
  IndexReport again;
  {
    Indexer indexer(database);
    again += indexer.add_file(csv);
    again += indexer.add_file(page);
  }
  EXPECT_EQ(again.unchanged_files, 2u);
  EXPECT_EQ(again.files, 0u);
  EXPECT_EQ(again.articles, 0u);
  EXPECT_EQ(documents_in(database), 24u + 1u + 20u);
}

TEST(Indexer, AChangedFileOrOtherOptionsReadTheFileAgain) {
  TempDir temp;
  const auto database = temp / "db";
  const auto csv = temp / "news.csv";
  testing::write_file(csv, "id,title,content\na1,Harbour talks,The quota talks went on.\n");
  { Indexer(database).add_file(csv); }
  // Same size, another modification time: read again.
  std::filesystem::last_write_time(csv,
                                   std::filesystem::last_write_time(csv) + std::chrono::seconds(5));
  IndexReport touched;
  { touched = Indexer(database).add_file(csv); }
  EXPECT_EQ(touched.unchanged_files, 0u);
  EXPECT_EQ(touched.replaced, 1u);
  // Another size.
  testing::write_file(csv,
                      "id,title,content\na1,Harbour talks,The quota talks went on.\n"
                      "a2,Ferry cut,The ferry runs twice a day.\n");
  IndexReport grown;
  { grown = Indexer(database).add_file(csv); }
  EXPECT_EQ(grown.articles, 2u);
  // The same file read with another mapping.
  IndexOptions mapped;
  mapped.layout.add_mapping("type=id");
  IndexReport remapped;
  { remapped = Indexer(database, mapped).add_file(csv); }
  EXPECT_EQ(remapped.unchanged_files, 0u);
  EXPECT_EQ(remapped.articles, 2u);
  IndexReport unchanged;
  { unchanged = Indexer(database, mapped).add_file(csv); }
  EXPECT_EQ(unchanged.unchanged_files, 1u);
  // The checkpoint is of the last run: without the mapping the file is read again.
  IndexReport unmapped;
  { unmapped = Indexer(database).add_file(csv); }
  EXPECT_EQ(unmapped.unchanged_files, 0u);
}

// A run that stops half-way (here an exception from the progress handler, as a kill would)
// leaves a checkpoint at its last commit; the next run goes on from there.
TEST(Indexer, AnInterruptedFileGoesOnAfterItsLastCommittedRecord) {
  const auto csv = test_data_path("sample/articles.csv");
  // With the writer thread the commits (and the checkpoints in them) happen on that thread.
  for (const std::size_t threads : {1, 2}) {
    SCOPED_TRACE(threads);
    TempDir temp;
    const auto database = temp / "db";
    struct Stop {};
    IndexOptions stopping;
    stopping.batch_documents = 5;
    stopping.threads = threads;
    stopping.on_progress = [](const IndexReport& so_far) {
      if (so_far.articles == 12) {
        throw Stop{};
      }
    };
    {
      Indexer indexer(database, stopping);
      EXPECT_THROW(indexer.add_file(csv), Stop);
    }  // commits articles 11 and 12 on the way out, after the checkpoint of article 10
    IndexOptions options;
    options.batch_documents = 5;
    options.threads = threads;
    IndexReport resumed;
    {
      Indexer indexer(database, options);
      resumed = indexer.add_file(csv);
    }
    EXPECT_EQ(resumed.resumed_records, 10u);
    EXPECT_EQ(resumed.articles, 14u);
    EXPECT_EQ(resumed.replaced, 2u);
    EXPECT_EQ(documents_in(database), 24u);
    EXPECT_EQ(check_database(database), "");
    IndexReport again;
    { again = Indexer(database, options).add_file(csv); }
    EXPECT_EQ(again.unchanged_files, 1u);
  }
}

TEST(Indexer, ACommentsFileWhoseCommentsWaitIsReadAgain) {
  TempDir temp;
  const auto database = temp / "db";
  const auto comments = test_data_path("examples/reader-comments.csv");
  { Indexer(database).add_file(comments); }
  IndexReport again;
  std::size_t waiting = 0;
  {
    Indexer indexer(database);
    again = indexer.add_file(comments);
    waiting = indexer.report_waiting_comments({});
  }
  EXPECT_EQ(again.unchanged_files, 0u);
  EXPECT_EQ(again.comments, 3u);
  EXPECT_EQ(waiting, 3u);  // the sample's articles are not in this database
}

TEST(Indexer, ReindexedArticleLosesCommentsItNoLongerHas) {
  TempDir temp;
  const auto database = temp / "db";
  Indexer indexer(database);
  EXPECT_FALSE(indexer.add_article(article_with_comments("a1", 3)));
  // The same article again within one batch, now with one comment.
  EXPECT_TRUE(indexer.add_article(article_with_comments("a1", 1)));
  indexer.commit();
  EXPECT_EQ(documents_in(database), 2u);
}

TEST(Indexer, ArticlesWithoutIdAreKeyedByNormalizedUrlThenByContent) {
  TempDir temp;
  Indexer indexer(temp / "db");
  Article by_url;
  by_url.title = "Same page";
  by_url.url = "HTTPS://Example.COM:443/news/story/#comments";
  EXPECT_FALSE(indexer.add_article(by_url));
  by_url.url = "https://example.com/news/story";
  EXPECT_TRUE(indexer.add_article(by_url));

  Article by_content;
  by_content.title = "No id, no URL";
  by_content.body = "Body.";
  EXPECT_FALSE(indexer.add_article(by_content));
  EXPECT_TRUE(indexer.add_article(by_content));
  by_content.body = "Another body.";
  EXPECT_FALSE(indexer.add_article(by_content));
}

TEST(Indexer, NothingIsVisibleBeforeCommitAndEverythingAfter) {
  TempDir temp;
  const auto database = temp / "db";
  Indexer indexer(database, IndexOptions{.batch_documents = 1000});
  indexer.add_article(article_with_comments("a1", 2));
  EXPECT_EQ(documents_in(database), 0u);
  indexer.commit();
  EXPECT_EQ(documents_in(database), 3u);
}

TEST(Indexer, CommitsOnItsOwnEveryBatch) {
  TempDir temp;
  const auto database = temp / "db";
  Indexer indexer(database, IndexOptions{.batch_documents = 4});
  indexer.add_article(article_with_comments("a1", 2));
  EXPECT_EQ(documents_in(database), 0u);
  indexer.add_article(article_with_comments("a2", 0));  // 4 documents: a batch is full
  EXPECT_EQ(documents_in(database), 4u);
}

TEST(Indexer, TheWriterThreadBuildsTheSameDatabaseAsOneThread) {
  TempDir temp;
  const auto index = [&](const std::filesystem::path& database, std::size_t threads) {
    IndexOptions options;
    options.threads = threads;
    options.batch_documents = 7;  // commits on the writer thread, in the middle of files
    options.reindex = true;       // the CSV file is read twice
    IndexReport report;
    Indexer indexer(database, options);
    for (const char* file :
         {"articles.csv", "articles.jsonl", "sputnik-aleppo.txt", "articles.csv"}) {
      report += indexer.add_file(test_data_path(std::string("sample/") + file));
    }
    indexer.commit();
    return report;
  };
  const IndexReport one = index(temp / "one.db", 1);
  const IndexReport two = index(temp / "two.db", 2);
  EXPECT_EQ(two.articles, one.articles);
  EXPECT_EQ(two.comments, one.comments);
  EXPECT_EQ(two.replaced, 24u);  // the CSV file, read twice
  EXPECT_EQ(one.replaced, 24u);
  EXPECT_EQ(documents_in(temp / "two.db"), 31u + 42u);
  EXPECT_EQ(contents_of(temp / "two.db"), contents_of(temp / "one.db"));
  EXPECT_EQ(check_database(temp / "two.db"), "");
}

TEST(Indexer, AFileReturnsWithEveryFullBatchCommitted) {
  TempDir temp;
  const auto database = temp / "db";
  IndexOptions options;
  options.batch_documents = 5;
  Indexer indexer(database, options);
  indexer.add_file(test_data_path("sample/articles.csv"));  // 24 articles without comments
  // The writer thread is idle once add_file returns: all but the last partial batch is durable.
  EXPECT_EQ(documents_in(database), 20u);
  indexer.commit();
  EXPECT_EQ(documents_in(database), 24u);
}

TEST(Indexer, ASecondWriterIsToldWhichProcessHoldsTheLock) {
  TempDir temp;
  const auto database = temp / "db";
  Indexer first(database);
  try {
    Indexer second(database);
    FAIL() << "a second writer opened the database";
  } catch (const DatabaseError& error) {
    EXPECT_EQ(std::string(error.what()),
              fmt::format("database {} is locked by process {}, which is writing to it; wait for "
                          "it to finish (morgue-index --wait does)",
                          database.string(), ::getpid()));
  }
}

TEST(Indexer, ASecondWriterWaitsForTheLockAsLongAsItIsTold) {
  TempDir temp;
  const auto database = temp / "db";
  Indexer first(database);
  std::vector<std::string> told;
  IndexOptions options;
  options.lock_wait = std::chrono::milliseconds(200);
  options.on_lock_wait = [&told](const std::string& message) { told.push_back(message); };
  try {
    Indexer second(database, options);
    FAIL() << "a second writer opened the database";
  } catch (const DatabaseError& error) {
    EXPECT_EQ(std::string(error.what()),
              fmt::format("database {} is locked by process {}, which is writing to it; gave up "
                          "after waiting 0.2 s",
                          database.string(), ::getpid()));
  }
  EXPECT_EQ(told, std::vector<std::string>{fmt::format(
                      "database {} is locked by process {}, which is writing to it; waiting for "
                      "it to finish",
                      database.string(), ::getpid())});
}

TEST(Indexer, AWaitingWriterOpensTheDatabaseOnceTheFirstIsDone) {
  TempDir temp;
  const auto database = temp / "db";
  auto first = std::make_unique<Indexer>(database);
  first->add_article(article_with_comments("a1", 0));
  IndexOptions options;
  options.lock_wait = IndexOptions::kWaitForever;
  // The first writer finishes as soon as the second says it is waiting.
  options.on_lock_wait = [&first](const std::string&) { first.reset(); };
  Indexer second(database, options);
  EXPECT_EQ(first, nullptr);
  EXPECT_EQ(documents_in(database), 1u);
}

TEST(Indexer, RefusesADirectoryThatIsNotAMorgueDatabase) {
  TempDir temp;
  std::filesystem::create_directory(temp / "photos");
  std::ofstream(temp / "photos" / "cat.jpg") << "not a database";
  try {
    Indexer indexer(temp / "photos");
    FAIL() << "opened a directory of photos";
  } catch (const DatabaseError& error) {
    EXPECT_NE(std::string(error.what()).find("cannot open database " + (temp / "photos").string()),
              std::string::npos)
        << error.what();
  }
  EXPECT_TRUE(std::filesystem::exists(temp / "photos" / "cat.jpg"));
}

TEST(Indexer, ANewDatabaseLeavesNoTemporaryBehind) {
  TempDir temp;
  { Indexer indexer(temp / "db"); }
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(temp.path())) {
    names.push_back(entry.path().filename().string());
  }
  EXPECT_EQ(names, std::vector<std::string>{"db"});
  EXPECT_EQ(documents_in(temp / "db"), 0u);
}

TEST(Indexer, SkipsBadRecordsAndIndexesTheRest) {
  TempDir temp;
  Indexer indexer(temp / "db");
  std::vector<std::string> skipped;
  const auto report = indexer.add_file(test_data_path("broken/unclosed-quote.csv"), Format::kAuto,
                                       [&](const InputError& e) { skipped.push_back(e.what()); });
  indexer.commit();
  EXPECT_EQ(report.skipped, 1u);
  EXPECT_EQ(skipped.size(), 1u);
  EXPECT_GE(report.articles, 1u);
  EXPECT_EQ(documents_in(temp / "db"), report.articles);
  EXPECT_EQ(check_database(temp / "db"), "");
}

TEST(Indexer, AFileOfUnknownFormatIsAnErrorNamingIt) {
  TempDir temp;
  const auto file = temp / "notes.dat";
  std::ofstream(file) << "just some words\n";
  Indexer indexer(temp / "db");
  try {
    indexer.add_file(file);
    FAIL() << "guessed a format";
  } catch (const InputError& error) {
    EXPECT_EQ(std::string(error.what()),
              file.string() +
                  ": cannot tell the format from the name or content; name it with --format csv, "
                  "jsonl, page or html");
  }
}

}  // namespace
}  // namespace morgue
