// Indexing: read archive files into a morgue database. The example in docs/library-api.md is
// built and run by the test suite.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <morgue/article.h>
#include <morgue/error.h>

namespace morgue {

/// The layout of an input file.
enum class Format {
  kAuto,   ///< decided from the file name, then from the first bytes
  kCsv,    ///< CSV with a header row (RFC 4180)
  kJsonl,  ///< JSON Lines: one JSON object per line
  kPage,   ///< one scraped news page as text (docs/input-formats.md)
  kHtml,   ///< one saved HTML news page
};

/// Parses "csv", "jsonl", "page", "html" or "auto"; throws morgue::Error naming the choices
/// otherwise.
Format parse_format(const std::string& name);

/// What an indexing call did. Plain data; copy freely. Counts add up across calls with operator+=.
///
///     morgue::IndexReport total;
///     for (const auto& file : files) total += indexer.add_file(file);
struct IndexReport {
  std::size_t files = 0;     ///< input files read (each member of an archive counts)
  std::size_t articles = 0;  ///< articles written (new or replacing an earlier version)
  std::size_t replaced = 0;  ///< of those, articles that replaced an earlier version
  std::size_t comments = 0;  ///< comments written under those articles, or read from comments files
  std::size_t skipped = 0;   ///< records that could not be read and were skipped
  /// Input files not read at all: an earlier run committed every record of them, and they are
  /// unchanged since (same size and modification time, same options). IndexOptions::reindex
  /// reads them again.
  std::size_t unchanged_files = 0;
  /// Article records not written again because an earlier, interrupted run committed them
  /// (they are read, to find where to go on, but neither analysed nor written).
  std::size_t resumed_records = 0;

  /// Adds each count of `other` to this one's.
  IndexReport& operator+=(const IndexReport& other);
};

/// Called with each record that could not be read; indexing then goes on with the next one.
/// Called on the thread that called the Indexer, during that call; the InputError lives only
/// for the call (copy it to keep it). An exception it throws ends the indexing call and reaches
/// that call's caller; what was added before stays added.
using SkipHandler = std::function<void(const InputError&)>;

/// Called after each record with what the current add_file() call has done so far, on the
/// thread that called add_file(); the report lives only for the call. Keep it quick: indexing
/// waits for it.
using ProgressHandler = std::function<void(const IndexReport&)>;

/// A user's description of a layout morgue does not know (docs/input-formats.md, "Unknown
/// layouts"). Plain data; copy freely.
struct Layout {
  /// (field, source name) pairs, in the order given: {"title", "headline"} reads the CSV column
  /// or JSON key `headline` as the title, before any built-in name. Fields: id, url, title,
  /// body, authors, tags, published (or date), site, type, language.
  std::vector<std::pair<std::string, std::string>> names;
  /// strptime(3) formats ("%d/%m/%Y %H:%M"), tried in order on a date that none of the built-in
  /// forms reads. `%z` keeps the zone.
  std::vector<std::string> date_formats;

  /// Adds "FIELD=NAME" (spaces around either are dropped). Throws morgue::Error naming the
  /// fields when FIELD is not one, or when there is no '=' or no NAME.
  void add_mapping(const std::string& field_equals_name);

