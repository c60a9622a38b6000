// service/vocabulary/ontology_terms: the ul: classes and properties of the
// real graph (ontology/), with domain, range and usage counts.
#include "vocabulary/ontology_terms.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "parse/rdf_input.h"

namespace kg::vocabulary {
namespace {

const std::string kUl = "https://w3id.org/utrecht-leert/def#";
const std::string kSkos = "http://www.w3.org/2004/02/skos/core#";

const OntologyTerm* Find(const std::vector<OntologyTerm>& terms, const std::string& local) {
  for (const auto& t : terms)
    if (t.iri == kUl + local) return &t;
  return nullptr;
}

TEST(OntologyTerms, ClassesAndPropertiesOfTheGraph) {
  Store store;
  auto loaded = LoadPaths(store, {std::string(KG_SOURCE_DIR) + "/ontology"});
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  auto terms = ListOntologyTerms(store);
  ASSERT_TRUE(terms.ok()) << terms.error().ToString();
  // Classes first, each group by IRI.
  auto first_property = std::find_if(terms->begin(), terms->end(), [](const OntologyTerm& t) {
    return t.kind == OntologyTerm::Kind::kProperty;
  });
  EXPECT_TRUE(std::all_of(first_property, terms->end(), [](const OntologyTerm& t) {
    return t.kind == OntologyTerm::Kind::kProperty;
  }));
  EXPECT_TRUE(std::is_sorted(terms->begin(), first_property,
                             [](const auto& a, const auto& b) { return a.iri < b.iri; }));
  EXPECT_TRUE(std::is_sorted(first_property, terms->end(),
                             [](const auto& a, const auto& b) { return a.iri < b.iri; }));

  const OntologyTerm* mechanism = Find(*terms, "LearningMechanism");
  ASSERT_NE(mechanism, nullptr);
  EXPECT_EQ(mechanism->kind, OntologyTerm::Kind::kClass);
  EXPECT_EQ(mechanism->local_name, "LearningMechanism");
  EXPECT_EQ(mechanism->labels.at("nl").front(), "leermechanisme");
  ASSERT_EQ(mechanism->supers.size(), 1u);
  EXPECT_EQ(mechanism->supers[0].iri, kSkos + "Concept");
  EXPECT_EQ(mechanism->usage_count, 4u);  // identificatie, coördinatie, reflectie, transformatie

  const OntologyTerm* rank = Find(*terms, "boundaryCrossingRank");
  ASSERT_NE(rank, nullptr);
  EXPECT_EQ(rank->kind, OntologyTerm::Kind::kProperty);
  ASSERT_EQ(rank->domains.size(), 1u);
  EXPECT_EQ(rank->domains[0].iri, kUl + "CollaborationForm");
  ASSERT_EQ(rank->ranges.size(), 1u);
  EXPECT_EQ(rank->ranges[0].iri, "http://www.w3.org/2001/XMLSchema#integer");
  EXPECT_EQ(rank->usage_count, 4u);  // mono-, multi-, inter-, transprofessioneel

  const OntologyTerm* part_of = Find(*terms, "isPartOf");
  ASSERT_NE(part_of, nullptr);
  EXPECT_GT(part_of->usage_count, 0u);
  ASSERT_FALSE(part_of->inverses.empty());
  EXPECT_EQ(part_of->inverses[0].iri, kUl + "hasPart");
}

TEST(OntologyTerms, UsageCountsFollowTheData) {
  Store store;
  auto loaded = LoadPaths(store, {std::string(KG_SOURCE_DIR) + "/ontology/ontology.ttl"});
  ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  auto terms = ListOntologyTerms(store);
  ASSERT_TRUE(terms.ok()) << terms.error().ToString();
  ASSERT_NE(Find(*terms, "LearningMechanism"), nullptr);
  // Only the ontology: nothing is typed with its classes.
  EXPECT_EQ(Find(*terms, "LearningMechanism")->usage_count, 0u);
}

}  // namespace
}  // namespace kg::vocabulary
