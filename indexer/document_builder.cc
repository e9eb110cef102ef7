#include "indexer/document_builder.h"

#include <algorithm>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "indexer/article_key.h"
#include "indexer/schema.h"
#include "indexer/stored_fields.h"

namespace morgue::indexer {

namespace {
using schema::kFieldGap;
// Extra weight (wdf) of each title word in the unprefixed text, beyond the once it is indexed
// there with its position: with 1 a title word counts as two body words, so BM25 ranks an article
// whose title names the subject above one that mentions it in passing. Chosen with morgue-eval
// on the judged collections (docs/ranking.md); a change needs a re-index to take effect.
constexpr Xapian::termcount kTitleExtraWdf = 1;
}  // namespace

void DocumentBuilder::index_text(Xapian::Document& document, std::string_view text,
                                 std::string_view prefix, std::string_view language,
                                 Xapian::termpos& position) const {
  index_tokens(document, analyzer_.tokenize(text), prefix, language, position, 1);
}

void DocumentBuilder::index_tokens(Xapian::Document& document, const std::vector<Token>& tokens,
                                   std::string_view prefix, std::string_view language,
                                   Xapian::termpos& position, Xapian::termcount wdf) const {
  // Only the folded form has positions (phrases match on it); the other forms cost less
  // without them and are searched as single words.
  std::string stem_term = std::string(schema::field("stem").prefix) + std::string(prefix);
  const std::size_t stem_prefix_size = stem_term.size();
  const std::string exact_prefix(schema::field("exact").prefix);
  std::string term(prefix);
  for (const Token& token : tokens) {
    ++position;
    term.resize(prefix.size());
    term += token.term;
    document.add_posting(term, position, wdf);
    // A word that is its own stem is found through its folded form (the query asks for the
    // stem as a word too), which halves the stem terms Xapian has to write.
    if (const std::string& stem = analyzer_.stem(token.term, language);
        !stem.empty() && stem != token.term) {
      stem_term.resize(stem_prefix_size);
      stem_term += stem;
      document.add_term(stem_term, wdf);  // a title word's stem weighs as much as the word
    }
    if (!prefix.empty()) {
      continue;  // a field's words are also indexed as text, with their other forms
    }
    if (!token.exact.empty()) {
      document.add_term(exact_prefix + token.exact);
    }
    for (const auto& variant : token.variants) {
      document.add_term(variant);
    }
    if (!token.joined.empty()) {
      document.add_term(token.joined);
    }
    if (!token.unit.empty()) {
      document.add_term(token.unit);
    }
  }
  position += kFieldGap;
}

std::string DocumentBuilder::language_of(std::string_view text, const std::string& fallback) const {
  const DetectedLanguage detected = analyzer_.detect_language(text);
  return detected.reliable ? detected.code : fallback;
}

void DocumentBuilder::add_filter(Xapian::Document& document, std::string_view field_name,
                                 const std::vector<std::string>& values) const {
  const schema::Field& field = schema::field(field_name);
  std::vector<std::string> shown;
  // A value listed twice ("plain, plain" or "John Kerry, john kerry") is shown once, so the
  // facet counts this document once, as many documents as its filter selects.
  std::set<std::string> seen;
  for (const auto& value : values) {
    const std::string normalized = analyzer_.normalize(value);
    if (normalized.empty() || !seen.insert(normalized).second) {
      continue;
    }
    document.add_boolean_term(schema::term(field, normalized));
    shown.push_back(value);
  }
  if (field.facet_slot && !shown.empty()) {
    document.add_value(*field.facet_slot,
                       field.multi_valued ? schema::pack_values(shown) : shown.front());
  }
}

// Fields a comment shares with its article, so a filter on them finds the discussion too.
void DocumentBuilder::add_shared_fields(Xapian::Document& document, const Article& article,
                                        const std::string& key) const {
  add_filter(document, "tag", article.tags);
  add_filter(document, "site", {article.site});
  add_filter(document, "type", {article.type});
  document.add_boolean_term(schema::term(schema::field("thread"), key));
  document.add_value(*schema::field("thread").slot, key);
  if (article.published) {
    const schema::Field& date = schema::field("date");
    document.add_value(*date.slot, Xapian::sortable_serialise(
                                       static_cast<double>(article.published->unix_seconds())));
    document.add_value(*date.facet_slot, fmt::format("{:04}-{:02}", article.published->year,
                                                     article.published->month));
  }
}

BuiltArticle DocumentBuilder::build(const Article& source,
                                    const std::vector<Comment>& external) const {
  // The input's language wins; else the title and body say which it is.
  std::optional<Article> detected;
  if (source.language.empty()) {
    std::string language = language_of(
        source.title + "\n" + source.body.substr(0, std::min(source.body.size(), kMaxDetectBytes)),
        "");
    if (!language.empty()) {
      detected = source;
      detected->language = std::move(language);
    }
  }
  const Article& article = detected ? *detected : source;
  const std::string& language = article.language;
  BuiltArticle built;
  built.key = article_key(article);
  const auto& title_prefix = schema::field("title").prefix;
  const auto& text_prefix = schema::field("text").prefix;
  const schema::Field& id_field = schema::field("id");

  Xapian::Document& document = built.article;
  Xapian::termpos position = 0;
  // Title words are indexed twice: under the title prefix for title:, and as plain text.
  const std::vector<Token> title_tokens = analyzer_.tokenize(article.title);
  Xapian::termpos title_position = 0;
  index_tokens(document, title_tokens, title_prefix, language, title_position, 1);
  index_tokens(document, title_tokens, text_prefix, language, position, 1 + kTitleExtraWdf);
  index_text(document, article.photo_caption, text_prefix, language, position);
  index_text(document, article.body, text_prefix, language, position);
  // A word search finds what an article is tagged with, not only what its text says.
  for (const auto& tag : article.tags) {
    index_text(document, tag, text_prefix, language, position);
  }
  add_filter(document, "language", {language});
  document.add_boolean_term(schema::term(id_field, built.key));
  add_filter(document, "kind", {std::string(schema::kKindArticle)});
  add_filter(document, "author", article.authors);
  add_shared_fields(document, article, built.key);
  for (const std::string& ref : article_refs(article)) {
    document.add_boolean_term(schema::term(schema::field("ref"), ref));
  }
  document.set_data(stored_article(article, built.key, external.size()));

  const std::size_t own_count = article.comments.size();
  for (std::size_t index = 0; index < own_count + external.size(); ++index) {
    const bool is_external = index >= own_count;
    Comment comment = is_external ? external[index - own_count] : article.comments[index];
    if (is_external) {
      comment.position = static_cast<int>(index) + 1;
    }
    Xapian::Document& comment_document = built.comments.emplace_back();
    Xapian::termpos comment_position = 0;
    // A comment may be in another language than its article; a short one cannot tell.
    if (comment.language.empty()) {
      comment.language = language_of(comment.text, language);
    }
    const std::string& comment_language = comment.language;
    index_text(comment_document, comment.text, text_prefix, comment_language, comment_position);
    add_filter(comment_document, "language", {comment_language});
    comment_document.add_boolean_term(
        schema::term(id_field, fmt::format("{}#{}", built.key, comment.position)));
    add_filter(comment_document, "kind", {std::string(schema::kKindComment)});
    add_filter(comment_document, "author", {comment.author});
    add_shared_fields(comment_document, article, built.key);
    comment_document.set_data(stored_comment(comment, built.key, is_external));
  }
  return built;
}

}  // namespace morgue::indexer
