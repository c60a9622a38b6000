#include "api/concept_json.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace kg::api {
namespace {

using vocabulary::Attribute;
using vocabulary::ConceptView;
using vocabulary::Example;
using vocabulary::Footnote;
using vocabulary::LangValues;
using vocabulary::Passage;
using vocabulary::Ref;
using vocabulary::Relation;
using vocabulary::SchemeView;
using vocabulary::SearchHit;
using vocabulary::Work;
using vocabulary::WorkView;

class Json {
 public:
  explicit Json(const JsonOptions& o) : w_(buf_), o_(o) {}
  rapidjson::Writer<rapidjson::StringBuffer>& w() { return w_; }

  void Str(std::string_view s) { w_.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
  void Key(std::string_view k) { w_.Key(k.data(), static_cast<rapidjson::SizeType>(k.size())); }
  void KeyStr(std::string_view k, std::string_view v) {
    Key(k);
    Str(v);
  }
  void KeyStrIf(std::string_view k, const std::string& v) {
    if (!v.empty()) KeyStr(k, v);
  }

  // Starts the top-level object, with the context in JSON-LD form.
  void Begin() {
    w_.StartObject();
    if (o_.jsonld) {
      Key("@context");
      std::string ctx = ConceptContext(o_.ontology_ns);
      w_.RawValue(ctx.data(), ctx.size(), rapidjson::kObjectType);
    }
  }
  std::string End() {
    w_.EndObject();
    return std::string(buf_.GetString(), buf_.GetSize());
  }

  // A language map {"nl": ["..."], "@none": ["..."]}; nothing for no values.
  void Lang(std::string_view key, const LangValues& v) {
    if (v.empty()) return;
    Key(key);
    w_.StartObject();
    for (const auto& [lang, values] : v) {
      Key(lang.empty() ? "@none" : lang);
      w_.StartArray();
      for (const auto& s : values) Str(s);
      w_.EndArray();
    }
    w_.EndObject();
  }

  void RefObj(const Ref& r) {
    w_.StartObject();
    KeyStr("iri", r.iri);
    KeyStrIf("id", r.id);
    Lang("label", r.labels);
    w_.EndObject();
  }
  void Refs(std::string_view key, const std::vector<Ref>& refs, bool always = false) {
    if (refs.empty() && !always) return;
    Key(key);
    w_.StartArray();
    for (const auto& r : refs) RefObj(r);
    w_.EndArray();
  }

  void FootnoteObj(const Footnote& f) {
    w_.StartObject();
    KeyStr("iri", f.iri);
    KeyStrIf("number", f.number);
    KeyStrIf("citation", f.citation);
    Refs("cites", f.works);
    w_.EndObject();
  }

  void PassageObj(const Passage& p) {
    w_.StartObject();
    KeyStr("iri", p.iri);
    KeyStrIf("label", p.label);
    KeyStrIf("section", p.section);
    if (p.paragraph) {
      Key("paragraph");
      w_.Int(*p.paragraph);
    }
    KeyStrIf("listItem", p.list_item);
    KeyStrIf("language", p.language);
    // As in the graph: passage -> target -> (source, selector -> exact).
    Key("target");
    w_.StartObject();
    if (!p.source.iri.empty()) {
      Key("source");
      RefObj(p.source);
    }
    Key("selector");
    w_.StartObject();
    KeyStr("exact", p.exact);
    w_.EndObject();
    w_.EndObject();
    if (!p.footnotes.empty()) {
      Key("footnotes");
      w_.StartArray();
      for (const auto& f : p.footnotes) FootnoteObj(f);
      w_.EndArray();
    }
    Refs("cites", p.cites);
    w_.EndObject();
  }

  void ExampleObj(const Example& e) {
    w_.StartObject();
    KeyStr("iri", e.iri);
    Lang("label", e.labels);
    Lang("title", e.titles);
    Lang("text", e.texts);
    if (!e.derived_from.empty()) {
      Key("derivedFrom");
      w_.StartArray();
      for (const auto& d : e.derived_from) {
        w_.StartObject();
        KeyStr("iri", d);
        w_.EndObject();
      }
      w_.EndArray();
    }
    w_.EndObject();
  }

  void WorkFields(const Work& w) {
    KeyStr("iri", w.iri);
    KeyStrIf("id", w.id);
    if (!w.types.empty()) {
      Key("type");
      w_.StartArray();
      for (const auto& t : w.types) Str(t);
      w_.EndArray();
    }
    Lang("label", w.labels);
    Lang("title", w.titles);
    Key("authors");
    w_.StartArray();  // always present: [] says "no author named"
    for (const auto& a : w.authors) RefObj(a);
    w_.EndArray();
    KeyStrIf("year", w.year);
    KeyStrIf("date", w.date);
    if (w.part_of) {
      Key("partOf");
      RefObj(*w.part_of);
    }
    KeyStrIf("volume", w.volume);
    KeyStrIf("issue", w.issue);
    KeyStrIf("pageStart", w.page_start);
    KeyStrIf("pageEnd", w.page_end);
    KeyStrIf("pages", w.pages);
    Refs("publishers", w.publishers);
    KeyStrIf("place", w.place);
    KeyStrIf("url", w.url);
    KeyStrIf("linkText", w.link_text);
    KeyStrIf("citation", w.citation);
    Lang("editorialNote", w.editorial_notes);
  }

  void PropertyLabels(const LangValues& v) { Lang("propertyLabel", v); }

 private:
  rapidjson::StringBuffer buf_;
  rapidjson::Writer<rapidjson::StringBuffer> w_;
  const JsonOptions& o_;
};

void Relations(Json& j, const std::vector<Relation>& rels) {
  if (rels.empty()) return;
  j.Key("relations");
  j.w().StartArray();
  for (const auto& r : rels) {
    j.w().StartObject();
    j.KeyStr("property", r.property);
    j.PropertyLabels(r.property_labels);
    j.Key("target");
    j.RefObj(r.target);
    j.w().EndObject();
  }
  j.w().EndArray();
}

void Attributes(Json& j, const std::vector<Attribute>& attrs) {
  if (attrs.empty()) return;
  j.Key("attributes");
  j.w().StartArray();
  for (const auto& a : attrs) {
    j.w().StartObject();
    j.KeyStr("property", a.property);
    j.PropertyLabels(a.property_labels);
    j.Key("values");
    j.w().StartArray();
    for (const auto& v : a.values) {
      j.w().StartObject();
      j.KeyStr("value", v.text);
      j.KeyStrIf("language", v.language);
      j.KeyStrIf("datatype", v.datatype);
      j.w().EndObject();
    }
    j.w().EndArray();
    j.w().EndObject();
  }
  j.w().EndArray();
}

const char* LabelKindName(vocabulary::LabelKind k) {
  switch (k) {
    case vocabulary::LabelKind::kPref: return "prefLabel";
    case vocabulary::LabelKind::kAlt: return "altLabel";
    case vocabulary::LabelKind::kHidden: return "hiddenLabel";
  }
  return "";
}

const char* MatchKindName(vocabulary::MatchKind k) {
  switch (k) {
    case vocabulary::MatchKind::kExact: return "exact";
    case vocabulary::MatchKind::kPrefix: return "prefix";
    case vocabulary::MatchKind::kWordPrefix: return "word-prefix";
    case vocabulary::MatchKind::kSubstring: return "substring";
  }
  return "";
}

void SchemeFields(Json& j, const SchemeView& s) {
  j.KeyStr("iri", s.iri);
  j.KeyStrIf("id", s.id);
  j.KeyStr("type", "http://www.w3.org/2004/02/skos/core#ConceptScheme");
  j.Lang("prefLabel", s.pref_labels);
  j.Lang("definition", s.definitions);
  j.Refs("topConcepts", s.top_concepts, true);
  j.Key("conceptCount");
  j.w().Uint64(s.concept_count);
}

void SchemeObj(Json& j, const SchemeView& s) {
  j.w().StartObject();
  SchemeFields(j, s);
  j.w().EndObject();
}

void TreeNodes(Json& j, const char* key, const std::vector<vocabulary::TreeNode>& nodes) {
  j.Key(key);
  j.w().StartArray();
  for (const auto& n : nodes) {
    j.w().StartObject();
    j.KeyStr("iri", n.ref.iri);
    j.KeyStrIf("id", n.ref.id);
    j.Lang("prefLabel", n.ref.labels);
    if (!n.children.empty()) TreeNodes(j, "narrower", n.children);
    j.w().EndObject();
  }
  j.w().EndArray();
}

void WorkViewFields(Json& j, const WorkView& v) {
  j.WorkFields(v.work);
  j.Refs("citingConcepts", v.citing_concepts, true);
  j.Key("citingPassages");
  j.w().StartArray();
  for (const auto& p : v.citing_passages) j.PassageObj(p);
  j.w().EndArray();
  j.Key("citingFootnotes");
  j.w().StartArray();
  for (const auto& f : v.footnotes) j.FootnoteObj(f);
  j.w().EndArray();
}

}  // namespace

std::string ConceptContext(const std::string& ul) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  auto key = [&](const char* k) { w.Key(k); };
  auto term = [&](const char* k, const std::string& id) {
    key(k);
    w.String(id.c_str());
  };
  auto typed = [&](const char* k, const std::string& id, const char* attr, const char* value) {
    key(k);
    w.StartObject();
    w.Key("@id");
    w.String(id.c_str());
    w.Key(attr);
    w.String(value);
    w.EndObject();
  };
  auto lang = [&](const char* k, const std::string& id) { typed(k, id, "@container", "@language"); };
  auto ref = [&](const char* k, const std::string& id) { typed(k, id, "@type", "@id"); };
  const std::string skos = "http://www.w3.org/2004/02/skos/core#";
  const std::string dct = "http://purl.org/dc/terms/";
  const std::string bibo = "http://purl.org/ontology/bibo/";
  const std::string oa = "http://www.w3.org/ns/oa#";
  const std::string cito = "http://purl.org/spar/cito/";
  const std::string xsd = "http://www.w3.org/2001/XMLSchema#";
  w.StartObject();
  term("iri", "@id");
  term("type", "@type");
  term("results", "@graph");
  term("schemes", "@graph");
  term("works", "@graph");
  lang("prefLabel", skos + "prefLabel");
  lang("altLabel", skos + "altLabel");
  lang("hiddenLabel", skos + "hiddenLabel");
  lang("definition", skos + "definition");
  lang("explanation", "http://www.w3.org/2000/01/rdf-schema#comment");
  lang("scopeNote", skos + "scopeNote");
  lang("editorialNote", skos + "editorialNote");
  lang("note", skos + "note");
  lang("example", skos + "example");
  lang("label", "http://www.w3.org/2000/01/rdf-schema#label");
  lang("title", dct + "title");
  lang("text", ul + "exampleText");
  ref("broader", skos + "broader");
  ref("narrower", skos + "narrower");
  ref("related", skos + "related");
  ref("inScheme", skos + "inScheme");
  ref("topConceptOf", skos + "topConceptOf");
  ref("topConcepts", skos + "hasTopConcept");
  ref("sources", dct + "source");
  ref("derivedFrom", "http://www.w3.org/ns/prov#wasDerivedFrom");
  ref("examples", ul + "hasExample");
  ref("citesAsAuthority", cito + "citesAsAuthority");
  ref("cites", cito + "cites");
  ref("footnotes", ul + "hasFootnote");
  ref("target", oa + "hasTarget");
  ref("source", oa + "hasSource");
  ref("selector", oa + "hasSelector");
  term("exact", oa + "exact");
  term("section", ul + "section");
  typed("paragraph", ul + "paragraph", "@type", (xsd + "integer").c_str());
  term("listItem", ul + "listItem");
  typed("number", ul + "footnoteNumber", "@type", (xsd + "integer").c_str());
  term("citation", dct + "bibliographicCitation");
  typed("authors", bibo + "authorList", "@container", "@list");
  typed("year", dct + "issued", "@type", (xsd + "gYear").c_str());
  typed("date", dct + "date", "@type", (xsd + "date").c_str());
  ref("partOf", dct + "isPartOf");
  term("volume", bibo + "volume");
  term("issue", bibo + "issue");
  term("pageStart", bibo + "pageStart");
  term("pageEnd", bibo + "pageEnd");
  term("pages", bibo + "pages");
  ref("publishers", dct + "publisher");
  term("place", ul + "placeOfPublication");
  ref("url", "http://xmlns.com/foaf/0.1/page");
  term("linkText", ul + "linkText");
  auto reverse = [&](const char* k, const std::string& id) {
    key(k);
    w.StartObject();
    w.Key("@reverse");
    w.String(id.c_str());
    w.EndObject();
  };
  reverse("tree", skos + "inScheme");
  reverse("citingConcepts", cito + "citesAsAuthority");
  reverse("citingPassages", cito + "cites");
  reverse("citingFootnotes", cito + "cites");
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize());
}

