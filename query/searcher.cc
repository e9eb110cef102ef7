#include <algorithm>
#include <chrono>
#include <filesystem>
#include <limits>
#include <optional>
#include <system_error>

#include <fmt/format.h>
#include <xapian.h>

#include <morgue/error.h>
#include <morgue/searcher.h>

#include "indexer/analyzer.h"
#include "indexer/schema.h"
#include "query/count_query.h"
#include "query/cursor.h"
#include "query/day_range_source.h"
#include "query/facet_id_column.h"
#include "query/facet_spy.h"
#include "query/facets.h"
#include "query/query_parser.h"
#include "query/ranking.h"
#include "query/snippets.h"
#include "query/suggestions.h"
#include "query/threads.h"

namespace morgue {

namespace {

// A reader open at revision R fails with DatabaseModifiedError once the writer has committed
// twice since; reopening and trying again is the cure (ENGINEERING-NOTES.md). Each try that
// loses to a commit makes the next one likelier to lose the same way when the machine is busy
// (tests/concurrency_test.cc lost 4 tries running in 2 of 159 searches at a load of 3 with a
// commit every 2 documents), so the bound is generous: a try costs one search.
constexpr int kAttempts = 10;
// Words of an article that stand for it in a "more like this" search.
constexpr Xapian::termcount kLikeTerms = 25;

const char* const kFacetNames = "tag, author, date, site, language, type and kind";

void check_facet_field(const std::string& name) {
  const schema::Field* field = schema::find_field(name);
  if (field == nullptr || !field->facet_slot) {
    throw QueryError(fmt::format("no facet named '{}'; facets are {}", name, kFacetNames));
  }
}

void check_request(const SearchRequest& request) {
  if (request.limit > SearchRequest::kMaxLimit) {
    throw QueryError(fmt::format("a page holds at most {} hits; {} were asked for",
                                 SearchRequest::kMaxLimit, request.limit));
  }
  if (request.facet_values > SearchRequest::kMaxFacetValues) {
    throw QueryError(fmt::format("a facet lists at most {} values; {} were asked for",
                                 SearchRequest::kMaxFacetValues, request.facet_values));
  }
  for (const auto& name : request.facets) {
    check_facet_field(name);
  }
  for (const auto& [name, values] : request.filters) {
    check_facet_field(name);
    if (values.size() > SearchRequest::kMaxFilterValues) {
      throw QueryError(fmt::format("a filter selects at most {} values of {}; {} were given",
                                   SearchRequest::kMaxFilterValues, name, values.size()));
    }
  }
}

// The newest modification time among the database's files: Xapian rewrites its version file
// on every commit, so this is when the indexer last committed.
std::optional<DateTime> last_modified(const std::filesystem::path& database) {
  std::error_code error;
  std::optional<std::filesystem::file_time_type> newest;
  const auto consider = [&](const std::filesystem::path& file) {
    const auto time = std::filesystem::last_write_time(file, error);
    if (!error && (!newest || time > *newest)) {
      newest = time;
    }
  };
  if (std::filesystem::is_directory(database, error)) {
    for (const auto& entry : std::filesystem::directory_iterator(database, error)) {
      if (entry.is_regular_file(error)) {
        consider(entry.path());
      }
    }
  } else {
    consider(database);
  }
  if (!newest) {
    return std::nullopt;
  }
  const auto seconds =
      std::chrono::floor<std::chrono::seconds>(std::chrono::file_clock::to_sys(*newest));
  const auto day = std::chrono::floor<std::chrono::days>(seconds);
  const std::chrono::year_month_day date(day);
  const std::chrono::hh_mm_ss time(seconds - day);
  DateTime out;
  out.year = static_cast<int>(date.year());
  out.month = static_cast<int>(static_cast<unsigned>(date.month()));
  out.day = static_cast<int>(static_cast<unsigned>(date.day()));
  out.hour = static_cast<int>(time.hours().count());
  out.minute = static_cast<int>(time.minutes().count());
  out.second = static_cast<int>(time.seconds().count());
  out.has_time = true;
  out.utc_offset_minutes = 0;
  return out;
}

bool is_date_sort(SortOrder sort) { return sort != SortOrder::kRelevance; }

}  // namespace

SortOrder parse_sort_order(const std::string& name) {
  if (name == "relevance") {
    return SortOrder::kRelevance;
  }
  if (name == "newest") {
    return SortOrder::kNewest;
  }
  if (name == "oldest") {
    return SortOrder::kOldest;
  }
  throw QueryError(
      fmt::format("unknown sort order '{}'; choose relevance, newest or oldest", name));
}

struct Searcher::Impl {
  explicit Impl(const std::filesystem::path& database_path)
      : path(database_path), parser(analyzer), threads(database, analyzer) {
    std::string version;
    for (int attempt = 1;; ++attempt) {
      try {
        database = Xapian::Database(path.string());
        version = database.get_metadata(std::string(schema::kSchemaVersionKey));
        break;
      } catch (const Xapian::DatabaseModifiedError&) {
        // Two commits landed between opening and reading the metadata.
        if (attempt == kAttempts) {
          throw DatabaseError(
              fmt::format("database {} changed {} times while being opened; try again",
                          path.string(), kAttempts));
        }
      } catch (const Xapian::DatabaseCorruptError& e) {
        // A commit rewrote a block while it was being opened (see with_retries); damage that is
        // real is still there after the last try.
        if (attempt == kAttempts) {
          throw DatabaseError(
              fmt::format("cannot open database {}: {}", path.string(), e.get_description()));
        }
      } catch (const Xapian::Error& e) {
        throw DatabaseError(
            fmt::format("cannot open database {}: {}", path.string(), e.get_description()));
      }
    }
    if (version.empty()) {
      throw DatabaseError(fmt::format(
          "{} is not a morgue database (it has no schema version); build one with morgue-index",
          path.string()));
    }
    facet_ids = version == schema::kSchemaVersion;
    parser.set_date_filter([this](const query::DateRange& range) { return day_filter(range); });
  }

