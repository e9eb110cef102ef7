#include "indexer/analyzer.h"

#include <fmt/format.h>
#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <morgue/error.h>

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

// Frees a UText opened over caller-owned bytes when the scope ends.
struct UTextCloser {
  UText* text;
  ~UTextCloser() { utext_close(text); }
};

}  // namespace

struct Analyzer::Impl {
  std::unique_ptr<icu::BreakIterator> words;
  const icu::Normalizer2* nfkc_casefold = nullptr;

  // ASCII needs only lower-casing (NFKC leaves it alone); it is most of the text in most
  // archives, so it skips the UTF-16 round trip.
  std::string fold(std::string_view word) const {
    std::string out;
    if (is_ascii(word)) {
      out.assign(word);
      for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
          c = static_cast<char>(c - 'A' + 'a');
        }
      }
      return out;
    }
    const auto source = icu::UnicodeString::fromUTF8(
        icu::StringPiece(word.data(), static_cast<std::int32_t>(word.size())));
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString folded = nfkc_casefold->normalize(source, status);
    check_icu(status, "normalize text");
    folded.toUTF8String(out);
    return out;
  }
};

Analyzer::Analyzer() : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  check_icu(status, "create a word break iterator");
  impl_->nfkc_casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  check_icu(status, "load NFKC case folding");
}

Analyzer::~Analyzer() = default;

std::vector<Token> Analyzer::tokenize(std::string_view text) const {
  std::vector<Token> tokens;
  UErrorCode status = U_ZERO_ERROR;
  // Over UTF-8 text the break iterator's offsets are byte offsets, which snippets need.
  UTextCloser utext{
      utext_openUTF8(nullptr, text.data(), static_cast<std::int64_t>(text.size()), &status)};
  check_icu(status, "open text for word breaking");
  icu::BreakIterator& words = *impl_->words;
  words.setText(utext.text, status);
  check_icu(status, "set text for word breaking");
  std::int32_t begin = words.first();
  for (std::int32_t end = words.next(); end != icu::BreakIterator::DONE;
       begin = end, end = words.next()) {
    // Rule status below UBRK_WORD_NUMBER marks spaces and punctuation.
    if (words.getRuleStatus() < UBRK_WORD_NUMBER) {
      continue;
    }
    const auto word =
        text.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin));
    std::string term = impl_->fold(word);
    if (term.empty() || term.size() > kMaxWordBytes) {
      continue;
    }
    tokens.push_back(
        Token{std::move(term), static_cast<std::size_t>(begin), static_cast<std::size_t>(end)});
  }
  // The iterator must not keep pointing at the caller's bytes.
  words.setText(icu::UnicodeString());
  return tokens;
}

std::string Analyzer::normalize(std::string_view text) const {
  const std::string folded = impl_->fold(text);
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

}  // namespace morgue::indexer
