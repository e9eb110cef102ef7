// morgue-serve as a client sees it: started on a free port over an index of data/sample, asked
// over real sockets. Also runs every `$ curl` example of docs/http-api.md.
#include <atomic>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/serve_process.h"
#include "tests/test_support.h"

namespace morgue {
namespace {

using testing::run_command;
using testing::shell_quote;

using Server = testing::ServeProcess;
using Reply = testing::HttpReply;
using testing::connect_to;
using testing::http_get;
using testing::send_raw;

class HttpServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    temp_ = new testing::TempDir;
    const auto indexed =
        run_command(shell_quote(MORGUE_INDEX_BIN) + " " + shell_quote(database().string()) + " " +
                    shell_quote(testing::test_data_path("sample").string()));
    ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
    std::filesystem::create_directories(*temp_ / "web" / "css");
    std::ofstream(*temp_ / "web" / "index.html") << "<!doctype html><title>morgue</title>\n";
    std::ofstream(*temp_ / "web" / "css" / "site.css") << "body { margin: 0 }\n";
    std::ofstream(*temp_ / "secret.txt") << "not for the web\n";
    std::filesystem::create_symlink(*temp_ / "secret.txt", *temp_ / "web" / "leak.txt");
    server_ = new Server({database().string(), "--port", "0", "--web", (*temp_ / "web").string(),
                          "--threads", "2", "--timeout", "2"});
  }
  static void TearDownTestSuite() {
    delete server_;
    delete temp_;
  }
  static std::filesystem::path database() { return *temp_ / "sample.db"; }
  static int port() { return server_->port(); }

  static testing::TempDir* temp_;
  static Server* server_;
};

testing::TempDir* HttpServerTest::temp_ = nullptr;
Server* HttpServerTest::server_ = nullptr;

std::string query_json(const std::string& arguments) {
  return run_command(shell_quote(MORGUE_QUERY_BIN) + " " + arguments + " --json").out;
}

TEST_F(HttpServerTest, SearchAnswersExactlyWhatTheCliPrints) {
  const std::string db = shell_quote(database().string());
  struct Row {
    std::string target;
    std::string cli;
  };
  const std::vector<Row> rows = {
      {"/api/search?q=aleppo+ceasefire", db + " 'aleppo ceasefire'"},
      {"/api/search?q=aleppo&filter=tag:Syria&sort=newest&limit=2&offset=1",
       db + " aleppo --filter tag=Syria --sort newest --limit 2 --offset 1"},
      {"/api/search?q=&site=awm.com&facets=author,date&facet_values=3&comments=1",
       db + " '' --filter site=awm.com --facets author,date --facet-values 3 --comments 1"},
      {"/api/search?q=%22flood%20defences%22%20OR%20sandbags",
       db + " '\"flood defences\" OR sandbags'"},
      // A facet value's filter as the JSON gives it, multi-word values quoted.
      {"/api/search?q=&filter=tag:%22John%20Kerry%22&filter=author:%22Maria%20Okafor%22",
       db + " '' --filter 'tag:\"John Kerry\"' --filter 'author:\"Maria Okafor\"'"},
      {"/api/search?q=kerry&tag=%22John%20Kerry%22&facets=tag",
       db + " kerry --filter 'tag=John Kerry' --facets tag"},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.target);
    const Reply reply = http_get(port(), row.target);
    EXPECT_EQ(reply.status, 200) << reply.body;
    EXPECT_NE(reply.headers.find("Content-Type: application/json; charset=utf-8"),
              std::string::npos);
    EXPECT_EQ(reply.body, query_json(row.cli));
  }
}

std::string percent_encoded(const std::string& text) {
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      constexpr std::string_view kHex = "0123456789ABCDEF";
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// Issue 6: /api/search refused the filter a facet value carries when it was quoted
// (tag:"John Kerry"). Every value of every facet, its filter sent back as is, selects exactly the
// documents the value counts and is shown selected.
TEST_F(HttpServerTest, Issue6EveryFacetFilterTheJsonGivesRoundTrips) {
  const std::string all = "/api/search?q=&limit=0&facet_values=1000";
  const auto everything = nlohmann::json::parse(http_get(port(), all).body);
  std::size_t checked = 0;
  std::size_t quoted = 0;
  for (const auto& [field, facet] : everything["facets"].items()) {
    for (const auto& value : facet["values"]) {
      const std::string filter = value["filter"];
      SCOPED_TRACE(filter);
      const Reply reply = http_get(port(), all + "&filter=" + percent_encoded(filter));
      ASSERT_EQ(reply.status, 200) << reply.body;
      const auto result = nlohmann::json::parse(reply.body);
      EXPECT_EQ(result["total"]["documents"], value["count"]);
      bool selected = false;
      for (const auto& shown : result["facets"][field]["values"]) {
        selected = selected || (shown["value"] == value["value"] && shown["selected"] == true);
      }
      EXPECT_TRUE(selected);
      ++checked;
      quoted += filter.find('"') != std::string::npos ? 1 : 0;
    }
  }
  EXPECT_GT(checked, 50u);
  EXPECT_GT(quoted, 5u);  // John Kerry, local government, Maria Okafor, ...
}

TEST_F(HttpServerTest, ArticleComesWithItsThreadAsTheCliPrintsIt) {
  const Reply reply = http_get(port(), "/api/articles/mg-001");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body, query_json(shell_quote(database().string()) + " --article mg-001"));
}

