// What a search returns, as plain C++ types.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <morgue/article.h>

namespace morgue {

/// A passage of an article or comment with the matched words marked.
struct Snippet {
  std::string text;  ///< the passage; "…" marks where it cuts the text
  /// Byte ranges [begin, end) in `text` of matched words; a matched phrase is one range.
  std::vector<std::pair<std::size_t, std::size_t>> highlights;

  friend bool operator==(const Snippet&, const Snippet&) = default;
};

/// A comment that matched, shown under its article.
struct CommentHit {
  Comment comment;
  Snippet snippet;
};

/// One hit: an article, whether it matched itself or through its comments.
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
  std::string value;      ///< as the source wrote it; for the date facet a bucket's label
  std::size_t count = 0;  ///< matching documents with this value (articles + comments)
  std::size_t articles = 0;
  std::size_t comments = 0;
  /// The query-language filter that selects this value, e.g. `tag:"John Kerry"` or
  /// `date:2016-09-12..2016-09-18`; put it in SearchRequest::filters or in a query.
  std::string filter;
  bool selected = false;  ///< the request's filters select this value

  friend bool operator==(const FacetValue&, const FacetValue&) = default;
};

/// Counts of one field's values over every matching document (articles and comments).
struct Facet {
  std::string field;                ///< "tag", "author", "date", "site", ...
  std::vector<FacetValue> values;   ///< most frequent first; the date facet in time order
  std::size_t values_left_out = 0;  ///< further values not listed (beyond the limit)
  /// The date facet's bucket, chosen to fit the range of matching dates: "day" (up to 62
  /// days), "week" (up to a year), "month" (up to 20 years) or "year". Empty for other facets.
  std::string bucket;
};

/// The answer to a search.
struct SearchResult {
  std::string query;
  std::string like;  ///< the article whose likes were asked for (SearchRequest::like), or ""
  std::size_t total_documents = 0;  ///< matching articles and comments, exact
  std::size_t total_articles = 0;   ///< of those, articles
  std::size_t total_comments = 0;   ///< of those, comments
  std::size_t total_hits = 0;       ///< matching threads (an article with its comments), exact
  std::size_t offset = 0;
  std::size_t limit = 0;
  std::vector<Hit> hits;
  std::vector<Facet> facets;
  /// Pass as SearchRequest::after to get the page after this one; empty on the last page.
  std::string next_cursor;
  /// The query with unknown words replaced by close indexed words, when the query found
  /// nothing and such words exist; empty otherwise.
  std::string did_you_mean;
};

/// An article with its whole comment thread, as stored.
struct ArticleThread {
  std::string key;  ///< see docs/schema.md
  Article article;  ///< with its comments, in thread order
};

}  // namespace morgue
