// The bad-input corpus: hostile and damaged files of every kind, each run through morgue-index as
// a user would. Each must give its exact message, crash nothing, and leave a database that passes
// Xapian's check. Big inputs (a 50 MB field, a gzip bomb) are generated here, never committed.
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/test_support.h"

namespace morgue {
namespace {

using testing::ArchiveMember;
using testing::run_command;
using testing::shell_quote;
using testing::TempDir;
using testing::write_archive;
using testing::write_file;

const std::string kHeader = "id,title,content\n";

struct BrokenCase {
  using Maker = std::function<void(const std::filesystem::path& directory)>;
  BrokenCase(std::string file, Maker maker, std::string err, int exit_code = 1)
      : name(std::move(file)),
        make(std::move(maker)),
        expected_err(std::move(err)),
        expected_exit(exit_code) {}

  std::string name;          // the file given to morgue-index, inside the test's directory
  Maker make;                // writes the input into the directory; data/broken/ files are copied
  std::string expected_err;  // exactly what morgue-index prints on standard error
  int expected_exit;
};

std::function<void(const std::filesystem::path&)> copy_of(const std::string& fixture) {
  return [fixture](const std::filesystem::path& directory) {
    std::filesystem::copy(testing::test_data_path("broken/" + fixture), directory / fixture);
  };
}

std::function<void(const std::filesystem::path&)> text(const std::string& name,
                                                       const std::string& content) {
  return [name, content](const std::filesystem::path& directory) {
    write_file(directory / name, content);
  };
}

// Words that do not compress to nothing, so a truncated archive is cut inside its data.
std::string varied_text(std::size_t bytes) {
  std::string out;
  std::uint32_t state = 12345;
  while (out.size() < bytes) {
    state = state * 1103515245 + 12345;
    out += static_cast<char>('a' + (state >> 16) % 26);
    if ((state >> 8) % 7 == 0) {
      out += ' ';
    }
  }
  return out;
}

std::vector<BrokenCase> cases() {
  std::vector<BrokenCase> all;
  const auto add = [&all](std::string name, BrokenCase::Maker make, std::string err,
                          int exit_code = 1) {
    all.emplace_back(std::move(name), std::move(make), std::move(err), exit_code);
  };
  add("unclosed-quote.csv", copy_of("unclosed-quote.csv"),
      "morgue-index: unclosed-quote.csv:4: quoted field opened on line 4 is never closed\n");
  add("ragged-row.csv", copy_of("ragged-row.csv"),
      "morgue-index: ragged-row.csv:3: row has 5 fields but the header has 4\n");
  add("invalid-utf8.csv", copy_of("invalid-utf8.csv"),
      "morgue-index: invalid-utf8.csv:3: invalid UTF-8 in field 'content'\n");
  add("invalid-utf8.jsonl", copy_of("invalid-utf8.jsonl"),
      "morgue-index: invalid-utf8.jsonl:2: invalid UTF-8 at byte 69 of the line (0xe9)\n");
  add("bad-date.csv", copy_of("bad-date.csv"),
      "morgue-index: bad-date.csv:3: unreadable date 'yesterday' in field 'scraped_at'\n");
  add("no-title-no-body.csv", copy_of("no-title-no-body.csv"),
      "morgue-index: no-title-no-body.csv:3: record has neither a title nor a body\n");
  add("not-an-object.jsonl", copy_of("not-an-object.jsonl"),
      "morgue-index: not-an-object.jsonl:2: expected a JSON object, found an array\n");
  add("deep-nesting.jsonl", copy_of("deep-nesting.jsonl"),
      "morgue-index: deep-nesting.jsonl:2: JSON nested deeper than 64 levels\n");
  add("invalid-json.jsonl", copy_of("invalid-json.jsonl"),
      "morgue-index: invalid-json.jsonl:2: invalid JSON: syntax error while parsing object - "
      "unexpected end of input; expected '}' (at byte 60)\n");
  add("page-no-dateline.txt", copy_of("page-no-dateline.txt"),
      "morgue-index: page-no-dateline.txt:1: expected a dateline such as '04:44 GMT +3 20 "
      "February 2017', found 'US Threatens to Suspend Engagement With Russia in Syria Over "
      "Aleppo Situation'\n");
  add("nul-bytes.csv",
      text("nul-bytes.csv", kHeader + "1,Fine,Text\n2,Bad" + std::string(1, '\0') + "title,Text\n"),
      "morgue-index: nul-bytes.csv:3: NUL byte in field 'title'; is this a binary file?\n");
  add("utf16.csv", text("utf16.csv", std::string("\xFF\xFEi\0d\0,\0t\0i\0t\0l\0e\0\n\0", 18)),
      "morgue-index: utf16.csv: the file is UTF-16 (it starts with a UTF-16 byte order mark); "
      "convert it to UTF-8, e.g. with iconv -f utf-16 -t utf-8\n");
  add("windows-line-ends.csv",
      text("windows-line-ends.csv", "id,title,content\r\n1,One,\"Two\r\nlines\"\r\n"), "", 0);
  add("empty.csv", text("empty.csv", ""), "morgue-index: empty.csv: the file is empty\n");
  add("empty.jsonl", text("empty.jsonl", ""), "", 0);
  add("field-50mb.csv",
      text("field-50mb.csv", kHeader + "1,Big,\"" + std::string(50'000'000, 'x') +
                                 "\"\n2,Small,Read after the big one\n"),
      "morgue-index: field-50mb.csv:2: record is longer than 32 MiB\n");
  add("field-20mb.jsonl",
      text("field-20mb.jsonl",
           "{\"title\": \"Big\", \"content\": \"" + std::string(20'000'000, 'x') + "\"}\n"),
      "morgue-index: field-20mb.jsonl:1: field 'content' is longer than 16 MiB\n");
  add("line-40mb.jsonl",
      text("line-40mb.jsonl",
           "{\"title\": \"" + std::string(40'000'000, 'x') + "\"}\n" + "{\"title\": \"Small\"}\n"),
      "morgue-index: line-40mb.jsonl:1: line is longer than 32 MiB\n");
  add("array-line.jsonl", text("array-line.jsonl", "[{\"title\": \"In an array\"}]\n"),
      "morgue-index: array-line.jsonl:1: expected a JSON object, found an array\n");
  add(
      "bomb.csv.gz",
      [](const std::filesystem::path& directory) {
        write_archive(directory / "bomb.csv.gz", "raw", "gzip",
                      {{"bomb.csv", kHeader + std::string(80 << 20, '\0')}});
      },
      "morgue-index: bomb.csv.gz: expands more than 250 times when decompressed, like a "
      "decompression bomb; not read further\n");
  add(
      "twice.csv.gz.gz",
      [](const std::filesystem::path& directory) {
        write_archive(directory / "once.gz", "raw", "gzip", {{"a.csv", kHeader + "1,T,B\n"}});
        write_archive(directory / "twice.csv.gz.gz", "raw", "gzip",
                      {{"once.gz", testing::read_file(directory / "once.gz")}});
      },
      "morgue-index: twice.csv.gz.gz: compressed 2 times (gzip inside gzip); morgue reads one "
      "layer of compression: decompress the outer layers first\n");
  add(
      "truncated.tar.gz",
      [](const std::filesystem::path& directory) {
        write_archive(directory / "whole.tar.gz", "tar", "gzip",
                      {{"first.csv", kHeader + "1,First,Indexed before the damage\n"},
                       {"second.csv", kHeader + "2,Second," + varied_text(400'000) + "\n"}});
        const std::string whole = testing::read_file(directory / "whole.tar.gz");
        write_file(directory / "truncated.tar.gz", whole.substr(0, whole.size() / 2));
      },
      "morgue-index: truncated.tar.gz:second.csv: the archive is damaged or cut short "
      "(truncated gzip input)\n");
  add(
      "nested.tar",
      [](const std::filesystem::path& directory) {
        write_archive(directory / "inner.zip", "zip", "none", {{"a.csv", kHeader + "1,T,B\n"}});
        write_archive(directory / "nested.tar", "tar", "none",
                      {{"inner.zip", testing::read_file(directory / "inner.zip")},
                       {"ok.csv", kHeader + "2,Fine,Read\n"}});
      },
      "morgue-index: nested.tar:inner.zip: an archive inside an archive; morgue reads one layer "
      "of compression or archive: unpack the outer one first\n");
  add("unknown.bin", text("unknown.bin", "\x01\x02\x03 binary"),
      "morgue-index: unknown.bin: cannot tell the format from the name or content; name it "
      "with --format csv, jsonl, page or html\n");
  add("orphan-comments.csv",
      text("orphan-comments.csv",
           "article_url,author,text\nhttps://news.example/none,ann,Where is the article?\n"),
      "morgue-index: orphan-comments.csv:2: no indexed article has url "
      "'https://news.example/none'; 1 comment is kept until it is indexed\n");
  add("comment-without-text.csv",
      text("comment-without-text.csv", "article_id,author,text\n17,ann,\n"),
      "morgue-index: comment-without-text.csv:2: comment has no text\n");
  return all;
}

TEST(BrokenInputs, EachGivesItsMessageAndLeavesASoundDatabase) {
  const auto all = cases();
  ASSERT_GE(all.size(), 20u);
  for (const BrokenCase& row : all) {
    SCOPED_TRACE(row.name);
    TempDir temp;
    std::filesystem::create_directory(temp / "in");
    row.make(temp / "in");
    const auto result =
        run_command("cd " + shell_quote((temp / "in").string()) + " && " +
                    shell_quote(MORGUE_INDEX_BIN) + " -q ../db " + shell_quote(row.name));
    EXPECT_EQ(result.err, row.expected_err);
    EXPECT_EQ(result.exit_code, row.expected_exit);
    EXPECT_EQ(testing::check_database(temp / "db"), "");
  }
}

}  // namespace
}  // namespace morgue
