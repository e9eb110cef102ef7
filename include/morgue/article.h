// The data model: what morgue reads from an archive and stores for each article and comment.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace morgue {

/// A calendar date and time as the source gave it, with its zone when the source named one.
/// Plain data; copy freely.
struct DateTime {
  int year = 1970;
  int month = 1;  ///< 1..12
  int day = 1;    ///< 1..31
  int hour = 0;
  int minute = 0;
  int second = 0;
  bool has_time = false;  ///< false when the source gave a date only
  /// Offset from UTC in minutes (UTC+3 is 180); absent when the source named no zone.
  std::optional<int> utc_offset_minutes;

  /// Seconds since 1970-01-01 UTC. A time without a zone is taken as UTC.
  std::int64_t unix_seconds() const;
  /// ISO 8601: "2017-02-20T04:44:00+03:00", "2018-01-25T16:17:44" (no zone), "2017-02-20".
  std::string iso8601() const;

  friend bool operator==(const DateTime&, const DateTime&) = default;
};

/// One reader comment under an article.
struct Comment {
  std::string author;       ///< as shown; empty when the page showed no name
  std::string in_reply_to;  ///< the name of the commenter this one answers; empty if none
  std::string text;
  int position = 0;  ///< place in the thread, 1 for the first comment on the page

  friend bool operator==(const Comment&, const Comment&) = default;
};

/// One news article with its reader comments. Plain data; copy freely.
struct Article {
  /// The id the source gave; empty when it gave none (morgue then keys the article by its
  /// normalized URL, or else by a hash of title, date and body).
  std::string id;
  std::string url;
  std::string site;  ///< the publisher: a domain ("awm.com") or a name ("Sputnik")
  std::string title;
  std::string body;  ///< paragraphs separated by a blank line
  std::optional<DateTime> published;
  /// Which of the dates the source gave became `published`, and why: the source's name, then
  /// in parentheses the other dates it gave ("JSON-LD datePublished (preferred over JSON-LD
  /// dateModified 2017-02-21T09:00:00Z)", "field 'date_iso' (unreadable: field 'date' 'x')",
  /// "dateline"). Empty when there is no date (docs/input-formats.md, "Which date").
  std::string date_source;
  std::vector<std::string> authors;
  std::vector<std::string> tags;
  std::string language;  ///< BCP 47 code such as "en"; empty when unknown
  std::string type;      ///< the source's label for the article ("news", "fake", "opinion", ...)
  std::string photo_caption;
  std::string photo_credit;
  std::vector<std::string> related_headlines;
  std::vector<Comment> comments;

  friend bool operator==(const Article&, const Article&) = default;
};

}  // namespace morgue
