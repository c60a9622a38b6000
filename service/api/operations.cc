#include "api/operations.h"

#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <cctype>
#include <rapidjson/stringbuffer.h>

#include "api/plain_results.h"

namespace kg::api {
namespace {

const std::vector<std::string> kResultTypes{
    "application/json", "application/sparql-results+json", "application/sparql-results+xml",
    "text/csv", "text/tab-separated-values", "text/html"};
const std::vector<std::string> kGraphTypes{"text/turtle", "application/n-triples",
                                           "application/rdf+xml", "application/ld+json"};
std::string OperationId(const std::string& name) {
  std::string id = "query_";
  for (char c : name) id += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return id;
}

// JSON Schema (2020-12, as OpenAPI 3.1 uses) of the concept API's answers,
// written from concept_json.cc's keys. "@context" appears in the JSON-LD
// form only; additional properties are allowed for it.
const char* kConceptSchemas = R"json({
  "LangMap": {"type": "object", "description": "values by language tag; untagged under @none",
    "additionalProperties": {"type": "array", "items": {"type": "string"}}},
  "Ref": {"type": "object", "required": ["iri"], "properties": {
    "iri": {"type": "string"}, "id": {"type": "string"},
    "label": {"$ref": "#/components/schemas/LangMap"}}},
  "Refs": {"type": "array", "items": {"$ref": "#/components/schemas/Ref"}},
  "Footnote": {"type": "object", "required": ["iri"], "properties": {
    "iri": {"type": "string"}, "number": {"type": "string"}, "citation": {"type": "string"},
    "cites": {"$ref": "#/components/schemas/Refs"}}},
  "Passage": {"type": "object", "required": ["iri", "target"], "properties": {
    "iri": {"type": "string"}, "label": {"type": "string"}, "section": {"type": "string"},
    "paragraph": {"type": "integer"}, "listItem": {"type": "string"},
    "language": {"type": "string"},
    "target": {"type": "object", "properties": {
      "source": {"$ref": "#/components/schemas/Ref"},
      "selector": {"type": "object", "required": ["exact"],
                   "properties": {"exact": {"type": "string"}}}}},
    "footnotes": {"type": "array", "items": {"$ref": "#/components/schemas/Footnote"}},
    "cites": {"$ref": "#/components/schemas/Refs"}}},
  "Example": {"type": "object", "required": ["iri"], "properties": {
    "iri": {"type": "string"}, "label": {"$ref": "#/components/schemas/LangMap"},
    "title": {"$ref": "#/components/schemas/LangMap"},
    "text": {"$ref": "#/components/schemas/LangMap"},
    "derivedFrom": {"type": "array", "items": {"type": "object",
                    "properties": {"iri": {"type": "string"}}}}}},
  "Work": {"type": "object", "required": ["iri", "authors"], "properties": {
    "iri": {"type": "string"}, "id": {"type": "string"},
    "type": {"type": "array", "items": {"type": "string"}},
    "label": {"$ref": "#/components/schemas/LangMap"},
    "title": {"$ref": "#/components/schemas/LangMap"},
    "authors": {"$ref": "#/components/schemas/Refs"},
    "year": {"type": "string"}, "date": {"type": "string"},
    "partOf": {"$ref": "#/components/schemas/Ref"},
    "volume": {"type": "string"}, "issue": {"type": "string"},
    "pageStart": {"type": "string"}, "pageEnd": {"type": "string"}, "pages": {"type": "string"},
    "publishers": {"$ref": "#/components/schemas/Refs"},
    "place": {"type": "string"}, "url": {"type": "string"}, "linkText": {"type": "string"},
    "citation": {"type": "string"},
    "editorialNote": {"$ref": "#/components/schemas/LangMap"}}},
  "WorkView": {"allOf": [{"$ref": "#/components/schemas/Work"}, {"type": "object",
    "required": ["citingConcepts", "citingPassages", "citingFootnotes"], "properties": {
      "citingConcepts": {"$ref": "#/components/schemas/Refs"},
      "citingPassages": {"type": "array", "items": {"$ref": "#/components/schemas/Passage"}},
      "citingFootnotes": {"type": "array",
                          "items": {"$ref": "#/components/schemas/Footnote"}}}}]},
  "Works": {"type": "object", "required": ["works"], "properties": {
    "works": {"type": "array", "items": {"$ref": "#/components/schemas/WorkView"}}}},
  "Concept": {"type": "object",
    "required": ["iri", "type", "inScheme", "broader", "narrower", "related", "derivedFrom",
                 "examples", "citesAsAuthority", "sharedWorks"],
    "properties": {
      "iri": {"type": "string"}, "id": {"type": "string"},
      "type": {"type": "array", "items": {"type": "string"}},
      "prefLabel": {"$ref": "#/components/schemas/LangMap"},
      "altLabel": {"$ref": "#/components/schemas/LangMap"},
      "hiddenLabel": {"$ref": "#/components/schemas/LangMap"},
      "definition": {"$ref": "#/components/schemas/LangMap"},
      "explanation": {"$ref": "#/components/schemas/LangMap"},
      "scopeNote": {"$ref": "#/components/schemas/LangMap"},
      "editorialNote": {"$ref": "#/components/schemas/LangMap"},
      "note": {"$ref": "#/components/schemas/LangMap"},
      "example": {"$ref": "#/components/schemas/LangMap"},
      "inScheme": {"$ref": "#/components/schemas/Refs"},
      "topConceptOf": {"$ref": "#/components/schemas/Refs"},
      "broader": {"$ref": "#/components/schemas/Refs"},
      "narrower": {"$ref": "#/components/schemas/Refs"},
      "related": {"$ref": "#/components/schemas/Refs"},
      "relations": {"type": "array", "items": {"type": "object",
        "required": ["property", "target"], "properties": {
          "property": {"type": "string"},
          "propertyLabel": {"$ref": "#/components/schemas/LangMap"},
          "target": {"$ref": "#/components/schemas/Ref"}}}},
      "attributes": {"type": "array", "items": {"type": "object",
        "required": ["property", "values"], "properties": {
          "property": {"type": "string"},
          "propertyLabel": {"$ref": "#/components/schemas/LangMap"},
          "values": {"type": "array", "items": {"type": "object", "required": ["value"],
            "properties": {"value": {"type": "string"}, "language": {"type": "string"},
                           "datatype": {"type": "string"}}}}}}},
      "sources": {"$ref": "#/components/schemas/Refs"},
      "derivedFrom": {"type": "array", "items": {"$ref": "#/components/schemas/Passage"}},
      "examples": {"type": "array", "items": {"$ref": "#/components/schemas/Example"}},
      "citesAsAuthority": {"type": "array", "items": {"$ref": "#/components/schemas/Work"}},
      "sharedWorks": {"type": "array", "items": {"type": "object",
        "required": ["work", "concepts"], "properties": {
          "work": {"$ref": "#/components/schemas/Ref"},
          "concepts": {"$ref": "#/components/schemas/Refs"}}}}}},
  "Neighbours": {"type": "object", "required": ["iri"], "properties": {
    "iri": {"type": "string"}, "id": {"type": "string"},
    "broader": {"$ref": "#/components/schemas/Refs"},
    "narrower": {"$ref": "#/components/schemas/Refs"},
    "related": {"$ref": "#/components/schemas/Refs"}}},
  "Hierarchy": {"type": "object", "required": ["iri", "paths"], "properties": {
    "iri": {"type": "string"}, "id": {"type": "string"},
    "paths": {"type": "array", "description": "each path from a top concept down to this one",
      "items": {"type": "array", "items": {"allOf": [{"$ref": "#/components/schemas/Ref"},
        {"type": "object", "properties": {"broader": {"$ref": "#/components/schemas/Refs"}}}]}}}}},
  "SearchResults": {"type": "object", "required": ["query", "lang", "results"], "properties": {
    "query": {"type": "string"}, "lang": {"type": "string"},
    "results": {"type": "array", "items": {"type": "object",
      "required": ["iri", "prefLabel", "prefLabelFallback", "matchedLabel", "labelKind",
                   "matchKind"],
      "properties": {
        "iri": {"type": "string"}, "id": {"type": "string"},
        "prefLabel": {"type": "object", "additionalProperties": {"type": "string"},
                      "description": "the label shown: one entry, language -> text"},
        "prefLabelFallback": {"type": "boolean",
                              "description": "true when no label exists in lang"},
        "matchedLabel": {"type": "string"}, "matchedLanguage": {"type": "string"},
        "labelKind": {"enum": ["prefLabel", "altLabel", "hiddenLabel"]},
        "matchKind": {"enum": ["exact", "prefix", "word-prefix", "substring"]},
        "inScheme": {"$ref": "#/components/schemas/Refs"}}}}}},
  "Scheme": {"type": "object", "required": ["iri", "topConcepts", "conceptCount"],
    "properties": {
      "iri": {"type": "string"}, "id": {"type": "string"}, "type": {"type": "string"},
      "prefLabel": {"$ref": "#/components/schemas/LangMap"},
      "definition": {"$ref": "#/components/schemas/LangMap"},
      "topConcepts": {"$ref": "#/components/schemas/Refs"},
      "conceptCount": {"type": "integer", "minimum": 0}}},
  "Schemes": {"type": "object", "required": ["schemes"], "properties": {
    "schemes": {"type": "array", "items": {"$ref": "#/components/schemas/Scheme"}}}},
  "TreeNode": {"type": "object", "required": ["iri"], "properties": {
    "iri": {"type": "string"}, "id": {"type": "string"},
    "prefLabel": {"$ref": "#/components/schemas/LangMap"},
    "narrower": {"type": "array", "items": {"$ref": "#/components/schemas/TreeNode"}}}},
  "SchemeTree": {"allOf": [{"$ref": "#/components/schemas/Scheme"}, {"type": "object",
    "required": ["tree"], "properties": {
      "tree": {"type": "array", "description": "top concepts (and concepts without a broader one in the scheme), each with its narrower concepts",
               "items": {"$ref": "#/components/schemas/TreeNode"}}}}]}
})json";

