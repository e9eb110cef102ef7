#include "indexer/comment_reader.h"

#include <algorithm>
#include <array>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <morgue/error.h>

#include "indexer/article_key.h"
#include "indexer/csv_reader.h"
#include "indexer/jsonl_reader.h"
#include "indexer/limits.h"
#include "indexer/utf8.h"

namespace morgue::indexer {

namespace {

enum class Role {
  kArticleId,
  kArticleUrl,
  kArticleTitle,
  kText,
  kAuthor,
  kCommentId,
  kParentId,
  kInReplyTo,
  kReplyToText,
};

struct RoleName {
  std::string_view name;
  Role role;
  bool explicit_article = false;  // names only a comments file has
};

// Within a role, earlier names win when a record has several.
constexpr std::array kRoleNames = {
    RoleName{"article_id", Role::kArticleId, true},
    RoleName{"post_id", Role::kArticleId, true},
    RoleName{"story_id", Role::kArticleId, true},
    RoleName{"article_url", Role::kArticleUrl, true},
    RoleName{"url", Role::kArticleUrl},
    RoleName{"link", Role::kArticleUrl},
    RoleName{"article_title", Role::kArticleTitle, true},
    RoleName{"title", Role::kArticleTitle},
    RoleName{"headline", Role::kArticleTitle},
    RoleName{"text", Role::kText},
    RoleName{"comment", Role::kText},
    RoleName{"comment_text", Role::kText},
    RoleName{"body", Role::kText},
    RoleName{"content", Role::kText},
    RoleName{"message", Role::kText},
    RoleName{"author", Role::kAuthor},
    RoleName{"user", Role::kAuthor},
    RoleName{"username", Role::kAuthor},
    RoleName{"user_name", Role::kAuthor},
    RoleName{"commenter", Role::kAuthor},
    RoleName{"name", Role::kAuthor},
    RoleName{"comment_id", Role::kCommentId},
    RoleName{"id", Role::kCommentId},
    RoleName{"parent_id", Role::kParentId},
    RoleName{"parent_comment_id", Role::kParentId},
    RoleName{"in_reply_to", Role::kInReplyTo},
    RoleName{"reply_to", Role::kInReplyTo},
    RoleName{"mentions", Role::kInReplyTo},
    RoleName{"prev", Role::kReplyToText},
    RoleName{"parent_text", Role::kReplyToText},
};

std::string lower_trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '"')) {
    text.remove_prefix(1);
  }
  while (!text.empty() &&
         (text.back() == ' ' || text.back() == '"' || text.back() == '\r' || text.back() == '\n')) {
    text.remove_suffix(1);
  }
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

const RoleName* role_of(std::string_view name) {
  const std::string lower = lower_trimmed(name);
  for (const RoleName& role : kRoleNames) {
    if (role.name == lower) {
      return &role;
    }
  }
  return nullptr;
}

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    return {};
  }
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

// "@quickfix" and "@quickfix @other": the first name, without its "@".
std::string first_mention(std::string_view text) {
  std::string name = trimmed(text);
  if (name.starts_with('@')) {
    name.erase(0, 1);
    const auto end = name.find_first_of(" ,;");
    if (end != std::string::npos) {
      name.erase(end);
    }
  }
  return name;
}

// A record's values by role: the first non-empty value of the best-ranked name.
ExternalComment to_comment(const std::vector<std::pair<std::string, std::string>>& fields,
                           const std::string& file, std::size_t record_number) {
  std::array<std::pair<std::size_t, std::string>, 9> best;
  best.fill({kRoleNames.size(), {}});
  for (const auto& [name, value] : fields) {
    const RoleName* role = role_of(name);
    if (role == nullptr) {
      continue;
    }
    if (value.size() > limits::kMaxFieldBytes) {
      throw InputError(
          file, record_number,
          fmt::format("field '{}' is longer than {} MiB", name, limits::kMaxFieldBytes >> 20));
    }
    if (find_invalid_utf8(value)) {
      throw InputError(file, record_number, fmt::format("invalid UTF-8 in field '{}'", name));
    }
    const auto rank = static_cast<std::size_t>(role - kRoleNames.data());
    auto& slot = best[static_cast<std::size_t>(role->role)];
    std::string text = trimmed(value);
    if (!text.empty() && rank < slot.first) {
      slot = {rank, std::move(text)};
    }
  }
  const auto get = [&best](Role role) -> std::string& {
    return best[static_cast<std::size_t>(role)].second;
  };
  ExternalComment comment;
  comment.source = file;
  comment.record_number = record_number;
  if (!get(Role::kArticleId).empty()) {
    comment.article_ref = "id:" + get(Role::kArticleId);
  } else if (!get(Role::kArticleUrl).empty()) {
    comment.article_ref = "url:" + normalize_url(get(Role::kArticleUrl));
  } else if (!get(Role::kArticleTitle).empty()) {
    comment.article_ref = "title:" + fold_title(get(Role::kArticleTitle));
  } else {
    throw InputError(file, record_number,
                     "comment names no article (give article_id, article_url or article_title)");
  }
  comment.text = std::move(get(Role::kText));
  if (comment.text.empty()) {
    throw InputError(file, record_number, "comment has no text");
  }
  comment.author = std::move(get(Role::kAuthor));
  comment.comment_id = std::move(get(Role::kCommentId));
  comment.parent_id = std::move(get(Role::kParentId));
  comment.in_reply_to = first_mention(get(Role::kInReplyTo));
  comment.reply_to_text = std::move(get(Role::kReplyToText));
  return comment;
}

