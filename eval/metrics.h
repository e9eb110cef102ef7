// Ranking quality measures, computed as trec_eval computes them.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace morgue::eval {

/// Average precision of `ranking` (document ids, best first) against `relevant` (document id →
/// gain; every entry with gain > 0 is relevant): the mean, over all relevant documents, of the
/// precision at the rank where each was retrieved (0 for one never retrieved). 0 when nothing
/// is relevant.
double average_precision(const std::vector<std::string>& ranking,
                         const std::map<std::string, int>& relevant);

/// nDCG at `depth`: the discounted cumulative gain of the first `depth` documents of `ranking`,
/// gain / log2(rank + 1) with the judged gain (0 for unjudged), divided by that of the ideal
/// ranking of the judged documents (trec_eval's ndcg_cut). 0 when nothing is relevant.
double ndcg_at(const std::vector<std::string>& ranking, const std::map<std::string, int>& relevant,
               std::size_t depth);

}  // namespace morgue::eval
