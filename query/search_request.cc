// SearchRequest::add_filter: the filter strings facet values carry, read back into a request.
#include <fmt/format.h>

#include <morgue/error.h>
#include <morgue/searcher.h>

#include "query/quoting.h"

namespace morgue {

void SearchRequest::add_filter(std::string_view filter) {
  const auto separator = filter.find_first_of(":=");
  if (separator == std::string_view::npos || separator == 0) {
    throw QueryError(fmt::format(
        "write a filter as FIELD:VALUE or FIELD=VALUE, e.g. tag:Syria or tag:\"John Kerry\"; "
        "got '{}'",
        filter));
  }
  const std::string field(filter.substr(0, separator));
  const std::string_view value = filter.substr(separator + 1);
  if (!value.starts_with('"')) {
    filters[field].emplace_back(value);
    return;
  }
  auto quoted = query::read_quoted(value, 0);
  if (!quoted) {
    throw QueryError(fmt::format("the filter '{}' opens a quote and never closes it", filter));
  }
  if (quoted->end != value.size()) {
    throw QueryError(fmt::format(
        "the filter '{}' goes on after its closing quote; write \\\" for a quote inside one",
        filter));
  }
  filters[field].push_back(std::move(quoted->text));
}

}  // namespace morgue
