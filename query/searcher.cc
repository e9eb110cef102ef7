#include <set>

#include <fmt/format.h>
#include <xapian.h>

#include <morgue/error.h>
#include <morgue/searcher.h>

#include "indexer/analyzer.h"
#include "indexer/schema.h"
#include "indexer/stored_fields.h"
#include "query/facets.h"
#include "query/query_parser.h"
#include "query/snippets.h"

namespace morgue {

namespace {

// A reader open at revision R fails with DatabaseModifiedError once the writer has committed
// twice since; reopening and trying again is the cure (ENGINEERING-NOTES.md).
constexpr int kAttempts = 4;

using TermSet = std::set<std::string, std::less<>>;

}  // namespace

struct Searcher::Impl {
  explicit Impl(const std::filesystem::path& database_path)
      : path(database_path), parser(analyzer) {
    try {
      database = Xapian::Database(path.string());
    } catch (const Xapian::Error& e) {
      throw DatabaseError(
          fmt::format("cannot open database {}: {}", path.string(), e.get_description()));
    }
    if (database.get_metadata(std::string(schema::kSchemaVersionKey)).empty()) {
      throw DatabaseError(fmt::format(
          "{} is not a morgue database (it has no schema version); build one with morgue-index",
          path.string()));
    }
  }

  SearchResult run(const SearchRequest& request, const query::ParsedQuery& parsed);
  void count_facets(const SearchRequest& request, const Xapian::Query& query, SearchResult& result);
  Hit make_hit(const Xapian::Query& query, const TermSet& terms, const std::string& key,
               double score, std::size_t comments_per_hit);
  indexer::StoredDocument stored(Xapian::docid id) {
    return indexer::parse_stored(database.get_document(id).get_data());
  }

  std::filesystem::path path;
  Xapian::Database database;
  indexer::Analyzer analyzer;
  query::QueryParser parser;
};

Searcher::Searcher(const std::filesystem::path& database)
    : impl_(std::make_unique<Impl>(database)) {}

Searcher::~Searcher() = default;

SearchResult Searcher::search(const SearchRequest& request) {
  if (request.limit > SearchRequest::kMaxLimit) {
    throw QueryError(fmt::format("a page holds at most {} hits; {} were asked for",
                                 SearchRequest::kMaxLimit, request.limit));
  }
  for (const auto& name : request.facets) {
    const schema::Field* field = schema::find_field(name);
    if (field == nullptr || !field->facet_slot) {
      throw QueryError(
          fmt::format("no facet named '{}'; facets are tag, author, date, site, "
                      "language, type and kind",
                      name));
    }
  }
  const query::ParsedQuery parsed = impl_->parser.parse(request.query, request.language);
  for (int attempt = 1;; ++attempt) {
    try {
      impl_->database.reopen();
      return impl_->run(request, parsed);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == kAttempts) {
        throw DatabaseError(
            fmt::format("database {} changed {} times while being searched; try again",
                        impl_->path.string(), kAttempts));
      }
    } catch (const Xapian::Error& e) {
      throw DatabaseError(
          fmt::format("cannot search database {}: {}", impl_->path.string(), e.get_description()));
    }
  }
}

void Searcher::Impl::count_facets(const SearchRequest& request, const Xapian::Query& query,
                                  SearchResult& result) {
  Xapian::Enquire enquire(database);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  // Articles and comments are always counted apart, whichever facets were asked for.
  query::FacetCounter kinds(schema::field("kind"));
  enquire.add_matchspy(&kinds);
  std::vector<std::unique_ptr<query::FacetCounter>> counters;
  for (const auto& name : request.facets) {
    counters.push_back(std::make_unique<query::FacetCounter>(schema::field(name)));
    enquire.add_matchspy(counters.back().get());
  }
  // Asking Xapian to check every document makes the counts exact, not estimates.
  const Xapian::MSet all = enquire.get_mset(0, 0, database.get_doccount());
  result.total_documents = all.get_matches_estimated();
  for (const auto& [value, count] : kinds.result(2).values) {
    (value == schema::kKindComment ? result.total_comments : result.total_articles) = count;
  }
  for (const auto& counter : counters) {
    result.facets.push_back(counter->result(request.facet_values));
  }
}

Hit Searcher::Impl::make_hit(const Xapian::Query& query, const TermSet& terms,
                             const std::string& key, double score, std::size_t comments_per_hit) {
  Hit hit;
  hit.key = key;
  hit.score = score;
  // Everything in the thread that matched: the article itself and its matching comments.
  const schema::Field& thread = schema::field("thread");
  Xapian::Enquire enquire(database);
  enquire.set_query(
      Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(schema::term(thread, key))));
  const Xapian::MSet matches = enquire.get_mset(0, comments_per_hit + 1, database.get_doccount());
  const std::string id_term = schema::term(schema::field("id"), key);
  Xapian::PostingIterator article_posting = database.postlist_begin(id_term);
  if (article_posting == database.postlist_end(id_term)) {
    throw DatabaseError(
        fmt::format("database {} has comments under article {} but not the "
                    "article itself",
                    path.string(), key));
  }
  indexer::StoredDocument article = stored(*article_posting);
  hit.article = std::move(article.article);
  hit.comment_count = article.comment_count;
  std::size_t matched_documents = matches.get_matches_estimated();
  for (auto match = matches.begin(); match != matches.end(); ++match) {
    if (*match == *article_posting) {
      hit.article_matched = true;
      continue;
    }
    if (hit.comments.size() == comments_per_hit) {
      continue;
    }
    indexer::StoredDocument comment = stored(*match);
    CommentHit comment_hit;
    comment_hit.snippet = query::make_snippet(analyzer, comment.comment.text, terms);
    comment_hit.comment = std::move(comment.comment);
    hit.comments.push_back(std::move(comment_hit));
  }
  if (!hit.article_matched && matched_documents > hit.comments.size()) {
    // The article may rank below the shown comments; ask for it directly.
    Xapian::Enquire article_only(database);
    article_only.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(id_term)));
    hit.article_matched = !article_only.get_mset(0, 1).empty();
  }
  hit.matched_comments = matched_documents - (hit.article_matched ? 1 : 0);
  const std::string& text = hit.article.body.empty() ? hit.article.title : hit.article.body;
  hit.snippet = query::make_snippet(analyzer, text, terms);
  return hit;
}

SearchResult Searcher::Impl::run(const SearchRequest& request, const query::ParsedQuery& parsed) {
  SearchResult result;
  result.query = request.query;
  result.offset = request.offset;
  result.limit = request.limit;
  count_facets(request, parsed.query, result);

  // One hit per thread: its best-ranked document stands for the article and its comments.
  const Xapian::valueno thread_slot = *schema::field("thread").slot;
  Xapian::Enquire enquire(database);
  enquire.set_query(parsed.query);
  enquire.set_collapse_key(thread_slot);
  if (parsed.highlight_terms.empty()) {
    // Filters alone give every hit the same weight: newest first is the useful order then.
    enquire.set_sort_by_value_then_relevance(*schema::field("date").slot, true);
  }
  const Xapian::MSet page =
      enquire.get_mset(request.offset, request.limit, database.get_doccount());
  result.total_hits = page.get_matches_estimated();
  const TermSet terms(parsed.highlight_terms.begin(), parsed.highlight_terms.end());
  for (auto match = page.begin(); match != page.end(); ++match) {
    const std::string key = match.get_document().get_value(thread_slot);
    result.hits.push_back(
        make_hit(parsed.query, terms, key, match.get_weight(), request.comments_per_hit));
  }
  return result;
}

}  // namespace morgue
