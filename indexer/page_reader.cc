#include "indexer/page_reader.h"

#include <array>
#include <chrono>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include <morgue/error.h>

#include "indexer/utf8.h"

namespace morgue::indexer {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr std::string_view kNoBreakSpace = "\xC2\xA0";
constexpr std::string_view kBullet = "\xE2\x80\xA2";             // •
constexpr std::string_view kCopyright = "\xC2\xA9";              // ©
constexpr std::string_view kEmDash = "\xE2\x80\x94";             // —
constexpr std::string_view kEnDash = "\xE2\x80\x93";             // –
constexpr std::string_view kCyrillicComment = "\xD0\xA1omment";  // "Сomment" with a Cyrillic С
constexpr std::string_view kDatelineExample = "04:44 GMT +3 20 February 2017";
constexpr std::string_view kAnonymous = "avatar";
constexpr std::string_view kReplyMarker = " reply to";
constexpr std::string_view kReplySuffix = "(Show commentHide comment)";
constexpr std::array<std::string_view, 12> kMonthNames = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
// The photo credit and "Get short URL" close the header within its first few lines; looking
// further would take a body paragraph starting with © for the credit.
constexpr std::size_t kMaxHeaderLines = 5;
// Error messages quote at most this many bytes of a line.
constexpr std::size_t kMaxQuotedBytes = 80;
// The longest commenter name shown on a line of its own, in characters (Unicode code points).
constexpr std::size_t kMaxNameCharacters = 30;
constexpr std::size_t kMaxNameWords = 3;
constexpr std::size_t kMaxTagWords = 5;
constexpr std::size_t kMaxAgencyBytes = 40;

/// One line of the page, trimmed; blank lines stay, as empty text (they separate paragraphs).
struct Line {
  std::size_t number = 0;  ///< 1-based, as an editor shows it
  std::string text;
};

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

/// `text` without leading white space (ASCII white space and no-break spaces).
std::string_view trim_front(std::string_view text) {
  for (;;) {
    if (!text.empty() && is_ascii_space(text.front())) {
      text.remove_prefix(1);
    } else if (text.starts_with(kNoBreakSpace)) {
      text.remove_prefix(kNoBreakSpace.size());
    } else {
      return text;
    }
  }
}

/// `text` without leading and trailing white space (ASCII white space and no-break spaces).
std::string_view trim(std::string_view text) {
  text = trim_front(text);
  for (;;) {
    if (!text.empty() && is_ascii_space(text.back())) {
      text.remove_suffix(1);
    } else if (text.ends_with(kNoBreakSpace)) {
      text.remove_suffix(kNoBreakSpace.size());
    } else {
      return text;
    }
  }
}

std::size_t count_characters(std::string_view text) {
  std::size_t characters = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++characters;
    }
  }
  return characters;
}

std::size_t count_words(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (const char c : text) {
    if (c == ' ') {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      ++words;
    }
  }
  return words;
}

/// `text` shortened for an error message, cut between two UTF-8 characters.
std::string quoted(std::string_view text) {
  if (text.size() <= kMaxQuotedBytes) {
    return std::string(text);
  }
  std::size_t cut = kMaxQuotedBytes - 3;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return std::string(text.substr(0, cut)) + "...";
}

/// The paragraphs of `lines`: runs of non-blank lines, each run's lines joined by "\n".
std::vector<std::string> paragraphs_of(std::span<const Line> lines) {
  std::vector<std::string> paragraphs;
  bool in_paragraph = false;
  for (const Line& line : lines) {
    if (line.text.empty()) {
      in_paragraph = false;
    } else if (in_paragraph) {
      paragraphs.back() += '\n';
      paragraphs.back() += line.text;
    } else {
      paragraphs.push_back(line.text);
      in_paragraph = true;
    }
  }
  return paragraphs;
}

std::string join(std::span<const std::string> parts, std::string_view separator) {
  std::string joined;
  for (const std::string& part : parts) {
    if (!joined.empty()) {
      joined += separator;
    }
    joined += part;
  }
  return joined;
}

