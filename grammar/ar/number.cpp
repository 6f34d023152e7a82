// Instantiates the Arabic number rule for the grammar's iterator and context.
#include "grammar/ar/number_def.hpp"

namespace claimcheck::ar {
BOOST_SPIRIT_INSTANTIATE(number_type, iterator_type, context_type)
number_type const& number_rule() {
  return number;
}
}  // namespace claimcheck::ar
