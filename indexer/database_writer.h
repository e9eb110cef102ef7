// The one owner of a writable Xapian database: batches, replace-on-reindex and safe creation.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

#include <xapian.h>

#include "indexer/document_builder.h"

namespace morgue::indexer {

/// Writes built articles in batches, each batch one Xapian transaction, so a crash leaves the
/// database exactly as of its last commit. Owns the database's write lock for its lifetime.
/// Not thread-safe: one thread writes (Xapian allows one writer per database).
class DatabaseWriter {
 public:
  /// Opens the database at `path`, creating it when absent. A new database is built under a
  /// temporary name and renamed into place, so a crash never leaves a half-created one.
  /// Throws DatabaseError when the database is locked by another writer, is not morgue's,
  /// or cannot be created.
  explicit DatabaseWriter(const std::filesystem::path& path);
  /// Commits what was written since the last commit; errors there are lost, so call commit().
  ~DatabaseWriter();
  DatabaseWriter(const DatabaseWriter&) = delete;
  DatabaseWriter& operator=(const DatabaseWriter&) = delete;

  /// Adds the article and its comments, replacing any earlier version of the article and all
  /// of its earlier comments. Returns true when an earlier version was replaced.
  bool write(const BuiltArticle& built);

  /// Makes everything written so far durable. Throws DatabaseError (the database then stays
  /// as of the previous commit).
  void commit();

  /// Documents written since the last commit.
  std::size_t pending_documents() const { return pending_documents_; }

  /// The database inside the current batch, for the lookups and metadata writes of
  /// indexer/comment_threads.h (they commit with the batch). Same thread rules as the writer.
  Xapian::WritableDatabase& database() {
    begin_batch();
    return database_;
  }

  /// The database's path, for messages.
  const std::filesystem::path& path() const { return path_; }

 private:
  void begin_batch();

  std::filesystem::path path_;
  Xapian::WritableDatabase database_;
  bool in_batch_ = false;
  std::size_t pending_documents_ = 0;
};

}  // namespace morgue::indexer
