// Instantiates the Arabic entity, list and cue rules for the grammar's iterator and context.
#include "grammar/ar/entity_def.hpp"

namespace claimcheck::ar {
BOOST_SPIRIT_INSTANTIATE(entity_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(entity_list_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(predicate_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(attribution_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(preposition_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(clause_boundary_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(no_noun_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(label_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(one_of_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(time_context_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(duration_cue_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(others_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(people_cue_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(term_cue_type, iterator_type, context_type)
people_cue_type const& people_cue_rule() {
  return people_cue;
}
term_cue_type const& term_cue_rule() {
  return term_cue;
}
others_type const& others_rule() {
  return others;
}
duration_cue_type const& duration_cue_rule() {
  return duration_cue;
}
entity_type const& entity_rule() {
  return entity;
}
entity_list_type const& entity_list_rule() {
  return entity_list;
}
predicate_type const& predicate_rule() {
  return predicate;
}
attribution_type const& attribution_rule() {
  return attribution;
}
no_noun_type const& no_noun_rule() {
  return no_noun;
}
time_context_type const& time_context_rule() {
  return time_context;
}
one_of_type const& one_of_rule() {
  return one_of;
}
label_type const& label_rule() {
  return label;
}
clause_boundary_type const& clause_boundary_rule() {
  return clause_boundary;
}
preposition_type const& preposition_rule() {
  return preposition;
}
}  // namespace claimcheck::ar
