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

void append_hit(std::string& out, std::size_t number, const Hit& hit, TextStyle style) {
  const Article& article = hit.article;
  out += fmt::format("{}. {}\n", number, article.title.empty() ? "(no title)" : article.title);
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
    out += fmt::format("   {}\n", line);
  }
  if (!article.tags.empty()) {
    out += fmt::format("   tags: {}\n", join(article.tags));
  }
  if (!article.url.empty()) {
    out += fmt::format("   {}\n", article.url);
  }
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
  out += fmt::format("{} for {} ({} and {} match)\n\n", counted(result.total_hits, "hit", "hits"),
                     result.query.empty() ? "everything" : result.query,
                     counted(result.total_articles, "article", "articles"),
                     counted(result.total_comments, "comment", "comments"));
  for (std::size_t i = 0; i < result.hits.size(); ++i) {
    append_hit(out, result.offset + i + 1, result.hits[i], style);
  }
  if (result.hits.size() < result.total_hits && !result.hits.empty()) {
    out += fmt::format("Showing {}–{} of {}.\n\n", result.offset + 1,
                       result.offset + result.hits.size(), result.total_hits);
  }
  bool header = false;
  for (const auto& facet : result.facets) {
    if (facet.values.empty()) {
      continue;
    }
    if (!header) {
      out += "Facets\n";
      header = true;
    }
    std::string line;
    for (const auto& value : facet.values) {
      line += fmt::format("{}{} ({})", line.empty() ? "" : ", ", value.value, value.count);
    }
    if (facet.values_left_out > 0) {
      line += fmt::format(", … {} more", facet.values_left_out);
    }
    out += fmt::format("  {}: {}\n", facet.field, line);
  }
  return out;
}

}  // namespace morgue
