// Turns an article and its comments into Xapian documents, following the schema table.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include <morgue/article.h>

#include "indexer/analyzer.h"

namespace morgue::indexer {

/// An article ready to be written: its key, its document, and one document per comment.
struct BuiltArticle {
  std::string key;
  Xapian::Document article;
  std::vector<Xapian::Document> comments;
};

/// Builds documents: every text through the analyzer, with stems in the article's language
/// (the input's, else detected by CLD2; a comment's own when CLD2 is sure of it, else its
/// article's). Holds a reference to an Analyzer and so shares its thread rules.
class DocumentBuilder {
 public:
  explicit DocumentBuilder(const Analyzer& analyzer) : analyzer_(analyzer) {}

  /// The documents for `article`, and for `external` comments (from a comments file) after its
  /// own: they are numbered on from the article's comments and marked external in their stored
  /// data. Does not touch any database.
  BuiltArticle build(const Article& article, const std::vector<Comment>& external = {}) const;

 private:
  void index_text(Xapian::Document& document, std::string_view text, std::string_view prefix,
                  std::string_view language, Xapian::termpos& position) const;
  // Indexes analysed words from `position` on; each folded form counts `wdf` times.
  void index_tokens(Xapian::Document& document, const std::vector<Token>& tokens,
                    std::string_view prefix, std::string_view language, Xapian::termpos& position,
                    Xapian::termcount wdf) const;
  void add_filter(Xapian::Document& document, std::string_view field_name,
                  const std::vector<std::string>& values) const;
  void add_shared_fields(Xapian::Document& document, const Article& article,
                         const std::string& key) const;
  std::string language_of(std::string_view text, const std::string& fallback) const;

  const Analyzer& analyzer_;
};

}  // namespace morgue::indexer
