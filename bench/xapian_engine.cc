// Stock Xapian, written the way the Xapian documentation's examples index and search: one
// TermGenerator (no stemmer), positional text, filter terms with Omega's prefixes, the record
// as the document data, one value slot per facet.
#include <fstream>
#include <unordered_map>

#include <xapian.h>

#include "bench/engine.h"

namespace morgue::bench {

namespace {

enum Slot : Xapian::valueno { kSite = 0, kType = 1, kMonth = 2, kTags = 3, kDate = 4 };
constexpr char kTagSeparator = '\x1f';
// About 30 words of news prose, the length of morgue's snippets.
constexpr std::size_t kSnippetBytes = 200;

std::string lower(const std::string& text) { return Xapian::Unicode::tolower(text); }

// ValueCountMatchSpy counts a slot's whole value; a document's tags are several values in one
// slot, so they are split and counted here.
class TagCountSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double /*weight*/) override {
    const std::string value = doc.get_value(kTags);
    std::size_t start = 0;
    while (start < value.size()) {
      std::size_t end = value.find(kTagSeparator, start);
      if (end == std::string::npos) {
        end = value.size();
      }
      ++counts_[value.substr(start, end - start)];
      start = end + 1;
    }
  }
  std::size_t top_values(std::size_t limit) const { return std::min(limit, counts_.size()); }

 private:
  std::unordered_map<std::string, std::size_t> counts_;
};

std::size_t top_values(const Xapian::ValueCountMatchSpy& spy, std::size_t limit) {
  std::size_t listed = 0;
  for (auto it = spy.top_values_begin(limit); it != spy.top_values_end(limit); ++it) {
    ++listed;
  }
  return listed;
}

class XapianEngine : public Engine {
 public:
  std::string name() const override { return "xapian"; }

  void build(const Corpus& corpus, const std::filesystem::path& index) override {
    Xapian::WritableDatabase db(index.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator generator;
    std::ifstream in(corpus.file, std::ios::binary);
    for (std::string line; std::getline(in, line);) {
      const BenchDocument record = parse_document(line);
      Xapian::Document doc;
      generator.set_document(doc);
      generator.index_text(record.title, 1, "S");
      generator.index_text(record.title);
      generator.increase_termpos();
      generator.index_text(record.body);
      // Tags are words too, as in morgue: a search for "cocoa" finds stories tagged cocoa.
      for (const auto& tag : record.tags) {
        generator.increase_termpos();
        generator.index_text(tag);
      }
      doc.add_boolean_term("H" + record.site);
      doc.add_boolean_term("XT" + record.type);
      doc.add_boolean_term("XM" + record.month);
      std::string tags;
      for (const auto& tag : record.tags) {
        doc.add_boolean_term("K" + lower(tag));
        if (!tags.empty()) {
          tags += kTagSeparator;
        }
        tags += tag;
      }
      for (const auto& author : record.authors) {
        doc.add_boolean_term("A" + lower(author));
      }
      doc.add_value(kSite, record.site);
      doc.add_value(kType, record.type);
      doc.add_value(kMonth, record.month);
      doc.add_value(kTags, tags);
      doc.add_value(kDate, record.date);  // ISO 8601: sorts as its text
      doc.set_data(line);
      const std::string id_term = "Q" + record.id;
      doc.add_boolean_term(id_term);
      db.replace_document(id_term, doc);
    }
    db.commit();
  }

  void compact(const std::filesystem::path& index,
               const std::filesystem::path& compacted) override {
    Xapian::Database(index.string()).compact(compacted.string());
  }

  void open(const std::filesystem::path& index) override { db_ = Xapian::Database(index.string()); }

  QueryOutcome run(const QuerySpec& spec, Mode mode) override {
    Xapian::Enquire enquire(db_);
    enquire.set_query(build_query(spec));
    if (spec.clauses.empty()) {
      // A query of filters alone has no words to rank by: newest first, as morgue and the FTS5
      // peer list them.
      enquire.set_sort_by_value(kDate, true);
    }
    QueryOutcome outcome;
    if (mode == Mode::kCountFacets) {
      enquire.set_weighting_scheme(Xapian::BoolWeight());
      Xapian::ValueCountMatchSpy sites(kSite);
      Xapian::ValueCountMatchSpy types(kType);
      Xapian::ValueCountMatchSpy months(kMonth);
      TagCountSpy tags;
      enquire.add_matchspy(&sites);
      enquire.add_matchspy(&types);
      enquire.add_matchspy(&months);
      enquire.add_matchspy(&tags);
      const Xapian::MSet all = enquire.get_mset(0, 0, db_.get_doccount());
      outcome.matches = all.get_matches_estimated();
      outcome.facet_values = top_values(sites, 10) + top_values(types, 10) +
                             top_values(months, 10) + tags.top_values(10);
      return outcome;
    }
    const Xapian::doccount check = mode == Mode::kTop10Count ? db_.get_doccount() : 0;
    const Xapian::MSet top = enquire.get_mset(0, 10, check);
    for (auto it = top.begin(); it != top.end(); ++it) {
      // A user shows each hit: fetch its stored record.
      const std::string data = it.get_document().get_data();
      outcome.hits += data.empty() ? 0 : 1;
      if (mode == Mode::kTop10Snippets) {
        // A results page: the record's fields, and a passage of the body about as long as
        // morgue's (30 words) with the query's words marked, by Xapian's own snippet generator.
        const BenchDocument record = parse_document(data);
        outcome.snippet_bytes += top.snippet(record.body, kSnippetBytes).size();
      }
    }
    outcome.matches = top.get_matches_estimated();
    return outcome;
  }

 private:
  static Xapian::Query build_query(const QuerySpec& spec) {
    std::vector<Xapian::Query> clauses;
    for (const auto& words : spec.clauses) {
      if (words.size() == 1) {
        clauses.emplace_back(words.front());
      } else {
        std::vector<Xapian::Query> terms(words.begin(), words.end());
        clauses.emplace_back(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                             static_cast<Xapian::termcount>(words.size()));
      }
    }
    std::vector<Xapian::Query> filters;
    if (!spec.site.empty()) {
      filters.emplace_back("H" + spec.site);
    }
    if (!spec.type.empty()) {
      filters.emplace_back("XT" + spec.type);
    }
    if (!spec.month.empty()) {
      filters.emplace_back("XM" + spec.month);
    }
    const Xapian::Query filter(Xapian::Query::OP_AND, filters.begin(), filters.end());
    if (clauses.empty()) {
      return filter;
    }
    const Xapian::Query text(spec.any ? Xapian::Query::OP_OR : Xapian::Query::OP_AND,
                             clauses.begin(), clauses.end());
    return filters.empty() ? text : Xapian::Query(Xapian::Query::OP_FILTER, text, filter);
  }

  Xapian::Database db_;
};

}  // namespace

std::unique_ptr<Engine> make_xapian_engine() { return std::make_unique<XapianEngine>(); }

}  // namespace morgue::bench