  // Runs `action` on a fresh view of the database, retrying when a writer's commits overtake
  // it, and translating Xapian's errors.
  template <typename Action>
  auto with_retries(Action action) {
    for (int attempt = 1;; ++attempt) {
      try {
        database.reopen();
        return action();
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt == kAttempts) {
          throw DatabaseError(
              fmt::format("database {} changed {} times while being read; try "
                          "again",
                          path.string(), kAttempts));
        }
      } catch (const Xapian::DatabaseCorruptError& e) {
        // Glass can report a block that a commit rewrote under a reader as corruption ("Expected
        // block 1 to be level 1, not 0", tests/concurrency_test.cc) rather than as modified.
        // When the database has moved on since, another try reads the new revision; when it has
        // not, the damage is real.
        if (attempt == kAttempts || !database.reopen()) {
          throw DatabaseError(
              fmt::format("cannot read database {}: {}", path.string(), e.get_description()));
        }
      } catch (const Xapian::WildcardError&) {
        throw QueryError(
            fmt::format("a wildcard stands for more than {} different words; write "
                        "more letters before the *",
                        query::kMaxWildcardTerms));
      } catch (const Xapian::Error& e) {
        throw DatabaseError(
            fmt::format("cannot read database {}: {}", path.string(), e.get_description()));
      }
    }
  }

  std::string key_of(const std::string& id_or_key) const;
  std::optional<Xapian::Query> day_filter(const query::DateRange& range);
  const query::FacetIdColumn* refreshed_column();
  Xapian::Query like_query(const std::string& id_or_key);
  Xapian::Query filter_query(const std::string& field, const std::vector<std::string>& values);
  SearchResult run(const SearchRequest& request);
  void count(const SearchRequest& request, const Xapian::Query& base,
             const std::map<std::string, Xapian::Query>& filters, SearchResult& result);
  void page(const SearchRequest& request, const Xapian::Query& query,
            const query::MatchTerms& terms, bool ranked, SearchResult& result);

  std::filesystem::path path;
  Xapian::Database database;
  indexer::Analyzer analyzer;
  query::QueryParser parser;
  query::ThreadReader threads;
  // The database has the facet-id slot (indexer/facet_ids.h); else facets are counted from
  // their own slots.
  bool facet_ids = false;
  query::FacetIdColumn facet_id_column;
};

Searcher::Searcher(const std::filesystem::path& database)
    : impl_(std::make_unique<Impl>(database)) {}

Searcher::~Searcher() = default;

SearchResult Searcher::search(const SearchRequest& request) {
  check_request(request);
  return impl_->with_retries([&] { return impl_->run(request); });
}

ArticleThread Searcher::article(const std::string& id_or_key) {
  return impl_->with_retries([&] {
    auto thread = impl_->threads.thread(impl_->key_of(id_or_key));
    if (!thread) {
      throw QueryError(fmt::format("no article with id or key '{}'", id_or_key));
    }
    return *thread;
  });
}

