// Searching: run a query against a morgue database and get hits, facets and snippets. The
// example in docs/library-api.md is built and run by the test suite.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
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

/// What to search for and what to bring back: the options of morgue-query and the parameters
/// of morgue-serve's /api/search. Plain data; copy freely. Checked by Searcher::search(), which
/// throws QueryError for a value past a limit.
///
///     morgue::SearchRequest request;
///     request.query = "aleppo ceasefire";
///     request.add_filter("tag:\"John Kerry\"");
///     request.sort = morgue::SortOrder::kNewest;
///     request.facets = {"tag", "date"};
struct SearchRequest {
  std::string query{};  ///< in the query language of docs/query-language.md; "" matches everything
  /// The query's language (a code such as "en" or "ru") for stemming and stop words; empty:
  /// detected from the query, else each word's script decides (docs/analysis.md).
  std::string language{};
  /// Selected facet values, by field, as plain values ("John Kerry", not quoted): values of
  /// one field are ORed, fields are ANDed. Each facet's counts ignore the facet's own selection
  /// (multi-select faceting), so the other values stay visible with their counts. Date values
  /// are `date:` periods ("2016-09", "2016-09-12..2016-09-18"). add_filter() fills this from a
  /// FacetValue::filter. search() throws QueryError for a field that is not a facet or more
  /// than kMaxFilterValues values of one field.
  std::map<std::string, std::vector<std::string>> filters{};
  SortOrder sort = SortOrder::kRelevance;  ///< the order of hits
  std::size_t offset = 0;  ///< hits to skip (paging)
  std::size_t limit = 10;  ///< hits to return, at most kMaxLimit
  /// A cursor from SearchResult::next_cursor: continue after that page (then offset is
  /// ignored). Stable for deep paging while the database does not change.
  std::string after{};
  /// An article id or key: find articles like it (its most telling words), the article itself
  /// left out. Combined with `query` when both are given.
  std::string like{};
  /// Facets to count over all matches, by field name, in the order SearchResult::facets
  /// lists them; empty for none (faster).
  std::vector<std::string> facets = {"tag", "author", "date", "site", "language", "type", "kind"};
  std::size_t facet_values = 10;     ///< values listed per facet (the date facet lists all)
  std::size_t comments_per_hit = 3;  ///< matching comments shown under each hit

  static constexpr std::size_t kMaxLimit = 1000;        ///< largest `limit`
  static constexpr std::size_t kMaxFacetValues = 1000;  ///< largest `facet_values`
  static constexpr std::size_t kMaxFilterValues = 100;  ///< most values of one field in `filters`

  /// Adds a filter to `filters`, written as FacetValue::filter gives it (`tag:Syria`,
  /// `tag:"John Kerry"`, `date:2016-09-12..2016-09-18`) or as `FIELD=VALUE`
  /// (`author=Maria Okafor`). A value in double quotes may hold `\"` and `\\` for a quote and
  /// a backslash; any other value is taken as written. Throws QueryError when there is no
  /// FIELD before a `:` or `=`, or a quote is not closed at the end; the field itself is
  /// checked by Searcher::search().
  ///
  ///     request.add_filter(result.facets[0].values[0].filter);  // "click" a facet value
  void add_filter(std::string_view filter);
};

/// Opens a morgue database for reading. Sees what the indexer committed up to the moment of
/// each search (it reopens the database itself). Not thread-safe: one Searcher per thread;
/// several Searchers, in any processes, may read one database while one Indexer writes it.
/// Keeps the database's files open until destroyed. Neither copyable nor movable; hold it in a
/// std::unique_ptr to pass it around. Everything it returns is a plain value the caller owns.
///
///     morgue::Searcher searcher("archive.db");
///     morgue::SearchRequest request;
///     request.query = "aleppo tag:ceasefire";
///     morgue::SearchResult result = searcher.search(request);
///     for (const auto& hit : result.hits) std::cout << hit.article.title << '\n';
class Searcher {
 public:
  /// Throws DatabaseError when the path is not a readable morgue database.
  explicit Searcher(const std::filesystem::path& database);
  /// Closes the database.
  ~Searcher();
  Searcher(const Searcher&) = delete;             ///< not copyable: it owns open files
  Searcher& operator=(const Searcher&) = delete;  ///< not copyable: it owns open files

  /// Runs the request. Throws QueryError for a query that cannot be parsed or breaks a limit
  /// (docs/query-language.md), an unknown facet or filter field, or a cursor that is not one;
  /// DatabaseError when the database cannot be read (retried first when a commit of the
  /// indexer gets in the way).
  SearchResult search(const SearchRequest& request);

  /// The article with this id (as the source gave it) or key (docs/schema.md), with its whole
  /// comment thread. Throws QueryError when there is no such article, DatabaseError when the
  /// database cannot be read.
  ArticleThread article(const std::string& id_or_key);

  /// Counts of documents, articles and comments, the revision and the time of the last
  /// commit, as of now (the database is reopened first). Throws DatabaseError when the
  /// database cannot be read.
  ///
  ///     std::cout << searcher.stats().articles << " articles\n";
  DatabaseStats stats();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace morgue
