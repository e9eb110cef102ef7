// morgue-query: search a morgue database.
#include <iostream>
#include <string>
#include <unistd.h>

#include <CLI/CLI.hpp>

#include <morgue/error.h>
#include <morgue/render.h>
#include <morgue/searcher.h>

int main(int argc, char** argv) {
  CLI::App app{
      "Search a morgue database: hits with snippets, comments under their article, "
      "and facet counts."};
  std::string database;
  morgue::SearchRequest request;
  bool json = false;
  std::string color = "auto";
  app.add_option("database", database, "Database directory built by morgue-index")->required();
  app.add_option("query", request.query,
                 "Query, e.g. 'aleppo tag:ceasefire date:2016-09' (docs/query-language.md)")
      ->required();
  app.add_option("--lang", request.language,
                 "Language of the query for stemming and stop words, e.g. en, ru, ar "
                 "(default: detected)");
  app.add_option("--limit", request.limit, "Hits per page")->capture_default_str();
  app.add_option("--offset", request.offset, "Hits to skip")->capture_default_str();
  app.add_option("--facets", request.facets,
                 "Facets to count, comma-separated: tag,author,date,site,language,type,kind")
      ->delimiter(',')
      ->capture_default_str();
  app.add_option("--facet-values", request.facet_values, "Values listed per facet")
      ->capture_default_str();
  app.add_option("--comments", request.comments_per_hit, "Matching comments shown per hit")
      ->capture_default_str();
  app.add_flag("--json", json, "Print JSON (docs/json-output.md)");
  app.add_option("--color", color, "Bold matches: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? 0 : 2;  // --help is a success; bad options exit 2
  }

  try {
    morgue::Searcher searcher(database);
    const morgue::SearchResult result = searcher.search(request);
    if (json) {
      std::cout << morgue::to_json(result);
    } else {
      const bool bold = color == "always" || (color == "auto" && ::isatty(STDOUT_FILENO) != 0);
      std::cout << morgue::to_text(result,
                                   bold ? morgue::TextStyle::kTerminal : morgue::TextStyle::kPlain);
    }
    return 0;
  } catch (const morgue::Error& error) {
    std::cerr << "morgue-query: error: " << error.what() << '\n';
    return 2;
  }
}
