#include "indexer/stop_words.h"

#include <array>
#include <string_view>

namespace morgue::indexer {

namespace {

// Short lists on purpose: only words so common that they say nothing about what an article is
// about. A word that can also carry meaning (English "us", "will", French "or") is left out.
constexpr std::string_view kEnglish[] = {
    "a",    "an",    "and",   "are",   "as",    "at",   "be",    "been", "but",  "by",   "for",
    "from", "had",   "has",   "have",  "he",    "her",  "his",   "i",    "in",   "into", "is",
    "it",   "its",   "of",    "on",    "or",    "she",  "so",    "than", "that", "the",  "their",
    "them", "then",  "there", "these", "they",  "this", "those", "to",   "was",  "were", "what",
    "when", "which", "who",   "with",  "would", "you",  "your"};
constexpr std::string_view kGerman[] = {
    "aber",  "als",   "am",   "an",   "auch", "auf",  "aus",   "bei", "bin",  "bis",   "das",
    "dass",  "dem",   "den",  "der",  "des",  "die",  "durch", "ein", "eine", "einem", "einen",
    "einer", "eines", "er",   "es",   "für",  "hat",  "ich",   "im",  "in",   "ist",   "mit",
    "nach",  "nicht", "noch", "oder", "sich", "sie",  "sind",  "so",  "über", "um",    "und",
    "vom",   "von",   "vor",  "war",  "wie",  "wird", "wurde", "zu",  "zum",  "zur"};
constexpr std::string_view kFrench[] = {
    "à",    "au", "aux",  "avec", "ce",   "ces", "dans", "de",  "des",  "du",  "elle", "en",
    "est",  "et", "il",   "ils",  "je",   "la",  "le",   "les", "leur", "lui", "mais", "me",
    "même", "ne", "nous", "on",   "ou",   "où",  "par",  "pas", "pour", "qu",  "que",  "qui",
    "sa",   "se", "ses",  "son",  "sont", "sur", "un",   "une", "vous"};
constexpr std::string_view kSpanish[] = {
    "a",   "al",  "como", "con", "de", "del", "el",  "en",  "es", "esta", "este", "fue",
    "ha",  "la",  "las",  "le",  "lo", "los", "más", "ni",  "no", "o",    "para", "pero",
    "por", "que", "se",   "sin", "su", "sus", "un",  "una", "y",  "ya"};
constexpr std::string_view kItalian[] = {"a",     "al", "alla", "che", "con", "da",  "dei",   "del",
                                         "della", "di", "e",    "è",   "gli", "ha",  "i",     "il",
                                         "in",    "la", "le",   "lo",  "ma",  "nel", "nella", "non",
                                         "per",   "si", "su",   "un",  "una", "uno"};
constexpr std::string_view kPortuguese[] = {
    "a",  "ao",  "as", "com", "da", "das",  "de",   "do",   "dos", "e",   "é",  "em", "na", "nas",
    "no", "nos", "o",  "os",  "ou", "para", "pela", "pelo", "por", "que", "se", "um", "uma"};
constexpr std::string_view kDutch[] = {"aan",  "al",  "bij",  "dat", "de",   "die", "dit",
                                       "een",  "en",  "er",   "het", "hij",  "in",  "is",
                                       "maar", "met", "niet", "of",  "om",   "op",  "te",
                                       "tot",  "van", "voor", "was", "werd", "zijn"};
constexpr std::string_view kRussian[] = {
    "а",   "без", "бы",  "был", "была", "были", "было", "в",    "во", "вот", "все",
    "всё", "да",  "для", "до",  "его",  "ее",   "её",   "если", "же", "за",  "и",
    "из",  "или", "им",  "их",  "к",    "как",  "ко",   "ли",   "на", "над", "не",
    "нет", "ни",  "но",  "о",   "об",   "он",   "она",  "они",  "от", "по",  "при",
    "с",   "со",  "так", "то",  "у",    "уже",  "что",  "это",  "я"};
constexpr std::string_view kArabic[] = {
    "في",    "من",  "على", "إلى", "عن",  "مع",  "أن",   "إن",  "أو", "ثم", "التي", "الذي",
    "الذين", "هذا", "هذه", "ذلك", "تلك", "كان", "كانت", "قد",  "لا", "لم", "لن",   "ما",
    "هو",    "هي",  "و",   "كما", "بين", "عند", "حتى",  "إلا", "أي", "كل"};

struct LanguageList {
  std::string_view code;
  std::span<const std::string_view> words;
};

const std::array kLists = {
    LanguageList{"en", kEnglish}, LanguageList{"de", kGerman},  LanguageList{"fr", kFrench},
    LanguageList{"es", kSpanish}, LanguageList{"it", kItalian}, LanguageList{"pt", kPortuguese},
    LanguageList{"nl", kDutch},   LanguageList{"ru", kRussian}, LanguageList{"ar", kArabic},
};

}  // namespace

std::span<const std::string_view> stop_words(std::string_view language) {
  for (const auto& list : kLists) {
    if (list.code == language) {
      return list.words;
    }
  }
  return {};
}

}  // namespace morgue::indexer
