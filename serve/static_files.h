// The web page's files: a URL path mapped safely onto a folder.
#pragma once

#include <filesystem>
#include <string_view>

#include "serve/api.h"

namespace morgue::serve {

/// The answer for GET `url_path` (already percent-decoded) from the folder `root`: the file
/// (index.html for `/` or a folder) with its media type, or a JSON 404. A path with a `..`, `.`
/// or hidden segment, a backslash or a NUL, or one leading out of `root` through a symbolic
/// link, is answered 404 without touching the file system beyond `root`.
Response static_file(const std::filesystem::path& root, std::string_view url_path);

/// The media type for a file name's extension; "application/octet-stream" when unknown.
std::string_view media_type(const std::filesystem::path& file);

}  // namespace morgue::serve
