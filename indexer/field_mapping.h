// Which Article field a CSV column or JSON key fills, and how collected values become an Article.
// Shared by every reader of tabular input, so a column means the same thing in CSV and JSON Lines.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <morgue/article.h>

namespace morgue::indexer {

/// The Article fields a source name can fill.
enum class ArticleField {
  kId,
  kUrl,
  kTitle,
  kBody,
  kAuthors,
  kTags,
  kPublished,
  kSite,
  kType,
  kLanguage,
};

/// How many ArticleField values there are.
inline constexpr std::size_t kArticleFieldCount = 10;
static_assert(static_cast<std::size_t>(ArticleField::kLanguage) + 1 == kArticleFieldCount);

/// True for the fields that hold a list (authors, tags).
bool is_list_field(ArticleField field);

/// What one source name fills: a field, and the name's rank among the names for that field.
/// When a record gives several of them, the first non-empty value in rank order wins (0 first).
struct FieldTarget {
  ArticleField field = ArticleField::kId;
  int rank = 0;

  friend bool operator==(const FieldTarget&, const FieldTarget&) = default;
};

/// Maps source names (CSV header names, JSON keys) onto Article fields, ignoring ASCII case and
/// surrounding spaces. The built-in names, in rank order:
///   id: id                url: url, link                  title: title, headline
///   body: content, text, body          authors: authors, author, byline
///   tags: tags, keywords, meta_keywords                    site: domain, site, source
///   published: date, published, published_at, pubdate, scraped_at
///   type: type            language: language, lang
/// Any other name, and the empty name, fills nothing. Immutable after construction: threads may
/// share one. (User-given names such as `--map title=headline` would go into the same table.)
///     FieldMapping mapping;
///     mapping.find("Headline");  // FieldTarget{ArticleField::kTitle, 1}
class FieldMapping {
 public:
  /// The built-in names above.
  FieldMapping();

  /// The field `name` fills, or nullopt when it fills none.
  std::optional<FieldTarget> find(std::string_view name) const;

  /// The targets of a header's columns, one per column, nullopt for a column that fills nothing.
  std::vector<std::optional<FieldTarget>> find_columns(
      const std::vector<std::string>& header) const;

  /// The names that fill `field`, in rank order: {"title", "headline"}. For messages.
  std::vector<std::string> names_of(ArticleField field) const;

 private:
  struct Entry {
    std::string name;  // lower case
    FieldTarget target;
  };
  std::vector<Entry> entries_;
};

/// The values one record gave for mapped fields, in any order. A reader fills one per record and
/// hands it to finish_article().
class RecordValues {
 public:
  /// Adds a text value that came under `source_name` (kept as the source spelled it, for
  /// messages). For a list field the text is split as split_list() does.
  void add_text(FieldTarget target, std::string_view source_name, std::string text);

  /// Adds the items of a list (a JSON array of strings) for a list field.
  void add_items(FieldTarget target, std::string_view source_name, std::vector<std::string> items);

 private:
  friend Article finish_article(const RecordValues& values, const std::string& file,
                                std::size_t record_number);

  struct Value {
    int rank = 0;
    std::string source_name;
    std::string text;
    std::optional<std::vector<std::string>> items;  // set when the source gave a list
  };
  std::array<std::vector<Value>, kArticleFieldCount> values_;
};

/// Builds an article from a record's values: per field the first non-empty value in rank order
/// (values of equal rank in the order added), text trimmed of surrounding whitespace, "\r\n" in
/// the body made "\n", lists cleaned as split_list() does, the date read by parse_date(). Throws
/// InputError(file, record_number, ...) when the chosen date cannot be read ("unreadable date
/// 'xyz' in field 'scraped_at'") or when the record has neither a title nor a body.
Article finish_article(const RecordValues& values, const std::string& file,
                       std::size_t record_number);

/// Splits a list written as text: a Python-style list literal ("['a', 'b']", "[\"a\"]"; "['']"
/// is empty) or else a comma-separated string ("a, b"). Items are trimmed; empty items and
/// repeats of an earlier item are dropped.
std::vector<std::string> split_list(std::string_view text);

}  // namespace morgue::indexer
