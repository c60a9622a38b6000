// service/vocabulary/: concepts, schemes, hierarchy, works, search and the
// language-fallback rule, against the real graph in ontology/.
#include "vocabulary/vocabulary.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <set>

#include "parse/rdf_input.h"

namespace kg::vocabulary {
namespace {

const std::string kBegrip = "https://w3id.org/utrecht-leert/begrip/";
const std::string kWerk = "https://w3id.org/utrecht-leert/werk/";
const std::string kSchema = "https://w3id.org/utrecht-leert/schema/";
const std::string kUl = "https://w3id.org/utrecht-leert/def#";

class Vocabulary : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    store_ = new Store();
    auto loaded = LoadPaths(*store_, {std::string(KG_SOURCE_DIR) + "/ontology"});
    ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
  }
  static void TearDownTestSuite() {
    delete store_;
    store_ = nullptr;
  }
  static Store* store_;
};
Store* Vocabulary::store_ = nullptr;

bool HasIri(const std::vector<Ref>& refs, const std::string& iri) {
  return std::any_of(refs.begin(), refs.end(), [&](const Ref& r) { return r.iri == iri; });
}

TEST(Lang, FoldIgnoresCaseAccentsAndTypography) {
  EXPECT_EQ(Fold("Coördinatie"), "coordinatie");
  EXPECT_EQ(Fold("DISCONTINUÏTEIT"), "discontinuiteit");
  EXPECT_EQ(Fold("  hybridisering \u2019ontstaan\t\n x "), "hybridisering 'ontstaan x");
  EXPECT_EQ(Fold("Straße – Œuvre"), "strasse - oeuvre");
  EXPECT_EQ(Fold("T-shaped"), "t-shaped");
  EXPECT_EQ(Fold("\xff\xfe" "abc"), "abc");  // malformed bytes dropped
}

TEST(Lang, FallbackRuleInOnePlace) {
  const std::vector<std::string> order = {"nl", "en"};
  LangValues only_nl = {{"nl", {"grens"}}};
  LangText t = PickText(only_nl, "en", order);
  EXPECT_EQ(t.text, "grens");
  EXPECT_EQ(t.language, "nl");
  EXPECT_TRUE(t.fallback);
  t = PickText(only_nl, "nl", order);
  EXPECT_FALSE(t.fallback);

  LangValues both = {{"en", {"boundary"}}, {"nl", {"grens"}}};
  EXPECT_EQ(PickText(both, "en", order).text, "boundary");
  EXPECT_FALSE(PickText(both, "en", order).fallback);
  EXPECT_EQ(PickText(both, "de", order).text, "grens");  // fallback order: nl first
  EXPECT_TRUE(PickText(both, "de", order).fallback);
  EXPECT_EQ(PickText(both, "de", {"en"}).text, "boundary");

  LangValues regional = {{"en-gb", {"colour"}}, {"nl", {"kleur"}}};
  EXPECT_EQ(PickText(regional, "en", order).text, "colour");
  EXPECT_FALSE(PickText(regional, "en", order).fallback);

  LangValues untagged = {{"", {"Opleiding & Ontwikkeling"}}, {"fr", {"x"}}};
  EXPECT_EQ(PickText(untagged, "en", order).text, "Opleiding & Ontwikkeling");
  EXPECT_FALSE(PickText(untagged, "en", order).fallback);
  EXPECT_TRUE(PickText({}, "en", order).empty());
  LangValues other = {{"fr", {"frontière"}}};
  EXPECT_TRUE(PickText(other, "en", order).fallback);
  EXPECT_EQ(PickAll({{"nl", {"a", "b"}}}, "en", order), (std::vector<std::string>{"a", "b"}));
}

TEST(Ids, ShortIdsAndValidation) {
  Config c;
  EXPECT_EQ(ShortId(kBegrip + "grens", kBegrip), "grens");
  EXPECT_EQ(ShortId(kBegrip, kBegrip), "");
  EXPECT_EQ(ShortId(kBegrip + "a/b", kBegrip), "");
  EXPECT_EQ(ShortId("https://example.org/begrip/grens", kBegrip), "");
  EXPECT_EQ(c.ConceptIri("grens"), kBegrip + "grens");
  EXPECT_EQ(c.WorkIri("vyt-2012"), kWerk + "vyt-2012");
  EXPECT_EQ(c.SchemeIri("programma"), kSchema + "programma");
  EXPECT_TRUE(IsValidId("akkerman-bakker-2011"));
  for (const char* bad : {"", "..", "a b", "a/b", "<x>", "grens%20", "é"})
    EXPECT_FALSE(IsValidId(bad)) << bad;
}

