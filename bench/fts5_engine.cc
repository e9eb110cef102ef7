// SQLite FTS5 as its documentation suggests for a collection with metadata: the records in an
// ordinary table, an external-content FTS5 table over title, body and tags, the multi-valued
// tags in a table of their own; counts and facets are SQL aggregates over the matches.
#include <fstream>
#include <sqlite3.h>

#include <fmt/format.h>

#include <morgue/error.h>

#include "bench/engine.h"

namespace morgue::bench {

namespace {

class Statement {
 public:
  Statement(sqlite3* db, const std::string& sql) {
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement_, nullptr) != SQLITE_OK) {
      throw Error(fmt::format("sqlite: {} in {}", sqlite3_errmsg(db), sql));
    }
  }
  ~Statement() { sqlite3_finalize(statement_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  void bind(int index, const std::string& text) {
    sqlite3_bind_text(statement_, index, text.data(), static_cast<int>(text.size()),
                      SQLITE_TRANSIENT);
  }
  void bind(int index, sqlite3_int64 number) { sqlite3_bind_int64(statement_, index, number); }
  bool step() {
    const int rc = sqlite3_step(statement_);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
      throw Error(fmt::format("sqlite: {}", sqlite3_errmsg(sqlite3_db_handle(statement_))));
    }
    return rc == SQLITE_ROW;
  }
  void reset() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
  }
  sqlite3_int64 integer(int column) { return sqlite3_column_int64(statement_, column); }
  std::string_view text(int column) {
    const auto* bytes = sqlite3_column_text(statement_, column);
    return bytes == nullptr ? std::string_view()
                            : std::string_view(reinterpret_cast<const char*>(bytes),
                                               sqlite3_column_bytes(statement_, column));
  }

 private:
  sqlite3_stmt* statement_ = nullptr;
};

void exec(sqlite3* db, const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string text = message == nullptr ? "?" : message;
    sqlite3_free(message);
    throw Error(fmt::format("sqlite: {} in {}", text, sql));
  }
}

std::string join(const std::vector<std::string>& items, char separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) {
      out += separator;
    }
    out += item;
  }
  return out;
}

// The MATCH expression over all three columns: morgue's free text also holds the tags.
std::string match_expression(const QuerySpec& spec) {
  std::vector<std::string> clauses;
  for (const auto& words : spec.clauses) {
    clauses.push_back('"' + join(words, ' ') + '"');
  }
  std::string out = "(";
  for (std::size_t i = 0; i < clauses.size(); ++i) {
    if (i > 0) {
      out += spec.any ? " OR " : " AND ";
    }
    out += clauses[i];
  }
  return out + ")";
}

class Fts5Engine : public Engine {
 public:
  ~Fts5Engine() override { sqlite3_close(db_); }
  std::string name() const override { return "fts5"; }

