#include "indexer/text_extraction.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <span>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "indexer/html_document.h"

namespace morgue::indexer {

namespace {

// The hint lists are Mozilla Readability's (test/test-pages in its repository), trimmed to the
// words that appear in class and id attributes of news pages.
constexpr std::array<std::string_view, 35> kUnlikelyHints = {
    "-ad-", "ai2html", "banner", "breadcrumb", "combx", "comment", "community", "cover-wrap",
    "disqus", "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark",
    "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental",
    "ad-break", "agegate", "pagination", "pager", "popup", "newsletter",
    // Captions, photo credits, bylines and timestamps are not body text in the hand-checked
    // bodies of ../shared/corpora/html-news-pages/scrapinghub.
    "caption", "credit", "byline", "timestamp"};
constexpr std::array<std::string_view, 7> kMaybeHints = {"and",     "article", "body",  "column",
                                                         "content", "main",    "shadow"};
constexpr std::array<std::string_view, 13> kPositiveHints = {
    "article", "body", "content", "entry", "hentry", "h-entry",  "main",
    "page",    "post", "text",    "blog",  "story",  "paragraph"};
constexpr std::array<std::string_view, 27> kNegativeHints = {
    "-ad-",       "hidden",  "banner",   "combx",  "comment",  "com-",     "contact",
    "foot",       "footer",  "footnote", "gdpr",   "masthead", "media",    "meta",
    "outbrain",   "promo",   "related",  "scroll", "share",    "shoutbox", "sidebar",
    "skyscraper", "sponsor", "shopping", "tags",   "widget",   "subscribe"};
constexpr std::array<std::string_view, 10> kUnlikelyRoles = {
    "menu",        "menubar", "complementary", "navigation",  "alert",
    "alertdialog", "dialog",  "banner",        "contentinfo", "search"};

// A paragraph shorter than this (in characters) is a caption or a button, not article text.
constexpr std::size_t kMinParagraphCharacters = 25;
// Below this the chosen text is probably a teaser: try again with fewer pages parts left out.
constexpr std::size_t kMinArticleCharacters = 250;

bool contains_any(std::string_view text, std::span<const std::string_view> words) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view word) { return text.find(word) != std::string::npos; });
}

