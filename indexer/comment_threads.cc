#include "indexer/comment_threads.h"

#include <algorithm>
#include <map>
#include <tuple>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <morgue/error.h>

#include "indexer/article_key.h"
#include "indexer/hash.h"
#include "indexer/schema.h"
#include "indexer/stored_fields.h"

namespace morgue::indexer {

namespace {

using nlohmann::json;

std::string prefix_for(const std::string& ref) {
  return std::string(schema::kExternalCommentPrefix) + hash_hex(ref) + ".";
}

struct Kept {
  std::string source;
  std::size_t record_number = 0;
  std::string id;
  std::string parent_id;
  std::string reply_to_text;
  Comment comment;
};

}  // namespace

CommentThreads::CommentThreads(DatabaseWriter& writer, const DocumentBuilder& builder)
    : writer_(writer), builder_(builder) {
  try {
    Xapian::WritableDatabase& database = writer_.database();
    const std::string prefix(schema::kExternalCommentPrefix);
    any_kept_ = database.metadata_keys_begin(prefix) != database.metadata_keys_end(prefix);
  } catch (const Xapian::Error& e) {
    throw DatabaseError(
        fmt::format("cannot read database {}: {}", writer_.path().string(), e.get_description()));
  }
}

void CommentThreads::keep(const ExternalComment& comment, int occurrence) {
  const std::string identity =
      comment.comment_id.empty()
          ? fmt::format("{}\n{}\n{}\n{}\n{}", comment.author, comment.text, comment.in_reply_to,
                        comment.reply_to_text, occurrence)
          : "id:" + comment.comment_id;
  const json kept = {
      {"ref", comment.article_ref},
      {"source", comment.source},
      {"record", comment.record_number},
      {"id", comment.comment_id},
      {"parent_id", comment.parent_id},
      {"author", comment.author},
      {"text", comment.text},
      {"in_reply_to", comment.in_reply_to},
      {"reply_to_text", comment.reply_to_text},
  };
  try {
    writer_.database().set_metadata(prefix_for(comment.article_ref) + hash_hex(identity),
                                    kept.dump(-1, ' ', false, json::error_handler_t::replace));
    any_kept_ = true;
  } catch (const Xapian::Error& e) {
    throw DatabaseError(fmt::format("cannot keep a comment of {} in database {}: {}",
                                    comment.source, writer_.path().string(), e.get_description()));
  }
}

std::vector<Comment> CommentThreads::kept_for(const Article& article) {
  if (!any_kept_) {
    return {};
  }
  std::vector<Kept> kept;
  try {
    Xapian::WritableDatabase& database = writer_.database();
    for (const std::string& ref : article_refs(article)) {
      const std::string prefix = prefix_for(ref);
      for (auto key = database.metadata_keys_begin(prefix);
           key != database.metadata_keys_end(prefix); ++key) {
        const json stored = json::parse(database.get_metadata(*key), nullptr, false);
        if (!stored.is_object() || stored.value("ref", "") != ref) {
          continue;  // another reference with the same hash
        }
        Kept& one = kept.emplace_back();
        one.source = stored.value("source", "");
        one.record_number = stored.value("record", std::size_t{0});
        one.id = stored.value("id", "");
        one.parent_id = stored.value("parent_id", "");
        one.reply_to_text = stored.value("reply_to_text", "");
        one.comment.author = stored.value("author", "");
        one.comment.text = stored.value("text", "");
        one.comment.in_reply_to = stored.value("in_reply_to", "");
      }
    }
  } catch (const Xapian::Error& e) {
    throw DatabaseError(fmt::format("cannot read kept comments from database {}: {}",
                                    writer_.path().string(), e.get_description()));
  }
  std::stable_sort(kept.begin(), kept.end(), [](const Kept& left, const Kept& right) {
    return std::tie(left.source, left.record_number) < std::tie(right.source, right.record_number);
  });
  std::map<std::string, std::string> author_by_id;
  std::map<std::string, std::string> author_by_text;
  for (const Kept& one : kept) {
    if (!one.id.empty()) {
      author_by_id.emplace(one.id, one.comment.author);
    }
    author_by_text.emplace(one.comment.text, one.comment.author);
  }
  std::vector<Comment> comments;
  for (Kept& one : kept) {
    Comment& comment = comments.emplace_back(std::move(one.comment));
    if (!comment.in_reply_to.empty()) {
      continue;
    }
    if (const auto parent = author_by_id.find(one.parent_id);
        !one.parent_id.empty() && parent != author_by_id.end()) {
      comment.in_reply_to = parent->second;
    } else if (const auto answered = author_by_text.find(one.reply_to_text);
               !one.reply_to_text.empty() && answered != author_by_text.end()) {
      comment.in_reply_to = answered->second;
    }
  }
  return comments;
}

bool CommentThreads::rebuild(const std::string& ref) {
  std::vector<Article> articles;
  try {
    Xapian::WritableDatabase& database = writer_.database();
    const std::string ref_term = schema::term(schema::field("ref"), ref);
    const schema::Field& thread = schema::field("thread");
    for (auto posting = database.postlist_begin(ref_term);
         posting != database.postlist_end(ref_term); ++posting) {
      StoredDocument stored = parse_stored(database.get_document(*posting).get_data());
      Article& article = articles.emplace_back(std::move(stored.article));
      const std::string thread_term = schema::term(thread, stored.article_key);
      for (auto member = database.postlist_begin(thread_term);
           member != database.postlist_end(thread_term); ++member) {
        if (*member == *posting) {
          continue;
        }
        StoredDocument in_thread = parse_stored(database.get_document(*member).get_data());
        if (in_thread.kind == schema::kKindComment && !in_thread.external) {
          article.comments.push_back(std::move(in_thread.comment));
        }
      }
      std::sort(
          article.comments.begin(), article.comments.end(),
          [](const Comment& left, const Comment& right) { return left.position < right.position; });
      if (article_key(article) != stored.article_key) {
        throw DatabaseError(fmt::format(
            "article {} in database {} does not read back as it was written; re-index it",
            stored.article_key, writer_.path().string()));
      }
    }
  } catch (const Xapian::Error& e) {
    throw DatabaseError(fmt::format("cannot read the thread of {} from database {}: {}", ref,
                                    writer_.path().string(), e.get_description()));
  }
  for (const Article& article : articles) {
    writer_.write(builder_.build(article, kept_for(article)));
  }
  return !articles.empty();
}

}  // namespace morgue::indexer
