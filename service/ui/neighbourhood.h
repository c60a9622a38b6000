// The diagrams of the pages, built from vocabulary values (pure): a
// concept's neighbourhood and the home page's overview of the main
// concepts. diagram/ draws them.
#pragma once

#include <vector>

#include "diagram/diagram.h"
#include "ui/i18n.h"
#include "ui/pages.h"
#include "vocabulary/vocabulary.h"

namespace kg::ui {

// The concept in the middle; its broader, narrower and related concepts and
// the targets of its ontology relations around it, each edge labelled with
// the relation's label in `lang`. A neighbour reached by several relations
// is drawn once. At most `max_nodes` nodes (the rest are left out, broader
// and narrower first). Node links are the neighbours' pages.
diagram::Diagram ConceptNeighbourhood(const vocabulary::ConceptView& view, Lang lang,
                                      const vocabulary::Config& config,
                                      std::size_t max_nodes = 40);

// Each scheme with its top concepts and the concepts one level below them
// (at most `max_nodes` nodes in all).
diagram::Diagram Overview(const std::vector<SchemeTree>& schemes, Lang lang,
                          const vocabulary::Config& config, std::size_t max_nodes = 90);

}  // namespace kg::ui
