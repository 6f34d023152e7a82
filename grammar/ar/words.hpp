// Small Arabic function words the date and time rules share (normalised spellings: الي
// for إلى, حتي for حتى), and `fresh`, which starts an alternative from an empty attribute.
#pragma once

#include <type_traits>

#include "grammar/ar/config.hpp"

namespace claimcheck::ar::words {

inline auto const al = lit(U"ال");
inline auto const of_w = lit(U"من") >> eow;
inline auto const in_w = lit(U"في") >> eow;
inline auto const this_w = (lit(U"هذا") | lit(U"هذه")) >> eow;
inline auto const at_w = (lit(U"عند") | lit(U"بحدود") | lit(U"حوالي") | lit(U"قرابه")) >> eow;
inline auto const to_w = (lit(U"الي") | lit(U"حتي") | lit(U"وحتي")) >> eow;
inline auto const between_w = -(lit(U"ما") >> ws) >> lit(U"بين") >> eow;  // (ما) بين

/// Semantic actions of an alternative that fails stay done: each alternative of a rule
/// starts with `fresh`, which resets the rule's attribute.
inline auto const reset = [](auto& ctx) {
  x3::_val(ctx) = std::decay_t<decltype(x3::_val(ctx))>{};
};
inline auto const fresh = x3::eps[reset];

}  // namespace claimcheck::ar::words
