// Instantiates the Arabic quantity rule for the grammar's iterator and context.
#include "grammar/ar/quantity_def.hpp"

namespace claimcheck::ar {
BOOST_SPIRIT_INSTANTIATE(quantity_type, iterator_type, context_type)
quantity_type const& quantity_rule() {
  return quantity;
}
}  // namespace claimcheck::ar