TEST_F(HttpServerTest, StatsCountTheDatabase) {
  const Reply reply = http_get(port(), "/api/stats");
  ASSERT_EQ(reply.status, 200);
  const auto stats = nlohmann::json::parse(reply.body);
  EXPECT_EQ(stats["database"], database().string());
  EXPECT_EQ(stats["documents"].get<int>(),
            stats["articles"].get<int>() + stats["comments"].get<int>());
  EXPECT_GT(stats["articles"].get<int>(), 0);
  EXPECT_TRUE(stats["last_modified"].is_string());
  EXPECT_EQ(http_get(port(), "/healthz").status, 200);
}

TEST_F(HttpServerTest, BadRequestsAreJsonErrorsWithA4xxStatus) {
  struct Row {
    std::string request;
    int status;
    std::string error;
  };
  const std::string end = " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n";
  const std::vector<Row> rows = {
      {"GET /api/search?q=%22aleppo" + end + "\r\n", 400, "column 1: unbalanced quote"},
      {"GET /api/search?limit=5000" + end + "\r\n", 400,
       "a page holds at most 1000 hits; 5000 were asked for"},
      {"GET /api/search?limit=ten" + end + "\r\n", 400, "limit must be a whole number; got 'ten'"},
      {"GET /api/search?sort=best" + end + "\r\n", 400,
       "unknown sort order 'best'; choose relevance, newest or oldest"},
      {"GET /api/search?q=a&q=b" + end + "\r\n", 400, "parameter q is given more than once"},
      {"GET /api/search?filter=Syria" + end + "\r\n", 400,
       "write a filter as FIELD:VALUE or FIELD=VALUE, e.g. tag:Syria or tag:\"John Kerry\"; got "
       "'Syria'"},
      {"GET /api/search?filter=tag:%22John" + end + "\r\n", 400,
       "the filter 'tag:\"John' opens a quote and never closes it"},
      {"GET /api/search?ta:g=x" + end + "\r\n", 400, "unknown parameter 'ta:g'"},
      {"GET /api/articles/no-such-id" + end + "\r\n", 404,
       "no article with id or key 'no-such-id'"},
      {"GET /api/nothing" + end + "\r\n", 404,
       "no such endpoint: /api/nothing; try /api/search, /api/articles/ID, /api/stats or "
       "/healthz"},
      {"POST /api/search" + end + "Content-Length: 0\r\n\r\n", 405,
       "morgue-serve is read-only: use GET, not POST"},
      {"GET /api/search" + end + "Content-Encoding: gzip\r\n\r\n", 415,
       "requests with a Content-Encoding are refused"},
      {"GET /api/search" + end + "Content-Length: 5\r\n\r\nhello", 413,
       "a GET request carries no body"},
      {"GET /api/search" + end + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 413,
       "a GET request carries no body"},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.request);
    const Reply reply = send_raw(port(), row.request);
    EXPECT_EQ(reply.status, row.status);
    EXPECT_EQ(reply.body, nlohmann::json({{"error", row.error}}).dump() + "\n");
  }
}

