// Instantiates the Arabic time rule for the grammar's iterator and context.
#include "grammar/ar/time_def.hpp"

namespace claimcheck::ar {
BOOST_SPIRIT_INSTANTIATE(time_type, iterator_type, context_type)
time_type const& time_rule() {
  return time_expression;
}
}  // namespace claimcheck::ar
