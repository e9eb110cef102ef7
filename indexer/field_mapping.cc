#include "indexer/field_mapping.h"

#include <algorithm>
#include <cassert>
#include <utility>

#include <fmt/format.h>

#include <morgue/error.h>

#include "indexer/date_choice.h"
#include "indexer/date_parser.h"
#include "indexer/limits.h"

namespace morgue::indexer {

namespace {

struct BuiltInName {
  std::string_view name;
  ArticleField field;
};

// The one table of built-in names. Within a field, earlier names rank first: a real publication
// date beats the time a scraper fetched the page (FakeNewsCorpus has only `scraped_at`), and
// `tags` beats `meta_keywords`, which FakeNewsCorpus fills with "['']" when a page had none.
constexpr BuiltInName kBuiltInNames[] = {
    {"id", ArticleField::kId},
    {"url", ArticleField::kUrl},
    {"link", ArticleField::kUrl},
    {"title", ArticleField::kTitle},
    {"headline", ArticleField::kTitle},
    {"content", ArticleField::kBody},
    {"text", ArticleField::kBody},
    {"body", ArticleField::kBody},
    {"authors", ArticleField::kAuthors},
    {"author", ArticleField::kAuthors},
    {"byline", ArticleField::kAuthors},
    {"tags", ArticleField::kTags},
    {"keywords", ArticleField::kTags},
    {"meta_keywords", ArticleField::kTags},
    {"date", ArticleField::kPublished},
    {"published", ArticleField::kPublished},
    {"published_at", ArticleField::kPublished},
    {"pubdate", ArticleField::kPublished},
    {"scraped_at", ArticleField::kPublished},
    {"date_iso", ArticleField::kPublished},
    {"domain", ArticleField::kSite},
    {"site", ArticleField::kSite},
    {"source", ArticleField::kSite},
    {"type", ArticleField::kType},
    {"language", ArticleField::kLanguage},
    {"lang", ArticleField::kLanguage},
};

bool is_whitespace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_whitespace(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && is_whitespace(text.back())) {
    text.remove_suffix(1);
  }
  return text;
}

std::string to_lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return lower;
}

// Trims items, drops empty ones and repeats of an earlier one.
std::vector<std::string> clean_items(const std::vector<std::string>& items) {
  std::vector<std::string> cleaned;
  for (const std::string& item : items) {
    const std::string_view trimmed = trim(item);
    if (!trimmed.empty() && std::find(cleaned.begin(), cleaned.end(), trimmed) == cleaned.end()) {
      cleaned.emplace_back(trimmed);
    }
  }
  return cleaned;
}

// "['a', \"b\", c]" as Python's repr() writes a list of strings; nullopt when `text` is not one.
std::optional<std::vector<std::string>> parse_list_literal(std::string_view text) {
  if (text.size() < 2 || text.front() != '[' || text.back() != ']') {
    return std::nullopt;
  }
  const std::string_view inner = text.substr(1, text.size() - 2);
  std::vector<std::string> items;
  std::size_t pos = 0;
  for (;;) {
    while (pos < inner.size() && is_whitespace(inner[pos])) {
      ++pos;
    }
    if (pos == inner.size()) {
      return items;
    }
    std::string item;
    const char quote = inner[pos];
    if (quote == '\'' || quote == '"') {
      ++pos;
      while (pos < inner.size() && inner[pos] != quote) {
        if (inner[pos] == '\\' && pos + 1 < inner.size()) {
          ++pos;
        }
        item += inner[pos++];
      }
      if (pos == inner.size()) {
        return std::nullopt;
      }
      ++pos;
      while (pos < inner.size() && is_whitespace(inner[pos])) {
        ++pos;
      }
    } else {
      while (pos < inner.size() && inner[pos] != ',') {
        item += inner[pos++];
      }
    }
    items.push_back(std::move(item));
    if (pos == inner.size()) {
      return items;
    }
    if (inner[pos] != ',') {
      return std::nullopt;
    }
    ++pos;
  }
}

