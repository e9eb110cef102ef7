// morgue-crash-harness: kills morgue-index with SIGKILL at random moments and proves that nothing
// committed is lost, nothing is doubled, and the end result equals an uninterrupted run.
//
//   build/tests/morgue-crash-harness --kills 200 --seed 7
//
// See docs/reliability.md for what it checks and the figures of its last runs.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <signal.h>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <xapian.h>

#include "tests/test_support.h"

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;
using morgue::testing::check_database;
using morgue::testing::shell_quote;

// The part of a database that must survive any kill: one unique-id term per document.
struct Snapshot {
  bool exists = false;
  Xapian::doccount documents = 0;
  std::set<std::string> ids;
  std::size_t doubled = 0;  // unique-id terms held by more than one document
  std::string error;        // why the database could not be read
};

Snapshot snapshot(const std::filesystem::path& database) {
  Snapshot result;
  if (!std::filesystem::exists(database)) {
    return result;
  }
  result.exists = true;
  try {
    Xapian::Database reader(database.string());
    result.documents = reader.get_doccount();
    for (auto term = reader.allterms_begin("Q"); term != reader.allterms_end("Q"); ++term) {
      result.ids.insert(*term);
      if (term.get_termfreq() != 1) {
        ++result.doubled;
      }
    }
  } catch (const Xapian::Error& e) {
    result.error = e.get_description();
  }
  return result;
}

// A morgue-index run in its own process, its output in `log`.
pid_t start_index(const std::vector<std::string>& arguments, const std::filesystem::path& log) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  std::vector<char*> argv;
  for (const auto& argument : arguments) {
    argv.push_back(const_cast<char*>(argument.c_str()));
  }
  argv.push_back(nullptr);
  pid_t pid = -1;
  if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) {
    pid = -1;
  }
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

