#include "bench/report.h"

#include <fmt/format.h>

#include "bench/measure.h"

namespace morgue::bench {

namespace {

constexpr double kMegabyte = 1e6;
const std::array<std::string, 3> kEngines = {"morgue", "fts5", "xapian"};

// "value (ratio to FTS5 F, ratio to Xapian X)"; a ratio is left out when its peer did not run.
std::string cell(const ScaleResult& result, double value,
                 double (*figure)(const ScaleResult&, const EngineResult&), int precision) {
  std::string out = fmt::format("{:.{}f}", value, precision);
  std::string ratios;
  for (const auto& [peer, letter] : {std::pair{"fts5", "F"}, std::pair{"xapian", "X"}}) {
    const auto found = result.engines.find(peer);
    if (found == result.engines.end()) {
      continue;
    }
    const double base = figure(result, found->second);
    ratios +=
        fmt::format("{}{:.2f}×{}", ratios.empty() ? "" : " ", base > 0 ? value / base : 0, letter);
  }
  return ratios.empty() ? out : fmt::format("{} ({})", out, ratios);
}

double docs_per_second(const ScaleResult& r, const EngineResult& e) {
  return static_cast<double>(r.corpus.documents) / e.index_seconds;
}
double mb_per_second(const ScaleResult& r, const EngineResult& e) {
  return static_cast<double>(r.corpus.bytes) / kMegabyte / e.index_seconds;
}
double cpu_mb_per_second(const ScaleResult& r, const EngineResult& e) {
  return static_cast<double>(r.corpus.bytes) / kMegabyte / e.index_cpu_seconds;
}
double index_seconds(const ScaleResult& /*r*/, const EngineResult& e) { return e.index_seconds; }
double index_cpu_seconds(const ScaleResult& /*r*/, const EngineResult& e) {
  return e.index_cpu_seconds;
}
double index_rss(const ScaleResult& /*r*/, const EngineResult& e) { return e.index_rss_mib; }
double built_ratio(const ScaleResult& r, const EngineResult& e) {
  return e.built_bytes / static_cast<double>(r.corpus.bytes);
}
double compacted_ratio(const ScaleResult& r, const EngineResult& e) {
  return e.compacted_bytes / static_cast<double>(r.corpus.bytes);
}
double open_first(const ScaleResult& /*r*/, const EngineResult& e) { return e.open_first_ms; }
double query_rss(const ScaleResult& /*r*/, const EngineResult& e) { return e.query_rss_mib; }

template <int kMode, int kPercent, bool kCpu = false>
double latency(const ScaleResult& /*r*/, const EngineResult& e) {
  return percentile(kCpu ? e.cpu_medians[kMode] : e.medians[kMode], kPercent);
}

using Figure = double (*)(const ScaleResult&, const EngineResult&);
constexpr std::array<std::array<Figure, 4>, kModes> kLatency = {{
    {latency<0, 50>, latency<0, 95>, latency<0, 50, true>, latency<0, 95, true>},
    {latency<1, 50>, latency<1, 95>, latency<1, 50, true>, latency<1, 95, true>},
    {latency<2, 50>, latency<2, 95>, latency<2, 50, true>, latency<2, 95, true>},
    {latency<3, 50>, latency<3, 95>, latency<3, 50, true>, latency<3, 95, true>},
}};

// Calls `row(name, result)` for each engine that ran, in the tables' order.
template <typename Row>
void for_each_engine(const ScaleResult& result, const Row& row) {
  for (const auto& name : kEngines) {
    const auto found = result.engines.find(name);
    if (found != result.engines.end()) {
      row(name, found->second);
    }
  }
}

}  // namespace

void print_scale(std::ostream& out, const ScaleResult& result,
                 const std::vector<QuerySpec>& queries) {
  out << fmt::format(
      "\n## Scale {}x: {} documents, {:.1f} MB of JSON Lines\n\n"
      "Each figure is followed by its ratio to FTS5 (F) and to stock Xapian (X). Load average "
      "(1, 5, 15 min): {} before, {} after.\n\n",
      result.scale, result.corpus.documents, static_cast<double>(result.corpus.bytes) / kMegabyte,
      result.load_before, result.load_after);
  out << "| engine | index s | documents/s | MB/s | CPU s | MB per CPU s | peak RSS MiB | size ÷ "
         "input | compacted ÷ input |\n|---|---|---|---|---|---|---|---|---|\n";
  for_each_engine(result, [&](const std::string& name, const EngineResult& e) {
    out << fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", name,
                       cell(result, e.index_seconds, index_seconds, 2),
                       cell(result, docs_per_second(result, e), docs_per_second, 0),
                       cell(result, mb_per_second(result, e), mb_per_second, 2),
                       cell(result, e.index_cpu_seconds, index_cpu_seconds, 2),
                       cell(result, cpu_mb_per_second(result, e), cpu_mb_per_second, 2),
                       cell(result, e.index_rss_mib, index_rss, 0),
                       cell(result, built_ratio(result, e), built_ratio, 2),
                       cell(result, compacted_ratio(result, e), compacted_ratio, 2));
  });
  out << "\n| engine | mode | p50 ms | p95 ms | p50 CPU ms | p95 CPU ms |\n"
         "|---|---|---|---|---|---|\n";
  for_each_engine(result, [&](const std::string& name, const EngineResult& e) {
    for (int mode = 0; mode < kModes; ++mode) {
      out << fmt::format("| {} | {}", name, kModeNames[mode]);
      for (const Figure figure : kLatency[mode]) {
        out << " | " << cell(result, figure(result, e), figure, 3);
      }
      out << " |\n";
    }
  });
  out << "\n| engine | open + first query ms (cold process) | program start to exit ms | query "
         "process peak RSS MiB |\n|---|---|---|---|\n";
  for_each_engine(result, [&](const std::string& name, const EngineResult& e) {
    out << fmt::format("| {} | {} | {} | {} |\n", name,
                       cell(result, e.open_first_ms, open_first, 2),
                       e.exec_ms > 0 ? fmt::format("{:.1f}", e.exec_ms) : "–",
                       cell(result, e.query_rss_mib, query_rss, 0));
  });
  out << "\nExact matches per query (mode \"top 10 + exact count\"; ≠ marks a disagreement):\n\n"
         "| # | query | morgue | fts5 | xapian | |\n|---|---|---|---|---|---|\n";
  for (std::size_t q = 0; q < queries.size(); ++q) {
    std::vector<std::string> counts;
    std::vector<std::size_t> values;
    for (const auto& name : kEngines) {
      const auto found = result.engines.find(name);
      if (found == result.engines.end() || found->second.matches[1].size() <= q) {
        counts.emplace_back("–");
        continue;
      }
      values.push_back(found->second.matches[1][q]);
      counts.push_back(fmt::format("{}", values.back()));
    }
    const bool agree = std::all_of(values.begin(), values.end(),
                                   [&](std::size_t v) { return v == values.front(); });
    std::string shown = queries[q].line;
    for (auto& c : shown) {
      c = c == '|' ? '/' : c;
    }
    out << fmt::format("| {} | `{}` | {} | {} | {} | {} |\n", q + 1, shown, counts[0], counts[1],
                       counts[2], agree ? "" : "≠");
  }
}

