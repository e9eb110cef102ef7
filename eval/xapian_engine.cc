#include <fmt/format.h>
#include <xapian.h>

#include <morgue/error.h>

#include "eval/engine.h"

namespace morgue::eval {

namespace {

class XapianEngine : public Engine {
 public:
  XapianEngine(const std::filesystem::path& database, bool english_stems) try
      : database_(database.string(), Xapian::DB_CREATE_OR_OVERWRITE),
        english_stems_(english_stems) {
  } catch (const Xapian::Error& e) {
    throw Error(fmt::format("cannot create {}: {}", database.string(), e.get_description()));
  }

  std::string name() const override { return english_stems_ ? "xapian-stem" : "xapian"; }

  void index(const std::vector<Document>& documents) override {
    Xapian::TermGenerator generator;
    if (english_stems_) {
      generator.set_stemmer(Xapian::Stem("english"));
    }
    for (const Document& document : documents) {
      Xapian::Document xapian_document;
      generator.set_document(xapian_document);
      generator.index_text(document.title);
      generator.increase_termpos();
      generator.index_text(document.text);
      xapian_document.set_data(document.id);
      database_.add_document(xapian_document);
    }
    database_.commit();
  }

  std::vector<std::string> search(const std::vector<std::string>& words,
                                  std::size_t depth) override {
    const std::string text = fmt::format("{}", fmt::join(words, " "));
    Xapian::QueryParser parser;
    if (english_stems_) {
      parser.set_stemmer(Xapian::Stem("english"));
    }
    Xapian::Query query;
    try {
      query = parser.parse_query(text);
    } catch (const Xapian::QueryParserError&) {
      query = parser.parse_query(text, 0);  // as plain words
    }
    Xapian::Enquire enquire(database_);
    enquire.set_query(query);
    const Xapian::MSet matches = enquire.get_mset(0, static_cast<Xapian::doccount>(depth));
    std::vector<std::string> ranking;
    for (auto match = matches.begin(); match != matches.end(); ++match) {
      ranking.push_back(match.get_document().get_data());
    }
    return ranking;
  }

 private:
  Xapian::WritableDatabase database_;
  bool english_stems_;
};

}  // namespace

std::unique_ptr<Engine> make_xapian_engine(const std::filesystem::path& database,
                                           bool english_stems) {
  return std::make_unique<XapianEngine>(database, english_stems);
}

}  // namespace morgue::eval
