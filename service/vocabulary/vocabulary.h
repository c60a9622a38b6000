// The vocabulary model of the graph: SKOS concepts and schemes, their
// provenance (Web Annotation passages, footnotes), the works they cite and
// the ul: relations between them, read through kg's own SPARQL engine and
// returned as plain C++ structs.
//
// One layer for every reader of the vocabulary: the concept API (/api/
// concepts, /api/schemes, /api/works), the browsing pages and `kg docs` all
// call these functions, so a concept is described the same way everywhere.
// Nothing here knows about HTTP; errors are kg::Error (NotFound for an IRI
// that is not a concept / scheme / work, the engine's errors otherwise).
//
// Everything comes from the graph: no concept, scheme or property list is
// compiled in. Config only says where the IRIs live (the base) and which
// languages a caller falls back to.
//
// Threading: like Store, a function call uses the store from one thread.
// Search's label index is shared between calls and guarded by a mutex, so
// calls for different stores may come from different threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "store/store.h"
#include "vocabulary/lang.h"

namespace kg::vocabulary {

inline constexpr const char* kDefaultBase = "https://w3id.org/utrecht-leert/";

// Where the graph's IRIs live. The segments follow ontology/README.md's
// IRI scheme; the ontology namespace (ul:) is base + "def#".
struct Config {
  std::string base = kDefaultBase;
  std::string concept_segment = "begrip/";
  std::string scheme_segment = "schema/";
  std::string work_segment = "werk/";
  // The order of languages to fall back to (see lang.h, PickText).
  std::vector<std::string> languages = {"nl", "en"};

