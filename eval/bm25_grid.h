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

/// The settings `morgue-eval --grid` tries: k1 × b × min_normlen around Xapian's defaults.
std::vector<query::Bm25Parameters> bm25_grid();

/// Scores of morgue's ranking of `collection` under each of `settings`, in order. Indexes the
/// collection into a morgue database created at `database`. The query is parsed and preferred
/// exactly as morgue::Searcher does; only the weighting differs.
std::vector<Scores> evaluate_bm25_settings(const Collection& collection,
                                           const std::filesystem::path& database,
                                           const std::vector<query::Bm25Parameters>& settings);

}  // namespace morgue::eval
