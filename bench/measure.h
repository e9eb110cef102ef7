// Measuring helpers: a child process per engine run (for its own peak RSS), clocks, order
// statistics and sizes on disk.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace morgue::bench {

/// What a child process reported and what the kernel measured of it.
struct ChildResult {
  nlohmann::json output;    ///< what `work` returned
  double peak_rss_mib = 0;  ///< ru_maxrss of the child (wait4)
  double wall_seconds = 0;  ///< from fork to exit
};

/// Runs `work` in a forked child so that its memory is measured alone, passing its JSON result
/// back through `scratch_file`. Throws morgue::Error with the child's message if it failed.
ChildResult run_in_child(const std::function<nlohmann::json()>& work,
                         const std::filesystem::path& scratch_file);

/// Median wall time in milliseconds of running `argv` (stdout and stderr discarded) `runs`
/// times; 0 when the program cannot be started.
double median_exec_ms(const std::vector<std::string>& argv, int runs);

/// CPU seconds (user + system) this process has used so far. On a machine shared with other
/// work this is steadier than wall time, which also counts waiting for a core.
double cpu_seconds();

/// Seconds elapsed since `start` on the steady clock.
double seconds_since(std::chrono::steady_clock::time_point start);

/// The p-th percentile (0..100, nearest rank) of `values`; 0 for none.
double percentile(std::vector<double> values, double p);

/// Bytes of a file, or of every file under a directory.
std::uintmax_t size_on_disk(const std::filesystem::path& path);

}  // namespace morgue::bench