TEST_F(Vocabulary, ConceptWithProvenanceAndWorks) {
  auto c = GetConcept(*store_, kBegrip + "grens");
  ASSERT_TRUE(c.ok()) << c.error().ToString();
  EXPECT_EQ(c->id, "grens");
  EXPECT_EQ(c->pref_labels.at("nl"), (std::vector<std::string>{"grens"}));
  EXPECT_EQ(c->pref_labels.at("en"), (std::vector<std::string>{"boundary"}));
  EXPECT_EQ(c->alt_labels.at("nl"), (std::vector<std::string>{"grenzen"}));
  EXPECT_FALSE(c->definitions.at("nl").empty());
  EXPECT_FALSE(c->explanations.at("en").empty());
  EXPECT_TRUE(HasIri(c->types, "http://www.w3.org/2004/02/skos/core#Concept"));
  EXPECT_TRUE(HasIri(c->in_schemes, kSchema + "boundary-crossing"));
  EXPECT_TRUE(HasIri(c->top_concept_of, kSchema + "boundary-crossing"));
  EXPECT_TRUE(HasIri(c->sources, kWerk + "utrecht-leert-vernieuwend-opleiden"));

  ASSERT_EQ(c->derived_from.size(), 2u);
  const Passage& p = c->derived_from[0];
  EXPECT_EQ(p.iri, "https://w3id.org/utrecht-leert/passage/kader-boundary-crossing-1-grens");
  EXPECT_EQ(p.section, "[Kader boundary crossing]");
  EXPECT_EQ(p.paragraph, 1);
  EXPECT_EQ(p.language, "nl");  // from the brochure's dcterms:language
  EXPECT_EQ(p.exact.rfind("In de samenwerking kunnen mensen tegen grenzen aanlopen.", 0), 0u);
  EXPECT_EQ(p.source.iri, kWerk + "utrecht-leert-vernieuwend-opleiden");
  ASSERT_EQ(p.footnotes.size(), 1u);
  EXPECT_EQ(p.footnotes[0].number, "17");
  EXPECT_NE(p.footnotes[0].citation.find("Tussen opleiding en beroepspraktijk"), std::string::npos);
  EXPECT_TRUE(HasIri(p.footnotes[0].works, kWerk + "beausaert-bakker-zitter-de-bruijn-2016"));

  ASSERT_EQ(c->works.size(), 1u);
  const Work& w = c->works[0];
  EXPECT_EQ(w.id, "beausaert-bakker-zitter-de-bruijn-2016");
  EXPECT_EQ(w.year, "2016");
  ASSERT_EQ(w.authors.size(), 4u);  // bibo:authorList order, not alphabetical
  EXPECT_EQ(w.authors[0].iri, "https://w3id.org/utrecht-leert/agent/beausaert-s");
  EXPECT_EQ(w.authors[3].iri, "https://w3id.org/utrecht-leert/agent/de-bruijn-e");
  EXPECT_FALSE(w.authors[0].labels.empty());
  ASSERT_EQ(w.publishers.size(), 1u);
  EXPECT_FALSE(w.citation.empty());
  ASSERT_EQ(c->shared_works.size(), 1u);
  EXPECT_FALSE(c->shared_works[0].concepts.empty());
  EXPECT_FALSE(HasIri(c->shared_works[0].concepts, kBegrip + "grens"));
}

