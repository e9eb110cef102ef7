#include "eval/evaluation.h"

#include <fmt/format.h>

#include <morgue/error.h>

#include "eval/metrics.h"

namespace morgue::eval {

Scores evaluate(const Collection& collection, Engine& engine) {
  engine.index(collection.documents);
  Scores scores;
  for (const Query& query : collection.queries) {
    const auto judged = collection.judgments.find(query.id);
    if (judged == collection.judgments.end()) {
      continue;
    }
    const std::vector<std::string> ranking = engine.search(query_words(query.text), kRankingDepth);
    scores.mean_average_precision += average_precision(ranking, judged->second);
    scores.ndcg_at_10 += ndcg_at(ranking, judged->second, 10);
    ++scores.queries;
  }
  if (scores.queries > 0) {
    scores.mean_average_precision /= static_cast<double>(scores.queries);
    scores.ndcg_at_10 /= static_cast<double>(scores.queries);
  }
  return scores;
}

std::unique_ptr<Engine> make_engine(const std::string& name, const std::filesystem::path& folder) {
  if (name == "morgue") {
    return make_morgue_engine(folder / "morgue.db");
  }
  if (name == "xapian" || name == "xapian-stem") {
    return make_xapian_engine(folder / "xapian.db", name == "xapian-stem");
  }
  if (name == "fts5" || name == "fts5-porter") {
    return make_fts5_engine(name == "fts5-porter");
  }
  throw Error(fmt::format(
      "no engine named '{}'; choose morgue, xapian, xapian-stem, fts5 or fts5-porter", name));
}

}  // namespace morgue::eval
