// SearchRequest::add_filter reads back the filters facet values carry, and the CLI's FIELD=VALUE.
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <morgue/error.h>
#include <morgue/searcher.h>

namespace morgue {
namespace {

using Filters = std::map<std::string, std::vector<std::string>>;

TEST(SearchRequest, AddFilterReadsFacetFiltersAndFieldEqualsValue) {
  struct Row {
    std::string filter;
    Filters expected;
  };
  const std::vector<Row> rows = {
      {"tag:Syria", {{"tag", {"Syria"}}}},
      {R"(tag:"John Kerry")", {{"tag", {"John Kerry"}}}},
      {R"(tag:"Operation \"Sandbag\"")", {{"tag", {R"(Operation "Sandbag")"}}}},
      {R"(tag:"C:\\temp")", {{"tag", {R"(C:\temp)"}}}},
      {"date:2016-09-12..2016-09-18", {{"date", {"2016-09-12..2016-09-18"}}}},
      {"author=Maria Okafor", {{"author", {"Maria Okafor"}}}},
      {R"(author="Maria Okafor")", {{"author", {"Maria Okafor"}}}},
      {"site:a=b", {{"site", {"a=b"}}}},
      {"site=a:b", {{"site", {"a:b"}}}},
      {R"(tag:a"b)", {{"tag", {R"(a"b)"}}}},  // not quoted: taken as written
      {"tag:", {{"tag", {""}}}},              // Searcher::search says the value is missing
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.filter);
    SearchRequest request;
    request.add_filter(row.filter);
    EXPECT_EQ(request.filters, row.expected);
  }
  SearchRequest request;
  request.add_filter("tag:Syria");
  request.add_filter(R"(tag:"John Kerry")");
  EXPECT_EQ(request.filters, (Filters{{"tag", {"Syria", "John Kerry"}}}));
}

TEST(SearchRequest, AddFilterErrorsShowTheWayToWriteIt) {
  struct Row {
    std::string filter;
    std::string error;
  };
  const std::vector<Row> rows = {
      {"Syria",
       R"(write a filter as FIELD:VALUE or FIELD=VALUE, e.g. tag:Syria or tag:"John Kerry"; )"
       "got 'Syria'"},
      {":Syria",
       R"(write a filter as FIELD:VALUE or FIELD=VALUE, e.g. tag:Syria or tag:"John Kerry"; )"
       "got ':Syria'"},
      {R"(tag:"John Kerry)", R"(the filter 'tag:"John Kerry' opens a quote and never closes it)"},
      {R"(tag:"John" Kerry)",
       R"(the filter 'tag:"John" Kerry' goes on after its closing quote; write \" for a quote )"
       "inside one"},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.filter);
    SearchRequest request;
    try {
      request.add_filter(row.filter);
      FAIL();
    } catch (const QueryError& error) {
      EXPECT_EQ(std::string(error.what()), row.error);
    }
  }
}

}  // namespace
}  // namespace morgue