TEST_F(Vocabulary, ConceptRelationsExamplesAndAttributes) {
  auto c = GetConcept(*store_, kBegrip + "coordinatie");
  ASSERT_TRUE(c.ok()) << c.error().ToString();
  EXPECT_TRUE(HasIri(c->types, kUl + "LearningMechanism"));
  EXPECT_TRUE(HasIri(c->broader, kBegrip + "leermechanisme"));
  // Narrower stated only as skos:broader on the narrower side still shows.
  EXPECT_TRUE(HasIri(c->narrower, kBegrip + "communicatieve-connectie"));
  ASSERT_EQ(c->examples.size(), 1u);
  EXPECT_FALSE(c->examples[0].texts.at("nl").empty());
  EXPECT_FALSE(c->examples[0].texts.at("en").empty());
  EXPECT_FALSE(c->examples[0].titles.at("en").empty());

  auto rel = std::find_if(c->relations.begin(), c->relations.end(), [](const Relation& r) {
    return r.property == kUl + "isMechanismOf";
  });
  ASSERT_NE(rel, c->relations.end());
  EXPECT_EQ(rel->target.iri, kBegrip + "boundary-crossing");
  EXPECT_FALSE(rel->target.labels.empty());
  EXPECT_FALSE(rel->property_labels.at("nl").empty());
  EXPECT_FALSE(rel->property_labels.at("en").empty());
  // What has its own field is not repeated among the other relations.
  for (const auto& r : c->relations) {
    EXPECT_NE(r.property, "http://www.w3.org/2004/02/skos/core#broader");
    EXPECT_NE(r.property, kUl + "hasExample");
  }
  auto ordinal = std::find_if(c->attributes.begin(), c->attributes.end(),
                              [](const Attribute& a) { return a.property == kUl + "ordinal"; });
  ASSERT_NE(ordinal, c->attributes.end());
  ASSERT_EQ(ordinal->values.size(), 1u);
  EXPECT_EQ(ordinal->values[0].text, "2");
}

TEST_F(Vocabulary, EveryConceptLoads) {
  auto list = ListConcepts(*store_);
  ASSERT_TRUE(list.ok()) << list.error().ToString();
  EXPECT_EQ(list->size(), 72u);
  for (const auto& s : *list) {
    auto c = GetConcept(*store_, s.ref.iri);
    ASSERT_TRUE(c.ok()) << s.ref.iri << ": " << c.error().ToString();
    EXPECT_FALSE(c->id.empty()) << s.ref.iri;
    EXPECT_TRUE(c->pref_labels.count("nl")) << s.ref.iri;
    EXPECT_FALSE(c->derived_from.empty()) << s.ref.iri;
    EXPECT_FALSE(s.schemes.empty()) << s.ref.iri;
    for (const auto& p : c->derived_from) EXPECT_FALSE(p.exact.empty()) << p.iri;
  }
}

TEST_F(Vocabulary, UnknownIrisAreNotFound) {
  for (const std::string& iri : {kBegrip + "bestaat-niet", kSchema + "boundary-crossing",
                                 kWerk + "vyt-2012", std::string("not an iri")}) {
    auto c = GetConcept(*store_, iri);
    ASSERT_FALSE(c.ok()) << iri;
    EXPECT_EQ(c.error().code, Error::Code::kNotFound) << iri;
  }
  EXPECT_EQ(GetWork(*store_, kBegrip + "grens").error().code, Error::Code::kNotFound);
  EXPECT_EQ(GetScheme(*store_, kBegrip + "grens").error().code, Error::Code::kNotFound);
  EXPECT_EQ(PathsToTop(*store_, kWerk + "vyt-2012").error().code, Error::Code::kNotFound);
  EXPECT_EQ(SchemeTree(*store_, kBegrip + "grens").error().code, Error::Code::kNotFound);
}

TEST_F(Vocabulary, SchemesWithTopConcepts) {
  auto schemes = ListSchemes(*store_);
  ASSERT_TRUE(schemes.ok()) << schemes.error().ToString();
  ASSERT_EQ(schemes->size(), 6u);
  std::size_t total = 0;
  for (const auto& s : *schemes) {
    EXPECT_FALSE(s.id.empty());
    EXPECT_TRUE(s.pref_labels.count("nl") && s.pref_labels.count("en")) << s.iri;
    EXPECT_FALSE(s.top_concepts.empty()) << s.iri;
    total += s.concept_count;
  }
  EXPECT_GE(total, 72u);
  auto bc = GetScheme(*store_, kSchema + "boundary-crossing");
  ASSERT_TRUE(bc.ok());
  EXPECT_TRUE(HasIri(bc->top_concepts, kBegrip + "grens"));
}

TEST_F(Vocabulary, PathsToTheTop) {
  auto paths = PathsToTop(*store_, kBegrip + "pedagogische-sociale-relaties");
  ASSERT_TRUE(paths.ok()) << paths.error().ToString();
  ASSERT_FALSE(paths->empty());
  for (const auto& path : *paths) {
    ASSERT_GE(path.size(), 2u);
    EXPECT_EQ(path.back().iri, kBegrip + "pedagogische-sociale-relaties");
    EXPECT_EQ(path[path.size() - 2].iri, kBegrip + "pedagogische-basis");
    auto top = Neighbours(*store_, path.front().iri, Direction::kBroader);
    ASSERT_TRUE(top.ok());
    EXPECT_TRUE(top->empty()) << path.front().iri << " is not a top";
  }
  auto top = PathsToTop(*store_, kBegrip + "grens");
  ASSERT_TRUE(top.ok());
  ASSERT_EQ(top->size(), 1u);
  ASSERT_EQ(top->front().size(), 1u);
}

