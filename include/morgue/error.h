// Errors morgue throws. Every message is written for the person at the terminal. Exceptions are
// plain values: copy them, keep them, read them from any thread.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace morgue {

/// The base of every exception morgue throws; catch it to report any morgue failure. Every
/// failure morgue reports is of this family; std::bad_alloc is the one standard exception meant
/// to pass through.
///
///     try {
///       morgue::Searcher searcher("archive.db");
///       ...
///     } catch (const morgue::Error& error) {
///       std::cerr << "error: " << error.what() << '\n';  // names the database and why
///     }
class Error : public std::runtime_error {
 public:
  /// `message` is what what() returns.
  using std::runtime_error::runtime_error;
};

/// One record of an input file could not be read. what() reads "FILE:RECORD: MESSAGE"
/// (RECORD is the line of a CSV or JSON Lines file where the record starts); the indexer
/// skips the record and goes on with the rest of the file.
///
///     indexer.add_file("dump.csv", morgue::Format::kAuto, [](const morgue::InputError& error) {
///       std::cerr << error.file() << " line " << error.record_number() << ": "
///                 << error.message() << '\n';
///     });
class InputError : public Error {
 public:
  /// `record_number` 0 means the error concerns the whole file, and what() is "FILE: MESSAGE".
  InputError(std::string file, std::size_t record_number, std::string message);

  /// The file as the user named it.
  const std::string& file() const { return file_; }
  /// The line (CSV, JSON Lines) on which the record starts; 0 for the whole file.
  std::size_t record_number() const { return record_number_; }
  /// The message without the "FILE:RECORD: " prefix.
  const std::string& message() const { return message_; }

 private:
  std::string file_;
  std::size_t record_number_;
  std::string message_;
};

/// The database could not be created, opened, read or written, or is locked by another
/// writer. The message names the database. After one, an Indexer's database is as of its last
/// commit; a Searcher may be used again (it reopens the database).
class DatabaseError : public Error {
 public:
  using Error::Error;  ///< `message` is what what() returns
};

/// A query or request could not be parsed or breaks a limit, or an article asked for does not
/// exist; the message says where (column, 1-based) when it can. Nothing was searched: fix the
/// request and try again.
///
///     catch (const morgue::QueryError& error) {
///       std::cerr << error.what() << '\n';  // "column 1: unbalanced quote"
///     }
class QueryError : public Error {
 public:
  using Error::Error;  ///< `message` is what what() returns
};

}  // namespace morgue
