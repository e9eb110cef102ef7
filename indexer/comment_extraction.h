// Finds the reader comments an HTML page marks as such.
#pragma once

#include <gumbo.h>
#include <vector>

#include <morgue/article.h>

namespace morgue::indexer {

/// The reader comments under `body`: elements whose class or id names one comment ("comment",
/// "comment-123", "comment-item", or itemtype schema.org/Comment) holding a text part (class
/// "comment-content", "comment-body", "comment-text", "content", "text", "body", "message" or
/// itemprop "text"; else the comment's paragraphs) and an author part (class "author",
/// "username", "user-name", "fn", "name", itemprop "author", or <cite>). A comment nested in
/// another answers it: its in_reply_to is that comment's author. Positions count from 1 in page
/// order; comments without text are left out. Thread-safe (reads the tree only).
std::vector<Comment> extract_comments(const GumboNode* body);

}  // namespace morgue::indexer