TEST_F(HttpServerTest, ServesTheWebFolderAndNothingOutsideIt) {
  const Reply index = http_get(port(), "/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.body, "<!doctype html><title>morgue</title>\n");
  EXPECT_NE(index.headers.find("Content-Type: text/html; charset=utf-8"), std::string::npos);
  const Reply css = http_get(port(), "/css/site.css");
  EXPECT_EQ(css.status, 200);
  EXPECT_NE(css.headers.find("Content-Type: text/css; charset=utf-8"), std::string::npos);
  for (const std::string target :
       {"/../secret.txt", "/%2e%2e/secret.txt", "/css/../../secret.txt", "/leak.txt", "/.hidden",
        "/missing.html", "/css/..%2f..%2fsecret.txt"}) {
    SCOPED_TRACE(target);
    const Reply reply = http_get(port(), target);
    EXPECT_EQ(reply.status, 404);
    EXPECT_EQ(reply.body.find("not for the web"), std::string::npos);
  }
}

TEST_F(HttpServerTest, SeesWhatTheIndexerCommitsWithoutARestart) {
  testing::TempDir own;
  std::filesystem::copy(database(), own / "sample.db");
  Server server({(own / "sample.db").string(), "--port", "0"});
  const std::string target = "/api/search?q=zanzibarite&facets=";
  EXPECT_EQ(nlohmann::json::parse(http_get(server.port(), target).body)["total"]["hits"], 0);
  std::ofstream(own / "new.jsonl")
      << R"({"id": "new-1", "title": "Zanzibarite found", "body": "A zanzibarite mine."})"
      << "\n";
  const auto indexed =
      run_command(shell_quote(MORGUE_INDEX_BIN) + " " + shell_quote((own / "sample.db").string()) +
                  " " + shell_quote((own / "new.jsonl").string()));
  ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
  EXPECT_EQ(nlohmann::json::parse(http_get(server.port(), target).body)["total"]["hits"], 1);
}

// 20 clients that send their headers one byte at a time hold no thread: a normal request is
// still answered (the socket's 5 s receive timeout is the deadline), and the slow connections
// are cut off once their headers are overdue (--timeout 2).
TEST_F(HttpServerTest, TwentySlowClientsCannotLockOthersOut) {
  std::vector<int> slow;
  for (int client = 0; client < 20; ++client) {
    slow.push_back(connect_to(port(), 10));
  }
  std::atomic<bool> stop = false;
  std::atomic<int> cut_off = 0;
  std::thread trickle([&] {
    const std::string header = "GET /api/search?q=aleppo HTTP/1.1\r\nX-Slow: ";
    for (std::size_t at = 0; !stop && cut_off < 20; ++at) {
      for (int& socket : slow) {
        if (socket >= 0) {
          const char byte = at < header.size() ? header[at] : 'x';
          if (::send(socket, &byte, 1, MSG_NOSIGNAL) != 1) {
            ::close(socket);
            socket = -1;
            ++cut_off;
          }
        }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  const Reply reply = http_get(port(), "/api/search?q=aleppo&facets=");
  EXPECT_EQ(reply.status, 200);
  // Within --timeout (2 s) plus the reaper's round, every slow client has been cut off.
  for (int wait = 0; wait < 100 && cut_off < 20; ++wait) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  stop = true;
  trickle.join();
  EXPECT_EQ(cut_off, 20);
  for (int socket : slow) {
    if (socket >= 0) {
      ::close(socket);
    }
  }
}

TEST_F(HttpServerTest, AnIdleConnectionIsClosed) {
  const int socket = connect_to(port(), 10);
  char byte = 0;
  EXPECT_EQ(::recv(socket, &byte, 1, 0), 0);  // closed by the server, not our 10 s timeout
  ::close(socket);
}

// Every ```console block of docs/http-api.md whose commands start with "$ curl" is run against
// this server (the docs' http://127.0.0.1:8080 replaced by its address), and prints what the
// block shows.
TEST_F(HttpServerTest, DocumentedCurlExamplesPrintWhatTheDocSays) {
  const auto doc = std::filesystem::path(MORGUE_SOURCE_DIR) / "docs" / "http-api.md";
  std::istringstream text(testing::read_file(doc));
  std::string line;
  bool in_block = false;
  std::string command;
  std::string expected;
  std::size_t examples = 0;
  const auto check = [&] {
    if (command.empty()) {
      return;
    }
    std::string runnable = command;
    const std::string documented = "http://127.0.0.1:8080";
    for (auto at = runnable.find(documented); at != std::string::npos;
         at = runnable.find(documented)) {
      runnable.replace(at, documented.size(), server_->url());
    }
    const auto result = run_command(runnable);
    EXPECT_EQ(result.out, expected) << command;
    ++examples;
    command.clear();
    expected.clear();
  };
  while (std::getline(text, line)) {
    if (!in_block && line == "```console") {
      in_block = true;
    } else if (in_block && line == "```") {
      check();
      in_block = false;
    } else if (in_block && line.starts_with("$ curl ")) {
      check();
      command = line.substr(2);
    } else if (in_block && !command.empty()) {
      expected += line + "\n";
    }
  }
  EXPECT_GE(examples, 5u);
}

}  // namespace
}  // namespace morgue
