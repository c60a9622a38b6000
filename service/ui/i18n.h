// The interface languages and every string of the interface, in Dutch
// (the default) and English. One table (i18n.cc, KG_UI_MESSAGES) holds
// them all, so a string cannot exist in one language only: the table's
// shape makes both columns mandatory and the unit test checks none is empty.
// Data (labels, definitions) is not here: it comes from the graph.
#pragma once

#include <string_view>

namespace kg::ui {

enum class Lang { kNl, kEn };

inline constexpr Lang kDefaultLang = Lang::kNl;

std::string_view Code(Lang lang);   // "nl", "en"
Lang Other(Lang lang);              // the other interface language
// The name of a language in that language ("Nederlands", "English"), for
// the language switch.
std::string_view NativeName(Lang lang);

// X(id, Dutch, English)
#define KG_UI_MESSAGES(X)                                                                        \
  X(kSiteName, "Utrecht Leert — begrippen", "Utrecht Leert — concepts")                          \
  X(kSiteTagline, "Kennisgraaf van Vernieuwend Opleiden",                                        \
    "Knowledge graph of Vernieuwend Opleiden")                                                   \
  X(kSkipToContent, "Naar de inhoud", "Skip to content")                                         \
  X(kNavMain, "Hoofdmenu", "Main menu")                                                          \
  X(kNavHome, "Start", "Home")                                                                   \
  X(kNavHierarchy, "Hiërarchie", "Hierarchy")                                                    \
  X(kNavIndex, "Register", "Index")                                                              \
  X(kNavSources, "Bronnen", "Sources")                                                           \
  X(kNavSparql, "SPARQL", "SPARQL")                                                              \
  X(kLanguage, "Taal", "Language")                                                               \
  X(kSwitchLanguage, "Toon deze pagina in het Engels", "Show this page in Dutch")                \
  X(kSearchLabel, "Zoek een begrip", "Search for a concept")                                     \
  X(kSearchPlaceholder, "bijv. coördinatie", "e.g. boundary crossing")                           \
  X(kSearchButton, "Zoeken", "Search")                                                           \
  X(kSearchHint, "Typ minstens twee letters. Kies met de pijltjestoetsen en Enter.",             \
    "Type at least two letters. Choose with the arrow keys and Enter.")                          \
  X(kSearchTitle, "Zoeken", "Search")                                                            \
  X(kSearchResultsFor, "Resultaten voor", "Results for")                                         \
  X(kSearchNoResults, "Geen begrippen gevonden.", "No concepts found.")                          \
  X(kSearchTooShort, "Typ minstens twee letters.", "Type at least two letters.")                 \
  X(kSearchResultsCount, "resultaten", "results")                                                \
  X(kSearchMatchedVia, "gevonden via", "matched")                                                \
  X(kFallbackTitle, "Niet beschikbaar in het Nederlands", "Not available in English")            \
  X(kFooterAbout,                                                                                \
    "Begrippen uit de brochure Utrecht Leert — Vernieuwend Opleiden (2023–2026), als linked "    \
    "data.",                                                                                     \
    "Concepts from the brochure Utrecht Leert — Vernieuwend Opleiden (2023–2026), as linked "    \
    "data.")                                                                                     \
  X(kFooterEndpoint, "SPARQL-eindpunt", "SPARQL endpoint")                                       \
  X(kFooterApi, "API", "API")                                                                    \
  X(kHomeTitle, "Begrippen van Vernieuwend Opleiden", "Concepts of Vernieuwend Opleiden")        \
  X(kHomeIntro,                                                                                  \
    "Zoek een begrip op, lees wat het betekent en waar het vandaan komt, en zie hoe het samenhangt " \
    "met de andere begrippen.",                                                                  \
    "Look up a concept, read what it means and where it comes from, and see how it relates to "   \
    "the other concepts.")                                                                       \
  X(kProgramme, "Het programma", "The programme")                                                \
  X(kSchemes, "Begrippenkaders", "Concept schemes")                                              \
  X(kTopConcepts, "Topbegrippen", "Top concepts")                                                \
  X(kConcepts, "begrippen", "concepts")                                                          \
  X(kOverview, "Overzicht van de hoofdbegrippen", "Overview of the main concepts")               \
  X(kOverviewHint, "Klik op een begrip om het te openen.", "Click a concept to open it.")        \
  X(kConcept, "Begrip", "Concept")                                                               \
  X(kScheme, "Begrippenkader", "Concept scheme")                                                 \
  X(kLangNameNl, "Nederlands", "Dutch")                                                          \
  X(kLangNameEn, "Engels", "English")                                                            \
  X(kPrefLabel, "Voorkeursterm", "Preferred label")                                              \
  X(kAltLabels, "Alternatieve termen", "Alternative labels")                                     \
  X(kDefinition, "Definitie", "Definition")                                                      \
  X(kTranslation, "Engelse vertaling", "Dutch original")                                         \
  X(kExplanation, "Uitleg", "Explanation")                                                       \
  X(kScopeNote, "Toelichting", "Scope note")                                                     \
  X(kEditorialNote, "Redactionele noot", "Editorial note")                                       \
  X(kNote, "Noot", "Note")                                                                       \
  X(kPassage, "Uit de brochure", "From the brochure")                                            \
  X(kSection, "sectie", "section")                                                               \
  X(kParagraph, "alinea", "paragraph")                                                           \
  X(kListItem, "onderdeel", "item")                                                              \
  X(kFootnote, "Voetnoot", "Footnote")                                                           \
  X(kExamples, "Voorbeelden", "Examples")                                                        \
  X(kBroader, "Bredere begrippen", "Broader concepts")                                           \
  X(kNarrower, "Smallere begrippen", "Narrower concepts")                                        \
  X(kRelated, "Verwante begrippen", "Related concepts")                                          \
  X(kRelations, "Relaties in de ontologie", "Relations in the ontology")                         \
  X(kProperties, "Kenmerken", "Properties")                                                      \
  X(kWorksCited, "Geciteerde werken", "Works cited")                                             \
  X(kSharedWorks, "Andere begrippen die op hetzelfde werk steunen",                              \
    "Other concepts resting on the same work")                                                   \
  X(kIri, "IRI", "IRI")                                                                          \
  X(kCopy, "Kopieer", "Copy")                                                                    \
  X(kCopied, "Gekopieerd", "Copied")                                                             \
  X(kData, "Gegevens", "Data")                                                                   \
  X(kDiagram, "Omgeving van het begrip", "Neighbourhood of the concept")                         \
  X(kDiagramHint, "Klik op een begrip in het diagram om het te openen.",                         \
    "Click a concept in the diagram to open it.")                                                \
  X(kInScheme, "In begrippenkader", "In concept scheme")                                         \
  X(kTypes, "Soort", "Type")                                                                     \
  X(kPlaceInHierarchy, "Plaats in de hiërarchie", "Place in the hierarchy")                      \
  X(kSource, "Bron", "Source")                                                                   \
  X(kHierarchyTitle, "Hiërarchie van de begrippen", "Hierarchy of the concepts")                 \
  X(kShowInHierarchy, "Toon in de hiërarchie", "Show in the hierarchy")                          \
  X(kTreeChild, "smaller begrip", "narrower concept")                                            \
  X(kTreeChildren, "smallere begrippen", "narrower concepts")                                    \
  X(kDiagramLegend,                                                                              \
    "Doorgetrokken pijl: van breder naar smaller begrip. Gestreept: verwant. Gestippeld: een "     \
    "relatie uit de ontologie, met haar naam.",                                                  \
    "Solid arrow: from broader to narrower concept. Dashed: related. Dotted: a relation of the "   \
    "ontology, with its name.")                                                                  \
  X(kEdgeRelated, "verwant", "related")                                                          \
  X(kExpandAll, "Alles uitklappen", "Expand all")                                                \
  X(kCollapseAll, "Alles inklappen", "Collapse all")                                             \
  X(kIndexTitle, "Alfabetisch register", "Alphabetical index")                                   \
  X(kIndexLetters, "Beginletters", "Initial letters")                                            \
  X(kIndexUse, "gebruik", "use")                                                                 \
  X(kSourcesTitle, "Bronnen", "Sources")                                                         \
  X(kSourcesIntro, "De werken waarop de begrippen steunen, met de begrippen die ze citeren.",    \
    "The works the concepts rest on, with the concepts that cite them.")                         \
  X(kCitedBy, "Geciteerd door", "Cited by")                                                      \
  X(kCitedByNone, "Door geen begrip geciteerd (wel door passages of voetnoten).",                \
    "Cited by no concept (only by passages or footnotes).")                                      \
  X(kWork, "Werk", "Work")                                                                       \
  X(kAuthors, "Auteurs", "Authors")                                                              \
  X(kYear, "Jaar", "Year")                                                                       \
  X(kPublishedIn, "Verschenen in", "Published in")                                               \
  X(kPublisher, "Uitgever", "Publisher")                                                         \
  X(kPlace, "Plaats", "Place")                                                                   \
  X(kLink, "Link", "Link")                                                                       \
  X(kVolume, "jaargang", "volume")                                                               \
  X(kIssue, "nummer", "issue")                                                                   \
  X(kPages, "pagina's", "pages")                                                                 \
  X(kCitationAsPrinted, "Verwijzing zoals in de brochure", "Reference as printed in the brochure") \
  X(kCitingConcepts, "Begrippen die dit werk citeren", "Concepts citing this work")              \
  X(kCitingPassages, "Passages die dit werk citeren", "Passages citing this work")               \
  X(kFootnotes, "Voetnoten", "Footnotes")                                                        \
  X(kSparqlTitle, "SPARQL-zoekvragen", "SPARQL queries")                                         \
  X(kSparqlIntro,                                                                                \
    "Stel je eigen vraag aan de kennisgraaf in SPARQL, of begin met een voorbeeldvraag.",        \
    "Ask the knowledge graph your own question in SPARQL, or start from an example query.")      \
  X(kExampleQueries, "Voorbeeldvragen", "Example queries")                                       \
  X(kQuery, "Zoekvraag", "Query")                                                                \
  X(kRunQuery, "Uitvoeren", "Run query")                                                         \
  X(kSparqlNoScript,                                                                             \
    "Zonder JavaScript stuurt dit formulier de vraag naar het SPARQL-eindpunt.",                 \
    "Without JavaScript this form sends the query to the SPARQL endpoint.")                      \
  X(kNotFoundTitle, "Niet gevonden", "Not found")                                                \
  X(kNotFoundText, "Hier staat geen begrip, werk of begrippenkader.",                            \
    "There is no concept, work or concept scheme here.")                                         \
  X(kBackHome, "Terug naar de startpagina", "Back to the home page")

enum class Msg {
#define KG_UI_ENUM(id, nl, en) id,
  KG_UI_MESSAGES(KG_UI_ENUM)
#undef KG_UI_ENUM
      kCount
};

// The string of `msg` in `lang` (UTF-8, plain text: escape it like data).
std::string_view Tr(Lang lang, Msg msg);

}  // namespace kg::ui
