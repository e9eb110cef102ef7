// morgue-eval: ranking quality of morgue beside stock Xapian and SQLite FTS5 on judged test
// collections (docs/ranking.md). Prints one Markdown table row per collection.
#include <cstdlib>
#include <iostream>
#include <random>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <morgue/error.h>

#include "eval/bm25_grid.h"
#include "eval/evaluation.h"

namespace {

// A fresh folder for the engines' databases, removed with them at the end.
class ScratchFolder {
 public:
  ScratchFolder() {
    std::random_device random;
    for (;;) {
      path_ = std::filesystem::temp_directory_path() / fmt::format("morgue-eval-{}", random());
      if (std::filesystem::create_directory(path_)) {
        break;
      }
    }
  }
  ~ScratchFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Ranking quality (MAP, nDCG@10) of morgue, stock Xapian and SQLite FTS5"};
  std::string corpora = "../shared/corpora/ir-classic";
  std::vector<std::string> collections = {"cisi", "cran", "med", "npl"};
  std::vector<std::string> engines = {"morgue", "xapian", "fts5"};
  app.add_option("--corpora", corpora, "the folder holding one folder per collection")
      ->capture_default_str();
  app.add_option("--collection", collections, "collections to run (cisi cran med npl)")
      ->capture_default_str();
  app.add_option("--engine", engines,
                 "engines to compare (morgue xapian fts5; also xapian-stem fts5-porter, the peers "
                 "with English stemmers)")
      ->capture_default_str();
  bool grid = false;
  app.add_flag("--grid", grid,
               "tuning: print morgue's scores under each setting of the grid instead, as "
               "tab-separated collection, k1, b, min_normlen, typed form weight, MAP, nDCG@10");
  // The grid of docs/ranking.md, around the chosen setting.
  std::vector<double> k1_values = {2.0, 2.5, 3.0, 4.0, 5.0};
  std::vector<double> b_values = {0.4, 0.5, 0.6, 0.7};
  std::vector<double> min_normlen_values = {0.1, 0.25, 0.5};
  app.add_option("--k1", k1_values, "--grid: values of k1 to try")->capture_default_str();
  app.add_option("--b", b_values, "--grid: values of b to try")->capture_default_str();
  app.add_option("--min-normlen", min_normlen_values, "--grid: values of min_normlen to try")
      ->capture_default_str();
  std::vector<double> typed_form_weights = {0.0, 0.15, 0.25, 0.5};
  app.add_option("--typed-weight", typed_form_weights,
                 "--grid: values to try for the weight of a query word's typed form beside its "
                 "stem")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  try {
    if (grid) {
      const auto settings =
          morgue::eval::bm25_grid(k1_values, b_values, min_normlen_values, typed_form_weights);
      for (const auto& name : collections) {
        const morgue::eval::Collection collection =
            morgue::eval::load_collection(std::filesystem::path(corpora) / name, name);
        const ScratchFolder scratch;
        const auto scores = morgue::eval::evaluate_bm25_settings(
            collection, scratch.path() / "morgue.db", settings);
        for (std::size_t index = 0; index < settings.size(); ++index) {
          const morgue::eval::GridSetting& setting = settings[index];
          std::cout << fmt::format("{}\t{}\t{}\t{}\t{}\t{:.4f}\t{:.4f}", name, setting.bm25.k1,
                                   setting.bm25.b, setting.bm25.min_normlen,
                                   setting.typed_form_weight, scores[index].mean_average_precision,
                                   scores[index].ndcg_at_10)
                    << std::endl;
        }
      }
      return 0;
    }
    std::string header = "| collection | queries |";
    std::string rule = "|---|---:|";
    for (const auto& metric : {"MAP", "nDCG@10"}) {
      for (const auto& engine : engines) {
        header += fmt::format(" {} {} |", engine, metric);
        rule += "---:|";
      }
    }
    std::cout << header << '\n' << rule << '\n';
    for (const auto& name : collections) {
      const morgue::eval::Collection collection =
          morgue::eval::load_collection(std::filesystem::path(corpora) / name, name);
      std::vector<morgue::eval::Scores> scores;
      for (const auto& engine_name : engines) {
        const ScratchFolder scratch;
        const auto engine = morgue::eval::make_engine(engine_name, scratch.path());
        scores.push_back(morgue::eval::evaluate(collection, *engine));
      }
      std::string row = fmt::format("| {} | {} |", name, scores.front().queries);
      for (const auto& score : scores) {
        row += fmt::format(" {:.4f} |", score.mean_average_precision);
      }
      for (const auto& score : scores) {
        row += fmt::format(" {:.4f} |", score.ndcg_at_10);
      }
      std::cout << row << std::endl;
    }
  } catch (const morgue::Error& error) {
    std::cerr << "morgue-eval: error: " << error.what() << '\n';
    return 2;
  }
  return 0;
}
