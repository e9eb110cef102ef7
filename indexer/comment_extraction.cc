#include "indexer/comment_extraction.h"

#include <string>
#include <string_view>
#include <utility>

#include "indexer/html_document.h"

namespace morgue::indexer {

namespace {

bool has_token(std::string_view list, std::string_view wanted) {
  std::size_t start = 0;
  while (start < list.size()) {
    std::size_t end = list.find(' ', start);
    if (end == std::string_view::npos) {
      end = list.size();
    }
    if (list.substr(start, end - start) == wanted) {
      return true;
    }
    start = end + 1;
  }
  return false;
}

// "comment", "comment-123", "comment_123", "comment123", "comment-item", "c-comment": one comment.
// "comments", "comment-list", "comment-form", "comment-count": not.
bool names_one_comment(std::string_view hints) {
  std::size_t start = 0;
  while (start < hints.size()) {
    std::size_t end = hints.find(' ', start);
    if (end == std::string_view::npos) {
      end = hints.size();
    }
    std::string_view token = hints.substr(start, end - start);
    start = end + 1;
    if (token.starts_with("c-")) {
      token.remove_prefix(2);
    }
    if (!token.starts_with("comment")) {
      continue;
    }
    std::string_view rest = token.substr(7);
    if (rest.empty() || rest == "-item" || rest == "_item" || rest == "-container") {
      return true;
    }
    if (rest.front() == '-' || rest.front() == '_') {
      rest.remove_prefix(1);
    }
    if (!rest.empty() && rest.find_first_not_of("0123456789") == std::string_view::npos) {
      return true;
    }
  }
  return false;
}

bool is_comment(const GumboNode* node) {
  if (node->type != GUMBO_NODE_ELEMENT) {
    return false;
  }
  if (attribute(node, "itemtype").ends_with("schema.org/Comment")) {
    return true;
  }
  return names_one_comment(class_and_id(node));
}

bool is_text_part(const GumboNode* node) {
  const std::string hints = ascii_lower(attribute(node, "class"));
  if (attribute(node, "itemprop") == "text") {
    return true;
  }
  for (std::string_view word : {"comment-content", "comment-body", "comment-text", "comment__body",
                                "comment__content", "comment__text"}) {
    if (hints.find(word) != std::string::npos) {
      return true;
    }
  }
  for (std::string_view word : {"content", "text", "body", "message"}) {
    if (has_token(hints, word)) {
      return true;
    }
  }
  return false;
}

bool is_author_part(const GumboNode* node) {
  if (is_element(node, GUMBO_TAG_CITE) || attribute(node, "itemprop") == "author") {
    return true;
  }
  const std::string hints = ascii_lower(attribute(node, "class"));
  if (hints.find("author") != std::string::npos || hints.find("username") != std::string::npos ||
      hints.find("user-name") != std::string::npos) {
    return true;
  }
  return has_token(hints, "fn") || has_token(hints, "name");
}

// The name inside an author part ("<b class=fn>Old Salt</b> says:"), else its whole text
// without a trailing "says:".
std::string author_name(const GumboNode* part) {
  const GumboVector& children = part->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type != GUMBO_NODE_ELEMENT) {
      continue;
    }
    const std::string hints = ascii_lower(attribute(child, "class"));
    if (has_token(hints, "fn") || has_token(hints, "name") || is_element(child, GUMBO_TAG_CITE) ||
        attribute(child, "itemprop") == "name") {
      return text_content(child);
    }
  }
  std::string name = text_content(part);
  for (std::string_view suffix : {" says:", " says", " said:", ":"}) {
    if (name.ends_with(suffix)) {
      name.erase(name.size() - suffix.size());
      break;
    }
  }
  return name;
}

/// The parts of one comment, searched without entering the comments that answer it.
struct Parts {
  const GumboNode* author = nullptr;
  const GumboNode* text = nullptr;
  std::vector<const GumboNode*> paragraphs;
};

void find_parts(const GumboNode* node, Parts& parts) {
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type != GUMBO_NODE_ELEMENT || is_comment(child)) {
      continue;
    }
    if (parts.text == nullptr && is_text_part(child)) {
      parts.text = child;
      continue;
    }
    if (parts.author == nullptr && is_author_part(child)) {
      parts.author = child;
      continue;
    }
    if (is_element(child, GUMBO_TAG_P)) {
      parts.paragraphs.push_back(child);
      continue;
    }
    find_parts(child, parts);
  }
}

std::string paragraphs_text(const GumboNode* node) {
  std::string text;
  bool has_paragraphs = false;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (is_element(child, GUMBO_TAG_P)) {
      std::string paragraph = text_content(child);
      if (!paragraph.empty()) {
        text += text.empty() ? "" : "\n\n";
        text += paragraph;
      }
      has_paragraphs = true;
    }
  }
  return has_paragraphs ? text : text_content(node);
}

void walk(const GumboNode* node, const std::string& parent_author, std::vector<Comment>& out) {
  if (node->type != GUMBO_NODE_ELEMENT) {
    return;
  }
  const GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TEMPLATE) {
    return;
  }
  std::string author_here = parent_author;
  if (is_comment(node)) {
    Parts parts;
    find_parts(node, parts);
    Comment comment;
    if (parts.author != nullptr) {
      comment.author = author_name(parts.author);
    }
    if (parts.text != nullptr) {
      comment.text = paragraphs_text(parts.text);
    } else {
      for (const GumboNode* paragraph : parts.paragraphs) {
        std::string text = text_content(paragraph);
        if (!text.empty()) {
          comment.text += comment.text.empty() ? "" : "\n\n";
          comment.text += text;
        }
      }
    }
    if (!comment.text.empty()) {
      comment.in_reply_to = parent_author;
      comment.position = static_cast<int>(out.size()) + 1;
      author_here = comment.author;
      out.push_back(std::move(comment));
    }
  }
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    walk(static_cast<const GumboNode*>(children.data[i]), author_here, out);
  }
}

}  // namespace

std::vector<Comment> extract_comments(const GumboNode* body) {
  std::vector<Comment> comments;
  walk(body, "", comments);
  return comments;
}

}  // namespace morgue::indexer
