#include "indexer/writer_thread.h"

#include <utility>

namespace morgue::indexer {

WriterThread::WriterThread(DatabaseWriter& writer, std::size_t batch_documents)
    : writer_(writer), batch_documents_(batch_documents), thread_([this] { run(); }) {}

WriterThread::~WriterThread() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void WriterThread::submit(BuiltArticle built, std::function<void()> on_written) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return failure_ || queue_.size() < kQueuedArticles; });
  rethrow_failure();
  queue_.push_back({std::move(built), std::move(on_written)});
  lock.unlock();
  changed_.notify_all();
}

void WriterThread::drain() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return failure_ || (queue_.empty() && !writing_); });
  rethrow_failure();
}

std::size_t WriterThread::replaced() const {
  std::lock_guard lock(mutex_);
  return replaced_;
}

void WriterThread::rethrow_failure() {
  if (failure_) {
    std::rethrow_exception(failure_);
  }
}

void WriterThread::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (queue_.empty() || failure_) {
      return;  // stopping, with everything written (or nothing more to write after a failure)
    }
    auto [built, on_written] = std::move(queue_.front());
    queue_.pop_front();
    writing_ = true;
    lock.unlock();
    changed_.notify_all();  // room in the queue
    bool replaced = false;
    std::exception_ptr failure;
    try {
      replaced = writer_.write(std::move(built));
      if (on_written) {
        on_written();
      }
      if (writer_.pending_documents() >= batch_documents_) {
        writer_.commit();
      }
    } catch (...) {
      failure = std::current_exception();
    }
    // Xapian documents hold non-atomic reference counts: release this one before the caller's
    // thread can see the queue change.
    built = BuiltArticle{};
    lock.lock();
    writing_ = false;
    replaced_ += replaced ? 1 : 0;
    if (failure) {
      failure_ = failure;
      queue_.clear();
    }
    changed_.notify_all();
  }
}

}  // namespace morgue::indexer
