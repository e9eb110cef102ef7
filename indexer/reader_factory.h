// Chooses the reader for an input: by the format asked for, else by name, else by content.
#pragma once

#include <istream>
#include <memory>
#include <string>
#include <string_view>

#include <morgue/indexer.h>

#include "indexer/field_mapping.h"
#include "indexer/input_reader.h"
#include "indexer/record_source.h"

namespace morgue::indexer {

/// The format of an input named `name` whose first bytes are in `input` (peeked, not consumed).
/// Throws InputError(name, 0, ...) when it cannot be told.
Format detect_format(std::istream& input, const std::string& name);

/// A reader of `format` (kAuto: detected) over `input`; the reader keeps a reference to it.
/// `mapping` is the user's layout for CSV and JSON Lines.
std::unique_ptr<RecordSource> open_reader(std::istream& input, const std::string& name,
                                          Format format, const FieldMapping& mapping = {});

/// A member's format and how it was told, for --inspect.
struct DetectedFormat {
  Format format = Format::kAuto;
  std::string_view how;  ///< "as asked with --format", "from the name", "from the content"
};

/// The format of `member`: `asked` unless it is kAuto; else told by detect_format() from the
/// member's format name and first bytes; else a CSV header found in its head. Throws
/// InputError naming `member.name` when it cannot be told.
DetectedFormat member_format(InputMember& member, Format asked, const FieldMapping& mapping);

/// True when `head`, the first bytes of an input, starts with a CSV header naming a title or
/// body column under `mapping`: "id,headline,story" with `--map body=story`.
bool looks_like_csv_header(std::string_view head, const FieldMapping& mapping);

}  // namespace morgue::indexer
