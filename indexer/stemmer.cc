#include "indexer/stemmer.h"

#include <array>
#include <initializer_list>
#include <optional>
#include <string>
#include <unordered_map>

#include <xapian.h>

namespace morgue::indexer {

namespace {

struct LanguageRow {
  std::string_view code;
  std::string_view snowball;
  char script;  // 'L' Latin, 'C' Cyrillic, 'A' Arabic, 'G' Greek, 'H' Armenian, 'T' Tamil, 'D'
                // Devanagari, 'E' Hebrew
};

// Snowball stemmers by ISO 639-1 code: Xapian 1.4.22's, and Greek, which Snowball has but
// Debian's Xapian 1.4.22 does not (cached() then gives none).
constexpr std::array kLanguages = {
    LanguageRow{"ar", "arabic", 'A'},
    LanguageRow{"ca", "catalan", 'L'},
    LanguageRow{"da", "danish", 'L'},
    LanguageRow{"de", "german", 'L'},
    LanguageRow{"el", "greek", 'G'},
    LanguageRow{"en", "english", 'L'},
    LanguageRow{"es", "spanish", 'L'},
    LanguageRow{"eu", "basque", 'L'},
    LanguageRow{"fi", "finnish", 'L'},
    LanguageRow{"fr", "french", 'L'},
    LanguageRow{"ga", "irish", 'L'},
    LanguageRow{"hu", "hungarian", 'L'},
    LanguageRow{"hy", "armenian", 'H'},
    LanguageRow{"id", "indonesian", 'L'},
    LanguageRow{"it", "italian", 'L'},
    LanguageRow{"lt", "lithuanian", 'L'},
    LanguageRow{"nb", "norwegian", 'L'},
    LanguageRow{"ne", "nepali", 'D'},
    LanguageRow{"nl", "dutch", 'L'},
    LanguageRow{"nn", "norwegian", 'L'},
    LanguageRow{"no", "norwegian", 'L'},
    LanguageRow{"pt", "portuguese", 'L'},
    LanguageRow{"ro", "romanian", 'L'},
    LanguageRow{"ru", "russian", 'C'},
    LanguageRow{"sv", "swedish", 'L'},
    LanguageRow{"ta", "tamil", 'T'},
    LanguageRow{"tr", "turkish", 'L'},
    // Not a Snowball stemmer: Hebrew words get morgue's light stem (hebrew_light_stem).
    LanguageRow{"he", "hebrew", 'E'},
};

// The Xapian::Stem name behind a row's stemmer; "none" leaves words as they are.
std::string xapian_stemmer_name(std::string_view snowball) {
  return snowball == "hebrew" ? "none" : std::string(snowball);
}

// The stemmer for a script when the text's language is not written in it.
std::string_view script_default(char script) {
  switch (script) {
    case 'L':
      return "english";
    case 'C':
      return "russian";
    case 'A':
      return "arabic";
    case 'G':
      return "greek";
    case 'H':
      return "armenian";
    case 'T':
      return "tamil";
    case 'E':
      return "hebrew";
    default:
      return {};
  }
}

const LanguageRow* find_language(std::string_view language) {
  std::string lower;
  for (char c : language) {
    if (c == '-' || c == '_') {
      break;  // "en-GB": the primary subtag decides
    }
    lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  for (const auto& row : kLanguages) {
    if (row.code == lower || row.snowball == lower) {
      return &row;
    }
  }
  return nullptr;
}

// The script of a folded word, by its first character; 0 when no stemmer covers it.
char script_of(std::string_view word) {
  if (word.empty()) {
    return 0;
  }
  const auto b0 = static_cast<unsigned char>(word[0]);
  if (b0 < 0x80) {
    return (b0 >= 'a' && b0 <= 'z') ? 'L' : 0;  // digits and symbols have no stem
  }
  if (word.size() < 2) {
    return 0;
  }
  const auto b1 = static_cast<unsigned char>(word[1]);
  if (b0 < 0xE0) {
    const unsigned code = ((b0 & 0x1Fu) << 6) | (b1 & 0x3Fu);
    if (code < 0x250) {
      return 'L';
    }
    if (code >= 0x370 && code < 0x400) {
      return 'G';
    }
    if (code >= 0x400 && code < 0x530) {
      return 'C';
    }
    if (code >= 0x530 && code < 0x590) {
      return 'H';
    }
    if (code >= 0x5D0 && code < 0x5F0) {
      return 'E';
    }
    if (code >= 0x600 && code < 0x700) {
      return 'A';
    }
    return 0;
  }
  if (b0 < 0xF0 && word.size() >= 3) {
    const unsigned code =
        ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (static_cast<unsigned char>(word[2]) & 0x3Fu);
    if (code >= 0x900 && code < 0x980) {
      return 'D';
    }
    if (code >= 0xB80 && code < 0xC00) {
      return 'T';
    }
    if (code >= 0x1E00 && code < 0x1F00) {
      return 'L';
    }
    if (code >= 0x1F00 && code < 0x2000) {
      return 'G';
    }
  }
  return 0;
}

// The number of characters in UTF-8 text.
std::size_t characters(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) {
    count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  }
  return count;
}

// Arabic light stemming (Larkey, Ballesteros and Connell's "light10", the usual choice for
// Arabic search) on folded words (ة is already ه, ى is ي, أ إ آ are ا): the conjunction و, the
// article in its forms (ال وال بال كال فال لل) and common suffixes come off, so والحكومة,
// بالحكومة and الحكومة meet. Also the lone prepositions ب ل ك ف before a word of four letters
// or more (لأوباما → اوباما), which light10 leaves. Snowball's Arabic stemmer kept those
// attached in the PUD sentences (docs/analysis.md), hence this.
std::string arabic_light_stem(std::string_view word) {
  std::size_t length = characters(word);
  const auto drop_prefix = [&](std::string_view prefix, std::size_t keep_at_least) {
    const std::size_t prefix_length = characters(prefix);
    if (word.starts_with(prefix) && length >= prefix_length + keep_at_least) {
      word.remove_prefix(prefix.size());
      length -= prefix_length;
      return true;
    }
    return false;
  };
  drop_prefix("و", 3);
  bool article = false;
  for (std::string_view prefix : {"وال", "بال", "كال", "فال", "لل", "ال"}) {
    if (drop_prefix(prefix, 2)) {
      article = true;
      break;
    }
  }
  if (!article) {
    for (std::string_view prefix : {"ب", "ل", "ك", "ف"}) {
      if (drop_prefix(prefix, 4)) {
        break;
      }
    }
  }
  for (std::string_view suffix : {"ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"}) {
    const std::size_t suffix_length = characters(suffix);
    if (word.ends_with(suffix) && length >= suffix_length + 2) {
      word.remove_suffix(suffix.size());
      length -= suffix_length;
    }
  }
  return std::string(word);
}

// Hebrew writes its one-letter clitics onto the next word: ו (and), then one of ה (the),
// ב (in), ל (to), מ (from), כ (as) or ש (that). They come off when at least three letters,
// the length of a Hebrew root, stay, so בירושלים, וירושלים and ירושלים meet. A word that
// merely starts with one of those letters loses it too (ברית → רית); as with Arabic, only the
// stem term is affected, and the word itself still matches first (docs/analysis.md).
std::string hebrew_light_stem(std::string_view word) {
  std::size_t length = characters(word);
  constexpr std::size_t kLetterBytes = 2;  // every Hebrew letter is two bytes in UTF-8
  const auto drop_first_of = [&](std::initializer_list<std::string_view> letters) {
    for (std::string_view letter : letters) {
      if (word.starts_with(letter) && length >= 1 + 3) {
        word.remove_prefix(kLetterBytes);
        --length;
        return;
      }
    }
  };
  drop_first_of({"ו"});
  drop_first_of({"ה", "ב", "ל", "מ", "כ", "ש"});
  return std::string(word);
}

// Stemmers that take letters off the front of words: morgue's Arabic and Hebrew light stems,
// and Snowball's Indonesian (di-, ke-, meng-...), Irish (initial mutations: bhf- → f-) and
// Tamil (question prefixes, a first வ). Snowball's others only change the ends of words; those
// that mark a first `y` (English, Dutch, French) unmark it before returning.
bool changes_word_start(std::string_view snowball) {
  return snowball == "arabic" || snowball == "hebrew" || snowball == "indonesian" ||
         snowball == "irish" || snowball == "tamil";
}

// Enough distinct words for a large archive's vocabulary in one language; past it the cache
// starts again rather than grow without bound.
constexpr std::size_t kMaxCachedWords = 200000;

}  // namespace

std::string_view snowball_language(std::string_view language) {
  const LanguageRow* row = find_language(language);
  return row == nullptr ? std::string_view() : row->snowball;
}

bool stem_strips_prefixes(std::string_view word) {
  const char script = script_of(word);
  return script == 'A' || script == 'E';
}

std::string_view word_language(std::string_view word, std::string_view language) {
  const char script = script_of(word);
  if (script == 0) {
    return {};
  }
  const LanguageRow* row = language.empty() ? nullptr : find_language(language);
  if (row != nullptr && row->script == script) {
    return row->code;
  }
  const std::string_view snowball = script_default(script);
  for (const auto& candidate : kLanguages) {
    if (candidate.snowball == snowball) {
      return candidate.code;
    }
  }
  return {};
}

// Lets the cache be searched with a string_view, without making a string first.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>{}(text);
  }
};

