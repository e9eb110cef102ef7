#include <nlohmann/json.hpp>

#include <morgue/render.h>

namespace morgue {

namespace {

using json = nlohmann::ordered_json;

void append_escaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
}

// The snippet as HTML: the text escaped, matched words in <mark>.
std::string marked_html(const Snippet& snippet) {
  std::string out;
  std::size_t done = 0;
  const std::string_view text = snippet.text;
  for (const auto& [begin, end] : snippet.highlights) {
    append_escaped(out, text.substr(done, begin - done));
    out += "<mark>";
    append_escaped(out, text.substr(begin, end - begin));
    out += "</mark>";
    done = end;
  }
  append_escaped(out, text.substr(done));
  return out;
}

std::string dump(const json& value, int indent) {
  return value.dump(indent, ' ', false, json::error_handler_t::replace);
}

json comment_json(const CommentHit& hit) {
  return {{"position", hit.comment.position},       {"author", hit.comment.author},
          {"in_reply_to", hit.comment.in_reply_to}, {"text", hit.comment.text},
          {"language", hit.comment.language},       {"snippet", marked_html(hit.snippet)}};
}

json hit_json(const Hit& hit) {
  const Article& article = hit.article;
  json comments = json::array();
  for (const auto& comment : hit.comments) {
    comments.push_back(comment_json(comment));
  }
  return {{"key", hit.key},
          {"id", article.id},
          {"url", article.url},
          {"site", article.site},
          {"title", article.title},
          {"published", article.published ? article.published->iso8601() : ""},
          {"date_source", article.date_source},
          {"authors", article.authors},
          {"tags", article.tags},
          {"language", article.language},
          {"type", article.type},
          {"score", hit.score},
          {"article_matched", hit.article_matched},
          {"snippet", hit.article_matched ? marked_html(hit.snippet) : ""},
          {"comment_count", hit.comment_count},
          {"matched_comments", hit.matched_comments},
          {"comments", comments}};
}

json facets_json(const SearchResult& result) {
  json facets = json::object();
  for (const auto& facet : result.facets) {
    json values = json::array();
    for (const auto& value : facet.values) {
      values.push_back({{"value", value.value},
                        {"count", value.count},
                        {"articles", value.articles},
                        {"comments", value.comments},
                        {"filter", value.filter},
                        {"selected", value.selected}});
    }
    json entry = {{"values", values}, {"values_left_out", facet.values_left_out}};
    if (!facet.bucket.empty()) {
      entry["bucket"] = facet.bucket;
    }
    facets[facet.field] = entry;
  }
  return facets;
}

// Everything about a result but its hits.
json summary_json(const SearchResult& result) {
  return {
      {"format_version", kJsonFormatVersion},
      {"query", result.query},
      {"like", result.like},
      {"total",
       {{"hits", result.total_hits},
        {"documents", result.total_documents},
        {"articles", result.total_articles},
        {"comments", result.total_comments},
        {"exact", true}}},
      {"offset", result.offset},
      {"limit", result.limit},
      {"next_cursor", result.next_cursor},
      {"did_you_mean", result.did_you_mean},
  };
}

}  // namespace

std::string to_json(const SearchResult& result) {
  json out = summary_json(result);
  json hits = json::array();
  for (const auto& hit : result.hits) {
    hits.push_back(hit_json(hit));
  }
  out["hits"] = hits;
  out["facets"] = facets_json(result);
  return dump(out, 2) + "\n";
}

std::string to_jsonl(const SearchResult& result) {
  std::string out;
  for (const auto& hit : result.hits) {
    out += dump(hit_json(hit), -1) + "\n";
  }
  json summary = summary_json(result);
  summary["facets"] = facets_json(result);
  out += dump(json{{"summary", summary}}, -1) + "\n";
  return out;
}

std::string to_json(const ArticleThread& thread) {
  const Article& article = thread.article;
  json comments = json::array();
  for (const auto& comment : article.comments) {
    comments.push_back({{"position", comment.position},
                        {"author", comment.author},
                        {"in_reply_to", comment.in_reply_to},
                        {"text", comment.text},
                        {"language", comment.language}});
  }
  const json out = {
      {"format_version", kJsonFormatVersion},
      {"key", thread.key},
      {"article",
       {{"id", article.id},
        {"url", article.url},
        {"site", article.site},
        {"title", article.title},
        {"published", article.published ? article.published->iso8601() : ""},
        {"date_source", article.date_source},
        {"authors", article.authors},
        {"tags", article.tags},
        {"language", article.language},
        {"type", article.type},
        {"photo_caption", article.photo_caption},
        {"photo_credit", article.photo_credit},
        {"related_headlines", article.related_headlines},
        {"body", article.body},
        {"comments", comments}}},
  };
  return dump(out, 2) + "\n";
}

}  // namespace morgue
