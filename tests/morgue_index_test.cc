// morgue-index as a user runs it: which files of a directory it reads (--include, --exclude),
// what a second run of the same command does, and what a killed creation leaves behind.
#include <filesystem>
#include <set>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <xapian.h>

#include "tests/test_support.h"

namespace morgue {
namespace {

using testing::CommandResult;
using testing::run_command;
using testing::shell_quote;
using testing::TempDir;
using testing::write_file;

CommandResult morgue_index(const std::string& arguments) {
  return run_command(shell_quote(MORGUE_INDEX_BIN) + " " + arguments);
}

std::string quoted(const std::filesystem::path& path) { return shell_quote(path.string()); }

// The ids of the articles in `database` ("Qid:a1" gives "a1").
std::set<std::string> ids_in(const std::filesystem::path& database) {
  std::set<std::string> ids;
  Xapian::Database reader(database.string());
  for (auto term = reader.allterms_begin("Qid:"); term != reader.allterms_end("Qid:"); ++term) {
    ids.insert((*term).substr(4));
  }
  return ids;
}

// A directory of inputs, each file one article whose id says where it is:
//   news/a.csv  news/b.jsonl  news/notes.md  news/.hidden.csv  news/2016/old.csv
//   news/2016/deep/older.csv  news/2017/new.csv  news/2017/new.jsonl.gz (compressed)
std::filesystem::path make_tree(const TempDir& temp) {
  const auto root = temp / "news";
  for (const char* folder : {"2016/deep", "2017"}) {
    std::filesystem::create_directories(root / folder);
  }
  const auto csv = [](const std::string& id) {
    return fmt::format("id,title,content\n{},Story {},Text of {}.\n", id, id, id);
  };
  write_file(root / "a.csv", csv("a"));
  write_file(root / "b.jsonl", R"({"id": "b", "title": "Story b", "content": "Text of b."})"
                               "\n");
  write_file(root / "notes.md", "# not an input\n");
  write_file(root / ".hidden.csv", csv("hidden"));
  write_file(root / "2016/old.csv", csv("old"));
  write_file(root / "2016/deep/older.csv", csv("older"));
  write_file(root / "2017/new.csv", csv("new"));
  write_file(root / "2017/new.jsonl", R"({"id": "gz", "title": "Story gz", "content": "x."})"
                                      "\n");
  EXPECT_EQ(run_command("gzip " + quoted(root / "2017/new.jsonl")).exit_code, 0);
  return root;
}

TEST(MorgueIndex, IncludeAndExcludeGlobsChooseTheFilesOfADirectory) {
  TempDir temp;
  const auto root = make_tree(temp);
  struct Row {
    std::string options;
    std::set<std::string> ids;
  };
  const std::vector<Row> rows = {
      // Known extensions and compressed ones; not notes.md, not .hidden.csv.
      {"", {"a", "b", "old", "older", "new", "gz"}},
      {"--include '*.csv'", {"a", "old", "older", "new"}},
      {"--include '*.csv' --include '*.gz'", {"a", "old", "older", "new", "gz"}},
      // A glob without '/' also matches folders: the whole of 2016 is left out.
      {"--exclude 2016", {"a", "b", "new", "gz"}},
      {"--exclude 'deep'", {"a", "b", "old", "new", "gz"}},
      // With '/', the path below the directory given; '*' crosses '/' (fnmatch without
      // FNM_PATHNAME), so 2016/* leaves out 2016/deep/older.csv too.
      {"--exclude '2016/*'", {"a", "b", "new", "gz"}},
      {"--exclude '2016/*.csv'", {"a", "b", "new", "gz"}},
      {"--include '2017/*'", {"new", "gz"}},
      {"--include '*.csv' --exclude '2017'", {"a", "old", "older"}},
      {"--exclude '*.csv'", {"b", "gz"}},
      {"--exclude 'a.csv' --exclude 'b.*'", {"old", "older", "new", "gz"}},
      {"--include '[ab].*'", {"a", "b"}},
      {"--include '?.csv'", {"a"}},
  };
  int run = 0;
  for (const Row& row : rows) {
    SCOPED_TRACE(row.options);
    const auto database = temp / fmt::format("db{}", run++);
    const auto indexed = morgue_index(row.options + " " + quoted(database) + " " + quoted(root));
    EXPECT_EQ(indexed.exit_code, 0) << indexed.err;
    EXPECT_EQ(ids_in(database), row.ids);
  }
}

TEST(MorgueIndex, GlobsWorkWhateverTheDirectoryIsCalled) {
  TempDir temp;
  const auto root = make_tree(temp);
  // A trailing slash, and a path through "..": the globs see the same paths below it.
  for (const std::string& spelled :
       {root.string() + "/", (temp / "news" / ".." / "news").string(), std::string("news")}) {
    SCOPED_TRACE(spelled);
    const auto database = temp / "db";
    std::filesystem::remove_all(database);
    const auto indexed =
        run_command("cd " + quoted(temp.path()) + " && " + shell_quote(MORGUE_INDEX_BIN) +
                    " --exclude '2016/*' --include '*.csv' db " + shell_quote(spelled));
    EXPECT_EQ(indexed.exit_code, 0) << indexed.err;
    EXPECT_EQ(ids_in(database), (std::set<std::string>{"a", "new"}));
  }
}

TEST(MorgueIndex, ASecondRunOfTheSameCommandSkipsWhatIsIndexed) {
  TempDir temp;
  const auto database = temp / "db";
  const auto sample = testing::test_data_path("sample");
  const auto first = morgue_index(quoted(database) + " " + quoted(sample));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const auto second = morgue_index(quoted(database) + " " + quoted(sample));
  EXPECT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(second.out,
            "indexed 0 articles (0 replacing earlier versions) and 0 comments from 0 files; "
            "skipped 0 records; 3 files already indexed and unchanged, not read again "
            "(--reindex reads them)\n");
  const auto json = morgue_index("--json " + quoted(database) + " " + quoted(sample));
  EXPECT_EQ(json.out,
            "{\"files\": 0, \"articles\": 0, \"replaced\": 0, \"comments\": 0, \"skipped\": 0, "
            "\"failed_files\": 0, \"waiting_comments\": 0, \"unchanged_files\": 3, "
            "\"resumed_records\": 0}\n");
  const auto reindexed = morgue_index("--reindex " + quoted(database) + " " + quoted(sample));
  EXPECT_EQ(reindexed.out,
            "indexed 31 articles (31 replacing earlier versions) and 42 comments from 3 files; "
            "skipped 0 records\n");
  EXPECT_EQ(Xapian::Database(database.string()).get_doccount(), 31u + 42u);
  EXPECT_EQ(testing::check_database(database), "");
}

// Issue 8: a creation killed before its rename leaves DB.creating-PID; the next run removes it
// once that process is gone, and leaves one whose process is alive (it may be creating DB now).
TEST(MorgueIndex, RemovesWhatAKilledCreationLeftBehind) {
  TempDir temp;
  const pid_t gone = ::fork();
  ASSERT_GE(gone, 0);
  if (gone == 0) {
    ::_exit(0);
  }
  ::waitpid(gone, nullptr, 0);  // its PID now names no process
  const auto abandoned = temp / fmt::format("db.creating-{}", gone);
  const auto alive = temp / fmt::format("db.creating-{}", ::getpid());
  const auto other = temp / fmt::format("other.db.creating-{}", gone);
  for (const auto& folder : {abandoned, alive, other}) {
    std::filesystem::create_directories(folder);
    write_file(folder / "flintlock", "");
  }
  const auto indexed =
      morgue_index(quoted(temp / "db") + " " + quoted(testing::test_data_path("sample")));
  EXPECT_EQ(indexed.exit_code, 0) << indexed.err;
  EXPECT_FALSE(std::filesystem::exists(abandoned));
  EXPECT_TRUE(std::filesystem::exists(alive));
  EXPECT_TRUE(std::filesystem::exists(other));  // another database's business
  // The next run on an existing database removes them too.
  std::filesystem::create_directories(abandoned);
  const auto again =
      morgue_index("-q " + quoted(temp / "db") + " " + quoted(testing::test_data_path("sample")));
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_FALSE(std::filesystem::exists(abandoned));
}

}  // namespace
}  // namespace morgue
