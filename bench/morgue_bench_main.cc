// morgue-bench: morgue beside SQLite FTS5 and stock Xapian on the same corpora, in one run.
// See docs/benchmarks.md for the command, what is measured and the last results.
#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <morgue/error.h>

#include "bench/engine.h"
#include "bench/measure.h"
#include "bench/report.h"

namespace {

using morgue::bench::Corpus;
using morgue::bench::Engine;
using morgue::bench::EngineResult;
using morgue::bench::make_engine;
using morgue::bench::Mode;
using morgue::bench::QuerySpec;
using Json = nlohmann::json;

struct Options {
  std::vector<int> scales = {1, 10, 50};
  std::vector<std::string> engines = {"fts5", "xapian", "morgue"};
  std::filesystem::path corpora = MORGUE_SOURCE_DIR "/../shared/corpora";
  std::filesystem::path queries = MORGUE_SOURCE_DIR "/bench/queries.txt";
  std::filesystem::path scratch = MORGUE_BENCH_SCRATCH;
  std::filesystem::path out;
  std::string morgue_query = MORGUE_QUERY_BIN;
  std::size_t source_limit = 0;
  int warmups = 1;
  int repeats = 5;
};

// The first three fields of /proc/loadavg: how busy the machine was (the figures are only as
// good as the machine was quiet).
std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string one, five, fifteen;
  in >> one >> five >> fifteen;
  return fmt::format("{} {} {}", one, five, fifteen);
}

// Every query of the file in every mode: warm-ups, then `repeats` timed rounds; the median of
// each query's rounds is what the tables summarise.
Json time_queries(Engine& engine, const std::filesystem::path& index,
                  const std::vector<QuerySpec>& queries, const Options& options) {
  Json output;
  const auto open_start = std::chrono::steady_clock::now();
  engine.open(index);
  engine.run(queries.front(), Mode::kTop10);
  output["open_first_ms"] = morgue::bench::seconds_since(open_start) * 1000.0;
  for (int mode = 0; mode < morgue::bench::kModes; ++mode) {
    for (int round = 0; round < options.warmups; ++round) {
      for (const auto& query : queries) {
        engine.run(query, static_cast<Mode>(mode));
      }
    }
    std::vector<std::vector<double>> times(queries.size());
    std::vector<std::vector<double>> cpu_times(queries.size());
    std::vector<std::size_t> matches(queries.size());
    for (int round = 0; round < options.repeats; ++round) {
      for (std::size_t q = 0; q < queries.size(); ++q) {
        const double cpu_start = morgue::bench::cpu_seconds();
        const auto start = std::chrono::steady_clock::now();
        matches[q] = engine.run(queries[q], static_cast<Mode>(mode)).matches;
        times[q].push_back(morgue::bench::seconds_since(start) * 1000.0);
        cpu_times[q].push_back((morgue::bench::cpu_seconds() - cpu_start) * 1000.0);
      }
    }
    std::vector<double> medians;
    std::vector<double> cpu_medians;
    for (std::size_t q = 0; q < queries.size(); ++q) {
      medians.push_back(morgue::bench::percentile(times[q], 50));
      cpu_medians.push_back(morgue::bench::percentile(cpu_times[q], 50));
    }
    output["medians"].push_back(medians);
    output["cpu_medians"].push_back(cpu_medians);
    output["matches"].push_back(matches);
  }
  return output;
}

