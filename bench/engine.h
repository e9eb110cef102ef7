// What the benchmark asks of each engine: build an index from a corpus, compact it, open it
// and answer a logical query in one of four modes.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "bench/corpus.h"
#include "bench/query_spec.h"

namespace morgue::bench {

/// The ways each query is run.
enum class Mode {
  kTop10,        ///< the ten best hits with their stored fields; no exact count asked for
  kTop10Count,   ///< the ten best hits and the exact number of matches
  kCountFacets,  ///< the exact number of matches and the top values of site, type, month, tags
  /// The ten best hits as a results page shows them: stored fields plus a passage of the body
  /// with the matched words marked (morgue always makes one; the peers' own snippet functions).
  kTop10Snippets,
};
/// How many modes there are.
inline constexpr int kModes = 4;

/// What one run of a query returned, to compare engines.
struct QueryOutcome {
  std::size_t matches = 0;        ///< exact in kTop10Count and kCountFacets
  std::size_t hits = 0;           ///< hits returned (at most 10)
  std::size_t facet_values = 0;   ///< facet values returned over all four facets
  std::size_t snippet_bytes = 0;  ///< bytes of the hits' snippets (kTop10Snippets)
};

/// One search engine under test. Not thread-safe; the benchmark uses each from one process.
class Engine {
 public:
  virtual ~Engine() = default;
  /// "morgue", "fts5" or "xapian".
  virtual std::string name() const = 0;
  /// Indexes every document of the corpus into a new index at `index`.
  virtual void build(const Corpus& corpus, const std::filesystem::path& index) = 0;
  /// Writes the compacted form of `index` to `compacted` (xapian-compact, FTS5 optimize +
  /// VACUUM).
  virtual void compact(const std::filesystem::path& index,
                       const std::filesystem::path& compacted) = 0;
  /// Opens `index` for the queries that follow.
  virtual void open(const std::filesystem::path& index) = 0;
  /// Answers one query.
  virtual QueryOutcome run(const QuerySpec& query, Mode mode) = 0;
};

/// morgue through its library API (morgue::Indexer, morgue::Searcher).
std::unique_ptr<Engine> make_morgue_engine();
/// SQLite FTS5: an external-content table over title, body and tags, tables for the facets.
std::unique_ptr<Engine> make_fts5_engine();
/// Stock Xapian as a typical user writes it: TermGenerator, full text in the document data,
/// values for facets counted with ValueCountMatchSpy.
std::unique_ptr<Engine> make_xapian_engine();
/// The engine named "morgue", "fts5" or "xapian"; throws morgue::Error for another name.
std::unique_ptr<Engine> make_engine(const std::string& name);

}  // namespace morgue::bench
