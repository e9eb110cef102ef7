#include "indexer/html_reader.h"

#include <iterator>
#include <utility>

#include <fmt/format.h>

#include <morgue/error.h>

#include "indexer/comment_extraction.h"
#include "indexer/html_document.h"
#include "indexer/html_metadata.h"
#include "indexer/text_extraction.h"
#include "indexer/utf8.h"

namespace morgue::indexer {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// "https://www.example.com/a/b" -> "example.com", the site when the page names none.
std::string host_of(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) {
    return {};
  }
  url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#:"));
  if (url.starts_with("www.")) {
    url.remove_prefix(4);
  }
  return std::string(url);
}

}  // namespace

HtmlReader::HtmlReader(std::istream& in, std::string file_name)
    : in_(in), file_name_(std::move(file_name)) {}

std::optional<Article> HtmlReader::next() {
  if (done_) {
    return std::nullopt;
  }
  done_ = true;
  std::string html;
  char buffer[1 << 16];
  while (in_.read(buffer, sizeof buffer) || in_.gcount() > 0) {
    html.append(buffer, static_cast<std::size_t>(in_.gcount()));
    if (html.size() > kMaxPageBytes) {
      throw InputError(file_name_, 0,
                       fmt::format("the page is larger than {} MiB; a saved HTML page holds one "
                                   "article with its comments: is this the right file?",
                                   kMaxPageBytes >> 20));
    }
  }
  if (in_.bad()) {
    throw InputError(file_name_, 0, "the page could not be read");
  }
  if (html.starts_with(kByteOrderMark)) {
    html.erase(0, kByteOrderMark.size());
  }
  if (html.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw InputError(file_name_, 0, "the page is empty");
  }
  if (const auto bad = find_invalid_utf8(html)) {
    throw InputError(file_name_, 0,
                     fmt::format("invalid UTF-8 at byte {} (0x{:02x}); save the page as UTF-8, "
                                 "e.g. with iconv -f windows-1252 -t utf-8",
                                 *bad + 1, static_cast<unsigned char>(html[*bad])));
  }
  if (nesting_depth(html, kMaxNesting + 1) > kMaxNesting) {
    throw InputError(file_name_, 0,
                     fmt::format("elements nest more than {} deep; a news page nests a few dozen: "
                                 "is this the right file?",
                                 kMaxNesting));
  }
  return read_html_article(html, file_name_);
}

Article read_html_article(std::string_view html, const std::string& file_name) {
  const HtmlDocument document(html);
  const GumboNode* body = document.body();
  Article article;
  if (body != nullptr) {
    article.body = extract_main_text(body);
  }
  if (article.body.empty()) {
    throw InputError(file_name, 0, "the page has no article text");
  }
  HtmlMetadata metadata = read_html_metadata(document);
  article.title = std::move(metadata.title);
  article.published = metadata.published;
  article.date_source = std::move(metadata.date_source);
  article.authors = std::move(metadata.authors);
  article.tags = std::move(metadata.tags);
  article.site = metadata.site.empty() ? host_of(metadata.url) : std::move(metadata.site);
  article.language = std::move(metadata.language);
  article.url = std::move(metadata.url);
  article.type = std::move(metadata.type);
  article.comments = extract_comments(body);
  return article;
}

}  // namespace morgue::indexer
