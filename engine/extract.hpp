// Claim assembly: runs normalisation, segmentation and the grammar over a document and
// turns the pieces of each sentence into facts (predicate, subject, quantity, object,
// time with inheritance, source with attribution, polarity, span).
#pragma once

#include <chrono>
#include <vector>

#include "engine/document.hpp"
#include "engine/fact.hpp"
#include "grammar/lexicon.hpp"

namespace claimcheck {

/// The version of claim assembly and the grammar. Raise it with any change that alters
/// which facts a document gives; stored corpora note it (with a fingerprint of the
/// lexicon) so that `claimcheck ingest --reextract` knows what to bring up to date.
constexpr const char* kExtractorVersion = "4";

/// A document whose extraction ran past its time budget (see ExtractOptions): it is
/// reported as skipped, not waited on.
class BudgetExceeded : public InputError {
 public:
  using InputError::InputError;
};

struct ExtractOptions {
  /// The most time one document may take; zero for no limit. The CLI's default is 60 s
  /// (--budget), generous: an ordinary article takes well under a millisecond.
  std::chrono::milliseconds budget{0};
};

/// Lines longer than this are read in pieces that end at a sentence end or, failing
/// one, at a space, so that memory follows this size rather than the longest line.
constexpr std::size_t kMaxPiece = 1 << 20;

/// Extracts the facts of one document, in document order, with ids "<doc id>:<n>".
/// Throws BudgetExceeded when the options' budget runs out.
std::vector<Fact> extract_facts(const Lexicon& lexicon, const Document& document,
                                const ExtractOptions& options = {});

}  // namespace claimcheck
