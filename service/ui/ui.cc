#include "ui/ui.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <set>
#include <vector>

#include "diagram/diagram.h"
#include "serialize/serialize.h"
#include "ui/assets.h"
#include "ui/language.h"
#include "ui/neighbourhood.h"
#include "vocabulary/store_memo.h"

namespace kg::ui {
namespace {

using vocabulary::Config;

constexpr std::string_view kPagePaths[] = {"/", "/search", "/hierarchy", "/index", "/sources",
                                           "/query"};

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string Param(const Params& params, std::string_view name) {
  std::string value;
  for (const auto& v : ParamValues(params, name)) value = v;
  return value;
}

// The response of a page, with the language cookie when the request chose
// a language explicitly.
Response Html(const Page& page, const Request& request, const LanguageChoice& choice, int status = 200) {
  PageRequest pr{choice.lang, std::string(request.path()), request.query_params()};
  Response r = HtmlResponse(RenderPage(page, pr), status);
  if (choice.set_cookie) r.headers["Set-Cookie"] = *choice.set_cookie;
  return r;
}

Response NotFound(const Request& request, const LanguageChoice& choice) {
  return Html(NotFoundPage(choice.lang), request, choice, 404);
}

// The (kind, IRI, page path) a resource request names; nullopt when it
// names none (a bad slug, no ?iri=).
struct ResourceRef {
  ResourceKind kind;
  std::string iri;
  std::string path;
};
std::optional<ResourceRef> ParseResource(const Request& request, const Config& config) {
  std::string_view path = request.path();
  for (ResourceKind kind : {ResourceKind::kConcept, ResourceKind::kWork, ResourceKind::kScheme}) {
    std::string root = "/" + std::string(Segment(kind));
    if (path == root) {
      std::string iri = Param(request.query_params(), "iri");
      if (iri.empty()) return std::nullopt;
      return ResourceRef{kind, iri, root + "?iri=" + PercentEncode(iri)};
    }
    if (StartsWith(path, root + "/")) {
      std::string id = PercentDecode(path.substr(root.size() + 1), false);
      if (!vocabulary::IsValidId(id)) return std::nullopt;
      std::string iri = kind == ResourceKind::kConcept ? config.ConceptIri(id)
                        : kind == ResourceKind::kWork  ? config.WorkIri(id)
                                                       : config.SchemeIri(id);
      return ResourceRef{kind, iri, root + "/" + id};
    }
  }
  return std::nullopt;
}

std::string JsonLd(const Graph& graph, const Store& store) {
  auto json = WriteGraph(Format::kJsonLd, graph, store.Prefixes());
  return json.ok() ? json.value() : std::string();
}

std::vector<SchemeTree> BuildTrees(const Store& store, const Config& config,
                                   std::vector<vocabulary::SchemeView> schemes) {
  std::vector<SchemeTree> out;
  for (auto& s : schemes) {
    auto tree = vocabulary::SchemeTree(store, s.iri, config);
    out.push_back({std::move(s), tree.ok() ? std::move(tree.value())
                                           : std::vector<vocabulary::TreeNode>{}});
  }
  return out;
}

// Values that cost hundreds of milliseconds on a large thesaurus (every
// scheme's tree, the alphabetical index, the home page with its diagram)
// are kept per store replica and interface language until that store
// changes (vocabulary/store_memo.h).
//
// Every scheme with its tree (the same in both languages: trees sort by
// the first configured language).
Result<std::shared_ptr<const std::vector<SchemeTree>>> Trees(const Store& store,
                                                             const Config& config) {
  static vocabulary::StoreMemo<std::vector<SchemeTree>> memo;
  return memo.Get(store, "", [&]() -> Result<std::vector<SchemeTree>> {
    auto schemes = vocabulary::ListSchemes(store, config);
    if (!schemes.ok()) return schemes.error();
    return BuildTrees(store, config, std::move(schemes.value()));
  });
}

Result<Page> BuildHome(const Store& store, const UiOptions& options, const LanguageChoice& choice);

Result<Response> Home(const Request& request, const Store& store, const UiOptions& options,
                      const LanguageChoice& choice) {
  static vocabulary::StoreMemo<Page> memo;
  auto page = memo.Get(store, std::string(Code(choice.lang)),
                       [&] { return BuildHome(store, options, choice); });
  if (!page.ok()) return page.error();
  return Html(*page.value(), request, choice);
}

Result<Page> BuildHome(const Store& store, const UiOptions& options, const LanguageChoice& choice) {
  const Config& config = options.vocabulary;
  auto all = Trees(store, config);
  if (!all.ok()) return all.error();
  const std::vector<SchemeTree>& trees = *all.value();
  HomeData data;
  for (const auto& t : trees) data.schemes.push_back(t.scheme);
  // The programme: concepts typed ul:Programme among the top concepts and
  // the level below them (where a programme sits in a vocabulary).
  const std::string programme_class = config.OntologyNamespace() + "Programme";
  std::size_t checked = 0;
  std::set<std::string> seen;
  for (const auto& t : trees)
    for (const auto& top : t.tree) {
      std::vector<const vocabulary::Ref*> candidates{&top.ref};
      for (const auto& child : top.children) candidates.push_back(&child.ref);
      for (const auto* ref : candidates) {
        if (checked >= 40 || !seen.insert(ref->iri).second) continue;
        ++checked;
        auto view = vocabulary::GetConcept(store, ref->iri, config);
        if (!view.ok()) continue;
        for (const auto& type : view->types)
          if (type.iri == programme_class) {
            data.programmes.push_back(std::move(view.value()));
            break;
          }
      }
    }
  auto svg = diagram::RenderSvg(Overview(trees, choice.lang, config));
  if (svg.ok()) data.overview_svg = std::move(svg.value());
  return HomePage(data, choice.lang, config);
}

Result<Response> Resource(const Request& request, const Store& store, const UiOptions& options,
                          const LanguageChoice& choice) {
  const Config& config = options.vocabulary;
  auto ref = ParseResource(request, config);
  auto format = NegotiateResource(request);
  if (!format.ok()) return format.error();
  if (!ref) {
    if (format.value() != Format::kHtml) return Error::NotFound("no resource at this path");
    return NotFound(request, choice);
  }
  auto described = Describe(store, ref->iri);
  if (!described.ok()) return described.error();
  if (format.value() != Format::kHtml) {
    if (described->empty()) return Error::NotFound("nothing is known about <" + ref->iri + ">");
    return DataResponse(described.value(), format.value(), store.Prefixes(), ref->path);
  }
  Response response;
  switch (ref->kind) {
    case ResourceKind::kConcept: {
      auto view = vocabulary::GetConcept(store, ref->iri, config);
      if (!view.ok()) {
        if (view.error().code == Error::Code::kNotFound) return NotFound(request, choice);
        return view.error();
      }
      ConceptData data;
      data.path = ref->path;
      data.jsonld = JsonLd(described.value(), store);
      auto paths = vocabulary::PathsToTop(store, ref->iri, config);
      if (paths.ok()) data.paths = std::move(paths.value());
      data.view = std::move(view.value());
      auto svg = diagram::RenderSvg(ConceptNeighbourhood(data.view, choice.lang, config));
      if (svg.ok()) data.diagram_svg = std::move(svg.value());
      response = Html(ConceptPage(data, choice.lang, config), request, choice);
      break;
    }
    case ResourceKind::kWork: {
      auto work = vocabulary::GetWork(store, ref->iri, config);
      if (!work.ok()) {
        if (work.error().code == Error::Code::kNotFound) return NotFound(request, choice);
        return work.error();
      }
      response = Html(WorkPage(work.value(), JsonLd(described.value(), store), ref->path,
                               choice.lang, config),
                      request, choice);
      break;
    }
    case ResourceKind::kScheme: {
      auto scheme = vocabulary::GetScheme(store, ref->iri, config);
      if (!scheme.ok()) {
        if (scheme.error().code == Error::Code::kNotFound) return NotFound(request, choice);
        return scheme.error();
      }
      auto tree = vocabulary::SchemeTree(store, ref->iri, config);
      if (!tree.ok()) return tree.error();
      SchemeTree st{std::move(scheme.value()), std::move(tree.value())};
      response = Html(SchemePage(st, JsonLd(described.value(), store), ref->path, choice.lang, config),
                      request, choice);
      break;
    }
  }
  std::string link;
  for (const auto& l : DataLinks(ref->path))
    link += (link.empty() ? "" : ", ") + ("<" + l.href + ">; rel=\"alternate\"; type=\"" +
                                          l.media_type + "\"");
  response.headers["Link"] = link;
  response.headers["Content-Location"] = ref->path;
  return response;
}

}  // namespace

bool IsUiPath(std::string_view path) {
  for (auto p : kPagePaths)
    if (path == p) return true;
  for (std::string_view root : {"/assets/", "/begrip", "/werk", "/schema"})
    if (StartsWith(path, root) &&
        (path.size() == root.size() || root.back() == '/' || path[root.size()] == '/'))
      return true;
  return false;
}

Result<Response> HandleUi(const Request& request, const Store& store, const UiOptions& options) {
  if (request.method != "GET" && request.method != "HEAD")
    return Error::MethodNotAllowed("GET, HEAD, OPTIONS");
  std::string_view path = request.path();
  if (StartsWith(path, "/assets/")) return ServeAsset(request, path.substr(8), options.assets_dir);

  const LanguageChoice choice = ChooseLanguage(request);
  const Config& config = options.vocabulary;
  const Params params = request.query_params();
  if (path == "/") return Home(request, store, options, choice);
  if (path == "/search") {
    std::string q = Param(params, "q");
    std::vector<vocabulary::SearchHit> hits;
    if (vocabulary::Fold(q).size() >= 2) {
      auto found = vocabulary::Search(store, q, Code(choice.lang), 50, config);
      if (!found.ok()) return found.error();
      hits = std::move(found.value());
    }
    return Html(SearchPage(q, hits, choice.lang, config), request, choice);
  }
  if (path == "/hierarchy") {
    auto trees = Trees(store, config);
    if (!trees.ok()) return trees.error();
    return Html(HierarchyPage(*trees.value(), choice.lang, config, Param(params, "focus")), request,
                choice);
  }
  if (path == "/index") {
    static vocabulary::StoreMemo<std::vector<vocabulary::IndexEntry>> memo;
    auto entries = memo.Get(store, std::string(Code(choice.lang)),
                            [&]() -> Result<std::vector<vocabulary::IndexEntry>> {
                              auto concepts = vocabulary::ListConcepts(store, config);
                              if (!concepts.ok()) return concepts.error();
                              return vocabulary::AlphabeticalIndex(concepts.value(),
                                                                   Code(choice.lang), config);
                            });
    if (!entries.ok()) return entries.error();
    return Html(IndexPage(*entries.value(), Param(params, "letter"), choice.lang, config), request,
                choice);
  }
  if (path == "/sources") {
    auto works = vocabulary::ListWorks(store, config);
    if (!works.ok()) return works.error();
    return Html(SourcesPage(works.value(), choice.lang, config), request, choice);
  }
  if (path == "/query") {
    int selected = -1;
    std::string ex = Param(params, "example");
    if (!ex.empty() && ex.size() < 6 && ex.find_first_not_of("0123456789") == std::string::npos)
      selected = std::stoi(ex);
    return Html(SparqlPage(options.examples, selected, choice.lang), request, choice);
  }
  return Resource(request, store, options, choice);
}

}  // namespace kg::ui
