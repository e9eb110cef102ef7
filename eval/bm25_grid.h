// Tuning aid: morgue's rankings of a collection under many BM25 settings at once, searching one
// morgue database with each setting in turn (the index is built once; field weights are fixed
// when indexing, so trying a title weight needs a rebuild). A setting also says how much a query
// word's typed form weighs beside its stem, the other query-time weight.
#pragma once

#include <filesystem>
#include <vector>

#include "eval/collection.h"
#include "eval/evaluation.h"
#include "query/ranking.h"

namespace morgue::eval {

/// One setting of the ranking parameters that take effect at query time.
struct GridSetting {
  query::Bm25Parameters bm25;
  double typed_form_weight;  ///< as query::kTypedFormWeight
};

/// Every combination of the values given for each parameter, in order.
std::vector<GridSetting> bm25_grid(const std::vector<double>& k1_values,
                                   const std::vector<double>& b_values,
                                   const std::vector<double>& min_normlen_values,
                                   const std::vector<double>& typed_form_weights);

/// Scores of morgue's ranking of `collection` under each of `settings`, in order. Indexes the
/// collection into a morgue database created at `database`. The query is parsed and preferred
/// exactly as morgue::Searcher does; only the typed form's weight and the BM25 parameters differ.
std::vector<Scores> evaluate_bm25_settings(const Collection& collection,
                                           const std::filesystem::path& database,
                                           const std::vector<GridSetting>& settings);

}  // namespace morgue::eval
