// A second thread that owns the writing, so analysis of the next articles (on the caller's
// thread) overlaps with Xapian inverting and committing the previous ones.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

#include "indexer/database_writer.h"
#include "indexer/document_builder.h"

namespace morgue::indexer {

/// Writes built articles through a DatabaseWriter on a thread of its own, committing every
/// `batch_documents` documents as the caller would. Half of indexing time is inside Xapian's
/// add_document and commit (docs/benchmarks.md), so on two cores this nearly halves wall time.
///
/// Thread rules: submit(), drain() and the destructor are called from one thread (the caller).
/// Between a drain() and the next submit() the writer thread is idle and the caller may use the
/// DatabaseWriter directly (comment threads, commits, metadata).
class WriterThread {
 public:
  /// Starts the thread. `writer` must outlive this object.
  WriterThread(DatabaseWriter& writer, std::size_t batch_documents);
  /// Writes what is still queued (unless writing failed), then stops the thread. It does not
  /// commit: the DatabaseWriter's own destructor or commit() does.
  ~WriterThread();
  WriterThread(const WriterThread&) = delete;
  WriterThread& operator=(const WriterThread&) = delete;

  /// Queues `built` for writing, waiting while the queue is full (it holds at most
  /// kQueuedArticles, so memory stays bounded). `on_written` (may be empty) is called on the
  /// writer thread once the article is written, before a commit the article fills the batch
  /// for: the input checkpoints learn there what the commit holds. Throws the DatabaseError
  /// that stopped the writer thread, if one did; nothing is written after it.
  void submit(BuiltArticle built, std::function<void()> on_written = {});

  /// Waits until everything submitted is written (and committed where a batch filled up).
  /// Throws the DatabaseError that stopped the writer thread, if one did.
  void drain();

  /// Articles that replaced an earlier version, over everything written so far.
  std::size_t replaced() const;

  /// Built articles that may wait in the queue: enough to ride out a slow commit, few enough
  /// that a queue of long articles stays a few megabytes.
  static constexpr std::size_t kQueuedArticles = 64;

 private:
  void run();
  void rethrow_failure();

  DatabaseWriter& writer_;
  const std::size_t batch_documents_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  struct Queued {
    BuiltArticle built;
    std::function<void()> on_written;
  };
  std::deque<Queued> queue_;
  bool writing_ = false;  // the thread holds an article taken from the queue
  bool stopping_ = false;
  std::exception_ptr failure_;
  std::size_t replaced_ = 0;
  std::thread thread_;  // last: started once every member above exists
};

}  // namespace morgue::indexer
