// Keeps comments read apart from their articles and writes them into their articles' threads,
// whichever of the two is indexed first.
#pragma once

#include <string>
#include <vector>

#include <morgue/article.h>

#include "indexer/comment_reader.h"
#include "indexer/database_writer.h"
#include "indexer/document_builder.h"

namespace morgue::indexer {

/// Comments from comments files are kept in the database's metadata (docs/schema.md) and
/// written as comment documents into the thread of every article their reference names: when
/// they arrive (rebuild()), and whenever the article is indexed again (kept_for()). Borrows the
/// writer and builder; same thread rules as the writer. Throws DatabaseError.
class CommentThreads {
 public:
  CommentThreads(DatabaseWriter& writer, const DocumentBuilder& builder);

  /// Keeps `comment`, replacing the same comment kept before: the one with the same id, or,
  /// without ids, the `occurrence`-th (0 first) comment of its file with the same article,
  /// author, text and reply fields.
  void keep(const ExternalComment& comment, int occurrence);

  /// The comments kept for any of `article`'s references (article_refs()), in the order of their
  /// files and records, with in_reply_to filled from a parent's id or text where the file gave
  /// those instead of a name.
  std::vector<Comment> kept_for(const Article& article);

  /// Whether any comment is kept (in this database or from this run): only then does
  /// kept_for() read the database.
  bool keeps_any() const { return any_kept_; }

  /// Rewrites the thread of every indexed article `ref` names, with its own comments and the
  /// kept ones. Returns false when no indexed article has that reference.
  bool rebuild(const std::string& ref);

 private:
  DatabaseWriter& writer_;
  const DocumentBuilder& builder_;
  bool any_kept_ = false;
};

}  // namespace morgue::indexer
