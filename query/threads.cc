#include "query/threads.h"

#include <algorithm>

#include <fmt/format.h>

#include <morgue/error.h>

#include "indexer/schema.h"
#include "indexer/stored_fields.h"
#include "query/matched_words.h"

namespace morgue::query {

namespace {
// Texts shorter than this are broken whole when a snippet would need the document's term list,
// which costs about as much to read as breaking a short text (a threshold set by hand, not
// tuned).
constexpr std::size_t kTermListTextBytes = 1500;
}  // namespace

Xapian::docid ThreadReader::article_docid(const std::string& key) const {
  const std::string id_term = schema::term(schema::field("id"), key);
  const auto posting = database_.postlist_begin(id_term);
  return posting == database_.postlist_end(id_term) ? 0 : *posting;
}

Hit ThreadReader::hit(const Xapian::Query& query, const MatchTerms& terms, const std::string& key,
                      double score, std::size_t comments_per_hit, bool comments_matched) const {
  Hit hit;
  hit.key = key;
  hit.score = score;
  const Xapian::docid article_id = article_docid(key);
  if (article_id == 0) {
    throw DatabaseError(
        fmt::format("the database has comments under article {} but not the article", key));
  }
  indexer::StoredDocument article =
      indexer::parse_stored(database_.get_document(article_id).get_data());
  hit.article = std::move(article.article);
  hit.comment_count = article.comment_count;
  const auto article_snippet = [&] {
    const std::string& text = hit.article.body.empty() ? hit.article.title : hit.article.body;
    return snippet(
        article_id, text, hit.article.language,
        [&] { return snippet_text_position(analyzer_, hit.article); }, terms);
  };
  if (!comments_matched) {
    // A hit found while no comment matched is its article. Searching its thread again cost 5%
    // of a top-10 search for `oil`, 11% for `"united states"`.
    hit.article_matched = true;
    hit.snippet = article_snippet();
    return hit;
  }

  // Everything in the thread that matched: the article itself and its matching comments.
  Xapian::Enquire enquire(database_);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query,
                                  Xapian::Query(schema::term(schema::field("thread"), key))));
  const Xapian::MSet matches = enquire.get_mset(0, comments_per_hit + 1, database_.get_doccount());
  for (auto match = matches.begin(); match != matches.end(); ++match) {
    if (*match == article_id) {
      hit.article_matched = true;
      continue;
    }
    if (hit.comments.size() == comments_per_hit) {
      continue;
    }
    indexer::StoredDocument comment = indexer::parse_stored(match.get_document().get_data());
    CommentHit comment_hit;
    // Databases written before comments stored their language leave it empty.
    const std::string& language =
        comment.comment.language.empty() ? hit.article.language : comment.comment.language;
    // Such a comment was indexed in a language of its own that is not known: its stems may
    // not be those of `language`.
    comment_hit.snippet =
        comment.comment.language.empty()
            ? make_snippet(analyzer_, comment.comment.text, language, terms)
            : snippet(  // a comment's text is its document's only text, from position 1
                  *match, comment.comment.text, language, [] { return 1; }, terms);
    comment_hit.comment = std::move(comment.comment);
    hit.comments.push_back(std::move(comment_hit));
  }
  const std::size_t matched_documents = matches.get_matches_estimated();
  if (!hit.article_matched && matched_documents > hit.comments.size()) {
    // The article may rank below the comments shown; ask for it directly.
    Xapian::Enquire article_only(database_);
    article_only.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query,
                                         Xapian::Query(schema::term(schema::field("id"), key))));
    hit.article_matched = !article_only.get_mset(0, 1).empty();
  }
  hit.matched_comments = matched_documents - (hit.article_matched ? 1 : 0);
  hit.snippet = article_snippet();
  return hit;
}

// Reading where the query's words are from the index and breaking the text into words only up
// to the passage shown saved 9 to 46% of the instructions of a top-10 search
// (docs/benchmarks.md).
Snippet ThreadReader::snippet(Xapian::docid docid, const std::string& text,
                              const std::string& language,
                              const std::function<Xapian::termpos()>& first_position,
                              const MatchTerms& terms) const {
  const bool term_list = needs_term_list(database_, docid, terms);
  if (term_list && text.size() < kTermListTextBytes) {
    return make_snippet(analyzer_, text, language, terms);
  }
  return make_snippet(
      analyzer_, text, language, terms,
      matched_words(database_, docid, analyzer_, terms, language, first_position(), term_list));
}

std::optional<ArticleThread> ThreadReader::thread(const std::string& key) const {
  const Xapian::docid article_id = article_docid(key);
  if (article_id == 0) {
    return std::nullopt;
  }
  ArticleThread thread;
  thread.key = key;
  thread.article = indexer::parse_stored(database_.get_document(article_id).get_data()).article;
  const std::string thread_term = schema::term(schema::field("thread"), key);
  for (auto posting = database_.postlist_begin(thread_term);
       posting != database_.postlist_end(thread_term); ++posting) {
    if (*posting == article_id) {
      continue;
    }
    auto stored = indexer::parse_stored(database_.get_document(*posting).get_data());
    thread.article.comments.push_back(std::move(stored.comment));
  }
  std::sort(thread.article.comments.begin(), thread.article.comments.end(),
            [](const Comment& a, const Comment& b) { return a.position < b.position; });
  return thread;
}

}  // namespace morgue::query
