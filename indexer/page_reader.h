// The reader for scraped news pages: one page of text, one article with its reader comments.
#pragma once

#include <cstddef>
#include <istream>
#include <optional>
#include <string>

#include <morgue/article.h>

#include "indexer/record_source.h"

namespace morgue::indexer {

/// Reads one scraped news page (the layout of data/sample/sputnik-aleppo.txt, described in
/// docs/input-formats.md): a dateline, photo caption, headline, photo credit, body paragraphs,
/// related headlines, a tag line, then the reader comments. Lines may be indented and may end
/// in "\r\n". The page is read as lines from `in` on the first call to next(), and must be
/// valid UTF-8 and at most kMaxPageBytes long.
/// Borrows `in`, which must outlive the reader. Not thread-safe.
///     std::ifstream in("data/sample/sputnik-aleppo.txt", std::ios::binary);
///     PageReader reader(in, "data/sample/sputnik-aleppo.txt");
///     while (auto article = reader.next()) { ... }
class PageReader : public RecordSource {
 public:
  /// A page is one article and its comments; anything bigger is the wrong file or format.
  static constexpr std::size_t kMaxPageBytes = std::size_t{8} << 20;

  /// `file_name` is how the user named the input; it appears in error messages.
  PageReader(std::istream& in, std::string file_name);

  /// The page's one article with its comments on the first call, then nullopt. Throws
  /// InputError (record number = the offending line, 0 for the whole page) when the page is
  /// empty, too big, not UTF-8, does not open with a dateline or has no headline; the page
  /// is then skipped and the next call returns nullopt.
  std::optional<Article> next() override;

 private:
  std::istream& in_;
  std::string file_name_;
  bool done_ = false;
};

}  // namespace morgue::indexer
