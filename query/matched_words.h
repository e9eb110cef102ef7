// Where a query's words are in a document's text, read from the index's position lists, so a
// snippet can choose its passage without breaking the whole text into words.
#pragma once

#include <string_view>
#include <vector>

#include <xapian.h>

#include <morgue/article.h>

#include "indexer/analyzer.h"
#include "query/snippets.h"

namespace morgue::query {

/// Whether matched_words needs document `docid`'s term list to find the words `terms` match:
/// when the query has a wildcard, or searched a stem that a word of the document other than the
/// stem itself has (the document holds the stem's term). Otherwise the words can only be the
/// query's own terms and stems, and their position lists alone say where they are. Reading a
/// term list means uncompressing it: for a short text that costs more than breaking the text.
/// Throws Xapian::Error.
bool needs_term_list(const Xapian::Database& database, Xapian::docid docid,
                     const MatchTerms& terms);

/// The words of a document's text that `terms` match, from the index: each unprefixed term of
/// document `docid` that MatchTerms::matches accepts (in the text's `language`), at each of its
/// positions from `first_position` on, numbered from there (the word at `first_position` is
/// word 0), in order. Words of fields indexed after the text are listed too, past its end.
/// `term_list` is what needs_term_list says. Throws Xapian::Error.
std::vector<WordMatch> matched_words(const Xapian::Database& database, Xapian::docid docid,
                                     const indexer::Analyzer& analyzer, const MatchTerms& terms,
                                     std::string_view language, Xapian::termpos first_position,
                                     bool term_list);

/// The position of the first word of the text an article's snippet is taken from (its body,
/// or its title when it has no body), as indexer/document_builder.cc numbers an article's
/// words: the title's from 1, a gap of 100, the photo caption's, a gap, the body's, a gap, each
/// tag's. A comment's text starts at 1.
Xapian::termpos snippet_text_position(const indexer::Analyzer& analyzer, const Article& article);

}  // namespace morgue::query
