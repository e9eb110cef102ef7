// Chooses an article's date among the several a page or record may give, and says which one was
// used and why (issue 3: "where a page has several dates, which one was used and why").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <morgue/article.h>

namespace morgue::indexer {

/// One place a page or record gives a date.
struct DateCandidate {
  /// Where, as a user reads it: "JSON-LD datePublished", "<time datetime>", "field 'date_iso'".
  std::string source;
  /// The value there, as given; empty when the page or record does not have this source.
  std::string text;
  /// False for a date that is never the publication date (a modification date): it is shown
  /// among the dates seen but never chosen.
  bool eligible = true;
};

/// What choose_date() decided.
struct DateChoice {
  std::optional<DateTime> date;  ///< nullopt when no eligible candidate reads
  /// The chosen source and why, empty when no date was chosen; see choose_date().
  std::string source;
  /// The first eligible candidate with text that did not read, for error messages.
  std::optional<DateCandidate> first_unreadable;
};

/// Picks the first eligible candidate, in the order given (the order of preference), whose text
/// parse_date() reads, or else the first of `date_formats` (strptime(3), the user's) does.
/// `source` names it and, in parentheses, what else was seen:
///   "JSON-LD datePublished (also article:published_time; preferred over JSON-LD dateModified
///    2017-02-21T09:00:00Z; unreadable: <meta name=date> 'last Tuesday')"
/// "also" lists later candidates giving the same date, "preferred over" later candidates and
/// ineligible ones giving another date (with it), "unreadable" earlier candidates whose text
/// does not read (quoted in part when long). A date read by a user format says so:
/// "field 'written', read with --date-format '%d/%m/%Y %H:%M'". Candidates without text are
/// left out. Thread-safe.
DateChoice choose_date(const std::vector<DateCandidate>& candidates,
                       const std::vector<std::string>& date_formats = {});

}  // namespace morgue::indexer
