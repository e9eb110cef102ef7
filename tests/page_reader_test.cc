#include "indexer/page_reader.h"

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include <morgue/error.h>

#include "tests/test_support.h"

namespace morgue::indexer {
namespace {

const std::string kFixture = "sample/sputnik-aleppo.txt";

std::string fixture_text() {
  return morgue::testing::read_file(morgue::testing::test_data_path(kFixture));
}

/// The article of a page given as text; fails the test if there is none.
Article read_page(const std::string& text) {
  std::istringstream in(text);
  PageReader reader(in, "page.txt");
  std::optional<Article> article = reader.next();
  EXPECT_TRUE(article.has_value());
  EXPECT_FALSE(reader.next().has_value());
  return article.value_or(Article{});
}

/// The what() of the error a page gives, or "no error".
std::string error_of(const std::string& text) {
  std::istringstream in(text);
  PageReader reader(in, "page.txt");
  try {
    reader.next();
  } catch (const InputError& error) {
    EXPECT_FALSE(reader.next().has_value()) << "a page is one record, skipped as a whole";
    return error.what();
  }
  return "no error";
}

std::vector<std::string> paragraphs_of(const std::string& text) {
  std::vector<std::string> paragraphs;
  std::size_t begin = 0;
  for (;;) {
    const std::size_t end = text.find("\n\n", begin);
    paragraphs.push_back(text.substr(begin, end - begin));
    if (end == std::string::npos) {
      return paragraphs;
    }
    begin = end + 2;
  }
}

/// A page with a header, one body paragraph and one comment under `bullet`.
std::string page_with_comment(const std::string& bullet, const std::string& comment) {
  return "04:44 GMT +320 February 2017\nTitle\n\nBody.\n\n\nHeadline\ntag\n\xE2\x80\xA2 Comment\n" +
         bullet + "\n" + comment + "\nShow new comments (0)\n";
}

TEST(PageReader, FixtureGivesEveryArticleField) {
  std::ifstream in(morgue::testing::test_data_path(kFixture), std::ios::binary);
  ASSERT_TRUE(in) << kFixture;
  PageReader reader(in, kFixture);
  const std::optional<Article> article = reader.next();
  ASSERT_TRUE(article.has_value());
  EXPECT_FALSE(reader.next().has_value());

  EXPECT_EQ(article->title,
            "US Threatens to Suspend Engagement With Russia in Syria Over Aleppo Situation");
  EXPECT_EQ(article->photo_caption,
            "US Secretary of State John Kerry speaks during a Security Council Meeting September "
            "21, 2016 on the situation in Syria at the United Nations in New York");
  EXPECT_EQ(article->photo_credit, "\u00a9 AFP 2016/ TIMOTHY A. CLARY");
  EXPECT_EQ(article->site, "Sputnik");

  ASSERT_TRUE(article->published.has_value());
  const DateTime expected_date{.year = 2017,
                               .month = 2,
                               .day = 20,
                               .hour = 4,
                               .minute = 44,
                               .second = 0,
                               .has_time = true,
                               .utc_offset_minutes = 180};
  EXPECT_EQ(*article->published, expected_date);
  EXPECT_EQ(article->published->iso8601(), "2017-02-20T04:44:00+03:00");

  EXPECT_EQ(article->tags,
            (std::vector<std::string>{"ceasefire", "John Kerry", "Sergei Lavrov", "Syria",
                                      "United States", "Russia", "Aleppo"}));
  EXPECT_EQ(article->related_headlines,
            (std::vector<std::string>{
                "US-Russian Cooperation in Syria Impossible Without Common Targets - Official",
                "Russia, Syria 'Protecting Humanity From the Terrorist Threat'",
                "Russia Pushes for Closer Cooperation With US on Syria Despite Differences"}));

  const std::vector<std::string> body = paragraphs_of(article->body);
  ASSERT_EQ(body.size(), 10u);
  EXPECT_EQ(body.front(),
            "US Secretary of State John Kerry told Russian Foreign Minister Sergei Lavrov that the "
            "United States is prepared to suspend bilateral engagement with Russia in Syria unless "
            "Moscow takes immediate steps to end Syrian operations in the city of Aleppo and "
            "reinstate a ceasefire, Department of State spokesperson John Kirby said.");
  const std::string agency_dateline = "WASHINGTON (Sputnik)\u00a0\u2014 According to\u00a0Kirby,";
  EXPECT_EQ(body[1].substr(0, agency_dateline.size()), agency_dateline);
  EXPECT_EQ(
      body.back(),
      "Commenting on\u00a0the release of\u00a0the document, the foreign ministry said that it "
      "had proposed to\u00a0make the document public, however, Washington refused to\u00a0do "
      "so. The move caused \"some questions about\u00a0whether the US is sincere or not.\"");
  EXPECT_EQ(article->body.find("Get short URL"), std::string::npos);

  EXPECT_TRUE(article->authors.empty());
  EXPECT_EQ(article->id, "");
  EXPECT_EQ(article->url, "");
  EXPECT_EQ(article->language, "");
  EXPECT_EQ(article->type, "");
}

TEST(PageReader, FixtureGivesTwentyCommentsInPageOrder) {
  struct Row {
    std::string author;
    std::string in_reply_to;
    std::string text;
    bool whole;  // false: `text` is how the comment begins
  };
  const std::vector<Row> expected = {
      {"", "",
       "This proves that Syria and Russia are winning in Aleppo. This frustrating the US and "
       "produces this type reaction from them. In my opinion Syria and Russia should stay the "
       "course no matter how many threats from the US.",
       true},
      {"sophm0e38", "",
       "John Kerry expressing concern over civilians? Hell really has frozen over.\n\nIf Kerry",
       false},
      {"chrrevin", "The SPutin Image",
       "The SPutin Image, they work for boeing and lockheed martin, ISIS just a pretext", true},
      {"", "", "Hopefully Russia has the sense to ignore them. They need to take Aleppo", false},
      {"Mikhas", "", "The concern Kerry feels for his blood soaked cuttroath merc\u00b4s is",
       false},
      {"aliin", "The SPutin Image", "The SPutin Image, Nice One, i liked it.", true},
      {"aliin", "sophm0e38",
       "sophm0e38, the US just wants to capture as much land they can in Syria to take it under "
       "control because of the resources.",
       true},
      {"teddy j", "",
       "MEMO to russia and Mister Lavrov -- with all due and HIGHEST respect..\n\n"
       "KERRY NEVER was your partner.\n"
       "russia NEEDS to disabuse itself of the notion that the USA CAN be ''talked to\".\n\n"
       "dialogues are only ways for the US to either buy time and 'come back' to its obsession "
       "of domination and subterfuge.\n\n"
       "it is TIME to OPENLY charge the USA with providing evidence or shut up and then present "
       "every evidence of US criminality -- give IT AN ULTIMATUM to get out of syria or "
       "countries it ILLEGALLY occupies -- ..and then let it take the consequences to its "
       "soldiers, personnel, armaments, etc...it is the only thing the USA understands. force.",
       true},
      {"", "", "Apparently the strip dance of words given by Samantha P. at the UNSC", false},
      {"", "",
       "Russia needs to:\n\n"
       "1. Stop listening to the US. They are just stalling for time\n"
       "2. Stop explaining itself. It is unnecessary\n"
       "3. Stop talking to Hairy Kerry. It is a waste of time\n"
       "4. Make deals with every group/militia/outfit in Syria that is willing to help you "
       "fight the jihadists, especially with the Kurds. Then arm and advise them\n"
       "5. Bring in more equipment and intensify the terrorist fumigation process\n"
       "6. Ignore the raving of Ugly Duckling Samantha Power at the UN. Don't even show up for "
       "any special sessions organized by US\n"
       "7. Do not fall for any reconciliation BS trickery by US/NATO members. This will only "
       "weaken Russia's strategic position, as it has with Turkey\n"
       "8. Repeat, repeat, and repeat steps 1-8 until victory",
       true},
      {"", "", "Wonder why Americans tolerate this stupid Govt, and they supposed", false},
      {"", "", "The Usa have in 5 years of time murder more as 200.000 persons !!!", false},
      {"", "", "Sounds to me like the US are trying to carve out a buffer zone", false},
      {"", "", "It seems that every time when the democratic secular forces in Syria", false},
      {"FlorianGeyer", "", "Today we hear that US Manpads and other lethal weapons will be", false},
      {"", "", "Whst good if one team want a piece of the pie while the other want", false},
      {"", "", "John Kerry used to kill vietnamese civilians, men women and children", false},
      {"Erik Trete", "",
       "Is not East Aleppo primarily held by al-Nusra front which is NOT part of the cease fire "
       "agreement? So why is Kerry worrying about the fate of this Al-Qaeda affiliate?",
       true},
      {"Ibrahim Ahmad", "",
       "To me, I think USA can\u2019t effort taking situation with Russia to the direct crushing "
       "with Russian forces.\n\nUSA has failed",
       false},
      {"Hermes", "",
       "What Kerry is really affraid of and what will happen is that Russia and Syria will no "
       "longer distinguish between terrorists and US/NATO/Israeli personel on the scene and "
       "will just start neutralizing the lot of them.\n"
       "Perhaps we''ll see these S-400 missiles in action shortly.",
       true},
  };
  const Article article = read_page(fixture_text());
  ASSERT_EQ(article.comments.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE("comment " + std::to_string(i + 1));
    const Comment& comment = article.comments[i];
    EXPECT_EQ(comment.position, static_cast<int>(i) + 1);
    EXPECT_EQ(comment.author, expected[i].author);
    EXPECT_EQ(comment.in_reply_to, expected[i].in_reply_to);
    if (expected[i].whole) {
      EXPECT_EQ(comment.text, expected[i].text);
    } else {
      ASSERT_GE(expected[i].text.size(), 40u);
      EXPECT_EQ(comment.text.substr(0, expected[i].text.size()), expected[i].text);
    }
  }
  EXPECT_TRUE(article.comments[18].text.ends_with("who\u2019s the supposed one will be blamed?!"));
}

TEST(PageReader, WindowsLineEndsGiveTheSameArticle) {
  const std::string text = fixture_text();
  std::string windows;
  for (const char c : text) {
    if (c == '\n') {
      windows += '\r';
    }
    windows += c;
  }
  ASSERT_NE(windows, text);
  EXPECT_EQ(read_page(windows), read_page(text));
}

TEST(PageReader, UnindentedLinesGiveTheSameArticle) {
  std::istringstream in(fixture_text());
  std::string unindented;
  for (std::string line; std::getline(in, line);) {
    unindented += line.substr(std::min(line.find_first_not_of(' '), line.size())) + "\n";
  }
  ASSERT_EQ(unindented.find("\n "), std::string::npos);
  EXPECT_EQ(read_page(unindented), read_page(fixture_text()));
}

TEST(PageReader, ReadsDatelineVariants) {
  struct Row {
    std::string input;
    DateTime expected;
  };
  const auto at = [](int year, int month, int day, int hour, int minute, int offset) {
    return DateTime{.year = year,
                    .month = month,
                    .day = day,
                    .hour = hour,
                    .minute = minute,
                    .has_time = true,
                    .utc_offset_minutes = offset};
  };
  const std::vector<Row> rows = {
      {"04:44 GMT +320 February 2017", at(2017, 2, 20, 4, 44, 180)},
      {"04:44 GMT +3 20 February 2017", at(2017, 2, 20, 4, 44, 180)},
      {"04:44 GMT+320 feb 2017", at(2017, 2, 20, 4, 44, 180)},
      {"04:44 GMT 20 February 2017", at(2017, 2, 20, 4, 44, 0)},
      {"04:44 GMT 5 May 2017", at(2017, 5, 5, 4, 44, 0)},
      {"23:05 GMT -55 March 2018", at(2018, 3, 5, 23, 5, -300)},
      {"23:05 GMT -5 5 Mar 2018", at(2018, 3, 5, 23, 5, -300)},
      {"9:30 GMT +5:3001 Jan 2019", at(2019, 1, 1, 9, 30, 330)},
      {"9:30 GMT +5:30 1 January 2019", at(2019, 1, 1, 9, 30, 330)},
      {"12:00 GMT +1012 Sep 2016", at(2016, 9, 12, 12, 0, 600)},
      {"12:00 GMT +112 Sep 2016", at(2016, 9, 12, 12, 0, 60)},
      {"12:00 GMT +132 Sep 2016", at(2016, 9, 2, 12, 0, 780)},
      {"00:00 UTC 29 February 2016", at(2016, 2, 29, 0, 0, 0)},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.input);
    const Article article = read_page(row.input + "\n    A headline\n");
    ASSERT_TRUE(article.published.has_value());
    EXPECT_EQ(*article.published, row.expected);
    EXPECT_EQ(article.title, "A headline");
  }
}

TEST(PageReader, FirstLineMustBeADateline) {
  struct Row {
    std::string input;
    std::string error;
  };
  const std::string expected = "expected a dateline such as '04:44 GMT +3 20 February 2017', ";
  const std::vector<Row> rows = {
      {"Breaking news\nTitle\n", "page.txt:1: " + expected + "found 'Breaking news'"},
      {"\n  \r\n    Breaking news\n", "page.txt:3: " + expected + "found 'Breaking news'"},
      {"04:44 GMT +3 31 February 2017\nTitle\n",
       "page.txt:1: " + expected + "found '04:44 GMT +3 31 February 2017'"},
      {"25:00 GMT 1 May 2017\nTitle\n", "page.txt:1: " + expected + "found '25:00 GMT 1 May 2017'"},
      {"04:44 GMT +320 Febtober 2017\n",
       "page.txt:1: " + expected + "found '04:44 GMT +320 Febtober 2017'"},
      {"04:44 EST 20 February 2017\n",
       "page.txt:1: " + expected + "found '04:44 EST 20 February 2017'"},
      {"04:44 GMT +3February 2017\n",
       "page.txt:1: " + expected + "found '04:44 GMT +3February 2017'"},
      {"04:44 GMT +1520 February 2017\n",
       "page.txt:1: " + expected + "found '04:44 GMT +1520 February 2017'"},
      {"04:44 GMT +320 February 2017 Moscow\n",
       "page.txt:1: " + expected + "found '04:44 GMT +320 February 2017 Moscow'"},
      {std::string(100, 'x') + "\n",
       "page.txt:1: " + expected + "found '" + std::string(77, 'x') + "...'"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.input);
    EXPECT_EQ(error_of(row.input), row.error);
  }
}

TEST(PageReader, EmptyPageIsAnError) {
  for (const std::string input : {"", "\n", "   \r\n\t\n    \n"}) {
    SCOPED_TRACE(input);
    EXPECT_EQ(error_of(input), "page.txt: the page is empty");
  }
}

TEST(PageReader, InvalidUtf8NamesTheLine) {
  EXPECT_EQ(error_of("04:44 GMT +320 February 2017\n    Caf\xE9 owners protest\n"),
            "page.txt:2: invalid UTF-8 at byte 8 of the line (0xe9); save the page as UTF-8, "
            "e.g. with iconv -f windows-1252 -t utf-8");
}

TEST(PageReader, MissingHeadlineIsAnError) {
  const std::string error =
      "page.txt:1: no headline after the dateline; a page gives the photo caption (if any) and "
      "then the headline on the lines after its dateline";
  EXPECT_EQ(error_of("04:44 GMT +320 February 2017\n"), error);
  EXPECT_EQ(error_of("04:44 GMT +320 February 2017\n\n    \u00a9 AFP\n    Get short URL\n"), error);
}

TEST(PageReader, OversizedPageIsAnError) {
  const std::string page = "04:44 GMT +320 February 2017\nTitle\n\n" +
                           std::string(PageReader::kMaxPageBytes, 'x') + "\n";
  EXPECT_EQ(error_of(page),
            "page.txt: the page is larger than 8 MiB; a scraped page holds one article with its "
            "comments: is this the right file?");
}

TEST(PageReader, BrokenFixtureWithoutDatelineIsAnError) {
  const auto path = morgue::testing::test_data_path("broken/page-no-dateline.txt");
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << path;
  PageReader reader(in, "data/broken/page-no-dateline.txt");
  try {
    reader.next();
    FAIL() << "expected an InputError";
  } catch (const InputError& error) {
    EXPECT_EQ(std::string(error.what()),
              "data/broken/page-no-dateline.txt:1: expected a dateline such as '04:44 GMT +3 20 "
              "February 2017', found 'US Threatens to Suspend Engagement With Russia in Syria "
              "Over Aleppo Situation'");
    EXPECT_EQ(error.record_number(), 1u);
  }
  EXPECT_FALSE(reader.next().has_value());
}

TEST(PageReader, PageWithoutPhotoAgencyOrComments) {
  const Article article = read_page(
      "04:44 GMT 20 Feb 2017\n"
      "Headline only\n"
      "\n"
      "First paragraph.\n"
      "\n"
      "MOSCOW, in February (a guess) \u2014 not an agency dateline.\n"
      "\n"
      "\n"
      "Related one\n"
      "Syria, Russia\n");
  EXPECT_EQ(article.title, "Headline only");
  EXPECT_EQ(article.photo_caption, "");
  EXPECT_EQ(article.photo_credit, "");
  EXPECT_EQ(article.body,
            "First paragraph.\n\nMOSCOW, in February (a guess) \u2014 not an agency dateline.");
  EXPECT_EQ(article.site, "");
  EXPECT_EQ(article.related_headlines, std::vector<std::string>{"Related one"});
  EXPECT_EQ(article.tags, (std::vector<std::string>{"Syria", "Russia"}));
  EXPECT_TRUE(article.comments.empty());
}

TEST(PageReader, LastParagraphIsBodyUnlessItReadsAsTags) {
  const Article with_tags =
      read_page("04:44 GMT 20 Feb 2017\nTitle\n\nBody paragraph.\n\nceasefire, Syria\n");
  EXPECT_EQ(with_tags.body, "Body paragraph.");
  EXPECT_EQ(with_tags.tags, (std::vector<std::string>{"ceasefire", "Syria"}));

  const Article without_tags = read_page(
      "04:44 GMT 20 Feb 2017\nTitle\n\nBody paragraph.\n\nFighting, shelling and fear.\n");
  EXPECT_EQ(without_tags.body, "Body paragraph.\n\nFighting, shelling and fear.");
  EXPECT_TRUE(without_tags.tags.empty());
  EXPECT_TRUE(without_tags.related_headlines.empty());
}

TEST(PageReader, CommentAuthorLines) {
  struct Row {
    std::string bullet;
    std::string comment;
    std::string author;
    std::string in_reply_to;
    std::string text;
  };
  const std::string avatar = "\xE2\x80\xA2 avatar";
  const std::vector<Row> rows = {
      {avatar, "teddy j\nMEMO to russia", "teddy j", "", "MEMO to russia"},
      {avatar, "  Erik Trete\r\n  Is not East Aleppo held?", "Erik Trete", "",
       "Is not East Aleppo held?"},
      {avatar, "Russia needs to:\n\n1. Stop", "", "", "Russia needs to:\n\n1. Stop"},
      {avatar, "Russia needs to:\n1. Stop", "", "", "Russia needs to:\n1. Stop"},
      {avatar, "Erik Trete", "", "", "Erik Trete"},
      {avatar, "Agreed\n\nMore text", "", "", "Agreed\n\nMore text"},
      {avatar, "Agreed.\nMore text", "", "", "Agreed.\nMore text"},
      {avatar, "four words in here\nMore text", "", "", "four words in here\nMore text"},
      {avatar, "Abcdefghijklmnopqrstuvwxyzabcdef\nMore text", "", "",
       "Abcdefghijklmnopqrstuvwxyzabcdef\nMore text"},
      {avatar, "chrrevin reply toThe SPutin Image(Show commentHide comment)\nHi", "chrrevin",
       "The SPutin Image", "Hi"},
      {"\xE2\x80\xA2 Mikhas", "Short line\nMore text", "Mikhas", "", "Short line\nMore text"},
      {"\xE2\x80\xA2 Mikhas", "\n  First.  \n\n\n  Second.  \n\n", "Mikhas", "",
       "First.\n\nSecond."},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.bullet + "|" + row.comment);
    const Article article = read_page(page_with_comment(row.bullet, row.comment));
    ASSERT_EQ(article.comments.size(), 1u);
    EXPECT_EQ(article.comments[0].author, row.author);
    EXPECT_EQ(article.comments[0].in_reply_to, row.in_reply_to);
    EXPECT_EQ(article.comments[0].text, row.text);
    EXPECT_EQ(article.comments[0].position, 1);
  }
}

TEST(PageReader, CommentSectionOpensWithLatinOrCyrillicC) {
  for (const std::string marker : {"\xE2\x80\xA2 Comment", "\xE2\x80\xA2 \u0421omment"}) {
    SCOPED_TRACE(marker);
    const Article article =
        read_page("04:44 GMT 20 Feb 2017\nTitle\n\nBody.\n\nSyria, Russia\n" + marker +
                  "\n\xE2\x80\xA2 Hermes\nFirst\n" + "\xE2\x80\xA2 avatar\nSecond\n");
    EXPECT_EQ(article.body, "Body.");
    EXPECT_EQ(article.tags, (std::vector<std::string>{"Syria", "Russia"}));
    ASSERT_EQ(article.comments.size(), 2u);
    EXPECT_EQ(article.comments[0], (Comment{"Hermes", "", "First", 1}));
    EXPECT_EQ(article.comments[1], (Comment{"", "", "Second", 2}));
  }
}

}  // namespace
}  // namespace morgue::indexer
