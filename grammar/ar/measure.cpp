// Instantiates the Arabic measure, signed-number and range rules for the grammar's
// iterator and context.
#include "grammar/ar/measure_def.hpp"

namespace claimcheck::ar {
BOOST_SPIRIT_INSTANTIATE(measure_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(signed_number_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(range_type, iterator_type, context_type)
measure_type const& measure_rule() {
  return measure;
}
signed_number_type const& signed_number_rule() {
  return signed_number;
}
range_type const& range_rule() {
  return range;
}
}  // namespace claimcheck::ar