  /// Adds the lines of a mapping file: "FIELD = NAME" or "date-format = FORMAT"; blank lines and
  /// lines starting with '#' are skipped. Throws morgue::Error "FILE:LINE: ..." for a bad line,
  /// InputError when the file cannot be read.
  void add_file(const std::filesystem::path& file);
};

/// Tuning for an Indexer. Plain data; copy freely (the handlers are copied with it).
///
///     morgue::IndexOptions options;
///     options.layout.add_mapping("title=headline");  // a CSV whose title column is "headline"
///     options.lock_wait = std::chrono::seconds(30);
///     morgue::Indexer indexer("archive.db", options);
struct IndexOptions {
  /// Documents (articles plus comments) written between commits. A crash loses at most the
  /// uncommitted batch, never a committed article; larger batches index faster but hold more
  /// in memory.
  std::size_t batch_documents = 5000;
  /// Threads an Indexer uses while reading files: with 2 (the default) the caller's thread
  /// reads and analyses articles while a second thread writes them into Xapian and commits,
  /// which nearly halves the time on two cores; with 1 everything runs on the caller's thread.
  /// add_article() always writes on the caller's thread. Larger values act as 2.
  std::size_t threads = 2;
  /// The user's names for fields and date formats.
  Layout layout{};
  /// Read every input file, even one that an earlier run indexed completely and that is
  /// unchanged since. By default such a file is skipped (IndexReport::unchanged_files), and a
  /// file an interrupted run indexed in part goes on after its last committed record.
  bool reindex = false;
  /// Told of progress after each record; may be empty.
  ProgressHandler on_progress{};
  /// How long the constructor waits for another writer (in any process) to release the
  /// database before throwing DatabaseError; zero gives up at once, kWaitForever never does.
  std::chrono::milliseconds lock_wait{0};
  /// Called once, with a message naming the process holding the lock, when the constructor
  /// starts waiting for it (may be empty).
  std::function<void(const std::string&)> on_lock_wait{};

  /// A lock_wait that waits as long as it takes.
  static constexpr std::chrono::milliseconds kWaitForever = std::chrono::milliseconds::max();
};

/// What `morgue-index --inspect` shows for the input at `path` ("-" for standard input): for each
/// file in it (the first 3 members of an archive), the format morgue detects and why, whether it
/// reads as articles or comments, each column or key with the field it fills, and the first
/// `records` records as morgue reads them, errors included. Writes no database. Throws
/// InputError when the input cannot be opened.
std::string inspect_input(const std::string& path, Format format, const Layout& layout,
                          std::size_t records = 3);

/// Writes articles into the morgue database at a path, creating it if needed. Holds the
/// database's write lock until destroyed: one Indexer per database at a time, across all
/// processes, while any number of Searchers read it. Not thread-safe: use one Indexer from one
/// thread (it runs a writer thread of its own, see IndexOptions::threads; every method returns
/// only once that thread is idle, or throws the DatabaseError that stopped it). Neither
/// copyable nor movable; hold it in a std::unique_ptr to pass it around.
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
  /// Commits what was added and releases the lock; errors are swallowed here, so call
  /// commit() first to see them.
  ~Indexer();
  Indexer(const Indexer&) = delete;             ///< one writer per database: no copies
  Indexer& operator=(const Indexer&) = delete;  ///< one writer per database: no copies

  /// Indexes every article and comment in `path` ("-" is standard input): a CSV, JSON Lines or
  /// page file, plain, compressed (gzip, bzip2, xz, zstd) or in an archive (tar, zip), each
  /// member read as the file it is; a comments file (told by its columns) is attached to its
  /// articles. A record that cannot be read, a member that cannot (compressed twice, over a
  /// limit) and a damaged archive go to `on_skip` (may be empty), and the rest is still
  /// indexed. Throws InputError if the input cannot be opened, is compressed more than once or
  /// its format cannot be told, DatabaseError if a write fails (earlier batches stay committed).
  /// How far the file has come is committed with each batch (a checkpoint in the database): a
  /// file read completely before and unchanged since is not read again, and one an interrupted
  /// run read in part goes on after its last committed record, unless IndexOptions::reindex.
  IndexReport add_file(const std::filesystem::path& path, Format format = Format::kAuto,
                       const SkipHandler& on_skip = {});

  /// Like add_file, reading `path` as a comments file (CSV or JSON Lines) whatever its columns.
  IndexReport add_comments_file(const std::filesystem::path& path, Format format = Format::kAuto,
                                const SkipHandler& on_skip = {});

  /// Tells `on_skip`, once for each article reference, of comments read by this Indexer whose
  /// article is not indexed ("FILE:RECORD: no indexed article has ..."). They stay in the
  /// database and join their article when it is indexed. Returns how many comments wait.
  std::size_t report_waiting_comments(const SkipHandler& on_skip);

  /// Like add_file, reading `input` (which must outlive the call); `name` is used in messages
  /// and to tell the format.
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
