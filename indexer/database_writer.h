// The one owner of a writable Xapian database: batches, replace-on-reindex and safe creation.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <utility>

#include <xapian.h>

#include "indexer/document_builder.h"
#include "indexer/facet_dictionary.h"

namespace morgue::indexer {

/// What a DatabaseWriter does when another writer holds the database's lock.
struct LockWait {
  /// How long to keep trying before throwing DatabaseError; zero gives up at once.
  std::chrono::milliseconds limit{0};
  /// Called once, with a message naming the holder, when waiting starts (may be empty).
  std::function<void(const std::string&)> on_wait{};
};

/// Writes built articles in batches, each batch one Xapian transaction, so a crash leaves the
/// database exactly as of its last commit. Owns the database's write lock for its lifetime.
/// Not thread-safe: one thread writes (Xapian allows one writer per database).
class DatabaseWriter {
 public:
  /// Opens the database at `path`, creating it when absent. A new database is built under a
  /// temporary name and renamed into place, so a crash never leaves a half-created one.
  /// While another writer holds the lock it polls (every 50 ms at first, then at most every
  /// second) for up to `lock_wait.limit`. Throws DatabaseError, naming the process holding the
  /// lock when it can be seen, when the database is still locked, is not morgue's, or cannot
  /// be created.
  explicit DatabaseWriter(const std::filesystem::path& path, const LockWait& lock_wait = {});
  /// Commits what was written since the last commit; errors there are lost, so call commit().
  ~DatabaseWriter();
  DatabaseWriter(const DatabaseWriter&) = delete;
  DatabaseWriter& operator=(const DatabaseWriter&) = delete;

  /// Adds the article and its comments, replacing any earlier version of the article and all
  /// of its earlier comments, with their facet ids (indexer/facet_dictionary.h) unless the
  /// database is of the layout without them. Returns true when an earlier version was replaced.
  bool write(BuiltArticle built);

  /// Makes everything written so far durable. Throws DatabaseError (the database then stays
  /// as of the previous commit).
  void commit();

  /// Calls `hook` inside every later commit() that has something to commit, just before the
  /// transaction is committed and on the committing thread, so the metadata it writes through
  /// database() commits atomically with the batch (the input checkpoints of
  /// indexer/checkpoint.h). What it throws, commit() throws.
  void on_commit(std::function<void()> hook) { on_commit_ = std::move(hook); }

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
  std::function<void()> on_commit_;
  // Empty for a database of schema::kSchemaVersionWithoutFacetIds.
  std::optional<FacetDictionary> facet_ids_;
};

}  // namespace morgue::indexer