struct Stemmer::Impl {
  struct Cached {
    Xapian::Stem stem;
    std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> stems;
    bool changes_start = false;  // see may_change_start
  };
  // Empty for a stemmer this Xapian lacks: the table names Greek, which Debian's Xapian 1.4.22
  // does not have (fuzz/corpus/query/regression-greek-word crashed morgue-index and
  // morgue-query on any Greek word).
  std::unordered_map<std::string_view, std::optional<Cached>> by_snowball;
  const std::string none;
  // Callers stem many words of one text in a row: remember the stemmer chosen for each script
  // in the last language asked for.
  std::string last_language;
  std::array<Cached*, 9> last_by_script{};

  Cached* for_script(std::string_view language, char script) {
    if (language != last_language) {
      last_language = language;
      last_by_script.fill(nullptr);
    }
    Cached*& slot = last_by_script[script_slot(script)];
    if (slot == nullptr) {
      const LanguageRow* row = language.empty() ? nullptr : find_language(language);
      const std::string_view snowball =
          row != nullptr && row->script == script ? row->snowball : script_default(script);
      if (!snowball.empty()) {
        slot = cached(snowball);
      }
    }
    return slot;
  }

  static std::size_t script_slot(char script) {
    constexpr std::string_view kScripts = "LCAGHTDE";
    return kScripts.find(script) + 1;  // 0 for none
  }