// A date field of a misaligned record can hold a whole article; quote only its start.
std::string excerpt(std::string_view text) {
  constexpr std::size_t kMaxExcerptBytes = 60;
  if (text.size() <= kMaxExcerptBytes) {
    return std::string(text);
  }
  std::size_t end = kMaxExcerptBytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
    --end;  // do not cut a UTF-8 sequence
  }
  return std::string(text.substr(0, end)) + "...";
}

std::string unix_line_ends(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    if (!(text[pos] == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n')) {
      out += text[pos];
    }
  }
  return out;
}

}  // namespace

bool is_list_field(ArticleField field) {
  return field == ArticleField::kAuthors || field == ArticleField::kTags;
}

FieldMapping::FieldMapping() {
  std::array<int, kArticleFieldCount> next_rank{};
  for (const BuiltInName& built_in : kBuiltInNames) {
    const auto index = static_cast<std::size_t>(built_in.field);
    entries_.push_back({std::string(built_in.name), {built_in.field, next_rank[index]++}});
  }
}

void FieldMapping::add(ArticleField field, std::string_view name) {
  // Earlier entries are found first: the user's go in front.
  entries_.insert(entries_.begin(), Entry{to_lower(trim(name)), {field, next_user_rank_--}});
  // The first name a user gives for a field ranks first: ranks go down as names are added, so
  // renumber this field's user entries in the order given.
  int rank = -1000;
  for (auto entry = entries_.rbegin(); entry != entries_.rend(); ++entry) {
    if (entry->target.rank < 0 && entry->target.field == field) {
      entry->target.rank = rank++;
    }
  }
}

std::optional<ArticleField> field_named(std::string_view name) {
  const std::string lower = to_lower(trim(name));
  for (std::size_t index = 0; index < kArticleFieldCount; ++index) {
    const auto field = static_cast<ArticleField>(index);
    if (lower == field_name(field)) {
      return field;
    }
  }
  if (lower == "author") {
    return ArticleField::kAuthors;
  }
  if (lower == "tag") {
    return ArticleField::kTags;
  }
  if (lower == "date") {
    return ArticleField::kPublished;
  }
  return std::nullopt;
}

std::string_view field_name(ArticleField field) {
  switch (field) {
    case ArticleField::kId:
      return "id";
    case ArticleField::kUrl:
      return "url";
    case ArticleField::kTitle:
      return "title";
    case ArticleField::kBody:
      return "body";
    case ArticleField::kAuthors:
      return "authors";
    case ArticleField::kTags:
      return "tags";
    case ArticleField::kPublished:
      return "published";
    case ArticleField::kSite:
      return "site";
    case ArticleField::kType:
      return "type";
    case ArticleField::kLanguage:
      return "language";
  }
  return "";
}

std::optional<FieldTarget> FieldMapping::find(std::string_view name) const {
  const std::string wanted = to_lower(trim(name));
  for (const Entry& entry : entries_) {
    if (entry.name == wanted) {
      return entry.target;
    }
  }
  return std::nullopt;
}

std::vector<std::optional<FieldTarget>> FieldMapping::find_columns(
    const std::vector<std::string>& header) const {
  std::vector<std::optional<FieldTarget>> targets;
  targets.reserve(header.size());
  for (const std::string& name : header) {
    targets.push_back(find(name));
  }
  return targets;
}

std::vector<std::string> FieldMapping::names_of(ArticleField field) const {
  std::vector<const Entry*> matching;
  for (const Entry& entry : entries_) {
    if (entry.target.field == field) {
      matching.push_back(&entry);
    }
  }
  std::stable_sort(matching.begin(), matching.end(), [](const Entry* left, const Entry* right) {
    return left->target.rank < right->target.rank;
  });
  std::vector<std::string> names;
  names.reserve(matching.size());
  for (const Entry* entry : matching) {
    names.push_back(entry->name);
  }
  return names;
}

