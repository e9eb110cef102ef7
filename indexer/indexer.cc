#include <fstream>

#include <fmt/format.h>

#include <morgue/indexer.h>

#include "indexer/analyzer.h"
#include "indexer/database_writer.h"
#include "indexer/document_builder.h"
#include "indexer/reader_factory.h"

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
  throw Error(fmt::format("unknown format '{}'; choose auto, csv, jsonl or page", name));
}

IndexReport& IndexReport::operator+=(const IndexReport& other) {
  files += other.files;
  articles += other.articles;
  replaced += other.replaced;
  comments += other.comments;
  skipped += other.skipped;
  return *this;
}

struct Indexer::Impl {
  explicit Impl(const std::filesystem::path& database, IndexOptions index_options)
      : options(index_options),
        writer(database,
               indexer::LockWait{.limit = options.lock_wait, .on_wait = options.on_lock_wait}),
        builder(analyzer) {}

  IndexOptions options;
  indexer::Analyzer analyzer;
  indexer::DatabaseWriter writer;
  indexer::DocumentBuilder builder;
};

Indexer::Indexer(const std::filesystem::path& database, IndexOptions options)
    : impl_(std::make_unique<Impl>(database, options)) {}

Indexer::~Indexer() = default;

bool Indexer::add_article(const Article& article) {
  const bool replaced = impl_->writer.write(impl_->builder.build(article));
  if (impl_->writer.pending_documents() >= impl_->options.batch_documents) {
    impl_->writer.commit();
  }
  return replaced;
}

void Indexer::commit() { impl_->writer.commit(); }

IndexReport Indexer::add_stream(std::istream& input, const std::string& name, Format format,
                                const SkipHandler& on_skip) {
  IndexReport report;
  report.files = 1;
  auto reader = indexer::open_reader(input, name, format);
  for (;;) {
    std::optional<Article> article;
    try {
      article = reader->next();
    } catch (const InputError& error) {
      ++report.skipped;
      if (on_skip) {
        on_skip(error);
      }
      if (error.record_number() == 0) {
        break;  // the whole input is unreadable
      }
      continue;
    }
    if (!article) {
      break;
    }
    ++report.articles;
    report.comments += article->comments.size();
    if (add_article(*article)) {
      ++report.replaced;
    }
  }
  return report;
}

IndexReport Indexer::add_file(const std::filesystem::path& path, Format format,
                              const SkipHandler& on_skip) {
  std::ifstream input(path, std::ios::binary);
  if (!input) {
    throw InputError(path.string(), 0, "cannot open the file");
  }
  return add_stream(input, path.string(), format, on_skip);
}

}  // namespace morgue