std::string ConceptJson(const ConceptView& c, const JsonOptions& o) {
  Json j(o);
  j.Begin();
  j.KeyStr("iri", c.iri);
  j.KeyStrIf("id", c.id);
  j.Key("type");
  j.w().StartArray();
  for (const auto& t : c.types) j.Str(t.iri);
  j.w().EndArray();
  j.Lang("prefLabel", c.pref_labels);
  j.Lang("altLabel", c.alt_labels);
  j.Lang("hiddenLabel", c.hidden_labels);
  j.Lang("definition", c.definitions);
  j.Lang("explanation", c.explanations);
  j.Lang("scopeNote", c.scope_notes);
  j.Lang("editorialNote", c.editorial_notes);
  j.Lang("note", c.notes);
  j.Lang("example", c.examples_text);
  j.Refs("inScheme", c.in_schemes, true);
  j.Refs("topConceptOf", c.top_concept_of);
  j.Refs("broader", c.broader, true);
  j.Refs("narrower", c.narrower, true);
  j.Refs("related", c.related, true);
  Relations(j, c.relations);
  Attributes(j, c.attributes);
  j.Refs("sources", c.sources);
  j.Key("derivedFrom");
  j.w().StartArray();
  for (const auto& p : c.derived_from) j.PassageObj(p);
  j.w().EndArray();
  j.Key("examples");
  j.w().StartArray();
  for (const auto& e : c.examples) j.ExampleObj(e);
  j.w().EndArray();
  j.Key("citesAsAuthority");
  j.w().StartArray();
  for (const auto& w : c.works) {
    j.w().StartObject();
    j.WorkFields(w);
    j.w().EndObject();
  }
  j.w().EndArray();
  j.Key("sharedWorks");
  j.w().StartArray();
  for (const auto& s : c.shared_works) {
    j.w().StartObject();
    j.Key("work");
    j.RefObj(s.work);
    j.Refs("concepts", s.concepts, true);
    j.w().EndObject();
  }
  j.w().EndArray();
  return j.End();
}

