// Definitions of the Arabic entity and cue rules: countries and organisations from the
// gazetteers with their clitics (وبلجيكا، بإسبانيا، للمغرب), anaphors for the main
// subject (المملكة), coordinated lists (إسبانيا وبلجيكا وفرنسا), predicates (تفكيك →
// dismantle), attribution cues (وفق، أكد) and prepositions (في، مع).
#pragma once

#include "grammar/ar/rules.hpp"

namespace claimcheck::ar {
namespace entity_detail {

using T = Tables;

auto const set_entity = [](auto& ctx) { x3::_val(ctx).entity = x3::_attr(ctx); };
auto const set_anaphor = [](auto& ctx) { x3::_val(ctx).anaphor = true; };
auto const set_prefixed = [](auto& ctx) { x3::_val(ctx).prefixed = true; };

auto const core = (table<&T::entity> >> eow)[set_entity] | (table<&T::anaphor> >> eow)[set_anaphor];
auto const lil = lit(U"\u0644\u0644");  // لل = ل + ال

}  // namespace entity_detail

entity_type const entity = "entity";

auto const entity_def = with_conj(
    (entity_detail::lil >> (table<&Tables::entity_stem> >> eow)[entity_detail::set_entity] >>
     x3::eps[entity_detail::set_prefixed]) |
    (prep >> entity_detail::core >> x3::eps[entity_detail::set_prefixed]) | entity_detail::core);

clause_boundary_type const clause_boundary = "clause boundary";
auto const clause_boundary_def = (with_conj(x3::omit[table<&Tables::clause>]) >> eow) |
                                 (conj >> x3::omit[table<&Tables::predicate>] >> eow);

no_noun_type const no_noun = "no counted noun";
// each table with its end of word: a short form of one (م، ص) must not hide a longer word
// of another that begins with it (مليون، مايو)
auto const no_noun_def =
    with_clitics(
        x3::omit[(table<&Tables::not_counted> >> eow) | (table<&Tables::unit_word> >> eow) |
                 (table<&Tables::unit_counted> >> eow) | (table<&Tables::month> >> eow) |
                 (table<&Tables::year_word> >> eow) | (table<&Tables::relative> >> eow) |
                 (table<&Tables::scales> >> eow) | (table<&Tables::scale> >> eow) |
                 (table<&Tables::percent> >> eow) | (table<&Tables::preposition> >> eow) |
                 (table<&Tables::weekday> >> eow) | (table<&Tables::hijri_month> >> eow) |
                 (table<&Tables::period_noun> >> eow)]) |
    (conj >> x3::omit[table<&Tables::predicate>] >> eow);  // 3 وأصيب: the next clause
label_type const label = "label";
auto const label_def = with_clitics(x3::omit[table<&Tables::label>]) >> eow;

one_of_type const one_of = "one of";
auto const one_of_def = with_conj(x3::omit[table<&Tables::one_of>]) >> eow;

time_context_type const time_context = "time context";
auto const time_context_words =
    x3::omit[table<&Tables::period_part> | table<&Tables::period_part_post> |
             table<&Tables::period_noun> | table<&Tables::season> | table<&Tables::weekday> |
             table<&Tables::month> | table<&Tables::hijri_month> | table<&Tables::holiday> |
             table<&Tables::day_part> | table<&Tables::direction> | table<&Tables::whole> |
             table<&Tables::throughout> | table<&Tables::few> | table<&Tables::decade> |
             table<&Tables::middle> | table<&Tables::start_word> | table<&Tables::ordinal> |
             table<&Tables::unit>];
auto const time_context_def = with_clitics((lit(U"\u0627\u0644") >> time_context_words) |
                                           time_context_words) >>
                                  eow |
                              (+digit_char >> eow);

duration_cue_type const duration_cue = "duration cue";
auto const duration_cue_def = with_clitics(table<&Tables::duration_cue>) >> eow;

others_type const others = "others";
auto const others_def = x3::omit[table<&Tables::others>] >> eow;

people_cue_type const people_cue = "people cue";
auto const people_cue_def = with_clitics(table<&Tables::people_cue>) >> eow;

term_cue_type const term_cue = "term cue";
auto const term_cue_def = with_clitics(x3::omit[table<&Tables::term_cue>]) >> eow;

BOOST_SPIRIT_DEFINE(time_context, one_of, no_noun, label, clause_boundary, entity, duration_cue,
                    others, people_cue, term_cue)

namespace entity_detail {
auto const push = [](auto& ctx) { x3::_val(ctx).members.push_back(x3::_attr(ctx)); };
auto const comma = lit(U'\u060C') | lit(U',');
auto const or_word = lit(U"\u0627\u0648") >> eow;  // او
/// After the first item, each item follows a comma, or the conjunction و / أو.
x3::rule<class next_item_class, EntityAst> const next_item = "list item";
auto const next_item_def = (comma >> -ws >> entity) |
                           (ws >> (lit(U'\u0648') | or_word) >> ws >> entity) |
                           (ws >> &conj >> entity);
BOOST_SPIRIT_DEFINE(next_item)
}  // namespace entity_detail

entity_list_type const entity_list = "entity list";

auto const entity_list_def = entity[entity_detail::push] >>
                             +(entity_detail::next_item[entity_detail::push]);

BOOST_SPIRIT_DEFINE(entity_list)

predicate_type const predicate = "predicate";
namespace entity_detail {
auto const predicate_word = table<&Tables::predicate> >> eow;
/// A verbal noun takes the article without being listed with it (التنسيق).
x3::rule<class predicate_core_class, int> const predicate_core = "predicate word";
auto const predicate_core_def = predicate_word | (lit(U"\u0627\u0644") >> predicate_word);
BOOST_SPIRIT_DEFINE(predicate_core)
}  // namespace entity_detail

auto const predicate_def =
    with_conj(entity_detail::lil >> entity_detail::predicate_word) |  // للتعاون
    with_clitics(entity_detail::predicate_core);
BOOST_SPIRIT_DEFINE(predicate)

attribution_type const attribution = "attribution cue";
auto const attribution_def = with_clitics(x3::omit[table<&Tables::attribution>] >> eow);
BOOST_SPIRIT_DEFINE(attribution)

/// 2 for a comitative preposition (مع), 1 for any other preposition.
preposition_type const preposition = "preposition";
auto const set_kind = [](int kind) { return [kind](auto& ctx) { x3::_val(ctx) = kind; }; };
auto const preposition_def = with_conj((x3::omit[table<&Tables::comitative>] >> eow)[set_kind(2)] |
                                       (x3::omit[table<&Tables::preposition>] >> eow)[set_kind(1)]);
BOOST_SPIRIT_DEFINE(preposition)

}  // namespace claimcheck::ar