TEST_F(Vocabulary, SchemeTreeHoldsEveryMember) {
  auto tree = SchemeTree(*store_, kSchema + "boundary-crossing");
  ASSERT_TRUE(tree.ok()) << tree.error().ToString();
  std::set<std::string> seen;
  std::function<void(const TreeNode&, int)> walk = [&](const TreeNode& n, int depth) {
    ASSERT_LT(depth, 20);
    seen.insert(n.ref.iri);
    for (const auto& c : n.children) walk(c, depth + 1);
  };
  for (const auto& n : *tree) walk(n, 0);
  auto scheme = GetScheme(*store_, kSchema + "boundary-crossing");
  ASSERT_TRUE(scheme.ok());
  EXPECT_EQ(seen.size(), scheme->concept_count);
  EXPECT_TRUE(seen.count(kBegrip + "communicatieve-connectie"));
  bool grens_is_root = std::any_of(tree->begin(), tree->end(), [](const TreeNode& n) {
    return n.ref.iri == kBegrip + "grens";
  });
  EXPECT_TRUE(grens_is_root);
}

TEST_F(Vocabulary, AlphabeticalIndexFoldsAccents) {
  auto list = ListConcepts(*store_);
  ASSERT_TRUE(list.ok());
  auto index = AlphabeticalIndex(*list, "nl");
  auto it = std::find_if(index.begin(), index.end(),
                         [](const IndexEntry& e) { return e.label == "coördinatie"; });
  ASSERT_NE(it, index.end());
  EXPECT_EQ(it->letter, "C");
  EXPECT_FALSE(it->is_alt);
  EXPECT_GE(index.size(), list->size());
  for (std::size_t i = 1; i < index.size(); ++i)
    EXPECT_LE(Fold(index[i - 1].label), Fold(index[i].label));
  auto alt = std::find_if(index.begin(), index.end(),
                          [](const IndexEntry& e) { return e.label == "grenzen"; });
  ASSERT_NE(alt, index.end());
  EXPECT_TRUE(alt->is_alt);
  EXPECT_EQ(alt->pref_label.text, "grens");
}

TEST_F(Vocabulary, WorksWithCitations) {
  auto w = GetWork(*store_, kWerk + "akkerman-bakker-2011");
  ASSERT_TRUE(w.ok()) << w.error().ToString();
  EXPECT_EQ(w->work.volume, "50");
  EXPECT_EQ(w->work.issue, "1");
  EXPECT_EQ(w->work.pages, "1-5");
  ASSERT_TRUE(w->work.part_of);
  EXPECT_EQ(w->work.part_of->iri, kWerk + "international-journal-of-educational-research");
  ASSERT_EQ(w->work.authors.size(), 2u);
  EXPECT_EQ(w->work.authors[0].iri, "https://w3id.org/utrecht-leert/agent/akkerman-s-f");
  // The same six as queries/competency/05-concepts-resting-on-akkerman-bakker-2011.
  std::vector<std::string> citing;
  for (const auto& c : w->citing_concepts) citing.push_back(c.id);
  EXPECT_EQ(citing, (std::vector<std::string>{"boundary-crossing", "boundary-crossing-theorie",
                                              "continuiteit", "horizontaal-leren",
                                              "leermechanisme", "verticaal-leren"}));
  std::vector<std::string> numbers;
  for (const auto& f : w->footnotes) numbers.push_back(f.number);
  EXPECT_EQ(numbers, (std::vector<std::string>{"18", "19", "21"}));
  EXPECT_FALSE(w->citing_passages.empty());

  auto works = ListWorks(*store_);
  ASSERT_TRUE(works.ok()) << works.error().ToString();
  EXPECT_EQ(works->size(), 17u);  // 16 cited works and the brochure
  for (const auto& v : *works) EXPECT_FALSE(v.work.id.empty()) << v.work.iri;
  auto letter = GetWork(*store_, kWerk + "kamerbrief-2020-evaluatie-verbeteraanpak-passend-onderwijs");
  ASSERT_TRUE(letter.ok());
  EXPECT_TRUE(letter->work.authors.empty());
  EXPECT_EQ(letter->work.date, "2020-11-04");
  EXPECT_FALSE(letter->work.url.empty());
}

