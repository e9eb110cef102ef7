// The body-extraction score of scrapinghub's Article Extraction Benchmark (its evaluate.py):
// precision, recall and F1 over word shingles, each page weighing the same.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace morgue::tools {

/// The words of `text` as the benchmark splits them: runs of letters, digits and underscores
/// in any script (Python's `\w+`).
std::vector<std::string> benchmark_words(const std::string& text);

/// True positives, false positives and false negatives of shingles on one or more pages. For
/// one page they are normalized to sum to 1, so that a long page weighs no more than a short
/// one; pages add up with +=.
struct ShingleCounts {
  double true_positives = 0;
  double false_positives = 0;
  double false_negatives = 0;

  ShingleCounts& operator+=(const ShingleCounts& other);
  double precision() const;  ///< tp / (tp + fp); 0 when nothing was extracted
  double recall() const;     ///< tp / (tp + fn); 0 when nothing was expected
  double f1() const;         ///< harmonic mean of precision and recall
};

/// Compares the shingles of `shingle_words` consecutive words (4 in the benchmark, 1 for
/// single words) of `extracted` with those of `expected`, counting repeats.
ShingleCounts compare_shingles(const std::string& expected, const std::string& extracted,
                               std::size_t shingle_words);

/// The content of the gzip-compressed file `path` (the benchmark's pages are stored so).
/// Throws std::runtime_error naming the file when it cannot be opened or is corrupt.
std::string read_gzip(const std::filesystem::path& path);

}  // namespace morgue::tools
