#include "ui/layout.h"

#include "ui/html.h"

namespace kg::ui {
namespace {

struct NavItem {
  Section section;
  const char* href;
  Msg label;
};
constexpr NavItem kNav[] = {
    {Section::kHome, "/", Msg::kNavHome},
    {Section::kHierarchy, "/hierarchy", Msg::kNavHierarchy},
    {Section::kIndex, "/index", Msg::kNavIndex},
    {Section::kSources, "/sources", Msg::kNavSources},
    {Section::kSparql, "/query", Msg::kNavSparql},
};

std::string T(Lang lang, Msg msg) { return Escape(Tr(lang, msg)); }

}  // namespace

std::string LinkWithLang(const std::string& path, const Params& params, std::string_view lang) {
  std::string out = path;
  char sep = '?';
  for (const auto& [k, v] : params) {
    if (k == "lang") continue;
    out += sep;
    out += PercentEncode(k) + "=" + PercentEncode(v);
    sep = '&';
  }
  if (!lang.empty()) {
    out += sep;
    out += "lang=";
    out += lang;
  }
  return out;
}

std::string RenderPage(const Page& page, const PageRequest& request) {
  const Lang lang = request.lang;
  const Lang other = Other(lang);
  std::string h;
  h.reserve(page.body_html.size() + page.jsonld.size() + 4096);
  h += "<!DOCTYPE html>\n<html lang=\"";
  h += Code(lang);
  h += "\">\n<head>\n<meta charset=\"utf-8\">\n"
       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  h += Escape(page.title);
  h += " — ";
  h += T(lang, Msg::kSiteName);
  h += "</title>\n<link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\">\n"
       "<link rel=\"stylesheet\" href=\"/assets/kg.css\">\n";
  for (const auto& css : page.stylesheets)
    h += "<link rel=\"stylesheet\" href=\"" + EscapeUrl(css) + "\">\n";
  h += "<link rel=\"alternate\" hreflang=\"";
  h += Code(other);
  h += "\" href=\"" + EscapeUrl(LinkWithLang(request.path, request.params, Code(other))) +
       "\">\n";
  for (const auto& alt : page.alternates)
    h += "<link rel=\"alternate\" type=\"" + Escape(alt.type) + "\" href=\"" +
         EscapeUrl(alt.href) + "\" title=\"" + Escape(alt.title) + "\">\n";
  if (!page.jsonld.empty())
    h += "<script type=\"application/ld+json\">\n" + EscapeScriptJson(page.jsonld) +
         "\n</script>\n";
  h += "<script src=\"/assets/kg.js\" defer></script>\n";
  for (const auto& js : page.scripts)
    h += "<script src=\"" + EscapeUrl(js) + "\" defer></script>\n";
  h += "</head>\n<body data-lang=\"";
  h += Code(lang);
  h += "\">\n<a class=\"skip-link\" href=\"#main\">" + T(lang, Msg::kSkipToContent) + "</a>\n";

  // Header: site name, navigation, search, language switch.
  h += "<header class=\"site-header\">\n<div class=\"brand\"><a href=\"/\">" +
       T(lang, Msg::kSiteName) + "</a><span class=\"tagline\">" + T(lang, Msg::kSiteTagline) +
       "</span></div>\n";
  h += "<nav aria-label=\"" + T(lang, Msg::kNavMain) + "\"><ul class=\"nav\">";
  for (const auto& item : kNav) {
    h += "<li><a href=\"";
    h += item.href;
    h += "\"";
    if (item.section == page.section) h += " aria-current=\"page\"";
    h += ">" + T(lang, item.label) + "</a></li>";
  }
  h += "</ul></nav>\n";
  h += "<form class=\"search\" role=\"search\" action=\"/search\" method=\"get\">"
       "<label for=\"search-input\">" +
       T(lang, Msg::kSearchLabel) +
       "</label>"
       "<div class=\"search-box\"><input id=\"search-input\" name=\"q\" type=\"search\" "
       "autocomplete=\"off\" spellcheck=\"false\" role=\"combobox\" aria-autocomplete=\"list\" "
       "aria-expanded=\"false\" aria-controls=\"search-suggestions\" aria-describedby=\"search-hint\" "
       "placeholder=\"" +
       T(lang, Msg::kSearchPlaceholder) + "\" value=\"" + Escape(page.search_query) +
       "\"><button type=\"submit\">" + T(lang, Msg::kSearchButton) +
       "</button>"
       "<ul id=\"search-suggestions\" role=\"listbox\" hidden aria-label=\"" +
       T(lang, Msg::kSearchLabel) + "\"></ul></div>"
       "<p id=\"search-hint\" class=\"hint\">" +
       T(lang, Msg::kSearchHint) +
       "</p><p class=\"visually-hidden\" role=\"status\" aria-live=\"polite\" "
       "id=\"search-status\"></p></form>\n";
  h += "<p class=\"lang-switch\"><span class=\"visually-hidden\">" + T(lang, Msg::kLanguage) +
       ": </span><a id=\"lang-switch\" href=\"" +
       EscapeUrl(LinkWithLang(request.path, request.params, Code(other))) + "\" hreflang=\"";
  h += Code(other);
  h += "\" lang=\"";
  h += Code(other);
  h += "\" title=\"" + T(lang, Msg::kSwitchLanguage) + "\">";
  h += NativeName(other);
  h += "</a></p>\n</header>\n";

  h += "<main id=\"main\" tabindex=\"-1\">\n";
  h += page.body_html;
  h += "\n</main>\n<footer class=\"site-footer\"><p>" + T(lang, Msg::kFooterAbout) +
       "</p><p><a href=\"/sparql\">" + T(lang, Msg::kFooterEndpoint) + "</a> · <a href=\"/api/\">" +
       T(lang, Msg::kFooterApi) + "</a></p></footer>\n</body>\n</html>\n";
  return h;
}

Response HtmlResponse(std::string html, int status) {
  Response r;
  r.status = status;
  r.headers["Content-Type"] = "text/html; charset=utf-8";
  // The same URL answers in Dutch or English (cookie, Accept-Language) and,
  // for resources, in RDF formats (Accept).
  r.headers["Vary"] = "Accept, Accept-Language, Cookie";
  r.headers["Cache-Control"] = "no-cache";
  r.headers["Content-Security-Policy"] =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
      "script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
      "form-action 'self'; frame-ancestors 'none'";
  r.headers["X-Content-Type-Options"] = "nosniff";
  r.headers["Referrer-Policy"] = "same-origin";
  r.body = std::move(html);
  return r;
}

}  // namespace kg::ui
