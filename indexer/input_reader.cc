#include "indexer/input_reader.h"

#include <algorithm>
#include <archive.h>
#include <archive_entry.h>
#include <array>
#include <fstream>
#include <iostream>
#include <optional>
#include <streambuf>
#include <vector>

#include <fmt/format.h>

#include <morgue/error.h>

#include "indexer/limits.h"

namespace morgue::indexer {

namespace {

constexpr std::size_t kChunkBytes = std::size_t{64} * 1024;

struct Suffix {
  std::string_view suffix;
  std::string_view replacement;
};
constexpr std::array kCompressionSuffixes = {
    Suffix{".gz", ""},      Suffix{".bz2", ""},      Suffix{".xz", ""},
    Suffix{".zst", ""},     Suffix{".tgz", ".tar"},  Suffix{".tbz2", ".tar"},
    Suffix{".txz", ".tar"}, Suffix{".tzst", ".tar"},
};

std::string lower_ascii(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

// What the first bytes say an input is.
enum class Container { kPlain, kCompressed, kArchive };

// A file saved as UTF-16 (Excel's "Unicode text", PowerShell's default) reads as garbage with a
// NUL every other byte; say what it is instead.
std::string utf16_problem(std::string_view head) {
  if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF")) {
    return "the file is UTF-16 (it starts with a UTF-16 byte order mark); convert it to UTF-8, "
           "e.g. with iconv -f utf-16 -t utf-8";
  }
  return {};
}

Container sniff(std::string_view head) {
  const auto starts = [&head](std::string_view magic) { return head.starts_with(magic); };
  if (starts("\x1f\x8b") || starts("BZh") ||
      starts(std::string_view("\xfd"
                              "7zXZ\0",
                              6)) ||
      starts("\x28\xb5\x2f\xfd")) {
    return Container::kCompressed;
  }
  if (starts("PK\x03\x04") || starts("PK\x05\x06") ||
      (head.size() >= 262 && head.substr(257, 5) == "ustar")) {
    return Container::kArchive;
  }
  return Container::kPlain;
}

// Serves `head` (bytes already taken from `source`), then the rest of `source`.
class ReplayBuffer : public std::streambuf {
 public:
  ReplayBuffer(std::string head, std::istream& source)
      : head_(std::move(head)), source_(source), buffer_(kChunkBytes) {
    setg(head_.data(), head_.data(), head_.data() + head_.size());
  }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) {
      return traits_type::to_int_type(*gptr());
    }
    source_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    const auto count = static_cast<std::size_t>(source_.gcount());
    if (count == 0) {
      if (source_.bad()) {
        throw std::ios_base::failure("read error");
      }
      return traits_type::eof();
    }
    setg(buffer_.data(), buffer_.data(), buffer_.data() + count);
    return traits_type::to_int_type(*gptr());
  }

 private:
  std::string head_;
  std::istream& source_;
  std::vector<char> buffer_;
};

std::string damaged(archive* reader) {
  const char* reason = archive_error_string(reader);
  return fmt::format("the archive is damaged or cut short ({})",
                     reason != nullptr ? reason : "no reason given");
}

// One archive member as a stream: each underflow is one archive_read_data call, so at most one
// chunk of the member is in memory. Enforces the member limits of indexer/limits.h.
class MemberBuffer : public std::streambuf {
 public:
  // `failed` is set when the member throws: the archive cannot be read past it.
  MemberBuffer(archive* reader, std::string name, bool& failed)
      : reader_(reader), name_(std::move(name)), buffer_(kChunkBytes), failed_(failed) {}

