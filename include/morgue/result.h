// What a search returns, as plain C++ types. The caller owns every value; nothing points into
// the database, so results outlive the Searcher and may be handed to other threads. Nothing
// here throws but std::bad_alloc.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <morgue/article.h>

namespace morgue {

/// A passage of an article or comment with the matched words marked.
///
///     for (auto [begin, end] : hit.snippet.highlights)
///       std::cout << hit.snippet.text.substr(begin, end - begin) << '\n';  // a matched word
struct Snippet {
  std::string text;  ///< the passage; "…" marks where it cuts the text
  /// Byte ranges [begin, end) in `text` of matched words; a matched phrase is one range.
  std::vector<std::pair<std::size_t, std::size_t>> highlights;

  /// Field by field.
  friend bool operator==(const Snippet&, const Snippet&) = default;
};

/// A comment that matched, shown under its article.
struct CommentHit {
  Comment comment;  ///< the whole comment as stored
  Snippet snippet;  ///< the part of its text that matched, words marked
};

/// One hit: an article, whether it matched itself or through its comments.
///
///     for (const morgue::Hit& hit : result.hits)
///       std::cout << hit.article.title << " (" << hit.matched_comments << " comments match)\n";
struct Hit {
  std::string key;  ///< the article's key in the database (see docs/schema.md)
  Article article;  ///< the stored article, without its comments
  /// True when the article matched; false when only comments under it did.
  bool article_matched = false;
  double score = 0;  ///< relevance: higher is better; comparable within one search only
  Snippet snippet;   ///< from the article's body (or title), empty if only comments matched
  std::size_t comment_count = 0;     ///< comments under the article
  std::size_t matched_comments = 0;  ///< comments under it that matched
  /// The best matching comments (at most SearchRequest::comments_per_hit), best first.
  std::vector<CommentHit> comments;
};

/// One value of a facet and how many matching documents have it.
struct FacetValue {
  std::string value;         ///< as the source wrote it; for the date facet a bucket's label
  std::size_t count = 0;     ///< matching documents with this value (articles + comments)
  std::size_t articles = 0;  ///< of count, articles
  std::size_t comments = 0;  ///< of count, comments
  /// The query-language filter that selects this value, e.g. `tag:"John Kerry"` or
  /// `date:2016-09-12..2016-09-18`: give it to SearchRequest::add_filter() as it is, or put it
  /// in a query.
  std::string filter;
  bool selected = false;  ///< the request's filters select this value

  /// Field by field.
  friend bool operator==(const FacetValue&, const FacetValue&) = default;
};

/// Counts of one field's values over every matching document (articles and comments).
///
///     for (const morgue::FacetValue& value : facet.values)
///       std::cout << facet.field << ": " << value.value << " (" << value.count << ")\n";
struct Facet {
  std::string field;                ///< "tag", "author", "date", "site", ...
  std::vector<FacetValue> values;   ///< most frequent first; the date facet in time order
  std::size_t values_left_out = 0;  ///< further values not listed (beyond the limit)
  /// The date facet's bucket, chosen to fit the range of matching dates: "day" (up to 62
  /// days), "week" (up to a year), "month" (up to 20 years) or "year". Empty for other facets.
  std::string bucket;
};

/// The answer to a search: one page of hits and the counts over every match. See
/// Searcher::search() for an example.
struct SearchResult {
  std::string query;  ///< SearchRequest::query as given
  std::string like;   ///< the article whose likes were asked for (SearchRequest::like), or ""
  std::size_t total_documents = 0;  ///< matching articles and comments, exact
  std::size_t total_articles = 0;   ///< of those, articles
  std::size_t total_comments = 0;   ///< of those, comments
  std::size_t total_hits = 0;       ///< matching threads (an article with its comments), exact
  std::size_t offset = 0;           ///< hits before this page (from the offset or the cursor)
  std::size_t limit = 0;            ///< SearchRequest::limit
  std::vector<Hit> hits;            ///< this page, best (or newest, oldest) first
  std::vector<Facet> facets;        ///< in the order of SearchRequest::facets
  /// Pass as SearchRequest::after to get the page after this one; empty on the last page.
  std::string next_cursor;
  /// The query with unknown words replaced by close indexed words, when the query found
  /// nothing and such words exist; empty otherwise.
  std::string did_you_mean;
};

/// An article with its whole comment thread, as stored (Searcher::article()).
///
///     const morgue::ArticleThread thread = searcher.article("mg-103");
///     for (const morgue::Comment& comment : thread.article.comments)
///       std::cout << comment.position << ' ' << comment.author << ": " << comment.text << '\n';
struct ArticleThread {
  std::string key;  ///< see docs/schema.md
  Article article;  ///< with its comments, in thread order
};

/// What a database holds, as Searcher::stats() saw it. Plain data; copy freely.
///
///     const morgue::DatabaseStats stats = searcher.stats();
///     std::cout << stats.articles << " articles, " << stats.comments << " comments\n";
struct DatabaseStats {
  std::string database;        ///< the path the Searcher was opened with
  std::size_t documents = 0;   ///< articles plus comments
  std::size_t articles = 0;    ///< article documents
  std::size_t comments = 0;    ///< comment documents
  std::uint64_t revision = 0;  ///< goes up with every commit of the indexer
  /// When the indexer last committed (the newest file in the database folder), in UTC;
  /// absent when the file system cannot tell.
  std::optional<DateTime> last_modified;
};

}  // namespace morgue
