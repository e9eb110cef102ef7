// The reader for saved HTML news pages: one page, one article with its reader comments.
#pragma once

#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <string_view>

#include <morgue/article.h>

#include "indexer/record_source.h"

namespace morgue::indexer {

/// Reads one saved HTML page (docs/input-formats.md, "HTML pages"): the metadata from <meta>,
/// OpenGraph, JSON-LD, <time> and bylines (read_html_metadata), the main text without the
/// page's furniture (extract_main_text) and the reader comments it marks (extract_comments).
/// The page is read whole from `in` on the first call to next(); it must be UTF-8 (a byte
/// order mark is dropped) and at most kMaxPageBytes long. Borrows `in`, which must outlive the
/// reader. Not thread-safe.
///     std::ifstream in("data/html/harbour-article.html", std::ios::binary);
///     HtmlReader reader(in, "data/html/harbour-article.html");
///     while (auto article = reader.next()) { ... }
class HtmlReader : public RecordSource {
 public:
  /// Saved news pages run to about 1.3 MB (the largest of the 218 pages in
  /// ../shared/corpora/html-news-pages); anything past 16 MB is not one article.
  static constexpr std::size_t kMaxPageBytes = std::size_t{16} << 20;

  /// Real news pages nest elements a few dozen deep; parsing time grows with the square of the
  /// depth (5,000 levels: 0.8 s) and 20,000 levels crashed the parser's caller for want of stack.
  static constexpr std::size_t kMaxNesting = 1000;

  /// `file_name` is how the user named the input; it appears in error messages.
  HtmlReader(std::istream& in, std::string file_name);

  /// The page's article on the first call, then nullopt. Throws InputError (record 0) when the
  /// page is empty, too big, not UTF-8, nests deeper than kMaxNesting, or has no article text; the
  /// next call returns nullopt.
  std::optional<Article> next() override;

 private:
  std::istream& in_;
  std::string file_name_;
  bool done_ = false;
};

/// The article in the HTML page `html` (UTF-8), as HtmlReader reads it; `file_name` names the
/// page in errors. Throws InputError(file_name, 0, ...) when the page has no article text.
Article read_html_article(std::string_view html, const std::string& file_name);

}  // namespace morgue::indexer
