// morgue-search-repeat: one search run several times in one process, for counting its
// instructions with callgrind (docs/benchmarks.md, "What changed in this round"). Not a timer:
// run it under `valgrind --tool=callgrind` and compare counts, which do not depend on load.
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include <morgue/error.h>
#include <morgue/render.h>
#include <morgue/searcher.h>

int main(int argc, char** argv) {
  CLI::App app{"Run one search several times through morgue::Searcher (for callgrind)."};
  std::string database;
  morgue::SearchRequest request;
  int repeats = 5;
  bool print_json = false;
  bool no_facets = false;
  app.add_option("database", database, "Database directory built by morgue-index")->required();
  app.add_option("query", request.query, "Query (docs/query-language.md)")->required();
  app.add_option("--repeats", repeats, "Times to run the search")->capture_default_str();
  app.add_option("--limit", request.limit, "Hits per page")->capture_default_str();
  app.add_option("--facets", request.facets, "Facets to count, comma-separated")
      ->delimiter(',')
      ->capture_default_str();
  app.add_flag("--no-facets", no_facets, "Count no facets (as a top-10 search of morgue-bench)");
  app.add_flag("--json", print_json, "Print the last result as JSON (to compare builds)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? 0 : 2;
  }
  try {
    if (no_facets) {
      request.facets.clear();
    }
    morgue::Searcher searcher(database);
    morgue::SearchResult result;
    for (int round = 0; round < repeats; ++round) {
      result = searcher.search(request);
    }
    if (print_json) {
      std::cout << morgue::to_json(result);
    }
    return 0;
  } catch (const morgue::Error& error) {
    std::cerr << "morgue-search-repeat: error: " << error.what() << '\n';
    return 2;
  }
}
