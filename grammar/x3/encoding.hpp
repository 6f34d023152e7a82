// Shared X3 machinery, part 1: the code-point encoding every grammar parses with and the
// symbol-table types its lexicon forms compile into. Included only by grammar/x3/ and the
// grammars under grammar/<lang>/: nothing else sees X3.
#pragma once

#define BOOST_SPIRIT_X3_UNICODE
#include <boost/spirit/home/x3.hpp>

namespace claimcheck::x3s {

namespace x3 = boost::spirit::x3;

/// X3 encoding over char32_t code points (X3's own `unicode` uses uint32_t, which does
/// not compare with char32_t iterators).
struct u32_encoding {
  using char_type = char32_t;
  static bool ischar(char32_t) { return true; }
};

/// A table of forms whose value is an index (into a lexicon registry) or a small code.
using index_table = x3::symbols_parser<u32_encoding, int>;
/// A table of forms whose value is a number (number words, scales, fractions).
using value_table = x3::symbols_parser<u32_encoding, double>;

/// Every grammar parses normalised text as a contiguous run of code points.
using iterator_type = char32_t const*;

}  // namespace claimcheck::x3s
