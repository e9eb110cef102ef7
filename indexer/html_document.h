// A parsed HTML page (gumbo's HTML5 tree) and the small queries the HTML readers ask of it.
#pragma once

#include <cstddef>
#include <gumbo.h>
#include <string>
#include <string_view>

namespace morgue::indexer {

/// An HTML page parsed the way a browser parses it (HTML5, via gumbo): unclosed tags, stray end
/// tags and missing <html>/<body> are repaired, so every input gives a tree. Owns the tree; the
/// nodes live as long as the document. Not thread-safe; one document per thread.
class HtmlDocument {
 public:
  /// Parses `html`, which must be UTF-8 and outlive the document (gumbo points into it).
  explicit HtmlDocument(std::string_view html);
  ~HtmlDocument();
  HtmlDocument(const HtmlDocument&) = delete;
  HtmlDocument& operator=(const HtmlDocument&) = delete;

  /// The <html> element.
  const GumboNode* root() const { return output_->root; }
  /// The <body> element, or nullptr when the page has none (gumbo always adds one, so this
  /// only happens for a page that is a frameset).
  const GumboNode* body() const;

 private:
  GumboOutput* output_;
};

/// An upper bound on how deep the elements of `html` nest, counted from its tags without
/// parsing (void elements, self-closed tags and those HTML closes by itself, such as <p> and
/// <li>, do not count; comments, scripts and styles are skipped). Stops counting at `limit`.
/// The parser's time grows with the square of the depth and walking the tree needs stack in
/// proportion to it, so a page is checked with this before it is parsed.
std::size_t nesting_depth(std::string_view html, std::size_t limit);

/// True when `node` is an element with tag `tag`.
bool is_element(const GumboNode* node, GumboTag tag);

/// The value of attribute `name` of element `node`, or "" when it has none.
std::string_view attribute(const GumboNode* node, const char* name);

/// The lower-cased class and id of `node`, joined by a space, for matching hints.
std::string class_and_id(const GumboNode* node);

/// All the text under `node` (scripts and styles excluded), white space collapsed to single
/// spaces, trimmed.
std::string text_content(const GumboNode* node);

/// `text` with runs of white space (ASCII and no-break spaces) collapsed to one space, trimmed.
std::string collapse_spaces(std::string_view text);

/// `text` in ASCII lower case.
std::string ascii_lower(std::string_view text);

}  // namespace morgue::indexer
