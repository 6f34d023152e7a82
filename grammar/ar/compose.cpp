// The joining step of the value scanner (see compose.hpp). The words between two values
// decide whether they are one: each rule names the words it accepts there.
#include "grammar/ar/compose.hpp"

#include <cmath>
#include <string>

#include "grammar/text.hpp"

namespace claimcheck {
namespace {

/// The text between two values, without spaces at its ends.
std::u32string_view gap(std::u32string_view text, const ValuePiece& a, const ValuePiece& b) {
  std::u32string_view g = text.substr(a.span.end, b.span.begin - a.span.end);
  while (!g.empty() && g.front() == U' ') g.remove_prefix(1);
  while (!g.empty() && g.back() == U' ') g.remove_suffix(1);
  return g;
}

bool one_of(std::u32string_view g, std::initializer_list<std::u32string_view> words) {
  for (auto w : words)
    if (g == w) return true;
  return false;
}

bool is_time(const ValuePiece& v) {
  return v.dim == ValueDim::time;
}
bool is_date(const ValuePiece& v) {  // a day of a month, written out
  return is_time(v) && v.time.d1 > 0 && v.time.m1 > 0 && v.hour < 0 && v.until.empty();
}
bool is_year(const ValuePiece& v) {
  return is_time(v) && !v.datetime && v.time.op == TimeOp::in && v.time.y1 > 0 && v.time.m1 == 0 &&
         v.time.relative < 0;
}
/// a weekday alone (الجمعة), or starting a range (الجمعة حتى الأحد) when `ranged`
bool is_weekday(const ValuePiece& v, bool ranged = false) {
  return is_time(v) && v.datetime && v.weekday > 0 && v.time.d1 == 0 && v.hour < 0 &&
         v.week == -100 && v.until.empty() != ranged;
}
char relative_unit(const Lexicon& lex, const ValuePiece& v) {
  if (!is_time(v)) return 0;
  int r = v.time.relative >= 0 ? v.time.relative : v.period.relative;
  if (r < 0 || v.time.d1 > 0 || v.time.m1 > 0 || v.weekday > 0) return 0;
  return lex.relative(r).unit;
}
int relative_offset(const Lexicon& lex, const ValuePiece& v) {
  return lex.relative(v.time.relative >= 0 ? v.time.relative : v.period.relative).offset;
}
double seconds(const Lexicon& lex, const ValuePiece& v) {
  return v.value * lex.unit(v.unit).factor;
}

/// Tries to join `a` and the value after it; true when `a` now holds both.
bool join(const Lexicon& lex, std::u32string_view text, ValuePiece& a, const ValuePiece& b) {
  const std::u32string_view g = gap(text, a, b);
  const Span both{a.span.begin, b.span.end};
  // durations joined by و or written one after another: عام و شهر و 21 يوما، 2 سنة 1 شهر
  if (a.dim == ValueDim::duration && b.dim == ValueDim::duration && a.unit >= 0 && b.unit >= 0 &&
      one_of(g, {U"", U"\u0648"}) && lex.unit(a.unit).factor > lex.unit(b.unit).factor) {
    // in the smaller unit, so that a third part of yet smaller units joins too
    a.value = (seconds(lex, a) + seconds(lex, b)) / lex.unit(b.unit).factor;
    a.unit = b.unit;
    a.low = a.high = a.value;
    a.span = both;
    return true;
  }
  // a duration or a shifted day counted from now: بعد أسبوعين من الآن، 1 شهر و 21 يوم من الآن
  if ((a.dim == ValueDim::duration || (is_time(a) && a.shifted)) && relative_unit(lex, b) == 'n' &&
      g == U"\u0645\u0646") {  // من
    if (a.dim == ValueDim::duration) {
      const double days = seconds(lex, a) / 86400;
      if (!(std::fabs(days) <= 366000)) return false;  // no day the calendar can hold
      a = ValuePiece{};
      a.dim = ValueDim::time;
      a.datetime = true;
      a.shifted = true;
      a.shift_days = days;
    }
    a.period.kind = 'd';
    a.period.from_now = true;
    a.span = both;
    return true;
  }
  // a weekday and its date: الأربعاء ، 22 يناير؛ the day and its date: اليوم 6 مايو
  if ((is_weekday(a) || (relative_unit(lex, a) == 'd' && relative_offset(lex, a) == 0)) &&
      is_date(b) && one_of(g, {U"", U"\u060C", U","})) {
    const int weekday = a.weekday;
    a = ValuePiece{b};
    a.weekday = weekday;
    a.datetime = true;
    a.span = both;
    return true;
  }
  // a date and its year: 12 يناير من عام 2016، 12 يناير, 2016
  if (is_date(a) && a.time.y1 == 0 && is_year(b) &&
      one_of(g, {U"", U"\u060C", U",", U"\u0645\u0646", U"\u0641\u064A"})) {  // من، في
    a.time.y1 = b.time.y1;
    a.span = both;
    return true;
  }
  // a week and a weekday of it: الأسبوع القادم يوم الجمعة، هذا الأسبوع الجمعة
  if (relative_unit(lex, a) == 'w' && is_weekday(b) && g.empty()) {
    const int week = relative_offset(lex, a);
    a = ValuePiece{b};
    a.week = week;
    a.span = both;
    return true;
  }
  // a week and a range of weekdays: الأسبوع المقبل بين الأربعاء والجمعة، الأسبوع الماضي من
  // الأربعاء إلى الجمعة
  if (relative_unit(lex, a) == 'w' && is_weekday(b, true) && is_weekday(b.until.front()) &&
      one_of(g, {U"", U"\u0645\u0646"})) {
    const int week = relative_offset(lex, a);
    a = ValuePiece{b};
    a.week = week;
    a.until.front().week = week;
    a.span = both;
    return true;
  }
  // the week of a date: أسبوع 30 نوفمبر، الأسبوع في 15 سبتمبر
  if (a.dim == ValueDim::duration && a.unit >= 0 && lex.unit(a.unit).id == "week" && a.value == 1 &&
      is_date(b) && one_of(g, {U"", U"\u0641\u064A"})) {
    a = ValuePiece{b};
    a.period.kind = 'r';
    a.period.index_unit = 'W';  // the week around the date
    a.span = both;
    return true;
  }
  // two times with حتى، إلى or -, or بين … و: اليوم حتى الغد، بين 2 أكتوبر و 22 أكتوبر
  if (is_time(a) && is_time(b) && a.until.empty() && b.until.empty()) {
    const bool between = a.span.begin >= 4 && text.substr(a.span.begin - 4, 4) ==
                                                  std::u32string_view(U"\u0628\u064A\u0646 ");
    const bool to = one_of(g, {U"\u062D\u062A\u064A", U"\u0627\u0644\u064A", U"-"});  // حتي، الي
    // حتى or إلى written into the second value by the time rule (حتى 22 أكتوبر); not قبل,
    // which the time rule also reads as a bound (اليوم قبل 2020 is no range)
    const std::u32string_view b_text = text.substr(b.span.begin, b.span.end - b.span.begin);
    const bool until_inside = g.empty() && b.time.op == TimeOp::until && !b.datetime &&
                              (b_text.substr(0, 4) == U"\u062D\u062A\u064A " ||
                               b_text.substr(0, 4) == U"\u0627\u0644\u064A ");  // حتي، الي
    if (to || until_inside || (between && one_of(g, {U"\u0648"}))) {
      ValuePiece end = b;
      if (until_inside) end.time.op = TimeOp::in;
      end.span = b.span;
      a.until.push_back(end);
      if (between) a.span.begin -= 4;
      a.span.end = b.span.end;
      a.period.kind = a.hour >= 0 && end.hour >= 0 ? 'i' : 'r';
      return true;
    }
  }
  return false;
}

}  // namespace

void compose_times(const Lexicon& lex, std::u32string_view text, std::vector<ValuePiece>& out,
                   ValueDims dims) {
  auto wanted = [&](ValueDim d) { return dims == 0 || (dims & dim_bit(d)) != 0; };
  bool changed = true;
  while (changed) {
    changed = false;
    for (std::size_t i = 0; i + 1 < out.size(); ++i) {
      ValuePiece joined = out[i];
      if (join(lex, text, joined, out[i + 1]) && wanted(joined.dim)) {
        out[i] = std::move(joined);
        out.erase(out.begin() + static_cast<std::ptrdiff_t>(i) + 1);
        changed = true;
      }
    }
  }
}

}  // namespace claimcheck
