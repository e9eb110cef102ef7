// Searching: run a query against a morgue database and get hits, facets and snippets.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <morgue/result.h>

namespace morgue {

/// The order of hits.
enum class SortOrder {
  kRelevance,  ///< best first (a query of filters only: newest first)
  kNewest,     ///< by publication date, newest first; undated last
  kOldest,     ///< by publication date, oldest first; undated last
};

/// Parses "relevance", "newest" or "oldest"; throws QueryError naming the choices otherwise.
SortOrder parse_sort_order(const std::string& name);

/// What to search for and what to bring back.
struct SearchRequest {
  std::string query;  ///< in the query language of docs/query-language.md; "" matches everything
  /// Selected facet values, by field: values of one field are ORed, fields are ANDed. Each
  /// facet's counts ignore the facet's own selection (multi-select faceting), so the other
  /// values stay visible with their counts. Date values are `date:` periods ("2016-09",
  /// "2016-09-12..2016-09-18").
  std::map<std::string, std::vector<std::string>> filters;
  SortOrder sort = SortOrder::kRelevance;
  std::size_t offset = 0;  ///< hits to skip (paging)
  std::size_t limit = 10;  ///< hits to return, at most kMaxLimit
  /// A cursor from SearchResult::next_cursor: continue after that page (then offset is
  /// ignored). Stable for deep paging while the database does not change.
  std::string after;
  /// An article id or key: find articles like it (its most telling words), the article itself
  /// left out. Combined with `query` when both are given.
  std::string like;
  /// Facets to count over all matches, by field name.
  std::vector<std::string> facets = {"tag", "author", "date", "site", "language", "type", "kind"};
  std::size_t facet_values = 10;     ///< values listed per facet (the date facet lists all)
  std::size_t comments_per_hit = 3;  ///< matching comments shown under each hit

  static constexpr std::size_t kMaxLimit = 1000;
  static constexpr std::size_t kMaxFacetValues = 1000;
  static constexpr std::size_t kMaxFilterValues = 100;
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

  /// The article with this id (as the source gave it) or key (docs/schema.md), with its whole
  /// comment thread. Throws QueryError when there is no such article, DatabaseError when the
  /// database cannot be read.
  ArticleThread article(const std::string& id_or_key);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace morgue
