// Reads comments files: reader comments kept apart from their articles, one comment a record.
#pragma once

#include <cstddef>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <morgue/indexer.h>

namespace morgue::indexer {

/// One comment of a comments file, and the article it belongs to.
struct ExternalComment {
  /// The article as the row names it, in the form of a `ref` term: "id:17",
  /// "url:https://example.com/a" (normalized), "title:german lawmakers approve ..." (folded).
  std::string article_ref;
  std::string comment_id;  ///< the source's id for the comment; empty when none
  std::string parent_id;   ///< the id of the comment it answers; empty when none
  std::string author;      ///< as the source wrote it
  std::string text;
  std::string in_reply_to;    ///< the name of the commenter it answers ("@name" loses its "@")
  std::string reply_to_text;  ///< the text of the comment it answers, when the source gives that
  std::string source;         ///< the file, as messages name it
  std::size_t record_number = 0;
};

/// Reads one ExternalComment per record of a CSV or JSON Lines comments file. The columns (or
/// keys), ignoring case:
///   article: article_id, post_id, story_id (by id); article_url, url, link (by URL);
///            article_title, title, headline (by title) — the first of id, URL, title given wins
///   comment: text, comment, comment_text, body, content, message   author: author, user,
///            username, user_name, commenter, name    id: comment_id, id
///   replies: parent_id, parent_comment_id (an id); in_reply_to, reply_to, mentions (a name,
///            "@name" as well); prev, parent_text (the text of the comment answered)
/// Other columns are ignored. next() throws InputError for a record the underlying reader
/// refuses, one with no text, and one naming no article; the next call reads on. Borrows `in`.
class CommentReader {
 public:
  /// Reads `in` as `format` (kCsv or kJsonl); `file_name` is how messages name it.
  CommentReader(std::istream& in, std::string file_name, Format format);
  ~CommentReader();
  CommentReader(const CommentReader&) = delete;
  CommentReader& operator=(const CommentReader&) = delete;

  /// The next comment, or nullopt at the end of the file.
  std::optional<ExternalComment> next();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// What a comments file's column `name` gives ("article title", "text", "author", ...), or ""
/// when it is not read. For --inspect.
std::string_view comment_column_role(std::string_view name);

/// The column names of the first record in `head` (a CSV header, a first JSON object's keys).
std::vector<std::string> first_record_names(std::string_view head, Format format);

/// True when `head`, the first bytes of a CSV (`format` kCsv) or JSON Lines file, names the
/// columns of a comments file: a text and an author column, and an article column of the
/// article_* kind or a reply column (parent_id, in_reply_to, reply_to, mentions, prev,
/// comment_id). An article file with an `author` and a `text` column is not one.
bool looks_like_comments(std::string_view head, Format format);

}  // namespace morgue::indexer
