// Tests for sparql/service_description.h.
#include "sparql/service_description.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace kg {
namespace {

const std::string kSd = "http://www.w3.org/ns/sparql-service-description#";

bool Has(const Graph& g, const Term& p, const Term& o) {
  return std::any_of(g.begin(), g.end(),
                     [&](const Triple& t) { return t.predicate == p && t.object == o; });
}
std::size_t Count(const Graph& g, const Term& p) {
  return std::count_if(g.begin(), g.end(), [&](const Triple& t) { return t.predicate == p; });
}
Term Sd(const std::string& local) { return Term::Iri(kSd + local); }

ServiceInfo Info(bool union_default) {
  ServiceInfo info;
  info.endpoint_iri = "http://127.0.0.1:7878/sparql";
  info.union_default_graph = union_default;
  info.triples = 42;
  info.named_graphs = {"http://g/1", "http://g/2"};
  return info;
}

TEST(ServiceDescriptionTest, EndpointAndLanguage) {
  Graph g = ServiceDescription(Info(true));
  EXPECT_TRUE(Has(g, Term::Iri(kRdfType), Sd("Service")));
  EXPECT_TRUE(Has(g, Sd("endpoint"), Term::Iri("http://127.0.0.1:7878/sparql")));
  EXPECT_TRUE(Has(g, Sd("supportedLanguage"), Sd("SPARQL11Query")));
  EXPECT_EQ(Count(g, Sd("supportedLanguage")), 1u);
}

TEST(ServiceDescriptionTest, ResultAndInputFormats) {
  Graph g = ServiceDescription(Info(true));
  const std::string f = "http://www.w3.org/ns/formats/";
  EXPECT_EQ(Count(g, Sd("resultFormat")), 8u);
  for (const char* name : {"SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                           "SPARQL_Results_TSV", "Turtle", "N-Triples", "RDF_XML", "JSON-LD"})
    EXPECT_TRUE(Has(g, Sd("resultFormat"), Term::Iri(f + name))) << name;
  EXPECT_EQ(Count(g, Sd("inputFormat")), 4u);
}

TEST(ServiceDescriptionTest, UnionDefaultGraphFeatureOnlyWhenOn) {
  EXPECT_TRUE(Has(ServiceDescription(Info(true)), Sd("feature"), Sd("UnionDefaultGraph")));
  EXPECT_FALSE(Has(ServiceDescription(Info(false)), Sd("feature"), Sd("UnionDefaultGraph")));
}

TEST(ServiceDescriptionTest, DatasetWithNamedGraphsAndSize) {
  Graph g = ServiceDescription(Info(true));
  EXPECT_EQ(Count(g, Sd("namedGraph")), 2u);
  EXPECT_TRUE(Has(g, Sd("name"), Term::Iri("http://g/1")));
  EXPECT_TRUE(Has(g, Sd("name"), Term::Iri("http://g/2")));
  EXPECT_TRUE(Has(g, Term::Iri("http://rdfs.org/ns/void#triples"),
                  Term::Literal("42", "", "http://www.w3.org/2001/XMLSchema#integer")));
  EXPECT_TRUE(Has(g, Term::Iri(kRdfType), Sd("Dataset")));
  ServiceInfo empty = Info(true);
  empty.named_graphs.clear();
  EXPECT_EQ(Count(ServiceDescription(empty), Sd("namedGraph")), 0u);
}

TEST(ServiceDescriptionTest, Prefixes) {
  PrefixMap p = ServiceDescriptionPrefixes();
  ASSERT_FALSE(p.empty());
  EXPECT_EQ(p.front(), (std::pair<std::string, std::string>{"sd", kSd}));
}

}  // namespace
}  // namespace kg
