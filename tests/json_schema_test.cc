// Every kind of JSON morgue-query prints and morgue-serve answers is valid against
// docs/json-schema.json.
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/serve_process.h"
#include "tests/test_support.h"

namespace morgue {
namespace {

using testing::run_command;
using testing::shell_quote;

// Validates `json` (one document per line when `lines`); the result says why it is not valid.
testing::CommandResult validate(const testing::TempDir& temp, const std::string& json,
                                bool lines = false) {
  const std::string source = MORGUE_SOURCE_DIR;
  const auto input = temp / "output.json";
  std::ofstream(input) << json;
  // Debian's python3 has python3-jsonschema (.ci/install-deps); another python3 on PATH may not.
  return run_command("/usr/bin/python3 " + shell_quote(source + "/tests/validate_json.py") + " " +
                     shell_quote(source + "/docs/json-schema.json") + " " +
                     shell_quote(input.string()) + (lines ? " --lines" : ""));
}

// An index of data/sample in `temp`; its path, shell-quoted.
std::string index_sample(const testing::TempDir& temp) {
  const std::string database = shell_quote((temp / "sample.db").string());
  EXPECT_EQ(run_command(shell_quote(MORGUE_INDEX_BIN) + " " + database + " " +
                        shell_quote(testing::test_data_path("sample").string()))
                .exit_code,
            0);
  return database;
}

TEST(JsonSchema, EveryOutputOfMorgueQueryIsValid) {
  testing::TempDir temp;
  const std::string database = index_sample(temp);
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
    const auto checked = validate(temp, output.out, row.lines);
    EXPECT_EQ(checked.exit_code, 0) << checked.out << checked.err;
  }
}

TEST(JsonSchema, EveryAnswerOfMorgueServeIsValid) {
  testing::TempDir temp;
  index_sample(temp);
  testing::ServeProcess server({(temp / "sample.db").string(), "--port", "0"});
  struct Row {
    std::string request;
    int status;
  };
  const std::string end = " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n";
  const std::vector<Row> rows = {
      {"GET /api/search?q=aleppo" + end, 200},
      {"GET /api/search?q=&filter=tag:%22John%20Kerry%22&facets=date,kind" + end, 200},
      {"GET /api/articles/mg-103" + end, 200},
      {"GET /api/stats" + end, 200},
      {"GET /healthz" + end, 200},
      {"GET /api/search?q=%22aleppo" + end, 400},
      {"GET /api/search?filter=colour:red" + end, 400},
      {"GET /api/articles/no-such-id" + end, 404},
      {"GET /api/nothing" + end, 404},
      {"GET /no-such-file.html" + end, 404},
      {"POST /api/search" + end + "Content-Length: 0\r\n", 405},
      {"GET /api/search" + end + "Content-Length: 5\r\n", 413},
      {"GET /api/search" + end + "Content-Encoding: gzip\r\n", 415},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.request);
    const auto reply = testing::send_raw(server.port(), row.request + "\r\n");
    EXPECT_EQ(reply.status, row.status) << reply.body;
    const auto checked = validate(temp, reply.body);
    EXPECT_EQ(checked.exit_code, 0) << reply.body << checked.out << checked.err;
  }
}

TEST(JsonSchema, TheSchemaRejectsWhatIsNotMorguesOutput) {
  testing::TempDir temp;
  for (const std::string bad :
       {R"({"format_version": 2, "query": "x"})", R"({"status": "down"})", R"({"error": ""})",
        R"({"format_version": 1, "database": "x", "documents": -1})"}) {
    SCOPED_TRACE(bad);
    const auto checked = validate(temp, bad);
    EXPECT_EQ(checked.exit_code, 1) << checked.out << checked.err;
  }
}

}  // namespace
}  // namespace morgue
