// morgue-index: read archive files into a morgue database.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fnmatch.h>
#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <morgue/indexer.h>

namespace {

std::string lower_extension(const std::filesystem::path& file) {
  std::string extension = file.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension;
}

// Inside a directory only files with a known extension are read; anything else (a README, an
// image) would be a guess.
bool has_known_extension(const std::filesystem::path& file) {
  std::string extension = lower_extension(file);
  return extension == ".csv" || extension == ".jsonl" || extension == ".ndjson" ||
         extension == ".json" || extension == ".txt" || extension == ".html" || extension == ".htm";
}

// Compressed files and archives are read too: "news.jsonl.gz" for its inner extension, an
// archive whatever it holds (its members are told apart when read).
bool is_indexable(const std::filesystem::path& file) {
  const std::string extension = lower_extension(file);
  if (extension == ".gz" || extension == ".bz2" || extension == ".xz" || extension == ".zst") {
    return lower_extension(file.stem()) == ".tar" || has_known_extension(file.stem());
  }
  if (extension == ".tar" || extension == ".zip" || extension == ".tgz" || extension == ".tbz2" ||
      extension == ".txz" || extension == ".tzst") {
    return true;
  }
  return has_known_extension(file);
}

// fnmatch(3) globs: a pattern with a '/' is matched against the path below the directory given,
// one without against the file or directory name.
bool matches_any(const std::vector<std::string>& patterns, const std::filesystem::path& relative) {
  return std::any_of(patterns.begin(), patterns.end(), [&relative](const std::string& pattern) {
    const std::string subject = pattern.find('/') == std::string::npos
                                    ? relative.filename().string()
                                    : relative.generic_string();
    return ::fnmatch(pattern.c_str(), subject.c_str(), 0) == 0;
  });
}

std::vector<std::filesystem::path> expand_inputs(const std::vector<std::string>& inputs,
                                                 const std::vector<std::string>& includes,
                                                 const std::vector<std::string>& excludes) {
  std::vector<std::filesystem::path> files;
  for (const auto& input : inputs) {
    if (input == "-" || !std::filesystem::is_directory(input)) {
      files.emplace_back(input);
      continue;
    }
    std::vector<std::filesystem::path> found;
    for (auto entry = std::filesystem::recursive_directory_iterator(input);
         entry != std::filesystem::recursive_directory_iterator(); ++entry) {
      const std::filesystem::path relative = entry->path().lexically_relative(input);
      if (entry->path().filename().string().starts_with('.') || matches_any(excludes, relative)) {
        if (entry->is_directory()) {
          entry.disable_recursion_pending();
        }
        continue;
      }
      const bool wanted =
          includes.empty() ? is_indexable(entry->path()) : matches_any(includes, relative);
      if (entry->is_regular_file() && wanted) {
        found.push_back(entry->path());
      }
    }
    std::sort(found.begin(), found.end());  // the same order every run
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

// "3 files, 1,204 records, 5,310 records/s, 2 errors" on standard error, redrawn at most four
// times a second, only when standard error is a terminal.
class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : enabled_(enabled) {}

  void show(const morgue::IndexReport& done, bool force = false) {
    if (!enabled_) {
      return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(250)) {
      return;
    }
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const std::size_t records = done.articles + done.comments + done.skipped;
    std::cerr << fmt::format("\r\x1b[K{} files, {} records, {:.0f} records/s, {} errors",
                             done.files, records, seconds > 0 ? records / seconds : 0.0,
                             done.skipped)
              << std::flush;
    drawn_ = true;
  }

  // Before another message, and at the end: the line goes away.
  void clear() {
    if (drawn_) {
      std::cerr << "\r\x1b[K" << std::flush;
      drawn_ = false;
    }
  }

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_;
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "Index news archive files (CSV, JSON Lines, scraped pages, HTML pages; plain, compressed "
      "or in archives) into a morgue database."};
  std::string database;
  std::vector<std::string> inputs;
  std::vector<std::string> comment_files;
  std::vector<std::string> includes;
  std::vector<std::string> excludes;
  std::vector<std::string> mappings;
  std::vector<std::string> mapping_files;
  std::vector<std::string> date_formats;
  std::string inspect;
  std::string format_name = "auto";
  std::size_t batch_documents = morgue::IndexOptions{}.batch_documents;
  std::size_t threads = morgue::IndexOptions{}.threads;
  bool quiet = false;
  bool json = false;
  bool reindex = false;
  std::int64_t wait_seconds = 0;  // negative: for ever
  app.add_option("database", database, "Database directory (created if absent)");
  app.add_option("inputs", inputs, "Files or directories to index; - for standard input");
  app.add_option("--format", format_name, "Input format: auto, csv, jsonl, page or html")
      ->capture_default_str();
  // Repeatable options take one value each time: a greedy list would swallow the database
  // and inputs after `--include '*.csv'`.
  app.add_option("--comments", comment_files,
                 "A comments file (CSV or JSON Lines) whatever its columns; repeatable")
      ->allow_extra_args(false);
  app.add_option("--include", includes,
                 "In directories, read only files matching this glob (e.g. '*.csv'); repeatable")
      ->allow_extra_args(false);
  app.add_option("--exclude", excludes,
                 "In directories, skip files and folders matching this glob; repeatable")
      ->allow_extra_args(false);
  app.add_option("--map", mappings, "FIELD=NAME: read column or key NAME as FIELD; repeatable")
      ->allow_extra_args(false);
  app.add_option("--mapping", mapping_files,
                 "A file of FIELD = NAME and date-format = FORMAT lines; repeatable")
      ->allow_extra_args(false);
  app.add_option("--date-format", date_formats,
                 "A strptime format for dates morgue does not read (e.g. '%d/%m/%Y %H:%M'); "
                 "repeatable")
      ->allow_extra_args(false);
  app.add_option("--inspect", inspect,
                 "Show how FILE is read (format, columns, first records) and write nothing");
  app.add_option("--batch-size", batch_documents, "Documents between commits")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--threads", threads,
                 "1: read, analyse and write on one thread; 2: write on a second thread")
      ->capture_default_str()
      ->check(CLI::Range(1, 2));
  app.add_flag("--reindex", reindex,
               "Read every input again, even files an earlier run indexed completely and that "
               "are unchanged since");
  app.add_flag("-q,--quiet", quiet, "Print only errors");
  app.add_flag("--json", json, "Print the summary as JSON");
  app.add_flag("--wait{-1}", wait_seconds,
               "If another process is writing to the database, wait for it to finish (at most "
               "SECONDS with --wait=SECONDS)");
  try {
    app.parse(argc, argv);
    if (inspect.empty() && database.empty()) {
      throw CLI::RequiredError("database");
    }
    if (inspect.empty() && inputs.empty() && comment_files.empty()) {
      throw CLI::RequiredError("inputs");
    }
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? 0 : 2;  // --help is a success; bad options exit 2
  }

