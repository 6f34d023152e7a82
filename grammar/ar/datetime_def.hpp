// Definition of the Arabic datetime rule, read by `claimcheck parse` only: weekdays with
// a direction or a week (الاثنين القادم، أحد الأسبوع الماضي، الخميس 15 أغسطس), days of a
// month by ordinal (الرابع من نيسان، اليوم الثالث من شهر عشرة، في أول شباط), the middle
// of a month (منتصف آذار), a month and year in digits (2/2013), and clock times with
// their part of the day (الساعة الثالثة وربع عصرا، 3:18 صباحا، الساعة 12 إلا ربع، 15:15).
// Resolution against the reference time happens after the parse (engine/parse.cpp).
#pragma once

#include <boost/fusion/include/at_c.hpp>

#include "grammar/ar/rules.hpp"
#include "grammar/ar/words.hpp"

namespace claimcheck::ar {
namespace datetime_detail {
using namespace words;

using boost::fusion::at_c;
using T = Tables;

auto const day_word = lit(U"\u064A\u0648\u0645") >> eow;                      // يوم
auto const the_day = -al >> day_word;                                         // (ال)يوم
auto const month_word = lit(U"\u0634\u0647\u0631") >> eow;                    // شهر
auto const week_word = -al >> lit(U"\u0627\u0633\u0628\u0648\u0639") >> eow;  // (ال)اسبوع
auto const current_w =
    (lit(U"\u0627\u0644\u062D\u0627\u0644\u064A") | lit(U"\u0627\u0644\u062C\u0627\u0631\u064A")) >>
    eow;  // الحالي، الجاري
auto const agree_w = lit(U"\u0627\u0644\u0645\u0648\u0627\u0641\u0642") >> eow;  // الموافق

auto const weekday_w = -al >> table<&T::weekday> >> eow;
auto const month_name = table<&T::month> >> eow;

auto const set_relative = [](auto& ctx) { x3::_val(ctx).p.relative = x3::_attr(ctx); };
auto const relative_w = table<&T::relative> >> eow;
auto const set_weekday = [](auto& ctx) { x3::_val(ctx).weekday = x3::_attr(ctx); };
auto const set_direction = [](auto& ctx) { x3::_val(ctx).direction = x3::_attr(ctx); };
auto const this_week = [](auto& ctx) { x3::_val(ctx).week = 0; };
auto const set_week = [](auto& ctx) { x3::_val(ctx).week = x3::_attr(ctx); };
auto const set_date = [](auto& ctx) {
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
auto const set_day_number = [](auto& ctx) {
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
auto const set_month = [](auto& ctx) { x3::_val(ctx).m = x3::_attr(ctx); };
auto const set_month_number = [](auto& ctx) {
  double m = x3::_attr(ctx).value;
  x3::_pass(ctx) = m >= 1 && m <= 12 && m == clamp_int(m);
  x3::_val(ctx).m = clamp_int(m);
};
auto const month_of = (-(month_word >> ws) >> month_name[set_month]) |
                      (month_word >> ws >> number_rule()[set_month_number]);
auto const set_year = [](auto& ctx) { x3::_val(ctx).y = x3::_attr(ctx); };
/// a year after a date: digits or words, after من، في، عام or a comma (22 يناير من عام 2016،
/// فبراير ، ألفان وثمانية عشر)
auto const set_any_year = [](auto& ctx) {
  int y = x3::_attr(ctx);
  x3::_pass(ctx) = y >= 1 && y <= 2200;
  x3::_val(ctx).y = y;
};
auto const set_long_year = [](auto& ctx) {  // a year without a year word: 1000–2200
  int y = x3::_attr(ctx);
  x3::_pass(ctx) = y >= 1000 && y <= 2200;
  x3::_val(ctx).y = y;
};
auto const year_word_w =
    x3::omit[(table<&T::year_word> >> eow) | (lit(U'\u0644') >> table<&T::year_word> >> eow)];
auto const year_of = -(-ws >> (lit(U'\u060C') | lit(U','))) >> ws >> -((of_w | in_w) >> ws) >>
                     ((year_word_w >> ws >> year_words_rule()[set_any_year]) |
                      year_words_rule()[set_long_year]);

/// الرابع من نيسان، اليوم الثالث من شهر عشرة، ثالث يوم من شهر عشرة، في أول شباط
auto const set_day = [](auto& ctx) {
  OrdinalAst const& o = x3::_attr(ctx);
  x3::_pass(ctx) = o.anchor == 0 && o.value >= 1 && o.value <= 31;
  x3::_val(ctx).d = clamp_int(o.value);
};
auto const day_of_month = -(in_w >> ws) >> -(the_day >> ws) >> ordinal_rule()[set_day] >>
                          -(ws >> day_word) >> ws >> -(of_w >> ws) >> month_of >> -year_of;

/// the ordinal after a weekday: a day of the month (السبت السادس عشر، الأربعاء الموافق
/// الثالث عشر من شباط) or, up to the fifth and before a month, the nth such weekday of it
/// (الثلاثاء الثالث من أيلول); الأخير is the last one
auto const weekday_ordinal = [](auto& ctx) {
  OrdinalAst const& o = x3::_attr(ctx);
  auto& v = x3::_val(ctx);
  if (o.anchor == 1 && o.value == 0) {
    v.nth = -1;
  } else {
    x3::_pass(ctx) = o.anchor == 0 && o.value >= 1 && o.value <= 31;
    v.d = clamp_int(o.value);
  }
};
auto const this_month =
    lit(U"\u0647\u0630\u0627 \u0627\u0644\u0634\u0647\u0631") >> eow;  // هذا الشهر
auto const month_ahead = ws >> (of_w | in_w | lit(U'\u0628')) >> -ws >> (this_month | month_of) >>
                         -year_of;
auto const ordinal_is_nth = [](auto& ctx) {
  auto& v = x3::_val(ctx);
  if (v.d >= 1 && v.d <= 5 && v.m > 0) v.nth = v.d, v.d = 0;
};
auto const weekday_day = -(this_w >> ws) >> -(the_day >> ws) >> weekday_w[set_weekday] >> ws >>
                         -((agree_w | in_w) >> ws) >> ordinal_rule()[weekday_ordinal] >>
                         -(month_ahead >> x3::eps[ordinal_is_nth]);
/// ثالث ثلاثاء في أيلول، أول ثلاثاء من شهر عشرة، آخر اثنين من شهر آذار
auto const nth_first = [](auto& ctx) {
  OrdinalAst const& o = x3::_attr(ctx);
  auto& v = x3::_val(ctx);
  if (o.anchor == 1 && o.value == 0) {
    v.nth = -1;
  } else {
    x3::_pass(ctx) = o.anchor == 0 && o.value >= 1 && o.value <= 5;
    v.nth = clamp_int(o.value);
  }
};
auto const nth_weekday = ordinal_rule()[nth_first] >> ws >>
                         -(day_word >> ws) >> weekday_w[set_weekday] >> month_ahead;

/// من 13 إلى 15 تموز، تموز 13-15، من 13 تموز إلى 15 تموز، من 27-29 من الشهر الثامن
auto const set_d1 = [](auto& ctx) { x3::_val(ctx).d = x3::_attr(ctx); };
auto const set_d2 = [](auto& ctx) { x3::_val(ctx).d2 = x3::_attr(ctx); };
auto const day_dash = -ws >> lit(U'-') >> -ws;
auto const day_to = (ws >> to_w >> ws) | day_dash | and_;
auto const ord_d1 = [](auto& ctx) {
  OrdinalAst const& o = x3::_attr(ctx);
  x3::_pass(ctx) = o.anchor == 0 && o.value >= 1 && o.value <= 31;
  x3::_val(ctx).d = clamp_int(o.value);
};
auto const ord_d2 = [](auto& ctx) {
  OrdinalAst const& o = x3::_attr(ctx);
  x3::_pass(ctx) = o.anchor == 0 && o.value >= 1 && o.value <= 31;
  x3::_val(ctx).d2 = clamp_int(o.value);
};
auto const the_month_n = -al >> month_word >> ws >> al >> ordinal_rule()[([](auto& ctx) {
  OrdinalAst const& o = x3::_attr(ctx);
  x3::_pass(ctx) = o.anchor == 0 && o.value >= 1 && o.value <= 12;
  x3::_val(ctx).m = clamp_int(o.value);
})];  // الشهر الثامن
auto const month_any = the_month_n | month_of;
/// what a range of days is in: a month, with its year, or a relative month
auto const range_month =
    (-(of_w >> ws) >> month_any >> -year_of) | (-((of_w | in_w) >> ws) >> relative_w[set_relative]);
auto const day_range =
    (-((of_w | between_w) >> ws) >> day_digits[set_d1] >> -(ws >> month_any) >> day_to >>
     day_digits[set_d2] >> ws >> range_month) |
    (-((of_w | between_w) >> ws) >> ordinal_rule()[ord_d1] >> day_to >> ordinal_rule()[ord_d2] >>
     ws >> range_month) |
    (month_any >> ws >> day_digits[set_d1] >> day_to >> day_digits[set_d2] >> -year_of) |
    (month_any >> ws >> between_w >> ws >>
     ((day_digits[set_d1] >> day_to >> day_digits[set_d2]) |
      (ordinal_rule()[ord_d1] >> day_to >> ordinal_rule()[ord_d2])));

/// أوائل آذار (the 1st to the 10th), أواخر آذار (the 21st to the end), بداية شهر 3 (the 1st)
auto const early = [](auto& ctx) { x3::_val(ctx).d = 1, x3::_val(ctx).d2 = 10; };
auto const late = [](auto& ctx) { x3::_val(ctx).d = 21, x3::_val(ctx).d2 = 31; };
auto const start = [](auto& ctx) { x3::_val(ctx).d = 1; };
auto const part_of_month = -(in_w >> ws) >> (lit(U"\u0627\u0648\u0627\u064A\u0644")[early] |
                                             lit(U"\u0627\u0648\u0627\u062E\u0631")[late] |
                                             (lit(U"\u0628\u062F\u0627\u064A\u0647") |
                                              lit(U"\u0645\u0637\u0644\u0639"))[start]) >>
                           eow >> ws >> month_of >>
                           -year_of;  // اوايل (أوائل normalised)، اواخر، بدايه، مطلع

/// قبل شهرين، بعد يومين، قبل شهر: a day that far from the reference (the scanner checks
/// that the unit is a duration)
auto const shift_back = [](auto& ctx) {
  MeasureAst const& m = x3::_attr(ctx);
  x3::_pass(ctx) = m.unit >= 0 && m.op == q_eq;
  x3::_val(ctx).shift_unit = m.unit, x3::_val(ctx).shift = -m.value;
};
auto const shift_ahead = [](auto& ctx) {
  MeasureAst const& m = x3::_attr(ctx);
  x3::_pass(ctx) = m.unit >= 0 && m.op == q_eq;
  x3::_val(ctx).shift_unit = m.unit, x3::_val(ctx).shift = m.value;
};
auto const shifted_day =
    (lit(U"\u0642\u0628\u0644") >> eow >> ws >> measure_rule()[shift_back]) |  // قبل
    (lit(U"\u0628\u0639\u062F") >> eow >> ws >> measure_rule()[shift_ahead]);  // بعد

/// a month alone (يناير، شهر يناير، هذا يناير، يناير, 2001، سبتمبر الماضي، يونيو العام
/// المقبل)
auto const month_only = -(this_w >> ws) >> -(month_word >> ws) >> month_name[set_month] >>
                        -((-lit(U',') >> ws >> year_digits[set_year]) |
                          (ws >> ((table<&T::direction> >> eow)[set_direction] |
                                  relative_w[set_relative])));

/// a month then its day: يناير 1، مايو الحادي عشر، يناير الثاني والعشرين, 2018، 28-نوفمبر
auto const month_day =
    (-(month_word >> ws) >> month_name[set_month] >> ws >>
     (ordinal_rule()[set_day] | (day_digits[set_day_number] >> eow)) >> -year_of) |
    (day_digits[set_day_number] >> lit(U'-') >> month_of >> -year_of);

/// a day of a relative month: 20 من الشهر القادم، 31 من هذا الشهر، العشرين من الشهر المقبل
auto const day_of_relative = (day_digits[set_day_number] | ordinal_rule()[set_day]) >> ws >>
                             -((of_w | in_w) >> ws) >> relative_w[set_relative];

/// منتصف آذار: the 15th
auto const set_middle = [](auto& ctx) { x3::_val(ctx).d = 15; };
auto const middle_of = -(in_w >> ws) >> (table<&T::middle> >> eow)[set_middle] >> ws >> month_of;

/// 2/2013: a month and a year
auto const month_year = [](auto& ctx) {
  int m = at_c<0>(x3::_attr(ctx));
  x3::_pass(ctx) = m >= 1 && m <= 12;
  x3::_val(ctx).m = m, x3::_val(ctx).d = 1, x3::_val(ctx).y = at_c<1>(x3::_attr(ctx));
};
auto const month_slash_year = (day_digits >> lit(U'/') >> year_digits)[month_year];

/// a weekday and a clock time: الخميس الساعة 8
auto const add_clock = [](auto& ctx) {
  const DateTimeAst& c = x3::_attr(ctx);
  auto& v = x3::_val(ctx);
  x3::_pass(ctx) = c.clock && c.p.kind != 'i';
  v.hour = c.hour, v.minute = c.minute, v.second = c.second, v.part = c.part, v.clock = true;
};
auto const weekday_clock = weekday_phrase >> ws >> clock_rule()[add_clock];

}  // namespace datetime_detail

datetime_type const datetime = "date or time";

auto const datetime_def =
    (datetime_detail::fresh >> datetime_detail::weekday_clock) |
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
    (datetime_detail::fresh >> datetime_detail::month_day) |
    (datetime_detail::fresh >> datetime_detail::day_of_relative) |
    (datetime_detail::fresh >> datetime_detail::month_only);

BOOST_SPIRIT_DEFINE(datetime)

}  // namespace claimcheck::ar
