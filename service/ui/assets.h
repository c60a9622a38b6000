// The static files of the pages (stylesheet, scripts, the YASGUI editor),
// served by kg itself from one folder: no CDN, the pages work offline.
//
// The folder is `--assets DIR` of kg serve, by default the
// service/ui/assets/ of the source tree kg was built from (compiled in as
// KG_DEFAULT_ASSETS). YASGUI comes from npm: `npm ci` in that folder (run by
// scripts/setup.sh) puts it under node_modules/@zazuko/yasgui/build/.
#pragma once

#include <string>
#include <string_view>

#include "core/message.h"
#include "core/status.h"

namespace kg::ui {

// GET /assets/<name>. Only the names of a fixed table are served (no path
// is ever joined from request text, so '..' cannot escape the folder).
// Answers carry an ETag (size and modification time) and honour
// If-None-Match with 304. Errors: NotFound for an unknown name or a file
// missing from `assets_dir` (the message says to run npm ci for YASGUI).
Result<Response> ServeAsset(const Request& request, std::string_view name,
                            const std::string& assets_dir);

}  // namespace kg::ui