  ProgressLine progress(!quiet && !json && ::isatty(STDERR_FILENO) == 1);
  try {
    const morgue::Format format = morgue::parse_format(format_name);
    morgue::Layout layout;
    for (const auto& file : mapping_files) {
      layout.add_file(file);
    }
    for (const auto& mapping : mappings) {
      layout.add_mapping(mapping);
    }
    for (const auto& date_format : date_formats) {
      layout.date_formats.push_back(date_format);
    }
    if (!inspect.empty()) {
      std::cout << morgue::inspect_input(inspect, format, layout);
      return 0;
    }
    morgue::IndexReport total;
    morgue::IndexOptions options;
    options.batch_documents = batch_documents;
    options.threads = threads;
    options.layout = layout;
    options.reindex = reindex;
    options.lock_wait =
        wait_seconds < 0
            ? morgue::IndexOptions::kWaitForever
            // about 127 years at most: no clock overflows
            : std::chrono::seconds(std::min<std::int64_t>(wait_seconds, 4'000'000'000));
    if (!quiet) {
      options.on_lock_wait = [&progress](const std::string& message) {
        progress.clear();
        std::cerr << "morgue-index: " << message << '\n';
      };
    }
    options.on_progress = [&](const morgue::IndexReport& current) {
      morgue::IndexReport so_far = total;
      so_far += current;
      progress.show(so_far);
    };
    morgue::Indexer indexer(database, options);
    std::size_t failed_files = 0;
    const auto on_skip = [&progress](const morgue::InputError& error) {
      progress.clear();
      std::cerr << "morgue-index: " << error.what() << '\n';
    };
    const auto read = [&](const std::filesystem::path& file, bool comments) {
      try {
        total += comments ? indexer.add_comments_file(file, format, on_skip)
                          : indexer.add_file(file, format, on_skip);
      } catch (const morgue::InputError& error) {
        ++failed_files;
        on_skip(error);
      }
    };
    for (const auto& file : expand_inputs(inputs, includes, excludes)) {
      read(file, false);
    }
    for (const auto& file : comment_files) {
      read(file, true);
    }
    const std::size_t waiting = indexer.report_waiting_comments(on_skip);
    indexer.commit();
    progress.clear();
    if (json) {
      std::cout << fmt::format(
          "{{\"files\": {}, \"articles\": {}, \"replaced\": {}, \"comments\": {}, "
          "\"skipped\": {}, \"failed_files\": {}, \"waiting_comments\": {}, "
          "\"unchanged_files\": {}, \"resumed_records\": {}}}\n",
          total.files, total.articles, total.replaced, total.comments, total.skipped, failed_files,
          waiting, total.unchanged_files, total.resumed_records);
    } else if (!quiet) {
      std::cout << fmt::format(
          "indexed {} articles ({} replacing earlier versions) and {} comments from {} files; "
          "skipped {} records",
          total.articles, total.replaced, total.comments, total.files, total.skipped);
      if (failed_files > 0) {
        std::cout << fmt::format("; {} files could not be read", failed_files);
      }
      if (total.unchanged_files > 0) {
        std::cout << fmt::format(
            "; {} {} already indexed and unchanged, not read again (--reindex reads {})",
            total.unchanged_files, total.unchanged_files == 1 ? "file" : "files",
            total.unchanged_files == 1 ? "it" : "them");
      }
      if (total.resumed_records > 0) {
        std::cout << fmt::format("; went on after {} records committed by an earlier run",
                                 total.resumed_records);
      }
      if (waiting > 0) {
        std::cout << (waiting == 1 ? std::string("; 1 comment waits for its article")
                                   : fmt::format("; {} comments wait for their article", waiting));
      }
      std::cout << '\n';
    }
    return total.skipped > 0 || failed_files > 0 || waiting > 0 ? 1 : 0;
  } catch (const morgue::Error& error) {
    progress.clear();
    std::cerr << "morgue-index: error: " << error.what() << '\n';
    return 2;
  }
}
