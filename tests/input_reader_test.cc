// Compressed files and archives are read member by member as the files they are.
#include "indexer/input_reader.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <morgue/error.h>

#include "tests/test_support.h"

namespace morgue::indexer {
namespace {

using testing::TempDir;
using testing::write_archive;

struct Read {
  std::string name;
  std::string format_name;
  std::string content;
};

std::vector<Read> read_all(const std::filesystem::path& file) {
  std::vector<Read> out;
  InputReader input(file.string());
  while (InputMember* member = input.next()) {
    Read& read = out.emplace_back();
    read.name = member->name;
    read.format_name = member->format_name;
    if (member->stream != nullptr) {
      read.content.assign(std::istreambuf_iterator<char>(*member->stream), {});
    } else {
      read.content = "problem: " + member->problem;
    }
  }
  return out;
}

TEST(InputReader, ReadsEachCompressionAsTheFileInside) {
  TempDir temp;
  for (const auto& [filter, suffix] : {std::pair<std::string, std::string>{"gzip", ".gz"},
                                       {"bzip2", ".bz2"},
                                       {"xz", ".xz"},
                                       {"zstd", ".zst"}}) {
    SCOPED_TRACE(filter);
    const auto file = temp / ("news.csv" + suffix);
    write_archive(file, "raw", filter, {{"ignored", "title\nHello\n"}});
    const auto read = read_all(file);
    ASSERT_EQ(read.size(), 1u);
    EXPECT_EQ(read[0].name, file.string());
    EXPECT_EQ(read[0].format_name, (temp / "news.csv").string());
    EXPECT_EQ(read[0].content, "title\nHello\n");
  }
}

TEST(InputReader, NamesArchiveMembersAfterTheArchive) {
  TempDir temp;
  for (const auto& [format, filter, name] :
       {std::tuple<std::string, std::string, std::string>{"tar", "none", "a.tar"},
        {"tar", "gzip", "a.tar.gz"},
        {"tar", "zstd", "a.tzst"},
        {"zip", "none", "a.zip"}}) {
    SCOPED_TRACE(name);
    write_archive(temp / name, format, filter,
                  {{"2016/one.csv", "title\nOne\n"}, {"two.jsonl", "{\"title\": \"Two\"}\n"}});
    const auto read = read_all(temp / name);
    ASSERT_EQ(read.size(), 2u);
    EXPECT_EQ(read[0].name, (temp / name).string() + ":2016/one.csv");
    EXPECT_EQ(read[0].format_name, "2016/one.csv");
    EXPECT_EQ(read[0].content, "title\nOne\n");
    EXPECT_EQ(read[1].content, "{\"title\": \"Two\"}\n");
  }
}

TEST(InputReader, PlainFilesAreReadAsTheyAre) {
  TempDir temp;
  testing::write_file(temp / "plain.csv", "title\nPlain\n");
  const auto read = read_all(temp / "plain.csv");
  ASSERT_EQ(read.size(), 1u);
  EXPECT_EQ(read[0].content, "title\nPlain\n");
  EXPECT_FALSE(InputReader((temp / "plain.csv").string()).is_container());
}

TEST(InputReader, AnArchiveInsideAnArchiveIsAProblemForThatMemberOnly) {
  TempDir temp;
  write_archive(temp / "inner.csv.gz", "raw", "gzip", {{"x", "title\nInner\n"}});
  write_archive(
      temp / "outer.tar", "tar", "none",
      {{"inner.csv.gz", testing::read_file(temp / "inner.csv.gz")}, {"ok.csv", "title\nOk\n"}});
  const auto read = read_all(temp / "outer.tar");
  ASSERT_EQ(read.size(), 2u);
  EXPECT_EQ(read[0].content,
            "problem: a compressed file inside an archive; morgue reads one layer of compression "
            "or archive: unpack the outer one first");
  EXPECT_EQ(read[1].content, "title\nOk\n");
}

TEST(InputReader, AMissingFileIsAnInputError) {
  try {
    InputReader input("/nonexistent/news.csv");
    FAIL() << "no error";
  } catch (const InputError& error) {
    EXPECT_STREQ(error.what(), "/nonexistent/news.csv: cannot open the file");
  }
}

TEST(InputReader, StripsCompressionSuffixesForTheFormat) {
  EXPECT_EQ(without_compression_suffix("news.jsonl.gz"), "news.jsonl");
  EXPECT_EQ(without_compression_suffix("dump.TGZ"), "dump.tar");
  EXPECT_EQ(without_compression_suffix("news.csv"), "news.csv");
  EXPECT_TRUE(has_container_extension("a.tar.zst"));
  EXPECT_FALSE(has_container_extension("a.csv"));
}

}  // namespace
}  // namespace morgue::indexer
