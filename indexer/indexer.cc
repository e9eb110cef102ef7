#include <map>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include <morgue/indexer.h>

#include "indexer/analyzer.h"
#include "indexer/article_key.h"
#include "indexer/checkpoint.h"
#include "indexer/comment_reader.h"
#include "indexer/comment_threads.h"
#include "indexer/database_writer.h"
#include "indexer/document_builder.h"
#include "indexer/hash.h"
#include "indexer/input_reader.h"
#include "indexer/layout.h"
#include "indexer/reader_factory.h"
#include "indexer/writer_thread.h"

namespace morgue {

Format parse_format(const std::string& name) {
  if (name == "auto") {
    return Format::kAuto;
  }
  if (name == "csv") {
    return Format::kCsv;
  }
  if (name == "jsonl") {
    return Format::kJsonl;
  }
  if (name == "page") {
    return Format::kPage;
  }
  if (name == "html") {
    return Format::kHtml;
  }
  throw Error(fmt::format("unknown format '{}'; choose auto, csv, jsonl, page or html", name));
}

IndexReport& IndexReport::operator+=(const IndexReport& other) {
  files += other.files;
  articles += other.articles;
  replaced += other.replaced;
  comments += other.comments;
  skipped += other.skipped;
  unchanged_files += other.unchanged_files;
  resumed_records += other.resumed_records;
  return *this;
}

namespace {

// Which kind of records an input holds.
enum class Content { kDetect, kComments };

// What in the options changes what is read from a file, for its checkpoint.
std::string layout_fingerprint(const IndexOptions& options) {
  std::string out;
  for (const auto& [field, name] : options.layout.names) {
    out += fmt::format("{}={}\n", field, name);
  }
  for (const auto& format : options.layout.date_formats) {
    out += fmt::format("date-format={}\n", format);
  }
  return out;
}

void skip(IndexReport& report, const SkipHandler& on_skip, const InputError& error) {
  ++report.skipped;
  if (on_skip) {
    on_skip(error);
  }
}

}  // namespace

struct Indexer::Impl {
  explicit Impl(const std::filesystem::path& database, IndexOptions index_options)
      : options(std::move(index_options)),
        writer(database,
               indexer::LockWait{.limit = options.lock_wait, .on_wait = options.on_lock_wait}),
        builder(analyzer),
        mapping(indexer::mapping_for(options.layout)),
        threads(writer, builder) {
    // Every commit, on whichever thread, records how far the input being read has come.
    writer.on_commit([this] { input_progress.before_commit(writer); });
    if (options.threads > 1) {
      writer_thread.emplace(writer, options.batch_documents);
    }
  }

  // Comments of this run whose article reference no indexed article had when their file ended.
  struct Waiting {
    std::string file;
    std::size_t record_number = 0;
    std::size_t comments = 0;
  };

  IndexReport add_input(const std::filesystem::path& path, Format format, Content content,
                        const SkipHandler& on_skip);
  IndexReport read_articles(indexer::InputMember& member, Format format,
                            const SkipHandler& on_skip);
  IndexReport read_comments(indexer::InputMember& member, Format format,
                            const SkipHandler& on_skip);
  void submit(const Article& article);
  bool write_now(const Article& article);
  // Waits until every submitted article is written; afterwards this thread may use `writer`.
  void drain() {
    if (writer_thread) {
      writer_thread->drain();
    }
  }
  std::size_t replaced() const {
    return replaced_here + (writer_thread ? writer_thread->replaced() : 0);
  }
  void progress(const IndexReport& so_far) const {
    if (options.on_progress) {
      options.on_progress(so_far);
    }
  }

