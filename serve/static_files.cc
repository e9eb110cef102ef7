#include "serve/static_files.h"

#include <algorithm>
#include <array>
#include <system_error>
#include <utility>

namespace morgue::serve {

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kMediaTypes = {{
    {".html", "text/html; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".json", "application/json; charset=utf-8"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".jpg", "image/jpeg"},
    {".jpeg", "image/jpeg"},
    {".webp", "image/webp"},
    {".ico", "image/x-icon"},
    {".txt", "text/plain; charset=utf-8"},
    {".woff2", "font/woff2"},
    {".map", "application/json; charset=utf-8"},
}};

Response not_found(std::string_view url_path) {
  return error_response(404, "no such file: " + std::string(url_path));
}

// Checks each segment of the path: no "..", ".", hidden files, backslashes or NULs.
bool safe_segments(std::string_view url_path) {
  if (!url_path.starts_with('/')) {
    return false;
  }
  std::size_t begin = 1;
  while (begin <= url_path.size()) {
    auto end = url_path.find('/', begin);
    if (end == std::string_view::npos) {
      end = url_path.size();
    }
    const std::string_view segment = url_path.substr(begin, end - begin);
    if (segment.starts_with('.') ||
        segment.find_first_of(std::string_view("\\\0", 2)) != std::string_view::npos) {
      return false;
    }
    begin = end + 1;
  }
  return true;
}

}  // namespace

std::string_view media_type(const std::filesystem::path& file) {
  const std::string extension = file.extension().string();
  for (const auto& [known, type] : kMediaTypes) {
    if (extension == known) {
      return type;
    }
  }
  return "application/octet-stream";
}

Response static_file(const std::filesystem::path& root, std::string_view url_path) {
  if (!safe_segments(url_path)) {
    return not_found(url_path);
  }
  std::error_code error;
  const std::filesystem::path base = std::filesystem::canonical(root, error);
  if (error) {
    return error_response(404, "the web page's folder " + root.string() + " does not exist");
  }
  std::filesystem::path file = base / std::filesystem::path(url_path.substr(1));
  if (std::filesystem::is_directory(file, error)) {
    file /= "index.html";
  }
  // A symbolic link inside the folder must not lead out of it.
  const std::filesystem::path real = std::filesystem::canonical(file, error);
  if (error || !std::filesystem::is_regular_file(real, error)) {
    return not_found(url_path);
  }
  const auto [inside, rest] = std::mismatch(base.begin(), base.end(), real.begin(), real.end());
  if (inside != base.end()) {
    return not_found(url_path);
  }
  Response response;
  response.content_type = media_type(real);
  response.file = real;
  return response;
}

}  // namespace morgue::serve
