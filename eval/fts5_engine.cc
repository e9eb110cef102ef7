#include <cctype>
#include <cstdint>
#include <sqlite3.h>

#include <fmt/format.h>

#include <morgue/error.h>

#include "eval/engine.h"

namespace morgue::eval {

namespace {

// One prepared statement, finalized when it goes out of scope.
class Statement {
 public:
  Statement(sqlite3* database, const char* sql) : database_(database) {
    if (sqlite3_prepare_v2(database, sql, -1, &statement_, nullptr) != SQLITE_OK) {
      throw Error(fmt::format("SQLite cannot prepare '{}': {}", sql, sqlite3_errmsg(database)));
    }
  }
  ~Statement() { sqlite3_finalize(statement_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  void bind(int index, const std::string& text) {
    sqlite3_bind_text(statement_, index, text.data(), static_cast<int>(text.size()),
                      SQLITE_TRANSIENT);
  }
  void bind(int index, std::int64_t number) { sqlite3_bind_int64(statement_, index, number); }
  // True while there is a row to read.
  bool step() {
    const int status = sqlite3_step(statement_);
    if (status != SQLITE_ROW && status != SQLITE_DONE) {
      throw Error(fmt::format("SQLite: {}", sqlite3_errmsg(database_)));
    }
    return status == SQLITE_ROW;
  }
  void reset() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
  }
  std::string column_text(int index) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement_, index));
    return text == nullptr ? std::string() : std::string(text);
  }

 private:
  sqlite3* database_;
  sqlite3_stmt* statement_ = nullptr;
};

// FTS5's unicode61 tokenizer splits on everything but letters and digits; do the same so a
// query token is a bare word FTS5 cannot read as syntax.
std::vector<std::string> fts5_tokens(const std::vector<std::string>& words) {
  std::vector<std::string> tokens;
  for (const auto& word : words) {
    std::string token;
    for (const char c : word) {
      const auto byte = static_cast<unsigned char>(c);
      if (byte >= 0x80 || std::isalnum(byte)) {
        token += c;
      } else if (!token.empty()) {
        tokens.push_back(std::move(token));
        token.clear();
      }
    }
    if (!token.empty()) {
      tokens.push_back(std::move(token));
    }
  }
  return tokens;
}

class Fts5Engine : public Engine {
 public:
  explicit Fts5Engine(bool porter) : porter_(porter) {
    if (sqlite3_open(":memory:", &database_) != SQLITE_OK) {
      throw Error("SQLite cannot open an in-memory database");
    }
    execute(porter ? "CREATE VIRTUAL TABLE documents USING fts5(id UNINDEXED, title, body, "
                     "tokenize = 'porter unicode61')"
                   : "CREATE VIRTUAL TABLE documents USING fts5(id UNINDEXED, title, body)");
  }
  ~Fts5Engine() override { sqlite3_close(database_); }
  Fts5Engine(const Fts5Engine&) = delete;
  Fts5Engine& operator=(const Fts5Engine&) = delete;

  std::string name() const override { return porter_ ? "fts5-porter" : "fts5"; }

  void index(const std::vector<Document>& documents) override {
    execute("BEGIN");
    Statement insert(database_, "INSERT INTO documents(id, title, body) VALUES (?, ?, ?)");
    for (const Document& document : documents) {
      insert.bind(1, document.id);
      insert.bind(2, document.title);
      insert.bind(3, document.text);
      insert.step();
      insert.reset();
    }
    execute("COMMIT");
  }

  std::vector<std::string> search(const std::vector<std::string>& words,
                                  std::size_t depth) override {
    std::vector<std::string> quoted;
    for (const auto& token : fts5_tokens(words)) {
      quoted.push_back('"' + token + '"');
    }
    if (quoted.empty()) {
      return {};
    }
    Statement select(database_,
                     "SELECT id FROM documents WHERE documents MATCH ? ORDER BY bm25(documents) "
                     "LIMIT ?");
    select.bind(1, fmt::format("{}", fmt::join(quoted, " OR ")));
    select.bind(2, static_cast<std::int64_t>(depth));
    std::vector<std::string> ranking;
    while (select.step()) {
      ranking.push_back(select.column_text(0));
    }
    return ranking;
  }

 private:
  void execute(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(database_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
      const std::string text = message == nullptr ? "unknown error" : message;
      sqlite3_free(message);
      throw Error(fmt::format("SQLite cannot run '{}': {}", sql, text));
    }
  }

  sqlite3* database_ = nullptr;
  bool porter_;
};

}  // namespace

std::unique_ptr<Engine> make_fts5_engine(bool porter) {
  return std::make_unique<Fts5Engine>(porter);
}

}  // namespace morgue::eval
