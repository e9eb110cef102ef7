// Opens one input — a file or standard input, plain, compressed or an archive — and hands out
// the files inside it one at a time as streams.
#pragma once

#include <istream>
#include <memory>
#include <string>
#include <string_view>

namespace morgue::indexer {

/// One file inside an input: the input itself when plain, its decompressed content when it is
/// compressed, or one member of an archive.
struct InputMember {
  /// How messages name it: "news.csv", "news.jsonl.gz", "dump.tar.gz:2016/a.csv", "-".
  std::string name;
  /// The name to tell the format by: "news.jsonl" for "news.jsonl.gz", the member's own name
  /// inside an archive.
  std::string format_name;
  /// Up to limits::kSniffBytes first bytes of the content (not consumed from `stream`).
  std::string_view head;
  /// The content. Throws InputError (naming the member) from reads when the archive turns out
  /// damaged or a limit of indexer/limits.h is passed; its exceptions() include badbit so the
  /// error reaches the caller unchanged.
  std::istream* stream = nullptr;
  /// Set instead of `stream` when the member cannot be read at all (compressed twice, an
  /// archive inside an archive, UTF-16 text): what to tell the user.
  std::string problem;
};

/// Reads the input at `path` ("-" is standard input). Compression (gzip, bzip2, xz, zstd) and
/// archives (tar, plain or compressed, and zip) are told by their first bytes and read through
/// libarchive, streaming: a member is never held in memory whole. One layer of compression at
/// most: a compressed file inside a compressed file, or a compressed member of an archive, is
/// refused. Not thread-safe; borrows nothing.
///     InputReader input("dump.tar.gz");
///     while (InputMember* member = input.next()) { read(*member->stream); }
class InputReader {
 public:
  /// Opens the input. Throws InputError(path, 0, ...) when it cannot be opened, or when it is
  /// compressed more than once or is an unreadable archive.
  explicit InputReader(const std::string& path);
  ~InputReader();
  InputReader(const InputReader&) = delete;
  InputReader& operator=(const InputReader&) = delete;

  /// The next file inside the input, or nullptr after the last. The member returned before is
  /// invalid from this call on. Throws InputError naming the input when the archive is damaged;
  /// after that, returns nullptr.
  InputMember* next();

  /// True when the input is a compressed file or an archive (its members are named
  /// "input:member" in messages).
  bool is_container() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// True when `name` ends like a compressed file or archive morgue can open (".gz", ".tar",
/// ".tgz", ".zip", ...), ignoring case.
bool has_container_extension(std::string_view name);

/// `name` without its compression suffix: "news.jsonl.gz" gives "news.jsonl", "a.tgz" "a.tar".
std::string without_compression_suffix(std::string_view name);

}  // namespace morgue::indexer
