// What a document keeps of its article or comment, for showing hits without the source files.
#pragma once

#include <string>

#include <morgue/article.h>

namespace morgue::indexer {

/// The stored form of an article (everything but its comments) as JSON text; its comment count
/// is its own comments plus `external_comments`.
std::string stored_article(const Article& article, const std::string& key,
                           std::size_t external_comments = 0);

/// The stored form of a comment under the article with key `article_key`; `external` marks one
/// that came from a comments file rather than with the article.
std::string stored_comment(const Comment& comment, const std::string& article_key,
                           bool external = false);

/// A document's stored fields read back. Unknown or missing fields are left empty, so a
/// database written by an older morgue still reads.
struct StoredDocument {
  std::string kind;               ///< schema::kKindArticle or schema::kKindComment
  std::string article_key;        ///< the article's key (for a comment: its article's)
  Article article;                ///< an article's fields (no comments); empty for a comment
  Comment comment;                ///< a comment's fields; empty for an article
  std::size_t comment_count = 0;  ///< an article's number of comments
  bool external = false;          ///< a comment that came from a comments file
};

/// Parses what stored_article or stored_comment wrote. Throws morgue::DatabaseError if the
/// data is not morgue's.
StoredDocument parse_stored(const std::string& data);

}  // namespace morgue::indexer