/// Reads the whole page as lines ending in "\n" (a "\r" before it is trimmed with the rest of
/// the white space). Throws when the page is too big or a line is not UTF-8.
std::vector<Line> read_lines(std::istream& in, const std::string& file_name) {
  std::vector<Line> lines;
  std::streambuf* buffer = in.rdbuf();
  if (buffer == nullptr) {
    return lines;
  }
  using Traits = std::streambuf::traits_type;
  std::size_t page_bytes = 0;
  std::string raw;
  bool at_end = false;
  while (!at_end) {
    raw.clear();
    for (;;) {
      const Traits::int_type c = buffer->sbumpc();
      if (Traits::eq_int_type(c, Traits::eof())) {
        at_end = true;
        break;
      }
      if (++page_bytes > PageReader::kMaxPageBytes) {
        throw InputError(file_name, 0,
                         fmt::format("the page is larger than {} MiB; a scraped page holds one "
                                     "article with its comments: is this the right file?",
                                     PageReader::kMaxPageBytes >> 20));
      }
      if (Traits::to_char_type(c) == '\n') {
        break;
      }
      raw.push_back(Traits::to_char_type(c));
    }
    if (at_end && raw.empty()) {
      break;
    }
    const std::size_t number = lines.size() + 1;
    if (const auto bad = find_invalid_utf8(raw)) {
      throw InputError(file_name, number,
                       fmt::format("invalid UTF-8 at byte {} of the line (0x{:02x}); save the "
                                   "page as UTF-8, e.g. with iconv -f windows-1252 -t utf-8",
                                   *bad + 1, static_cast<unsigned char>(raw[*bad])));
    }
    std::string_view text = raw;
    if (number == 1 && text.starts_with(kByteOrderMark)) {
      text.remove_prefix(kByteOrderMark.size());
    }
    lines.push_back(Line{number, std::string(trim(text))});
  }
  in.setstate(std::ios::eofbit);
  return lines;
}