std::string NeighboursJson(const std::string& iri, const std::string& id, const char* relation,
                           const std::vector<Ref>& refs, const JsonOptions& o) {
  Json j(o);
  j.Begin();
  j.KeyStr("iri", iri);
  j.KeyStrIf("id", id);
  j.Refs(relation, refs, true);
  return j.End();
}

std::string HierarchyJson(const std::string& iri, const std::string& id,
                          const std::vector<std::vector<Ref>>& paths, const JsonOptions& o) {
  Json j(o);
  j.Begin();
  j.KeyStr("iri", iri);
  j.KeyStrIf("id", id);
  j.Key("paths");
  j.w().StartArray();
  for (const auto& path : paths) {
    j.w().StartArray();
    for (std::size_t i = 0; i < path.size(); ++i) {
      j.w().StartObject();
      j.KeyStr("iri", path[i].iri);
      j.KeyStrIf("id", path[i].id);
      j.Lang("label", path[i].labels);
      if (i > 0) {
        j.Key("broader");
        j.w().StartArray();
        j.w().StartObject();
        j.KeyStr("iri", path[i - 1].iri);
        j.w().EndObject();
        j.w().EndArray();
      }
      j.w().EndObject();
    }
    j.w().EndArray();
  }
  j.w().EndArray();
  return j.End();
}