int wait_exit(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

bool is_commit_call(const std::string& call);

// The system call one thread is in, from /proc/PID/task/TID/syscall.
std::string thread_syscall(const std::filesystem::path& task) {
  std::ifstream in(task / "syscall");
  std::string first;
  in >> first;
  static const std::map<std::string, std::string> kNames = {
      {"0", "read"},     {"1", "write"},          {"2", "open"},    {"3", "close"},
      {"17", "pread"},   {"18", "pwrite"},        {"74", "fsync"},  {"75", "fdatasync"},
      {"82", "rename"},  {"83", "mkdir"},         {"87", "unlink"}, {"202", "futex"},
      {"257", "openat"}, {"running", "user code"}};
  const auto known = kNames.find(first);
  if (known != kNames.end()) {
    return known->second;
  }
  return first.empty() ? "exited" : "syscall " + first;
}

// What a process was doing when killed. morgue-index writes and commits on a second thread
// (--threads 2): a thread in a commit call wins, else the main thread's call.
std::string current_syscall(pid_t pid) {
  const std::filesystem::path tasks = fmt::format("/proc/{}/task", pid);
  std::error_code error;
  for (const auto& task : std::filesystem::directory_iterator(tasks, error)) {
    if (const std::string call = thread_syscall(task.path()); is_commit_call(call)) {
      return call;
    }
  }
  return thread_syscall(tasks / std::to_string(pid));
}

bool is_commit_call(const std::string& call) {
  return call == "pwrite" || call == "fdatasync" || call == "fsync" || call == "rename" ||
         call == "write";
}

struct Run {
  std::vector<std::string> index_arguments;  // program and options, without the database
  std::vector<std::string> inputs;

  std::vector<std::string> on(const std::filesystem::path& database) const {
    auto arguments = index_arguments;
    arguments.push_back(database.string());
    arguments.insert(arguments.end(), inputs.begin(), inputs.end());
    return arguments;
  }
};

std::string query_json(const std::filesystem::path& database, const std::string& query) {
  return morgue::testing::run_command(shell_quote(MORGUE_QUERY_BIN) + " --json --limit 20 " +
                                      shell_quote(database.string()) + " " + shell_quote(query))
      .out;
}

// A count from morgue-index's --json summary ("resumed_records": 120), 0 when absent.
std::size_t summary_count(const std::string& summary, const std::string& key) {
  const auto at = summary.find("\"" + key + "\": ");
  return at == std::string::npos ? 0 : std::stoul(summary.substr(at + key.size() + 4));
}

// How `database` differs from the uninterrupted run's: documents, unique ids, Xapian's check
// and what morgue-query --json prints for a few queries.
std::vector<std::string> differences(const std::filesystem::path& database,
                                     const std::filesystem::path& reference_db,
                                     const Snapshot& reference) {
  std::vector<std::string> found;
  const Snapshot state = snapshot(database);
  if (state.documents != reference.documents || state.ids != reference.ids) {
    found.push_back(fmt::format("{} documents ({} ids), the uninterrupted run {} ({} ids)",
                                state.documents, state.ids.size(), reference.documents,
                                reference.ids.size()));
  }
  if (const auto report = check_database(database); !report.empty()) {
    found.push_back("Xapian check: " + report);
  }
  for (const std::string query : {"", "aleppo ceasefire", "author:Mikhas", "tag:\"John Kerry\"",
                                  "trump OR clinton", "\"white house\"", "type:fake"}) {
    if (query_json(database, query) != query_json(reference_db, query)) {
      found.push_back(fmt::format("morgue-query --json '{}' differs", query));
    }
  }
  return found;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Kill morgue-index at random moments and check that nothing committed is lost."};
  int kills = 50;
  std::uint64_t seed = std::random_device{}();
  std::size_t batch_size = 20;
  std::vector<std::string> inputs;
  app.add_option("--kills", kills, "SIGKILLs to send")->capture_default_str();
  app.add_option("--seed", seed, "Random seed (printed, to replay a run)");
  app.add_option("--batch-size", batch_size, "morgue-index --batch-size")->capture_default_str();
  app.add_option("inputs", inputs,
                 "Inputs to index (default: data/sample and, when present, "
                 "../shared/corpora/fakenews-sample/news_sample.csv)");
  CLI11_PARSE(app, argc, argv);
  if (inputs.empty()) {
    inputs.push_back(morgue::testing::test_data_path("sample").string());
    if (auto corpus = morgue::testing::shared_corpus_path("fakenews-sample/news_sample.csv")) {
      inputs.push_back(corpus->string());
    } else {
      std::cout << "shared corpus absent: indexing data/sample only\n";
    }
  }
  const auto started = Clock::now();
  std::mt19937_64 random(seed);
  morgue::testing::TempDir work;
  const auto log = work / "morgue-index.log";
  // --json: a run that finishes says how much its checkpoints spared it.
  const Run run{{MORGUE_INDEX_BIN, "--json", "--batch-size", std::to_string(batch_size)}, inputs};
  Run reindex = run;
  reindex.index_arguments.push_back("--reindex");
  std::vector<std::string> problems;

  // The uninterrupted run everything is compared with.
  const auto reference_db = work / "reference.db";
  const auto reference_start = Clock::now();
  if (int code = wait_exit(start_index(run.on(reference_db), log)); code != 0) {
    std::cerr << "reference run failed with exit " << code << ":\n"
              << morgue::testing::read_file(log);
    return 1;
  }
  const auto reference_time = Clock::now() - reference_start;
  const Snapshot reference = snapshot(reference_db);

  std::map<std::string, int> killed_in;
  int finished_before_kill = 0;
  int checks = 0;
  // About one kill in ten hits a database being created: a fresh path, killed within 10 ms.
  const int creation_kills = kills / 10;
  for (int kill = 0; kill < creation_kills; ++kill) {
    const auto database = work / fmt::format("created-{}.db", kill);
    const pid_t pid = start_index(run.on(database), log);
    std::this_thread::sleep_for(std::chrono::microseconds(random() % 10'000));
    ++killed_in["creation: " + current_syscall(pid)];
    ::kill(pid, SIGKILL);
    wait_exit(pid);
    const auto after = snapshot(database);  // must open, whatever the moment
    if (!after.error.empty()) {
      problems.push_back(fmt::format("{} cannot be read after a kill during creation: {}",
                                     database.string(), after.error));
    }
    if (after.doubled != 0) {
      problems.push_back(
          fmt::format("{}: {} ids doubled after a kill", database.string(), after.doubled));
    }
    const int code = wait_exit(start_index(run.on(database), log));
    if (code != 0) {
      problems.push_back(fmt::format("restart after a kill during creation of {} failed ({}): {}",
                                     database.string(), code, morgue::testing::read_file(log)));
    }
    std::filesystem::remove_all(database);
  }

  // The rest hit one database again and again: each restart goes on from the checkpoints
  // (one in four re-indexes everything with --reindex, so kills also meet commits that replace
  // articles). A run that finishes before its kill ends a round: its database must equal the
  // uninterrupted run's, and the next round starts from nothing.
  const auto database = work / "crashed.db";
  const auto reference_us =
      std::chrono::duration_cast<std::chrono::microseconds>(reference_time).count();
  Snapshot last;
  int rounds = 0;
  std::size_t resumed_records = 0;
  std::size_t unchanged_files = 0;
  const auto end_round = [&](const std::string& when) {
    ++rounds;
    const std::string summary = morgue::testing::read_file(log);
    resumed_records += summary_count(summary, "resumed_records");
    unchanged_files += summary_count(summary, "unchanged_files");
    for (const auto& difference : differences(database, reference_db, reference)) {
      problems.push_back(fmt::format("{}: {}", when, difference));
    }
  };
  // A restart that goes on from a checkpoint has less to do and often finishes before its kill:
  // keep starting runs until `kills` of them were killed (at most three times as many runs).
  int killed = creation_kills;
  for (int kill = creation_kills; killed < kills && kill < 3 * kills; ++kill) {
    const bool replacing = last.exists && random() % 4 == 0;
    const pid_t pid = start_index((replacing ? reindex : run).on(database), log);
    // One kill in five comes in the first 20 ms (opening, the first batch); three in ten wait
    // for the process to be writing or syncing (a commit: Xapian writes blocks only there,
    // since each batch is a transaction); the rest come anywhere in the run.
    const auto mode = random() % 10;
    const auto delay = mode < 2 ? random() % 20'000 : random() % (reference_us + 1);
    std::this_thread::sleep_for(std::chrono::microseconds(delay));
    std::string doing = current_syscall(pid);
    if (mode >= 2 && mode < 5) {
      const auto give_up = Clock::now() + reference_time / 4;
      while (!is_commit_call(doing) && doing != "exited" && Clock::now() < give_up) {
        doing = current_syscall(pid);
      }
    }
    ::kill(pid, SIGKILL);
    const bool finished = wait_exit(pid) != 128 + SIGKILL;
    if (finished) {
      ++finished_before_kill;
    } else {
      ++killed;
      ++killed_in[doing];
    }
    const Snapshot now = snapshot(database);
    if (!now.error.empty()) {
      problems.push_back(fmt::format("kill {}: cannot read the database: {}", kill, now.error));
    }
    for (const auto& id : last.ids) {
      if (!now.ids.contains(id)) {
        problems.push_back(fmt::format("kill {}: committed document {} was lost", kill, id));
      }
    }
    if (now.doubled != 0 || now.documents != now.ids.size()) {
      problems.push_back(fmt::format("kill {}: {} documents, {} ids, {} ids doubled", kill,
                                     now.documents, now.ids.size(), now.doubled));
    }
    if (now.exists) {
      ++checks;
      if (const auto report = check_database(database); !report.empty()) {
        problems.push_back(fmt::format("kill {}: Xapian check: {}", kill, report));
      }
    }
    last = now;
    if (finished) {
      end_round(fmt::format("round {} (run {} finished before its kill)", rounds + 1, kill));
      std::filesystem::remove_all(database);
      last = Snapshot{};
    }
  }

  // Finish the last round and compare with the uninterrupted run.
  if (int code = wait_exit(start_index(run.on(database), log)); code != 0) {
    problems.push_back(
        fmt::format("the final run failed ({}): {}", code, morgue::testing::read_file(log)));
  }
  end_round("final run");
  std::size_t leftovers = 0;
  for (const auto& entry : std::filesystem::directory_iterator(work.path())) {
    if (entry.path().filename().string().find(".creating-") != std::string::npos) {
      ++leftovers;
    }
  }

  std::cout << fmt::format(
      "seed {}: {} kills ({} during creation) of morgue-index --batch-size {} indexing {} "
      "documents; an uninterrupted run takes {} ms\n",
      seed, killed, creation_kills, batch_size, reference.documents,
      std::chrono::duration_cast<std::chrono::milliseconds>(reference_time).count());
  std::cout << "killed while in:";
  for (const auto& [doing, count] : killed_in) {
    std::cout << fmt::format(" {} {};", doing, count);
  }
  std::cout << fmt::format(
      "\n{} runs finished before their kill; {} Xapian checks; {} half-created databases "
      "left aside\n",
      finished_before_kill, checks + 1, leftovers);
  std::cout << fmt::format(
      "{} rounds compared with the uninterrupted run; the runs that finished went on after {} "
      "committed records and skipped {} files indexed before\n",
      rounds, resumed_records, unchanged_files);
  // Each restart removes what a killed creation left (its process is gone).
  if (leftovers != 0) {
    problems.push_back(fmt::format("{} half-created databases were not removed", leftovers));
  }
  for (const auto& problem : problems) {
    std::cout << "PROBLEM: " << problem << '\n';
  }
  std::cout << fmt::format("{}: {} problems (lost, doubled, damaged or different), {:.1f} s\n",
                           problems.empty() ? "PASSED" : "FAILED", problems.size(),
                           std::chrono::duration<double>(Clock::now() - started).count());
  return problems.empty() ? 0 : 1;
}
