// Definition of the Arabic datetime rule, read by `claimcheck parse` only: weekdays with
// a direction or a week (الاثنين القادم، أحد الأسبوع الماضي، الخميس 15 أغسطس), days of a
// month by ordinal (الرابع من نيسان، اليوم الثالث من شهر عشرة، في أول شباط), the middle
// of a month (منتصف آذار), a month and year in digits (2/2013), and clock times with
// their part of the day (الساعة الثالثة وربع عصرا، 3:18 صباحا، الساعة 12 إلا ربع، 15:15).
// Resolution against the reference time happens after the parse (engine/parse.cpp).
#pragma once

#include <boost/fusion/include/at_c.hpp>

#include "grammar/ar/rules.hpp"

namespace claimcheck::ar {
namespace datetime_detail {

using boost::fusion::at_c;
using T = Lexicon::Tables;

inline auto const al = lit(U"\u0627\u0644");                                 // ال
inline auto const day_word = lit(U"\u064A\u0648\u0645") >> eow;             // يوم
inline auto const the_day = -al >> day_word;                                  // (ال)يوم
inline auto const this_w = (lit(U"\u0647\u0630\u0627") | lit(U"\u0647\u0630\u0647")) >> eow;  // هذا، هذه
inline auto const of_w = lit(U"\u0645\u0646") >> eow;                        // من
inline auto const in_w = lit(U"\u0641\u064A") >> eow;                        // في
inline auto const month_word = lit(U"\u0634\u0647\u0631") >> eow;           // شهر
inline auto const week_word = -al >> lit(U"\u0627\u0633\u0628\u0648\u0639") >> eow;  // (ال)اسبوع
inline auto const current_w =
    (lit(U"\u0627\u0644\u062D\u0627\u0644\u064A") | lit(U"\u0627\u0644\u062C\u0627\u0631\u064A")) >>
    eow;  // الحالي، الجاري
inline auto const hour_word = -al >> lit(U"\u0633\u0627\u0639\u0647") >> eow;  // (ال)ساعه
inline auto const minute_word =
    (lit(U"\u062F\u0642\u064A\u0642\u0647") | lit(U"\u062F\u0642\u0627\u0626\u0642")) >> eow;  // دقيقه، دقائق
inline auto const at_w = (lit(U"\u0639\u0646\u062F") | lit(U"\u0628\u062D\u062F\u0648\u062F") |
                          lit(U"\u062D\u0648\u0627\u0644\u064A") |
                          lit(U"\u0642\u0631\u0627\u0628\u0647")) >>
                         eow;  // عند، بحدود، حوالي، قرابه
inline auto const except_w = lit(U"\u0627\u0644\u0627") >> eow;  // الا
inline auto const agree_w = lit(U"\u0627\u0644\u0645\u0648\u0627\u0641\u0642") >> eow;  // الموافق

inline auto const weekday_w = -al >> table<&T::weekday> >> eow;
inline auto const month_name = table<&T::month> >> eow;

inline auto const set_weekday = [](auto& ctx) { x3::_val(ctx).weekday = x3::_attr(ctx); };
inline auto const set_direction = [](auto& ctx) { x3::_val(ctx).direction = x3::_attr(ctx); };
inline auto const this_week = [](auto& ctx) { x3::_val(ctx).week = 0; };
inline auto const set_week = [](auto& ctx) { x3::_val(ctx).week = x3::_attr(ctx); };
inline auto const set_date = [](auto& ctx) {
  TimeAst const& t = x3::_attr(ctx);
  auto& v = x3::_val(ctx);
  x3::_pass(ctx) = t.op == t_in && t.relative < 0 && t.d1 > 0;
  v.y = t.y1, v.m = t.m1, v.d = t.d1;
};

/// the week a weekday falls in: الأسبوع الماضي، من هذا الأسبوع، الأسبوع الحالي
auto const which_week = -(of_w >> ws) >>
                        ((this_w >> ws >> week_word)[this_week] |
                         (week_word >> ws >> (table<&T::direction> >> eow))[set_week] |
                         (week_word >> ws >> current_w)[this_week]);

/// يوم 27: a day of this month
inline auto const set_day_number = [](auto& ctx) {
  int d = x3::_attr(ctx);
  x3::_pass(ctx) = d >= 1 && d <= 31;
  x3::_val(ctx).d = d;
};
auto const day_number = day_word >> ws >> day_digits[set_day_number];

auto const weekday_phrase = -(this_w >> ws) >> -(the_day >> ws) >> weekday_w[set_weekday] >>
                            -(ws >> (which_week | (table<&T::direction> >> eow)[set_direction])) >>
                            -(-lit(U'\u060C') >> ws >> -((in_w | agree_w) >> ws) >>
                              (time_rule()[set_date] | day_digits[set_day_number]));  // الأربعاء 27

/// a month: a name, or شهر and its number (شهر ثلاثة، شهر 3)
inline auto const set_month = [](auto& ctx) { x3::_val(ctx).m = x3::_attr(ctx); };
inline auto const set_month_number = [](auto& ctx) {
  double m = x3::_attr(ctx).value;
  x3::_pass(ctx) = m >= 1 && m <= 12 && m == static_cast<int>(m);
  x3::_val(ctx).m = static_cast<int>(m);
};
auto const month_of = (-(month_word >> ws) >> month_name[set_month]) |
                      (month_word >> ws >> number_rule()[set_month_number]);
inline auto const set_year = [](auto& ctx) { x3::_val(ctx).y = x3::_attr(ctx); };
auto const year_of = ws >> -((of_w | in_w) >> ws) >>
                     -(x3::omit[(table<&T::year_word> >> eow) | (lit(U'\u0644') >> table<&T::year_word> >> eow)] >> ws) >>
                     year_digits[set_year];

/// الرابع من نيسان، اليوم الثالث من شهر عشرة، ثالث يوم من شهر عشرة، في أول شباط
inline auto const set_day = [](auto& ctx) {
  OrdinalAst const& o = x3::_attr(ctx);
  x3::_pass(ctx) = o.anchor == 0 && o.value >= 1 && o.value <= 31;
  x3::_val(ctx).d = static_cast<int>(o.value);
};
auto const day_of_month = -(in_w >> ws) >> -(the_day >> ws) >> ordinal_rule()[set_day] >>
                          -(ws >> day_word) >> ws >> -(of_w >> ws) >> month_of >> -year_of;

/// the ordinal after a weekday: a day of the month (السبت السادس عشر، الأربعاء الموافق
/// الثالث عشر من شباط) or, up to the fifth and before a month, the nth such weekday of it
/// (الثلاثاء الثالث من أيلول); الأخير is the last one
inline auto const weekday_ordinal = [](auto& ctx) {
  OrdinalAst const& o = x3::_attr(ctx);
  auto& v = x3::_val(ctx);
  if (o.anchor == 1 && o.value == 0) {
    v.nth = -1;
  } else {
    x3::_pass(ctx) = o.anchor == 0 && o.value >= 1 && o.value <= 31;
    v.d = static_cast<int>(o.value);
  }
};
inline auto const this_month = lit(U"\u0647\u0630\u0627 \u0627\u0644\u0634\u0647\u0631") >> eow;  // هذا الشهر
inline auto const month_ahead = ws >> (of_w | in_w | lit(U'\u0628')) >> -ws >>
                                (this_month | month_of) >> -year_of;
inline auto const ordinal_is_nth = [](auto& ctx) {
  auto& v = x3::_val(ctx);
  if (v.d >= 1 && v.d <= 5 && v.m > 0) v.nth = v.d, v.d = 0;
};
auto const weekday_day = -(this_w >> ws) >> -(the_day >> ws) >> weekday_w[set_weekday] >> ws >>
                         -((agree_w | in_w) >> ws) >> ordinal_rule()[weekday_ordinal] >>
                         -(month_ahead >> x3::eps[ordinal_is_nth]);
/// ثالث ثلاثاء في أيلول، أول ثلاثاء من شهر عشرة، آخر اثنين من شهر آذار
inline auto const nth_first = [](auto& ctx) {
  OrdinalAst const& o = x3::_attr(ctx);
  auto& v = x3::_val(ctx);
  if (o.anchor == 1 && o.value == 0) {
    v.nth = -1;
  } else {
    x3::_pass(ctx) = o.anchor == 0 && o.value >= 1 && o.value <= 5;
    v.nth = static_cast<int>(o.value);
  }
};
auto const nth_weekday = ordinal_rule()[nth_first] >> ws >> -(day_word >> ws) >>
                         weekday_w[set_weekday] >> month_ahead;

/// من 13 إلى 15 تموز، تموز 13-15، من 13 تموز إلى 15 تموز، من 27-29 من الشهر الثامن
inline auto const set_d1 = [](auto& ctx) { x3::_val(ctx).d = x3::_attr(ctx); };
inline auto const set_d2 = [](auto& ctx) { x3::_val(ctx).d2 = x3::_attr(ctx); };
inline auto const to_w = ((lit(U"\u0627\u0644\u064A") | lit(U"\u062D\u062A\u064A") |
                           lit(U"\u0648\u062D\u062A\u064A")) >>
                          eow);  // الى، حتى، وحتى
inline auto const day_dash = -ws >> lit(U'-') >> -ws;
inline auto const day_to = (ws >> to_w >> ws) | day_dash;
inline auto const ord_d1 = [](auto& ctx) {
  OrdinalAst const& o = x3::_attr(ctx);
  x3::_pass(ctx) = o.anchor == 0 && o.value >= 1 && o.value <= 31;
  x3::_val(ctx).d = static_cast<int>(o.value);
};
inline auto const ord_d2 = [](auto& ctx) {
  OrdinalAst const& o = x3::_attr(ctx);
  x3::_pass(ctx) = o.anchor == 0 && o.value >= 1 && o.value <= 31;
  x3::_val(ctx).d2 = static_cast<int>(o.value);
};
inline auto const the_month_n = -al >> month_word >> ws >> al >> ordinal_rule()[([](auto& ctx) {
  OrdinalAst const& o = x3::_attr(ctx);
  x3::_pass(ctx) = o.anchor == 0 && o.value >= 1 && o.value <= 12;
  x3::_val(ctx).m = static_cast<int>(o.value);
})];  // الشهر الثامن
auto const month_any = the_month_n | month_of;
auto const day_range =
    (-(of_w >> ws) >> day_digits[set_d1] >> -(ws >> month_any) >> day_to >> day_digits[set_d2] >>
     ws >> -(of_w >> ws) >> month_any >> -year_of) |
    (-(of_w >> ws) >> ordinal_rule()[ord_d1] >> day_to >> ordinal_rule()[ord_d2] >> ws >>
     -(of_w >> ws) >> month_any >> -year_of) |
    (month_any >> ws >> day_digits[set_d1] >> day_to >> day_digits[set_d2] >> -year_of);

/// أوائل آذار (the 1st to the 10th), أواخر آذار (the 21st to the end), بداية شهر 3 (the 1st)
inline auto const early = [](auto& ctx) { x3::_val(ctx).d = 1, x3::_val(ctx).d2 = 10; };
inline auto const late = [](auto& ctx) { x3::_val(ctx).d = 21, x3::_val(ctx).d2 = 31; };
inline auto const start = [](auto& ctx) { x3::_val(ctx).d = 1; };
auto const part_of_month =
    -(in_w >> ws) >>
    (lit(U"\u0627\u0648\u0627\u064A\u0644")[early] | lit(U"\u0627\u0648\u0627\u062E\u0631")[late] |
     (lit(U"\u0628\u062F\u0627\u064A\u0647") | lit(U"\u0645\u0637\u0644\u0639"))[start]) >>
    eow >> ws >> month_of >> -year_of;  // اوايل (أوائل normalised)، اواخر، بدايه، مطلع

/// قبل شهرين، بعد يومين، قبل شهر: a day that far from the reference (the scanner checks
/// that the unit is a duration)
inline auto const shift_back = [](auto& ctx) {
  MeasureAst const& m = x3::_attr(ctx);
  x3::_pass(ctx) = m.unit >= 0 && m.op == q_eq;
  x3::_val(ctx).shift_unit = m.unit, x3::_val(ctx).shift = -m.value;
};
inline auto const shift_ahead = [](auto& ctx) {
  MeasureAst const& m = x3::_attr(ctx);
  x3::_pass(ctx) = m.unit >= 0 && m.op == q_eq;
  x3::_val(ctx).shift_unit = m.unit, x3::_val(ctx).shift = m.value;
};
auto const shifted_day =
    (lit(U"\u0642\u0628\u0644") >> eow >> ws >> measure_rule()[shift_back]) |   // قبل
    (lit(U"\u0628\u0639\u062F") >> eow >> ws >> measure_rule()[shift_ahead]);  // بعد

/// a month alone (يناير، شهر يناير، هذا يناير، يناير, 2001)
auto const month_only = -(this_w >> ws) >> -(month_word >> ws) >> month_name[set_month] >>
                        -(-lit(U',') >> ws >> year_digits[set_year]);

/// منتصف آذار: the 15th
inline auto const set_middle = [](auto& ctx) { x3::_val(ctx).d = 15; };
auto const middle_of = -(in_w >> ws) >> (table<&T::middle> >> eow)[set_middle] >> ws >> month_of;

/// 2/2013: a month and a year
inline auto const month_year = [](auto& ctx) {
  int m = at_c<0>(x3::_attr(ctx));
  x3::_pass(ctx) = m >= 1 && m <= 12;
  x3::_val(ctx).m = m, x3::_val(ctx).d = 1, x3::_val(ctx).y = at_c<1>(x3::_attr(ctx));
};
auto const month_slash_year = (day_digits >> lit(U'/') >> year_digits)[month_year];

/// a clock time
inline auto const set_hour = [](auto& ctx) {
  double h = x3::_attr(ctx);
  x3::_pass(ctx) = h >= 0 && h <= 24 && h == static_cast<int>(h);
  x3::_val(ctx).hour = static_cast<int>(h);
  x3::_val(ctx).clock = true;
};
inline auto const hour_ordinal = [](auto& ctx) {
  OrdinalAst const& o = x3::_attr(ctx);
  x3::_pass(ctx) = o.anchor == 0 && o.value >= 1 && o.value <= 12;
  x3::_val(ctx).hour = static_cast<int>(o.value);
  x3::_val(ctx).clock = true;
};
inline auto const hour_number = [](auto& ctx) {  // ثلاثة، ثلاثة وثلث (3:20)
  double h = x3::_attr(ctx).value;
  const int whole = static_cast<int>(h);
  const int minutes = static_cast<int>((h - whole) * 60 + 0.5);
  x3::_pass(ctx) = h >= 0 && h <= 24 && (minutes == 0 || minutes == 15 || minutes == 20 ||
                                         minutes == 30 || minutes == 40 || minutes == 45);
  x3::_val(ctx).hour = whole;
  if (minutes > 0) x3::_val(ctx).minute = minutes;
  x3::_val(ctx).clock = true;
};
inline auto const hm = [](auto& ctx) {  // 15:15، 15:23:24
  auto& a = x3::_attr(ctx);
  auto& v = x3::_val(ctx);
  int h = at_c<0>(a), m = at_c<1>(a);
  x3::_pass(ctx) = h <= 24 && m <= 59;
  v.hour = h, v.minute = m, v.clock = true;
  if (at_c<2>(a)) v.second = *at_c<2>(a);
};
inline auto const add_minutes = [](auto& ctx) {
  double m = x3::_attr(ctx).value;
  x3::_pass(ctx) = m >= 0 && m < 60 && m == static_cast<int>(m);
  x3::_val(ctx).minute = static_cast<int>(m);
};
inline auto const add_fraction = [](auto& ctx) {  // وربع، وثلث، ونصف
  x3::_val(ctx).minute = static_cast<int>(x3::_attr(ctx) * 60 + 0.5);
};
inline auto const less_fraction = [](auto& ctx) {  // إلا ربعا
  auto& v = x3::_val(ctx);
  v.minute = 60 - static_cast<int>(x3::_attr(ctx) * 60 + 0.5);
  v.hour = v.hour == 0 ? 23 : v.hour - 1;
};
inline auto const set_part = [](auto& ctx) { x3::_val(ctx).part = x3::_attr(ctx); };
inline auto const two_digits = integer_parser<2, 2>{};
inline auto const fraction_w = table<&T::fraction> >> -lit(U'\u0627') >> eow;

x3::rule<class hour_unit_class, double> const hour_unit = "hour";
auto const hour_unit_def = -al >> (table<&T::ordinal> | table<&T::ordinal_part>) >> eow;
x3::rule<class hour_ordinal_class, double> const hour_ord = "hour";
auto const hour_ord_def =
    (hour_unit >> ws >> x3::omit[table<&T::teen10>] >>
     eow)[([](auto& ctx) { x3::_val(ctx) = x3::_attr(ctx) + 10; })] |
    (-al >> table<&T::ordinal> >> eow)[([](auto& ctx) { x3::_val(ctx) = x3::_attr(ctx); })];
BOOST_SPIRIT_DEFINE(hour_unit, hour_ord)
inline auto const set_hour_ordinal = [](auto& ctx) {
  double h = x3::_attr(ctx);
  x3::_pass(ctx) = h >= 1 && h <= 12;
  x3::_val(ctx).hour = static_cast<int>(h);
  x3::_val(ctx).clock = true;
};

auto const clock_value =
    (day_digits >> lit(U':') >> two_digits >> -(lit(U':') >> two_digits))[hm] |
    hour_ord[set_hour_ordinal] | number_rule()[hour_number];
auto const clock_minutes =
    -((and_ >> (fraction_w[add_fraction] | (number_rule()[add_minutes] >> -(ws >> minute_word)))) |
      (ws >> except_w >> ws >> fraction_w[less_fraction]));
auto const day_part = ws >> (table<&T::day_part> >> eow)[set_part];

auto const clock_time =
    -(at_w >> ws) >>
    ((hour_word >> ws >> clock_value >> clock_minutes >> -day_part) |
     ((day_digits >> lit(U':') >> two_digits >> -(lit(U':') >> two_digits))[hm] >> -day_part) |
     (hour_ord[set_hour_ordinal] >> clock_minutes >> day_part));

/// a weekday and a clock time: الخميس الساعة 8
auto const weekday_clock = weekday_phrase >> ws >> clock_time;

}  // namespace datetime_detail

datetime_type const datetime = "date or time";

namespace datetime_detail {
/// Semantic actions of an alternative that fails stay done: each starts afresh.
inline auto const reset = [](auto& ctx) { x3::_val(ctx) = DateTimeAst{}; };
inline auto const fresh = x3::eps[reset];
}  // namespace datetime_detail

auto const datetime_def =
    (datetime_detail::fresh >> datetime_detail::weekday_clock) |
    (datetime_detail::fresh >> datetime_detail::clock_time) |
    (datetime_detail::fresh >> datetime_detail::day_range) |
    (datetime_detail::fresh >> datetime_detail::weekday_day) |
    (datetime_detail::fresh >> datetime_detail::shifted_day) |
    (datetime_detail::fresh >> datetime_detail::day_number) |
    (datetime_detail::fresh >> datetime_detail::nth_weekday) |
    (datetime_detail::fresh >> datetime_detail::day_of_month) |
    (datetime_detail::fresh >> datetime_detail::middle_of) |
    (datetime_detail::fresh >> datetime_detail::part_of_month) |
    (datetime_detail::fresh >> -(datetime_detail::at_w >> ws) >> datetime_detail::weekday_phrase) |
    (datetime_detail::fresh >> datetime_detail::month_slash_year) |
    (datetime_detail::fresh >> datetime_detail::month_only);

BOOST_SPIRIT_DEFINE(datetime)

}  // namespace claimcheck::ar