void RecordValues::add_text(FieldTarget target, std::string_view source_name, std::string text) {
  values_[static_cast<std::size_t>(target.field)].push_back(
      {target.rank, std::string(source_name), std::move(text), std::nullopt});
}

void RecordValues::add_items(FieldTarget target, std::string_view source_name,
                             std::vector<std::string> items) {
  assert(is_list_field(target.field));
  values_[static_cast<std::size_t>(target.field)].push_back(
      {target.rank, std::string(source_name), std::string(), std::move(items)});
}

Article finish_article(const RecordValues& values, const std::string& file,
                       std::size_t record_number, const std::vector<std::string>& date_formats) {
  using Value = RecordValues::Value;
  for (const auto& field_values : values.values_) {
    for (const Value& value : field_values) {
      std::size_t bytes = value.text.size();
      if (value.items) {
        for (const std::string& item : *value.items) {
          bytes += item.size();
        }
      }
      if (bytes > limits::kMaxFieldBytes) {
        throw InputError(file, record_number,
                         fmt::format("field '{}' is longer than {} MiB", value.source_name,
                                     limits::kMaxFieldBytes >> 20));
      }
    }
  }
  auto by_rank = [&values](ArticleField field) {
    std::vector<const Value*> ranked;
    for (const Value& value : values.values_[static_cast<std::size_t>(field)]) {
      ranked.push_back(&value);
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const Value* left, const Value* right) {
      return left->rank < right->rank;
    });
    return ranked;
  };
  // The first non-empty text, with the name it came under.
  auto first_text = [&by_rank](ArticleField field) -> std::pair<std::string, std::string> {
    for (const Value* value : by_rank(field)) {
      const std::string_view text = trim(value->text);
      if (!text.empty()) {
        return {std::string(text), value->source_name};
      }
    }
    return {};
  };
  auto first_list = [&by_rank](ArticleField field) -> std::vector<std::string> {
    for (const Value* value : by_rank(field)) {
      auto items = value->items ? clean_items(*value->items) : split_list(value->text);
      if (!items.empty()) {
        return items;
      }
    }
    return {};
  };

  Article article;
  article.id = first_text(ArticleField::kId).first;
  article.url = first_text(ArticleField::kUrl).first;
  article.site = first_text(ArticleField::kSite).first;
  article.title = first_text(ArticleField::kTitle).first;
  article.body = unix_line_ends(first_text(ArticleField::kBody).first);
  article.authors = first_list(ArticleField::kAuthors);
  article.tags = first_list(ArticleField::kTags);
  article.language = first_text(ArticleField::kLanguage).first;
  article.type = first_text(ArticleField::kType).first;
  // Several date columns: the best-ranked one that reads wins, so one garbled column does not
  // cost the record when another holds the date (Reuters-21578 has `date` and `date_iso`).
  std::vector<DateCandidate> dates;
  for (const Value* value : by_rank(ArticleField::kPublished)) {
    dates.push_back({fmt::format("field '{}'", value->source_name), value->text});
  }
  DateChoice date = choose_date(dates, date_formats);
  if (!date.date && date.first_unreadable) {
    // The source reads "field 'NAME'": the message quotes the value before it.
    throw InputError(file, record_number,
                     fmt::format("unreadable date '{}' in {}", excerpt(date.first_unreadable->text),
                                 date.first_unreadable->source));
  }
  article.published = date.date;
  article.date_source = std::move(date.source);
  if (article.title.empty() && article.body.empty()) {
    throw InputError(file, record_number, "record has neither a title nor a body");
  }
  return article;
}

std::vector<std::string> split_list(std::string_view text) {
  text = trim(text);
  if (auto items = parse_list_literal(text)) {
    return clean_items(*items);
  }
  std::vector<std::string> items;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = text.find(',', start);
    items.emplace_back(text.substr(start, comma - start));
    if (comma == std::string_view::npos) {
      break;
    }
    start = comma + 1;
  }
  return clean_items(items);
}

}  // namespace morgue::indexer