const std::vector<std::string> kConceptTypes{"application/json", "application/ld+json"};

void ConceptOperations(std::vector<Operation>& ops) {
  const OperationParam id{"id", "path", "string", true, "", {},
                          "the concept's short id, the slug after /begrip/ (e.g. grens)"};
  auto op = [&](std::string path, std::string op_id, std::string summary,
                std::string description, std::vector<OperationParam> params,
                std::string schema) {
    std::string tag = path.rfind("/api/works", 0) == 0    ? "works"
                      : path.rfind("/api/schemes", 0) == 0 ? "schemes"
                                                           : "concepts";
    Operation o{std::move(path), std::move(op_id), std::move(summary), std::move(description),
                {tag}, std::move(params), kConceptTypes};
    o.schema = std::move(schema);
    ops.push_back(std::move(o));
  };
  op("/api/concepts", "searchConcepts", "Search concepts by label",
     "Matches preferred, alternative and hidden labels in every language, ignoring case and "
     "accents (coordinatie finds coördinatie); ranked exact > prefix > word prefix > "
     "substring, preferred before alternative labels.",
     {{"q", "query", "string", true, "", {}, "the text to look for"},
      {"lang", "query", "string", false, "nl", {},
       "language of the labels shown (a label only in another language is marked as a "
       "fallback)"},
      {"limit", "query", "integer", false, "20", {}, "at most this many results (1-100)"}},
     "SearchResults");
  op("/api/concepts/{id}", "getConcept", "One concept",
     "Labels, definitions, explanation and notes per language; the brochure passages it is "
     "derived from (quote, section, paragraph, footnotes); examples; broader, narrower, "
     "related and every other relation of the ul: ontology; schemes; the works it cites with "
     "full bibliographic data and the other concepts resting on them.",
     {id}, "Concept");
  op("/api/concepts/{id}/broader", "getBroader", "Broader concepts", "", {id}, "Neighbours");
  op("/api/concepts/{id}/narrower", "getNarrower", "Narrower concepts", "", {id}, "Neighbours");
  op("/api/concepts/{id}/related", "getRelated", "Related concepts", "", {id}, "Neighbours");
  op("/api/concepts/{id}/hierarchy", "getHierarchy", "Paths to the top",
     "Every path from a top concept down to this concept (skos:broader).", {id}, "Hierarchy");
  op("/api/schemes", "listSchemes", "Concept schemes with their top concepts", "", {},
     "Schemes");
  op("/api/schemes/{id}", "getScheme", "One concept scheme with its tree",
     "The scheme's labels, definition and top concepts, and the tree of its concepts "
     "(skos:narrower within the scheme).",
     {{"id", "path", "string", true, "", {}, "the scheme's short id, the slug after /schema/"}},
     "SchemeTree");
  op("/api/works", "listWorks", "Cited works",
     "Every work cited by a concept, passage or footnote, and the brochure, with citing "
     "concepts, passages and footnotes.",
     {}, "Works");
  op("/api/works/{id}", "getWork", "One work with the concepts citing it", "",
     {{"id", "path", "string", true, "", {}, "the work's short id, the slug after /werk/"}},
     "WorkView");
}

