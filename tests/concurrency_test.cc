// Several processes and threads on one database: a second writer, readers while a writer commits.
#include <atomic>
#include <cstdio>
#include <memory>
#include <signal.h>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <morgue/indexer.h>
#include <morgue/searcher.h>

#include "tests/test_support.h"

extern char** environ;

namespace morgue {
namespace {

using nlohmann::json;
using testing::run_command;
using testing::shell_quote;
using testing::TempDir;
using testing::test_data_path;

std::string quoted(const std::filesystem::path& path) { return shell_quote(path.string()); }

std::string morgue_index_command(const std::string& arguments) {
  return shell_quote(MORGUE_INDEX_BIN) + " " + arguments;
}

void add_sample(Indexer& indexer) {
  for (const char* file : {"articles.csv", "articles.jsonl", "sputnik-aleppo.txt"}) {
    indexer.add_file(test_data_path(std::string("sample/") + file));
  }
}

void index_sample(const std::filesystem::path& database) {
  Indexer indexer(database);
  add_sample(indexer);
  indexer.commit();
}

// A shell command running beside the test; finished() polls it without blocking.
class Background {
 public:
  explicit Background(const std::string& command_line) {
    const char* argv[] = {"sh", "-c", command_line.c_str(), nullptr};
    if (posix_spawn(&pid_, "/bin/sh", nullptr, nullptr, const_cast<char**>(argv), environ) != 0) {
      pid_ = -1;
    }
  }
  ~Background() {
    if (pid_ > 0 && !finished()) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, &status_, 0);
    }
  }
  Background(const Background&) = delete;
  Background& operator=(const Background&) = delete;

  bool finished() {
    if (pid_ <= 0 || done_) {
      return true;
    }
    done_ = ::waitpid(pid_, &status_, WNOHANG) == pid_;
    return done_;
  }
  int wait() {
    if (!done_ && pid_ > 0) {
      ::waitpid(pid_, &status_, 0);
      done_ = true;
    }
    return WIFEXITED(status_) ? WEXITSTATUS(status_) : 128 + WTERMSIG(status_);
  }

 private:
  pid_t pid_ = -1;
  int status_ = 0;
  bool done_ = false;
};

TEST(SecondWriter, IsToldWhichProcessIsWriting) {
  TempDir temp;
  const auto database = temp / "db";
  index_sample(database);
  Xapian::WritableDatabase holder(database.string(), Xapian::DB_OPEN);
  const auto second =
      run_command(morgue_index_command(quoted(database) + " " + quoted(test_data_path("sample"))));
  EXPECT_EQ(second.exit_code, 2);
  EXPECT_EQ(second.out, "");
  EXPECT_EQ(second.err, fmt::format("morgue-index: error: database {} is locked by process {}, "
                                    "which is writing to it; wait for it to finish "
                                    "(morgue-index --wait does)\n",
                                    database.string(), ::getpid()));
}

TEST(SecondWriter, WithWaitGivesUpAfterTheTimeAsked) {
  TempDir temp;
  const auto database = temp / "db";
  index_sample(database);
  Xapian::WritableDatabase holder(database.string(), Xapian::DB_OPEN);
  const auto second = run_command(morgue_index_command("--wait=1 " + quoted(database) + " " +
                                                       quoted(test_data_path("sample"))));
  EXPECT_EQ(second.exit_code, 2);
  const std::string locked = fmt::format(
      "database {} is locked by process {}, which is writing to it", database.string(), ::getpid());
  EXPECT_EQ(second.err, fmt::format("morgue-index: {}; waiting for it to finish\n"
                                    "morgue-index: error: {}; gave up after waiting 1 s\n",
                                    locked, locked));
}

TEST(SecondWriter, WithWaitIndexesOnceTheFirstWriterIsDone) {
  TempDir temp;
  const auto database = temp / "db";
  index_sample(database);
  auto holder = std::make_unique<Xapian::WritableDatabase>(database.string(), Xapian::DB_OPEN);
  FILE* second = ::popen((morgue_index_command("--wait --reindex " + quoted(database) + " " +
                                               quoted(test_data_path("sample"))) +
                          " 2>&1")
                             .c_str(),
                         "r");
  ASSERT_NE(second, nullptr);
  std::string output;
  char line[4096];
  // Release the lock only once the second writer says it is waiting, then read the rest.
  while (std::fgets(line, sizeof line, second) != nullptr) {
    output += line;
    if (output.find("waiting for it to finish") != std::string::npos) {
      holder.reset();
    }
  }
  const int status = ::pclose(second);
  EXPECT_EQ(holder, nullptr) << output;
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << output;
  EXPECT_EQ(output, fmt::format("morgue-index: database {} is locked by process {}, which is "
                                "writing to it; waiting for it to finish\n"
                                "indexed 31 articles (31 replacing earlier versions) and 42 "
                                "comments from 3 files; skipped 0 records\n",
                                database.string(), ::getpid()));
}

