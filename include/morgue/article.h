// The data model: what morgue reads from an archive and stores for each article and comment.
// Plain values: the caller owns them, they point into nothing, and nothing here throws but
// std::bad_alloc. A const value may be read from several threads at once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace morgue {

/// A calendar date and time as the source gave it, with its zone when the source named one.
/// Plain data; copy freely.
///
///     morgue::DateTime date;
///     date.year = 2016;
///     date.month = 9;
///     date.day = 12;
///     date.iso8601();  // "2016-09-12"
struct DateTime {
  int year = 1970;        ///< e.g. 2016
  int month = 1;          ///< 1..12
  int day = 1;            ///< 1..31
  int hour = 0;           ///< 0..23; 0 when has_time is false
  int minute = 0;         ///< 0..59
  int second = 0;         ///< 0..59
  bool has_time = false;  ///< false when the source gave a date only
  /// Offset from UTC in minutes (UTC+3 is 180); absent when the source named no zone.
  std::optional<int> utc_offset_minutes;

  /// Seconds since 1970-01-01 UTC (negative before). A time without a zone is taken as UTC.
  std::int64_t unix_seconds() const;
  /// ISO 8601: "2017-02-20T04:44:00+03:00", "2018-01-25T16:17:44" (no zone), "2017-02-20".
  std::string iso8601() const;

  /// Equal when every field is: the same instant written with two zones is not equal.
  friend bool operator==(const DateTime&, const DateTime&) = default;
};

/// One reader comment under an article. Plain data; copy freely.
struct Comment {
  std::string author;       ///< as shown; empty when the page showed no name
  std::string in_reply_to;  ///< the name of the commenter this one answers; empty if none
  std::string text;         ///< what the reader wrote, paragraphs separated by a blank line
  int position = 0;         ///< place in the thread, 1 for the first comment on the page
  /// ISO 639-1 code ("en"). Empty on input means "detect it"; a short comment that cannot tell
  /// takes its article's. Read back from a database, it is the language the comment was indexed
  /// in (empty only for databases written before comments stored it).
  std::string language;

  /// Field by field.
  friend bool operator==(const Comment&, const Comment&) = default;
};

/// One news article with its reader comments. Plain data; copy freely. What Indexer::add_article
/// takes and what Searcher hands back (Hit::article, ArticleThread::article).
///
///     morgue::Article article;
///     article.id = "harbour-1";
///     article.title = "Sandbags run out as the Wend rises";
///     article.comments.push_back({.author = "Jean Hollis", .text = "Order more."});
struct Article {
  /// The id the source gave; empty when it gave none (morgue then keys the article by its
  /// normalized URL, or else by a hash of title, date and body).
  std::string id;
  std::string url;                    ///< where the article was published; may be empty
  std::string site;                   ///< the publisher: a domain ("awm.com") or a name ("Sputnik")
  std::string title;                  ///< the headline
  std::string body;                   ///< paragraphs separated by a blank line
  std::optional<DateTime> published;  ///< absent when the source gave no date
  /// Which of the dates the source gave became `published`, and why: the source's name, then
  /// in parentheses the other dates it gave ("JSON-LD datePublished (preferred over JSON-LD
  /// dateModified 2017-02-21T09:00:00Z)", "field 'date_iso' (unreadable: field 'date' 'x')",
  /// "dateline"). Empty when there is no date (docs/input-formats.md, "Which date").
  std::string date_source;
  std::vector<std::string> authors;  ///< as written ("Maria Okafor"), in the source's order
  std::vector<std::string> tags;     ///< as written ("John Kerry"), in the source's order
  std::string language;              ///< BCP 47 code such as "en"; empty when unknown
  std::string type;  ///< the source's label for the article ("news", "fake", "opinion", ...)
  std::string photo_caption;                   ///< the caption of the lead photo, if any
  std::string photo_credit;                    ///< who took or supplied it
  std::vector<std::string> related_headlines;  ///< "read more" links the page listed
  /// Reader comments in thread order. Empty in Hit::article (see Hit::comments); complete in
  /// ArticleThread::article.
  std::vector<Comment> comments;

  /// Field by field, comments included.
  friend bool operator==(const Article&, const Article&) = default;
};

}  // namespace morgue
