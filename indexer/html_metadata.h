// Reads what a news page says about its article: title, date, authors, tags, site, language,
// canonical URL and type, from <meta>, OpenGraph, JSON-LD, <time> and bylines.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <morgue/article.h>

#include "indexer/html_document.h"

namespace morgue::indexer {

/// The article's description as the page's markup gives it. Empty fields were not found.
struct HtmlMetadata {
  std::string title;
  std::optional<DateTime> published;
  /// Where `published` came from and what else the page said, e.g. "JSON-LD datePublished
  /// (preferred over JSON-LD dateModified 2017-02-21T09:00:00Z)" (indexer/date_choice.h); the
  /// sources are tried in the order of read_html_metadata's comment.
  std::string date_source;
  std::vector<std::string> authors;
  std::vector<std::string> tags;
  std::string site;
  std::string language;  ///< BCP 47 as the page gives it, normalized: "en", "en-US", "pt-BR"
  std::string url;
  std::string type;  ///< JSON-LD @type ("NewsArticle"), else og:type ("article")
};

/// Reads the metadata of `document`. Each field takes the first source that gives a usable
/// value, most specific first:
///   - title: JSON-LD headline, og:title, twitter:title, <title>, the first <h1>
///   - published: JSON-LD datePublished, article:published_time, itemprop datePublished,
///     <meta name=date|pubdate|publish-date|dc.date...>, the first <time datetime>, JSON-LD
///     dateCreated; a value parse_date cannot read is passed over for the next source, and
///     modification dates (JSON-LD dateModified, article:modified_time, og:updated_time) are
///     listed in date_source but never used
///   - authors: JSON-LD author (names of persons, several allowed), <meta name=author>,
///     article:author (when not a URL), rel=author links, an element with class "byline" or
///     "author" (without a leading "By")
///   - tags: article:tag, JSON-LD keywords, news_keywords, keywords (comma-separated lists split)
///   - site: og:site_name, JSON-LD publisher name, application-name
///   - language: <html lang>, og:locale, content-language, JSON-LD inLanguage
///   - url: <link rel=canonical>, og:url, JSON-LD url
/// JSON-LD blocks that do not parse are ignored; @graph and arrays are searched for the first
/// object typed *Article, BlogPosting or Report. Thread-safe (reads the tree only).
HtmlMetadata read_html_metadata(const HtmlDocument& document);

}  // namespace morgue::indexer
