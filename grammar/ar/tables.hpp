// The X3 symbol tables behind Lexicon::Tables. Included only by the grammar's own
// translation units: nothing outside grammar/ sees X3.
#pragma once

#define BOOST_SPIRIT_X3_UNICODE
#include <boost/spirit/home/x3.hpp>

#include "grammar/lexicon.hpp"

namespace claimcheck {

/// X3 encoding over char32_t code points (X3's own `unicode` uses uint32_t, which does
/// not compare with char32_t iterators).
struct u32_encoding {
  using char_type = char32_t;
  static bool ischar(char32_t) { return true; }
};

namespace x3 = boost::spirit::x3;
using index_table = x3::symbols_parser<u32_encoding, int>;
using value_table = x3::symbols_parser<u32_encoding, double>;

/// Operators a qualifier stands for.
enum QualifierOp { op_gt, op_ge, op_lt, op_le, op_approx, op_eq };

struct Lexicon::Tables {
  // numbers
  value_table unit, teenhead, teen10, teen, ten, hundred, scale, scale2, scales, fraction, vague,
      percent, percent_pre, denominator, part_of;
  // qualifiers (value: QualifierOp)
  index_table qualifier_pre, qualifier_post;
  // counted nouns (value: object index)
  index_table object, object_dual;  // object_dual: dual forms, a count of two
  // entities (value: entity index): full forms, and forms that had ال with it removed
  index_table entity, entity_stem;
  // predicates (value: predicate index)
  index_table predicate;
  // cues (value unused)
  index_table attribution, absence, anaphor, preposition, comitative;
  // units and currencies (value: unit index); dual forms count two; signs and codes may
  // also stand before the number ($10)
  index_table unit_word, unit_dual, unit_sign;
  // unit forms that are a unit only after a number (عقد: a decade, alone a contract)
  index_table unit_counted;
  // ordinals (value: the ordinal), and the words that make a number negative
  value_table ordinal, ordinal_part, ordinal_end, ordinal_current, minus;
  // time
  index_table month, year_word, in_cue, since_cue, until_cue, start_word, relative;
  // days and clocks (value: weekday 1–7; direction -1/1; part of day 1 am, 2 pm, 3 noon)
  index_table weekday, direction, day_part, middle;
  // periods (value: as described in time.tsv; holiday: index of Lexicon::holiday())
  index_table hijri_month, season, decade, period_part, period_part_post, period_noun, few, whole,
      throughout, holiday, anaphor_day;
};

}  // namespace claimcheck
