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
/// Any other name, and the empty name, fills nothing. A user's names (`--map title=story`) come
/// before the built-in ones: they rank first for their field and take the name from any built-in
/// field. Not changed after setup: threads may share one.
///     FieldMapping mapping;
///     mapping.find("Headline");  // FieldTarget{ArticleField::kTitle, 1}
class FieldMapping {
 public:
  /// The built-in names above.
  FieldMapping();

  /// Adds a user's name for `field`, ranked before the built-in names and earlier user names
  /// for it.
  void add(ArticleField field, std::string_view name);

  /// Adds a strptime(3) format tried on dates that none of parse_date()'s forms read.
  void add_date_format(std::string format) { date_formats_.push_back(std::move(format)); }

  /// The user's date formats, in the order added.
  const std::vector<std::string>& date_formats() const { return date_formats_; }

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
  std::vector<std::string> date_formats_;
  int next_user_rank_ = -1;
};

/// The field a user names on the command line: "title", "body", "authors" or "author", "tags" or
/// "tag", "published" or "date", "id", "url", "site", "type", "language"; nullopt otherwise.
std::optional<ArticleField> field_named(std::string_view name);

/// The name users type for `field` ("published" for kPublished).
std::string_view field_name(ArticleField field);

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
                                std::size_t record_number,
                                const std::vector<std::string>& date_formats);

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
/// the body made "\n", lists cleaned as split_list() does, the date read by parse_date() or else
/// by the first of `date_formats` (strptime(3) formats) that reads it. Throws
/// InputError(file, record_number, ...) when the chosen date cannot be read ("unreadable date
/// 'xyz' in field 'scraped_at'"), when a value is longer than limits::kMaxFieldBytes, or when
/// the record has neither a title nor a body.
Article finish_article(const RecordValues& values, const std::string& file,
                       std::size_t record_number,
                       const std::vector<std::string>& date_formats = {});

/// Splits a list written as text: a Python-style list literal ("['a', 'b']", "[\"a\"]"; "['']"
/// is empty) or else a comma-separated string ("a, b"). Items are trimmed; empty items and
/// repeats of an earlier item are dropped.
std::vector<std::string> split_list(std::string_view text);

}  // namespace morgue::indexer
