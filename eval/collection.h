// A judged test collection: documents, queries and relevance judgments, as laid out in
// ../shared/corpora/ir-classic/ (<name>-docs.jsonl, <name>-queries.jsonl, <name>-qrels.txt).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace morgue::eval {

/// One document of a collection.
struct Document {
  std::string id;
  std::string title;  ///< empty when the collection has no titles (med, npl)
  std::string text;
};

/// One query, as the collection wrote it.
struct Query {
  std::string id;
  std::string text;
};

/// Graded judgments: query id → document id → gain (1 and up; 0 or absent means not relevant).
using Judgments = std::map<std::string, std::map<std::string, int>>;

/// A whole collection in memory.
struct Collection {
  std::string name;
  std::vector<Document> documents;
  std::vector<Query> queries;
  Judgments judgments;
};

/// Reads the collection `name` from `folder` (the folder holding `<name>-docs.jsonl` etc.).
/// Throws morgue::Error naming the file and line of anything it cannot read.
Collection load_collection(const std::filesystem::path& folder, const std::string& name);

/// The words of a query with the characters that are morgue query syntax (quotes, parentheses,
/// + - : * /) turned into spaces and ASCII letters lower-cased, so that no word reads as an
/// operator (AND, OR, NOT, NEAR), a field or a wildcard. Every engine gets these same words.
std::vector<std::string> query_words(const std::string& text);

}  // namespace morgue::eval