/// Reads a dateline piece by piece.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : rest_(text) {}

  bool at_end() const { return rest_.empty(); }

  /// Skips spaces (also no-break spaces); true if there were any.
  bool skip_spaces() {
    const std::size_t before = rest_.size();
    rest_ = trim_front(rest_);
    return rest_.size() != before;
  }

  /// Whether an ASCII digit comes next.
  bool at_digit() const { return !rest_.empty() && rest_.front() >= '0' && rest_.front() <= '9'; }

  /// Takes `c` if it comes next.
  bool take(char c) {
    if (rest_.empty() || rest_.front() != c) {
      return false;
    }
    rest_.remove_prefix(1);
    return true;
  }

  /// Takes the ASCII digits that come next; empty if none.
  std::string_view take_digits() {
    return take_while([](char c) { return c >= '0' && c <= '9'; });
  }

  /// Takes the ASCII letters that come next; empty if none.
  std::string_view take_letters() {
    return take_while([](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
  }

 private:
  template <typename Predicate>
  std::string_view take_while(Predicate predicate) {
    std::size_t length = 0;
    while (length < rest_.size() && predicate(rest_[length])) {
      ++length;
    }
    const std::string_view taken = rest_.substr(0, length);
    rest_.remove_prefix(length);
    return taken;
  }

  std::string_view rest_;
};

/// The value of at most a few ASCII digits; 0 for none.
int number_of(std::string_view digits) {
  int value = 0;
  for (const char c : digits) {
    value = value * 10 + (c - '0');
  }
  return value;
}

bool equals_ignoring_case(std::string_view text, std::string_view lower_case) {
  if (text.size() != lower_case.size()) {
    return false;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c =
        text[i] >= 'A' && text[i] <= 'Z' ? static_cast<char>(text[i] - 'A' + 'a') : text[i];
    if (c != lower_case[i]) {
      return false;
    }
  }
  return true;
}

/// 1..12 for an English month name, full or its first three letters, in any case.
std::optional<int> month_number(std::string_view name) {
  for (std::size_t i = 0; i < kMonthNames.size(); ++i) {
    if (equals_ignoring_case(name, kMonthNames[i]) ||
        (name.size() == 3 && equals_ignoring_case(name, kMonthNames[i].substr(0, 3)))) {
      return static_cast<int>(i) + 1;
    }
  }
  return std::nullopt;
}

// The page glues the zone to the day ("GMT +320 February" is UTC+3 on the 20th), so the digits
// after the sign hold the offset hours, then the day. The day takes the last two digits when
// they name a day 1..31 and one or two digits are left for the hours, else the last digit:
// "+320" is +3 on the 20th, "+1012" +10 on the 12th, "+35" +3 on the 5th, "+132" +13 on the
// 2nd. "+112" is read as +1 on the 12th: a page meaning +11 on the 2nd cannot be told apart.
// Minutes of an offset always have two digits, so "+5:3020" is +5:30 on the 20th.
/// How many of the glued `digits` are the day; 0 when they cannot be split.
std::size_t day_digits_in(std::string_view digits) {
  if (digits.size() < 2 || digits.size() > 4) {
    return 0;
  }
  if (digits.size() == 2) {
    return 1;
  }
  const int two_digit_day = number_of(digits.substr(digits.size() - 2));
  if (digits.size() == 3 && (two_digit_day < 1 || two_digit_day > 31)) {
    return 1;
  }
  return 2;
}

/// Reads a dateline: "HH:MM GMT[ SIGN HOURS[:MM]]DAY MONTH YEAR", with the offset glued to
/// the day or apart from it ("04:44 GMT +320 February 2017", "04:44 GMT +3 20 February 2017",
/// "04:44 GMT 20 Feb 2017", "23:05 GMT -55 March 2018", "09:30 GMT +5:3001 Jan 2019").
/// A missing offset means UTC; an offset needs its sign. UTC is accepted for GMT.
std::optional<DateTime> parse_dateline(std::string_view text) {
  Scanner scan(text);
  DateTime date;
  date.has_time = true;
  const std::string_view hour = scan.take_digits();
  if (hour.empty() || hour.size() > 2 || !scan.take(':')) {
    return std::nullopt;
  }
  const std::string_view minute = scan.take_digits();
  if (minute.size() != 2) {
    return std::nullopt;
  }
  scan.skip_spaces();
  const std::string_view zone = scan.take_letters();
  if (!equals_ignoring_case(zone, "gmt") && !equals_ignoring_case(zone, "utc")) {
    return std::nullopt;
  }
  scan.skip_spaces();
  int sign = 0;
  if (scan.take('+')) {
    sign = 1;
  } else if (scan.take('-')) {
    sign = -1;
  }
  std::string_view day;
  date.utc_offset_minutes = 0;
  if (sign != 0) {
    std::string_view offset_hours = scan.take_digits();
    std::string_view offset_minutes;
    if (scan.take(':')) {
      const std::string_view rest = scan.take_digits();
      if (rest.size() < 2) {
        return std::nullopt;
      }
      offset_minutes = rest.substr(0, 2);
      day = rest.substr(2);
    } else if (scan.skip_spaces(); !scan.at_digit()) {
      const std::size_t day_size = day_digits_in(offset_hours);
      if (day_size == 0) {
        return std::nullopt;
      }
      day = offset_hours.substr(offset_hours.size() - day_size);
      offset_hours.remove_suffix(day_size);
    }
    if (offset_hours.empty() || offset_hours.size() > 2 || number_of(offset_hours) > 14 ||
        number_of(offset_minutes) > 59) {
      return std::nullopt;
    }
    date.utc_offset_minutes = sign * (number_of(offset_hours) * 60 + number_of(offset_minutes));
  }
  if (day.empty()) {
    scan.skip_spaces();
    day = scan.take_digits();
  }
  if (day.empty() || day.size() > 2) {
    return std::nullopt;
  }
  scan.skip_spaces();
  const std::optional<int> month = month_number(scan.take_letters());
  if (!month || !scan.skip_spaces()) {
    return std::nullopt;
  }
  const std::string_view year = scan.take_digits();
  scan.skip_spaces();
  if (year.size() != 4 || !scan.at_end()) {
    return std::nullopt;
  }
  date.year = number_of(year);
  date.month = *month;
  date.day = number_of(day);
  date.hour = number_of(hour);
  date.minute = number_of(minute);
  const std::chrono::year_month_day calendar_date{std::chrono::year{date.year},
                                                  std::chrono::month{unsigned(date.month)},
                                                  std::chrono::day{unsigned(date.day)}};
  if (!calendar_date.ok() || date.hour > 23 || date.minute > 59) {
    return std::nullopt;
  }
  return date;
}

bool is_bullet(std::string_view line) { return line.starts_with(kBullet); }

/// The text after the bullet of "• NAME", trimmed.
std::string_view bullet_text(std::string_view line) { return trim(line.substr(kBullet.size())); }

/// "• Сomment" (Cyrillic С as Sputnik writes it, or Latin C) opens the comment section.
bool is_comment_marker(std::string_view line) {
  if (!is_bullet(line)) {
    return false;
  }
  const std::string_view text = bullet_text(line);
  return text == kCyrillicComment || text == "Comment";
}

bool is_page_end(std::string_view line) { return line.starts_with("Show new comments"); }

/// The boilerplate and the comment section that follow the article's tag line.
bool ends_article(std::string_view line) {
  return line.starts_with("Community standards") || line.starts_with("Comment via Facebook") ||
         is_comment_marker(line) || is_page_end(line);
}

/// The header between the dateline and the body.
struct Header {
  std::string photo_caption;
  std::string title;  ///< empty when the page has no headline
  std::string photo_credit;
  std::size_t end = 0;  ///< index of the first line after the header
};

// The header is the caption and the headline, then the credit ("© AFP 2016/ TIMOTHY A. CLARY")
// and "Get short URL"; it ends with the last of these two within its first lines. A page
// without either has no photo: its first line is the headline.
Header parse_header(std::span<const Line> lines) {
  std::vector<std::size_t> candidates;
  for (std::size_t i = 0; i < lines.size() && candidates.size() < kMaxHeaderLines; ++i) {
    if (ends_article(lines[i].text)) {
      break;
    }
    if (!lines[i].text.empty()) {
      candidates.push_back(i);
    }
  }
  std::size_t header_lines = 0;
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    const std::string& text = lines[candidates[k]].text;
    if (text.starts_with(kCopyright) || text == "Get short URL") {
      header_lines = k + 1;
    }
  }
  if (header_lines == 0 && !candidates.empty()) {
    header_lines = 1;
  }
  Header header;
  std::vector<std::string> content;
  for (std::size_t k = 0; k < header_lines; ++k) {
    const std::string& text = lines[candidates[k]].text;
    if (text.starts_with(kCopyright)) {
      if (header.photo_credit.empty()) {
        header.photo_credit = text;
      }
    } else if (text != "Get short URL") {
      content.push_back(text);
    }
  }
  if (!content.empty()) {
    header.title = content.back();
    content.pop_back();
    header.photo_caption = join(content, "\n");
  }
  header.end = header_lines == 0 ? 0 : candidates[header_lines - 1] + 1;
  return header;
}

