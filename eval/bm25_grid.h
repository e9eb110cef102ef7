// Tuning aid: morgue's rankings of a collection under many BM25 settings at once, searching one
// morgue database with each setting in turn (the index is built once; field weights are fixed
// when indexing, so trying a title weight needs a rebuild).
#pragma once

#include <filesystem>
#include <vector>

#include "eval/collection.h"
#include "eval/evaluation.h"
#include "query/ranking.h"

namespace morgue::eval {

/// Every combination of the values given for each parameter, in order.
std::vector<query::Bm25Parameters> bm25_grid(const std::vector<double>& k1_values,
                                             const std::vector<double>& b_values,
                                             const std::vector<double>& min_normlen_values);

/// Scores of morgue's ranking of `collection` under each of `settings`, in order. Indexes the
/// collection into a morgue database created at `database`. The query is parsed and preferred
/// exactly as morgue::Searcher does; only the weighting differs.
std::vector<Scores> evaluate_bm25_settings(const Collection& collection,
                                           const std::filesystem::path& database,
                                           const std::vector<query::Bm25Parameters>& settings);

}  // namespace morgue::eval
