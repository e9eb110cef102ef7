#include "indexer/text_units.h"

#include <algorithm>
#include <cstring>
#include <string.h>  // memmem (GNU)

namespace morgue::indexer {

namespace {

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// A byte that may continue a handle or hashtag: ASCII letters, digits, '_', or any byte of a
// non-ASCII character (letters of other scripts; a non-ASCII space or quote is rare there).
bool is_tag_byte(char c) {
  return is_ascii_alnum(c) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

bool is_email_local_byte(char c) {
  return is_ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

bool is_domain_byte(char c) { return is_ascii_alnum(c) || c == '.' || c == '-'; }

bool starts_with_at(std::string_view text, std::size_t at, std::string_view what) {
  if (text.size() - at < what.size()) {
    return false;
  }
  for (std::size_t i = 0; i < what.size(); ++i) {
    char c = text[at + i];
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
    if (c != what[i]) {
      return false;
    }
  }
  return true;
}

std::size_t trim_trailing(std::string_view text, std::size_t begin, std::size_t end,
                          std::string_view junk) {
  while (end > begin && junk.find(text[end - 1]) != std::string_view::npos) {
    --end;
  }
  return end;
}

// A URL starting at `at`, or 0 bytes.
std::size_t url_length(std::string_view text, std::size_t at) {
  std::size_t body = 0;
  if (starts_with_at(text, at, "http://")) {
    body = at + 7;
  } else if (starts_with_at(text, at, "https://")) {
    body = at + 8;
  } else if (starts_with_at(text, at, "www.")) {
    body = at + 4;
  } else {
    return 0;
  }
  std::size_t end = body;
  while (end < text.size() && !is_space(text[end]) && text[end] != '<' && text[end] != '>' &&
         text[end] != '"') {
    ++end;
  }
  end = trim_trailing(text, body, end, ".,;:!?'\")]}");
  return end > body ? end - at : 0;
}

// Every offset of `needle` in `text`, found with memchr/memmem (glibc's are vectorized; the
// string_view searches are not).
std::vector<std::size_t> occurrences(std::string_view text, std::string_view needle) {
  std::vector<std::size_t> found;
  const char* at = text.data();
  const char* const end = text.data() + text.size();
  while (at < end) {
    const void* hit =
        needle.size() == 1
            ? std::memchr(at, needle.front(), static_cast<std::size_t>(end - at))
            : ::memmem(at, static_cast<std::size_t>(end - at), needle.data(), needle.size());
    if (hit == nullptr) {
      break;
    }
    at = static_cast<const char*>(hit);
    found.push_back(static_cast<std::size_t>(at - text.data()));
    at += needle.size();
  }
  return found;
}

}  // namespace

std::vector<TextUnit> find_text_units(std::string_view text) {
  // Units are rare: look for the few bytes that can start one (with memchr and memmem, fast
  // over long texts) rather than at every byte, then put what was found in order.
  std::vector<TextUnit> found;
  const auto word_start = [&text](std::size_t at) { return at == 0 || !is_tag_byte(text[at - 1]); };
  const auto add_url = [&](std::size_t at) {
    if (word_start(at)) {
      if (const std::size_t length = url_length(text, at); length > 0) {
        found.push_back({at, at + length, UnitKind::kUrl});
      }
    }
  };
  for (std::size_t at : occurrences(text, "://")) {
    std::size_t scheme = at;
    while (scheme > 0 && at - scheme < 5 && is_ascii_alnum(text[scheme - 1])) {
      --scheme;
    }
    add_url(scheme);
  }
  for (std::string_view www : {"www.", "WWW."}) {
    for (std::size_t at : occurrences(text, www)) {
      add_url(at);
    }
  }
  std::vector<std::size_t> signs = occurrences(text, "@");
  const std::vector<std::size_t> hashes = occurrences(text, "#");
  signs.insert(signs.end(), hashes.begin(), hashes.end());
  for (std::size_t at : signs) {
    const char c = text[at];
    if (c == '@' && at > 0 && is_email_local_byte(text[at - 1])) {
      std::size_t begin = at;
      while (begin > 0 && is_email_local_byte(text[begin - 1])) {
        --begin;
      }
      while (begin < at && !is_ascii_alnum(text[begin])) {
        ++begin;
      }
      std::size_t end = at + 1;
      while (end < text.size() && is_domain_byte(text[end])) {
        ++end;
      }
      end = trim_trailing(text, at + 1, end, ".-");
      if (begin < at && text.substr(at + 1, end - at - 1).find('.') != std::string_view::npos) {
        found.push_back({begin, end, UnitKind::kEmail});
      }
      continue;
    }
    if (word_start(at) && at + 1 < text.size() && is_tag_byte(text[at + 1]) &&
        text[at + 1] != '_') {
      std::size_t end = at + 1;
      while (end < text.size() && is_tag_byte(text[end])) {
        ++end;
      }
      found.push_back({at, end, c == '@' ? UnitKind::kHandle : UnitKind::kHashtag});
    }
  }
  std::sort(found.begin(), found.end(), [](const TextUnit& a, const TextUnit& b) {
    return a.begin < b.begin || (a.begin == b.begin && a.end > b.end);
  });
  // A unit inside another (an e-mail address or www. inside a URL) is part of it.
  std::vector<TextUnit> units;
  for (const auto& unit : found) {
    if (units.empty() || unit.begin >= units.back().end) {
      units.push_back(unit);
    }
  }
  return units;
}

std::string_view url_identity(std::string_view url) {
  for (std::string_view scheme : {"http://", "https://"}) {
    if (starts_with_at(url, 0, scheme)) {
      url.remove_prefix(scheme.size());
      break;
    }
  }
  if (starts_with_at(url, 0, "www.")) {
    url.remove_prefix(4);
  }
  while (url.size() > 1 && url.back() == '/') {
    url.remove_suffix(1);
  }
  return url;
}

}  // namespace morgue::indexer
