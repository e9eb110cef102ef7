// How hits are weighted: the one place that sets Xapian's weighting scheme and its parameters,
// tuned on the judged collections (docs/ranking.md).
#pragma once

#include <memory>

#include <xapian.h>

namespace morgue::query {

/// The parameters of BM25, as Xapian::BM25Weight names them (k2 stays 0, k3 1).
struct Bm25Parameters {
  double k1;           ///< how fast a word's weight saturates with its count in a document
  double b;            ///< how much a long document is penalized (0 none, 1 full)
  double min_normlen;  ///< the shortest document length (relative to the mean) BM25 assumes
};

/// morgue's BM25 parameters: one setting for all four judged collections (docs/ranking.md).
inline constexpr Bm25Parameters kBm25 = {3.0, 0.5, 0.25};

/// How much a query word's own form weighs, as a fraction of the weight of all its forms
/// sharing its stem (searched as one term): a document with `elections` matches the query word
/// `elections` through both, one with only `election` through the stem alone. Tuned with kBm25
/// (docs/ranking.md).
inline constexpr double kTypedFormWeight = 0.25;

/// The weighting scheme for ranked searches: BM25 with `parameters` (the evaluation tries
/// others; searches use kBm25).
std::unique_ptr<Xapian::Weight> make_weight(const Bm25Parameters& parameters = kBm25);

/// The query with morgue's document-level preferences added: an article ranks above a comment
/// that matches as well. `query` must be the user's parsed query.
Xapian::Query with_preferences(const Xapian::Query& query);

}  // namespace morgue::query
