// Instantiates the Arabic period rule and the year-in-words rule (for `claimcheck parse`)
// for the grammar's iterator and context.
#include "grammar/ar/period_def.hpp"

namespace claimcheck::ar {
BOOST_SPIRIT_INSTANTIATE(period_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(year_words_type, iterator_type, context_type)
period_type const& period_rule() {
  return period;
}
year_words_type const& year_words_rule() {
  return year_words;
}
}  // namespace claimcheck::ar
