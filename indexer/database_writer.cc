#include "indexer/database_writer.h"

#include <algorithm>
#include <cerrno>
#include <signal.h>
#include <string_view>
#include <thread>
#include <unistd.h>

#include <fmt/format.h>

#include <morgue/error.h>

#include "indexer/lock_holder.h"
#include "indexer/schema.h"

namespace morgue::indexer {

namespace {

// A creation killed before its rename leaves DB.creating-PID behind (docs/reliability.md).
// Remove those whose process is gone; a live one may be another process creating DB now.
// A PID reused since by an unrelated process only delays the removal.
void remove_abandoned_creations(std::filesystem::path path) {
  if (!path.has_filename()) {
    path = path.parent_path();  // "archive.db/"
  }
  const std::string prefix = path.filename().string() + ".creating-";
  const std::filesystem::path folder = path.has_parent_path() ? path.parent_path() : ".";
  std::error_code error;
  for (auto entry = std::filesystem::directory_iterator(folder, error);
       !error && entry != std::filesystem::directory_iterator(); entry.increment(error)) {
    const std::string name = entry->path().filename().string();
    const std::string_view digits =
        std::string_view(name).substr(name.starts_with(prefix) ? prefix.size() : name.size());
    if (digits.empty() || digits.size() > 9 ||
        digits.find_first_not_of("0123456789") != std::string_view::npos) {
      continue;
    }
    const pid_t pid = static_cast<pid_t>(std::stol(std::string(digits)));
    if (pid != ::getpid() && ::kill(pid, 0) == -1 && errno == ESRCH) {
      std::error_code ignored;  // another run may be removing it too
      std::filesystem::remove_all(entry->path(), ignored);
    }
  }
}

// Creating a Xapian database is not atomic: a kill in its first milliseconds can leave a
// directory no open mode accepts (ENGINEERING-NOTES.md). Build it aside, then rename.
void create_database(const std::filesystem::path& path) {
  auto temporary = path;
  temporary += fmt::format(".creating-{}", ::getpid());
  std::filesystem::remove_all(temporary);
  {
    Xapian::WritableDatabase created(temporary.string(), Xapian::DB_CREATE);
    created.set_metadata(std::string(schema::kSchemaVersionKey),
                         std::string(schema::kSchemaVersion));
    created.commit();
  }
  std::filesystem::rename(temporary, path);
}

// Thrown inside this file only, while the lock may still be waited for.
struct Locked {};

std::string locked_message(const std::filesystem::path& path) {
  const auto holder = lock_holder(path);
  if (holder) {
    return fmt::format("database {} is locked by process {}, which is writing to it", path.string(),
                       *holder);
  }
  return fmt::format("database {} is locked by another process, which is writing to it",
                     path.string());
}

Xapian::WritableDatabase open_database(const std::filesystem::path& path) {
  try {
    remove_abandoned_creations(path);
    const bool absent = !std::filesystem::exists(path) ||
                        (std::filesystem::is_directory(path) && std::filesystem::is_empty(path));
    if (absent) {
      if (path.has_parent_path()) {
        std::filesystem::create_directories(path.parent_path());
      }
      create_database(path);
    }
    Xapian::WritableDatabase database(path.string(), Xapian::DB_OPEN);
    const std::string version = database.get_metadata(std::string(schema::kSchemaVersionKey));
    if (version.empty()) {
      throw DatabaseError(fmt::format(
          "{} is not a morgue database (it has no schema version); index into a new path",
          path.string()));
    }
    if (version != schema::kSchemaVersion && version != schema::kSchemaVersionWithoutFacetIds) {
      throw DatabaseError(fmt::format(
          "{} has morgue schema version {} but this morgue writes version {}; re-index into a "
          "new path",
          path.string(), version, schema::kSchemaVersion));
    }
    return database;
  } catch (const Xapian::DatabaseLockError&) {
    throw Locked{};
  } catch (const Xapian::Error& e) {
    throw DatabaseError(
        fmt::format("cannot open database {}: {}", path.string(), e.get_description()));
  } catch (const std::filesystem::filesystem_error& e) {
    throw DatabaseError(fmt::format("cannot create database {}: {}", path.string(), e.what()));
  }
}

Xapian::WritableDatabase open_or_wait(const std::filesystem::path& path, const LockWait& wait) {
  using Clock = std::chrono::steady_clock;
  // A limit beyond a century is "for ever", and must not overflow the clock.
  const auto deadline = wait.limit > std::chrono::hours(24 * 365 * 100) ? Clock::time_point::max()
                                                                        : Clock::now() + wait.limit;
  std::chrono::milliseconds pause{50};
  bool waiting = false;
  for (;;) {
    try {
      return open_database(path);
    } catch (const Locked&) {
      const auto now = Clock::now();
      if (now >= deadline) {
        throw DatabaseError(
            waiting ? fmt::format("{}; gave up after waiting {:g} s", locked_message(path),
                                  std::chrono::duration<double>(wait.limit).count())
                    : fmt::format("{}; wait for it to finish (morgue-index --wait does)",
                                  locked_message(path)));
      }
      if (!waiting && wait.on_wait) {
        wait.on_wait(fmt::format("{}; waiting for it to finish", locked_message(path)));
      }
      waiting = true;
      std::this_thread::sleep_for(std::min<Clock::duration>(pause, deadline - now));
      pause = std::min(pause * 2, std::chrono::milliseconds{1000});
    }
  }
}

}  // namespace

DatabaseWriter::DatabaseWriter(const std::filesystem::path& path, const LockWait& lock_wait)
    : path_(path), database_(open_or_wait(path, lock_wait)) {
  try {
    // A database of the older layout stays as it is: its readers count facets from their own
    // slots, which a document with ids has too.
    if (database_.get_metadata(std::string(schema::kSchemaVersionKey)) == schema::kSchemaVersion) {
      facet_ids_.emplace(database_);
    }
  } catch (const Xapian::Error& e) {
    throw DatabaseError(
        fmt::format("cannot open database {}: {}", path.string(), e.get_description()));
  }
}

DatabaseWriter::~DatabaseWriter() {
  try {
    commit();
  } catch (const Error&) {
    // Documented: the caller who wants to hear of it calls commit() first.
  }
}

void DatabaseWriter::begin_batch() {
  if (!in_batch_) {
    // Inside a transaction Xapian does not flush on its own every 10,000 documents, so only
    // our commit() makes documents durable, and only whole articles.
    database_.begin_transaction(true);
    in_batch_ = true;
  }
}

bool DatabaseWriter::write(BuiltArticle built) {
  try {
    begin_batch();
    if (facet_ids_) {
      facet_ids_->add_ids(built.article);
      for (auto& comment : built.comments) {
        facet_ids_->add_ids(comment);
      }
    }
    const std::string thread_term = schema::term(schema::field("thread"), built.key);
    const bool replaced = database_.term_exists(thread_term);
    if (replaced) {
      // The article and every comment under it: an edited thread may have fewer comments.
      database_.delete_document(thread_term);
    }
    database_.add_document(built.article);
    for (const auto& comment : built.comments) {
      database_.add_document(comment);
    }
    pending_documents_ += 1 + built.comments.size();
    return replaced;
  } catch (const Xapian::Error& e) {
    throw DatabaseError(fmt::format("cannot write article {} to database {}: {}", built.key,
                                    path_.string(), e.get_description()));
  }
}

void DatabaseWriter::commit() {
  if (!in_batch_) {
    return;
  }
  if (on_commit_) {
    on_commit_();
  }
  try {
    in_batch_ = false;
    pending_documents_ = 0;
    database_.commit_transaction();
  } catch (const Xapian::Error& e) {
    if (facet_ids_) {
      facet_ids_->forget();  // the ids given out in the lost batch are free again
    }
    throw DatabaseError(
        fmt::format("cannot commit to database {}: {}; it stays as of its last "
                    "commit",
                    path_.string(), e.get_description()));
  }
}

}  // namespace morgue::indexer
