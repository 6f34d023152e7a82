// The Arabic symbol tables: every Arabic form of the lexicon compiled into X3 symbol
// tables, built by grammar/ar/forms.cpp from grammar/lexicon/ar/ and held by the Lexicon
// as the Arabic grammar's LanguageForms. Included only by the Arabic grammar's own
// translation units: nothing outside grammar/ sees X3.
#pragma once

#include <unordered_map>
#include <unordered_set>

#include "grammar/language.hpp"
#include "grammar/lexicon.hpp"
#include "grammar/x3/encoding.hpp"

namespace claimcheck::ar {

namespace x3 = boost::spirit::x3;
using x3s::index_table;
using x3s::value_table;

/// Operators a qualifier stands for.
enum QualifierOp { op_gt, op_ge, op_lt, op_le, op_approx, op_eq };

struct Tables : LanguageForms {
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
  index_table attribution, absence, anaphor, preposition, comitative, clause;
  // open vocabulary: words before a number that make it a label (المادة 5), and words
  // after a number that are no counted noun (5 من، 3 فقط)
  index_table label, not_counted, one_of;
  // words before a duration that make it a claim (بحبس 4 أيام، لمدة 15 يوما): value 1, or
  // 2 for «within» (خلال 24 ساعة: at most)
  index_table duration_cue;
  // words after a number that count more of what was counted before (4 آخرين)
  index_table others;
  // words right before a number standing alone that make it a count of people (مقتل 3،
  // القبض على 8; value: the person object's index), words that open a remand whose term
  // may come later in the sentence (حبس 8 متهمين … 4 أيام), and nouns naming what a bound
  // bounds, between the bound and its number (لا يتجاوز مبلغ 875 مليون دولار)
  index_table people_cue, term_cue, measure_noun;
  // nouns news counts most (plurals.tsv): each broken plural's singular (ضباط → ضابط), and
  // each dual's singular for nouns whose dual can only be a dual (ضابطين → ضابط)
  std::unordered_map<std::u32string, std::u32string> singular_of, dual_of;
  // the duals in ين of nouns whose sound plural is spelled the same (عاطلين): a dual only
  // when a dual pronoun agrees with it (عاطلين بحيازتهما)
  std::unordered_map<std::u32string, std::u32string> sound_dual_of;
  // nouns that complete a construct dual (أمينا شرطة، فردي أمن)
  index_table construct_noun;
  // words after which a country or a capital is part of a name (شارع الرياض), as written
  // and without the article
  std::unordered_set<std::u32string> name_head;
  // nouns that count instances of the noun after them (5 حالات تسمم: five poisonings): that
  // noun, not the classifier, is what a number counts
  std::unordered_set<std::u32string> classifier;
  // groups whose members a partitive counts as people (11 من قوات الأمن), without the article
  std::unordered_set<std::u32string> member_group;
  // words that make what follows in their clause a condition, a wish or a negated future
  // (لو، إذا، في حال، لن، يسعى): a number there is no claim; one word or two
  std::unordered_set<std::u32string> hypothetical;
  // words that make a time after them that of a background event, a comparison, a next
  // hearing or a founding (على خلفية، مقابل، لجلسة، منذ إنشائها): one word or two
  std::unordered_set<std::u32string> background;
  // words that make a time after them that of the events a figure belongs to (أحداث،
  // شهدتها): a casualty's time, not an arrest's after them; one word or two
  std::unordered_set<std::u32string> event_time;
  // words of a charge, after which a time dates the crime (بتهمة، متهمين ب…): one word each
  std::unordered_set<std::u32string> charge, charge_of;
  // words right after a duration that make it a prison term (30 سنة سجنا)
  std::unordered_set<std::u32string> prison_term;
  // participles after which a time says when the noun before them was made, held or
  // occupied (الأراضي المحتلة عام 1948، القانون المعمول به منذ عام 1983): no time of a
  // figure, no period of a section; one word or two, right before the time
  std::unordered_set<std::u32string> attributive_time;
  // nouns that name a tally (عدد، حصيلة) and the words that may stand between the tally of
  // a counted noun and its number (بلغ، ارتفع إلى): «عدد الجرحى بلغ 950» counts the injured;
  // the words that open a phrase between them (في، منذ: عدد القتلى في التفجير إلى 74)
  std::unordered_set<std::u32string> tally, tally_link, tally_phrase;
  // nouns right before an amount that name what it measures (ارتفاع، سرعة، وزن، على بعد)
  std::unordered_set<std::u32string> dimension;
  // verbs between such a noun and its amount (على ارتفاع يتراوح بين 30 و50 كلم)
  std::unordered_set<std::u32string> dimension_link;
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

/// The Arabic tables of `lexicon` (loaded with it).
const Tables& tables(const Lexicon& lexicon);

}  // namespace claimcheck::ar
