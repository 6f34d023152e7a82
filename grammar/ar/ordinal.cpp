// Instantiates the Arabic ordinal rule for the grammar's iterator and context.
#include "grammar/ar/ordinal_def.hpp"

namespace claimcheck::ar {
BOOST_SPIRIT_INSTANTIATE(ordinal_type, iterator_type, context_type)
ordinal_type const& ordinal_rule() {
  return ordinal;
}
}  // namespace claimcheck::ar
