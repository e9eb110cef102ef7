#include "bench/measure.h"

#include <algorithm>
#include <cmath>
#include <fcntl.h>
#include <fstream>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <fmt/format.h>

#include <morgue/error.h>

extern char** environ;

namespace morgue::bench {

ChildResult run_in_child(const std::function<nlohmann::json()>& work,
                         const std::filesystem::path& scratch_file) {
  std::filesystem::remove(scratch_file);
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = ::fork();
  if (pid < 0) {
    throw Error("cannot fork a child for the benchmark");
  }
  if (pid == 0) {
    int code = 0;
    nlohmann::json output;
    try {
      output = work();
    } catch (const std::exception& e) {
      output = {{"error", e.what()}};
      code = 2;
    }
    std::ofstream(scratch_file) << output.dump();
    std::_Exit(code);  // no atexit handlers or destructors of the parent's objects
  }
  int status = 0;
  rusage usage{};
  ::wait4(pid, &status, 0, &usage);
  ChildResult result;
  result.wall_seconds = seconds_since(start);
  result.peak_rss_mib = static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB
  std::ifstream in(scratch_file);
  if (!in) {
    throw Error(fmt::format("a benchmark child died (status {}) without a result", status));
  }
  result.output = nlohmann::json::parse(in);
  if (result.output.contains("error")) {
    throw Error(
        fmt::format("a benchmark child failed: {}", result.output["error"].get<std::string>()));
  }
  return result;
}

double median_exec_ms(const std::vector<std::string>& argv, int runs) {
  std::vector<char*> args;
  for (const auto& arg : argv) {
    args.push_back(const_cast<char*>(arg.c_str()));
  }
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  std::vector<double> times;
  for (int run = 0; run < runs; ++run) {
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    if (posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ) != 0) {
      break;
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    times.push_back(seconds_since(start) * 1000.0);
  }
  posix_spawn_file_actions_destroy(&actions);
  return percentile(times, 50);
}

double cpu_seconds() {
  timespec now{};
  ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double percentile(std::vector<double> values, double p) {
  if (values.empty()) {
    return 0;
  }
  std::sort(values.begin(), values.end());
  const auto rank =
      static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(values.size())));
  return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

std::uintmax_t size_on_disk(const std::filesystem::path& path) {
  if (!std::filesystem::is_directory(path)) {
    return std::filesystem::exists(path) ? std::filesystem::file_size(path) : 0;
  }
  std::uintmax_t total = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
    if (entry.is_regular_file()) {
      total += entry.file_size();
    }
  }
  return total;
}

}  // namespace morgue::bench
