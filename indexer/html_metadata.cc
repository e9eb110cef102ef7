#include "indexer/html_metadata.h"

#include <algorithm>
#include <exception>
#include <functional>
#include <string_view>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "indexer/date_choice.h"

namespace morgue::indexer {

namespace {

using Json = nlohmann::json;

// JSON-LD is metadata: a few levels of nesting. Deeper is hostile or broken.
constexpr int kMaxJsonDepth = 32;
// A byline longer than this (with its date and share buttons) is a part of the page that
// happens to carry class "author".
constexpr std::size_t kMaxBylineBytes = 200;

struct TooDeep : std::exception {};

/// What one walk over the page collects for the field rules.
struct Found {
  std::vector<std::pair<std::string, std::string>> metas;  ///< lower-cased key, content
  std::vector<Json> json_ld;
  std::string title_element;
  std::string first_h1;
  std::string first_time;
  std::size_t time_elements = 0;  ///< <time> elements with a datetime attribute
  std::string html_lang;
  std::string canonical;
  std::vector<std::string> rel_authors;
  std::vector<std::string> bylines;
};

// The element naming the person inside a byline: itemprop "name" or "author", a class with
// "name" or "author", or a link; nullptr if none.
const GumboNode* find_name(const GumboNode* node) {
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type != GUMBO_NODE_ELEMENT) {
      continue;
    }
    const std::string_view itemprop = attribute(child, "itemprop");
    const std::string hints = ascii_lower(attribute(child, "class"));
    if (itemprop == "name" || itemprop == "author" || hints.find("name") != std::string::npos ||
        hints.find("author") != std::string::npos || is_element(child, GUMBO_TAG_A)) {
      if (!text_content(child).empty()) {
        return child;
      }
    }
    if (const GumboNode* found = find_name(child)) {
      return found;
    }
  }
  return nullptr;
}

void note_time(const GumboNode* node, Found& found) {
  const std::string_view datetime = attribute(node, "datetime");
  if (!datetime.empty() && found.time_elements++ == 0) {
    found.first_time = datetime;
  }
}

// The <time> elements inside a part that collect() does not walk further (a byline).
void collect_times(const GumboNode* node, Found& found) {
  if (node->type != GUMBO_NODE_ELEMENT) {
    return;
  }
  if (is_element(node, GUMBO_TAG_TIME)) {
    note_time(node, found);
    return;
  }
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    collect_times(static_cast<const GumboNode*>(children.data[i]), found);
  }
}

void collect(const GumboNode* node, Found& found) {
  if (node->type != GUMBO_NODE_ELEMENT) {
    return;
  }
  const GumboTag tag = node->v.element.tag;
  switch (tag) {
    case GUMBO_TAG_META: {
      std::string_view key = attribute(node, "property");
      for (const char* name : {"name", "itemprop", "http-equiv"}) {
        if (key.empty()) {
          key = attribute(node, name);
        }
      }
      std::string_view content = attribute(node, "content");
      if (content.empty()) {
        content = attribute(node, "datetime");
      }
      if (!key.empty() && !content.empty()) {
        found.metas.emplace_back(ascii_lower(key), collapse_spaces(content));
      }
      return;
    }
    case GUMBO_TAG_SCRIPT:
      if (ascii_lower(attribute(node, "type")) == "application/ld+json" &&
          node->v.element.children.length > 0) {
        const auto* text = static_cast<const GumboNode*>(node->v.element.children.data[0]);
        int depth = 0;
        const Json::parser_callback_t limit_depth = [&depth](int, Json::parse_event_t event,
                                                             Json&) {
          if (event == Json::parse_event_t::object_start ||
              event == Json::parse_event_t::array_start) {
            if (++depth > kMaxJsonDepth) {
              throw TooDeep();
            }
          } else if (event == Json::parse_event_t::object_end ||
                     event == Json::parse_event_t::array_end) {
            --depth;
          }
          return true;
        };
        try {
          Json value = Json::parse(std::string_view(text->v.text.text), limit_depth, false);
          if (!value.is_discarded()) {
            found.json_ld.push_back(std::move(value));
          }
        } catch (const TooDeep&) {
          // Ignored like any other JSON-LD block that does not parse.
        }
      }
      return;
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
      return;
    case GUMBO_TAG_TITLE:
      if (found.title_element.empty()) {
        found.title_element = text_content(node);
      }
      return;
    case GUMBO_TAG_HTML:
      found.html_lang = attribute(node, "lang");
      break;
    case GUMBO_TAG_LINK:
      if (ascii_lower(attribute(node, "rel")) == "canonical" && found.canonical.empty()) {
        found.canonical = attribute(node, "href");
      }
      return;
    case GUMBO_TAG_H1:
      if (found.first_h1.empty()) {
        found.first_h1 = text_content(node);
      }
      return;
    case GUMBO_TAG_TIME:
      note_time(node, found);
      return;
    case GUMBO_TAG_A:
      if (ascii_lower(attribute(node, "rel")) == "author") {
        found.rel_authors.push_back(text_content(node));
        return;
      }
      break;
    default:
      break;
  }
  const std::string hints = ascii_lower(attribute(node, "class"));
  if (hints.find("byline") != std::string::npos ||
      (hints.find("author") != std::string::npos && hints.find("comment") == std::string::npos)) {
    // A byline often holds a date, a photo and share buttons too: prefer the name inside it.
    std::string byline = text_content(node);
    if (!byline.empty() && byline.size() <= kMaxBylineBytes) {
      if (const GumboNode* name = find_name(node)) {
        byline = text_content(name);
      }
      found.bylines.push_back(std::move(byline));
      // Bylines often carry the date: "By Ann Lee, <time datetime=...>" (The Telegraph).
      collect_times(node, found);
      return;
    }
  }
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    collect(static_cast<const GumboNode*>(children.data[i]), found);
  }
}

