// The query a counting pass runs: the same documents, fewer posting lists.
#pragma once

#include <xapian.h>

namespace morgue::query {

/// A query matching exactly the documents `query` matches, simplified for a pass that only
/// counts (BoolWeight: weights do not matter): weight scaling dropped, the optional side of an
/// AND_MAYBE dropped, synonyms read as OR, nested ORs flattened, and a term ORed with itself
/// read once. A parsed word is `(0.25 * word OR (Zstem SYNONYM word ...))`, so its typed form
/// was read twice; counting `said` this way reads two posting lists instead of three. Other
/// operators (phrases, ranges, wildcards, posting sources) are kept as they are.
Xapian::Query count_query(const Xapian::Query& query);

}  // namespace morgue::query