DatabaseStats Searcher::stats() {
  return impl_->with_retries([&] {
    DatabaseStats stats;
    stats.database = impl_->path.string();
    stats.documents = impl_->database.get_doccount();
    const schema::Field& kind = schema::field("kind");
    stats.articles = impl_->database.get_termfreq(schema::term(kind, schema::kKindArticle));
    stats.comments = impl_->database.get_termfreq(schema::term(kind, schema::kKindComment));
    stats.revision = impl_->database.get_revision();
    stats.last_modified = last_modified(impl_->path);
    return stats;
  });
}

// The facet-id column at the database's revision, or null when facets are counted from their
// own slots: in a database without the facet-id slot, or one of several shards (each with its
// own dictionary and docids).
const query::FacetIdColumn* Searcher::Impl::refreshed_column() {
  if (!facet_ids || database.size() != 1) {
    return nullptr;
  }
  facet_id_column.refresh(database);
  return &facet_id_column;
}

// A `date:` range of whole UTC days (every range the query language writes) is read from the
// facet-id column's days: the same documents as the range over the date slot, since dates are
// whole seconds, for a fraction of the instructions.
std::optional<Xapian::Query> Searcher::Impl::day_filter(const query::DateRange& range) {
  constexpr std::int64_t kDay = 86400;
  const auto whole_days = [](std::optional<std::int64_t> second, std::int64_t offset) {
    return !second || ((*second + offset) % kDay + kDay) % kDay == 0;
  };
  if (!whole_days(range.first_second, 0) || !whole_days(range.last_second, 1)) {
    return std::nullopt;
  }
  const auto day_of = [](std::int64_t second) {
    const std::int64_t day = second / kDay - (second % kDay < 0 ? 1 : 0);
    return static_cast<std::int32_t>(
        std::clamp<std::int64_t>(day, std::numeric_limits<std::int32_t>::min() + 1,
                                 std::numeric_limits<std::int32_t>::max()));
  };
  const query::FacetIdColumn* column = refreshed_column();
  if (column == nullptr) {
    return std::nullopt;
  }
  const std::int32_t first = range.first_second ? day_of(*range.first_second)
                                                : std::numeric_limits<std::int32_t>::min() + 1;
  const std::int32_t last =
      range.last_second ? day_of(*range.last_second) : std::numeric_limits<std::int32_t>::max();
  return Xapian::Query((new query::DayRangeSource(*column, first, last))->release());
}

// An id as the source gave it ("mg-001") or a key ("id:mg-001", "url:...", "hash:...").
std::string Searcher::Impl::key_of(const std::string& id_or_key) const {
  if (threads.article_docid(id_or_key) != 0) {
    return id_or_key;
  }
  return "id:" + id_or_key;
}

Xapian::Query Searcher::Impl::like_query(const std::string& id_or_key) {
  const std::string key = key_of(id_or_key);
  const Xapian::docid article = threads.article_docid(key);
  if (article == 0) {
    throw QueryError(fmt::format("no article with id or key '{}' to find others like", id_or_key));
  }
  Xapian::RSet relevant;
  relevant.add_document(article);
  Xapian::Enquire enquire(database);
  enquire.set_query(Xapian::Query(std::string()));  // not the shared MatchAll: see query_parser.cc
  // Plain words only: prefixed terms (tags, authors, ids) start with a capital letter.
  struct PlainWords : Xapian::ExpandDecider {
    bool operator()(const std::string& term) const override {
      return !term.empty() && !(term.front() >= 'A' && term.front() <= 'Z') &&
             term.find_first_not_of("0123456789.,") != std::string::npos;
    }
  } plain_words;
  const Xapian::ESet words = enquire.get_eset(kLikeTerms, relevant, &plain_words);
  std::vector<Xapian::Query> terms;
  for (auto word = words.begin(); word != words.end(); ++word) {
    terms.emplace_back(*word);
  }
  const Xapian::Query itself(schema::term(schema::field("thread"), key));
  const Xapian::Query articles(
      schema::term(schema::field("kind"), std::string(schema::kKindArticle)));
  return Xapian::Query(
      Xapian::Query::OP_AND_NOT,
      Xapian::Query(Xapian::Query::OP_FILTER,
                    Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()), articles),
      itself);
}

