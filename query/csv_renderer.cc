#include <fmt/format.h>

#include <morgue/render.h>

namespace morgue {

namespace {

// RFC 4180: quote a field holding a comma, a quote or a line break; double inner quotes.
std::string csv_field(std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
    return std::string(value);
  }
  std::string out = "\"";
  for (char c : value) {
    out += c;
    if (c == '"') {
      out += '"';
    }
  }
  return out + "\"";
}

std::string joined(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& value : values) {
    out += out.empty() ? value : "; " + value;
  }
  return out;
}

}  // namespace

std::string to_csv(const SearchResult& result) {
  std::string out =
      "rank,key,id,title,url,site,published,authors,tags,type,language,score,article_matched,"
      "matched_comments\r\n";
  std::size_t rank = result.offset;
  for (const auto& hit : result.hits) {
    const Article& article = hit.article;
    const std::string fields[] = {
        std::to_string(++rank),
        hit.key,
        article.id,
        article.title,
        article.url,
        article.site,
        article.published ? article.published->iso8601() : "",
        joined(article.authors),
        joined(article.tags),
        article.type,
        article.language,
        fmt::format("{:.4f}", hit.score),
        hit.article_matched ? "true" : "false",
        std::to_string(hit.matched_comments),
    };
    for (std::size_t i = 0; i < std::size(fields); ++i) {
      out += i == 0 ? csv_field(fields[i]) : "," + csv_field(fields[i]);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace morgue