  IndexOptions options;
  indexer::Analyzer analyzer;
  // The checkpoint of the input being read; before `writer`, whose commits use it to the end.
  indexer::InputProgress input_progress;
  bool input_has_waiting = false;  // comments of the input being read wait
  indexer::DatabaseWriter writer;
  indexer::DocumentBuilder builder;
  indexer::FieldMapping mapping;
  indexer::CommentThreads threads;
  std::map<std::string, Waiting> waiting;
  std::size_t replaced_here = 0;  // replacements written on this thread
  // Last, so that it stops (writing what is queued) before the members it uses go.
  std::optional<indexer::WriterThread> writer_thread;
};

Indexer::Indexer(const std::filesystem::path& database, IndexOptions options)
    : impl_(std::make_unique<Impl>(database, std::move(options))) {}

Indexer::~Indexer() = default;

void Indexer::Impl::submit(const Article& article) {
  if (!writer_thread || threads.keeps_any()) {
    write_now(article);  // kept comments are looked up in the database: no writing meanwhile
    return;
  }
  writer_thread->submit(builder.build(article, {}), [this, read = input_progress.records_read()] {
    input_progress.written(read);  // on the writer thread
  });
  if (!waiting.empty()) {
    for (const std::string& ref : indexer::article_refs(article)) {
      waiting.erase(ref);
    }
  }
}

bool Indexer::Impl::write_now(const Article& article) {
  drain();
  const bool replaced = writer.write(builder.build(article, threads.kept_for(article)));
  input_progress.written(input_progress.records_read());
  replaced_here += replaced ? 1 : 0;
  if (!waiting.empty()) {
    for (const std::string& ref : indexer::article_refs(article)) {
      waiting.erase(ref);
    }
  }
  if (writer.pending_documents() >= options.batch_documents) {
    writer.commit();
  }
  return replaced;
}

bool Indexer::add_article(const Article& article) { return impl_->write_now(article); }

void Indexer::commit() {
  impl_->drain();
  impl_->writer.commit();
}

IndexReport Indexer::Impl::read_articles(indexer::InputMember& member, Format format,
                                         const SkipHandler& on_skip) {
  IndexReport report;
  auto reader = indexer::open_reader(*member.stream, member.name, format, mapping);
  for (;;) {
    std::optional<Article> article;
    try {
      article = reader->next();
    } catch (const InputError& error) {
      input_progress.committed_before();
      skip(report, on_skip, error);
      progress(report);
      if (error.record_number() == 0) {
        break;  // the whole input is unreadable
      }
      continue;
    }
    if (!article) {
      break;
    }
    if (input_progress.committed_before()) {
      continue;  // an earlier, interrupted run committed it
    }
    ++report.articles;
    report.comments += article->comments.size();
    submit(*article);
    progress(report);
  }
  return report;
}

IndexReport Indexer::Impl::read_comments(indexer::InputMember& member, Format format,
                                         const SkipHandler& on_skip) {
  IndexReport report;
  drain();  // comments are kept in the database's metadata
  indexer::CommentReader reader(*member.stream, member.name, format);
  // Articles named in this file, with where first named and how many comments name them.
  std::map<std::string, Waiting> named;
  // Without comment ids, the n-th identical comment under one article is told from the first
  // by its number.
  std::unordered_map<std::uint64_t, int> occurrences;
  for (;;) {
    std::optional<indexer::ExternalComment> comment;
    try {
      comment = reader.next();
    } catch (const InputError& error) {
      skip(report, on_skip, error);
      progress(report);
      if (error.record_number() == 0) {
        break;
      }
      continue;
    }
    if (!comment) {
      break;
    }
    const std::uint64_t identity = indexer::stable_hash(
        fmt::format("{}\n{}\n{}\n{}\n{}", comment->article_ref, comment->author, comment->text,
                    comment->in_reply_to, comment->reply_to_text));
    threads.keep(*comment, occurrences[identity]++);
    auto [entry, added] =
        named.try_emplace(comment->article_ref, Waiting{member.name, comment->record_number, 0});
    ++entry->second.comments;
    ++report.comments;
    progress(report);
  }
  for (const auto& [ref, where] : named) {
    if (threads.rebuild(ref)) {
      waiting.erase(ref);
    } else {
      input_has_waiting = true;
      auto [entry, added] = waiting.try_emplace(ref, where);
      if (!added) {
        entry->second.comments += where.comments;
      }
    }
    if (writer.pending_documents() >= options.batch_documents) {
      writer.commit();
    }
  }
  return report;
}

IndexReport Indexer::Impl::add_input(const std::filesystem::path& path, Format format,
                                     Content content, const SkipHandler& on_skip) {
  IndexReport report;
  drain();
  const std::string read_with = fmt::format("{} {} {}", static_cast<int>(format),
                                            static_cast<int>(content), layout_fingerprint(options));
  if (input_progress.begin(path, read_with, writer, options.reindex) ==
      indexer::InputProgress::Start::kUnchanged) {
    report.unchanged_files = 1;
    return report;
  }
  // However this input ends, later commits record nothing more for it: once what was queued is
  // written (a failed writer thread writes nothing more), it is forgotten.
  const auto forget = [this](indexer::InputProgress* progress) {
    try {
      drain();
    } catch (...) {
      // The writer thread stopped; the caller hears of it from the call that failed.
    }
    progress->abandon();
  };
  const std::unique_ptr<indexer::InputProgress, decltype(forget)> ended(&input_progress, forget);
  input_has_waiting = false;
  const std::size_t replaced_before = replaced();
  indexer::InputReader input(path.string());
  for (;;) {
    indexer::InputMember* member = nullptr;
    try {
      member = input.next();
    } catch (const InputError& error) {
      skip(report, on_skip, error);  // a damaged archive: what came before it stays indexed
      break;
    }
    if (member == nullptr) {
      break;
    }
    ++report.files;
    if (member->stream == nullptr) {
      skip(report, on_skip, InputError(member->name, 0, member->problem));
      continue;
    }
    try {
      const Format chosen = indexer::member_format(*member, format, mapping).format;
      const bool comments =
          content == Content::kComments || indexer::looks_like_comments(member->head, chosen);
      report += comments ? read_comments(*member, chosen, on_skip)
                         : read_articles(*member, chosen, on_skip);
    } catch (const InputError& error) {
      if (!input.is_container()) {
        throw;  // the one file of a plain input: as before, the caller hears of it
      }
      skip(report, on_skip, error);
    }
  }
  drain();
  report.replaced = replaced() - replaced_before;
  // A comments file whose comments wait is read again next time, and reports them again.
  input_progress.end(writer, !input_has_waiting);
  report.resumed_records = input_progress.resumed_records();
  return report;
}

IndexReport Indexer::add_stream(std::istream& input, const std::string& name, Format format,
                                const SkipHandler& on_skip) {
  indexer::InputMember member;
  member.name = name;
  member.format_name = name;
  member.stream = &input;
  impl_->drain();
  const std::size_t replaced_before = impl_->replaced();
  IndexReport report = impl_->read_articles(member, format, on_skip);
  impl_->drain();
  report.replaced = impl_->replaced() - replaced_before;
  report.files = 1;
  return report;
}

IndexReport Indexer::add_file(const std::filesystem::path& path, Format format,
                              const SkipHandler& on_skip) {
  return impl_->add_input(path, format, Content::kDetect, on_skip);
}

IndexReport Indexer::add_comments_file(const std::filesystem::path& path, Format format,
                                       const SkipHandler& on_skip) {
  return impl_->add_input(path, format, Content::kComments, on_skip);
}

std::size_t Indexer::report_waiting_comments(const SkipHandler& on_skip) {
  std::size_t comments = 0;
  for (const auto& [ref, where] : impl_->waiting) {
    comments += where.comments;
    if (!on_skip) {
      continue;
    }
    const auto colon = ref.find(':');
    on_skip(InputError(
        where.file, where.record_number,
        fmt::format("no indexed article has {} '{}'; {} comment{} kept until it is indexed",
                    ref.substr(0, colon), ref.substr(colon + 1), where.comments,
                    where.comments == 1 ? " is" : "s are")));
  }
  return comments;
}

}  // namespace morgue
