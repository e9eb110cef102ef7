// Turns the public Layout (the user's names and date formats) into the readers' FieldMapping.
#pragma once

#include <morgue/indexer.h>

#include "indexer/field_mapping.h"

namespace morgue::indexer {

/// The built-in names with the user's in front, and the user's date formats. Throws
/// morgue::Error for a field that is not one.
FieldMapping mapping_for(const Layout& layout);

}  // namespace morgue::indexer