  void build(const Corpus& corpus, const std::filesystem::path& index) override {
    std::filesystem::remove(index);
    open(index);
    exec(db_,
         "CREATE TABLE docs(id INTEGER PRIMARY KEY, key TEXT UNIQUE, url TEXT, site TEXT, "
         "type TEXT, month TEXT, date TEXT, title TEXT, body TEXT, tags TEXT, authors TEXT);"
         "CREATE TABLE doc_tags(docid INTEGER, tag TEXT, PRIMARY KEY(docid, tag)) WITHOUT ROWID;"
         "CREATE VIRTUAL TABLE fts USING fts5(title, body, tags, content='docs', "
         "content_rowid='id');"
         "BEGIN");
    Statement doc(db_,
                  "INSERT INTO docs(key, url, site, type, month, date, title, body, tags, authors) "
                  "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    Statement text(db_, "INSERT INTO fts(rowid, title, body, tags) VALUES(?1, ?2, ?3, ?4)");
    Statement tag(db_, "INSERT OR IGNORE INTO doc_tags(docid, tag) VALUES(?1, ?2)");
    std::ifstream in(corpus.file, std::ios::binary);
    for (std::string line; std::getline(in, line);) {
      const BenchDocument record = parse_document(line);
      const std::string tags = join(record.tags, '\n');
      doc.bind(1, record.id);
      doc.bind(2, record.url);
      doc.bind(3, record.site);
      doc.bind(4, record.type);
      doc.bind(5, record.month);
      doc.bind(6, record.date);
      doc.bind(7, record.title);
      doc.bind(8, record.body);
      doc.bind(9, tags);
      doc.bind(10, join(record.authors, '\n'));
      doc.step();
      doc.reset();
      const sqlite3_int64 rowid = sqlite3_last_insert_rowid(db_);
      text.bind(1, rowid);
      text.bind(2, record.title);
      text.bind(3, record.body);
      text.bind(4, tags);
      text.step();
      text.reset();
      for (const auto& one : record.tags) {
        tag.bind(1, rowid);
        tag.bind(2, one);
        tag.step();
        tag.reset();
      }
    }
    exec(db_, "COMMIT");
  }

  void compact(const std::filesystem::path& index,
               const std::filesystem::path& compacted) override {
    std::filesystem::copy_file(index, compacted, std::filesystem::copy_options::overwrite_existing);
    open(compacted);
    exec(db_, "INSERT INTO fts(fts) VALUES('optimize'); VACUUM;");
  }

  void open(const std::filesystem::path& index) override {
    sqlite3_close(db_);
    db_ = nullptr;
    if (sqlite3_open(index.c_str(), &db_) != SQLITE_OK) {
      throw Error(fmt::format("sqlite: cannot open {}", index.string()));
    }
  }

  QueryOutcome run(const QuerySpec& spec, Mode mode) override {
    QueryOutcome outcome;
    const std::string from = from_clause(spec);
    if (mode != Mode::kCountFacets) {
      // A results page (kTop10Snippets) also shows a passage of the body with the matched words
      // marked: FTS5's snippet(), about 30 tokens; without words to match, the body's start.
      std::string snippet;
      if (mode == Mode::kTop10Snippets) {
        snippet = spec.clauses.empty() ? ", substr(d.body, 1, 200)"
                                       : ", snippet(fts, 1, '<b>', '</b>', '…', 30)";
      }
      Statement top(
          db_, fmt::format("SELECT d.title, d.url, d.date{} FROM {} ORDER BY {} LIMIT 10", snippet,
                           from, spec.clauses.empty() ? "d.date DESC" : "fts.rank"));
      bind_all(top, spec);
      while (top.step()) {
        ++outcome.hits;
        if (!snippet.empty()) {
          outcome.snippet_bytes += top.text(3).size();
        }
      }
      outcome.matches = outcome.hits;
    }
    if (mode == Mode::kTop10Count || mode == Mode::kCountFacets) {
      Statement count(db_, "SELECT count(*) FROM " + from);
      bind_all(count, spec);
      count.step();
      outcome.matches = static_cast<std::size_t>(count.integer(0));
    }
    if (mode == Mode::kCountFacets) {
      for (const char* column : {"d.site", "d.type", "d.month"}) {
        Statement facet(db_, fmt::format("SELECT {0}, count(*) AS c FROM {1} AND {0} <> '' "
                                         "GROUP BY {0} ORDER BY c DESC LIMIT 10",
                                         column, from));
        bind_all(facet, spec);
        while (facet.step()) {
          ++outcome.facet_values;
        }
      }
      Statement tags(db_, fmt::format("SELECT t.tag, count(*) AS c FROM {} JOIN doc_tags t ON "
                                      "t.docid = d.id GROUP BY t.tag ORDER BY c DESC LIMIT 10",
                                      from_tags(spec)));
      bind_all(tags, spec);
      while (tags.step()) {
        ++outcome.facet_values;
      }
    }
    return outcome;
  }

 private:
  static std::string filters(const QuerySpec& spec) {
    std::string out = " WHERE 1";
    if (!spec.clauses.empty()) {
      out += " AND fts MATCH ?1";
    }
    if (!spec.site.empty()) {
      out += " AND d.site = ?2";
    }
    if (!spec.type.empty()) {
      out += " AND d.type = ?3";
    }
    if (!spec.month.empty()) {
      out += " AND d.month = ?4";
    }
    return out;
  }
  static std::string from_clause(const QuerySpec& spec) {
    return (spec.clauses.empty() ? std::string("docs d") : "fts JOIN docs d ON d.id = fts.rowid") +
           filters(spec);
  }
  static std::string from_tags(const QuerySpec& spec) {
    // The matches first, then their tags: "FROM fts JOIN docs ... JOIN doc_tags ... WHERE".
    std::string from = spec.clauses.empty() ? "docs d" : "fts JOIN docs d ON d.id = fts.rowid";
    return "(SELECT d.id FROM " + from + filters(spec) + ") AS d";
  }
  static void bind_all(Statement& statement, const QuerySpec& spec) {
    if (!spec.clauses.empty()) {
      statement.bind(1, match_expression(spec));
    }
    if (!spec.site.empty()) {
      statement.bind(2, spec.site);
    }
    if (!spec.type.empty()) {
      statement.bind(3, spec.type);
    }
    if (!spec.month.empty()) {
      statement.bind(4, spec.month);
    }
  }

  sqlite3* db_ = nullptr;
};

}  // namespace

std::unique_ptr<Engine> make_fts5_engine() { return std::make_unique<Fts5Engine>(); }

}  // namespace morgue::bench