  // The stemmer named `snowball`, or nullptr when this Xapian has none of that name.
  Cached* cached(std::string_view snowball) {
    auto found = by_snowball.find(snowball);
    if (found == by_snowball.end()) {
      std::optional<Cached> made;
      try {
        made =
            Cached{Xapian::Stem(xapian_stemmer_name(snowball)), {}, changes_word_start(snowball)};
      } catch (const Xapian::InvalidArgumentError&) {
        // Unknown here: the word keeps its folded form only.
      }
      found = by_snowball.emplace(snowball, std::move(made)).first;
    }
    return found->second ? &*found->second : nullptr;
  }
};

Stemmer::Stemmer() : impl_(std::make_unique<Impl>()) {}

Stemmer::~Stemmer() = default;

bool Stemmer::may_change_start(std::string_view word, std::string_view language) {
  if (word.size() <= 2) {
    return false;  // never stemmed (see stem)
  }
  const char script = script_of(word);
  if (script == 0) {
    return false;
  }
  const Impl::Cached* stemmer = impl_->for_script(language, script);
  return stemmer != nullptr && stemmer->changes_start;
}

const std::string& Stemmer::stem(std::string_view word, std::string_view language) {
  // No Snowball stemmer changes a word of one or two bytes ("of", "и", "و"); asking costs time.
  if (word.size() <= 2) {
    return impl_->none;
  }
  const char script = script_of(word);
  if (script == 0) {
    return impl_->none;
  }
  Impl::Cached* stemmer = impl_->for_script(language, script);
  if (stemmer == nullptr) {
    return impl_->none;
  }
  Impl::Cached& cached = *stemmer;
  auto found = cached.stems.find(word);
  if (found != cached.stems.end()) {
    return found->second;
  }
  if (cached.stems.size() >= kMaxCachedWords) {
    cached.stems.clear();
  }
  std::string key(word);
  std::string stemmed = script == 'A'   ? arabic_light_stem(word)
                        : script == 'E' ? hebrew_light_stem(word)
                                        : cached.stem(key);
  return cached.stems.emplace(std::move(key), std::move(stemmed)).first->second;
}

}  // namespace morgue::indexer
