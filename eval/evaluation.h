// Running a collection's queries through an engine and scoring the rankings.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "eval/collection.h"
#include "eval/engine.h"

namespace morgue::eval {

/// How well one engine ranked one collection.
struct Scores {
  double mean_average_precision = 0;  ///< MAP over the judged queries, rankings 1000 deep
  double ndcg_at_10 = 0;              ///< mean nDCG@10 over the judged queries
  std::size_t queries = 0;            ///< judged queries (queries without judgments are skipped)
};

/// How deep every ranking goes, as in TREC.
inline constexpr std::size_t kRankingDepth = 1000;

/// Indexes the collection's documents into `engine` and scores its rankings for every query
/// that has judgments.
Scores evaluate(const Collection& collection, Engine& engine);

/// The engine called `name` ("morgue", "xapian", "fts5"), its database (if any) under
/// `folder`. Throws morgue::Error for another name.
std::unique_ptr<Engine> make_engine(const std::string& name, const std::filesystem::path& folder);

}  // namespace morgue::eval
