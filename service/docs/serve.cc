#include "docs/serve.h"

namespace kg::docs {

Result<Response> ServeDocs(const Request& request, const Store& store, DocsState& state) {
  if (request.method != "GET" && request.method != "HEAD")
    return Error::MethodNotAllowed("GET, HEAD, OPTIONS");
  std::string path(request.path());
  if (path == "/docs") {
    Response r;
    r.status = 301;
    r.headers["Location"] = "/docs/";
    return r;
  }
  std::string name = path.substr(std::string_view("/docs/").size());
  if (name.empty() || name.back() == '/') name += "index.html";
  if (!state.site || state.version != store.Version()) {
    auto site = GenerateSite(store, state.options);
    if (!site.ok()) return site.error();
    state.site = std::move(*site);
    state.version = store.Version();
  }
  auto it = state.site->find(name);
  if (it == state.site->end()) return Error::NotFound("no documentation page at " + path);
  std::string etag = "\"docs-v" + std::to_string(state.version) + "\"";
  Response r;
  if (auto inm = request.headers.find("if-none-match"); inm != request.headers.end() && inm->second == etag) {
    r.status = 304;
  } else {
    r.body = it->second;
    r.headers["Content-Type"] = MediaTypeOf(name);
  }
  r.headers["ETag"] = etag;
  r.headers["Cache-Control"] = "no-cache";
  return r;
}

}  // namespace kg::docs
