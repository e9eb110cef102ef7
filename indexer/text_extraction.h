// Finds the article in an HTML page: its main text without navigation, ads, footers, related
// links and reader comments.
#pragma once

#include <gumbo.h>
#include <string>

namespace morgue::indexer {

/// The main text of the page whose <body> is `body`, paragraphs separated by a blank line; ""
/// when the page holds no text that reads as an article. Readability-style: every paragraph of
/// 25 characters or more scores its parent and grandparent (by length and commas); class and
/// id hints ("article", "content" versus "sidebar", "comment", "share") weigh in; the block
/// with the best score less its share of link text wins, with those of its siblings that score
/// near it; inside, lists and blocks that are mostly links, forms or images are left out.
/// Thread-safe (reads the tree only).
std::string extract_main_text(const GumboNode* body);

}  // namespace morgue::indexer
