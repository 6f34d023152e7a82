// Instantiates the Arabic clock rule (for `claimcheck parse`) for the grammar's iterator
// and context.
#include "grammar/ar/clock_def.hpp"

namespace claimcheck::ar {
BOOST_SPIRIT_INSTANTIATE(clock_type, iterator_type, context_type)
clock_type const& clock_rule() {
  return clock;
}
}  // namespace claimcheck::ar
