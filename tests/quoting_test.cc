// Quoted strings of the query language: whatever is quoted reads back as itself.
#include "query/quoting.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <morgue/error.h>

#include "query/query_lexer.h"

namespace morgue::query {
namespace {

TEST(Quoting, EveryValueReadsBackAsItself) {
  struct Row {
    std::string value;
    std::string quoted;
  };
  const std::vector<Row> rows = {
      {"John Kerry", R"("John Kerry")"},
      {"", R"("")"},
      {R"(Operation "Sandbag")", R"("Operation \"Sandbag\"")"},
      {R"(C:\temp)", R"("C:\\temp")"},
      {R"(ends in \)", R"("ends in \\")"},
      {R"(\")", R"("\\\"")"},
      {"Zürich (Stadt)", R"q("Zürich (Stadt)")q"},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.value);
    EXPECT_EQ(quote(row.value), row.quoted);
    const auto read = read_quoted(row.quoted + " rest", 0);
    ASSERT_TRUE(read.has_value());
    EXPECT_EQ(read->text, row.value);
    EXPECT_EQ(read->end, row.quoted.size());
  }
}

TEST(Quoting, ABackslashBeforeAnythingElseIsKeptAndAnUnclosedQuoteIsNothing) {
  EXPECT_EQ(read_quoted(R"("a\b")", 0)->text, R"(a\b)");
  EXPECT_FALSE(read_quoted(R"("never closed)", 0).has_value());
  EXPECT_FALSE(read_quoted(R"("escaped close\")", 0).has_value());
}

TEST(Quoting, TheLexerReadsEscapesInPhrasesAndFieldValues) {
  Lexer phrase(R"("say \"no\"" tag:"a \\ b")");
  const Token first = phrase.next();
  EXPECT_EQ(first.kind, TokenKind::kPhrase);
  EXPECT_EQ(first.text, R"(say "no")");
  const Token second = phrase.next();
  EXPECT_EQ(second.kind, TokenKind::kField);
  EXPECT_EQ(second.text, R"(a \ b)");
  EXPECT_EQ(phrase.next().kind, TokenKind::kEnd);

  Lexer unclosed(R"(kerry "aleppo\")");
  unclosed.next();
  try {
    unclosed.next();
    FAIL();
  } catch (const QueryError& error) {
    EXPECT_EQ(std::string(error.what()), "column 7: unbalanced quote");
  }
}

}  // namespace
}  // namespace morgue::query
