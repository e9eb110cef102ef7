#include "indexer/language_detector.h"

#include "indexer/utf8.h"

// CLD2's public header uses size_t and FILE without including what declares them.
#include <cstdio>
// (keep this include after <cstdio>)
#include <cld2/public/compact_lang_det.h>

namespace morgue::indexer {

DetectedLanguage detect_language(std::string_view text) {
  if (text.size() > kMaxDetectBytes) {
    // Cut at a character boundary so the cut does not read as invalid UTF-8.
    std::size_t cut = kMaxDetectBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    text = text.substr(0, cut);
  }
  if (find_invalid_utf8(text)) {
    return {};  // CLD2 reads only valid UTF-8
  }
  bool reliable = false;
  CLD2::Language top3[3];
  int percent3[3];
  int text_bytes = 0;
  const CLD2::Language language = CLD2::DetectLanguageSummary(
      text.data(), static_cast<int>(text.size()), true, top3, percent3, &text_bytes, &reliable);
  // With no letters at all CLD2 answers English; that is no answer.
  if (text_bytes == 0 || language == CLD2::UNKNOWN_LANGUAGE ||
      language == CLD2::TG_UNKNOWN_LANGUAGE) {
    return {};
  }
  return DetectedLanguage{CLD2::LanguageCode(language), reliable};
}

}  // namespace morgue::indexer
