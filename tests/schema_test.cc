#include "indexer/schema.h"

#include <set>
#include <string>

#include <gtest/gtest.h>

#include "tests/test_support.h"

namespace morgue::schema {
namespace {

TEST(Schema, EveryFieldIsDescribedInTheSchemaDoc) {
  const std::string doc =
      testing::read_file(std::filesystem::path(MORGUE_SOURCE_DIR) / "docs" / "schema.md");
  for (const Field& f : fields()) {
    SCOPED_TRACE(std::string(f.name));
    const std::string prefix = f.prefix.empty() ? "" : "`" + std::string(f.prefix) + "`";
    const std::string row_start = "| `" + std::string(f.name) + "` | ";
    const auto row = doc.find(row_start);
    ASSERT_NE(row, std::string::npos);
    const std::string line = doc.substr(row, doc.find('\n', row) - row);
    if (!prefix.empty()) {
      EXPECT_NE(line.find(prefix), std::string::npos) << line;
    }
    if (f.slot) {
      EXPECT_NE(line.find(" " + std::to_string(*f.slot)), std::string::npos) << line;
    }
  }
}

TEST(Schema, PrefixesAndSlotsAreUnique) {
  std::set<std::string_view> prefixes;
  std::set<Xapian::valueno> slots;
  for (const Field& f : fields()) {
    if (!f.prefix.empty()) {
      EXPECT_TRUE(prefixes.insert(f.prefix).second) << f.prefix;
    }
    if (f.slot) {
      EXPECT_TRUE(slots.insert(*f.slot).second) << *f.slot;
    }
    if (f.facet_slot && f.facet_slot != f.slot) {
      EXPECT_TRUE(slots.insert(*f.facet_slot).second) << *f.facet_slot;
    }
  }
}

TEST(Schema, FindsFieldsByNameAndAlias) {
  EXPECT_EQ(find_field("lang"), &field("language"));
  EXPECT_EQ(find_field("in"), &field("kind"));
  EXPECT_EQ(find_field("colour"), nullptr);
  EXPECT_THROW(field("colour"), std::logic_error);
}

TEST(Schema, InternalSlotsAreDeclaredButNotFieldsAQueryCanName) {
  EXPECT_EQ(find_field("facet_ids"), nullptr);
  EXPECT_EQ(field("facet_ids").kind, FieldKind::kInternal);
  EXPECT_EQ(field("facet_ids").slot, 9u);
}

TEST(Schema, TermsFollowOmegasConventionsAndFitXapian) {
  EXPECT_EQ(term(field("tag"), "john kerry"), "Kjohn kerry");
  EXPECT_EQ(term(field("type"), "Opinion"), "XT:Opinion");
  const std::string long_value(1000, 'x');
  const std::string long_term = term(field("tag"), long_value);
  EXPECT_LE(long_term.size(), 245u);
  EXPECT_NE(long_term, term(field("tag"), long_value + "y"));
}

TEST(Schema, PackedValuesRoundTrip) {
  const std::vector<std::string> values = {"Syria", "", std::string(300, 'a'), "Zürich"};
  const std::string packed = pack_values(values);
  std::vector<std::string> unpacked;
  for_each_packed_value(packed, [&](std::string_view v) { unpacked.emplace_back(v); });
  EXPECT_EQ(unpacked, values);
  // A damaged value yields what could be read, never reads past the end.
  unpacked.clear();
  for_each_packed_value(packed.substr(0, 8), [&](std::string_view v) { unpacked.emplace_back(v); });
  EXPECT_EQ(unpacked, (std::vector<std::string>{"Syria", ""}));
}

}  // namespace
}  // namespace morgue::schema