void FixedOperations(std::vector<Operation>& ops) {
  ConceptOperations(ops);
  ops.push_back({"/api/queries", "listQueries", "List the named queries",
                 "Every queries/**/*.rq file served under /api/queries/{name}.", {"meta"}, {},
                 {"application/json"}});
  ops.push_back({"/api/openapi.json", "openapi", "This OpenAPI document", "", {"meta"}, {},
                 {"application/json"}});
}

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;
void Str(Writer& w, const std::string& s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void Schema(Writer& w, const OperationParam& p) {
  w.StartObject();
  w.Key("type");
  w.String(p.type == "integer" ? "integer" : "string");
  if (p.type == "iri") {
    w.Key("format");
    w.String("iri");
  } else if (p.type == "date") {
    w.Key("format");
    w.String("date");
  } else if (p.type == "langstring") {
    w.Key("pattern");
    w.String("^.*@[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$");
  }
  if (!p.values.empty()) {
    w.Key("enum");
    w.StartArray();
    for (const auto& v : p.values) Str(w, v);
    w.EndArray();
  }
  if (!p.default_value.empty()) {
    w.Key("default");
    if (p.type == "integer") w.Int64(std::stoll(p.default_value));
    else Str(w, p.default_value);
  }
  w.EndObject();
}

void Param(Writer& w, const OperationParam& p) {
  w.StartObject();
  w.Key("name");
  Str(w, p.name);
  w.Key("in");
  Str(w, p.in);
  w.Key("required");
  w.Bool(p.required || p.in == "path");
  if (!p.description.empty()) {
    w.Key("description");
    Str(w, p.description);
  }
  w.Key("schema");
  Schema(w, p);
  w.EndObject();
}

}  // namespace