// The values of one facet field, ORed, as the query language reads them.
Xapian::Query Searcher::Impl::filter_query(const std::string& field,
                                           const std::vector<std::string>& values) {
  std::vector<Xapian::Query> alternatives;
  for (const auto& value : values) {
    // Quoted and escaped, any value reads back as itself, quotes included.
    alternatives.push_back(parser.parse(query::filter_for(field, value)).query);
  }
  return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

SearchResult Searcher::Impl::run(const SearchRequest& request) {
  SearchResult result;
  result.query = request.query;
  result.like = request.like;
  result.offset = request.offset;
  result.limit = request.limit;

  const query::ParsedQuery parsed = parser.parse(request.query, request.language);
  Xapian::Query base = parsed.query;
  if (!request.like.empty()) {
    const Xapian::Query like = like_query(request.like);
    base = request.query.empty() ? like : Xapian::Query(Xapian::Query::OP_AND, base, like);
  }
  std::map<std::string, Xapian::Query> filters;
  for (const auto& [field, values] : request.filters) {
    if (!values.empty()) {
      filters.emplace(schema::find_field(field)->name, filter_query(field, values));
    }
  }
  std::vector<Xapian::Query> all_filters;
  for (const auto& [field, filter] : filters) {
    all_filters.push_back(filter);
  }
  const Xapian::Query query =
      all_filters.empty() ? base
                          : Xapian::Query(Xapian::Query::OP_FILTER, base,
                                          Xapian::Query(Xapian::Query::OP_AND, all_filters.begin(),
                                                        all_filters.end()));
  count(request, base, filters, result);

  const query::MatchTerms terms{{parsed.highlight_terms.begin(), parsed.highlight_terms.end()},
                                parsed.highlight_prefixes,
                                {parsed.highlight_stems.begin(), parsed.highlight_stems.end()}};
  const bool ranked = !parsed.highlight_terms.empty() || !parsed.highlight_prefixes.empty() ||
                      !request.like.empty();
  page(request, query, terms, ranked, result);
  if (result.total_hits == 0 && !request.query.empty()) {
    result.did_you_mean = query::suggest_query(database, analyzer, request.query);
  }
  return result;
}

// Totals and facets, exact over every match. A selected facet is counted without its own
// selection, so its other values stay visible (multi-select faceting).
void Searcher::Impl::count(const SearchRequest& request, const Xapian::Query& base,
                           const std::map<std::string, Xapian::Query>& filters,
                           SearchResult& result) {
  const auto filtered = [&](const std::string& except) {
    std::vector<Xapian::Query> kept;
    for (const auto& [field, filter] : filters) {
      if (field != except) {
        kept.push_back(filter);
      }
    }
    if (kept.empty()) {
      return base;
    }
    return Xapian::Query(Xapian::Query::OP_FILTER, base,
                         Xapian::Query(Xapian::Query::OP_AND, kept.begin(), kept.end()));
  };
  // Runs one counting pass: every document matching `query` goes past the spies.
  const auto run_pass = [this](const Xapian::Query& query,
                               const std::vector<Xapian::MatchSpy*>& spies) {
    Xapian::Enquire enquire(database);
    enquire.set_query(query::count_query(query));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    for (auto* spy : spies) {
      enquire.add_matchspy(spy);
    }
    return enquire.get_mset(0, 0, database.get_doccount()).get_matches_estimated();
  };

  const std::string comment_term =
      schema::term(schema::field("kind"), std::string(schema::kKindComment));
  const bool any_comments = database.get_termfreq(comment_term) > 0;
  // Facets counted in the main pass, all by one spy; the selected ones are counted apart.
  std::vector<std::string> unselected;
  for (const auto& name : request.facets) {
    const std::string field(schema::find_field(name)->name);
    if (!filters.contains(field)) {
      unselected.push_back(field);
    }
  }
  const query::FacetIdColumn* column = request.facets.empty() ? nullptr : refreshed_column();
  query::FacetSpy facets(database, unselected, column, any_comments);
  std::vector<Xapian::MatchSpy*> spies;
  if (!unselected.empty()) {
    spies.push_back(&facets);
  }
  result.total_documents = run_pass(filtered(""), spies);
  // Comments are counted by intersecting with their kind's posting list, which reads no
  // document; articles are the rest.
  result.total_comments = any_comments && result.total_documents > 0
                              ? run_pass(Xapian::Query(Xapian::Query::OP_FILTER, filtered(""),
                                                       Xapian::Query(comment_term)),
                                         {})
                              : 0;
  result.total_articles = result.total_documents - result.total_comments;
  // Each matching article is a thread of its own; only matching comments can add threads (or
  // fall in one already counted). Counting distinct threads reads every match's thread key,
  // which costs more than the rest of the pass, so it is done only when comments matched.
  result.total_hits = result.total_articles;
  if (result.total_comments > 0) {
    query::DistinctCounter thread_count(database, *schema::field("thread").slot);
    run_pass(filtered(""), {&thread_count});
    result.total_hits = thread_count.count();
  }

  for (const auto& name : request.facets) {
    const std::string field(schema::find_field(name)->name);
    Facet facet;
    if (filters.contains(field)) {
      query::FacetSpy own(database, {field}, column, any_comments);
      run_pass(filtered(field), {&own});
      facet = own.result(field, request.facet_values);
      const auto& selected = request.filters.at(name);
      for (auto& value : facet.values) {
        for (const auto& wanted : selected) {
          value.selected = value.selected ||
                           analyzer.normalize(wanted) == analyzer.normalize(value.value) ||
                           value.filter == query::filter_for(field, wanted);
        }
      }
    } else {
      facet = facets.result(field, request.facet_values);
    }
    result.facets.push_back(std::move(facet));
  }
}

// One page of hits, one per thread, in the requested order, starting at the offset or cursor.
void Searcher::Impl::page(const SearchRequest& request, const Xapian::Query& query,
                          const query::MatchTerms& terms, bool ranked, SearchResult& result) {
  SortOrder sort = request.sort;
  if (sort == SortOrder::kRelevance && !ranked) {
    sort = SortOrder::kNewest;  // filters alone rank nothing: the newest is the useful first
  }
  query::Cursor start{request.offset, "", 0};
  if (!request.after.empty()) {
    const auto cursor = query::decode_cursor(request.after);
    if (!cursor) {
      throw QueryError(
          fmt::format("'{}' is not a cursor from this search's next_cursor", request.after));
    }
    start = *cursor;
    result.offset = start.offset;
  }
  if (request.limit == 0) {
    return;  // counts and facets only: no page to rank
  }
  const Xapian::valueno date_slot = *schema::field("date").slot;
  const Xapian::valueno thread_slot = *schema::field("thread").slot;
  // The article bonus orders an article before a comment that matches as well. When no comment
  // matched, every hit would get it alike, so it is left out: the order is the same, and
  // checking each match against the articles' posting list was a quarter of a top-10 search for
  // a common word (`said`: 30.8 M instructions with it, 23.2 M without).
  Xapian::Query paged = result.total_comments > 0 ? query::with_preferences(query) : query;
  std::size_t skip = start.offset;
  if (is_date_sort(sort) && !start.last_date.empty()) {
    // Continue from the last date shown: a range on the date, then skip the hits already
    // shown with that very date.
    const auto op =
        sort == SortOrder::kNewest ? Xapian::Query::OP_VALUE_LE : Xapian::Query::OP_VALUE_GE;
    paged = Xapian::Query(Xapian::Query::OP_FILTER, paged,
                          Xapian::Query(op, date_slot, start.last_date));
    skip = start.same_date;
  }
  Xapian::Enquire enquire(database);
  enquire.set_query(paged);
  const auto weight = query::make_weight();
  enquire.set_weighting_scheme(*weight);
  enquire.set_collapse_key(thread_slot);
  if (is_date_sort(sort)) {
    enquire.set_sort_by_value_then_relevance(date_slot, sort == SortOrder::kNewest);
  }
  const Xapian::MSet mset = enquire.get_mset(skip, request.limit);
  query::Cursor next{start.offset, start.last_date, start.same_date};
  for (auto match = mset.begin(); match != mset.end(); ++match) {
    const Xapian::Document document = match.get_document();
    result.hits.push_back(threads.hit(query, terms, document.get_value(thread_slot),
                                      match.get_weight(), request.comments_per_hit,
                                      result.total_comments > 0));
    ++next.offset;
    const std::string date = document.get_value(date_slot);
    if (is_date_sort(sort) && !date.empty()) {
      next.same_date = date == next.last_date ? next.same_date + 1 : 1;
      next.last_date = date;
    } else {
      next.last_date.clear();  // undated hits or relevance: continue by offset
      next.same_date = 0;
    }
  }
  if (next.offset < result.total_hits && !result.hits.empty()) {
    result.next_cursor = query::encode_cursor(next);
  }
}

}  // namespace morgue
