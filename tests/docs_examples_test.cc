// Every ```console block in docs/*.md and README.md that starts with "$ morgue-" is run against
// an index of data/sample (sample.db), and what it prints must be what the block shows. A block
// may also build and search multi.db, which lives in its own temporary folder.
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/test_support.h"

namespace morgue {
namespace {

using testing::run_command;
using testing::shell_quote;

struct Example {
  std::string file;
  std::size_t line = 0;
  std::vector<std::string> commands;
  std::string expected;  // what the last command prints
};

std::vector<Example> examples_in(const std::filesystem::path& file) {
  std::vector<Example> examples;
  std::istringstream text(testing::read_file(file));
  std::string line;
  std::size_t line_number = 0;
  Example* current = nullptr;
  bool in_block = false;
  while (std::getline(text, line)) {
    ++line_number;
    if (!in_block && line == "```console") {
      in_block = true;
      current = nullptr;
      continue;
    }
    if (in_block && line == "```") {
      in_block = false;
      continue;
    }
    if (!in_block) {
      continue;
    }
    if (line.starts_with("$ morgue-")) {
      if (current == nullptr) {
        current = &examples.emplace_back();
        current->file = file.filename().string();
        current->line = line_number;
      }
      current->commands.push_back(line.substr(2));
      current->expected.clear();
    } else if (current != nullptr) {
      current->expected += line + "\n";
    }
  }
  return examples;
}

// "morgue-query sample.db ..." with the built programs and a database of its own.
std::string runnable(const std::string& command, const std::filesystem::path& directory) {
  std::string out = command;
  const auto replace = [&out](const std::string& from, const std::string& to) {
    for (auto at = out.find(from); at != std::string::npos; at = out.find(from, at + to.size())) {
      out.replace(at, from.size(), to);
    }
  };
  replace("morgue-index ", shell_quote(MORGUE_INDEX_BIN) + " ");
  replace("morgue-query ", shell_quote(MORGUE_QUERY_BIN) + " ");
  replace(" sample.db ", " " + shell_quote((directory / "sample.db").string()) + " ");
  // A second database an example builds itself (docs/analysis.md), in the example's own folder.
  replace(" multi.db ", " " + shell_quote((directory / "multi.db").string()) + " ");
  return "cd " + shell_quote(MORGUE_SOURCE_DIR) + " && " + out;
}

// What a doc can show of an output: no carriage returns (CSV ends lines in CRLF), no trailing
// blank lines.
std::string shown(std::string text) {
  std::erase(text, '\r');
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
    text.pop_back();
  }
  return text;
}

TEST(DocsExamples, EveryConsoleExampleRunsAndPrintsWhatTheDocSays) {
  testing::TempDir temp;
  const auto indexed = run_command(runnable("morgue-index sample.db data/sample", temp.path()));
  ASSERT_EQ(indexed.exit_code, 0) << indexed.err;

  std::vector<std::filesystem::path> files{std::filesystem::path(MORGUE_SOURCE_DIR) / "README.md"};
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(MORGUE_SOURCE_DIR) / "docs")) {
    if (entry.path().extension() == ".md") {
      files.push_back(entry.path());
    }
  }
  std::size_t examples_run = 0;
  for (const auto& file : files) {
    for (const auto& example : examples_in(file)) {
      SCOPED_TRACE(example.file + ":" + std::to_string(example.line));
      // Each example gets a fresh copy of the sample index, so examples that index more
      // cannot change what later ones print.
      testing::TempDir own;
      std::filesystem::copy(temp / "sample.db", own / "sample.db");
      testing::CommandResult result;
      for (const auto& command : example.commands) {
        result = run_command(runnable(command, own.path()));
      }
      EXPECT_EQ(shown(result.out + result.err), shown(example.expected)) << example.commands.back();
      ++examples_run;
    }
  }
  EXPECT_GT(examples_run, 5u);
}

}  // namespace
}  // namespace morgue