std::vector<Operation> ApiOperations(const QueryCatalog& catalog) {
  std::vector<Operation> ops;
  for (const auto& [name, q] : catalog) {
    Operation op{"/api/queries/" + name, OperationId(name), q.summary, q.description, q.tags};
    if (op.tags.empty()) op.tags.push_back(name.substr(0, name.find('/')));
    for (const auto& p : q.params) {
      OperationParam op_param{p.name, "query", ParamTypeName(p.type), p.required,
                              p.default_value, p.values, p.description};
      if (p.type == ParamType::kLangString && op_param.description.empty())
        op_param.description = "text@language";
      op.params.push_back(op_param);
      if (p.type == ParamType::kLangString)
        op.params.push_back({p.name + "_lang", "query", "string", false, "", {},
                             "language of " + p.name + " when it is given without @lang"});
    }
    if (q.pagination > 0) {
      op.paginated = true;
      op.params.push_back({"page", "query", "integer", false, "1", {}, "page number, from 1"});
      op.params.push_back({"per_page", "query", "integer", false,
                           std::to_string(q.pagination), {}, "rows per page (at most 1000)"});
    }
    op.media_types = q.is_select_or_ask ? kResultTypes : kGraphTypes;
    ops.push_back(std::move(op));
  }
  FixedOperations(ops);
  return ops;
}

