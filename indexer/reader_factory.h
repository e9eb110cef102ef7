// Chooses the reader for an input: by the format asked for, else by name, else by content.
#pragma once

#include <istream>
#include <memory>
#include <string>

#include <morgue/indexer.h>

#include "indexer/record_source.h"

namespace morgue::indexer {

/// The format of an input named `name` whose first bytes are in `input` (peeked, not consumed).
/// Throws InputError(name, 0, ...) when it cannot be told.
Format detect_format(std::istream& input, const std::string& name);

/// A reader of `format` (kAuto: detected) over `input`; the reader keeps a reference to it.
std::unique_ptr<RecordSource> open_reader(std::istream& input, const std::string& name,
                                          Format format);

}  // namespace morgue::indexer
