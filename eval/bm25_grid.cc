#include "eval/bm25_grid.h"

#include <map>
#include <set>

#include <fmt/format.h>
#include <xapian.h>

#include <morgue/error.h>

#include "eval/metrics.h"
#include "indexer/analyzer.h"
#include "indexer/schema.h"
#include "indexer/stored_fields.h"
#include "query/query_parser.h"

namespace morgue::eval {

std::vector<GridSetting> bm25_grid(const std::vector<double>& k1_values,
                                   const std::vector<double>& b_values,
                                   const std::vector<double>& min_normlen_values,
                                   const std::vector<double>& typed_form_weights) {
  std::vector<GridSetting> settings;
  for (const double k1 : k1_values) {
    for (const double b : b_values) {
      for (const double min_normlen : min_normlen_values) {
        for (const double typed_form_weight : typed_form_weights) {
          settings.push_back({{k1, b, min_normlen}, typed_form_weight});
        }
      }
    }
  }
  return settings;
}

std::vector<Scores> evaluate_bm25_settings(const Collection& collection,
                                           const std::filesystem::path& database,
                                           const std::vector<GridSetting>& settings) {
  make_morgue_engine(database)->index(collection.documents);
  const Xapian::Database xapian_database(database.string());
  const indexer::Analyzer analyzer;
  std::map<double, query::QueryParser> parsers;  // by typed form weight
  for (const GridSetting& setting : settings) {
    parsers.try_emplace(setting.typed_form_weight, analyzer, setting.typed_form_weight);
  }
  const Xapian::valueno thread_slot = *schema::field("thread").slot;
  // Reading each hit's stored fields would cost more than the search itself.
  std::vector<std::string> article_ids(xapian_database.get_lastdocid() + 1);
  for (auto id = xapian_database.postlist_begin(""); id != xapian_database.postlist_end(""); ++id) {
    article_ids[*id] =
        indexer::parse_stored(xapian_database.get_document(*id).get_data()).article.id;
  }
  std::vector<Scores> scores(settings.size());
  for (const Query& query : collection.queries) {
    const auto judged = collection.judgments.find(query.id);
    if (judged == collection.judgments.end()) {
      continue;
    }
    std::vector<std::string> words = query_words(query.text);
    std::set<std::string> seen;
    std::vector<std::string> distinct;
    for (const auto& word : words) {
      if (seen.insert(word).second) {
        distinct.push_back(word);
      }
    }
    if (words.size() > query::kMaxClauses) {
      words = distinct;  // as the morgue engine does when the clause limit refuses the query
    }
    const std::string text = fmt::format("{}", fmt::join(words, " OR "));
    std::map<double, Xapian::Query> parsed;  // by typed form weight
    if (!words.empty()) {
      for (const auto& [typed_form_weight, parser] : parsers) {
        parsed.emplace(typed_form_weight, parser.parse(text).query);
      }
    }
    for (std::size_t index = 0; index < settings.size(); ++index) {
      std::vector<std::string> ranking;
      if (!words.empty()) {
        Xapian::Enquire enquire(xapian_database);
        enquire.set_query(query::with_preferences(parsed.at(settings[index].typed_form_weight)));
        const auto weight = query::make_weight(settings[index].bm25);
        enquire.set_weighting_scheme(*weight);
        enquire.set_collapse_key(thread_slot);
        const Xapian::MSet matches = enquire.get_mset(0, kRankingDepth);
        for (auto match = matches.begin(); match != matches.end(); ++match) {
          ranking.push_back(article_ids[*match]);
        }
      }
      scores[index].mean_average_precision += average_precision(ranking, judged->second);
      scores[index].ndcg_at_10 += ndcg_at(ranking, judged->second, 10);
      ++scores[index].queries;
    }
  }
  for (Scores& score : scores) {
    if (score.queries > 0) {
      score.mean_average_precision /= static_cast<double>(score.queries);
      score.ndcg_at_10 /= static_cast<double>(score.queries);
    }
  }
  return scores;
}

}  // namespace morgue::eval
