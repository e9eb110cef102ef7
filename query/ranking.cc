#include "query/ranking.h"

#include "indexer/schema.h"

namespace morgue::query {

namespace {
// A small constant added to every matching article, so that between an article and a comment
// that match equally well the article comes first; small beside a typical BM25 score.
constexpr double kArticleBonus = 0.5;
}  // namespace

std::unique_ptr<Xapian::Weight> make_weight() {
  // Xapian's defaults (k1 1, k2 0, k3 1, b 0.5, min_normlen 0.5) until tuned.
  return std::make_unique<Xapian::BM25Weight>(1.0, 0.0, 1.0, 0.5, 0.5);
}

Xapian::Query with_preferences(const Xapian::Query& query) {
  auto* bonus = new Xapian::FixedWeightPostingSource(kArticleBonus);
  const Xapian::Query articles(
      schema::term(schema::field("kind"), std::string(schema::kKindArticle)));
  return Xapian::Query(
      Xapian::Query::OP_AND_MAYBE, query,
      Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(bonus->release()), articles));
}

}  // namespace morgue::query
