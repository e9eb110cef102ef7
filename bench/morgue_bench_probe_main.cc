// morgue-bench-probe: one engine answering a few queries of the benchmark's kind, many times in
// one process, so `valgrind --tool=callgrind` can count the instructions a change to the query
// path saves (docs/benchmarks.md, "What changed"). Counts do not depend on the machine's load.
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <morgue/error.h>

#include "bench/engine.h"

int main(int argc, char** argv) {
  std::string engine_name = "morgue";
  std::filesystem::path index;
  std::filesystem::path queries_file;
  std::string mode_name = "facets";
  int repeats = 5;
  CLI::App app{
      "Open one engine's benchmark index and run each query of a query file (the format of "
      "bench/queries.txt) `--repeats` times, printing each query's matches once"};
  app.add_option("--engine", engine_name, "morgue, fts5 or xapian")->capture_default_str();
  app.add_option("--index", index, "the engine's index, e.g. build/bench/scratch/1x/morgue.db")
      ->required();
  app.add_option("--queries", queries_file, "the query file")->required();
  app.add_option("--mode", mode_name,
                 "top10, count (top 10 + exact count), facets or snippets (top 10 + snippets)")
      ->check(CLI::IsMember({"top10", "count", "facets", "snippets"}))
      ->capture_default_str();
  app.add_option("--repeats", repeats, "runs of each query")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  const auto mode = mode_name == "top10"      ? morgue::bench::Mode::kTop10
                    : mode_name == "count"    ? morgue::bench::Mode::kTop10Count
                    : mode_name == "snippets" ? morgue::bench::Mode::kTop10Snippets
                                              : morgue::bench::Mode::kCountFacets;
  try {
    const auto queries = morgue::bench::read_queries(queries_file);
    auto engine = morgue::bench::make_engine(engine_name);
    engine->open(index);
    for (const auto& query : queries) {
      morgue::bench::QueryOutcome outcome;
      for (int run = 0; run < repeats; ++run) {
        outcome = engine->run(query, mode);
      }
      std::cout << fmt::format("{}: {} matches, {} hits, {} facet values, {} snippet bytes\n",
                               query.line, outcome.matches, outcome.hits, outcome.facet_values,
                               outcome.snippet_bytes);
    }
  } catch (const std::exception& e) {
    std::cerr << "morgue-bench-probe: error: " << e.what() << '\n';
    return 2;
  }
  return 0;
}
