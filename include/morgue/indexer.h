// Indexing: read archive files into a morgue database.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>

#include <morgue/article.h>
#include <morgue/error.h>

namespace morgue {

/// The layout of an input file.
enum class Format {
  kAuto,   ///< decided from the file name, then from the first bytes
  kCsv,    ///< CSV with a header row (RFC 4180)
  kJsonl,  ///< JSON Lines: one JSON object per line
  kPage,   ///< one scraped news page as text (docs/input-formats.md)
};

/// Parses "csv", "jsonl", "page" or "auto"; throws morgue::Error naming the choices otherwise.
Format parse_format(const std::string& name);

/// What an indexing call did. Counts add up across calls with operator+=.
struct IndexReport {
  std::size_t files = 0;     ///< input files read
  std::size_t articles = 0;  ///< articles written (new or replacing an earlier version)
  std::size_t replaced = 0;  ///< of those, articles that replaced an earlier version
  std::size_t comments = 0;  ///< comments written under those articles
  std::size_t skipped = 0;   ///< records that could not be read and were skipped

  IndexReport& operator+=(const IndexReport& other);
};

/// Called with each record that could not be read; indexing then goes on with the next one.
using SkipHandler = std::function<void(const InputError&)>;

/// Tuning for an Indexer.
struct IndexOptions {
  /// Documents (articles plus comments) written between commits. A crash loses at most the
  /// uncommitted batch, never a committed article; larger batches index faster but hold more
  /// in memory.
  std::size_t batch_documents = 5000;
  /// How long the constructor waits for another writer (in any process) to release the
  /// database before throwing DatabaseError; zero gives up at once, kWaitForever never does.
  std::chrono::milliseconds lock_wait{0};
  /// Called once, with a message naming the process holding the lock, when the constructor
  /// starts waiting for it (may be empty).
  std::function<void(const std::string&)> on_lock_wait{};

  /// A lock_wait that waits as long as it takes.
  static constexpr std::chrono::milliseconds kWaitForever = std::chrono::milliseconds::max();
};

/// Writes articles into the morgue database at a path, creating it if needed. Holds the
/// database's write lock until destroyed: one Indexer per database at a time, across all
/// processes. Not thread-safe: use one Indexer from one thread.
///
///     morgue::Indexer indexer("archive.db");
///     auto report = indexer.add_file("data/sample/articles.csv", morgue::Format::kAuto,
///                                    [](const morgue::InputError& e) { log(e.what()); });
///     indexer.commit();
class Indexer {
 public:
  /// Opens or creates the database, waiting up to `options.lock_wait` while another writer
  /// holds it. Throws DatabaseError when it is still locked (the message names the process
  /// holding the lock when it can be seen), is not a morgue database, or cannot be created.
  explicit Indexer(const std::filesystem::path& database, IndexOptions options = {});
  /// Commits what was added; errors are swallowed here, so call commit() to see them.
  ~Indexer();
  Indexer(const Indexer&) = delete;
  Indexer& operator=(const Indexer&) = delete;

  /// Indexes every article and comment in `path`. A record that cannot be read goes to
  /// `on_skip` (may be empty) and the rest of the file is still indexed. Throws InputError if
  /// the file cannot be opened or its format cannot be told, DatabaseError if a write fails
  /// (earlier batches stay committed).
  IndexReport add_file(const std::filesystem::path& path, Format format = Format::kAuto,
                       const SkipHandler& on_skip = {});

  /// Like add_file, reading `input`; `name` is used in messages and to tell the format.
  IndexReport add_stream(std::istream& input, const std::string& name, Format format,
                         const SkipHandler& on_skip = {});

  /// Adds one article with its comments, replacing an earlier version of it (same id, else
  /// same normalized URL, else same title, date and body) and all of that version's comments.
  /// Returns true when it replaced one. Throws DatabaseError.
  bool add_article(const Article& article);

  /// Makes everything added so far durable. Throws DatabaseError; the database then stays as
  /// of the previous commit.
  void commit();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace morgue