// The column names of the first record in `head`.
}  // namespace

std::vector<std::string> first_record_names(std::string_view head, Format format) {
  std::vector<std::string> names;
  const std::size_t line_end = head.find('\n');
  std::string_view line = head.substr(0, line_end);
  if (line.starts_with("\xEF\xBB\xBF")) {
    line.remove_prefix(3);
  }
  if (format == Format::kCsv) {
    for (std::size_t start = 0; start <= line.size();) {
      const std::size_t comma = std::min(line.find(',', start), line.size());
      names.emplace_back(line.substr(start, comma - start));
      start = comma + 1;
    }
    return names;
  }
  if (line_end == std::string_view::npos) {
    return names;  // the first line does not fit in the head: not telling
  }
  const auto object = nlohmann::json::parse(line, nullptr, false);
  if (object.is_object()) {
    for (const auto& item : object.items()) {
      names.push_back(item.key());
    }
  }
  return names;
}

std::string_view comment_column_role(std::string_view name) {
  const RoleName* role = role_of(name);
  if (role == nullptr) {
    return "";
  }
  constexpr std::array<std::string_view, 9> kRoleDescriptions = {"article id",
                                                                 "article URL",
                                                                 "article title",
                                                                 "text",
                                                                 "author",
                                                                 "comment id",
                                                                 "parent comment id",
                                                                 "in reply to (a name)",
                                                                 "in reply to (a text)"};
  return kRoleDescriptions[static_cast<std::size_t>(role->role)];
}

bool looks_like_comments(std::string_view head, Format format) {
  if (format != Format::kCsv && format != Format::kJsonl) {
    return false;
  }
  bool text = false;
  bool author = false;
  bool article_or_reply = false;
  for (const std::string& name : first_record_names(head, format)) {
    const RoleName* role = role_of(name);
    if (role == nullptr) {
      continue;
    }
    text = text || role->role == Role::kText;
    author = author || role->role == Role::kAuthor;
    article_or_reply = article_or_reply || role->explicit_article ||
                       role->role == Role::kParentId || role->role == Role::kInReplyTo ||
                       role->role == Role::kReplyToText ||
                       (role->role == Role::kCommentId && role->name == "comment_id");
  }
  return text && author && article_or_reply;
}

struct CommentReader::Impl {
  std::string file_name;
  std::unique_ptr<CsvReader> csv;
  std::unique_ptr<JsonlReader> jsonl;
};

CommentReader::CommentReader(std::istream& in, std::string file_name, Format format)
    : impl_(std::make_unique<Impl>()) {
  impl_->file_name = std::move(file_name);
  if (format == Format::kCsv) {
    impl_->csv = std::make_unique<CsvReader>(in, impl_->file_name);
  } else if (format == Format::kJsonl) {
    impl_->jsonl = std::make_unique<JsonlReader>(in, impl_->file_name);
  } else {
    throw InputError(impl_->file_name, 0, "a comments file is CSV or JSON Lines");
  }
}

CommentReader::~CommentReader() = default;

std::optional<ExternalComment> CommentReader::next() {
  auto record = impl_->csv ? impl_->csv->next_row() : impl_->jsonl->next_fields();
  if (!record) {
    return std::nullopt;
  }
  return to_comment(record->second, impl_->file_name, record->first);
}

}  // namespace morgue::indexer
