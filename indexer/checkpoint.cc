#include "indexer/checkpoint.h"

#include <algorithm>
#include <sys/stat.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <morgue/error.h>

#include "indexer/hash.h"
#include "indexer/schema.h"

namespace morgue::indexer {

using nlohmann::json;

InputCheckpoint::InputCheckpoint(const std::filesystem::path& path, std::string_view options)
    : options_(hash_hex(options)) {
  struct stat status {};
  if (path == "-" || ::stat(path.c_str(), &status) != 0 || !S_ISREG(status.st_mode)) {
    return;
  }
  std::error_code error;
  std::filesystem::path absolute = std::filesystem::weakly_canonical(path, error);
  if (error) {
    absolute = std::filesystem::absolute(path).lexically_normal();
  }
  path_ = absolute.string();
  size_ = static_cast<std::uintmax_t>(status.st_size);
  // Nanoseconds: a file rewritten within the same second must not pass for unchanged.
  modified_ns_ =
      static_cast<std::int64_t>(status.st_mtim.tv_sec) * 1'000'000'000 + status.st_mtim.tv_nsec;
  // A path can be longer than Xapian's 245-byte keys; the value repeats it in full.
  key_ = std::string(schema::kCheckpointPrefix) + hash_hex(path_);
}

std::optional<InputCheckpoint::Progress> InputCheckpoint::committed(DatabaseWriter& writer) const {
  std::string stored;
  try {
    stored = writer.database().get_metadata(key_);
  } catch (const Xapian::Error& e) {
    throw DatabaseError(fmt::format("cannot read the checkpoint of {} in database {}: {}", path_,
                                    writer.path().string(), e.get_description()));
  }
  const json entry = json::parse(stored, nullptr, false);
  try {
    if (!entry.is_object() || entry.value("path", "") != path_ ||
        entry.value("size", std::uintmax_t{0}) != size_ ||
        entry.value("modified_ns", std::int64_t{0}) != modified_ns_ ||
        entry.value("options", "") != options_) {
      return std::nullopt;
    }
    return Progress{entry.value("records", std::size_t{0}), entry.value("complete", false)};
  } catch (const json::exception&) {
    return std::nullopt;  // not as this morgue writes it: read the file from its start
  }
}

void InputCheckpoint::record(DatabaseWriter& writer, const Progress& progress) const {
  const json entry = {
      {"path", path_},
      {"size", size_},
      {"modified_ns", modified_ns_},
      {"options", options_},
      {"records", progress.records},
      {"complete", progress.complete},
  };
  try {
    writer.database().set_metadata(key_,
                                   entry.dump(-1, ' ', false, json::error_handler_t::replace));
  } catch (const Xapian::Error& e) {
    throw DatabaseError(fmt::format("cannot record the checkpoint of {} in database {}: {}", path_,
                                    writer.path().string(), e.get_description()));
  }
}

InputProgress::Start InputProgress::begin(const std::filesystem::path& path,
                                          std::string_view options, DatabaseWriter& writer,
                                          bool reindex) {
  current_.reset();
  records_read_ = records_written_ = committed_ = resumed_ = 0;
  InputCheckpoint checkpoint(path, options);
  if (!checkpoint.active()) {
    return Start::kRead;
  }
  if (const auto progress = reindex ? std::nullopt : checkpoint.committed(writer)) {
    if (progress->complete) {
      return Start::kUnchanged;
    }
    committed_ = progress->records;
  }
  current_ = std::move(checkpoint);
  return Start::kRead;
}

bool InputProgress::committed_before() {
  ++records_read_;
  if (records_read_ <= committed_) {
    ++resumed_;
    return true;
  }
  return false;
}

void InputProgress::before_commit(DatabaseWriter& writer) const {
  if (current_) {
    // While records committed before are read again, the checkpoint already says more.
    current_->record(writer, {std::max(records_written_, committed_), false});
  }
}

void InputProgress::end(DatabaseWriter& writer, bool complete) {
  if (current_ && complete) {
    current_->record(writer, {records_read_, true});
  }
  current_.reset();
}

}  // namespace morgue::indexer
