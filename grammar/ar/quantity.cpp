// Instantiates the Arabic quantity and counted-noun rules for the grammar's iterator and context.
#include "grammar/ar/quantity_def.hpp"

namespace claimcheck::ar {
BOOST_SPIRIT_INSTANTIATE(quantity_type, iterator_type, context_type)
quantity_type const& quantity_rule() {
  return quantity;
}
BOOST_SPIRIT_INSTANTIATE(counted_noun_type, iterator_type, context_type)
counted_noun_type const& counted_noun_rule() {
  return counted_noun;
}
}  // namespace claimcheck::ar
