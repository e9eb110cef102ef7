#include "eval/metrics.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace morgue::eval {

namespace {
bool is_relevant(const std::map<std::string, int>& relevant, const std::string& id) {
  const auto found = relevant.find(id);
  return found != relevant.end() && found->second > 0;
}
}  // namespace

double average_precision(const std::vector<std::string>& ranking,
                         const std::map<std::string, int>& relevant) {
  const auto relevant_count = std::count_if(relevant.begin(), relevant.end(),
                                            [](const auto& entry) { return entry.second > 0; });
  if (relevant_count == 0) {
    return 0;
  }
  double precision_sum = 0;
  std::size_t found = 0;
  for (std::size_t rank = 1; rank <= ranking.size(); ++rank) {
    if (is_relevant(relevant, ranking[rank - 1])) {
      ++found;
      precision_sum += static_cast<double>(found) / static_cast<double>(rank);
    }
  }
  return precision_sum / static_cast<double>(relevant_count);
}

double ndcg_at(const std::vector<std::string>& ranking, const std::map<std::string, int>& relevant,
               std::size_t depth) {
  const auto discount = [](std::size_t rank) { return std::log2(static_cast<double>(rank) + 1); };
  double dcg = 0;
  for (std::size_t rank = 1; rank <= std::min(depth, ranking.size()); ++rank) {
    const auto found = relevant.find(ranking[rank - 1]);
    if (found != relevant.end() && found->second > 0) {
      dcg += found->second / discount(rank);
    }
  }
  std::vector<int> gains;
  for (const auto& [id, gain] : relevant) {
    if (gain > 0) {
      gains.push_back(gain);
    }
  }
  std::sort(gains.begin(), gains.end(), std::greater<>());
  double ideal = 0;
  for (std::size_t rank = 1; rank <= std::min(depth, gains.size()); ++rank) {
    ideal += gains[rank - 1] / discount(rank);
  }
  return ideal == 0 ? 0 : dcg / ideal;
}

}  // namespace morgue::eval
