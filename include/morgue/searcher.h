// Searching: run a query against a morgue database and get hits, facets and snippets.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <morgue/result.h>

namespace morgue {

/// What to search for and what to bring back.
struct SearchRequest {
  std::string query;       ///< in the query language of docs/query-language.md
  /// The query's language (a code such as "en" or "ru") for stemming and stop words; empty:
  /// detected from the query, else each word's script decides (docs/analysis.md).
  std::string language;
  std::size_t offset = 0;  ///< hits to skip (paging)
  std::size_t limit = 10;  ///< hits to return, at most kMaxLimit
  /// Facets to count over all matches, by field name.
  std::vector<std::string> facets = {"tag", "author", "date", "site", "language", "type", "kind"};
  std::size_t facet_values = 10;     ///< values listed per facet (the date facet lists all)
  std::size_t comments_per_hit = 3;  ///< matching comments shown under each hit

  static constexpr std::size_t kMaxLimit = 1000;
};

/// Opens a morgue database for reading. Sees what the indexer committed up to the moment of
/// each search (it reopens the database itself). Not thread-safe: one Searcher per thread;
/// several Searchers, in any processes, may read one database while one Indexer writes it.
///
///     morgue::Searcher searcher("archive.db");
///     morgue::SearchResult result = searcher.search({.query = "aleppo tag:ceasefire"});
///     for (const auto& hit : result.hits) std::cout << hit.article.title << '\n';
class Searcher {
 public:
  /// Throws DatabaseError when the path is not a readable morgue database.
  explicit Searcher(const std::filesystem::path& database);
  ~Searcher();
  Searcher(const Searcher&) = delete;
  Searcher& operator=(const Searcher&) = delete;

  /// Runs the request. Throws QueryError for a query that cannot be parsed or breaks a limit,
  /// DatabaseError when the database cannot be read.
  SearchResult search(const SearchRequest& request);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace morgue
