// morgue-eval-extraction: scores the HTML reader against the hand-checked pages in
// ../shared/corpora/html-news-pages (docs/extraction.md says how to run it and what it found).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <morgue/error.h>

#include "indexer/date_parser.h"
#include "indexer/html_document.h"
#include "indexer/html_reader.h"
#include "tools/extraction_score.h"

namespace {

namespace fs = std::filesystem;
using morgue::indexer::collapse_spaces;
using morgue::tools::compare_shingles;
using morgue::tools::ShingleCounts;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string extract_body(const std::string& html, const std::string& name) {
  try {
    return morgue::indexer::read_html_article(html, name).body;
  } catch (const morgue::InputError&) {
    return {};
  }
}

void print_score(const std::string& label, std::size_t pages, const ShingleCounts& w,
                 const ShingleCounts& s) {
  fmt::print("{}: {} pages\n", label, pages);
  fmt::print("  4-word shingles: precision {:.3f}  recall {:.3f}  F1 {:.3f}\n", s.precision(),
             s.recall(), s.f1());
  fmt::print("  single words:    precision {:.3f}  recall {:.3f}  F1 {:.3f}\n", w.precision(),
             w.recall(), w.f1());
}

int run_scrapinghub(const fs::path& folder, bool verbose) {
  const auto truth = nlohmann::json::parse(read_file(folder / "ground-truth.json"));
  ShingleCounts words;
  ShingleCounts shingles4;
  std::size_t pages = 0;
  for (const auto& [key, value] : truth.items()) {
    const std::string html = morgue::tools::read_gzip(folder / "html" / (key + ".html.gz"));
    const std::string body = extract_body(html, key);
    const std::string expected = value.at("articleBody").get<std::string>();
    const ShingleCounts page = compare_shingles(expected, body, 4);
    if (verbose) {
      fmt::print("{:.3f} {} {}\n", page.f1(), key, value.value("url", ""));
    }
    shingles4 += page;
    words += compare_shingles(expected, body, 1);
    ++pages;
  }
  print_score("scrapinghub (article-extraction-benchmark)", pages, words, shingles4);
  return 0;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string without_by(const std::string& byline) {
  const std::string text = collapse_spaces(byline);
  const std::string start = lower(text.substr(0, 3));
  return start == "by " || start == "par" ? collapse_spaces(text.substr(3)) : text;
}

struct Tally {
  std::size_t right = 0;
  std::size_t asked = 0;
  void add(bool is_right) {
    ++asked;
    right += is_right ? 1 : 0;
  }
};

int run_readability(const fs::path& folder, bool verbose) {
  std::vector<fs::path> pages;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.is_directory()) {
      pages.push_back(entry.path());
    }
  }
  std::sort(pages.begin(), pages.end());
  Tally title, byline, date, language;
  ShingleCounts words;
  ShingleCounts shingles4;
  for (const fs::path& page : pages) {
    const std::string name = page.filename().string();
    const auto expected = nlohmann::json::parse(read_file(page / "expected-metadata.json"));
    const std::string html = read_file(page / "source.html");
    morgue::Article article;
    try {
      article = morgue::indexer::read_html_article(html, name);
    } catch (const morgue::InputError&) {
    }
    const std::string expected_html = read_file(page / "expected.html");
    const morgue::indexer::HtmlDocument expected_document(expected_html);
    const std::string expected_body = morgue::indexer::text_content(expected_document.root());
    shingles4 += compare_shingles(expected_body, article.body, 4);
    words += compare_shingles(expected_body, article.body, 1);
    std::string report = fmt::format("{:30} body F1 {:.3f}", name,
                                     compare_shingles(expected_body, article.body, 4).f1());
    if (expected["title"].is_string()) {
      const bool right = collapse_spaces(expected["title"].get<std::string>()) == article.title;
      title.add(right);
      report += right ? ""
                      : fmt::format("\n    title {:?} want {:?}", article.title,
                                    expected["title"].get<std::string>());
    }
    if (expected["byline"].is_string() && !expected["byline"].get<std::string>().empty()) {
      // Readability's bylines carry dates and comment counts ("by Lucas Nolan22 Dec 2016651"):
      // right when our first author is in the expected byline.
      const std::string want = lower(without_by(expected["byline"].get<std::string>()));
      const bool right = !article.authors.empty() &&
                         want.find(lower(article.authors.front())) != std::string::npos;
      byline.add(right);
      report += right ? ""
                      : fmt::format("\n    author {:?} want {:?}",
                                    article.authors.empty() ? "" : article.authors.front(), want);
    }
    if (expected["publishedTime"].is_string()) {
      const auto want = morgue::indexer::parse_date(expected["publishedTime"].get<std::string>());
      const bool right =
          want && article.published && want->unix_seconds() == article.published->unix_seconds();
      date.add(right);
      report += right ? ""
                      : fmt::format("\n    date {} want {}",
                                    article.published ? article.published->iso8601() : "-",
                                    expected["publishedTime"].get<std::string>());
    }
    if (expected["lang"].is_string()) {
      const bool right = lower(expected["lang"].get<std::string>()) == lower(article.language);
      language.add(right);
      report += right ? ""
                      : fmt::format("\n    language {:?} want {:?}", article.language,
                                    expected["lang"].get<std::string>());
    }
    if (verbose) {
      fmt::print("{}\n", report);
    }
  }
  print_score("readability (Mozilla Readability's news pages; expected = its output)", pages.size(),
              words, shingles4);
  for (const auto& [label, tally] : {std::pair{"title", title}, std::pair{"byline", byline},
                                     std::pair{"date", date}, std::pair{"language", language}}) {
    fmt::print("  {:9} {:2} of {:2} right\n", label, tally.right, tally.asked);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  const bool verbose = std::find(args.begin(), args.end(), "-v") != args.end();
  fs::path corpus = "../shared/corpora/html-news-pages";
  for (const auto& arg : args) {
    if (arg != "-v") {
      corpus = arg;
    }
  }
  if (!fs::exists(corpus / "scrapinghub" / "ground-truth.json")) {
    std::cerr << "usage: morgue-eval-extraction [-v] [CORPUS]\n"
              << "CORPUS is ../shared/corpora/html-news-pages (the default), with scrapinghub/ "
                 "and readability/ inside\n";
    return 2;
  }
  run_scrapinghub(corpus / "scrapinghub", verbose);
  run_readability(corpus / "readability", verbose);
  return 0;
}
