#include "sparql/service_description.h"

#include "serialize/format.h"

namespace kg {
namespace {

constexpr const char* kSd = "http://www.w3.org/ns/sparql-service-description#";
constexpr const char* kFormats = "http://www.w3.org/ns/formats/";
constexpr const char* kVoid = "http://rdfs.org/ns/void#";
constexpr const char* kXsd = "http://www.w3.org/2001/XMLSchema#";

Term Sd(const char* local) { return Term::Iri(std::string(kSd) + local); }

}  // namespace

Graph ServiceDescription(const ServiceInfo& info) {
  Graph g;
  Term service = Term::Blank("service");
  auto add = [&](const Term& s, const Term& p, const Term& o) { g.push_back({s, p, o}); };
  add(service, Term::Iri(kRdfType), Sd("Service"));
  add(service, Sd("endpoint"), Term::Iri(info.endpoint_iri));
  add(service, Sd("supportedLanguage"), Sd("SPARQL11Query"));
  if (info.update) add(service, Sd("supportedLanguage"), Sd("SPARQL11Update"));
  // W3C "Unique URIs for file formats": the result and graph formats we write.
  for (const char* f : {"SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                        "SPARQL_Results_TSV", "Turtle", "N-Triples", "RDF_XML", "JSON-LD"})
    add(service, Sd("resultFormat"), Term::Iri(std::string(kFormats) + f));
  for (const char* f : {"Turtle", "N-Triples", "RDF_XML", "JSON-LD"})
    add(service, Sd("inputFormat"), Term::Iri(std::string(kFormats) + f));
  if (info.union_default_graph) add(service, Sd("feature"), Sd("UnionDefaultGraph"));

  Term dataset = Term::Blank("dataset");
  add(service, Sd("defaultDataset"), dataset);
  add(dataset, Term::Iri(kRdfType), Sd("Dataset"));
  Term def = Term::Blank("defaultGraph");
  add(dataset, Sd("defaultGraph"), def);
  add(def, Term::Iri(kRdfType), Sd("Graph"));
  add(def, Term::Iri(std::string(kVoid) + "triples"),
      Term::Literal(std::to_string(info.triples), "", std::string(kXsd) + "integer"));
  int i = 0;
  for (const auto& name : info.named_graphs) {
    Term ng = Term::Blank("namedGraph" + std::to_string(i++));
    add(dataset, Sd("namedGraph"), ng);
    add(ng, Term::Iri(kRdfType), Sd("NamedGraph"));
    add(ng, Sd("name"), Term::Iri(name));
  }
  return g;
}

PrefixMap ServiceDescriptionPrefixes() {
  return {{"sd", kSd}, {"formats", kFormats}, {"void", kVoid}, {"xsd", kXsd}};
}

}  // namespace kg
