// The benchmark's results and the Markdown tables printed from them.
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "bench/corpus.h"
#include "bench/engine.h"
#include "bench/query_spec.h"

namespace morgue::bench {

inline constexpr std::array kModeNames = {"top 10", "top 10 + exact count",
                                          "exact count + 4 facets", "top 10 + snippets"};

/// One engine at one scale.
struct EngineResult {
  double index_seconds = 0;      ///< in-process: open, index every document, final commit
  double index_cpu_seconds = 0;  ///< CPU time of the same span
  double index_rss_mib = 0;      ///< peak RSS of the indexing process
  double built_bytes = 0;        ///< index size as built
  double compacted_bytes = 0;    ///< after xapian-compact / FTS5 optimize + VACUUM
  double compact_seconds = 0;
  double open_first_ms = 0;  ///< opening the index and answering the first query, cold
  double exec_ms = 0;        ///< the command-line program, start to exit (morgue only)
  double query_rss_mib = 0;  ///< peak RSS of the querying process
  /// Per mode: the median milliseconds of each query, in query-file order.
  std::array<std::vector<double>, kModes> medians;
  /// Per mode: the median CPU milliseconds of each query.
  std::array<std::vector<double>, kModes> cpu_medians;
  /// Per mode: the matches each query reported (exact except in "top 10").
  std::array<std::vector<std::size_t>, kModes> matches;
};

/// All engines at one scale.
struct ScaleResult {
  int scale = 1;
  Corpus corpus;
  std::map<std::string, EngineResult> engines;  ///< by Engine::name()
  std::string load_before;                      ///< /proc/loadavg when the scale started
  std::string load_after;                       ///< and when it ended
};

/// Prints the tables of one scale: indexing, size, latency per mode, hit counts per query.
void print_scale(std::ostream& out, const ScaleResult& result,
                 const std::vector<QuerySpec>& queries);

/// Prints how every figure grows from the smallest to the largest scale, and the goals
/// checked at the largest scale.
void print_summary(std::ostream& out, const std::vector<ScaleResult>& results);

}  // namespace morgue::bench
