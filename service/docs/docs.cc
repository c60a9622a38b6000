#include "docs/docs.h"

#include <filesystem>
#include <fstream>

#include "docs/html_site.h"
#include "docs/model.h"
#include "docs/strings.h"
#include "ui/html.h"

namespace kg::docs {

std::string SiteName(const DocsOptions& options, const std::string& lang) {
  return options.title.empty() ? std::string(ui::Tr(ToLang(lang), ui::Msg::kSiteName)) : options.title;
}

std::string SiteTagline(const DocsOptions& options, const std::string& lang) {
  return options.title.empty() ? std::string(ui::Tr(ToLang(lang), ui::Msg::kSiteTagline)) + ". " : "";
}

namespace {

// The site root: one entry page per format pointing at each language.
std::string RootHtml(const DocsOptions& o) {
  const std::string first = o.languages.front();
  std::string h = "<!DOCTYPE html>\n<html lang=\"" + first + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  if (o.languages.size() == 1) h += "<meta http-equiv=\"refresh\" content=\"0; url=" + first + "/index.html\">\n";
  h += "<title>" + ui::Escape(SiteName(o, first)) + "</title>\n"
       "<link rel=\"stylesheet\" href=\"assets/docs.css\">\n</head>\n<body>\n<main id=\"main\" class=\"choose\">\n"
       "<h1>" + ui::Escape(SiteName(o, first)) + "</h1>\n<ul class=\"cards\">\n";
  for (const auto& l : o.languages) {
    ui::Lang lang = ToLang(l);
    h += "<li lang=\"" + l + "\"><h2><a href=\"" + l + "/index.html\">" + ui::Escape(ui::NativeName(lang)) +
         "</a></h2><p>" + ui::Escape(Tr(lang, DocMsg::kDocsTitle)) +
         (o.title.empty() ? " — " + ui::Escape(ui::Tr(lang, ui::Msg::kSiteTagline)) : "") + "</p></li>\n";
  }
  return h + "</ul>\n</main>\n</body>\n</html>\n";
}

std::string RootMarkdown(const DocsOptions& o) {
  std::string s = "# " + SiteName(o, o.languages.front()) + "\n\n";
  for (const auto& l : o.languages)
    s += "- [" + std::string(ui::NativeName(ToLang(l))) + "](" + l + "/README.md) — " +
         std::string(Tr(ToLang(l), DocMsg::kDocsTitle)) + "\n";
  return s;
}

}  // namespace

Result<Site> GenerateSite(const Store& store, const DocsOptions& options) {
  if (options.languages.empty()) return Error::BadRequest("no language asked for (--lang nl, en or nl,en)");
  for (std::size_t i = 0; i < options.languages.size(); ++i) {
    const auto& l = options.languages[i];
    if (l != "nl" && l != "en")
      return Error::BadRequest("unknown language '" + l + "' (the documentation is written in nl and en)");
    for (std::size_t j = 0; j < i; ++j)
      if (options.languages[j] == l) return Error::BadRequest("language '" + l + "' given twice");
  }
  if (!options.html && !options.markdown) return Error::BadRequest("neither HTML nor Markdown asked for");
  DocsOptions o = options;
  // Labels fall back to the documentation's languages, in the order asked.
  if (o.vocabulary.languages.empty()) o.vocabulary.languages = o.languages;
  auto model = ReadModel(store, o);
  if (!model.ok()) return model.error();
  Site site;
  if (o.html) {
    site["index.html"] = RootHtml(o);
    site["assets/docs.css"] = Stylesheet();
  }
  if (o.markdown) site["README.md"] = RootMarkdown(o);
  for (const auto& l : o.languages) {
    if (o.html)
      if (auto s = AddHtmlPages(*model, ToLang(l), o, site); !s.ok()) return s.error();
    if (o.markdown)
      if (auto s = AddMarkdownPages(*model, ToLang(l), o, site); !s.ok()) return s.error();
  }
  return site;
}

Status WriteSite(const Site& site, const std::string& dir) {
  namespace fs = std::filesystem;
  for (const auto& [path, content] : site) {
    fs::path p = fs::path(dir) / path;
    std::error_code ec;
    fs::create_directories(p.parent_path(), ec);
    if (ec) return Error::Io("cannot create " + p.parent_path().string() + ": " + ec.message());
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out) return Error::Io("cannot write " + p.string());
  }
  return Status::Ok();
}

std::string MediaTypeOf(const std::string& path) {
  auto ends = [&](std::string_view ext) {
    return path.size() >= ext.size() && path.compare(path.size() - ext.size(), ext.size(), ext) == 0;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".md")) return "text/markdown; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  return "application/octet-stream";
}

}  // namespace kg::docs
