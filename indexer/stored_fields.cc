#include "indexer/stored_fields.h"

#include <cstdint>
#include <limits>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include <morgue/error.h>

#include "indexer/date_parser.h"
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

namespace ondemand = simdjson::ondemand;

// Containers nested deeper than this are refused: morgue writes two levels, and simdjson's
// parser is only ever asked to descend below its own limit (1024).
constexpr int kMaxDepth = 256;

// Reads stored JSON straight into a StoredDocument with simdjson's On Demand API. Parsing
// into nlohmann's DOM and copying each value out of it was a fifth of the instructions of a
// top-10 search (docs/benchmarks.md); On Demand unescapes a long body with SIMD, and nothing
// is built but the document. Article and comment fields have different names but `language`,
// so each goes to its place whatever the order (`language` to the article's); parse_stored()
// then moves a comment's language to it and clears the side the document's kind does not use.
// Errors are simdjson's exceptions; parse_stored() turns them into a DatabaseError. simdjson
// refuses text that is not UTF-8, which the hand-written reader before it let through; morgue
// writes stored data with nlohmann's dump, which replaces invalid bytes, so no database of
// morgue's is refused for it.
class StoredReader {
 public:
  explicit StoredReader(StoredDocument& out) : out_(out) {}

  void read(ondemand::object document) {
    for (ondemand::field member : document) {
      const std::string_view name = member.unescaped_key();
      read_field(name, member.value());
    }
  }

 private:
  // A member of the top object: one of the document's fields, or one this morgue does not
  // know. A field of the wrong type is skipped, as a field of a later version would be.
  void read_field(std::string_view name, ondemand::value value) {
    const ondemand::json_type type = value.type();
    if (type == ondemand::json_type::string) {
      if (std::string* field = string_field(name)) {
        *field = std::string_view(value.get_string());
        return;
      }
      if (name == "published") {
        out_.article.published = parse_date(std::string_view(value.get_string()));
        return;
      }
    } else if (type == ondemand::json_type::array) {
      if (std::vector<std::string>* list = array_field(name)) {
        read_strings(value.get_array(), *list);
        return;
      }
    } else if (type == ondemand::json_type::number) {
      if (name == "position") {
        read_number(value, out_.comment.position);
        return;
      }
      if (name == "comment_count") {
        read_number(value, out_.comment_count);
        return;
      }
    } else if (type == ondemand::json_type::boolean && name == "external") {
      out_.external = value.get_bool();
      return;
    }
    check(value, 1);
  }

  // The strings of a list field; anything else in it is skipped.
  static void read_strings(ondemand::array array, std::vector<std::string>& list) {
    list.clear();
    for (ondemand::value element : array) {
      if (element.type() == ondemand::json_type::string) {
        list.emplace_back(std::string_view(element.get_string()));
      } else {
        check(element, 2);
      }
    }
  }

  // Any JSON number into `field`. An integer over 64 bits is read as a float, as nlohmann's
  // reader did (simdjson refuses it as an integer).
  template <typename Field>
  static void read_number(ondemand::value value, Field& field) {
    const ondemand::number_type type = value.get_number_type();
    if (type == ondemand::number_type::signed_integer) {
      std::int64_t number = 0;
      if (value.get_int64().get(number) == simdjson::SUCCESS) {
        assign_if_fits(field, number);
        return;
      }
    } else if (type == ondemand::number_type::unsigned_integer) {
      std::uint64_t number = 0;
      if (value.get_uint64().get(number) == simdjson::SUCCESS) {
        assign_if_fits(field, number);
        return;
      }
    }
    assign_if_fits(field, double(value.get_double()));
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

  // Reads a value this morgue does not keep, only to prove it is JSON: On Demand skips what it
  // is not asked for without looking inside, and data that is not JSON must still be refused.
  static void check(ondemand::value value, int depth) {
    switch (value.type()) {
      case ondemand::json_type::object:
        refuse_deeper_than_limit(depth);
        for (ondemand::field member : value.get_object()) {
          static_cast<void>(std::string_view(member.unescaped_key()));
          check(member.value(), depth + 1);
        }
        break;
      case ondemand::json_type::array:
        refuse_deeper_than_limit(depth);
        for (ondemand::value element : value.get_array()) {
          check(element, depth + 1);
        }
        break;
      case ondemand::json_type::string:
        static_cast<void>(std::string_view(value.get_string()));
        break;
      case ondemand::json_type::number: {
        std::int64_t ignored = 0;
        read_number(value, ignored);
        break;
      }
      case ondemand::json_type::boolean:
        static_cast<void>(bool(value.get_bool()));
        break;
      case ondemand::json_type::null:
        if (!bool(value.is_null())) {
          throw simdjson::simdjson_error(simdjson::INCORRECT_TYPE);  // "nul", "nulll"
        }
        break;
    }
  }

  static void refuse_deeper_than_limit(int depth) {
    if (depth >= kMaxDepth) {
      throw simdjson::simdjson_error(simdjson::DEPTH_ERROR);
    }
  }

  std::string* string_field(std::string_view name) {
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
    for (const auto& [field_name, field] : fields) {
      if (name == field_name) {
        return field;
      }
    }
    return nullptr;
  }

  std::vector<std::string>* array_field(std::string_view name) {
    Article& article = out_.article;
    if (name == "authors") {
      return &article.authors;
    }
    if (name == "tags") {
      return &article.tags;
    }
    if (name == "related_headlines") {
      return &article.related_headlines;
    }
    return nullptr;
  }

  StoredDocument& out_;
};

// True if the document is one JSON value and nothing follows it but white space. simdjson
// 3.0 reads the first value and ignores what comes after it when that ends in `}` too
// (`{} {}`, `{}}`), which is not morgue's data.
bool is_one_value(ondemand::document& document, const simdjson::padded_string& text) {
  const std::string_view value = document.raw_json();
  return value.data() + value.size() == text.data() + text.size();
}

}  // namespace

StoredDocument parse_stored(const std::string& data) {
  // One parser per thread keeps its buffers from one document to the next.
  thread_local ondemand::parser parser;
  const simdjson::padded_string text(data);
  StoredDocument out;
  try {
    ondemand::document document = parser.iterate(text);
    if (!is_one_value(document, text)) {
      throw simdjson::simdjson_error(simdjson::TRAILING_CONTENT);
    }
    document.rewind();
    StoredReader(out).read(document.get_object());
  } catch (const simdjson::simdjson_error&) {
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