/// A tag line: comma-separated keywords ("ceasefire, John Kerry, Sergei Lavrov") of a few
/// words each, without sentence punctuation.
bool looks_like_tag_line(std::string_view line) {
  if (line.find(',') == std::string_view::npos) {
    return false;
  }
  while (!line.empty()) {
    const std::size_t comma = line.find(',');
    const std::string_view tag = trim(line.substr(0, comma));
    if (tag.empty() || count_words(tag) > kMaxTagWords ||
        tag.find_first_of(".!?:;\"") != std::string_view::npos) {
      return false;
    }
    line = comma == std::string_view::npos ? std::string_view() : line.substr(comma + 1);
  }
  return true;
}

// After the body come the related headlines, one a line, and the tag line, with no blank line
// between them. Body paragraphs are one line each, separated by one blank line, so the last
// block of lines is that trailer when it has several lines, follows two blank lines (as in
// the sample), or reads as a tag line; otherwise the page has no trailer.
/// The index in `lines` (the lines after the header, up to the boilerplate) where the
/// related headlines and the tag line start; lines.size() when the page has none.
std::size_t trailer_begin(std::span<const Line> lines) {
  std::size_t end = lines.size();
  while (end > 0 && lines[end - 1].text.empty()) {
    --end;
  }
  std::size_t begin = end;
  while (begin > 0 && !lines[begin - 1].text.empty()) {
    --begin;
  }
  if (begin == end) {
    return lines.size();
  }
  std::size_t blank_lines_before = 0;
  while (begin > blank_lines_before && lines[begin - blank_lines_before - 1].text.empty()) {
    ++blank_lines_before;
  }
  if (end - begin >= 2 || blank_lines_before >= 2 || looks_like_tag_line(lines[end - 1].text)) {
    return begin;
  }
  return lines.size();
}

