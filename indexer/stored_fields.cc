#include "indexer/stored_fields.h"

#include <nlohmann/json.hpp>

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

StoredDocument parse_stored(const std::string& data) {
  const json stored = json::parse(data, nullptr, false);
  if (!stored.is_object()) {
    throw DatabaseError(
        "a document's stored data is not morgue's JSON; was this database "
        "written by morgue-index?");
  }
  StoredDocument out;
  out.kind = stored.value("kind", "");
  out.article_key = stored.value("key", "");
  if (out.kind == schema::kKindComment) {
    out.comment.position = stored.value("position", 0);
    out.comment.author = stored.value("author", "");
    out.comment.in_reply_to = stored.value("in_reply_to", "");
    out.comment.text = stored.value("text", "");
    out.comment.language = stored.value("language", "");
    out.external = stored.value("external", false);
    return out;
  }
  Article& article = out.article;
  article.id = stored.value("id", "");
  article.url = stored.value("url", "");
  article.site = stored.value("site", "");
  article.title = stored.value("title", "");
  article.body = stored.value("body", "");
  article.published = parse_date(stored.value("published", ""));
  article.date_source = stored.value("date_source", "");
  article.authors = stored.value("authors", std::vector<std::string>{});
  article.tags = stored.value("tags", std::vector<std::string>{});
  article.language = stored.value("language", "");
  article.type = stored.value("type", "");
  article.photo_caption = stored.value("photo_caption", "");
  article.photo_credit = stored.value("photo_credit", "");
  article.related_headlines = stored.value("related_headlines", std::vector<std::string>{});
  out.comment_count = stored.value("comment_count", std::size_t{0});
  return out;
}

}  // namespace morgue::indexer
