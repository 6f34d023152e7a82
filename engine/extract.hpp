// Claim assembly: runs normalisation, segmentation and the grammar over a document and
// turns the pieces of each sentence into facts (predicate, subject, quantity, object,
// time with inheritance, source with attribution, polarity, span).
#pragma once

#include <vector>

#include "engine/document.hpp"
#include "engine/fact.hpp"
#include "grammar/lexicon.hpp"

namespace claimcheck {

/// The version of claim assembly and the grammar. Raise it with any change that alters
/// which facts a document gives; stored corpora note it (with a fingerprint of the
/// lexicon) so that `claimcheck ingest --reextract` knows what to bring up to date.
constexpr const char* kExtractorVersion = "3";

/// Extracts the facts of one document, in document order, with ids "<doc id>:<n>".
std::vector<Fact> extract_facts(const Lexicon& lexicon, const Document& document);

}  // namespace claimcheck
