// Reading articles and their comment threads back from the database, to show them as hits.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include <xapian.h>

#include <morgue/result.h>

#include "indexer/analyzer.h"
#include "query/snippets.h"

namespace morgue::query {

/// Builds hits and threads from a database. Holds references; not thread-safe.
class ThreadReader {
 public:
  ThreadReader(const Xapian::Database& database, const indexer::Analyzer& analyzer)
      : database_(database), analyzer_(analyzer) {}

  /// The hit for the article with key `key`: the article, whether it matched `query`, how many
  /// of its comments matched and the best `comments_per_hit` of them, with snippets. When
  /// `comments_matched` is false (no comment in the database matches `query`), the hit is the
  /// article itself and its thread is not searched again.
  Hit hit(const Xapian::Query& query, const MatchTerms& terms, const std::string& key, double score,
          std::size_t comments_per_hit, bool comments_matched = true) const;

  /// The article with key `key` and all its comments in thread order; nullopt if absent.
  std::optional<ArticleThread> thread(const std::string& key) const;

  /// The docid of the article with key `key`, or 0.
  Xapian::docid article_docid(const std::string& key) const;

 private:
  // The snippet of `text`, the text of document `docid`; `first_position` gives the position
  // of the text's first word in the index, and is asked only when the index is read.
  Snippet snippet(Xapian::docid docid, const std::string& text, const std::string& language,
                  const std::function<Xapian::termpos()>& first_position,
                  const MatchTerms& terms) const;

  const Xapian::Database& database_;
  const indexer::Analyzer& analyzer_;
};

}  // namespace morgue::query
