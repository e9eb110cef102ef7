// morgue-index --inspect: how morgue reads an input, without writing a database.
#include <fmt/format.h>

#include <morgue/indexer.h>

#include "indexer/comment_reader.h"
#include "indexer/csv_reader.h"
#include "indexer/field_mapping.h"
#include "indexer/input_reader.h"
#include "indexer/jsonl_reader.h"
#include "indexer/layout.h"
#include "indexer/reader_factory.h"

namespace morgue {

namespace {

constexpr std::size_t kMaxMembers = 3;
constexpr std::size_t kMaxShownBytes = 70;

std::string_view format_name(Format format) {
  switch (format) {
    case Format::kCsv:
      return "csv";
    case Format::kJsonl:
      return "jsonl";
    case Format::kPage:
      return "page";
    case Format::kHtml:
      return "html";
    case Format::kAuto:
      break;
  }
  return "auto";
}

// A value on one line: line breaks shown as "⏎", cut at kMaxShownBytes on a character boundary.
std::string shown(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '\n') {
      out += "\u23CE";
    } else if (c != '\r') {
      out += c;
    }
  }
  if (out.size() <= kMaxShownBytes) {
    return out;
  }
  std::size_t cut = kMaxShownBytes;
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return out.substr(0, cut) + "...";
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    out += out.empty() ? item : " | " + item;
  }
  return out;
}

void show_article(std::string& out, const Article& article) {
  const auto line = [&out](std::string_view name, std::string_view value) {
    if (!value.empty()) {
      out += fmt::format("    {}: {}\n", name, shown(value));
    }
  };
  line("id", article.id);
  line("url", article.url);
  line("title", article.title);
  line("published", article.published ? article.published->iso8601() : "");
  if (!article.date_source.empty()) {
    // In full: the reason is the point, and its parts are short (quoted values are cut).
    out += fmt::format("    date source: {}\n", article.date_source);
  }
  line("authors", joined(article.authors));
  line("tags", joined(article.tags));
  line("site", article.site);
  line("type", article.type);
  line("language", article.language);
  line("body", article.body);
  if (!article.comments.empty()) {
    out += fmt::format("    comments: {}\n", article.comments.size());
  }
}

void show_columns(
    std::string& out,
    const std::vector<std::pair<std::string, std::optional<indexer::ArticleField>>>& columns,
    std::string_view what) {
  if (columns.empty()) {
    return;
  }
  out += fmt::format("  {}:\n", what);
  for (const auto& [name, field] : columns) {
    out += fmt::format("    {} -> {}\n", name,
                       field ? indexer::field_name(*field) : std::string_view("(not read)"));
  }
}

void inspect_articles(std::string& out, indexer::InputMember& member, Format format,
                      const indexer::FieldMapping& mapping, std::size_t records) {
  auto reader = indexer::open_reader(*member.stream, member.name, format, mapping);
  std::string shown_records;
  for (std::size_t count = 0; count < records; ++count) {
    try {
      const auto article = reader->next();
      if (!article) {
        break;
      }
      shown_records += fmt::format("  article {}:\n", count + 1);
      show_article(shown_records, *article);
    } catch (const InputError& error) {
      shown_records += fmt::format("  error: {}\n", error.what());
      if (error.record_number() == 0) {
        break;
      }
    }
  }
  if (const auto* csv = dynamic_cast<const indexer::CsvReader*>(reader.get())) {
    show_columns(out, csv->columns(), "columns");
  } else if (const auto* jsonl = dynamic_cast<const indexer::JsonlReader*>(reader.get())) {
    show_columns(out, jsonl->keys(), "keys");
  }
  out += shown_records;
}

void inspect_comments(std::string& out, indexer::InputMember& member, Format format,
                      std::size_t records) {
  out += "  columns:\n";
  for (const std::string& name : indexer::first_record_names(member.head, format)) {
    const std::string_view role = indexer::comment_column_role(name);
    out += fmt::format("    {} -> {}\n", name, role.empty() ? "(not read)" : role);
  }
  indexer::CommentReader reader(*member.stream, member.name, format);
  for (std::size_t count = 0; count < records; ++count) {
    try {
      const auto comment = reader.next();
      if (!comment) {
        break;
      }
      out += fmt::format("  comment {} (record {}):\n", count + 1, comment->record_number);
      out += fmt::format("    article: {}\n", shown(comment->article_ref));
      for (const auto& [name, value] :
           {std::pair<std::string_view, const std::string*>{"author", &comment->author},
            {"in reply to", &comment->in_reply_to},
            {"answers text", &comment->reply_to_text},
            {"text", &comment->text}}) {
        if (!value->empty()) {
          out += fmt::format("    {}: {}\n", name, shown(*value));
        }
      }
    } catch (const InputError& error) {
      out += fmt::format("  error: {}\n", error.what());
      if (error.record_number() == 0) {
        break;
      }
    }
  }
}

}  // namespace

std::string inspect_input(const std::string& path, Format format, const Layout& layout,
                          std::size_t records) {
  const indexer::FieldMapping mapping = indexer::mapping_for(layout);
  indexer::InputReader input(path);
  std::string out;
  for (std::size_t members = 0; members < kMaxMembers; ++members) {
    indexer::InputMember* member = nullptr;
    try {
      member = input.next();
    } catch (const InputError& error) {
      out += fmt::format("error: {}\n", error.what());
      break;
    }
    if (member == nullptr) {
      break;
    }
    out += fmt::format("{}\n", member->name);
    if (member->stream == nullptr) {
      out += fmt::format("  error: {}\n", member->problem);
      continue;
    }
    try {
      const indexer::DetectedFormat detected = indexer::member_format(*member, format, mapping);
      const bool comments = indexer::looks_like_comments(member->head, detected.format);
      out += fmt::format("  format: {} ({}), {}\n", format_name(detected.format), detected.how,
                         comments ? "a comments file" : "articles");
      if (comments) {
        inspect_comments(out, *member, detected.format, records);
      } else {
        inspect_articles(out, *member, detected.format, mapping, records);
      }
    } catch (const InputError& error) {
      out += fmt::format("  error: {}\n", error.what());
    }
  }
  return out;
}

}  // namespace morgue
