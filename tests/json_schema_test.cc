// Every kind of JSON morgue-query prints is valid against docs/json-schema.json.
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/test_support.h"

namespace morgue {
namespace {

using testing::run_command;
using testing::shell_quote;

TEST(JsonSchema, EveryOutputOfMorgueQueryIsValid) {
  testing::TempDir temp;
  const std::string database = shell_quote((temp / "sample.db").string());
  ASSERT_EQ(run_command(shell_quote(MORGUE_INDEX_BIN) + " " + database + " " +
                        shell_quote(testing::test_data_path("sample").string()))
                .exit_code,
            0);
  const std::string source = MORGUE_SOURCE_DIR;
  // Debian's python3 has python3-jsonschema (.ci/install-deps); another python3 on PATH may not.
  const std::string validate = "/usr/bin/python3 " +
                               shell_quote(source + "/tests/validate_json.py") + " " +
                               shell_quote(source + "/docs/json-schema.json");
  struct Row {
    std::string arguments;
    bool lines;
  };
  const std::vector<Row> rows = {
      {"--json aleppo", false},
      {"--json 'author:Mikhas'", false},
      {"--json 'in:articles' --filter site=valleytimes.example --sort newest --limit 2", false},
      {"--json qouta", false},
      {"--json --like mg-008 --limit 3", false},
      {"--json 'date:2016-09' --facets date,kind", false},
      {"--jsonl 'kerry OR quota' --limit 3", true},
      {"--json --article mg-103", false},
      {"--json --article 'hash:cbed8e99bb46de6f'", false},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.arguments);
    const auto output =
        run_command(shell_quote(MORGUE_QUERY_BIN) + " " + database + " " + row.arguments);
    ASSERT_EQ(output.exit_code, 0) << output.err;
    const auto input = temp / "output.json";
    std::ofstream(input) << output.out;
    const auto checked =
        run_command(validate + " " + shell_quote(input.string()) + (row.lines ? " --lines" : ""));
    EXPECT_EQ(checked.exit_code, 0) << checked.out << checked.err;
  }
}

TEST(JsonSchema, TheSchemaRejectsWhatIsNotMorguesOutput) {
  testing::TempDir temp;
  const std::string source = MORGUE_SOURCE_DIR;
  const auto input = temp / "bad.json";
  std::ofstream(input) << R"({"format_version": 2, "query": "x"})";
  const auto checked = run_command(
      "/usr/bin/python3 " + shell_quote(source + "/tests/validate_json.py") + " " +
      shell_quote(source + "/docs/json-schema.json") + " " + shell_quote(input.string()));
  EXPECT_EQ(checked.exit_code, 1) << checked.out << checked.err;
}

}  // namespace
}  // namespace morgue
