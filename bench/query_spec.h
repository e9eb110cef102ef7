// The fixed query file: one logical query per line, in the subset of morgue's query language
// that every engine can express, parsed once so each engine can translate it.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace morgue::bench {

/// One logical query. `line` goes to morgue unchanged; the peers build theirs from the parts.
struct QuerySpec {
  std::string line;
  /// Words and phrases (a phrase is more than one word), lower-case ASCII.
  std::vector<std::vector<std::string>> clauses;
  bool any = false;   ///< clauses joined by OR (the line has "OR"), else by AND
  std::string site;   ///< site:X filter, empty for none
  std::string type;   ///< type:X filter
  std::string month;  ///< date:YYYY-MM filter
};

/// Reads the query file: blank lines and lines starting with '#' are skipped. A line holds
/// words, "quoted phrases", OR between all of its clauses or none (parentheses may group them
/// against the filters), and the filters site:,
/// type: and date:YYYY-MM. Throws morgue::Error naming the line otherwise.
std::vector<QuerySpec> read_queries(const std::filesystem::path& file);

}  // namespace morgue::bench