std::vector<std::string> split_tags(std::string_view line) {
  std::vector<std::string> tags;
  while (!line.empty()) {
    const std::size_t comma = line.find(',');
    const std::string_view tag = trim(line.substr(0, comma));
    if (!tag.empty()) {
      tags.emplace_back(tag);
    }
    line = comma == std::string_view::npos ? std::string_view() : line.substr(comma + 1);
  }
  return tags;
}

/// A city in capital letters: no lower-case ASCII letter, at least one upper-case one.
bool is_capitals(std::string_view city) {
  bool has_capital = false;
  for (const char c : city) {
    if (c >= 'a' && c <= 'z') {
      return false;
    }
    has_capital = has_capital || (c >= 'A' && c <= 'Z');
  }
  return has_capital;
}

/// The agency of a report's opening dateline "WASHINGTON (Sputnik) — According to ...": a
/// city in capitals, the agency in parentheses, then a dash. Empty when `paragraph` has none.
std::string agency_in(std::string_view paragraph) {
  const std::size_t open = paragraph.find('(');
  if (open == std::string_view::npos || open > kMaxAgencyBytes) {
    return "";
  }
  const std::size_t close = paragraph.find(')', open);
  if (close == std::string_view::npos || close - open - 1 > kMaxAgencyBytes) {
    return "";
  }
  const std::string_view city = trim(paragraph.substr(0, open));
  const std::string_view agency = trim(paragraph.substr(open + 1, close - open - 1));
  const std::string_view after = trim(paragraph.substr(close + 1));
  const bool dash =
      after.starts_with(kEmDash) || after.starts_with(kEnDash) || after.starts_with("-");
  if (!is_capitals(city) || agency.empty() || !dash) {
    return "";
  }
  return std::string(agency);
}

struct Reply {
  std::string author;
  std::string in_reply_to;
};

/// "NAME reply toOTHER(Show commentHide comment)": NAME answers OTHER.
std::optional<Reply> parse_reply_line(std::string_view line) {
  if (!line.ends_with(kReplySuffix)) {
    return std::nullopt;
  }
  line.remove_suffix(kReplySuffix.size());
  const std::size_t marker = line.find(kReplyMarker);
  if (marker == std::string_view::npos) {
    return std::nullopt;
  }
  Reply reply{std::string(trim(line.substr(0, marker))),
              std::string(trim(line.substr(marker + kReplyMarker.size())))};
  if (reply.author.empty() || reply.in_reply_to.empty()) {
    return std::nullopt;
  }
  return reply;
}

// Under "• avatar" a commenter's name may stand on a line of its own ("teddy j", "Erik Trete").
// A name is 1-3 words and at most 30 characters with no punctuation (so "Russia needs to:"
// and "Agreed." are text), and the comment's text goes on right below it on the next line. A
// short unpunctuated first line followed by more text ("Well said" + text) reads as a name.
bool looks_like_name(std::string_view line) {
  const std::size_t words = count_words(line);
  return words >= 1 && words <= kMaxNameWords && count_characters(line) <= kMaxNameCharacters &&
         line.find_first_of(".,:;!?\"()[]") == std::string_view::npos;
}

/// One comment: `shown_name` from its "• NAME" line, `lines` up to the next bullet.
Comment parse_comment(std::string_view shown_name, std::span<const Line> lines, int position) {
  Comment comment;
  comment.position = position;
  const bool anonymous = shown_name == kAnonymous;
  if (!anonymous) {
    comment.author = shown_name;
  }
  std::size_t first = 0;
  while (first < lines.size() && lines[first].text.empty()) {
    ++first;
  }
  if (first < lines.size()) {
    const std::string& text = lines[first].text;
    if (auto reply = parse_reply_line(text)) {
      if (comment.author.empty()) {
        comment.author = std::move(reply->author);
      }
      comment.in_reply_to = std::move(reply->in_reply_to);
      ++first;
    } else if (anonymous && first + 1 < lines.size() && !lines[first + 1].text.empty() &&
               looks_like_name(text)) {
      comment.author = text;
      ++first;
    }
  }
  comment.text = join(paragraphs_of(lines.subspan(first)), "\n\n");
  return comment;
}