// What every committed state of a re-indexed sample holds: re-indexing replaces each article
// with its comments inside one batch, so a reader never sees an article missing or doubled.
void expect_whole_sample(Searcher& searcher) {
  SearchRequest request;
  request.limit = 3;
  const SearchResult all = searcher.search(request);
  EXPECT_EQ(all.total_articles, 31u);
  EXPECT_EQ(all.total_comments, 42u);
  request.query = "aleppo ceasefire";
  request.limit = 5;
  const SearchResult found = searcher.search(request);
  EXPECT_EQ(found.total_hits, 5u);
  ASSERT_EQ(found.hits.size(), 5u);
  for (const auto& hit : found.hits) {
    EXPECT_FALSE(hit.article.title.empty());
  }
}

// Two documents a batch: a commit every article or so, far more often than any real run. Under
// AddressSanitizer our search code slows threefold but Xapian's commits (in Debian's
// uninstrumented library) do not, so commits overtook a search four times running: 2 of 167
// searches failed at 2 documents a batch, 6 searches and 4 of 15 morgue-query runs at 8 once
// ranking searched each word's forms as one synonym. A batch of 32 still commits several times
// during each pass, while the searches stay ahead as in the ordinary build.
int small_batch() { return testing::sanitized_build() ? 32 : 2; }

TEST(Concurrency, SearcherThreadsNeverFailWhileAnIndexerCommitsSmallBatches) {
  TempDir temp;
  const auto database = temp / "db";
  index_sample(database);
  constexpr int kReaders = 2;
  constexpr int kPasses = 4;
  std::atomic<bool> writing = true;
  std::atomic<int> searches = 0;
  std::atomic<int> failures = 0;
  std::vector<std::thread> readers;
  for (int reader = 0; reader < kReaders; ++reader) {
    readers.emplace_back([&] {
      Searcher searcher(database);
      do {
        try {
          expect_whole_sample(searcher);
          ++searches;
        } catch (const Error& error) {
          ADD_FAILURE() << error.what();
          ++failures;
        }
      } while (writing);
    });
  }
  {
    IndexOptions options;
    options.batch_documents = small_batch();
    options.reindex = true;  // the same files again each pass
    Indexer indexer(database, options);
    for (int pass = 0; pass < kPasses; ++pass) {
      add_sample(indexer);
    }
    indexer.commit();
  }
  writing = false;
  for (auto& reader : readers) {
    reader.join();
  }
  EXPECT_EQ(failures, 0);
  EXPECT_GT(searches, kReaders);
  std::cout << fmt::format("{} searches, {} failed, during {} passes of small batches\n",
                           searches.load(), failures.load(), kPasses);
  EXPECT_EQ(testing::check_database(database), "");
}

TEST(Concurrency, QueryProcessesNeverFailWhileMorgueIndexCommitsSmallBatches) {
  TempDir temp;
  const auto database = temp / "db";
  index_sample(database);
  const std::string index_once =
      morgue_index_command(fmt::format("-q --reindex --batch-size {} ", small_batch()) +
                           quoted(database) + " " + quoted(test_data_path("sample")));
  Background writer("for pass in 1 2 3 4; do " + index_once + " || exit 1; done");
  int queries = 0;
  int failures = 0;
  do {
    const auto found = run_command(shell_quote(MORGUE_QUERY_BIN) + " --json --limit 5 " +
                                   quoted(database) + " 'aleppo ceasefire'");
    ++queries;
    if (found.exit_code != 0 || !json::accept(found.out) ||
        json::parse(found.out)["total"]["hits"] != 5) {
      ++failures;
      ADD_FAILURE() << found.exit_code << ' ' << found.err << found.out;
    }
  } while (!writer.finished());
  EXPECT_EQ(writer.wait(), 0);
  EXPECT_EQ(failures, 0);
  EXPECT_GT(queries, 1);
  std::cout << fmt::format("{} morgue-query runs, {} failed\n", queries, failures);
  EXPECT_EQ(testing::check_database(database), "");
}

}  // namespace
}  // namespace morgue
