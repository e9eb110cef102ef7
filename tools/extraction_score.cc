#include "tools/extraction_score.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <zlib.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace morgue::tools {

namespace {

bool is_word_character(UChar32 c) {
  if (c == '_') {
    return true;
  }
  switch (u_charType(c)) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
      return true;
    default:
      return false;
  }
}

// evaluate.py's _ngrams: one shingle per start position, and a text shorter than a shingle
// gives one short shingle (none when it has no words).
std::map<std::string, int> shingles(const std::string& text, std::size_t shingle_words) {
  const std::vector<std::string> words = benchmark_words(text);
  std::map<std::string, int> counts;
  const std::size_t starts =
      words.size() >= shingle_words ? words.size() - shingle_words + 1 : std::size_t{1};
  for (std::size_t start = 0; start < starts && start < words.size(); ++start) {
    std::string shingle;
    for (std::size_t i = start; i < std::min(start + shingle_words, words.size()); ++i) {
      shingle += (i == start ? "" : " ") + words[i];
    }
    ++counts[shingle];
  }
  return counts;
}

}  // namespace

std::vector<std::string> benchmark_words(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < length;) {
    const std::int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c >= 0 && is_word_character(c)) {
      word.append(text, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) {
    words.push_back(std::move(word));
  }
  return words;
}

ShingleCounts& ShingleCounts::operator+=(const ShingleCounts& other) {
  true_positives += other.true_positives;
  false_positives += other.false_positives;
  false_negatives += other.false_negatives;
  return *this;
}

double ShingleCounts::precision() const {
  const double found = true_positives + false_positives;
  return found > 0 ? true_positives / found : 0.0;
}

double ShingleCounts::recall() const {
  const double expected = true_positives + false_negatives;
  return expected > 0 ? true_positives / expected : 0.0;
}

double ShingleCounts::f1() const {
  const double sum = precision() + recall();
  return sum > 0 ? 2 * precision() * recall() / sum : 0.0;
}

ShingleCounts compare_shingles(const std::string& expected, const std::string& extracted,
                               std::size_t shingle_words) {
  const auto truth = shingles(expected, shingle_words);
  const auto found = shingles(extracted, shingle_words);
  ShingleCounts counts;
  for (const auto& [shingle, count] : truth) {
    const auto it = found.find(shingle);
    const int got = it == found.end() ? 0 : it->second;
    counts.true_positives += std::min(count, got);
    counts.false_negatives += std::max(0, count - got);
  }
  for (const auto& [shingle, count] : found) {
    const auto it = truth.find(shingle);
    counts.false_positives += std::max(0, count - (it == truth.end() ? 0 : it->second));
  }
  const double sum = counts.true_positives + counts.false_positives + counts.false_negatives;
  if (sum > 0) {
    counts.true_positives /= sum;
    counts.false_positives /= sum;
    counts.false_negatives /= sum;
  }
  return counts;
}

std::string read_gzip(const std::filesystem::path& path) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) {
    throw std::runtime_error("cannot open " + path.string());
  }
  std::string text;
  char buffer[1 << 16];
  int read = 0;
  while ((read = gzread(file, buffer, sizeof buffer)) > 0) {
    text.append(buffer, static_cast<std::size_t>(read));
  }
  gzclose(file);
  if (read < 0) {
    throw std::runtime_error(path.string() + " is not a readable gzip file");
  }
  return text;
}

}  // namespace morgue::tools
