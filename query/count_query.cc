#include "query/count_query.h"

#include <set>
#include <string>
#include <vector>

namespace morgue::query {

namespace {

using Q = Xapian::Query;

// The alternatives of an OR (or synonym) tree, each term once.
void collect_alternatives(const Q& query, std::vector<Q>& alternatives,
                          std::set<std::string>& terms) {
  switch (query.get_type()) {
    case Q::OP_OR:
    case Q::OP_SYNONYM:
      for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        collect_alternatives(query.get_subquery(i), alternatives, terms);
      }
      return;
    case Q::OP_SCALE_WEIGHT:
      collect_alternatives(query.get_subquery(0), alternatives, terms);
      return;
    case Q::LEAF_TERM:
      if (terms.insert(*query.get_terms_begin()).second) {
        alternatives.push_back(query);
      }
      return;
    default:
      alternatives.push_back(count_query(query));
  }
}

}  // namespace

Xapian::Query count_query(const Xapian::Query& query) {
  switch (query.get_type()) {
    case Q::OP_SCALE_WEIGHT:
    case Q::OP_AND_MAYBE:  // matches what its first subquery matches
      return count_query(query.get_subquery(0));
    case Q::OP_OR:
    case Q::OP_SYNONYM: {
      std::vector<Q> alternatives;
      std::set<std::string> terms;
      collect_alternatives(query, alternatives, terms);
      return alternatives.size() == 1 ? alternatives.front()
                                      : Q(Q::OP_OR, alternatives.begin(), alternatives.end());
    }
    case Q::OP_AND:
    case Q::OP_FILTER:
    case Q::OP_AND_NOT:
    case Q::OP_XOR: {
      std::vector<Q> parts;
      for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        parts.push_back(count_query(query.get_subquery(i)));
      }
      return Q(static_cast<Q::op>(query.get_type()), parts.begin(), parts.end());
    }
    default:
      return query;
  }
}

}  // namespace morgue::query
