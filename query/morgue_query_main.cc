// morgue-query: search a morgue database.
#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>

#include <CLI/CLI.hpp>

#include <morgue/error.h>
#include <morgue/render.h>
#include <morgue/searcher.h>

int main(int argc, char** argv) {
  CLI::App app{
      "Search a morgue database: hits with snippets, comments under their article, and facet "
      "counts."};
  std::string database;
  morgue::SearchRequest request;
  std::vector<std::string> filters;
  std::string sort = "relevance";
  std::string article;
  std::string format = "text";
  std::string color = "auto";
  app.add_option("database", database, "Database directory built by morgue-index")->required();
  app.add_option("query", request.query,
                 "Query, e.g. 'aleppo tag:ceasefire date:2016-09' (docs/query-language.md)");
  app.add_option("--filter", filters,
                 "Select a facet value: FIELD=VALUE, or a facet value's filter such as "
                 "'tag:\"John Kerry\"' (repeatable)");
  app.add_option("--sort", sort, "relevance, newest or oldest")->capture_default_str();
  app.add_option("--lang", request.language,
                 "Language of the query for stemming and stop words, e.g. en, ru, ar "
                 "(default: detected)");
  app.add_option("--limit", request.limit, "Hits per page")->capture_default_str();
  app.add_option("--offset", request.offset, "Hits to skip")->capture_default_str();
  app.add_option("--after", request.after, "Continue after a page: its next_cursor");
  app.add_option("--like", request.like, "Find articles like this article id or key");
  app.add_option("--article", article, "Print the article with this id or key and its comments");
  app.add_option("--facets", request.facets,
                 "Facets to count, comma-separated: tag,author,date,site,language,type,kind")
      ->delimiter(',')
      ->capture_default_str();
  app.add_option("--facet-values", request.facet_values, "Values listed per facet")
      ->capture_default_str();
  app.add_option("--comments", request.comments_per_hit, "Matching comments shown per hit")
      ->capture_default_str();
  app.add_flag("--json{json}", format, "Print JSON (docs/json-output.md)");
  app.add_flag("--jsonl{jsonl}", format, "Print one JSON line per hit, then a summary line");
  app.add_flag("--csv{csv}", format, "Print the hits as CSV");
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
    if (!article.empty()) {
      const morgue::ArticleThread thread = searcher.article(article);
      std::cout << (format == "text" ? morgue::to_text(thread) : morgue::to_json(thread));
      return 0;
    }
    request.sort = morgue::parse_sort_order(sort);
    for (const auto& filter : filters) {
      request.add_filter(filter);
    }
    const morgue::SearchResult result = searcher.search(request);
    if (format == "json") {
      std::cout << morgue::to_json(result);
    } else if (format == "jsonl") {
      std::cout << morgue::to_jsonl(result);
    } else if (format == "csv") {
      std::cout << morgue::to_csv(result);
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
