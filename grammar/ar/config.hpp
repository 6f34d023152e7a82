// Arabic grammar configuration: the one iterator and context type every rule is
// instantiated with, the lookup of the Arabic symbol tables through the context, and the
// shared parsers of grammar/x3/ under short names. A rule called with another context
// type fails to link, which is why scan.cpp and the tests go through grammar/language.hpp.
#pragma once

#include "grammar/ar/tables.hpp"
#include "grammar/x3/parsers.hpp"

namespace claimcheck::ar {

using x3s::iterator_type;
struct lexicon_tag;
using context_type = x3::context<lexicon_tag, Tables const>;

/// Matches one of the Arabic tables, taken from the parse context.
template <auto Member>
inline constexpr x3s::table_parser<lexicon_tag, Member> table{};

using x3s::before_number;
using x3s::clamp_int;
using x3s::day_digits;
using x3s::decimal;
using x3s::digit_char;
using x3s::eow;
using x3s::glued_decimal;
using x3s::integer_parser;
using x3s::lit;
using x3s::word_char;
using x3s::ws;
using x3s::year_digits;

/// The conjunction و joining number words or list items, with or without a space after.
inline auto const and_ = ws >> lit(U'\u0648') >> -ws;

}  // namespace claimcheck::ar