EngineResult measure_engine(const std::string& name, const Corpus& corpus,
                            const std::filesystem::path& dir, const std::vector<QuerySpec>& queries,
                            const Options& options) {
  EngineResult result;
  const auto index = dir / (name + ".db");
  const auto compacted = dir / (name + "-compact.db");
  const auto child_file = dir / (name + ".result.json");
  std::filesystem::remove_all(index);
  std::filesystem::remove_all(compacted);
  std::cerr << fmt::format("  {}: indexing", name) << std::flush;
  const auto built = morgue::bench::run_in_child(
      [&] {
        auto engine = make_engine(name);
        const double cpu_start = morgue::bench::cpu_seconds();
        const auto start = std::chrono::steady_clock::now();
        engine->build(corpus, index);
        return Json{{"seconds", morgue::bench::seconds_since(start)},
                    {"cpu_seconds", morgue::bench::cpu_seconds() - cpu_start}};
      },
      child_file);
  result.index_seconds = built.output["seconds"].get<double>();
  result.index_cpu_seconds = built.output["cpu_seconds"].get<double>();
  result.index_rss_mib = built.peak_rss_mib;
  result.built_bytes = static_cast<double>(morgue::bench::size_on_disk(index));
  std::cerr << fmt::format(" {:.1f} s ({:.1f} s CPU), compacting", result.index_seconds,
                           result.index_cpu_seconds)
            << std::flush;
  const auto compact = morgue::bench::run_in_child(
      [&] {
        make_engine(name)->compact(index, compacted);
        return Json::object();
      },
      child_file);
  result.compact_seconds = compact.wall_seconds;
  result.compacted_bytes = static_cast<double>(morgue::bench::size_on_disk(compacted));
  std::filesystem::remove_all(compacted);
  std::cerr << ", querying" << std::flush;
  const auto timed = morgue::bench::run_in_child(
      [&] {
        auto engine = make_engine(name);
        return time_queries(*engine, index, queries, options);
      },
      child_file);
  result.open_first_ms = timed.output["open_first_ms"].get<double>();
  result.query_rss_mib = timed.peak_rss_mib;
  for (int mode = 0; mode < morgue::bench::kModes; ++mode) {
    result.medians[mode] = timed.output["medians"][mode].get<std::vector<double>>();
    result.cpu_medians[mode] = timed.output["cpu_medians"][mode].get<std::vector<double>>();
    result.matches[mode] = timed.output["matches"][mode].get<std::vector<std::size_t>>();
  }
  if (name == "morgue" && std::filesystem::exists(options.morgue_query)) {
    result.exec_ms = morgue::bench::median_exec_ms(
        {options.morgue_query, index.string(), queries.front().line, "--limit", "10"}, 5);
  }
  std::cerr << " done\n";
  return result;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  CLI::App app{
      "morgue beside SQLite FTS5 and stock Xapian: indexing speed, size and query "
      "latency on the same corpora (docs/benchmarks.md)"};
  app.add_option("--scales", options.scales, "copies of the FakeNewsCorpus sample beside Reuters")
      ->delimiter(',')
      ->capture_default_str();
  app.add_option("--engines", options.engines, "engines to run: morgue, fts5, xapian")
      ->delimiter(',')
      ->capture_default_str();
  app.add_option("--corpora", options.corpora, "the shared corpora folder")->capture_default_str();
  app.add_option("--queries", options.queries, "the query file")->capture_default_str();
  app.add_option("--scratch", options.scratch, "where corpora and indexes are written")
      ->capture_default_str();
  app.add_option("--out", options.out, "also write the Markdown tables to this file");
  app.add_option("--source-limit", options.source_limit,
                 "read only this many records of each source (a smoke run); 0 reads all")
      ->capture_default_str();
  app.add_option("--warmups", options.warmups, "untimed rounds of the query file")
      ->capture_default_str();
  app.add_option("--repeats", options.repeats, "timed rounds; each query's median is kept")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  if (!std::filesystem::is_directory(options.corpora)) {
    // 77: the exit code ctest reads as "skipped" (the corpora are research-only, not shipped).
    std::cerr << fmt::format("morgue-bench: {} is absent; the benchmark needs the shared corpora\n",
                             options.corpora.string());
    return 77;
  }
  try {
    const auto queries = morgue::bench::read_queries(options.queries);
    if (queries.empty()) {
      throw morgue::Error(fmt::format("{} holds no query", options.queries.string()));
    }
    std::vector<morgue::bench::ScaleResult> results;
    std::ostringstream tables;
    for (const int scale : options.scales) {
      morgue::bench::ScaleResult result;
      result.scale = scale;
      result.load_before = load_average();
      result.corpus = morgue::bench::build_corpus(options.corpora, options.scratch, scale,
                                                  options.source_limit);
      std::cerr << fmt::format("scale {}x: {} documents, {:.1f} MB\n", scale,
                               result.corpus.documents,
                               static_cast<double>(result.corpus.bytes) / 1e6);
      const auto dir = options.scratch / fmt::format("{}x", scale);
      std::filesystem::create_directories(dir);
      for (const auto& name : options.engines) {
        result.engines[name] = measure_engine(name, result.corpus, dir, queries, options);
      }
      result.load_after = load_average();
      std::ostringstream scale_tables;
      morgue::bench::print_scale(scale_tables, result, queries);
      std::cout << scale_tables.str() << std::flush;  // each scale as soon as it is done
      tables << scale_tables.str();
      results.push_back(std::move(result));
    }
    std::ostringstream summary;
    morgue::bench::print_summary(summary, results);
    std::cout << summary.str();
    tables << summary.str();
    if (!options.out.empty()) {
      std::ofstream(options.out) << tables.str();
    }
  } catch (const std::exception& e) {
    std::cerr << "morgue-bench: error: " << e.what() << '\n';
    return 2;
  }
  return 0;
}
