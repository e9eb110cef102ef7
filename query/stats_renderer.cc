// The database's counts as JSON, for morgue-serve's /api/stats.
#include <nlohmann/json.hpp>

#include <morgue/render.h>
#include <morgue/version.h>

namespace morgue {

std::string to_json(const DatabaseStats& stats) {
  nlohmann::ordered_json out;
  out["format_version"] = kJsonFormatVersion;
  out["database"] = stats.database;
  out["documents"] = stats.documents;
  out["articles"] = stats.articles;
  out["comments"] = stats.comments;
  out["revision"] = stats.revision;
  out["last_modified"] = stats.last_modified
                             ? nlohmann::ordered_json(stats.last_modified->iso8601())
                             : nlohmann::ordered_json(nullptr);
  out["morgue_version"] = std::string(kVersion);
  return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace morgue