/// The comments in `lines` (after "• Сomment", up to "Show new comments"): each opens with a
/// bullet line, "• NAME" or "• avatar".
std::vector<Comment> parse_comments(std::span<const Line> lines) {
  std::vector<Comment> comments;
  std::size_t begin = 0;
  while (begin < lines.size() && !is_bullet(lines[begin].text)) {
    ++begin;
  }
  while (begin < lines.size()) {
    std::size_t end = begin + 1;
    while (end < lines.size() && !is_bullet(lines[end].text)) {
      ++end;
    }
    comments.push_back(parse_comment(bullet_text(lines[begin].text),
                                     lines.subspan(begin + 1, end - begin - 1),
                                     static_cast<int>(comments.size()) + 1));
    begin = end;
  }
  return comments;
}

Article parse_page(std::span<const Line> lines, const std::string& file_name) {
  std::size_t first = 0;
  while (first < lines.size() && lines[first].text.empty()) {
    ++first;
  }
  if (first == lines.size()) {
    throw InputError(file_name, 0, "the page is empty");
  }
  const Line& dateline = lines[first];
  Article article;
  article.published = parse_dateline(dateline.text);
  if (!article.published) {
    throw InputError(file_name, dateline.number,
                     fmt::format("expected a dateline such as '{}', found '{}'", kDatelineExample,
                                 quoted(dateline.text)));
  }
  article.date_source = "dateline";

  const std::span<const Line> after_dateline = lines.subspan(first + 1);
  Header header = parse_header(after_dateline);
  if (header.title.empty()) {
    throw InputError(file_name, dateline.number,
                     "no headline after the dateline; a page gives the photo caption (if any) "
                     "and then the headline on the lines after its dateline");
  }
  article.title = std::move(header.title);
  article.photo_caption = std::move(header.photo_caption);
  article.photo_credit = std::move(header.photo_credit);

  const std::span<const Line> after_header = after_dateline.subspan(header.end);
  std::size_t article_end = 0;
  while (article_end < after_header.size() && !ends_article(after_header[article_end].text)) {
    ++article_end;
  }
  const std::span<const Line> article_lines = after_header.first(article_end);
  const std::size_t trailer = trailer_begin(article_lines);
  const std::vector<std::string> body = paragraphs_of(article_lines.first(trailer));
  article.body = join(body, "\n\n");
  for (const std::string& paragraph : body) {
    article.site = agency_in(paragraph);
    if (!article.site.empty()) {
      break;
    }
  }
  for (std::size_t i = trailer; i < article_lines.size(); ++i) {
    const std::string& text = article_lines[i].text;
    if (text.empty()) {
      continue;
    }
    if (i + 1 == article_lines.size() || article_lines[i + 1].text.empty()) {
      article.tags = split_tags(text);
      break;
    }
    article.related_headlines.push_back(text);
  }

  const std::span<const Line> rest = after_header.subspan(article_end);
  std::size_t marker = 0;
  while (marker < rest.size() && !is_comment_marker(rest[marker].text) &&
         !is_page_end(rest[marker].text)) {
    ++marker;
  }
  if (marker < rest.size() && is_comment_marker(rest[marker].text)) {
    std::size_t end = marker + 1;
    while (end < rest.size() && !is_page_end(rest[end].text)) {
      ++end;
    }
    article.comments = parse_comments(rest.subspan(marker + 1, end - marker - 1));
  }
  return article;
}

}  // namespace

PageReader::PageReader(std::istream& in, std::string file_name)
    : in_(in), file_name_(std::move(file_name)) {}

std::optional<Article> PageReader::next() {
  if (done_) {
    return std::nullopt;
  }
  // One page is one record: after an error the page is skipped as a whole.
  done_ = true;
  const std::vector<Line> lines = read_lines(in_, file_name_);
  return parse_page(lines, file_name_);
}

}  // namespace morgue::indexer
