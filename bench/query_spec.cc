#include "bench/query_spec.h"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include <morgue/error.h>

namespace morgue::bench {

namespace {

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string word; in >> word;) {
    for (char& c : word) {
      if (c >= 'A' && c <= 'Z') {
        c = static_cast<char>(c - 'A' + 'a');
      }
    }
    words.push_back(word);
  }
  return words;
}

QuerySpec parse_line(const std::string& line, const std::string& where) {
  QuerySpec spec;
  spec.line = line;
  std::size_t pos = 0;
  while (pos < line.size()) {
    // Parentheses only group an OR against the filters: "(oil OR gold) date:1987-03".
    if (line[pos] == ' ' || line[pos] == '(' || line[pos] == ')') {
      ++pos;
      continue;
    }
    if (line[pos] == '"') {
      const std::size_t close = line.find('"', pos + 1);
      if (close == std::string::npos) {
        throw Error(fmt::format("{}: unclosed phrase", where));
      }
      spec.clauses.push_back(words_of(line.substr(pos + 1, close - pos - 1)));
      pos = close + 1;
      continue;
    }
    std::size_t end = line.find_first_of(" ()", pos);
    if (end == std::string::npos) {
      end = line.size();
    }
    const std::string token = line.substr(pos, end - pos);
    pos = end;
    if (token == "OR") {
      spec.any = true;
    } else if (token.starts_with("site:")) {
      spec.site = token.substr(5);
    } else if (token.starts_with("type:")) {
      spec.type = token.substr(5);
    } else if (token.starts_with("date:")) {
      spec.month = token.substr(5);
      if (spec.month.size() != 7 || spec.month[4] != '-') {
        throw Error(fmt::format("{}: date: takes a month, YYYY-MM", where));
      }
    } else if (token.find(':') != std::string::npos || token.find('"') != std::string::npos) {
      throw Error(fmt::format("{}: '{}' is outside the benchmark's query subset", where, token));
    } else {
      spec.clauses.push_back(words_of(token));
    }
  }
  if (spec.any && spec.clauses.size() < 2) {
    throw Error(fmt::format("{}: OR needs two clauses", where));
  }
  return spec;
}

}  // namespace

std::vector<QuerySpec> read_queries(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) {
    throw Error(fmt::format("cannot read the query file {}", file.string()));
  }
  std::vector<QuerySpec> queries;
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (line.empty() || line[0] == '#') {
      continue;
    }
    queries.push_back(parse_line(line, fmt::format("{}:{}", file.string(), number)));
  }
  return queries;
}

}  // namespace morgue::bench