  std::string_view available() const {
    return std::string_view(gptr(), static_cast<std::size_t>(egptr() - gptr()));
  }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) {
      return traits_type::to_int_type(*gptr());
    }
    const la_ssize_t count = archive_read_data(reader_, buffer_.data(), buffer_.size());
    if (count < 0) {
      failed_ = true;
      throw InputError(name_, 0, damaged(reader_));
    }
    if (count == 0) {
      return traits_type::eof();
    }
    member_bytes_ += static_cast<std::uint64_t>(count);
    if (member_bytes_ > limits::kMaxMemberBytes) {
      failed_ = true;
      throw InputError(name_, 0,
                       fmt::format("larger than {} GiB once decompressed; split it into smaller "
                                   "files",
                                   limits::kMaxMemberBytes >> 30));
    }
    const auto out = static_cast<std::uint64_t>(archive_filter_bytes(reader_, 0));
    const auto in = static_cast<std::uint64_t>(archive_filter_bytes(reader_, -1));
    if (out > limits::kExpansionCheckBytes && out > in * limits::kMaxExpansionRatio) {
      failed_ = true;
      throw InputError(name_, 0,
                       fmt::format("expands more than {} times when decompressed, like a "
                                   "decompression bomb; not read further",
                                   limits::kMaxExpansionRatio));
    }
    setg(buffer_.data(), buffer_.data(), buffer_.data() + count);
    return traits_type::to_int_type(*gptr());
  }

 private:
  archive* reader_;
  std::string name_;
  std::vector<char> buffer_;
  std::uint64_t member_bytes_ = 0;
  bool& failed_;
};

struct ArchiveDeleter {
  void operator()(archive* reader) const { archive_read_free(reader); }
};

}  // namespace

struct InputReader::Impl {
  std::string path;
  std::ifstream file;
  std::istream* source = nullptr;
  std::unique_ptr<ReplayBuffer> replay;
  std::unique_ptr<std::istream> replayed;
  Container container = Container::kPlain;
  std::string head;
  std::vector<char> read_buffer;
  std::unique_ptr<archive, ArchiveDeleter> reader;
  std::unique_ptr<MemberBuffer> member_buffer;
  std::unique_ptr<std::istream> member_stream;
  InputMember member;
  bool finished = false;

  static la_ssize_t read_callback(archive* reader, void* context, const void** buffer) {
    auto* impl = static_cast<Impl*>(context);
    try {
      impl->replayed->read(impl->read_buffer.data(),
                           static_cast<std::streamsize>(impl->read_buffer.size()));
    } catch (const std::exception&) {
      archive_set_error(reader, EIO, "the file could not be read");
      return -1;
    }
    *buffer = impl->read_buffer.data();
    return impl->replayed->gcount();
  }

  void open_archive() {
    reader.reset(archive_read_new());
    archive* a = reader.get();
    archive_read_support_filter_gzip(a);
    archive_read_support_filter_bzip2(a);
    archive_read_support_filter_xz(a);
    archive_read_support_filter_zstd(a);
    archive_read_support_format_tar(a);
    archive_read_support_format_zip_streamable(a);
    archive_read_support_format_raw(a);
    read_buffer.resize(kChunkBytes);
    if (archive_read_open(a, this, nullptr, &Impl::read_callback, nullptr) != ARCHIVE_OK) {
      throw InputError(path, 0, damaged(a));
    }
  }

  // libarchive peels any number of stacked filters (a .gz.gz), which is how bombs nest;
  // ENGINEERING-NOTES.md measured 5.7 KB growing to 1 GiB. One layer is all morgue reads.
  void check_one_layer() {
    archive* a = reader.get();
    const int layers = archive_filter_count(a) - 1;  // the last filter is the file itself
    if (layers <= 1) {
      return;
    }
    std::string names;
    for (int index = layers - 1; index >= 0; --index) {
      names += names.empty() ? "" : " inside ";
      names += archive_filter_name(a, index);
    }
    throw InputError(path, 0,
                     fmt::format("compressed {} times ({}); morgue reads one layer of "
                                 "compression: decompress the outer layers first",
                                 layers, names));
  }

