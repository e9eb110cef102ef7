// morgue through its public library API, as a program embedding it would call it.
#include <xapian.h>

#include <morgue/indexer.h>
#include <morgue/searcher.h>

#include "bench/engine.h"

namespace morgue::bench {

namespace {

class MorgueEngine : public Engine {
 public:
  std::string name() const override { return "morgue"; }

  void build(const Corpus& corpus, const std::filesystem::path& index) override {
    std::filesystem::remove_all(index);
    Indexer indexer(index);
    indexer.add_file(corpus.file, Format::kJsonl);
    indexer.commit();
  }

  void compact(const std::filesystem::path& index,
               const std::filesystem::path& compacted) override {
    // A morgue database is a Xapian database: xapian-compact applies as it is.
    Xapian::Database(index.string()).compact(compacted.string());
  }

  void open(const std::filesystem::path& index) override {
    searcher_ = std::make_unique<Searcher>(index);
  }

  QueryOutcome run(const QuerySpec& query, Mode mode) override {
    SearchRequest request;
    request.query = query.line;
    if (mode == Mode::kCountFacets) {
      request.limit = 0;
      request.facets = {"site", "type", "date", "tag"};
    } else {
      // morgue always counts exactly and always makes snippets, so the three top-10 modes ask
      // the same.
      request.facets = {};
    }
    const SearchResult result = searcher_->search(request);
    QueryOutcome outcome;
    outcome.matches = result.total_documents;
    outcome.hits = result.hits.size();
    for (const auto& hit : result.hits) {
      outcome.snippet_bytes += hit.snippet.text.size();
    }
    for (const auto& facet : result.facets) {
      // The date facet lists every month; count the ten a user would see first, as the peers do.
      outcome.facet_values += std::min<std::size_t>(facet.values.size(), 10);
    }
    return outcome;
  }

 private:
  std::unique_ptr<Searcher> searcher_;
};

}  // namespace

std::unique_ptr<Engine> make_morgue_engine() { return std::make_unique<MorgueEngine>(); }

}  // namespace morgue::bench
