// How hits are weighted: the one place that sets Xapian's weighting scheme and its parameters,
// tuned on the judged collections (docs/ranking.md).
#pragma once

#include <memory>

#include <xapian.h>

namespace morgue::query {

/// The weighting scheme for ranked searches (BM25 with morgue's parameters).
std::unique_ptr<Xapian::Weight> make_weight();

/// The query with morgue's document-level preferences added: an article ranks above a comment
/// that matches as well. `query` must be the user's parsed query.
Xapian::Query with_preferences(const Xapian::Query& query);

}  // namespace morgue::query