  InputMember* next_member() {
    archive* a = reader.get();
    archive_entry* entry = nullptr;
    for (;;) {
      const int status = archive_read_next_header(a, &entry);
      if (status == ARCHIVE_EOF) {
        finished = true;
        return nullptr;
      }
      if (status < ARCHIVE_WARN) {
        finished = true;
        throw InputError(path, 0, damaged(a));
      }
      check_one_layer();
      if (archive_entry_filetype(entry) == AE_IFREG) {
        break;
      }
    }
    const bool raw = archive_format(a) == ARCHIVE_FORMAT_RAW;
    member = InputMember{};
    if (raw) {
      member.name = path;
      member.format_name = without_compression_suffix(path);
    } else {
      const char* pathname = archive_entry_pathname(entry);
      member.format_name = pathname != nullptr ? pathname : "";
      member.name = path + ":" + member.format_name;
    }
    member_buffer = std::make_unique<MemberBuffer>(a, member.name, finished);
    member_stream = std::make_unique<std::istream>(member_buffer.get());
    member_stream->exceptions(std::ios::badbit);
    try {
      member_stream->peek();  // fills the first chunk, to look at
    } catch (const InputError&) {
      finished = true;
      throw;
    }
    const std::string_view available = member_buffer->available();
    member.head = available.substr(0, std::min(available.size(), limits::kSniffBytes));
    if (sniff(member.head) != Container::kPlain || (!raw && has_container_extension(member.name))) {
      member.problem = fmt::format(
          "{} inside {}; morgue reads one layer of compression or archive: unpack the outer one "
          "first",
          sniff(member.head) == Container::kArchive ? "an archive" : "a compressed file",
          raw ? "a compressed file" : "an archive");
      return &member;
    }
    member.problem = utf16_problem(member.head);
    if (member.problem.empty()) {
      member.stream = member_stream.get();
    }
    return &member;
  }
};

InputReader::InputReader(const std::string& path) : impl_(std::make_unique<Impl>()) {
  Impl& impl = *impl_;
  impl.path = path;
  if (path == "-") {
    impl.source = &std::cin;
  } else {
    impl.file.open(path, std::ios::binary);
    if (!impl.file) {
      throw InputError(path, 0, "cannot open the file");
    }
    impl.source = &impl.file;
  }
  impl.head.resize(limits::kSniffBytes);
  impl.source->read(impl.head.data(), static_cast<std::streamsize>(impl.head.size()));
  impl.head.resize(static_cast<std::size_t>(impl.source->gcount()));
  if (impl.source->bad()) {
    throw InputError(path, 0, "the file could not be read");
  }
  impl.container = sniff(impl.head);
  const std::string head = impl.head;
  impl.replay = std::make_unique<ReplayBuffer>(head, *impl.source);
  impl.replayed = std::make_unique<std::istream>(impl.replay.get());
  if (impl.container != Container::kPlain) {
    impl.open_archive();
  }
}

InputReader::~InputReader() = default;

bool InputReader::is_container() const { return impl_->container != Container::kPlain; }

InputMember* InputReader::next() {
  Impl& impl = *impl_;
  if (impl.finished) {
    return nullptr;
  }
  if (impl.container != Container::kPlain) {
    return impl.next_member();
  }
  impl.finished = true;
  impl.member = InputMember{};
  impl.member.name = impl.path;
  impl.member.format_name = impl.path;
  impl.member.head = impl.head;
  impl.member.problem = utf16_problem(impl.head);
  if (impl.member.problem.empty()) {
    impl.member.stream = impl.replayed.get();
  }
  return &impl.member;
}

bool has_container_extension(std::string_view name) {
  const std::string lower = lower_ascii(name);
  if (lower.ends_with(".tar") || lower.ends_with(".zip")) {
    return true;
  }
  return std::any_of(kCompressionSuffixes.begin(), kCompressionSuffixes.end(),
                     [&lower](const Suffix& suffix) { return lower.ends_with(suffix.suffix); });
}

std::string without_compression_suffix(std::string_view name) {
  const std::string lower = lower_ascii(name);
  for (const Suffix& suffix : kCompressionSuffixes) {
    if (lower.ends_with(suffix.suffix)) {
      return std::string(name.substr(0, name.size() - suffix.suffix.size())) +
             std::string(suffix.replacement);
    }
  }
  return std::string(name);
}

}  // namespace morgue::indexer
