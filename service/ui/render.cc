// Shared pieces of the pages: links, picked texts, references, passages.
#include <string>

#include "core/message.h"
#include "ui/html.h"
#include "ui/pages.h"

namespace kg::ui {

using vocabulary::Config;
using vocabulary::LangText;
using vocabulary::Ref;

std::string ResourceHref(const std::string& iri, ResourceKind fallback, const Config& config) {
  struct Candidate {
    ResourceKind kind;
    std::string prefix;
  };
  const Candidate candidates[] = {
      {ResourceKind::kConcept, config.base + config.concept_segment},
      {ResourceKind::kWork, config.base + config.work_segment},
      {ResourceKind::kScheme, config.base + config.scheme_segment},
  };
  for (const auto& c : candidates) {
    std::string id = vocabulary::ShortId(iri, c.prefix);
    if (!id.empty() && vocabulary::IsValidId(id))
      return "/" + std::string(Segment(c.kind)) + "/" + id;
  }
  return "/" + std::string(Segment(fallback)) + "?iri=" + PercentEncode(iri);
}

std::string TextHtml(const LangText& text, Lang lang) {
  if (text.fallback) {
    std::string tag = text.language.empty() ? "?" : text.language;
    return "<span class=\"fallback\" lang=\"" + Escape(text.language) + "\" title=\"" +
           Escape(Tr(lang, Msg::kFallbackTitle)) + "\">" + Escape(text.text) +
           "<span class=\"lang-tag\">" + Escape(tag) + "</span></span>";
  }
  if (!text.language.empty() && text.language != Code(lang))
    return "<span lang=\"" + Escape(text.language) + "\">" + Escape(text.text) + "</span>";
  return Escape(text.text);
}

std::string RefLink(const Ref& ref, ResourceKind fallback, Lang lang, const Config& config,
                    const LinkMap& links) {
  std::string href = links ? links(ref.iri, fallback) : ResourceHref(ref.iri, fallback, config);
  std::string label = TextHtml(vocabulary::RefLabel(ref, Code(lang), config), lang);
  if (href.empty()) return label;
  return "<a href=\"" + EscapeUrl(href) + "\">" + label + "</a>";
}

std::string ReferenceHtml(const vocabulary::Work& work, Lang lang, const Config& config,
                          bool link_title) {
  std::string h = "<span class=\"reference\">";
  if (!work.authors.empty()) {
    for (std::size_t i = 0; i < work.authors.size(); ++i) {
      if (i) h += (i + 1 == work.authors.size()) ? " &amp; " : ", ";
      h += Escape(vocabulary::RefLabel(work.authors[i], Code(lang), config).text);
    }
    h += " ";
  }
  std::string year = !work.year.empty() ? work.year : work.date;
  if (!year.empty()) h += "(" + Escape(year) + "). ";
  LangText title = vocabulary::PickText(work.titles, Code(lang), config.languages);
  if (title.empty()) title = vocabulary::PickText(work.labels, Code(lang), config.languages);
  if (title.empty()) title.text = work.iri;
  // Titles are not translated: in another language they carry lang="" but
  // are not marked as a missing translation.
  title.fallback = false;
  std::string title_html = TextHtml(title, lang);
  if (link_title)
    h += "<a class=\"title\" href=\"" + EscapeUrl(ResourceHref(work.iri, ResourceKind::kWork, config)) +
         "\">" + title_html + "</a>";
  else
    h += "<span class=\"title\">" + title_html + "</span>";
  h += ".";
  if (work.part_of) {
    LangText container = vocabulary::RefLabel(*work.part_of, Code(lang), config);
    container.fallback = false;  // a journal's name is not translated either
    h += " <span class=\"container\">" + TextHtml(container, lang) + "</span>";
    if (!work.volume.empty()) h += ", " + Escape(work.volume);
    if (!work.issue.empty()) h += "(" + Escape(work.issue) + ")";
    if (!work.page_start.empty()) {
      h += ", " + Escape(work.page_start);
      if (!work.page_end.empty()) h += "–" + Escape(work.page_end);
    } else if (!work.pages.empty()) {
      h += ", " + Escape(work.pages);
    }
    h += ".";
  }
  if (!work.publishers.empty()) {
    h += " ";
    if (!work.place.empty()) h += Escape(work.place) + ": ";
    for (std::size_t i = 0; i < work.publishers.size(); ++i) {
      if (i) h += ", ";
      h += Escape(vocabulary::RefLabel(work.publishers[i], Code(lang), config).text);
    }
    h += ".";
  } else if (!work.place.empty()) {
    h += " " + Escape(work.place) + ".";
  }
  if (!work.url.empty())
    h += " <a class=\"url\" href=\"" + EscapeUrl(work.url) + "\">" + Escape(work.url) + "</a>";
  else if (!work.link_text.empty())
    h += " <span class=\"link-text\">" + Escape(work.link_text) + "</span>";
  h += "</span>";
  return h;
}

std::string PassageHtml(const vocabulary::Passage& passage, Lang lang, const Config& config,
                        const LinkMap& links) {
  std::string h = "<blockquote class=\"passage\"";
  if (!passage.language.empty()) h += " lang=\"" + Escape(passage.language) + "\"";
  h += " cite=\"" + EscapeUrl(passage.iri) + "\"><p>" + Escape(passage.exact) + "</p>";
  h += "<footer lang=\"" + std::string(Code(lang)) + "\">— ";
  if (!passage.source.iri.empty())
    h += "<cite>" + RefLink(passage.source, ResourceKind::kWork, lang, config, links) + "</cite>, ";
  std::string where;
  if (!passage.section.empty())
    where += std::string(Tr(lang, Msg::kSection)) + " “" + passage.section + "”";
  if (passage.paragraph) {
    if (!where.empty()) where += ", ";
    where += std::string(Tr(lang, Msg::kParagraph)) + " " + std::to_string(*passage.paragraph);
  }
  if (!passage.list_item.empty()) {
    if (!where.empty()) where += ", ";
    where += std::string(Tr(lang, Msg::kListItem)) + " " + passage.list_item;
  }
  h += "<span class=\"where\">" + Escape(where) + "</span>";
  h += "</footer>";
  for (const auto& fn : passage.footnotes) {
    h += "<p class=\"footnote\"><small>" + Escape(Tr(lang, Msg::kFootnote)) + " " +
         Escape(fn.number) + ": " + Escape(fn.citation);
    for (const auto& w : fn.works) h += " " + RefLink(w, ResourceKind::kWork, lang, config, links);
    h += "</small></p>";
  }
  h += "</blockquote>";
  return h;
}

}  // namespace kg::ui
