// Which stored article an input record is: the key that makes re-indexing replace, not add.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <morgue/article.h>

namespace morgue::indexer {

/// The article's key: "id:" + its id when the source gave one; else "url:" + its normalized
/// URL; else "hash:" + a hash of its title, date and body.
std::string article_key(const Article& article);

/// The ways a comments file may name `article`, as `ref` terms hold them: "id:" + id,
/// "url:" + normalized URL, "title:" + title folded by fold_title(); only those it has.
std::vector<std::string> article_refs(const Article& article);

/// A title lower-cased (ASCII) with runs of whitespace made one space and the ends trimmed, so
/// a comments file's "German  lawmakers" finds the article "German lawmakers".
std::string fold_title(std::string_view title);

/// The URL with scheme and host lower-cased, the fragment, a default port and a trailing slash
/// dropped, so the same page scraped twice gets one key.
std::string normalize_url(std::string_view url);

}  // namespace morgue::indexer
