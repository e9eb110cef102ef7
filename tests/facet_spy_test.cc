// Facets counted through the facet-id slot must be exactly those counted from each field's own
// slot, as a database written before the slot existed (schema version 1) still counts them; date
// filters read from the slot's days must find what a range over the date slot finds.
#include "query/facet_spy.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <xapian.h>

#include <morgue/indexer.h>
#include <morgue/searcher.h>

#include "indexer/facet_ids.h"
#include "tests/test_support.h"

namespace morgue {
namespace {

const std::vector<std::string> kSampleFiles = {"articles.csv", "articles.jsonl",
                                               "sputnik-aleppo.txt"};

void index_sample(const std::filesystem::path& database, const IndexOptions& options = {}) {
  Indexer indexer(database, options);
  for (const auto& file : kSampleFiles) {
    indexer.add_file(testing::test_data_path("sample/" + file));
  }
  indexer.commit();
}

// A database of the layout before the facet-id slot: morgue adds to it without facet ids.
void index_sample_without_facet_ids(const std::filesystem::path& database) {
  {
    Xapian::WritableDatabase created(database.string(), Xapian::DB_CREATE);
    created.set_metadata(std::string(schema::kSchemaVersionKey),
                         std::string(schema::kSchemaVersionWithoutFacetIds));
    created.commit();
  }
  index_sample(database);
}

std::string schema_version(const std::filesystem::path& database) {
  return Xapian::Database(database.string()).get_metadata(std::string(schema::kSchemaVersionKey));
}

std::size_t documents_with_facet_ids(const std::filesystem::path& database) {
  const Xapian::Database db(database.string());
  return db.get_value_freq(*schema::field("facet_ids").slot);
}

class FacetIds : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    temp_ = new testing::TempDir();
    index_sample(*temp_ / "ids.db");
    index_sample_without_facet_ids(*temp_ / "slots.db");
  }
  static void TearDownTestSuite() {
    delete temp_;
    temp_ = nullptr;
  }
  static testing::TempDir* temp_;
};
testing::TempDir* FacetIds::temp_ = nullptr;

TEST_F(FacetIds, EveryDocumentOfANewDatabaseHasThemAndNoneOfAnOldOne) {
  EXPECT_EQ(schema_version(*temp_ / "ids.db"), schema::kSchemaVersion);
  EXPECT_EQ(documents_with_facet_ids(*temp_ / "ids.db"),
            Xapian::Database((*temp_ / "ids.db").string()).get_doccount());
  EXPECT_EQ(schema_version(*temp_ / "slots.db"), schema::kSchemaVersionWithoutFacetIds);
  EXPECT_EQ(documents_with_facet_ids(*temp_ / "slots.db"), 0u);
  EXPECT_EQ(testing::check_database(*temp_ / "ids.db"), "");
}

TEST_F(FacetIds, CountTheSameFacetsAsEachFieldsOwnSlot) {
  struct Case {
    std::string query;
    std::vector<std::string> filters;
  };
  const std::vector<Case> cases = {
      {"", {}},
      {"aleppo", {}},
      {"in:comments", {}},
      {"ceasefire OR kerry", {}},
      {"", {"tag=Syria"}},
      {"", {"site:sputniknews.com", "kind=comment"}},
      {"aleppo", {"language=en", "date:2016-09"}},
      {"nosuchwordanywhere", {}},
      // Date filters read the days of the facet-id column in the new database.
      {"date:2016", {}},
      {"aleppo date:2016-09", {}},
      {"date:2016-09-14", {}},
      {"date:2016-09-01..2016-09-20 OR date:2017", {}},
      {"date:..2016-09-10", {}},
      {"date:2016-09-10..", {}},
      {"NOT date:2016-09", {}},
  };
  Searcher with_ids(*temp_ / "ids.db");
  Searcher without_ids(*temp_ / "slots.db");
  for (const Case& test : cases) {
    for (const std::size_t limit : {0u, 2u, 50u}) {
      SCOPED_TRACE(test.query + " limit " + std::to_string(limit));
      SearchRequest request;
      request.query = test.query;
      request.limit = limit;
      request.facet_values = limit;
      request.facets = {"tag", "author", "date", "site", "language", "type", "kind"};
      for (const auto& filter : test.filters) {
        request.add_filter(filter);
      }
      const SearchResult expected = without_ids.search(request);
      const SearchResult found = with_ids.search(request);
      EXPECT_EQ(found.total_documents, expected.total_documents);
      EXPECT_EQ(found.total_comments, expected.total_comments);
      EXPECT_EQ(found.total_hits, expected.total_hits);
      ASSERT_EQ(found.hits.size(), expected.hits.size());
      for (std::size_t i = 0; i < found.hits.size(); ++i) {
        EXPECT_EQ(found.hits[i].key, expected.hits[i].key);
      }
      ASSERT_EQ(found.facets.size(), expected.facets.size());
      for (std::size_t i = 0; i < found.facets.size(); ++i) {
        SCOPED_TRACE(expected.facets[i].field);
        EXPECT_EQ(found.facets[i].field, expected.facets[i].field);
        EXPECT_EQ(found.facets[i].values, expected.facets[i].values);
        EXPECT_EQ(found.facets[i].values_left_out, expected.facets[i].values_left_out);
        EXPECT_EQ(found.facets[i].bucket, expected.facets[i].bucket);
      }
    }
  }
}

// Re-indexing replaces articles; their values keep their ids and no new ones are given out.
TEST(FacetIdDictionary, ReindexingKeepsEveryId) {
  testing::TempDir temp;
  const auto database = temp / "db";
  index_sample(database);
  const auto dictionary = [&] {
    const Xapian::Database db(database.string());
    std::vector<std::string> entries;
    for (auto key = db.metadata_keys_begin("morgue.facet."); key != db.metadata_keys_end(); ++key) {
      entries.push_back(*key + "=" + db.get_metadata(*key));
    }
    return entries;
  };
  const auto before = dictionary();
  ASSERT_FALSE(before.empty());
  IndexOptions again;
  again.reindex = true;
  index_sample(database, again);
  EXPECT_EQ(dictionary(), before);
  const Xapian::Database db(database.string());
  EXPECT_EQ(db.get_metadata(schema::facet_id_count_key("kind")), "2");
  EXPECT_EQ(db.get_metadata(schema::facet_value_key("kind", 0)), schema::kKindArticle);
}

}  // namespace
}  // namespace morgue
