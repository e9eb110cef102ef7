#include "indexer/analyzer.h"

#include <cstdint>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>
#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <morgue/error.h>

#include "indexer/hash.h"
#include "indexer/stemmer.h"
#include "indexer/stop_words.h"
#include "indexer/text_units.h"

namespace morgue::indexer {

namespace {

void check_icu(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) {
    throw Error(fmt::format("ICU failed to {}: {}", what, u_errorName(status)));
  }
}

bool is_ascii(std::string_view text) {
  for (unsigned char c : text) {
    if (c >= 0x80) {
      return false;
    }
  }
  return true;
}

bool is_latin_or_greek(UChar32 c) {
  return (c >= 0xC0 && c < 0x250) || (c >= 0x370 && c < 0x400) || (c >= 0x1E00 && c < 0x2000);
}

bool is_combining_diacritic(UChar32 c) { return c >= 0x300 && c < 0x370; }

// Latin letters that Unicode does not decompose but readers type without their stroke.
const char* unstroked(UChar32 c) {
  switch (c) {
    case 0xE6:
      return "ae";
    case 0xF0:
    case 0x111:
      return "d";
    case 0xF8:
      return "o";
    case 0xFE:
      return "th";
    case 0x127:
      return "h";
    case 0x131:
      return "i";
    case 0x142:
      return "l";
    case 0x153:
      return "oe";
    default:
      return nullptr;
  }
}

// Arabic as searchers type it: without short vowels and tatweel, one alef, one yeh, and teh
// marbuta as heh (Lucene's ArabicNormalizer does the same). Returns 0 to drop the character.
UChar32 plain_arabic(UChar32 c) {
  if ((c >= 0x64B && c <= 0x65F) || c == 0x670 || c == 0x640) {
    return 0;
  }
  if (c == 0x622 || c == 0x623 || c == 0x625 || c == 0x671) {
    return 0x627;
  }
  if (c == 0x649) {
    return 0x64A;
  }
  if (c == 0x629) {
    return 0x647;
  }
  return c;
}

// A number whose digits are grouped in threes: "1,000,000", "200.000", "1'000".
bool is_grouped_number(std::string_view term) {
  std::size_t group = 0;
  bool separated = false;
  for (std::size_t i = 0; i < term.size(); ++i) {
    const char c = term[i];
    if (c >= '0' && c <= '9') {
      ++group;
      if (!separated && group > 3) {
        return false;
      }
      continue;
    }
    if ((c != ',' && c != '.' && c != '\'') || group == 0 || (separated && group != 3)) {
      return false;
    }
    separated = true;
    group = 0;
  }
  return separated && group == 3;
}

std::string digits_of(std::string_view term) {
  std::string out;
  for (char c : term) {
    if (c >= '0' && c <= '9') {
      out += c;
    }
  }
  return out;
}

// A term that fits Xapian: its first bytes (cut at a character boundary), '~' and a hash of
// the whole, so long URLs stay searchable and distinct.
std::string fit_term(std::string term) {
  if (term.size() <= Analyzer::kMaxWordBytes) {
    return term;
  }
  std::size_t cut = Analyzer::kMaxWordBytes - 17;
  while (cut > 0 && (static_cast<unsigned char>(term[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  std::string out = term.substr(0, cut);
  out += '~';
  out += hash_hex(term);
  return out;
}

bool is_hyphen(std::string_view between) {
  return between == "-" || between == "\u2010" || between == "\u2011";
}

// The text in UTF-16 for the break iterator, with the byte offset in the UTF-8 text of each
// UTF-16 unit (and one past the end), so that tokens keep byte offsets. ICU's word breaking
// walks UTF-16 directly but UTF-8 only through a UText that converts a few characters at a
// time and maps every boundary back: over the copy ICU ran 19% fewer instructions, and a
// top-10 search 2.4% fewer with the copying (docs/benchmarks.md). The offsets are left empty
// for ASCII text, where unit and byte offsets are the same. Invalid bytes become U+FFFD, as
// in ICU's UTF-8 UText; they are never words.
struct Utf16Text {
  std::vector<char16_t> units;
  std::vector<std::size_t> byte_offsets;

  explicit Utf16Text(std::string_view text) {
    units.reserve(text.size());
    if (is_ascii(text)) {
      units.assign(text.begin(), text.end());
      return;
    }
    byte_offsets.reserve(text.size() + 1);
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int64_t>(text.size());
    for (std::int64_t offset = 0; offset < length;) {
      const std::int64_t start = offset;
      UChar32 c;
      U8_NEXT(bytes, offset, length, c);
      if (c < 0) {
        c = 0xFFFD;
      }
      if (c <= 0xFFFF) {
        units.push_back(static_cast<char16_t>(c));
      } else {
        units.push_back(U16_LEAD(c));
        units.push_back(U16_TRAIL(c));
        byte_offsets.push_back(static_cast<std::size_t>(start));
      }
      byte_offsets.push_back(static_cast<std::size_t>(start));
    }
    byte_offsets.push_back(text.size());
  }

  // The byte offset of the UTF-16 unit at `unit` (a boundary, never inside a surrogate pair).
  std::size_t byte_at(std::int32_t unit) const {
    const auto index = static_cast<std::size_t>(unit);
    return byte_offsets.empty() ? index : byte_offsets[index];
  }
};

// Frees a UText opened over caller-owned bytes when the scope ends.
struct UTextCloser {
  UText* text;
  ~UTextCloser() { utext_close(text); }
};

bool is_han(UChar32 c) {
  return (c >= 0x3400 && c < 0xA000) || (c >= 0xF900 && c < 0xFB00) ||
         (c >= 0x20000 && c < 0x32000);
}

enum class CjkScript { kOther, kHan, kHiragana, kKatakana };

CjkScript cjk_script(UChar32 c) {
  if (is_han(c)) {
    return CjkScript::kHan;
  }
  if (c >= 0x3040 && c < 0x30A0) {
    return CjkScript::kHiragana;
  }
  if ((c >= 0x30A0 && c < 0x3100) || c == 0x30FC) {
    return CjkScript::kKatakana;
  }
  return CjkScript::kOther;
}

// The ideographs of a Chinese or Japanese word of several, and its runs of one script, each as
// a form of its own: the dictionary joins 個 into 一個 and 這個, and アメリカ into アメリカ大陸,
// and a search for 個 or アメリカ should still find them.
void add_cjk_parts(Token& token) {
  const std::string& term = token.term;
  const auto length = static_cast<std::int32_t>(term.size());
  if (length < 6) {
    return;  // one CJK character is three or four bytes: two are at least six
  }
  std::int32_t run_start = 0;
  CjkScript run_script = CjkScript::kOther;
  bool several_runs = false;
  std::vector<std::string> runs;
  for (std::int32_t offset = 0; offset < length;) {
    const std::int32_t start = offset;
    UChar32 c;
    U8_NEXT(term.data(), offset, length, c);
    const CjkScript script = cjk_script(c);
    if (script == CjkScript::kHan) {
      token.variants.emplace_back(term, static_cast<std::size_t>(start),
                                  static_cast<std::size_t>(offset - start));
    }
    if (script != run_script) {
      if (start > 0) {
        several_runs = true;
        runs.emplace_back(term, static_cast<std::size_t>(run_start),
                          static_cast<std::size_t>(start - run_start));
      }
      run_start = start;
      run_script = script;
    }
  }
  if (several_runs) {
    runs.emplace_back(term, static_cast<std::size_t>(run_start));
    for (auto& run : runs) {
      token.variants.push_back(std::move(run));
    }
  }
}

bool is_thai(std::string_view term) {
  // U+0E00..U+0E7F is E0 B8 80..E0 B9 BF in UTF-8.
  return term.size() >= 3 && static_cast<unsigned char>(term[0]) == 0xE0 &&
         (static_cast<unsigned char>(term[1]) == 0xB8 ||
          static_cast<unsigned char>(term[1]) == 0xB9);
}

// The other forms a word is found by (Token::variants).
void add_variants(Token& token, std::int32_t rule) {
  if (static_cast<unsigned char>(token.term.front()) >= 0xE3) {
    add_cjk_parts(token);  // lead bytes of U+3000 and above: kana, ideographs
    return;
  }
  if (const auto apostrophe = token.term.find('\''); apostrophe != std::string::npos) {
    const std::string_view term = token.term;
    const std::string_view before = term.substr(0, apostrophe);
    const std::string_view after = term.substr(apostrophe + 1);
    // A word of apostrophes and little else ("'", "'s", "@'") has empty parts, and Xapian
    // refuses an empty term (html_reader_fuzzer aborted morgue-index with "!@'@").
    const auto add = [&token](std::string_view variant) {
      if (!variant.empty()) {
        token.variants.emplace_back(variant);
      }
    };
    if (after == "s") {
      add(before);  // aleppo's → aleppo
    } else if (before.size() <= 2 || before == "qu") {
      add(after);  // l'état → état, d'Alep → alep
    }
    std::string without;
    for (char c : term) {
      if (c != '\'') {
        without += c;
      }
    }
    add(without);  // don't → dont
  }
  if (rule < UBRK_WORD_NUMBER_LIMIT && is_grouped_number(token.term)) {
    token.variants.push_back(digits_of(token.term));
  }
}

}  // namespace

struct Analyzer::Impl {
  std::unique_ptr<icu::BreakIterator> words;
  const icu::Normalizer2* nfkc_casefold = nullptr;
  const icu::Normalizer2* nfd = nullptr;
  Stemmer stemmer;
  std::unordered_map<std::string, std::unordered_set<std::string>> stop_words_by_language;

  // `word` folded into `term` (searchable) and `exact` (diacritics kept; empty when the same).
  // ASCII needs only lower-casing (NFKC leaves it alone); it is most of the text in most
  // archives, so it skips the UTF-16 round trip.
  void fold(std::string_view word, std::string& term, std::string& exact) const {
    exact.clear();
    term.clear();
    if (is_ascii(word)) {
      term.assign(word);
      for (char& c : term) {
        if (c >= 'A' && c <= 'Z') {
          c = static_cast<char>(c - 'A' + 'a');
        }
      }
      return;
    }
    const auto source = icu::UnicodeString::fromUTF8(
        icu::StringPiece(word.data(), static_cast<std::int32_t>(word.size())));
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString folded = nfkc_casefold->normalize(source, status);
    check_icu(status, "normalize text");
    icu::UnicodeString plain;
    bool changed = false;
    for (std::int32_t i = 0; i < folded.length();) {
      UChar32 c = folded.char32At(i);
      const std::int32_t length = U16_LENGTH(c);
      if (c == 0x2019 || c == 0x2018 || c == 0x2BC) {
        folded.replace(i, length, u'\'');  // one apostrophe for both forms
        c = '\'';
      }
      i += length;
      if (c < 0xC0) {
        plain.append(c);
        continue;
      }
      changed = true;  // assume so; compared below
      if (is_latin_or_greek(c)) {
        if (const char* replacement = unstroked(c)) {
          plain.append(icu::UnicodeString(replacement, -1, icu::UnicodeString::kInvariant));
          continue;
        }
        icu::UnicodeString decomposition;
        if (nfd->getDecomposition(c, decomposition)) {
          for (std::int32_t j = 0; j < decomposition.length();) {
            const UChar32 part = decomposition.char32At(j);
            j += U16_LENGTH(part);
            if (!is_combining_diacritic(part)) {
              plain.append(part);
            }
          }
          continue;
        }
      } else if (is_combining_diacritic(c)) {
        continue;
      } else if (c == 0x451) {
        c = 0x435;  // ё is written е in most Russian text
      } else if (c >= 0x600 && c < 0x700) {
        c = plain_arabic(c);
        if (c == 0) {
          continue;
        }
      }
      if (c < 0x3000) {
        if (const std::int32_t digit = u_charDigitValue(c); digit >= 0 && digit <= 9) {
          c = '0' + digit;
        }
      }
      plain.append(c);
    }
    plain.toUTF8String(term);
    if (changed && plain != folded) {
      folded.toUTF8String(exact);
    }
  }

  // Calls on_word(begin, end, rule) with the byte offsets and ICU rule status of each word of
  // `text` in order, until it returns false; a word holding '@' is given part by part (a part
  // may be empty).
  template <typename OnWord>
  void break_words(std::string_view text, OnWord on_word) const {
    UErrorCode status = U_ZERO_ERROR;
    const Utf16Text utf16(text);
    UTextCloser utext{utext_openUChars(nullptr, utf16.units.data(),
                                       static_cast<std::int64_t>(utf16.units.size()), &status)};
    check_icu(status, "open text for word breaking");
    words->setText(utext.text, status);
    check_icu(status, "set text for word breaking");
    std::int32_t unit_begin = words->first();
    bool go_on = true;
    for (std::int32_t unit_end = words->next(); go_on && unit_end != icu::BreakIterator::DONE;
         unit_begin = unit_end, unit_end = words->next()) {
      // Rule status below UBRK_WORD_NUMBER marks spaces and punctuation.
      const std::int32_t rule = words->getRuleStatus();
      if (rule < UBRK_WORD_NUMBER) {
        continue;
      }
      const std::size_t begin = utf16.byte_at(unit_begin);
      const std::size_t end = utf16.byte_at(unit_end);
      // ICU keeps "ann.lee@example.org" and "@handle" in one word; their parts are words too
      // (the whole is their unit).
      const std::string_view word = text.substr(begin, end - begin);
      std::size_t piece_begin = begin;
      for (std::size_t at = word.find('@'); go_on && at != std::string_view::npos;
           at = word.find('@', at + 1)) {
        go_on = on_word(piece_begin, begin + at, rule);
        piece_begin = begin + at + 1;
      }
      go_on = go_on && on_word(piece_begin, end, rule);
    }
    // The iterator must not keep pointing at the copy.
    words->setText(icu::UnicodeString());
  }

  // Whether a word whose folded form is `term` is kept (see Analyzer).
  static bool keeps(const std::string& term) {
    return !term.empty() && term.size() <= kMaxWordBytes;
  }

  std::string fold_term(std::string_view word) const {
    std::string term;
    std::string exact;
    fold(word, term, exact);
    return term;
  }

  std::string unit_term(std::string_view text, const TextUnit& unit) const {
    std::string_view bytes = text.substr(unit.begin, unit.end - unit.begin);
    if (unit.kind == UnitKind::kUrl) {
      bytes = url_identity(bytes);
    }
    return fit_term(fold_term(bytes));
  }

  const std::unordered_set<std::string>& stop_words(std::string_view language) {
    auto found = stop_words_by_language.find(std::string(language));
    if (found == stop_words_by_language.end()) {
      std::unordered_set<std::string> folded;
      for (std::string_view word : indexer::stop_words(language)) {
        folded.insert(fold_term(word));
      }
      found = stop_words_by_language.emplace(std::string(language), std::move(folded)).first;
    }
    return found->second;
  }
};

Analyzer::Analyzer() : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  check_icu(status, "create a word break iterator");
  impl_->nfkc_casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  check_icu(status, "load NFKC case folding");
  impl_->nfd = icu::Normalizer2::getNFDInstance(status);
  check_icu(status, "load NFD");
}

Analyzer::~Analyzer() = default;

std::vector<Token> Analyzer::tokenize(std::string_view text, Forms forms) const {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 6);  // about one word per six bytes in most scripts
  const bool all_forms = forms == Forms::kAll;
  const std::vector<TextUnit> units = all_forms ? find_text_units(text) : std::vector<TextUnit>();
  std::size_t next_unit = 0;
  std::string chain_joined;
  const auto add_word = [&](std::size_t word_begin, std::size_t word_end, std::int32_t rule) {
    if (word_begin == word_end) {
      return;
    }
    Token& token = tokens.emplace_back();
    impl_->fold(text.substr(word_begin, word_end - word_begin), token.term, token.exact);
    if (!Impl::keeps(token.term)) {
      tokens.pop_back();
      return;
    }
    if (token.exact.size() > kMaxWordBytes) {
      token.exact.clear();
    }
    token.begin = word_begin;
    token.end = word_end;
    if (!all_forms) {
      token.exact.clear();
      return;
    }

    add_variants(token, rule);

    const bool continues_chain = tokens.size() > 1 && tokens[tokens.size() - 2].end < word_begin &&
                                 is_hyphen(text.substr(tokens[tokens.size() - 2].end,
                                                       word_begin - tokens[tokens.size() - 2].end));
    if (continues_chain) {
      if (chain_joined.empty()) {
        chain_joined = tokens[tokens.size() - 2].term;
      }
      chain_joined += token.term;
      if (chain_joined.size() <= kMaxWordBytes) {
        token.joined = chain_joined;
      }
    } else {
      chain_joined.clear();
    }

    // Thai dictionaries disagree on compounds: รัฐบาล is one word alone and รัฐ|บาล before
    // โครยอ. Two Thai words written together are also found as one.
    if (tokens.size() > 1 && tokens[tokens.size() - 2].end == word_begin && is_thai(token.term) &&
        is_thai(tokens[tokens.size() - 2].term)) {
      token.variants.push_back(tokens[tokens.size() - 2].term + token.term);
    }

    while (next_unit < units.size() && units[next_unit].end <= word_begin) {
      ++next_unit;
    }
    if (next_unit < units.size() && units[next_unit].begin <= word_begin) {
      token.unit = impl_->unit_term(text, units[next_unit]);
      ++next_unit;  // the unit goes with its first word only
    }
  };
  impl_->break_words(text, [&](std::size_t begin, std::size_t end, std::int32_t rule) {
    add_word(begin, end, rule);
    return true;
  });
  return tokens;
}

void Analyzer::for_each_word(std::string_view text, const WordVisitor& visit) const {
  // One buffer for every word's term: no allocation per word.
  std::string term;
  std::string exact;
  impl_->break_words(text, [&](std::size_t begin, std::size_t end, std::int32_t) {
    if (begin == end) {
      return true;
    }
    impl_->fold(text.substr(begin, end - begin), term, exact);
    return !Impl::keeps(term) || visit(term, begin, end);
  });
}

std::string Analyzer::normalize(std::string_view text) const {
  std::string folded;
  if (is_ascii(text)) {
    folded = impl_->fold_term(text);
  } else {
    // Filter values keep their diacritics: "Tomás" is a name as written.
    const auto source = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
    UErrorCode status = U_ZERO_ERROR;
    impl_->nfkc_casefold->normalize(source, status).toUTF8String(folded);
    check_icu(status, "normalize text");
  }
  std::string out;
  out.reserve(folded.size());
  bool pending_space = false;
  const auto* bytes = folded.data();
  const auto length = static_cast<std::int32_t>(folded.size());
  for (std::int32_t offset = 0; offset < length;) {
    const std::int32_t start = offset;
    UChar32 c;
    U8_NEXT(bytes, offset, length, c);
    if (c >= 0 && u_isUWhiteSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) {
      out += ' ';
      pending_space = false;
    }
    out.append(bytes + start, static_cast<std::size_t>(offset - start));
  }
  return out;
}

const std::string& Analyzer::stem(std::string_view term, std::string_view language) const {
  return impl_->stemmer.stem(term, language);
}

bool Analyzer::stem_may_change_start(std::string_view term, std::string_view language) const {
  return impl_->stemmer.may_change_start(term, language);
}

bool Analyzer::is_stop_word(std::string_view term, std::string_view language) const {
  const std::string_view code = word_language(term, language);
  if (code.empty()) {
    return false;
  }
  return impl_->stop_words(code).contains(std::string(term));
}

DetectedLanguage Analyzer::detect_language(std::string_view text) const {
  return indexer::detect_language(text);
}

std::optional<std::string> Analyzer::unit_term(std::string_view text) const {
  const std::vector<TextUnit> units = find_text_units(text);
  if (units.size() != 1 || units.front().begin != 0 || units.front().end != text.size()) {
    return std::nullopt;
  }
  return impl_->unit_term(text, units.front());
}

}  // namespace morgue::indexer