// "ad", "ads", "ad-slot", "ads_box", "advert", "advertisement" as a class or id word; "-ad-" is in
// kUnlikelyHints. ("head", "load", "shadow" contain "ad" and are not adverts.)
bool is_advert(std::string_view hints) {
  std::size_t start = 0;
  while (start < hints.size()) {
    std::size_t end = hints.find(' ', start);
    if (end == std::string_view::npos) {
      end = hints.size();
    }
    const std::string_view word = hints.substr(start, end - start);
    start = end + 1;
    if (word == "ad" || word == "ads" || word.starts_with("ad-") || word.starts_with("ad_") ||
        word.starts_with("ads-") || word.starts_with("ads_") ||
        word.find("advert") != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

bool is_one_of(GumboTag tag, std::initializer_list<GumboTag> tags) {
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

GumboTag tag_of(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT ? node->v.element.tag : GUMBO_TAG_UNKNOWN;
}

std::span<const GumboNode* const> children_of(const GumboNode* node) {
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) {
    return {};
  }
  const GumboVector& children = node->v.element.children;
  return {reinterpret_cast<const GumboNode* const*>(children.data), children.length};
}

bool is_block(GumboTag tag) {
  return is_one_of(
      tag, {GUMBO_TAG_P,          GUMBO_TAG_DIV,        GUMBO_TAG_SECTION, GUMBO_TAG_ARTICLE,
            GUMBO_TAG_MAIN,       GUMBO_TAG_H1,         GUMBO_TAG_H2,      GUMBO_TAG_H3,
            GUMBO_TAG_H4,         GUMBO_TAG_H5,         GUMBO_TAG_H6,      GUMBO_TAG_UL,
            GUMBO_TAG_OL,         GUMBO_TAG_LI,         GUMBO_TAG_DL,      GUMBO_TAG_DT,
            GUMBO_TAG_DD,         GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_PRE,     GUMBO_TAG_TABLE,
            GUMBO_TAG_TR,         GUMBO_TAG_TD,         GUMBO_TAG_TH,      GUMBO_TAG_FIGURE,
            GUMBO_TAG_FIGCAPTION, GUMBO_TAG_HEADER,     GUMBO_TAG_ADDRESS, GUMBO_TAG_HR,
            GUMBO_TAG_BR,         GUMBO_TAG_CENTER,     GUMBO_TAG_FORM,    GUMBO_TAG_FIELDSET,
            GUMBO_TAG_TBODY});
}

std::size_t count_characters(std::string_view text) {
  std::size_t characters = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && c != ' ' && c != '\n' && c != '\t' &&
        c != '\r') {
      ++characters;
    }
  }
  return characters;
}

std::size_t count_commas(std::string_view text) {
  std::size_t commas = static_cast<std::size_t>(std::count(text.begin(), text.end(), ','));
  // Full-width and ideographic commas, so Chinese and Japanese paragraphs score too.
  for (std::string_view comma : {"\xEF\xBC\x8C", "\xE3\x80\x81"}) {
    for (std::size_t at = text.find(comma); at != std::string_view::npos;
         at = text.find(comma, at + comma.size())) {
      ++commas;
    }
  }
  return commas;
}

/// What the extractor leaves out, loosened step by step when too little text remains.
struct Passes {
  bool strip_unlikely = true;
  bool weigh_classes = true;
  bool clean_conditionally = true;
};

/// Text counts of one element, over its kept descendants.
struct Stats {
  std::size_t characters = 0;
  std::size_t link_characters = 0;
  std::size_t commas = 0;
  std::size_t paragraphs = 0;
  std::size_t images = 0;
  std::size_t list_items = 0;
  std::size_t inputs = 0;
  std::size_t embeds = 0;
  std::size_t heading_characters = 0;

  double link_density() const {
    return characters == 0 ? 0.0
                           : static_cast<double>(link_characters) / static_cast<double>(characters);
  }
};

class Extractor {
 public:
  Extractor(const GumboNode* body, Passes passes) : body_(body), passes_(passes) {}

  std::string run() {
    measure(body_, false);
    score_paragraphs(body_);
    const GumboNode* top = best_candidate();
    std::vector<std::string> paragraphs;
    std::string current;
    for (const GumboNode* node : with_siblings(top)) {
      emit(node, paragraphs, current, true);
    }
    flush(paragraphs, current);
    std::string text;
    for (const auto& paragraph : paragraphs) {
      if (!text.empty()) {
        text += "\n\n";
      }
      text += paragraph;
    }
    return text;
  }

 private:
  bool is_dropped(const GumboNode* node) const {
    if (node->type != GUMBO_NODE_ELEMENT) {
      return node->type == GUMBO_NODE_COMMENT || node->type == GUMBO_NODE_TEMPLATE;
    }
    const GumboTag tag = node->v.element.tag;
    if (is_one_of(tag,
                  {GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE,      GUMBO_TAG_NOSCRIPT, GUMBO_TAG_TEMPLATE,
                   GUMBO_TAG_NAV,    GUMBO_TAG_FOOTER,     GUMBO_TAG_ASIDE,    GUMBO_TAG_BUTTON,
                   GUMBO_TAG_SELECT, GUMBO_TAG_TEXTAREA,   GUMBO_TAG_INPUT,    GUMBO_TAG_IFRAME,
                   GUMBO_TAG_SVG,    GUMBO_TAG_OBJECT,     GUMBO_TAG_EMBED,    GUMBO_TAG_CANVAS,
                   GUMBO_TAG_MENU,   GUMBO_TAG_HEAD,       GUMBO_TAG_TITLE,    GUMBO_TAG_META,
                   GUMBO_TAG_LINK,   GUMBO_TAG_FIGCAPTION, GUMBO_TAG_LABEL})) {
      return true;
    }
    if (tag == GUMBO_TAG_HEADER && passes_.strip_unlikely) {
      return true;
    }
    if (gumbo_get_attribute(&node->v.element.attributes, "hidden") != nullptr ||
        attribute(node, "aria-hidden") == "true") {
      return true;
    }
    const std::string style = ascii_lower(attribute(node, "style"));
    if (style.find("display:none") != std::string::npos ||
        style.find("display: none") != std::string::npos ||
        style.find("visibility:hidden") != std::string::npos) {
      return true;
    }
    const std::string role = ascii_lower(attribute(node, "role"));
    if (std::find(kUnlikelyRoles.begin(), kUnlikelyRoles.end(), role) != kUnlikelyRoles.end()) {
      return true;
    }
    if (!passes_.strip_unlikely || node == body_ ||
        is_one_of(tag,
                  {GUMBO_TAG_A, GUMBO_TAG_BODY, GUMBO_TAG_ARTICLE, GUMBO_TAG_MAIN, GUMBO_TAG_TABLE,
                   GUMBO_TAG_TBODY, GUMBO_TAG_TR, GUMBO_TAG_TD, GUMBO_TAG_CODE, GUMBO_TAG_PRE})) {
      return false;
    }
    const std::string hints = class_and_id(node);
    return is_advert(hints) ||
           (contains_any(hints, kUnlikelyHints) && !contains_any(hints, kMaybeHints));
  }

  // Fills stats_ for `node` and every kept element under it; returns the node's stats.
  Stats measure(const GumboNode* node, bool in_link) {
    Stats stats;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
      const std::string_view text = node->v.text.text;
      stats.characters = count_characters(text);
      stats.link_characters = in_link ? stats.characters : 0;
      stats.commas = count_commas(text);
      return stats;
    }
    if (node->type != GUMBO_NODE_ELEMENT || is_dropped(node)) {
      return stats;
    }
    const GumboTag tag = node->v.element.tag;
    const bool link = in_link || tag == GUMBO_TAG_A;
    for (const GumboNode* child : children_of(node)) {
      const Stats child_stats = measure(child, link);
      stats.characters += child_stats.characters;
      stats.link_characters += child_stats.link_characters;
      stats.commas += child_stats.commas;
      stats.paragraphs += child_stats.paragraphs;
      stats.images += child_stats.images;
      stats.list_items += child_stats.list_items;
      stats.inputs += child_stats.inputs;
      stats.embeds += child_stats.embeds;
      stats.heading_characters += child_stats.heading_characters;
    }
    stats.paragraphs += tag == GUMBO_TAG_P ? 1 : 0;
    stats.images += tag == GUMBO_TAG_IMG ? 1 : 0;
    stats.list_items += tag == GUMBO_TAG_LI ? 1 : 0;
    stats.embeds += is_one_of(tag, {GUMBO_TAG_VIDEO, GUMBO_TAG_AUDIO}) ? 1 : 0;
    if (is_one_of(tag, {GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5,
                        GUMBO_TAG_H6})) {
      stats.heading_characters = stats.characters;
    }
    stats_[node] = stats;
    return stats;
  }

  const Stats& stats(const GumboNode* node) const {
    static const Stats kNone;
    const auto found = stats_.find(node);
    return found == stats_.end() ? kNone : found->second;
  }

  int class_weight(const GumboNode* node) const {
    if (!passes_.weigh_classes) {
      return 0;
    }
    int weight = 0;
    for (const char* name : {"class", "id"}) {
      const std::string value = ascii_lower(attribute(node, name));
      if (value.empty()) {
        continue;
      }
      if (contains_any(value, kNegativeHints)) {
        weight -= 25;
      }
      if (contains_any(value, kPositiveHints)) {
        weight += 25;
      }
    }
    return weight;
  }

  double initial_score(const GumboNode* node) const {
    double score = class_weight(node);
    switch (tag_of(node)) {
      case GUMBO_TAG_DIV:
      case GUMBO_TAG_ARTICLE:
        return score + 5;
      case GUMBO_TAG_PRE:
      case GUMBO_TAG_TD:
      case GUMBO_TAG_BLOCKQUOTE:
        return score + 3;
      case GUMBO_TAG_ADDRESS:
      case GUMBO_TAG_OL:
      case GUMBO_TAG_UL:
      case GUMBO_TAG_DL:
      case GUMBO_TAG_DD:
      case GUMBO_TAG_DT:
      case GUMBO_TAG_LI:
      case GUMBO_TAG_FORM:
        return score - 3;
      case GUMBO_TAG_H1:
      case GUMBO_TAG_H2:
      case GUMBO_TAG_H3:
      case GUMBO_TAG_H4:
      case GUMBO_TAG_H5:
      case GUMBO_TAG_H6:
      case GUMBO_TAG_TH:
        return score - 5;
      default:
        return score;
    }
  }

  void add_score(const GumboNode* node, double points) {
    auto [entry, inserted] = scores_.try_emplace(node, 0.0);
    if (inserted) {
      entry->second = initial_score(node);
    }
    entry->second += points;
  }

  // A <div> or <section> without block children is a paragraph written without <p>.
  bool reads_as_paragraph(const GumboNode* node) const {
    const GumboTag tag = tag_of(node);
    if (is_one_of(tag, {GUMBO_TAG_P, GUMBO_TAG_PRE, GUMBO_TAG_TD})) {
      return true;
    }
    if (!is_one_of(tag, {GUMBO_TAG_DIV, GUMBO_TAG_SECTION, GUMBO_TAG_SPAN})) {
      return false;
    }
    for (const GumboNode* child : children_of(node)) {
      if (child->type == GUMBO_NODE_ELEMENT && is_block(child->v.element.tag) &&
          child->v.element.tag != GUMBO_TAG_BR) {
        return false;
      }
    }
    return true;
  }

  // One paragraph's points go to its parent in full, its grandparent in half and three more
  // ancestors in thirds, sixths and ninths; `parent` is the first of them.
  void score_paragraph(const GumboNode* parent, std::size_t characters, std::size_t commas) {
    if (characters < kMinParagraphCharacters) {
      return;
    }
    // A point per whole hundred characters (Readability's Math.floor(length / 100)), 3 at most.
    const std::size_t hundreds = std::min<std::size_t>(characters / 100, 3);
    const double points = 1.0 + static_cast<double>(commas) + static_cast<double>(hundreds);
    const GumboNode* ancestor = parent;
    for (int level = 0; level < 5 && ancestor != nullptr && ancestor->type == GUMBO_NODE_ELEMENT &&
                        ancestor != body_->parent;
         ++level, ancestor = ancestor->parent) {
      const double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
      add_score(ancestor, points / divider);
    }
  }

  void score_paragraphs(const GumboNode* node) {
    if (node->type != GUMBO_NODE_ELEMENT || is_dropped(node)) {
      return;
    }
    if (reads_as_paragraph(node)) {
      score_paragraph(node->parent, stats(node).characters, stats(node).commas);
      if (tag_of(node) != GUMBO_TAG_TD) {
        return;
      }
    }
    // Text written straight into a block beside other blocks, lines separated by <br>
    // (data/html and many older sites), reads as paragraphs of that block.
    std::size_t characters = 0;
    std::size_t commas = 0;
    for (const GumboNode* child : children_of(node)) {
      if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA) {
        characters += count_characters(child->v.text.text);
        commas += count_commas(child->v.text.text);
      } else if (child->type == GUMBO_NODE_ELEMENT && !is_block(child->v.element.tag)) {
        characters += stats(child).characters;
        commas += stats(child).commas;
      } else if (child->type == GUMBO_NODE_ELEMENT) {
        score_paragraph(node, characters, commas);
        characters = 0;
        commas = 0;
        score_paragraphs(child);
      }
    }
    score_paragraph(node, characters, commas);
  }

  double final_score(const GumboNode* node) const {
    const auto found = scores_.find(node);
    return found == scores_.end() ? 0.0 : found->second * (1.0 - stats(node).link_density());
  }

  const GumboNode* best_candidate() const {
    std::vector<std::pair<double, const GumboNode*>> ranked;
    for (const auto& [node, score] : scores_) {
      ranked.emplace_back(final_score(node), node);
    }
    if (ranked.empty()) {
      return body_;
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    const GumboNode* top = ranked.front().second;
    const double top_score = ranked.front().first;
    // When the article is split over several blocks of similar score, take the ancestor that
    // holds at least three of the five best (Readability's rule).
    std::vector<const GumboNode*> close;
    for (std::size_t i = 1; i < std::min<std::size_t>(ranked.size(), 5); ++i) {
      if (ranked[i].first >= 0.75 * top_score) {
        close.push_back(ranked[i].second);
      }
    }
    if (close.size() >= 3) {
      for (const GumboNode* ancestor = top->parent;
           ancestor != nullptr && ancestor->type == GUMBO_NODE_ELEMENT && ancestor != body_;
           ancestor = ancestor->parent) {
        const auto holds = std::count_if(close.begin(), close.end(), [&](const GumboNode* node) {
          for (const GumboNode* up = node; up != nullptr; up = up->parent) {
            if (up == ancestor) {
              return true;
            }
          }
          return false;
        });
        if (holds >= 3) {
          top = ancestor;
          break;
        }
      }
    }
    // A candidate alone in its parent is the same text with less context: climb.
    while (top != body_ && top->parent != nullptr && top->parent->type == GUMBO_NODE_ELEMENT &&
           stats(top->parent).characters == stats(top).characters) {
      top = top->parent;
    }
    return top;
  }

  // The top candidate with those of its siblings that belong to the article.
  std::vector<const GumboNode*> with_siblings(const GumboNode* top) const {
    if (top == body_ || top->parent == nullptr) {
      return {top};
    }
    const double top_score = final_score(top);
    const double threshold = std::max(10.0, top_score * 0.2);
    const std::string top_class(attribute(top, "class"));
    std::vector<const GumboNode*> kept;
    for (const GumboNode* sibling : children_of(top->parent)) {
      if (sibling == top) {
        kept.push_back(sibling);
        continue;
      }
      if (sibling->type != GUMBO_NODE_ELEMENT || is_dropped(sibling)) {
        continue;
      }
      double bonus = 0;
      if (!top_class.empty() && attribute(sibling, "class") == top_class) {
        bonus = top_score * 0.2;
      }
      if (scores_.contains(sibling) && final_score(sibling) + bonus >= threshold) {
        kept.push_back(sibling);
        continue;
      }
      if (tag_of(sibling) == GUMBO_TAG_P) {
        const Stats& paragraph = stats(sibling);
        const double link_density = paragraph.link_density();
        if ((paragraph.characters > 80 && link_density < 0.25) ||
            (paragraph.characters > 0 && link_density == 0 &&
             text_content(sibling).find(". ") != std::string::npos)) {
          kept.push_back(sibling);
        }
      }
    }
    return kept;
  }

  bool has_ancestor(const GumboNode* node, GumboTag tag) const {
    for (const GumboNode* up = node->parent; up != nullptr; up = up->parent) {
      if (tag_of(up) == tag) {
        return true;
      }
    }
    return false;
  }

  // Readability's conditional cleaning: a block inside the article that is mostly links,
  // images, form fields or headings is furniture (share bars, "read more" lists, galleries).
  bool is_furniture(const GumboNode* node) const {
    const GumboTag tag = tag_of(node);
    if (!is_one_of(tag, {GUMBO_TAG_DIV, GUMBO_TAG_SECTION, GUMBO_TAG_UL, GUMBO_TAG_OL,
                         GUMBO_TAG_TABLE, GUMBO_TAG_FORM, GUMBO_TAG_FIELDSET, GUMBO_TAG_DL})) {
      return false;
    }
    const Stats& block = stats(node);
    const double weight = class_weight(node);
    const auto found = scores_.find(node);
    if (weight + (found == scores_.end() ? 0.0 : found->second) < 0) {
      return true;
    }
    const bool is_list = is_one_of(tag, {GUMBO_TAG_UL, GUMBO_TAG_OL});
    const double link_density = block.link_density();
    if (is_list) {
      return link_density > 0.5;
    }
    if (block.commas >= 10) {
      return false;
    }
    const double paragraphs = static_cast<double>(block.paragraphs);
    const double heading_density =
        block.characters == 0
            ? 0.0
            : static_cast<double>(block.heading_characters) / static_cast<double>(block.characters);
    if (block.images > 1 && paragraphs / static_cast<double>(block.images) < 0.5) {
      return true;
    }
    if (tag != GUMBO_TAG_TABLE && block.list_items > 100 + block.paragraphs) {
      return true;
    }
    if (static_cast<double>(block.inputs) > paragraphs / 3) {
      return true;
    }
    if (heading_density < 0.9 && block.characters < kMinParagraphCharacters &&
        (block.images == 0 || block.images > 2) && !has_ancestor(node, GUMBO_TAG_FIGURE)) {
      return block.characters > 0;
    }
    if (weight < 25 && link_density > 0.2) {
      return true;
    }
    if (weight >= 25 && link_density > 0.5) {
      return true;
    }
    return (block.embeds == 1 && block.characters < 75) || block.embeds > 1;
  }

  static void flush(std::vector<std::string>& paragraphs, std::string& current) {
    std::string paragraph = collapse_spaces(current);
    if (!paragraph.empty()) {
      paragraphs.push_back(std::move(paragraph));
    }
    current.clear();
  }

  void emit(const GumboNode* node, std::vector<std::string>& paragraphs, std::string& current,
            bool is_root) const {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
        node->type == GUMBO_NODE_WHITESPACE) {
      current += node->v.text.text;
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT || is_dropped(node)) {
      return;
    }
    const GumboTag tag = node->v.element.tag;
    if (!is_root) {
      if (passes_.clean_conditionally && is_furniture(node)) {
        return;
      }
      // The headline is the title, not the body; a heading that is mostly links is a
      // "more stories" label.
      if (tag == GUMBO_TAG_H1 || (is_one_of(tag, {GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4}) &&
                                  (class_weight(node) < 0 || stats(node).link_density() > 0.5))) {
        return;
      }
    }
    const bool block = is_block(tag);
    if (block) {
      flush(paragraphs, current);
    }
    for (const GumboNode* child : children_of(node)) {
      emit(child, paragraphs, current, false);
    }
    if (block) {
      flush(paragraphs, current);
    }
  }

  const GumboNode* body_;
  Passes passes_;
  std::unordered_map<const GumboNode*, Stats> stats_;
  std::unordered_map<const GumboNode*, double> scores_;
};

}  // namespace

std::string extract_main_text(const GumboNode* body) {
  // Readability's fallback order: keep the first attempt that finds enough text, else the
  // longest.
  std::string best;
  for (const Passes passes :
       {Passes{}, Passes{.strip_unlikely = false},
        Passes{.strip_unlikely = false, .weigh_classes = false},
        Passes{.strip_unlikely = false, .weigh_classes = false, .clean_conditionally = false}}) {
    std::string text = Extractor(body, passes).run();
    if (count_characters(text) >= kMinArticleCharacters) {
      return text;
    }
    if (count_characters(text) > count_characters(best)) {
      best = std::move(text);
    }
  }
  return best;
}

}  // namespace morgue::indexer
