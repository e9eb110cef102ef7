// Errors morgue throws. Every message is written for the person at the terminal.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace morgue {

/// The base of every exception morgue throws; catch it to report any morgue failure.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// One record of an input file could not be read. what() reads "FILE:RECORD: MESSAGE"
/// (RECORD is the line of a CSV or JSON Lines file where the record starts); the indexer
/// skips the record and goes on with the rest of the file.
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

/// The database could not be created, opened, read or written. The message names the database.
class DatabaseError : public Error {
 public:
  using Error::Error;
};

/// A query could not be parsed or breaks a limit; the message says where (column, 1-based).
class QueryError : public Error {
 public:
  using Error::Error;
};

}  // namespace morgue
