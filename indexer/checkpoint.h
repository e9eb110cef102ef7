// How far indexing of each input file has come, kept in the database's metadata so that it
// commits atomically with the documents it describes: a run started again after a kill skips
// what is committed instead of doing it again.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "indexer/database_writer.h"

namespace morgue::indexer {

/// One input file's entry in the database (docs/schema.md, "Checkpoints"): the file as it was
/// when read (absolute path, size, modification time), the options it was read with, and how
/// many of its article records are committed. Plain data once built; not thread-safe to use
/// with one DatabaseWriter from two threads (the writer is not).
class InputCheckpoint {
 public:
  /// How far a file has come.
  struct Progress {
    /// Article records read from the start of the file (each one indexed or skipped as
    /// unreadable), counted across an archive's members in archive order.
    std::size_t records = 0;
    bool complete = false;  ///< every record of the file is committed
  };

  /// Describes the file at `path` as it is now, read with `options` (whatever changes what is
  /// read from it: format, mapping, comments or articles). Inactive for standard input ("-")
  /// and anything but a regular file, which cannot be told unchanged.
  InputCheckpoint(const std::filesystem::path& path, std::string_view options);

  /// False when the input cannot be checkpointed (standard input, a pipe).
  bool active() const { return !key_.empty(); }

  /// What the database records of this file; nullopt when nothing, or when the file's size or
  /// modification time or the options differ from when it was recorded (the file is then read
  /// again from its start). Throws DatabaseError.
  std::optional<Progress> committed(DatabaseWriter& writer) const;

  /// Records `progress` in the writer's current batch, so it commits with the batch's
  /// documents. Throws DatabaseError.
  void record(DatabaseWriter& writer, const Progress& progress) const;

 private:
  std::string key_;  // the metadata key: kCheckpointPrefix + a hash of the path
  std::string path_;
  std::uintmax_t size_ = 0;
  std::int64_t modified_ns_ = 0;
  std::string options_;
};

/// Where the indexer stands in the input it is reading, for its checkpoint: begun at the start
/// of each input file, told of each article record read and of each article written, recorded
/// before each commit and completed at the end.
///
/// Thread rules: begin(), committed_before(), records_read(), end() and abandon() are called on
/// the reading thread; written() and before_commit() on whichever thread writes and commits (a
/// writer thread). The reading thread calls begin(), end() and abandon() only while no writing
/// is under way (after draining the writer thread), which orders them with the writer's calls.
class InputProgress {
 public:
  /// Whether to read an input begun with begin().
  enum class Start { kRead, kUnchanged };

  /// Starts the input at `path`, read with `options` (see InputCheckpoint). kUnchanged when an
  /// earlier run committed all of it and it is unchanged since (unless `reindex`): skip it.
  /// Otherwise the records an earlier run committed are counted by resumed_records() as they
  /// are read again. Throws DatabaseError.
  Start begin(const std::filesystem::path& path, std::string_view options, DatabaseWriter& writer,
              bool reindex);

  /// Counts one article record read from the current input (indexed or unreadable); true when
  /// an earlier run committed it, so it is not to be written again.
  bool committed_before();

  /// Records read from the current input so far: the mark to give written() once the article
  /// read last is written.
  std::size_t records_read() const { return records_read_; }

  /// Tells that the article read as record `records_read` (a records_read() value) and every
  /// record before it are written into the current batch.
  void written(std::size_t records_read) { records_written_ = records_read; }

  /// Records the current input's progress (what written() last said) in the writer's batch;
  /// called just before each commit (DatabaseWriter::on_commit).
  void before_commit(DatabaseWriter& writer) const;

  /// Ends the current input: records it as complete when `complete` (a later run skips it).
  void end(DatabaseWriter& writer, bool complete);

  /// Ends the current input without recording anything more (it failed).
  void abandon() { current_.reset(); }

  /// Records of the current (or last) input that an earlier run had committed.
  std::size_t resumed_records() const { return resumed_; }

 private:
  std::optional<InputCheckpoint> current_;
  std::size_t records_read_ = 0;
  std::size_t records_written_ = 0;
  std::size_t committed_ = 0;  // records the database had when the input began
  std::size_t resumed_ = 0;
};

}  // namespace morgue::indexer
