#include <algorithm>
#include <iostream>
#include <set>

#include <fmt/format.h>

#include <morgue/error.h>
#include <morgue/indexer.h>
#include <morgue/searcher.h>

#include "eval/engine.h"

namespace morgue::eval {

namespace {

class MorgueEngine : public Engine {
 public:
  explicit MorgueEngine(std::filesystem::path database) : database_(std::move(database)) {}

  std::string name() const override { return "morgue"; }

  void index(const std::vector<Document>& documents) override {
    {
      Indexer indexer(database_);
      for (const Document& document : documents) {
        Article article;
        article.id = document.id;
        article.title = document.title;
        article.body = document.text;
        indexer.add_article(article);
      }
      indexer.commit();
    }
    searcher_ = std::make_unique<Searcher>(database_);
  }

  std::vector<std::string> search(const std::vector<std::string>& words,
                                  std::size_t depth) override {
    if (words.empty()) {
      return {};  // an empty morgue query lists everything, newest first: not a ranking
    }
    SearchRequest request;
    request.limit = std::min(depth, SearchRequest::kMaxLimit);
    request.facets = {};
    request.comments_per_hit = 0;
    request.query = fmt::format("{}", fmt::join(words, " OR "));
    SearchResult result;
    try {
      result = searcher_->search(request);
    } catch (const QueryError& error) {
      // A long query (CISI has one of 335 words) can break morgue's clause limit; its repeated
      // words are the ones that can go.
      std::vector<std::string> distinct;
      std::set<std::string> seen;
      for (const auto& word : words) {
        if (seen.insert(word).second) {
          distinct.push_back(word);
        }
      }
      if (distinct.size() == words.size()) {
        throw;
      }
      std::cerr << fmt::format("morgue-eval: {}; searching its {} distinct words instead\n",
                               error.what(), distinct.size());
      request.query = fmt::format("{}", fmt::join(distinct, " OR "));
      result = searcher_->search(request);
    }
    std::vector<std::string> ranking;
    ranking.reserve(result.hits.size());
    for (const Hit& hit : result.hits) {
      ranking.push_back(hit.article.id);
    }
    return ranking;
  }

 private:
  std::filesystem::path database_;
  std::unique_ptr<Searcher> searcher_;
};

}  // namespace

std::unique_ptr<Engine> make_morgue_engine(const std::filesystem::path& database) {
  return std::make_unique<MorgueEngine>(database);
}

}  // namespace morgue::eval
