// Definition of the Arabic clock rule, read by `claimcheck parse` only: clock times (الساعة
// الثالثة وربع عصرا، 3:18 صباحا، 7 مساء، 340 مساء، الثامنة والنصف، الثالثة إلا 20 دقيقة،
// ثلاث دقائق حتى الثامنة، بعد الظهر الساعة 7، T12:34:20), ranges of them (من 5 إلى 6
// مساء، بين الخامسة والسادسة مساء، 4-5 مساء) and parts of the day standing alone (في
// الصباح، بعد الظهر، في وقت متأخر من الليل، منتصف الليل). A bare number is a clock time
// only with evidence: الساعة, a part of the day, minutes, h:mm or an ordinal hour after a
// cue; «من 5 إلى 6» alone stays a range of numbers.
#pragma once

#include <boost/fusion/include/at_c.hpp>

#include "grammar/ar/rules.hpp"
#include "grammar/ar/words.hpp"

namespace claimcheck::ar {
namespace clock_detail {
using namespace words;

using boost::fusion::at_c;
using T = Tables;

auto const hour_word = -al >> lit(U"ساعه") >> eow;
auto const minute_word = (lit(U"دقيقه") | lit(U"دقايق")) >> eow;  // دقائق normalised
auto const except_w = lit(U"الا") >> eow;
auto const before_w = (lit(U"حتي") | lit(U"قبل") | lit(U"الا")) >> eow;
auto const two_digits = integer_parser<2, 2>{};
auto const fraction_w = -al >> table<&T::fraction> >> -lit(U'\u0627') >> eow;

/// Each clock point notes whether it shows itself to be one (الساعة، h:mm، a part of the
/// day, minutes, an ordinal hour), so a range of bare numbers is not taken for times.
auto const sure = [](auto& ctx) { x3::_val(ctx).year2 = 1; };

auto const hour_ordinal = [](auto& ctx) {
  double h = x3::_attr(ctx);
  x3::_pass(ctx) = h >= 1 && h <= 12;
  x3::_val(ctx).hour = clamp_int(h);
  x3::_val(ctx).clock = true;
};
auto const hour_number = [](auto& ctx) {  // ثلاثة، ثلاثة وثلث (3:20)
  double h = x3::_attr(ctx).value;
  const int whole = clamp_int(h);
  const int minutes = clamp_int((h - whole) * 60 + 0.5);
  x3::_pass(ctx) = h >= 0 && h <= 24 &&
                   (minutes == 0 || minutes == 15 || minutes == 20 || minutes == 30 ||
                    minutes == 40 || minutes == 45);
  x3::_val(ctx).hour = whole;
  if (minutes > 0) x3::_val(ctx).minute = minutes;
  x3::_val(ctx).clock = true;
};
auto const hm = [](auto& ctx) {  // 15:15، 15:23:24
  auto& a = x3::_attr(ctx);
  auto& v = x3::_val(ctx);
  int h = at_c<0>(a), m = at_c<1>(a);
  x3::_pass(ctx) = h <= 24 && m <= 59;
  v.hour = h, v.minute = m, v.clock = true, v.year2 = 1;
  if (at_c<2>(a)) v.second = *at_c<2>(a);
};
auto const hhmm = [](auto& ctx) {  // 340، 1140 before a part of the day
  int n = x3::_attr(ctx);
  auto& v = x3::_val(ctx);
  x3::_pass(ctx) = n / 100 >= 1 && n / 100 <= 12 && n % 100 <= 59;
  v.hour = n / 100, v.minute = n % 100, v.clock = true;
};
auto const hour_digits = [](auto& ctx) {
  int h = x3::_attr(ctx);
  x3::_pass(ctx) = h >= 0 && h <= 24;
  x3::_val(ctx).hour = h;
  x3::_val(ctx).clock = true;
};
auto const add_minutes = [](auto& ctx) {
  double m = x3::_attr(ctx).value;
  x3::_pass(ctx) = m >= 0 && m < 60 && m == clamp_int(m);
  x3::_val(ctx).minute = clamp_int(m);
  x3::_val(ctx).year2 = 1;
};
auto const ordinal_minutes = [](auto& ctx) {  // الحادية عشرة والخامسة: 11:05
  OrdinalAst const& o = x3::_attr(ctx);
  x3::_pass(ctx) = o.anchor == 0 && o.value >= 1 && o.value < 60;
  x3::_val(ctx).minute = clamp_int(o.value);
  x3::_val(ctx).year2 = 1;
};
auto const add_fraction = [](auto& ctx) {  // وربع، والنصف، و ثلاثة أرباع
  x3::_val(ctx).minute = clamp_int(x3::_attr(ctx) * 60 + 0.5);
  x3::_val(ctx).year2 = 1;
};
auto const back = [](auto& v, int minutes) {
  v.minute = (v.minute < 0 ? 0 : v.minute) - minutes;
  while (v.minute < 0) v.minute += 60, v.hour = v.hour == 0 ? 23 : v.hour - 1;
  v.year2 = 1;
};
auto const less_fraction = [](auto& ctx) {  // إلا ربعا
  back(x3::_val(ctx), clamp_int(x3::_attr(ctx) * 60 + 0.5));
};
auto const less_minutes = [](auto& ctx) {  // إلا 20 دقيقة
  double m = x3::_attr(ctx).value;
  x3::_pass(ctx) = m >= 1 && m < 60 && m == clamp_int(m);
  back(x3::_val(ctx), clamp_int(m));
};
auto const set_part = [](auto& ctx) {
  x3::_val(ctx).part = x3::_attr(ctx);
  x3::_val(ctx).year2 = 1;
};

x3::rule<class hour_unit_class, double> const hour_unit = "hour";
auto const hour_unit_def = -al >> (table<&T::ordinal> | table<&T::ordinal_part>) >> eow;
/// السابعة، الحادية عشرة
x3::rule<class hour_ordinal_class, double> const hour_ord = "hour";
auto const hour_ord_def =
    (hour_unit >> ws >> x3::omit[table<&T::teen10>] >>
     eow)[([](auto& ctx) { x3::_val(ctx) = x3::_attr(ctx) + 10; })] |
    (-al >> table<&T::ordinal> >> eow)[([](auto& ctx) { x3::_val(ctx) = x3::_attr(ctx); })];
BOOST_SPIRIT_DEFINE(hour_unit, hour_ord)

auto const hm_value = (day_digits >> lit(U':') >> two_digits >> -(lit(U':') >> two_digits))[hm];
auto const less = ws >> except_w >> ws >> (fraction_w[less_fraction] |
                                           (number_rule()[less_minutes] >> -(ws >> minute_word)));
/// minutes after the hour. In a range (بين الخامسة والسادسة، بين 5 و 6) a number after و is
/// the second hour, so there only a fraction (والنصف) or إلا counts; a single time also
/// reads و and a number or an ordinal (الخامسة وثلاثين، الحادية عشرة والخامسة = 11:05).
auto const range_minutes = (and_ >> fraction_w[add_fraction]) | less;
auto const minutes =
    range_minutes | (and_ >> ((number_rule()[add_minutes] >> -(ws >> minute_word)) |
                              ordinal_rule()[ordinal_minutes]));
/// صباحا، مساء، في الليل، في المساء، وقت الغداء
auto const part = ws >> -(in_w >> ws) >> (table<&T::day_part> >> eow)[set_part];

/// a clock time, its part of the day after it
auto const point =
    (hour_word >> ws >> (hm_value | hour_ord[hour_ordinal] | number_rule()[hour_number]) >>
     x3::eps[sure] >> -minutes >> -part >> -minutes) |
    (hm_value >> -part) | (hour_ord[hour_ordinal] >> ((minutes >> -part) | (part >> -minutes))) |
    (integer_parser<3, 4>{}[hhmm] >> part) | (day_digits[hour_digits] >> part) |
    (number_rule()[hour_number] >> -minutes >> part);

/// a point in a range: also a bare hour (من 5 إلى 6 مساء); `sure` tells the range apart
auto const loose_point_def = -(hour_word >> ws >> x3::eps[sure]) >>
                             (hm_value | (hour_ord[hour_ordinal] >> x3::eps[sure]) |
                              day_digits[hour_digits] | number_rule()[hour_number]) >>
                             -range_minutes >> -part;
x3::rule<class loose_point_class, DateTimeAst> const loose_point = "clock time";
BOOST_SPIRIT_DEFINE(loose_point)

/// ثلاث دقائق حتى الثامنة، ثلاث دقائق قبل الخامسة والنصف
auto const keep_minutes = [](auto& ctx) {
  double m = x3::_attr(ctx).value;
  x3::_pass(ctx) = m >= 1 && m < 60 && m == clamp_int(m);
  x3::_val(ctx).duration = m;
};
auto const take_minutes = [](auto& ctx) {
  auto& v = x3::_val(ctx);
  back(v, clamp_int(v.duration));
  v.duration = 0;
};
auto const minutes_before = number_rule()[keep_minutes] >> ws >> minute_word >> ws >> before_w >>
                            ws >> loose_point[([](auto& ctx) {
                              auto& v = x3::_val(ctx);
                              const DateTimeAst& a = x3::_attr(ctx);
                              v.hour = a.hour, v.minute = a.minute, v.part = a.part, v.clock = true;
                            })] >>
                            x3::eps[take_minutes];

/// بعد الظهر الساعة 7، مساء 7، في الليل الخامسة والنصف، وقت الغداء الساعة 12
auto const part_first = [](auto& ctx) {
  x3::_val(ctx).part = x3::_attr(ctx);
  x3::_val(ctx).year2 = 1;
};
auto const keep_cue = [](auto& ctx) { x3::_val(ctx).p.keep_cue = true; };
auto const part_then_clock =
    -((in_w >> ws)[keep_cue]) >> (table<&T::day_part> >> eow)[part_first] >> ws >>
    ((hour_word >> ws >> (hm_value | hour_ord[hour_ordinal] | day_digits[hour_digits]) >>
      -minutes) |
     hm_value | (hour_ord[hour_ordinal] >> -minutes >> -part) | day_digits[hour_digits]);

/// من 5 إلى 6 مساء، بين الخامسة والسادسة مساء، 4-5 مساء، الساعة 4 حتى 5 مساء
auto const first_point = [](auto& ctx) {
  const DateTimeAst& a = x3::_attr(ctx);
  auto& v = x3::_val(ctx);
  v.hour = a.hour, v.minute = a.minute, v.second = a.second, v.part = a.part, v.clock = true;
  v.year2 = a.year2;
};
auto const second_point = [](auto& ctx) {
  const DateTimeAst& a = x3::_attr(ctx);
  auto& v = x3::_val(ctx);
  v.p.hour2 = a.hour, v.p.minute2 = a.minute, v.p.part2 = a.part;
  x3::_pass(ctx) = v.year2 == 1 || a.year2 == 1;  // one of them shows it is a clock time
  v.p.kind = 'i';
};
auto const clock_range =
    (-(of_w >> ws) >> loose_point[first_point] >>
     ((ws >> to_w >> ws) | (-ws >> lit(U'-') >> -ws)) >> loose_point[second_point]) |
    (between_w >> ws >> loose_point[first_point] >> and_ >> loose_point[second_point]);  // بين … و

/// في الصباح، بعد الظهر، في الصباح الباكر، في وقت متأخر من الليل، منتصف الليل
auto const alone_part = [](auto& ctx) {
  int part = x3::_attr(ctx);
  auto& v = x3::_val(ctx);
  v.p.day_part = part;
  v.p.kind = part == 3 || part == 5 || part == 6 ? 't' : 'i';
};
auto const set_sub = [](auto& ctx) { x3::_val(ctx).p.sub = x3::_attr(ctx); };
auto const day_part_alone = -(((in_w | at_w) >> ws)[keep_cue]) >>
                            ((table<&T::day_part> >>
                              eow)[alone_part] |  // منتصف الليل is one word of the table
                             ((table<&T::period_part> >> eow)[set_sub] >> ws >> -(of_w >> ws) >>
                              (table<&T::day_part> >> eow)[alone_part])) >>
                            -(ws >> (table<&T::period_part_post> >> eow)[set_sub]);

/// T12:34:20 (ISO 8601's time, case-folded)
auto const iso_time = lit(U't') >> hm_value;

}  // namespace clock_detail

clock_type const clock = "clock time";

namespace clock_detail {
auto const kind = [](char k) { return [k](auto& ctx) { x3::_val(ctx).p.kind = k; }; };
auto const cue = -(at_w >> ws);
}  // namespace clock_detail

auto const clock_def =
    (clock_detail::fresh >> clock_detail::clock_range) |
    (clock_detail::fresh >> clock_detail::part_then_clock >> x3::eps[clock_detail::kind('t')]) |
    (clock_detail::fresh >> clock_detail::cue >> clock_detail::point >> -clock_detail::part >>
     x3::eps[clock_detail::kind('t')]) |
    (clock_detail::fresh >> clock_detail::minutes_before >> x3::eps[clock_detail::kind('t')]) |
    (clock_detail::fresh >> (clock_detail::in_w | clock_detail::at_w) >> ws >>
     clock_detail::hour_ord[clock_detail::hour_ordinal] >> -clock_detail::minutes >>
     -clock_detail::part >> x3::eps[clock_detail::kind('t')]) |
    (clock_detail::fresh >> clock_detail::iso_time >> x3::eps[clock_detail::kind('t')]) |
    (clock_detail::fresh >> clock_detail::day_part_alone);

BOOST_SPIRIT_DEFINE(clock)

}  // namespace claimcheck::ar
