#include "eval/collection.h"

#include <cctype>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <morgue/error.h>

namespace morgue::eval {

namespace {

std::ifstream open(const std::filesystem::path& file) {
  std::ifstream input(file);
  if (!input) {
    throw Error(fmt::format("cannot open {}", file.string()));
  }
  return input;
}

// Calls `on_object` with each JSON object of a JSON Lines file.
template <typename Function>
void read_jsonl(const std::filesystem::path& file, Function on_object) {
  std::ifstream input = open(file);
  std::string line;
  for (std::size_t line_number = 1; std::getline(input, line); ++line_number) {
    if (line.empty()) {
      continue;
    }
    try {
      const nlohmann::json object = nlohmann::json::parse(line);
      on_object(object);
    } catch (const nlohmann::json::exception& e) {
      throw Error(fmt::format("{}:{}: {}", file.string(), line_number, e.what()));
    }
  }
}

}  // namespace

Collection load_collection(const std::filesystem::path& folder, const std::string& name) {
  Collection collection;
  collection.name = name;
  read_jsonl(folder / (name + "-docs.jsonl"), [&](const nlohmann::json& object) {
    collection.documents.push_back({object.at("id").get<std::string>(),
                                    object.value("title", std::string()),
                                    object.value("text", std::string())});
  });
  read_jsonl(folder / (name + "-queries.jsonl"), [&](const nlohmann::json& object) {
    collection.queries.push_back(
        {object.at("id").get<std::string>(), object.at("text").get<std::string>()});
  });
  const std::filesystem::path qrels = folder / (name + "-qrels.txt");
  std::ifstream input = open(qrels);
  std::string line;
  for (std::size_t line_number = 1; std::getline(input, line); ++line_number) {
    std::istringstream fields(line);
    std::string query_id;
    std::string iteration;
    std::string document_id;
    int gain = 0;
    if (!(fields >> query_id >> iteration >> document_id >> gain)) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) {
        continue;
      }
      throw Error(
          fmt::format("{}:{}: expected 'query 0 document gain'", qrels.string(), line_number));
    }
    if (gain > 0) {
      collection.judgments[query_id][document_id] = gain;
    }
  }
  return collection;
}

std::vector<std::string> query_words(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : text) {
    const bool syntax = c == '"' || c == '(' || c == ')' || c == '+' || c == '-' || c == ':' ||
                        c == '*' || c == '/';
    if (syntax || std::isspace(static_cast<unsigned char>(c))) {
      if (!word.empty()) {
        words.push_back(std::move(word));
        word.clear();
      }
      continue;
    }
    word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (!word.empty()) {
    words.push_back(std::move(word));
  }
  return words;
}

}  // namespace morgue::eval
