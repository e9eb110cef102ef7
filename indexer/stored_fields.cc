#include "indexer/stored_fields.h"

#include <limits>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <morgue/error.h>

#include "indexer/date_parser.h"
#include "indexer/json_scanner.h"
#include "indexer/schema.h"

namespace morgue::indexer {

using nlohmann::json;

std::string stored_article(const Article& article, const std::string& key,
                           std::size_t external_comments) {
  json stored = {
      {"kind", schema::kKindArticle},
      {"key", key},
      {"id", article.id},
      {"url", article.url},
      {"site", article.site},
      {"title", article.title},
      {"body", article.body},
      {"published", article.published ? article.published->iso8601() : ""},
      {"date_source", article.date_source},
      {"authors", article.authors},
      {"tags", article.tags},
      {"language", article.language},
      {"type", article.type},
      {"photo_caption", article.photo_caption},
      {"photo_credit", article.photo_credit},
      {"related_headlines", article.related_headlines},
      {"comment_count", article.comments.size() + external_comments},
  };
  return stored.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string stored_comment(const Comment& comment, const std::string& article_key, bool external) {
  json stored = {
      {"kind", schema::kKindComment},       {"key", article_key},
      {"position", comment.position},       {"author", comment.author},
      {"in_reply_to", comment.in_reply_to}, {"text", comment.text},
      {"language", comment.language},
  };
  if (external) {
    stored["external"] = true;
  }
  return stored.dump(-1, ' ', false, json::error_handler_t::replace);
}

namespace {

// Reads stored JSON straight into a StoredDocument as scan_json meets each field. Parsing
// into nlohmann's DOM and copying each value out of it was a fifth of the instructions of a
// top-10 search (docs/benchmarks.md); here strings are moved into place as they are read.
// Article and comment fields have different names but `language`, so each goes to its place
// whatever the order (`language` to the article's); parse_stored() then moves a comment's
// language to it and clears the side the document's kind does not use.
class StoredReader : public json::json_sax_t {
 public:
  explicit StoredReader(StoredDocument& out) : out_(out) {}

  bool saw_object() const { return saw_object_; }

  bool null() override { return value_seen(); }
  bool boolean(bool value) override {
    if (at_field() && key_ == "external") {
      out_.external = value;
    }
    return value_seen();
  }
  bool number_integer(number_integer_t value) override { return number(value); }
  bool number_unsigned(number_unsigned_t value) override { return number(value); }
  bool number_float(number_float_t value, const string_t& /*text*/) override {
    return number(value);
  }
  bool string(string_t& value) override {
    if (array_ != nullptr && depth_ == 2) {
      array_->push_back(std::move(value));
    } else if (at_field()) {
      if (std::string* field = string_field()) {
        *field = std::move(value);
      } else if (key_ == "published") {
        out_.article.published = parse_date(value);
      }
    }
    return value_seen();
  }
  bool binary(binary_t& /*value*/) override { return value_seen(); }
  bool start_object(std::size_t /*elements*/) override {
    if (depth_ == 0) {
      saw_object_ = true;
    }
    ++depth_;
    return true;
  }
  bool key(string_t& name) override {
    if (depth_ == 1) {
      key_ = std::move(name);
    }
    return true;
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t /*elements*/) override {
    if (at_field()) {
      array_ = array_field();
      if (array_ != nullptr) {
        array_->clear();
      }
    }
    ++depth_;
    return true;
  }
  bool end_array() override {
    if (depth_ == 2) {
      array_ = nullptr;
    }
    return close();
  }
  bool parse_error(std::size_t /*position*/, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& /*error*/) override {
    return false;
  }

 private:
  // A value directly under the top object: one of the document's fields.
  bool at_field() const { return depth_ == 1; }

  bool value_seen() { return depth_ > 0; }  // a bare value at the top is not morgue's data

  bool close() {
    --depth_;
    return true;
  }

  template <typename Number>
  bool number(Number value) {
    if (at_field()) {
      if (key_ == "position") {
        assign_if_fits(out_.comment.position, value);
      } else if (key_ == "comment_count") {
        assign_if_fits(out_.comment_count, value);
      }
    }
    return value_seen();
  }

  // A number that the field's type cannot hold (2e53 for a count: stored_fields_fuzzer found
  // the undefined conversion) leaves the field as it is.
  template <typename Field, typename Number>
  static void assign_if_fits(Field& field, Number value) {
    if constexpr (std::is_floating_point_v<Number>) {
      if (value >= static_cast<Number>(std::numeric_limits<Field>::min()) &&
          value < static_cast<Number>(std::numeric_limits<Field>::max())) {
        field = static_cast<Field>(value);
      }
    } else if (std::in_range<Field>(value)) {
      field = static_cast<Field>(value);
    }
  }

  std::string* string_field() {
    Article& article = out_.article;
    Comment& comment = out_.comment;
    const std::pair<std::string_view, std::string*> fields[] = {
        {"kind", &out_.kind},
        {"key", &out_.article_key},
        {"id", &article.id},
        {"url", &article.url},
        {"site", &article.site},
        {"title", &article.title},
        {"body", &article.body},
        {"date_source", &article.date_source},
        {"language", &article.language},
        {"type", &article.type},
        {"photo_caption", &article.photo_caption},
        {"photo_credit", &article.photo_credit},
        {"author", &comment.author},
        {"in_reply_to", &comment.in_reply_to},
        {"text", &comment.text},
    };
    for (const auto& [name, field] : fields) {
      if (key_ == name) {
        return field;
      }
    }
    return nullptr;
  }

  std::vector<std::string>* array_field() {
    Article& article = out_.article;
    if (key_ == "authors") {
      return &article.authors;
    }
    if (key_ == "tags") {
      return &article.tags;
    }
    if (key_ == "related_headlines") {
      return &article.related_headlines;
    }
    return nullptr;
  }

  StoredDocument& out_;
  std::string key_;
  std::vector<std::string>* array_ = nullptr;
  int depth_ = 0;
  bool saw_object_ = false;
};

}  // namespace

StoredDocument parse_stored(const std::string& data) {
  StoredDocument out;
  StoredReader reader(out);
  if (!scan_json(data, reader) || !reader.saw_object()) {
    throw DatabaseError(
        "a document's stored data is not morgue's JSON; was this database "
        "written by morgue-index?");
  }
  if (out.kind == schema::kKindComment) {
    // `language` is the one field both kinds have; the reader put it with the article's.
    out.comment.language = std::move(out.article.language);
    out.article = Article();
    out.comment_count = 0;
  } else {
    out.comment = Comment();
    out.external = false;
  }
  return out;
}

}  // namespace morgue::indexer
