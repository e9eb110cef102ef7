// morgue-index: read archive files into a morgue database.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <morgue/indexer.h>

namespace {

// Inside a directory only files with a known extension are read; anything else (a README, an
// image) would be a guess.
bool has_known_extension(const std::filesystem::path& file) {
  std::string extension = file.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension == ".csv" || extension == ".jsonl" || extension == ".ndjson" ||
         extension == ".json" || extension == ".txt";
}

std::vector<std::filesystem::path> expand_inputs(const std::vector<std::string>& inputs) {
  std::vector<std::filesystem::path> files;
  for (const auto& input : inputs) {
    if (!std::filesystem::is_directory(input)) {
      files.emplace_back(input);
      continue;
    }
    std::vector<std::filesystem::path> found;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(input)) {
      if (entry.is_regular_file() && has_known_extension(entry.path()) &&
          !entry.path().filename().string().starts_with('.')) {
        found.push_back(entry.path());
      }
    }
    std::sort(found.begin(), found.end());  // the same order every run
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Index news archive files (CSV, JSON Lines, scraped pages) into a morgue database."};
  std::string database;
  std::vector<std::string> inputs;
  std::string format_name = "auto";
  std::size_t batch_documents = morgue::IndexOptions{}.batch_documents;
  bool quiet = false;
  std::int64_t wait_seconds = 0;  // negative: for ever
  app.add_option("database", database, "Database directory (created if absent)")->required();
  app.add_option("inputs", inputs, "Files or directories to index")->required();
  app.add_option("--format", format_name, "Input format: auto, csv, jsonl or page")
      ->capture_default_str();
  app.add_option("--batch-size", batch_documents, "Documents between commits")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_flag("-q,--quiet", quiet, "Print only errors");
  app.add_flag("--wait{-1}", wait_seconds,
               "If another process is writing to the database, wait for it to finish (at most "
               "SECONDS with --wait=SECONDS)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? 0 : 2;  // --help is a success; bad options exit 2
  }

  try {
    const morgue::Format format = morgue::parse_format(format_name);
    morgue::IndexOptions options;
    options.batch_documents = batch_documents;
    options.lock_wait =
        wait_seconds < 0
            ? morgue::IndexOptions::kWaitForever
            // about 127 years at most: no clock overflows
            : std::chrono::seconds(std::min<std::int64_t>(wait_seconds, 4'000'000'000));
    if (!quiet) {
      options.on_lock_wait = [](const std::string& message) {
        std::cerr << "morgue-index: " << message << '\n';
      };
    }
    morgue::Indexer indexer(database, options);
    morgue::IndexReport total;
    std::size_t failed_files = 0;
    const auto on_skip = [](const morgue::InputError& error) {
      std::cerr << "morgue-index: " << error.what() << '\n';
    };
    for (const auto& file : expand_inputs(inputs)) {
      try {
        total += indexer.add_file(file, format, on_skip);
      } catch (const morgue::InputError& error) {
        ++failed_files;
        on_skip(error);
      }
    }
    indexer.commit();
    if (!quiet) {
      std::cout << fmt::format(
          "indexed {} articles ({} replacing earlier versions) and {} comments from {} files; "
          "skipped {} records",
          total.articles, total.replaced, total.comments, total.files, total.skipped);
      if (failed_files > 0) {
        std::cout << fmt::format("; {} files could not be read", failed_files);
      }
      std::cout << '\n';
    }
    return total.skipped > 0 || failed_files > 0 ? 1 : 0;
  } catch (const morgue::Error& error) {
    std::cerr << "morgue-index: error: " << error.what() << '\n';
    return 2;
  }
}
