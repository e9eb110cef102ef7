// A write that fails for want of space: a clear error, and the database as of its last commit.
#include <fstream>
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <xapian.h>

#include "tests/test_support.h"

namespace morgue {
namespace {

using testing::run_command;
using testing::shell_quote;
using testing::TempDir;

std::string quoted(const std::filesystem::path& path) { return shell_quote(path.string()); }

// Articles with distinct ids and bodies, several megabytes of index in all.
void write_articles(const std::filesystem::path& file, int count) {
  std::ofstream out(file);
  for (int article = 0; article < count; ++article) {
    std::string body;
    for (int word = 0; word < 150; ++word) {
      body += fmt::format("word{} ", (article * 7 + word) % 1000);
    }
    out << fmt::format(R"({{"id": "big-{}", "title": "Article {}", "body": "{}"}})", article,
                       article, body)
        << '\n';
  }
}

TEST(DiskFull, ACommitThatCannotBeWrittenLeavesTheLastCommit) {
  TempDir temp;
  const auto database = temp / "db";
  const auto index = shell_quote(MORGUE_INDEX_BIN);
  const auto first = run_command(index + " -q " + quoted(database) + " " +
                                 quoted(testing::test_data_path("sample")));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const auto big = temp / "big.jsonl";
  write_articles(big, 1000);

  // No file may grow past 2 MiB (the shell's ulimit counts 512-byte blocks), as on a full
  // disk; with SIGXFSZ ignored the write fails with EFBIG instead of killing the process.
  const auto full = run_command("trap '' XFSZ; ulimit -f 4096; " + index + " --batch-size 100000 " +
                                quoted(database) + " " + quoted(big));
  EXPECT_EQ(full.exit_code, 2) << full.err;
  EXPECT_EQ(full.out, "");
  // "... DatabaseError: Error writing block 256 (File too large); it stays as of its last commit"
  EXPECT_TRUE(full.err.starts_with("morgue-index: error: cannot commit to database " +
                                   database.string() + ": "))
      << full.err;
  EXPECT_TRUE(full.err.ends_with("(File too large); it stays as of its last commit\n")) << full.err;

  EXPECT_EQ(Xapian::Database(database.string()).get_doccount(), 73u);
  EXPECT_EQ(testing::check_database(database), "");
  // With room again, the same command finishes the job.
  const auto again = run_command(index + " " + quoted(database) + " " + quoted(big));
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(Xapian::Database(database.string()).get_doccount(), 1073u);
}

}  // namespace
}  // namespace morgue
