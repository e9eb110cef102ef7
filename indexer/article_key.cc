#include "indexer/article_key.h"

#include <algorithm>
#include <cctype>

#include "indexer/hash.h"

namespace morgue::indexer {

namespace {
std::string lower_ascii(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}
}  // namespace

std::string normalize_url(std::string_view url) {
  while (!url.empty() && std::isspace(static_cast<unsigned char>(url.front()))) {
    url.remove_prefix(1);
  }
  while (!url.empty() && std::isspace(static_cast<unsigned char>(url.back()))) {
    url.remove_suffix(1);
  }
  if (const auto hash = url.find('#'); hash != std::string_view::npos) {
    url = url.substr(0, hash);
  }
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) {
    return std::string(url);
  }
  const std::string scheme = lower_ascii(url.substr(0, scheme_end));
  std::string_view rest = url.substr(scheme_end + 3);
  const auto path_start = std::min(rest.find_first_of("/?"), rest.size());
  std::string host = lower_ascii(rest.substr(0, path_start));
  std::string_view path = rest.substr(path_start);
  if ((scheme == "http" && host.ends_with(":80")) ||
      (scheme == "https" && host.ends_with(":443"))) {
    host.erase(host.rfind(':'));
  }
  std::string out = scheme + "://" + host;
  std::string_view query;
  if (const auto question = path.find('?'); question != std::string_view::npos) {
    query = path.substr(question);
    path = path.substr(0, question);
  }
  while (!path.empty() && path.back() == '/') {
    path.remove_suffix(1);
  }
  out += path;
  out += query;
  return out;
}

std::string fold_title(std::string_view title) {
  std::string folded;
  bool space = false;
  for (const char c : title) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !folded.empty();
      continue;
    }
    if (space) {
      folded += ' ';
      space = false;
    }
    folded += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return folded;
}

std::vector<std::string> article_refs(const Article& article) {
  std::vector<std::string> refs;
  if (!article.id.empty()) {
    refs.push_back("id:" + article.id);
  }
  if (!article.url.empty()) {
    refs.push_back("url:" + normalize_url(article.url));
  }
  if (const std::string title = fold_title(article.title); !title.empty()) {
    refs.push_back("title:" + title);
  }
  return refs;
}

std::string article_key(const Article& article) {
  if (!article.id.empty()) {
    return "id:" + article.id;
  }
  if (!article.url.empty()) {
    return "url:" + normalize_url(article.url);
  }
  std::string content = article.title;
  content += '\n';
  if (article.published) {
    content += article.published->iso8601();
  }
  content += '\n';
  content += article.body;
  return "hash:" + hash_hex(content);
}

}  // namespace morgue::indexer
