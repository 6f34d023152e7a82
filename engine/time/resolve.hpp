// The one resolver of times (see resolve.cpp): a grammar's time value against a reference
// date ("YYYY-MM-DD", optionally with "THH:MM[:SS]"; empty when unknown) as a TimeSpan.
#pragma once

#include <optional>
#include <string_view>

#include "engine/time/span.hpp"
#include "grammar/lexicon.hpp"
#include "grammar/pieces.hpp"

namespace claimcheck {

/// The span a time value (dim time) names, or nothing when it cannot be resolved (a
/// relative time without a reference, a day of the story's own timeline).
std::optional<TimeSpan> resolve_time(const Lexicon& lexicon, const ValuePiece& piece,
                                     std::string_view reference);

}  // namespace claimcheck