std::string SearchJson(std::string_view q, std::string_view lang,
                       const std::vector<SearchHit>& hits, const JsonOptions& o) {
  Json j(o);
  j.Begin();
  j.KeyStr("query", q);
  j.KeyStr("lang", lang);
  j.Key("results");
  j.w().StartArray();
  for (const auto& h : hits) {
    j.w().StartObject();
    j.KeyStr("iri", h.iri);
    j.KeyStrIf("id", h.id);
    // The label shown, as a one-entry language map (so JSON-LD reads it
    // as skos:prefLabel), and whether it is a fallback language.
    j.Key("prefLabel");
    j.w().StartObject();
    j.Key(h.pref_label.language.empty() ? "@none" : h.pref_label.language);
    j.Str(h.pref_label.text);
    j.w().EndObject();
    j.Key("prefLabelFallback");
    j.w().Bool(h.pref_label.fallback);
    j.KeyStr("matchedLabel", h.matched_label);
    j.KeyStr("matchedLanguage", h.matched_language);
    j.KeyStr("labelKind", LabelKindName(h.label_kind));
    j.KeyStr("matchKind", MatchKindName(h.match_kind));
    j.Refs("inScheme", h.schemes, true);
    j.w().EndObject();
  }
  j.w().EndArray();
  return j.End();
}

std::string SchemeJson(const SchemeView& scheme, const std::vector<vocabulary::TreeNode>& tree,
                       const JsonOptions& o) {
  Json j(o);
  j.Begin();
  SchemeFields(j, scheme);
  TreeNodes(j, "tree", tree);
  return j.End();
}

std::string SchemesJson(const std::vector<SchemeView>& schemes, const JsonOptions& o) {
  Json j(o);
  j.Begin();
  j.Key("schemes");
  j.w().StartArray();
  for (const auto& s : schemes) SchemeObj(j, s);
  j.w().EndArray();
  return j.End();
}

std::string WorksJson(const std::vector<WorkView>& works, const JsonOptions& o) {
  Json j(o);
  j.Begin();
  j.Key("works");
  j.w().StartArray();
  for (const auto& v : works) {
    j.w().StartObject();
    WorkViewFields(j, v);
    j.w().EndObject();
  }
  j.w().EndArray();
  return j.End();
}

std::string WorkJson(const WorkView& work, const JsonOptions& o) {
  Json j(o);
  j.Begin();
  WorkViewFields(j, work);
  return j.End();
}

}  // namespace kg::api
