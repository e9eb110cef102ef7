// The search engines the evaluation compares: morgue through its library API, and two peers
// with their stock settings (Xapian's TermGenerator/QueryParser/BM25Weight, SQLite FTS5 bm25()),
// each also with its own English stemmer, since morgue stems.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "eval/collection.h"

namespace morgue::eval {

/// One engine under evaluation. Not thread-safe.
class Engine {
 public:
  virtual ~Engine() = default;
  /// The engine's name in reports: "morgue", "xapian", "xapian-stem", "fts5" or "fts5-porter".
  virtual std::string name() const = 0;
  /// Indexes every document (call once).
  virtual void index(const std::vector<Document>& documents) = 0;
  /// Ranked retrieval with OR semantics over `words` (from query_words): the ids of at most
  /// `depth` documents, best first.
  virtual std::vector<std::string> search(const std::vector<std::string>& words,
                                          std::size_t depth) = 0;
};

/// morgue: morgue::Indexer::add_article per document into a database created at `database`,
/// morgue::Searcher with the words joined by " OR ". Throws morgue::Error.
std::unique_ptr<Engine> make_morgue_engine(const std::filesystem::path& database);

/// Stock Xapian: TermGenerator over title then body, QueryParser (default OR) over the words
/// joined by spaces, BM25Weight with its defaults; a glass database at `database`. With
/// `english_stems`, both TermGenerator and QueryParser use Xapian::Stem("english") and the
/// QueryParser's default STEM_SOME (each query word searched as its Z-prefixed stem), as an
/// Omega-style English site would set them up.
std::unique_ptr<Engine> make_xapian_engine(const std::filesystem::path& database,
                                           bool english_stems);

/// SQLite FTS5 in memory: columns title and body, the words' tokens quoted and joined by OR,
/// ordered by bm25(). The tokenizer is unicode61, or with `porter` FTS5's Porter stemmer over it.
std::unique_ptr<Engine> make_fts5_engine(bool porter);

/// The engine called `name` ("morgue", "xapian", "xapian-stem", "fts5", "fts5-porter"), its
/// database (if any) under `folder`. Throws morgue::Error for another name.
std::unique_ptr<Engine> make_engine(const std::string& name, const std::filesystem::path& folder);

}  // namespace morgue::eval
