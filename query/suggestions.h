// "Did you mean": close indexed words for the words of a query that found nothing.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

#include "indexer/analyzer.h"

namespace morgue::query {

/// `query` with each word that is not in the database (and is not a field value or an
/// operator) replaced by the indexed word closest to it in edit distance (1 for words of up to
/// 4 letters, 2 beyond), the more frequent on a tie. Empty when no word could be replaced.
std::string suggest_query(const Xapian::Database& database, const indexer::Analyzer& analyzer,
                          std::string_view query);

}  // namespace morgue::query
