#include "docs/apa.h"

#include <algorithm>
#include <cctype>

#include "vocabulary/lang.h"

namespace kg::docs {
namespace {

using vocabulary::Config;
using vocabulary::Ref;
using vocabulary::Work;

const char* kBibo = "http://purl.org/ontology/bibo/";

bool HasType(const Work& w, const char* local) {
  std::string t = std::string(kBibo) + local;
  return std::find(w.types.begin(), w.types.end(), t) != w.types.end();
}

// Parts of a periodical or a book: their title is not italic, the
// container is (APA 7 §9.25, §10.1, §10.3).
bool IsArticle(const Work& w) {
  return HasType(w, "AcademicArticle") || HasType(w, "Article") || HasType(w, "Chapter") ||
         HasType(w, "BookSection");
}
bool IsChapter(const Work& w) { return HasType(w, "Chapter") || HasType(w, "BookSection"); }
// Works whose full date is part of the reference (APA 7 §9.14).
bool ShowsFullDate(const Work& w) {
  return HasType(w, "Letter") || HasType(w, "Webpage") || HasType(w, "Article");
}

std::string Name(const Ref& r, const std::string& lang, const Config& config) {
  return vocabulary::RefLabel(r, lang, config).text;
}

// "... ." without doubling the final punctuation of a name ("Akkerman, S. F.").
void EndWith(std::vector<Segment>& out, const std::string& mark = ".") {
  for (auto it = out.rbegin(); it != out.rend(); ++it) {
    if (it->text.empty()) continue;
    char last = it->text.back();
    if (last == '.' || last == '?' || last == '!') return;
    break;
  }
  out.push_back({mark});
}

std::string Date(const Work& w, const std::string& lang) {
  std::string year = !w.year.empty() ? w.year.substr(0, 4) : w.date.substr(0, std::min<std::size_t>(4, w.date.size()));
  if (year.empty()) return lang == "nl" ? "z.d." : "n.d.";
  if (ShowsFullDate(w) && w.date.size() >= 10 && w.date[4] == '-' && w.date[7] == '-') {
    static const char* kNl[] = {"januari", "februari", "maart", "april", "mei", "juni", "juli",
                                "augustus", "september", "oktober", "november", "december"};
    static const char* kEn[] = {"January", "February", "March", "April", "May", "June", "July",
                                "August", "September", "October", "November", "December"};
    int month = std::atoi(w.date.substr(5, 2).c_str());
    int day = std::atoi(w.date.substr(8, 2).c_str());
    if (month >= 1 && month <= 12 && day >= 1) {
      std::string d = std::to_string(day);
      return year + ", " +
             (lang == "nl" ? d + " " + kNl[month - 1] : std::string(kEn[month - 1]) + " " + d);
    }
  }
  return year;
}

// Page ranges with an en dash (APA 7 §9.27): "1-5" -> "1–5".
std::string PageRange(std::string pages) {
  for (std::size_t i = 1; i + 1 < pages.size(); ++i)
    if (pages[i] == '-' && std::isdigit(static_cast<unsigned char>(pages[i - 1])) &&
        std::isdigit(static_cast<unsigned char>(pages[i + 1])))
      pages.replace(i, 1, "–");
  return pages;
}

std::string Title(const Work& w, const std::string& lang, const Config& config) {
  auto t = vocabulary::PickText(w.titles, lang, config.languages);
  if (!t.empty()) return t.text;
  t = vocabulary::PickText(w.labels, lang, config.languages);
  return t.empty() ? w.iri : t.text;
}

}  // namespace

std::vector<Segment> ApaReference(const Work& w, const std::string& lang, const Config& config) {
  std::vector<Segment> out;
  std::vector<Ref> authors = w.authors;
  bool publisher_is_author = false;
  if (authors.empty() && !w.publishers.empty()) {
    authors = w.publishers;  // a group author (APA 7 §9.11)
    publisher_is_author = true;
  }
  const std::string title = Title(w, lang, config);
  bool title_first = authors.empty();
  if (!title_first) {
    std::size_t n = authors.size();
    std::string names;
    for (std::size_t i = 0; i < n; ++i) {
      if (n > 20 && i == 19) {
        names += ", … " + Name(authors[n - 1], lang, config);
        break;
      }
      if (i) names += (i + 1 == n) ? ", & " : ", ";
      names += Name(authors[i], lang, config);
    }
    out.push_back({names});
    EndWith(out);
    out.push_back({" (" + Date(w, lang) + ")."});
  } else {
    // No author: the title takes the author's place (APA 7 §9.12).
    out.push_back({title, !IsArticle(w)});
    EndWith(out);
    out.push_back({" (" + Date(w, lang) + ")."});
  }
  if (!title_first) {
    out.push_back({" "});
    out.push_back({title, !IsArticle(w)});
    EndWith(out);
  }
  if (w.part_of) {
    std::string container = Name(*w.part_of, lang, config);
    if (IsChapter(w)) {
      out.push_back({lang == "nl" ? " In " : " In "});
      out.push_back({container, true});
      std::string pages = PageRange(!w.pages.empty() ? w.pages
                                    : !w.page_start.empty()
                                        ? w.page_start + (w.page_end.empty() ? "" : "–" + w.page_end)
                                        : "");
      if (!pages.empty())
        out.push_back({std::string(" (") + (pages.find_first_of("-–") != std::string::npos ? "pp. " : "p. ") + pages + ")"});
      EndWith(out);
    } else {
      out.push_back({" "});
      out.push_back({container, true});
      if (!w.volume.empty()) {
        out.push_back({", "});
        out.push_back({w.volume, true});
      }
      if (!w.issue.empty()) out.push_back({"(" + w.issue + ")"});
      std::string pages = PageRange(!w.pages.empty() ? w.pages
                                    : !w.page_start.empty()
                                        ? w.page_start + (w.page_end.empty() ? "" : "–" + w.page_end)
                                        : "");
      if (!pages.empty()) out.push_back({", " + pages});
      EndWith(out);
    }
  }
  if (!publisher_is_author && !IsArticle(w)) {
    std::string names;
    for (const auto& p : w.publishers) {
      std::string name = Name(p, lang, config);
      bool same_as_author = false;
      for (const auto& a : authors) same_as_author = same_as_author || a.iri == p.iri;
      if (same_as_author) continue;  // APA 7 §9.29: not repeated
      names += (names.empty() ? "" : "; ") + name;
    }
    if (!names.empty()) {
      out.push_back({" " + names});
      EndWith(out);
    }
  }
  if (!w.url.empty()) {
    out.push_back({" "});
    out.push_back({w.url, false, w.url});
  }
  return out;
}

std::string PlainText(const std::vector<Segment>& segments) {
  std::string s;
  for (const auto& seg : segments) s += seg.text;
  return s;
}

std::string ApaSortKey(const Work& work, const Config& config) {
  std::string lang = config.languages.empty() ? "nl" : config.languages[0];
  return vocabulary::Fold(PlainText(ApaReference(work, lang, config))) + '\x01' + work.iri;
}

}  // namespace kg::docs
