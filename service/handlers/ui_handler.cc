// The browsing pages and dereferenceable IRIs (service/ui/) behind the
// router: this file only turns the ServiceContext into ui::UiOptions.
#include <algorithm>

#include "handlers/handlers.h"
#include "ui/ui.h"

namespace kg {
namespace {

// The SPARQL page's examples: the named queries without parameters,
// competency questions first (they are what a newcomer asks), then the rest.
std::vector<ui::ExampleQuery> Examples(const ServiceContext& ctx) {
  std::vector<ui::ExampleQuery> examples;
  if (!ctx.api) return examples;
  for (const auto& [name, q] : ctx.api->catalog)
    if (q.params.empty()) examples.push_back({name, q.summary, q.text});
  std::stable_sort(examples.begin(), examples.end(), [](const auto& a, const auto& b) {
    bool ca = a.name.rfind("competency/", 0) == 0, cb = b.name.rfind("competency/", 0) == 0;
    return ca != cb ? ca : a.name < b.name;
  });
  return examples;
}

}  // namespace

Result<Response> HandleUiRoute(const Request& request, ServiceContext& ctx) {
  ui::UiOptions options;
  options.assets_dir = ctx.config.assets_dir;
  options.vocabulary = ctx.config.vocabulary;
  if (request.path() == "/query") options.examples = Examples(ctx);
  return ui::HandleUi(request, ctx.store, options);
}

}  // namespace kg
