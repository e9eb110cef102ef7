#include "indexer/html_document.h"

#include <algorithm>

namespace morgue::indexer {

namespace {

constexpr std::string_view kNoBreakSpace = "\xC2\xA0";

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

void append_text(const GumboNode* node, std::string& out) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
      node->type == GUMBO_NODE_WHITESPACE) {
    out += node->v.text.text;
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) {
    return;
  }
  const GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT) {
    return;
  }
  if (tag == GUMBO_TAG_BR) {
    out += ' ';
  }
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    append_text(static_cast<const GumboNode*>(children.data[i]), out);
  }
  // Block elements end a word even when the markup runs them together ("</p><p>").
  out += ' ';
}

// Elements that never hold others, or that the parser closes when a sibling opens.
bool opens_no_level(std::string_view name) {
  for (std::string_view tag :
       {"area",   "base",  "br",  "col", "embed", "hr", "img", "input",  "link", "meta", "param",
        "source", "track", "wbr", "p",   "li",    "dt", "dd",  "option", "tr",   "td",   "th"}) {
    if (name == tag) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::size_t nesting_depth(std::string_view html, std::size_t limit) {
  std::size_t depth = 0;
  std::size_t deepest = 0;
  std::size_t at = 0;
  while (deepest < limit && (at = html.find('<', at)) != std::string_view::npos) {
    if (html.substr(at, 4) == "<!--") {
      const std::size_t end = html.find("-->", at + 4);
      at = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    const bool closing = at + 1 < html.size() && html[at + 1] == '/';
    std::size_t name_end = at + (closing ? 2 : 1);
    while (name_end < html.size() && ((html[name_end] >= 'a' && html[name_end] <= 'z') ||
                                      (html[name_end] >= 'A' && html[name_end] <= 'Z') ||
                                      (html[name_end] >= '0' && html[name_end] <= '9'))) {
      ++name_end;
    }
    const std::string name =
        ascii_lower(html.substr(at + (closing ? 2 : 1), name_end - at - (closing ? 2 : 1)));
    const std::size_t tag_end = html.find('>', name_end);
    if (name.empty() || tag_end == std::string_view::npos) {
      at = name_end;
      continue;
    }
    at = tag_end + 1;
    if (!closing && (name == "script" || name == "style")) {
      // The raw text runs to the first "</script" or "</style", in any case.
      std::size_t end = html.find("</", at);
      while (end != std::string_view::npos &&
             ascii_lower(html.substr(end + 2, name.size())) != name) {
        end = html.find("</", end + 2);
      }
      at = end == std::string_view::npos ? html.size() : end;
      continue;
    }
    if (opens_no_level(name) || html[tag_end - 1] == '/') {
      continue;
    }
    if (closing) {
      depth -= depth > 0 ? 1 : 0;
    } else {
      deepest = std::max(deepest, ++depth);
    }
  }
  return deepest;
}

HtmlDocument::HtmlDocument(std::string_view html)
    : output_(gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size())) {}

HtmlDocument::~HtmlDocument() { gumbo_destroy_output(&kGumboDefaultOptions, output_); }

const GumboNode* HtmlDocument::body() const {
  const GumboVector& children = root()->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (is_element(child, GUMBO_TAG_BODY)) {
      return child;
    }
  }
  return nullptr;
}

bool is_element(const GumboNode* node, GumboTag tag) {
  return node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag;
}

std::string_view attribute(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT) {
    return {};
  }
  const GumboAttribute* found = gumbo_get_attribute(&node->v.element.attributes, name);
  return found == nullptr ? std::string_view{} : std::string_view(found->value);
}

std::string class_and_id(const GumboNode* node) {
  std::string hints(attribute(node, "class"));
  hints += ' ';
  hints += attribute(node, "id");
  return ascii_lower(hints);
}

std::string text_content(const GumboNode* node) {
  std::string raw;
  append_text(node, raw);
  return collapse_spaces(raw);
}

std::string collapse_spaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size();) {
    if (is_space(text[i])) {
      pending_space = true;
      ++i;
    } else if (text.substr(i).starts_with(kNoBreakSpace)) {
      pending_space = true;
      i += kNoBreakSpace.size();
    } else {
      if (pending_space && !out.empty()) {
        out += ' ';
      }
      pending_space = false;
      out += text[i++];
    }
  }
  return out;
}

std::string ascii_lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return lower;
}

}  // namespace morgue::indexer
