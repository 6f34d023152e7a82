// Joins the values the scanner found next to each other into the one value they write
// together, as Recognizers-Text's merging step does: a weekday and its date (الأربعاء ،
// 22 يناير), a date and its year (12 يناير من عام 2016), a week and a weekday (الأسبوع
// القادم يوم الجمعة), durations joined by و (عام و شهر و 21 يوما), a duration counted from
// now (بعد أسبوعين من الآن), and two times with حتى، إلى، - or بين … و (اليوم حتى الغد).
#pragma once

#include <string_view>
#include <vector>

#include "grammar/lexicon.hpp"
#include "grammar/pieces.hpp"

namespace claimcheck {

/// Joins adjacent time and duration values of `out` (in text order) in place.
void compose_times(const Lexicon& lexicon, std::u32string_view text, std::vector<ValuePiece>& out,
                   ValueDims dims);

}  // namespace claimcheck
