// The value scanner behind `claimcheck parse`: at each word it tries every value rule
// (time, measure, quantity for percentages and ranges, ordinal, signed number) and keeps
// the longest reading, so that «20 دولارا» is one amount of money, not a number and a
// word. The meaning of each reading is finished here: units and subunits, bounds.
#include <cmath>

#include "grammar/ar/arabic.hpp"
#include "grammar/ar/compose.hpp"
#include "grammar/ar/rules.hpp"

namespace claimcheck::ar {
namespace {

using ar::context_type;
using ar::iterator_type;

template <typename Rule, typename Attr>
bool parse_at(const Lexicon& lex, Rule const& rule, iterator_type& first, iterator_type last,
              Attr& attr) {
  context_type ctx(tables(lex));
  return rule.parse(first, last, ctx, x3::unused, attr);
}

ValueDim dim_of(const UnitInfo& u) {
  if (u.dim == "money") return ValueDim::money;
  if (u.dim == "volume") return ValueDim::volume;
  if (u.dim == "temperature") return ValueDim::temperature;
  if (u.dim == "duration") return ValueDim::duration;
  return ValueDim::quantity;
}

/// Bounds from an operator: > and >= give a lower bound, < and <= an upper one, between
/// and = both.
void set_bounds(ValuePiece& v, int op, double value, double upper) {
  switch (op) {
    case op_gt:
      v.has_low = true, v.low = value, v.low_closed = false;
      break;
    case op_ge:
      v.has_low = true, v.low = value;
      break;
    case op_lt:
      v.has_high = true, v.high = value, v.high_closed = false;
      break;
    case op_le:
      v.has_high = true, v.high = value;
      break;
    case ar::q_between:  // closed below, open above, as Recognizers-Text writes ranges
      v.has_low = v.has_high = true, v.low = value, v.high = upper, v.high_closed = false;
      break;
    case op_eq:
      v.has_low = v.has_high = true, v.low = v.high = value;
      break;
    default:
      break;
  }
}

std::optional<ValuePiece> measure_at(const Lexicon& lex, iterator_type first, iterator_type last,
                                     iterator_type& end) {
  ar::MeasureAst m;
  iterator_type it = first;
  if (!parse_at(lex, ar::measure_rule(), it, last, m)) return std::nullopt;
  ValuePiece v;
  if (m.unit == -2) m.unit = lex.find_unit("degree");  // 2 تحت الصفر: degrees
  if (m.unit < 0) return std::nullopt;
  const UnitInfo& unit = lex.unit(m.unit);
  v.dim = dim_of(unit);
  v.unit = m.unit;
  v.value = m.value;
  if (m.op <= -1000) {  // a subunit after the unit: 20 دولار و43 سنت
    const UnitInfo& sub = lex.unit(-1000 - m.op);
    if (sub.base != unit.base || sub.factor >= unit.factor) return std::nullopt;
    v.value += m.upper * sub.factor / unit.factor;
    m.op = ar::q_eq;
  }
  set_bounds(v, m.op, v.value, m.upper);
  if (m.op == op_approx) v.has_low = v.has_high = false;
  // what a quantity is of: 500 غرام من الفراولة
  static const std::u32string of = U" \u0645\u0646 \u0627\u0644";  // " من ال"
  if (v.dim == ValueDim::quantity && static_cast<std::size_t>(last - it) > of.size() &&
      std::u32string_view(it, of.size()) == of) {
    it += of.size();
    while (it != last && is_word_char(*it)) ++it;
  }
  end = it;
  return v;
}

/// Days a time may lie from the reference (a thousand years): beyond, قبل 10^15 يوم is no
/// day the calendar arithmetic can hold.
constexpr double kMaxShiftDays = 366000;

/// A reading of the datetime, period or clock rule as a value: a time, or a duration
/// (طوال اليوم، بضع ساعات). Nothing when its parts do not fit (قبل ثلاثة كيلوغرامات).
template <typename Rule>
std::optional<ValuePiece> datetime_at(const Lexicon& lex, Rule const& rule, iterator_type& it,
                                      iterator_type last) {
  ar::DateTimeAst d;
  if (!parse_at(lex, rule, it, last, d)) return std::nullopt;
  ValuePiece v;
  if (d.p.kind == 'u') {  // a duration
    if (d.duration_unit < 0 || lex.unit(d.duration_unit).dim != "duration") return std::nullopt;
    v.dim = ValueDim::duration;
    v.unit = d.duration_unit;
    v.value = d.duration;
    v.has_low = v.has_high = true, v.low = v.high = v.value;
    return v;
  }
  v.dim = ValueDim::time;
  v.datetime = true;
  v.time.y1 = d.y, v.time.m1 = d.m, v.time.d1 = d.d;
  v.weekday = d.weekday, v.direction = d.direction, v.week = d.week;
  v.hour = d.clock ? d.hour : -1, v.minute = d.minute, v.second = d.second, v.part = d.part;
  v.last_day = d.d2, v.nth = d.nth;
  v.period = d.p;
  if (d.shift_unit >= 0) {  // قبل شهرين: only a duration shifts a day
    const UnitInfo& unit = lex.unit(d.shift_unit);
    if (unit.dim != "duration" || unit.factor < 86400) return std::nullopt;
    v.shifted = true;
    v.shift_days = d.shift * unit.factor / 86400;
    if (!(std::fabs(v.shift_days) <= kMaxShiftDays)) return std::nullopt;
  }
  if (d.p.count_unit >= 0 && lex.unit(d.p.count_unit).dim != "duration") return std::nullopt;
  if (d.p.relative >= 0) {  // a day of a relative month, a month of a relative year
    const char unit = lex.relative(d.p.relative).unit;
    if (d.m > 0 && d.d == 0 && unit != 'y') return std::nullopt;
    if (d.d > 0 && d.m == 0 && unit != 'm') return std::nullopt;
  }
  return v;
}

bool is_clitic(char32_t c) {
  return c == U'\u0628' || c == U'\u0644' || c == U'\u0648';
}  // ب ل و

}  // namespace

std::vector<ValuePiece> scan_values(const Lexicon& lex, std::u32string_view text, Span range,
                                    ValueDims dims) {
  std::vector<ValuePiece> out;
  auto wanted = [&](ValueDim d) { return dims == 0 || (dims & dim_bit(d)) != 0; };
  const bool measures =
      dims == 0 ||
      (dims & (dim_bit(ValueDim::money) | dim_bit(ValueDim::quantity) | dim_bit(ValueDim::volume) |
               dim_bit(ValueDim::duration) | dim_bit(ValueDim::temperature))) != 0;
  const char32_t* base = text.data();
  iterator_type const last = base + range.end;
  std::uint32_t p = range.begin;
  auto starts_value = [&](std::uint32_t i) {
    const char32_t c = text[i];
    if ((c == U'.' || c == U'\u066B') && i > range.begin && text[i - 1] >= U'0' &&
        text[i - 1] <= U'9')
      return false;  // the dots of 192.168.1.2 start nothing
    return is_word_char(c) || c == U'-' || c == U'.' || c == U'\u066B' || c == U'$' || c == U'>' ||
           c == U'<' || c == U'\u2265' || c == U'\u2264' || c == U'\u20AC' || c == U'\u00A3' ||
           c == U'\u00A5' || c == U'\u00A2';
  };
  while (p < range.end) {
    if (!starts_value(p) ||
        (p > range.begin && is_word_char(text[p]) && is_word_char(text[p - 1]) &&
         !(text[p] >= U'0' && text[p] <= U'9' && text[p - 1] == U'\u0644' && p >= 2 &&
           text[p - 2] == U'\u0627') &&
         !(text[p] >= U'0' && text[p] <= U'9' && text[p - 1] == U'\u0648'))) {
      ++p;
      continue;
    }
    iterator_type const first = base + p;
    ValuePiece best;
    iterator_type best_end = first;
    auto consider = [&](const ValuePiece& v, iterator_type end) {
      if (end > best_end && wanted(v.dim)) best = v, best_end = end;
    };
    if (wanted(ValueDim::time)) {
      ar::TimeAst t;
      iterator_type it = first;
      if (parse_at(lex, ar::time_rule(), it, last, t)) {
        ValuePiece v;
        v.dim = ValueDim::time;
        v.time.op = static_cast<claimcheck::TimeOp>(t.op);
        v.time.y1 = t.y1, v.time.m1 = t.m1, v.time.d1 = t.d1;
        v.time.y2 = t.y2, v.time.m2 = t.m2, v.time.d2 = t.d2;
        v.time.relative = t.relative;
        consider(v, it);
      }
    }
    if (wanted(ValueDim::time) || wanted(ValueDim::duration)) {
      auto try_rule = [&](auto const& rule) {
        iterator_type it = first;
        if (auto v = datetime_at(lex, rule, it, last)) consider(*v, it);
      };
      try_rule(ar::datetime_rule());
      try_rule(ar::period_rule());
      try_rule(ar::clock_rule());
    }
    if (measures) {
      iterator_type it = first;
      if (auto v = measure_at(lex, first, last, it)) consider(*v, it);
    }
    if (wanted(ValueDim::percent) || wanted(ValueDim::range)) {
      ar::QuantityAst q;
      iterator_type it = first;
      if (parse_at(lex, ar::quantity_rule(), it, last, q) && (q.percent || q.op != ar::q_eq) &&
          !q.absence && q.object < 0) {
        ValuePiece v;
        v.dim = q.percent ? ValueDim::percent : ValueDim::range;
        v.value = q.value;
        set_bounds(v, q.op, q.value, q.upper);
        if (q.op == op_approx) v.has_low = v.has_high = false;
        if (q.percent && q.op != ar::q_eq && q.op != op_approx) v.dim = ValueDim::range;
        consider(v, it);
      }
    }
    if (wanted(ValueDim::range)) {  // bounds with the article, for parse (فوق الثلاثين)
      ar::RangeAst r;
      iterator_type it = first;
      if (parse_at(lex, ar::range_rule(), it, last, r)) {
        ValuePiece v;
        v.dim = ValueDim::range;
        if (r.op1 == ar::q_between) {
          set_bounds(v, ar::q_between, r.v1, r.v2);
        } else {
          set_bounds(v, r.op1, r.v1, 0);
          ValuePiece second;
          if (r.op2 >= 0) set_bounds(second, r.op2, r.v2, 0);
          if (r.op2 >= 0 && second.has_low != v.has_low && second.has_high != v.has_high &&
              (second.has_low ? second.low : v.low) <= (second.has_high ? second.high : v.high)) {
            if (second.has_low)
              v.has_low = true, v.low = second.low, v.low_closed = second.low_closed;
            if (second.has_high)
              v.has_high = true, v.high = second.high, v.high_closed = second.high_closed;
          } else if (r.op2 >= 0) {
            v.has_low = v.has_high = false;  // two bounds that make no range: each is read alone
          }
        }
        v.value = v.has_low ? v.low : v.high;
        if (r.op1 != op_approx && (v.has_low || v.has_high)) consider(v, it);
      }
    }
    if (wanted(ValueDim::ordinal)) {
      ar::OrdinalAst n;
      iterator_type it = first;
      if (parse_at(lex, ar::ordinal_rule(), it, last, n)) {
        ValuePiece v;
        v.dim = ValueDim::ordinal;
        v.value = n.value;
        v.anchor = n.anchor == 1 ? 'e' : n.anchor == 2 ? 'c' : 's';
        consider(v, it);
      }
    }
    if (wanted(ValueDim::number)) {
      double n = 0;
      iterator_type it = first;
      if (parse_at(lex, ar::signed_number_rule(), it, last, n)) {
        ValuePiece v;
        v.dim = ValueDim::number;
        v.value = n;
        consider(v, it);
      }
    }
    // a range closed by a second bound: أكبر من 20 و أقل من 35 = (20,35)
    if (best_end > first && best.dim == ValueDim::range && best.has_low != best.has_high) {
      iterator_type q = best_end;
      auto skip = [&](char32_t c) {
        if (q != last && *q == c) ++q;
      };
      skip(U' '), skip(U'\u060C'), skip(U','), skip(U' ');
      if (q != last && *q == U'\u0648')
        ++q;
      else if (last - q > 2 && q[0] == U'\u0627' && q[1] == U'\u0648' && q[2] == U' ')
        q += 2;
      skip(U' ');
      ar::QuantityAst second;
      iterator_type it = q;
      if (q != best_end && parse_at(lex, ar::quantity_rule(), it, last, second) &&
          !second.percent && second.object < 0 && second.op != ar::q_eq &&
          second.op != ar::q_between) {
        ValuePiece other;
        set_bounds(other, second.op, second.value, second.upper);
        const double low = best.has_low ? best.low : other.low;
        const double high = best.has_high ? best.high : other.high;
        if (other.has_low != best.has_low && other.has_high != best.has_high && low <= high) {
          if (other.has_low)
            best.has_low = true, best.low = other.low, best.low_closed = other.low_closed;
          if (other.has_high)
            best.has_high = true, best.high = other.high, best.high_closed = other.high_closed;
          best_end = it;
        }
      }
    }
    // a conjunction in front (وأقل من 10) is not part of the value
    std::uint32_t begin = p;
    if (best_end > first + 1 && (text[p] == U'\u0648' || text[p] == U'\u0641') &&
        (best.dim == ValueDim::range || best.dim == ValueDim::percent)) {
      ar::QuantityAst again;
      iterator_type it = first + 1;
      if (parse_at(lex, ar::quantity_rule(), it, last, again) && it == best_end) begin = p + 1;
    }
    if (best_end > first) {
      best.span = Span{begin, static_cast<std::uint32_t>(best_end - base)};

      out.push_back(best);
      p = best.span.end;
      continue;
    }
    // a preposition or و written against a time or a duration (بالأمس، ليوم كامل،
    // والجمعة): the value after it
    if ((wanted(ValueDim::time) || wanted(ValueDim::duration)) && p + 1 < range.end &&
        is_clitic(text[p]) && is_arabic_letter(text[p + 1])) {
      ValuePiece after;
      iterator_type after_end = first + 1;
      auto try_rule = [&](auto const& rule) {
        iterator_type it = first + 1;
        if (auto v = datetime_at(lex, rule, it, last); v && it > after_end && wanted(v->dim))
          after = *v, after_end = it;
      };
      try_rule(ar::datetime_rule());
      try_rule(ar::period_rule());
      if (after_end > first + 1) {
        after.span = Span{p + 1, static_cast<std::uint32_t>(after_end - base)};
        out.push_back(after);
        p = after.span.end;
        continue;
      }
    }
    // a preposition written against a number word (بألفين ومائتين): the number with it
    if (wanted(ValueDim::number) && p + 1 < range.end &&
        (text[p] == U'\u0628' || text[p] == U'\u0644' || text[p] == U'\u0643') &&
        is_word_char(text[p + 1]) && !(text[p + 1] >= U'0' && text[p + 1] <= U'9')) {
      double n = 0;
      iterator_type it = first + 1;
      if (parse_at(lex, ar::signed_number_rule(), it, last, n)) {
        ValuePiece v;
        v.dim = ValueDim::number;
        v.value = n;
        v.span = Span{p, static_cast<std::uint32_t>(it - base)};
        out.push_back(v);
        p = v.span.end;
        continue;
      }
    }
    // ال or و written against digits (ال١٩٢، و250): the value starts after them
    if (p + 1 < range.end && text[p] == U'\u0648' && text[p + 1] >= U'0' && text[p + 1] <= U'9') {
      ++p;
      continue;
    }
    if (p + 2 < range.end && text[p] == U'\u0627' && text[p + 1] == U'\u0644' &&
        text[p + 2] >= U'0' && text[p + 2] <= U'9') {
      p += 2;
      continue;
    }
    // skip the word
    if (is_word_char(text[p]))
      while (p < range.end && is_word_char(text[p])) ++p;
    else
      ++p;
  }
  if (wanted(ValueDim::time) || wanted(ValueDim::duration)) compose_times(lex, text, out, dims);
  return out;
}

}  // namespace claimcheck::ar