std::string meta(const Found& found, std::initializer_list<std::string_view> keys) {
  for (const std::string_view key : keys) {
    for (const auto& [name, content] : found.metas) {
      if (name == key) {
        return content;
      }
    }
  }
  return {};
}

std::vector<std::string> metas(const Found& found, std::string_view key) {
  std::vector<std::string> values;
  for (const auto& [name, content] : found.metas) {
    if (name == key) {
      values.push_back(content);
    }
  }
  return values;
}

std::string string_of(const Json& value) {
  if (value.is_string()) {
    return collapse_spaces(value.get<std::string>());
  }
  if (value.is_object() && value.contains("name")) {
    return string_of(value["name"]);
  }
  if (value.is_array() && !value.empty()) {
    return string_of(value.front());
  }
  return {};
}

bool is_article_type(const Json& type) {
  if (type.is_array()) {
    return std::any_of(type.begin(), type.end(), is_article_type);
  }
  if (!type.is_string()) {
    return false;
  }
  const std::string& name = type.get_ref<const std::string&>();
  return name.ends_with("Article") || name == "BlogPosting" || name == "Report" ||
         name == "LiveBlogPosting";
}

// The first object typed as an article, searching arrays and @graph; nullptr if none.
const Json* find_article(const Json& value, int depth = 0) {
  if (depth > kMaxJsonDepth) {
    return nullptr;
  }
  if (value.is_array()) {
    for (const Json& item : value) {
      if (const Json* article = find_article(item, depth + 1)) {
        return article;
      }
    }
    return nullptr;
  }
  if (!value.is_object()) {
    return nullptr;
  }
  if (value.contains("@type") && is_article_type(value["@type"])) {
    return &value;
  }
  if (value.contains("@graph")) {
    return find_article(value["@graph"], depth + 1);
  }
  return nullptr;
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> items;
  while (!text.empty()) {
    const std::size_t comma = text.find(',');
    std::string item = collapse_spaces(text.substr(0, comma));
    if (!item.empty() && std::find(items.begin(), items.end(), item) == items.end()) {
      items.push_back(std::move(item));
    }
    if (comma == std::string_view::npos) {
      break;
    }
    text.remove_prefix(comma + 1);
  }
  return items;
}

bool looks_like_url(std::string_view text) {
  return text.starts_with("http://") || text.starts_with("https://") || text.starts_with("/");
}

// "By Jane Doe - Apr 16, 2015 8:02 pm" -> "Jane Doe": the words before a date, a separator or
// a digit, without a leading "By", "Par" or "Von".
std::string name_in_byline(std::string_view byline) {
  std::string text = collapse_spaces(byline);
  for (std::string_view prefix : {"by ", "by: ", "par ", "von "}) {
    if (ascii_lower(text.substr(0, prefix.size())) == prefix) {
      text.erase(0, prefix.size());
      break;
    }
  }
  const std::size_t cut = text.find_first_of("0123456789|\n");
  text = text.substr(0, cut);
  for (std::string_view separator : {" - ", " \xE2\x80\x94 ", " \xE2\x80\x93 "}) {
    text = text.substr(0, text.find(separator));
  }
  // "Joshua Sokol May 20, 2019" is cut before the 2: drop the month left at the end.
  text = collapse_spaces(text);
  const std::size_t last_space = text.rfind(' ');
  if (last_space != std::string::npos && text.size() - last_space >= 4) {
    const std::string last = ascii_lower(text.substr(last_space + 1, 3));
    for (std::string_view month :
         {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}) {
      if (last == month) {
        text.erase(last_space);
        break;
      }
    }
  }
  return collapse_spaces(text);
}

// "en_us" and "EN-us" both become "en-US"; "pt-br" becomes "pt-BR".
std::string normalize_language(std::string_view tag) {
  std::string language = ascii_lower(collapse_spaces(tag));
  std::replace(language.begin(), language.end(), '_', '-');
  const std::size_t dash = language.find('-');
  if (dash != std::string::npos && language.size() - dash == 3) {
    for (std::size_t i = dash + 1; i < language.size(); ++i) {
      language[i] = static_cast<char>(language[i] -
                                      ('a' <= language[i] && language[i] <= 'z' ? 'a' - 'A' : 0));
    }
  }
  return language;
}

