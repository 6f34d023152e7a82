// Declarations of the Arabic rules. Each is defined in its own *_def.hpp and instantiated
// once in its own .cpp (the X3 layout of calc9/rexpr), so a change rebuilds one unit.
#pragma once

#include "grammar/ar/ast.hpp"
#include "grammar/ar/config.hpp"

namespace claimcheck::ar {

using number_type = x3::rule<class number_class, NumberAst>;
using quantity_type = x3::rule<class quantity_class, QuantityAst>;
using time_type = x3::rule<class time_class, TimeAst>;
using entity_type = x3::rule<class entity_class, EntityAst>;
using entity_list_type = x3::rule<class entity_list_class, ListAst>;
using predicate_type = x3::rule<class predicate_class, int>;
using attribution_type = x3::rule<class attribution_class, x3::unused_type>;
using preposition_type = x3::rule<class preposition_class, int>;
using measure_type = x3::rule<class measure_class, MeasureAst>;
using ordinal_type = x3::rule<class ordinal_class, OrdinalAst>;
using signed_number_type = x3::rule<class signed_number_class, double>;
using datetime_type = x3::rule<class datetime_class, DateTimeAst>;
using range_type = x3::rule<class range_class, RangeAst>;
using period_type = x3::rule<class period_class, DateTimeAst>;
using clock_type = x3::rule<class clock_class, DateTimeAst>;
using year_words_type = x3::rule<class year_words_class, int>;
using clause_boundary_type = x3::rule<class clause_boundary_class, x3::unused_type>;
using no_noun_type = x3::rule<class no_noun_class, x3::unused_type>;
using label_type = x3::rule<class label_class, x3::unused_type>;
using one_of_type = x3::rule<class one_of_class, x3::unused_type>;
using time_context_type = x3::rule<class time_context_class, x3::unused_type>;
using counted_noun_type = x3::rule<class counted_noun_class, int>;
using duration_cue_type = x3::rule<class duration_cue_class, int>;
using others_type = x3::rule<class others_class, x3::unused_type>;
using people_cue_type = x3::rule<class people_cue_class, int>;
using term_cue_type = x3::rule<class term_cue_class, x3::unused_type>;

BOOST_SPIRIT_DECLARE(number_type, quantity_type, time_type, entity_type, entity_list_type,
                     predicate_type, attribution_type, preposition_type, measure_type, ordinal_type,
                     signed_number_type, datetime_type, range_type, period_type, clock_type,
                     year_words_type, clause_boundary_type, no_noun_type, label_type, one_of_type,
                     time_context_type, counted_noun_type, duration_cue_type, others_type,
                     people_cue_type, term_cue_type)

number_type const& number_rule();
quantity_type const& quantity_rule();
time_type const& time_rule();
entity_type const& entity_rule();
entity_list_type const& entity_list_rule();
predicate_type const& predicate_rule();
attribution_type const& attribution_rule();
preposition_type const& preposition_rule();
measure_type const& measure_rule();
ordinal_type const& ordinal_rule();
signed_number_type const& signed_number_rule();
datetime_type const& datetime_rule();
range_type const& range_rule();
period_type const& period_rule();
clock_type const& clock_rule();
/// A year: four digits, or a year in words (ألفان وثمانية عشر، تسعة عشر تسعة وتسعون).
year_words_type const& year_words_rule();
/// A word that opens a new clause: a clause word (الذي، حيث، بينما، لكن…) or و/ف
/// attached to a predicate (وأصيب، فقتل).
clause_boundary_type const& clause_boundary_rule();
/// A word after a number that is no counted noun: a function word, a unit, a month, a
/// time word, a number word (not_counted in cues.tsv, and the time and unit tables).
no_noun_type const& no_noun_rule();
/// A word before a number that makes it a label, not a count (المادة 5، رقم 12).
label_type const& label_rule();
/// أحد، إحدى: "one of" a group (cues.tsv one_of).
one_of_type const& one_of_rule();
/// A word that may open a fuller time around a time after it: a part or count of a
/// period, a season, a weekday, a month, a Hijri month, a named day, a part of the day,
/// a direction, a number (a day of a range), or an ordinal.
time_context_type const& time_context_rule();
/// آخرين، آخرون (cues.tsv others): more of what the count before counted.
others_type const& others_rule();
/// A word (or words) right before a number standing alone that make it a count of people
/// (cues.tsv people: مقتل 3، وإصابة 18، القبض على 8): the person object's index.
people_cue_type const& people_cue_rule();
/// A word that opens a remand (cues.tsv term: حبس، تجديد حبس), whose term may come later
/// in the sentence, after the ones remanded (حبس 8 متهمين فى أحداث الشغب 4 أيام).
term_cue_type const& term_cue_rule();
/// A word before a duration that makes it a claim (cues.tsv duration, within): 1, or 2
/// for «within» (خلال).
duration_cue_type const& duration_cue_rule();
/// A counted noun of the lexicon (objects.tsv), with ل in front or the accusative ا after
/// it: the object's index.
counted_noun_type const& counted_noun_rule();

/// Words that may stand in front of another word: و ف (conjunctions), ب ل ك (prepositions).
inline auto const conj = lit(U'\u0648') | lit(U'\u0641');
inline auto const prep = lit(U'\u0628') | lit(U'\u0644') | lit(U'\u0643');

/// `p`, optionally with an attached conjunction in front (وأكثر، فمنذ).
template <typename P>
auto with_conj(P const& p) {
  return (conj >> p) | p;
}

/// `p`, optionally with attached clitics: و/ف then ب/ل/ك (وبتفكيك، لتفكيك).
template <typename P>
auto with_clitics(P const& p) {
  auto body = (prep >> p) | p;
  return (conj >> body) | body;
}

}  // namespace claimcheck::ar