void print_summary(std::ostream& out, const std::vector<ScaleResult>& results) {
  if (results.empty()) {
    return;
  }
  out << "\n## Scaling\n\nLatencies are p50 of the per-query medians, wall (CPU).\n\n"
         "| engine | scale | documents | index s | MB/s (per CPU s) | compacted ÷ input | "
         "top 10 ms | top 10 + count ms | count + facets ms | top 10 + snippets ms "
         "|\n|---|---|---|---|---|---|---|---|---|---|\n";
  for (const auto& name : kEngines) {
    for (const auto& result : results) {
      const auto found = result.engines.find(name);
      if (found == result.engines.end()) {
        continue;
      }
      const EngineResult& e = found->second;
      out << fmt::format(
          "| {} | {}x | {} | {:.2f} | {:.2f} ({:.2f}) | {:.2f} | {:.3f} ({:.3f}) | {:.3f} ({:.3f}) "
          "| {:.3f} ({:.3f}) | {:.3f} ({:.3f}) |\n",
          name, result.scale, result.corpus.documents, e.index_seconds, mb_per_second(result, e),
          cpu_mb_per_second(result, e), compacted_ratio(result, e), latency<0, 50>(result, e),
          latency<0, 50, true>(result, e), latency<1, 50>(result, e),
          latency<1, 50, true>(result, e), latency<2, 50>(result, e),
          latency<2, 50, true>(result, e), latency<3, 50>(result, e),
          latency<3, 50, true>(result, e));
    }
  }
  const ScaleResult& last = results.back();
  const auto morgue = last.engines.find("morgue");
  const auto xapian = last.engines.find("xapian");
  if (morgue == last.engines.end() || xapian == last.engines.end()) {
    return;
  }
  const EngineResult& m = morgue->second;
  const EngineResult& x = xapian->second;
  const auto verdict = [](bool met) { return met ? "**met**" : "not met"; };
  const double speed = mb_per_second(last, m) / mb_per_second(last, x);
  const double cpu_speed = cpu_mb_per_second(last, m) / cpu_mb_per_second(last, x);
  const double size = compacted_ratio(last, m);
  const double facets = latency<2, 50>(last, m) / latency<2, 50>(last, x);
  const double cpu_facets = latency<2, 50, true>(last, m) / latency<2, 50, true>(last, x);
  const double top = latency<0, 50>(last, m) / latency<0, 50>(last, x);
  const double cpu_top = latency<0, 50, true>(last, m) / latency<0, 50, true>(last, x);
  const double snippets = latency<3, 50>(last, m) / latency<3, 50>(last, x);
  const double cpu_snippets = latency<3, 50, true>(last, m) / latency<3, 50, true>(last, x);
  out << fmt::format(
      "\n## Goals of issue 7 at {}x\n\n| goal | measured: wall (CPU) | |\n|---|---|---|\n"
      "| indexing MB/s ≥ 4× stock Xapian | {:.2f}× ({:.2f}×) | {} |\n"
      "| index size ≤ 1.0× input after compaction | {:.2f}× | {} |\n"
      "| faceted-query p50 ≤ 0.3× stock Xapian | {:.2f}× ({:.2f}×) | {} |\n"
      "| top-10 p50 ≤ 1.0× stock Xapian | {:.2f}× ({:.2f}×) | {} |\n"
      "| (like for like, not a goal of the issue) top 10 + snippets p50 against stock Xapian "
      "with `MSet::snippet` | {:.2f}× ({:.2f}×) | |\n",
      last.scale, speed, cpu_speed, verdict(speed >= 4 && cpu_speed >= 4), size,
      verdict(size <= 1.0), facets, cpu_facets, verdict(facets <= 0.3 && cpu_facets <= 0.3), top,
      cpu_top, verdict(top <= 1.0 && cpu_top <= 1.0), snippets, cpu_snippets);
}

}  // namespace morgue::bench