void read_authors(const Json& value, std::vector<std::string>& authors) {
  if (value.is_array()) {
    for (const Json& item : value) {
      read_authors(item, authors);
    }
    return;
  }
  std::string name = string_of(value);
  if (!name.empty() && !looks_like_url(name) &&
      std::find(authors.begin(), authors.end(), name) == authors.end()) {
    authors.push_back(std::move(name));
  }
}

}  // namespace

HtmlMetadata read_html_metadata(const HtmlDocument& document) {
  Found found;
  collect(document.root(), found);
  const Json* article = nullptr;
  for (const Json& block : found.json_ld) {
    if ((article = find_article(block)) != nullptr) {
      break;
    }
  }
  const auto ld = [article](const char* key) -> const Json& {
    static const Json kNull;
    return article != nullptr && article->contains(key) ? (*article)[key] : kNull;
  };

  HtmlMetadata metadata;
  for (std::string candidate :
       {string_of(ld("headline")), meta(found, {"og:title"}), meta(found, {"twitter:title"}),
        found.title_element, found.first_h1}) {
    if (!candidate.empty()) {
      metadata.title = std::move(candidate);
      break;
    }
  }

  // The page's structured data is the publisher's own statement of the publication date;
  // <time> elements also mark updates and comments, so they come late. Update dates are
  // shown beside the chosen date but never chosen.
  std::vector<DateCandidate> dates = {
      {"JSON-LD datePublished", string_of(ld("datePublished"))},
      {"article:published_time", meta(found, {"article:published_time"})},
      {"itemprop datePublished", meta(found, {"datepublished"})},
  };
  for (const char* key :
       {"date", "pubdate", "publishdate", "publish-date", "dc.date", "dc.date.issued",
        "dcterms.created", "sailthru.date", "parsely-pub-date", "og:published_time"}) {
    dates.push_back({fmt::format("<meta name={}>", key), meta(found, {key})});
  }
  dates.push_back({found.time_elements > 1
                       ? fmt::format("<time datetime> (the first of {})", found.time_elements)
                       : std::string("<time datetime>"),
                   found.first_time});
  dates.push_back({"JSON-LD dateCreated", string_of(ld("dateCreated"))});
  for (const auto& [source, text] : std::initializer_list<std::pair<const char*, std::string>>{
           {"JSON-LD dateModified", string_of(ld("dateModified"))},
           {"article:modified_time", meta(found, {"article:modified_time"})},
           {"og:updated_time", meta(found, {"og:updated_time"})},
           {"itemprop dateModified", meta(found, {"datemodified"})}}) {
    dates.push_back({source, text, false});
  }
  DateChoice date = choose_date(dates);
  metadata.published = date.date;
  metadata.date_source = std::move(date.source);

  read_authors(ld("author"), metadata.authors);
  if (metadata.authors.empty()) {
    // article:author is often the author's page (a URL): go on to the next key then.
    for (const char* key :
         {"author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl"}) {
      if (metadata.authors.empty()) {
        read_authors(Json(name_in_byline(meta(found, {key}))), metadata.authors);
      }
    }
  }
  for (const auto& names : {found.rel_authors, found.bylines}) {
    for (const auto& name : names) {
      if (metadata.authors.empty()) {
        read_authors(Json(name_in_byline(name)), metadata.authors);
      }
    }
  }

  metadata.tags = metas(found, "article:tag");
  if (metadata.tags.empty()) {
    const Json& keywords = ld("keywords");
    if (keywords.is_array()) {
      for (const Json& keyword : keywords) {
        for (auto& tag : split_list(string_of(keyword))) {
          metadata.tags.push_back(std::move(tag));
        }
      }
    } else {
      metadata.tags = split_list(string_of(keywords));
    }
  }
  if (metadata.tags.empty()) {
    metadata.tags = split_list(meta(found, {"news_keywords", "keywords"}));
  }

  metadata.site = meta(found, {"og:site_name"});
  if (metadata.site.empty() && article != nullptr && article->contains("publisher")) {
    metadata.site = string_of((*article)["publisher"]);
  }
  if (metadata.site.empty()) {
    metadata.site = meta(found, {"application-name"});
  }

  for (const std::string& candidate :
       {found.html_lang, meta(found, {"og:locale"}), meta(found, {"content-language"}),
        string_of(ld("inLanguage"))}) {
    if (!collapse_spaces(candidate).empty()) {
      metadata.language = normalize_language(candidate);
      break;
    }
  }

  metadata.url = found.canonical;
  if (metadata.url.empty()) {
    metadata.url = meta(found, {"og:url"});
  }
  if (metadata.url.empty()) {
    metadata.url = string_of(ld("url"));
  }

  metadata.type = string_of(ld("@type"));
  if (metadata.type.empty()) {
    metadata.type = meta(found, {"og:type"});
  }
  return metadata;
}

}  // namespace morgue::indexer
