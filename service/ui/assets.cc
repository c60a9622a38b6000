#include "ui/assets.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace kg::ui {
namespace {

struct Asset {
  std::string_view name;  // below /assets/
  std::string_view file;  // below the assets folder
  std::string_view type;
};

constexpr Asset kAssets[] = {
    {"kg.css", "kg.css", "text/css; charset=utf-8"},
    {"kg.js", "kg.js", "text/javascript; charset=utf-8"},
    {"sparql.js", "sparql.js", "text/javascript; charset=utf-8"},
    {"favicon.svg", "favicon.svg", "image/svg+xml"},
    {"yasgui.min.js", "node_modules/@zazuko/yasgui/build/yasgui.min.js",
     "text/javascript; charset=utf-8"},
    {"yasgui.min.css", "node_modules/@zazuko/yasgui/build/yasgui.min.css",
     "text/css; charset=utf-8"},
};

}  // namespace

Result<Response> ServeAsset(const Request& request, std::string_view name,
                            const std::string& assets_dir) {
  const Asset* asset = nullptr;
  for (const auto& a : kAssets)
    if (a.name == name) asset = &a;
  if (!asset) return Error::NotFound("no asset named '" + std::string(name) + "'");

  std::filesystem::path path = std::filesystem::path(assets_dir) / std::string(asset->file);
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  auto mtime = ec ? std::filesystem::file_time_type{} : std::filesystem::last_write_time(path, ec);
  if (ec) {
    std::string hint = asset->file.find("node_modules") == 0
                           ? " (run `npm ci` in " + assets_dir + ", as scripts/setup.sh does)"
                           : "";
    return Error::NotFound("asset " + std::string(name) + " is missing from " + assets_dir + hint);
  }
  std::string etag = "\"" + std::to_string(size) + "-" +
                     std::to_string(mtime.time_since_epoch().count()) + "\"";
  Response r;
  r.headers["Content-Type"] = std::string(asset->type);
  r.headers["ETag"] = etag;
  r.headers["Cache-Control"] = "no-cache";
  r.headers["X-Content-Type-Options"] = "nosniff";
  if (request.header("If-None-Match") == etag) {
    r.status = 304;
    return r;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream body;
  body << in.rdbuf();
  if (!in.good() && !in.eof()) return Error::Io("cannot read asset " + path.string());
  r.body = body.str();
  return r;
}

}  // namespace kg::ui
