// Instantiates the Arabic datetime rule (for `claimcheck parse`) for the grammar's
// iterator and context.
#include "grammar/ar/datetime_def.hpp"

namespace claimcheck::ar {
BOOST_SPIRIT_INSTANTIATE(datetime_type, iterator_type, context_type)
datetime_type const& datetime_rule() {
  return datetime;
}
}  // namespace claimcheck::ar