TEST_F(Vocabulary, SearchIsAccentInsensitiveAndRanked) {
  auto hits = Search(*store_, "coordinatie", "nl", 10);
  ASSERT_TRUE(hits.ok()) << hits.error().ToString();
  ASSERT_FALSE(hits->empty());
  EXPECT_EQ(hits->front().iri, kBegrip + "coordinatie");
  EXPECT_EQ(hits->front().matched_label, "coördinatie");
  EXPECT_EQ(hits->front().match_kind, MatchKind::kExact);
  EXPECT_EQ(hits->front().label_kind, LabelKind::kPref);
  EXPECT_TRUE(HasIri(hits->front().schemes, kSchema + "boundary-crossing"));

  hits = Search(*store_, "GRENS", "en", 50);
  ASSERT_TRUE(hits.ok());
  ASSERT_GE(hits->size(), 2u);
  EXPECT_EQ(hits->front().iri, kBegrip + "grens");
  EXPECT_EQ(hits->front().pref_label.text, "boundary");
  EXPECT_FALSE(hits->front().pref_label.fallback);
  for (std::size_t i = 1; i < hits->size(); ++i)
    EXPECT_LE((*hits)[i - 1].match_kind, (*hits)[i].match_kind);
  auto prefix = std::find_if(hits->begin(), hits->end(), [](const SearchHit& h) {
    return h.iri == kBegrip + "grenspraktijken";
  });
  ASSERT_NE(prefix, hits->end());
  EXPECT_EQ(prefix->match_kind, MatchKind::kPrefix);

  hits = Search(*store_, "wicked vraagstukken", "en", 5);  // only an altLabel says so
  ASSERT_TRUE(hits.ok());
  ASSERT_FALSE(hits->empty());
  EXPECT_EQ(hits->front().iri, kBegrip + "wicked-problems");
  EXPECT_EQ(hits->front().label_kind, LabelKind::kAlt);
  EXPECT_EQ(hits->front().matched_language, "nl");
  EXPECT_EQ(hits->front().pref_label.text, "wicked problems");

  hits = Search(*store_, "delibrate", "nl", 5);  // the brochure's misspelling
  ASSERT_TRUE(hits.ok());
  ASSERT_FALSE(hits->empty());
  EXPECT_EQ(hits->front().iri, kBegrip + "deliberate-practice");
  EXPECT_EQ(hits->front().label_kind, LabelKind::kHidden);

  hits = Search(*store_, "basis", "nl", 3);
  ASSERT_TRUE(hits.ok());
  EXPECT_LE(hits->size(), 3u);
  ASSERT_FALSE(hits->empty());
  EXPECT_EQ(hits->front().match_kind, MatchKind::kWordPrefix);  // "sociale basis", ...

  EXPECT_TRUE(Search(*store_, "   ", "nl", 10)->empty());
  EXPECT_TRUE(Search(*store_, "zzzqqq", "nl", 10)->empty());
  EXPECT_TRUE(Search(*store_, "grens", "nl", 0)->empty());
}

TEST(VocabularyIndex, RebuiltWhenTheStoreChanges) {
  Store store;
  ASSERT_TRUE(LoadPaths(store, {std::string(KG_SOURCE_DIR) + "/ontology"}).ok());
  EXPECT_TRUE(Search(store, "kwantumleren", "nl", 5)->empty());
  const std::string c = kBegrip + "kwantumleren";
  Graph g = {{Term::Iri(c), Term::Iri(kRdfType),
              Term::Iri("http://www.w3.org/2004/02/skos/core#Concept")},
             {Term::Iri(c), Term::Iri("http://www.w3.org/2004/02/skos/core#prefLabel"),
              Term::Literal("kwantumleren", "nl")}};
  ASSERT_TRUE(store.Add(std::string("urn:test"), g).ok());
  auto hits = Search(store, "Kwantum", "en", 5);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ(hits->front().id, "kwantumleren");
  EXPECT_TRUE(hits->front().pref_label.fallback);  // only nl exists
  EXPECT_EQ(hits->front().pref_label.language, "nl");
}

}  // namespace
}  // namespace kg::vocabulary