  std::string OntologyNamespace() const { return base + "def#"; }
  std::string ConceptIri(std::string_view id) const;
  std::string SchemeIri(std::string_view id) const;
  std::string WorkIri(std::string_view id) const;
};

// The short id of an IRI under base + segment (e.g. "grens" for
// ".../begrip/grens"); empty when the IRI is not under that prefix or the
// rest is empty or contains '/', '#' or '?'.
std::string ShortId(std::string_view iri, std::string_view prefix);
// True for a slug that can be a short id: non-empty, only [A-Za-z0-9._~-]
// (what the graph's slugs use; anything else cannot name a resource).
bool IsValidId(std::string_view id);

// A resource named by its labels: for a concept or scheme skos:prefLabel,
// otherwise rdfs:label, dcterms:title or foaf:name (the first that exists).
struct Ref {
  std::string iri;
  std::string id;  // ShortId under the concept/scheme/work prefix, else empty
  LangValues labels;
  friend bool operator==(const Ref& a, const Ref& b) { return a.iri == b.iri; }
};

// The label of a Ref in `lang` by the fallback rule (lang.h); a Ref without
// labels gives the IRI's local name, marked as a fallback.
LangText RefLabel(const Ref& ref, std::string_view lang, const Config& config = {});

// A literal value of a property (ul:ordinal, ul:startYear, ul:aim, ...).
struct Value {
  std::string text;
  std::string language;  // "" when untagged
  std::string datatype;  // "" for a plain string / language-tagged literal
};

// One property of a resource, with the property's labels from the graph
// (the ontology's rdfs:label; empty for properties the graph does not
// describe, e.g. SKOS's own).
struct Relation {
  std::string property;
  LangValues property_labels;
  Ref target;
};
struct Attribute {
  std::string property;
  LangValues property_labels;
  std::vector<Value> values;
};

// A footnote of the brochure (ul:Footnote): its printed number, verbatim
// text and the works it cites.
struct Footnote {
  std::string iri;
  std::string number;    // ul:footnoteNumber as printed ("17")
  std::string citation;  // dcterms:bibliographicCitation
  std::vector<Ref> works;
};

// A passage (ul:Passage, an oa:Annotation) a concept or example derives from.
struct Passage {
  std::string iri;
  std::string label;      // rdfs:label, e.g. "[Inleiding], ¶1"
  std::string exact;      // oa:exact of the target's TextQuoteSelector
  std::string language;   // the quote's tag, else dcterms:language of the source, else ""
  std::string section;    // ul:section as printed ("[Inleiding]" when unheaded)
  std::optional<int> paragraph;  // ul:paragraph
  std::string list_item;  // ul:listItem ("a", "1", a bullet's opening words) or ""
  Ref source;             // oa:hasSource (the brochure)
  std::vector<Footnote> footnotes;  // ul:hasFootnote, by number
  std::vector<Ref> cites;           // cito:cites
};

// A boxed example (ul:Example) that illustrates a concept.
struct Example {
  std::string iri;
  LangValues labels;  // rdfs:label
  LangValues titles;  // dcterms:title
  LangValues texts;   // ul:exampleText
  std::vector<std::string> derived_from;  // passage IRIs
};

// A work (bibo:*), with the bibliographic data the graph holds.
struct Work {
  std::string iri;
  std::string id;
  std::vector<std::string> types;  // rdf:type IRIs, e.g. bibo:Book
  LangValues labels;               // rdfs:label
  LangValues titles;               // dcterms:title
  std::vector<Ref> authors;        // bibo:authorList in order, else dcterms:creator sorted
  std::string year;                // dcterms:issued
  std::string date;                // dcterms:date
  std::optional<Ref> part_of;      // dcterms:isPartOf: journal or series
  std::string volume, issue, page_start, page_end, pages;
  std::vector<Ref> publishers;     // dcterms:publisher
  std::string place;               // ul:placeOfPublication
  std::string url;                 // foaf:page
  std::string link_text;           // ul:linkText (the brochure printed no URL)
  std::string citation;            // dcterms:bibliographicCitation
  LangValues editorial_notes;      // skos:editorialNote
};

// Another concept that cites a work too.
struct SharedWork {
  Ref work;
  std::vector<Ref> concepts;  // sorted by IRI, the page's concept excluded
};

// Everything a concept page shows.
struct ConceptView {
  std::string iri;
  std::string id;
  std::vector<Ref> types;  // rdf:type (skos:Concept, ul:LearningMechanism, ...)
  // Every list below is sorted by IRI unless it says otherwise; LangValues
  // hold every language the graph has (pick one with PickText / RefLabel).
  LangValues pref_labels, alt_labels, hidden_labels;
  LangValues definitions;
  LangValues explanations;  // rdfs:comment (NL-SBB "uitleg")
  LangValues scope_notes, editorial_notes, notes, examples_text;  // skos:note, skos:example
  std::vector<Ref> sources;            // dcterms:source
  std::vector<Passage> derived_from;   // prov:wasDerivedFrom, by IRI
  std::vector<Example> examples;       // ul:hasExample ∪ subjects of ul:illustrates
  std::vector<Ref> broader, narrower, related;  // stated in either direction; by IRI
  std::vector<Relation> relations;     // every other IRI-valued property, sorted
  std::vector<Attribute> attributes;   // every other literal-valued property, sorted
  std::vector<Ref> in_schemes, top_concept_of;
  std::vector<Work> works;             // cito:citesAsAuthority, full data
  std::vector<SharedWork> shared_works;  // per cited work, the other concepts citing it
};

// The concept `iri` (a resource typed skos:Concept or a subclass of it).
// Errors: NotFound when it is not a concept; the engine's errors.
Result<ConceptView> GetConcept(const Store& store, const std::string& iri,
                               const Config& config = {});

// Only the neighbours of a concept (cheaper than GetConcept), same rules,
// sorted by IRI. Errors: NotFound when `iri` is not a concept.
enum class Direction { kBroader, kNarrower, kRelated };
Result<std::vector<Ref>> Neighbours(const Store& store, const std::string& iri, Direction d,
                                    const Config& config = {});

struct SchemeView {
  std::string iri;
  std::string id;
  LangValues pref_labels, definitions;
  std::vector<Ref> top_concepts;  // skos:topConceptOf ∪ skos:hasTopConcept, by IRI
  std::size_t concept_count = 0;  // concepts skos:inScheme it
};

// Every skos:ConceptScheme, by IRI.
Result<std::vector<SchemeView>> ListSchemes(const Store& store, const Config& config = {});
// One scheme. Errors: NotFound when `iri` is not a skos:ConceptScheme.
Result<SchemeView> GetScheme(const Store& store, const std::string& iri,
                             const Config& config = {});

// ---- Hierarchy (skos:broader / skos:narrower, stated in either direction) --

// Every path from a top concept (one without broader) down to `iri`, each
// ordered top first and ending in the concept itself; one path [iri] for a
// top concept. Cycles are cut (a concept never appears twice in a path);
// at most 64 paths. Errors: NotFound when `iri` is not a concept.
Result<std::vector<std::vector<Ref>>> PathsToTop(const Store& store, const std::string& iri,
                                                 const Config& config = {});

struct TreeNode {
  Ref ref;
  // Sorted by the folded prefLabel in config.languages[0] (fallback rule),
  // then IRI.
  std::vector<TreeNode> children;
};
// The tree of a scheme: its top concepts (and concepts of the scheme that
// have no broader concept in it) with their narrower concepts in the scheme.
// A concept with several broader concepts appears under each; cycles are cut.
// Errors: NotFound when `scheme_iri` is not a scheme.
Result<std::vector<TreeNode>> SchemeTree(const Store& store, const std::string& scheme_iri,
                                         const Config& config = {});

// ---- Concept lists -----------------------------------------------------

struct ConceptSummary {
  Ref ref;  // the concept; labels = skos:prefLabel
  LangValues alt_labels;
  std::vector<std::string> schemes;  // skos:inScheme IRIs
};
// Every concept, sorted by IRI.
Result<std::vector<ConceptSummary>> ListConcepts(const Store& store, const Config& config = {});

// One line of an alphabetical index in one language.
struct IndexEntry {
  std::string letter;  // upper-case first letter of the folded label ("C" for "coördinatie")
  std::string label;
  bool is_alt = false;   // an altLabel, shown as "label → prefLabel"
  LangText pref_label;   // the concept's prefLabel in the language (fallback marked)
  std::string iri, id;
};
// The index of `concepts` in `lang`: each concept under its prefLabel (by
// the fallback rule) and under each altLabel in `lang`, sorted by folded
// label, then IRI.
std::vector<IndexEntry> AlphabeticalIndex(const std::vector<ConceptSummary>& concepts,
                                          std::string_view lang, const Config& config = {});

// ---- Works ---------------------------------------------------------------

struct WorkView {
  Work work;
  std::vector<Ref> citing_concepts;    // ?c cito:citesAsAuthority work, by IRI
  std::vector<Passage> citing_passages;  // ul:Passage that cito:cites it, by IRI
  std::vector<Footnote> footnotes;     // ul:Footnote that cito:cites it, by number
};

// A work: anything cited (cito:citesAsAuthority / cito:cites), a source
// (dcterms:source), a container (dcterms:isPartOf) or typed with a BIBO
// class. Errors: NotFound otherwise.
Result<WorkView> GetWork(const Store& store, const std::string& iri, const Config& config = {});
// Every work that a concept, passage or footnote cites or that is a
// dcterms:source (the brochure), sorted by IRI, each as GetWork gives it.
Result<std::vector<WorkView>> ListWorks(const Store& store, const Config& config = {});

// ---- Search --------------------------------------------------------------

enum class LabelKind { kPref = 0, kAlt = 1, kHidden = 2 };
enum class MatchKind { kExact = 0, kPrefix = 1, kWordPrefix = 2, kSubstring = 3 };

struct SearchHit {
  std::string iri, id;
  std::string matched_label;  // the label as written in the graph
  std::string matched_language;
  LabelKind label_kind = LabelKind::kPref;
  MatchKind match_kind = MatchKind::kExact;
  LangText pref_label;               // in the requested language (fallback marked)
  std::vector<Ref> schemes;          // skos:inScheme, by IRI
};

// Concepts whose pref, alt or hidden labels (any language) contain `q`,
// compared case- and accent-insensitively (Fold in lang.h: "coordinatie"
// finds "coördinatie"). One hit per concept, its best match; ranked by
// match kind (exact > prefix > word-prefix > substring), then label kind
// (pref > alt > hidden), then labels in `lang` first, then folded label and
// IRI. `lang` also picks the prefLabel shown. At most `limit` hits; an empty
// (after folding) `q` gives none.
// Served from an in-memory label index built once per store version (one
// SPARQL query), so a keystroke costs a scan of a few hundred folded strings.
Result<std::vector<SearchHit>> Search(const Store& store, std::string_view q,
                                      std::string_view lang, std::size_t limit,
                                      const Config& config = {});

}  // namespace kg::vocabulary