std::string OpenApiJson(const std::vector<Operation>& operations, const std::string& server) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("openapi");
  w.String("3.1.0");
  w.Key("info");
  w.StartObject();
  w.Key("title");
  w.String("kg — Utrecht Leert knowledge graph API");
  w.Key("version");
  w.String("1");
  w.Key("description");
  w.String("Named SPARQL queries (queries/**/*.rq) and a concept API. Answers carry an ETag "
           "tied to the graph's version and honour If-None-Match.");
  w.EndObject();
  if (!server.empty()) {
    w.Key("servers");
    w.StartArray();
    w.StartObject();
    w.Key("url");
    Str(w, server);
    w.EndObject();
    w.EndArray();
  }
  w.Key("paths");
  w.StartObject();
  for (const auto& op : operations) {
    Str(w, op.path);
    w.StartObject();
    w.Key("get");
    w.StartObject();
    w.Key("operationId");
    Str(w, op.operation_id);
    w.Key("summary");
    Str(w, op.summary);
    if (!op.description.empty()) {
      w.Key("description");
      Str(w, op.description);
    }
    w.Key("tags");
    w.StartArray();
    for (const auto& t : op.tags) Str(w, t);
    w.EndArray();
    w.Key("parameters");
    w.StartArray();
    for (const auto& p : op.params) Param(w, p);
    w.EndArray();
    w.Key("responses");
    w.StartObject();
    w.Key("200");
    w.StartObject();
    w.Key("description");
    w.String(op.paginated ? "the answer (one page; Link headers point to the others)"
                          : "the answer");
    w.Key("content");
    w.StartObject();
    for (const auto& mt : op.media_types) {
      Str(w, mt);
      w.StartObject();
      if (!op.schema.empty()) {
        w.Key("schema");
        w.StartObject();
        w.Key("$ref");
        Str(w, "#/components/schemas/" + op.schema);
        w.EndObject();
      }
      w.EndObject();
    }
    w.EndObject();
    w.EndObject();
    w.Key("304");
    w.StartObject();
    w.Key("description");
    w.String("not modified (If-None-Match matched the ETag)");
    w.EndObject();
    w.Key("400");
    w.StartObject();
    w.Key("description");
    w.String("a parameter is missing or not of its type (the problem names it)");
    w.EndObject();
    if (op.path.find('{') != std::string::npos) {
      w.Key("404");
      w.StartObject();
      w.Key("description");
      w.String("no such resource");
      w.EndObject();
    }
    w.Key("406");
    w.StartObject();
    w.Key("description");
    w.String("no acceptable media type");
    w.EndObject();
    w.EndObject();
    w.EndObject();
    w.EndObject();
  }
  w.EndObject();
  bool schemas = false;
  for (const auto& op : operations) schemas = schemas || !op.schema.empty();
  if (schemas) {
    w.Key("components");
    w.StartObject();
    w.Key("schemas");
    rapidjson::Document doc;  // parsed once per document; a constant, so it parses
    doc.Parse(kConceptSchemas);
    doc.Accept(w);
    w.EndObject();
  }
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

std::string OpenApiHtml(const std::vector<Operation>& operations) {
  std::string h =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<title>kg API</title><style>body{font-family:sans-serif;max-width:60em;margin:1.5em auto;"
      "padding:0 1em}h2{border-top:1px solid #ddd;padding-top:.8em;font-size:1.1em}"
      "code{background:#f4f4f4;padding:0 .2em}table{border-collapse:collapse}"
      "td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}"
      ".tag{color:#666;font-size:.9em}</style></head><body>\n"
      "<h1>kg API</h1>\n<p>Machine-readable: <a href=\"/api/openapi.json\">OpenAPI 3.1 "
      "document</a>. All operations are <code>GET</code>; answers carry an <code>ETag</code> "
      "and honour <code>If-None-Match</code>.</p>\n<ul>\n";
  for (const auto& op : operations)
    h += "<li><a href=\"#" + HtmlEscape(op.operation_id) + "\"><code>" + HtmlEscape(op.path) +
         "</code></a> — " + HtmlEscape(op.summary) + "</li>\n";
  h += "</ul>\n";
  for (const auto& op : operations) {
    h += "<h2 id=\"" + HtmlEscape(op.operation_id) + "\"><code>GET " + HtmlEscape(op.path) +
         "</code></h2>\n<p>" + HtmlEscape(op.summary) + "</p>\n";
    if (!op.description.empty()) h += "<p>" + HtmlEscape(op.description) + "</p>\n";
    std::string tags;
    for (const auto& t : op.tags) tags += (tags.empty() ? "" : ", ") + t;
    h += "<p class=\"tag\">tags: " + HtmlEscape(tags) + "</p>\n";
    if (!op.params.empty()) {
      h += "<table><tr><th>parameter</th><th>in</th><th>type</th><th>required</th>"
           "<th>default</th><th>description</th></tr>\n";
      for (const auto& p : op.params) {
        std::string type = p.type;
        if (!p.values.empty()) {
          type += ": ";
          for (std::size_t i = 0; i < p.values.size(); ++i)
            type += (i ? " | " : "") + p.values[i];
        }
        h += "<tr><td><code>" + HtmlEscape(p.name) + "</code></td><td>" + HtmlEscape(p.in) +
             "</td><td>" + HtmlEscape(type) + "</td><td>" +
             (p.required || p.in == "path" ? "yes" : "no") + "</td><td>" +
             HtmlEscape(p.default_value) + "</td><td>" + HtmlEscape(p.description) +
             "</td></tr>\n";
      }
      h += "</table>\n";
    }
    std::string types;
    for (const auto& t : op.media_types) types += (types.empty() ? "" : ", ") + t;
    h += "<p class=\"tag\">answers: " + HtmlEscape(types) + "</p>\n";
  }
  return h + "</body></html>\n";
}

}  // namespace kg::api
