// Which stored article an input record is: the key that makes re-indexing replace, not add.
#pragma once

#include <string>
#include <string_view>

#include <morgue/article.h>

namespace morgue::indexer {

/// The article's key: "id:" + its id when the source gave one; else "url:" + its normalized
/// URL; else "hash:" + a hash of its title, date and body.
std::string article_key(const Article& article);

/// The URL with scheme and host lower-cased, the fragment, a default port and a trailing slash
/// dropped, so the same page scraped twice gets one key.
std::string normalize_url(std::string_view url);

}  // namespace morgue::indexer
