#include <fmt/format.h>

#include <morgue/render.h>

namespace morgue {

namespace {

std::string marked_text(const Snippet& snippet, TextStyle style) {
  const std::string_view open = style == TextStyle::kTerminal ? "\033[1m" : "**";
  const std::string_view close = style == TextStyle::kTerminal ? "\033[0m" : "**";
  std::string out;
  std::size_t done = 0;
  const std::string_view text = snippet.text;
  for (const auto& [begin, end] : snippet.highlights) {
    out += text.substr(done, begin - done);
    out += open;
    out += text.substr(begin, end - begin);
    out += close;
    done = end;
  }
  out += text.substr(done);
  return out;
}

std::string join(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& value : values) {
    if (!out.empty()) {
      out += ", ";
    }
    out += value;
  }
  return out;
}

// The site, date, authors, type, tags and URL lines of an article.
void append_about(std::string& out, const Article& article, std::string_view indent) {
  std::vector<std::string> about;
  if (!article.site.empty()) {
    about.push_back(article.site);
  }
  if (article.published) {
    about.push_back(article.published->iso8601());
  }
  if (!article.authors.empty()) {
    about.push_back("by " + join(article.authors));
  }
  if (!article.type.empty()) {
    about.push_back(article.type);
  }
  if (!about.empty()) {
    std::string line;
    for (const auto& part : about) {
      line += line.empty() ? part : " · " + part;
    }
    out += fmt::format("{}{}\n", indent, line);
  }
  if (!article.tags.empty()) {
    out += fmt::format("{}tags: {}\n", indent, join(article.tags));
  }
  if (!article.url.empty()) {
    out += fmt::format("{}{}\n", indent, article.url);
  }
}

void append_hit(std::string& out, std::size_t number, const Hit& hit, TextStyle style) {
  const Article& article = hit.article;
  out += fmt::format("{}. {}\n", number, article.title.empty() ? "(no title)" : article.title);
  append_about(out, article, "   ");
  if (hit.article_matched && !hit.snippet.text.empty()) {
    out += fmt::format("   {}\n", marked_text(hit.snippet, style));
  }
  if (hit.matched_comments > 0) {
    out += fmt::format("   {} of {} comments match:\n", hit.matched_comments, hit.comment_count);
    for (const auto& comment : hit.comments) {
      const auto& who = comment.comment.author.empty() ? "(anonymous)" : comment.comment.author;
      const auto reply = comment.comment.in_reply_to.empty()
                             ? std::string()
                             : fmt::format(" (reply to {})", comment.comment.in_reply_to);
      out += fmt::format("     #{} {}{}: {}\n", comment.comment.position, who, reply,
                         marked_text(comment.snippet, style));
    }
  }
  out += "\n";
}

}  // namespace

std::string to_text(const SearchResult& result, TextStyle style) {
  std::string out;
  const auto counted = [](std::size_t count, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", count, count == 1 ? one : many);
  };
  std::string what = result.query.empty() ? "everything" : result.query;
  if (!result.like.empty()) {
    what = result.query.empty() ? "articles like " + result.like
                                : fmt::format("{} like {}", result.query, result.like);
  }
  out += fmt::format("{} for {} ({} and {} match)\n\n", counted(result.total_hits, "hit", "hits"),
                     what, counted(result.total_articles, "article", "articles"),
                     counted(result.total_comments, "comment", "comments"));
  for (std::size_t i = 0; i < result.hits.size(); ++i) {
    append_hit(out, result.offset + i + 1, result.hits[i], style);
  }
  if (result.hits.size() < result.total_hits && !result.hits.empty()) {
    out += fmt::format("Showing {}–{} of {}.\n\n", result.offset + 1,
                       result.offset + result.hits.size(), result.total_hits);
  }
  if (!result.did_you_mean.empty()) {
    out += fmt::format("Did you mean: {}\n\n", result.did_you_mean);
  }
  bool header = false;
  for (const auto& facet : result.facets) {
    std::string line;
    for (const auto& value : facet.values) {
      if (value.count == 0) {
        continue;  // empty date buckets matter to a chart, not to a reader
      }
      line += fmt::format("{}{}{} ({})", line.empty() ? "" : ", ", value.selected ? "[x] " : "",
                          value.value, value.count);
    }
    if (line.empty()) {
      continue;
    }
    if (facet.values_left_out > 0) {
      line += fmt::format(", … {} more", facet.values_left_out);
    }
    if (!header) {
      out += "Facets\n";
      header = true;
    }
    const std::string name =
        facet.bucket.empty() ? facet.field : fmt::format("{} (by {})", facet.field, facet.bucket);
    out += fmt::format("  {}: {}\n", name, line);
  }
  return out;
}

std::string to_text(const ArticleThread& thread) {
  const Article& article = thread.article;
  std::string out = fmt::format("{}\n", article.title.empty() ? "(no title)" : article.title);
  append_about(out, article, "");
  if (!article.photo_caption.empty()) {
    out += fmt::format("photo: {}{}\n", article.photo_caption,
                       article.photo_credit.empty() ? "" : " (" + article.photo_credit + ")");
  }
  out += fmt::format("key: {}\n\n{}\n", thread.key, article.body);
  if (!article.related_headlines.empty()) {
    out += "\nRelated:\n";
    for (const auto& headline : article.related_headlines) {
      out += fmt::format("  {}\n", headline);
    }
  }
  if (!article.comments.empty()) {
    out += fmt::format("\n{} comments\n", article.comments.size());
  }
  for (const auto& comment : article.comments) {
    const auto& who = comment.author.empty() ? "(anonymous)" : comment.author;
    const auto reply =
        comment.in_reply_to.empty() ? std::string() : " (reply to " + comment.in_reply_to + ")";
    out += fmt::format("\n#{} {}{}\n", comment.position, who, reply);
    std::string indented = "  ";
    for (char c : comment.text) {
      indented += c;
      if (c == '\n') {
        indented += "  ";
      }
    }
    out += indented + "\n";
  }
  return out;
}

}  // namespace morgue
