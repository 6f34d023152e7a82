// Definition of the Arabic period rule, read by `claimcheck parse` only: periods that are
// not one day or one clock time. Seasons (صيف 2016، الربيع القادم), Hijri months (رمضان،
// ذو الحجة 1445), named days (عيد الفطر، يوم الشكر 2016), decades (السبعينيات، العقد
// القادم), quarters and weeks inside a year or a month (الربع الثالث من عام 2016، الأسبوع
// الأخير من شهر يوليو), weekends, parts of a period (أواخر العام المقبل، بقية الأسبوع، منتصف
// الصيف), the last or next N units (آخر 3 سنوات، الأسابيع الثلاثة الماضية), durations
// written as a whole period (طوال اليوم، أسبوع كامل، بضع ساعات، نصف الساعة), years in
// words (عام ألفين وعشرين، تسعة عشر تسعة وتسعون), numeric dates (22-4، 16/04/21) and a day
// of the month after a cue (عدت في 27، للثاني والعشرين). The words are lexicon classes
// (time.tsv, units.tsv); what each period means is worked out in engine/parse.cpp.
#pragma once

#include <boost/fusion/include/at_c.hpp>

#include "grammar/ar/rules.hpp"
#include "grammar/ar/words.hpp"

namespace claimcheck::ar {
namespace period_detail {
using namespace words;

using boost::fusion::at_c;
using T = Tables;

auto const month_word = -al >> lit(U"شهر") >> eow;
auto const day_word = -al >> lit(U"يوم") >> eow;
auto const week_word = -al >> lit(U"اسبوع") >> eow;
auto const year_w =
    x3::omit[(table<&T::year_word> >> eow) | (prep >> table<&T::year_word> >> eow)];  // عام، لعام
auto const direction_w = table<&T::direction> >> eow;
auto const relative_w = table<&T::relative> >> eow;
auto const month_w = table<&T::month> >> eow;
auto const day_part_w = table<&T::day_part> >> eow;

// ------------------------------------------------------------------- years in words

auto const sum2 = [](auto& ctx) {
  x3::_val(ctx) = clamp_int(at_c<0>(x3::_attr(ctx)) + at_c<1>(x3::_attr(ctx)));
};
auto const teen_or_19 = x3::rule<class century_class, int>{"century"} =
    (table<&T::teenhead> >> eow >> ws >> table<&T::teen10> >> eow)[sum2] |
    (table<&T::teen> >> eow)[([](auto& ctx) { x3::_val(ctx) = clamp_int(x3::_attr(ctx)); })];
/// تسعة عشر تسعة وتسعون، تسعة عشر وثمانية وسبعين: a century and a year of it
auto const pair_year = [](auto& ctx) {
  int c = at_c<0>(x3::_attr(ctx));
  double y = at_c<1>(x3::_attr(ctx)).value;
  x3::_pass(ctx) = c >= 10 && c <= 21 && y >= 0 && y < 100 && y == clamp_int(y);
  x3::_val(ctx) = c * 100 + clamp_int(y);
};
/// ألفان وثمانية عشر، ألف وتسعمائة وواحد، مائتين وسبعة وستين
auto const whole_year = [](auto& ctx) {
  double y = x3::_attr(ctx).value;
  x3::_pass(ctx) = y >= 1 && y <= 2200 && y == clamp_int(y);
  x3::_val(ctx) = clamp_int(y);
};
auto const copy_int = [](auto& ctx) { x3::_val(ctx) = x3::_attr(ctx); };

}  // namespace period_detail

year_words_type const year_words = "year";
auto const year_words_def =
    year_digits[period_detail::copy_int] |
    (period_detail::teen_or_19 >> (and_ | ws) >> number_rule())[period_detail::pair_year] |
    number_rule()[period_detail::whole_year];
BOOST_SPIRIT_DEFINE(year_words)

namespace period_detail {

/// a year after a year word (عام 247، عام مائتين وسبعة وستين), or four digits alone
auto const set_year = [](auto& ctx) { x3::_val(ctx).y = x3::_attr(ctx); };
auto const small_year = [](auto& ctx) {
  int y = x3::_attr(ctx);
  x3::_pass(ctx) = y >= 1 && y <= 2200;
  x3::_val(ctx).y = y;
};
auto const year_spec = (-((of_w | in_w) >> ws) >> year_w >> ws >>
                        (year_words_rule()[set_year] | integer_parser<1, 3>{}[small_year])) |
                       year_digits[set_year];
auto const set_relative = [](auto& ctx) { x3::_val(ctx).p.relative = x3::_attr(ctx); };
/// what a period is in: a year, or a relative period (هذا العام، العام المقبل)
auto const year_or_relative = year_spec | relative_w[set_relative];

// ------------------------------------------------------------------- kinds
auto const kind = [](char k) { return [k](auto& ctx) { x3::_val(ctx).p.kind = k; }; };
auto const keep_cue = [](auto& ctx) { x3::_val(ctx).p.keep_cue = true; };

// ------------------------------------------------------------------- named periods

/// عيد الفطر، يوم عيد الميلاد، يواندان 2016، يواندان هذا العام، الحج سنة 2016
auto const set_holiday = [](auto& ctx) { x3::_val(ctx).p.holiday = x3::_attr(ctx); };
auto const holiday = ((table<&T::holiday> >> eow)[set_holiday] |
                      (day_word >> ws >> (table<&T::holiday> >> eow)[set_holiday])) >>
                     -(ws >> year_or_relative) >> x3::eps[kind('d')];

/// اليوم التالي، اليوم نفسه: a day of the story's own timeline, left unresolved
auto const anaphor_day = (table<&T::anaphor_day> >> eow) >> x3::eps[kind('d')] >>
                         x3::eps[([](auto& ctx) { x3::_val(ctx).p.base = 'a'; })];

/// رمضان، شهر رمضان، ذو الحجة 2001. صفر is also zero: alone it is a month only after في.
auto const set_hijri = [](auto& ctx) { x3::_val(ctx).p.hijri_month = x3::_attr(ctx); };
auto const not_zero = [](auto& ctx) { x3::_pass(ctx) = x3::_val(ctx).p.hijri_month != 2; };
auto const hijri_name = (table<&T::hijri_month> >> eow)[set_hijri];
auto const hijri_day = [](auto& ctx) {  // العاشر من رمضان، 27 رمضان
  OrdinalAst const& o = x3::_attr(ctx);
  x3::_pass(ctx) = o.anchor == 0 && o.value >= 1 && o.value <= 30 && o.value == clamp_int(o.value);
  x3::_val(ctx).d = clamp_int(o.value);
};
auto const hijri_day_n = [](auto& ctx) {
  int d = x3::_attr(ctx);
  x3::_pass(ctx) = d >= 1 && d <= 30;
  x3::_val(ctx).d = d;
};
auto const hijri = (ordinal_rule()[hijri_day] >> ws >> of_w >> ws >> -(month_word >> ws) >>
                    hijri_name >> -(ws >> year_spec) >> x3::eps[kind('d')]) |
                   (day_digits[hijri_day_n] >> ws >> hijri_name >> x3::eps[not_zero] >>
                    -(ws >> year_spec) >> x3::eps[kind('d')]) |  // 3 صفر is a score
                   ((month_word >> ws >> hijri_name >> -(ws >> year_spec)) |
                    (in_w >> ws >> hijri_name >> -(ws >> year_spec)) |
                    (hijri_name >> ws >> year_spec) | (hijri_name >> x3::eps[not_zero])) >>
                       x3::eps[kind('r')];

/// الصيف، صيف 2016، هذا الصيف، الربيع القادم، ربيع عام تسعة عشر وثمانية وسبعين
auto const set_season = [](auto& ctx) { x3::_val(ctx).p.season = x3::_attr(ctx); };
auto const season_dir = [](auto& ctx) {  // the next (1) or last (-1) such season
  x3::_val(ctx).p.count = x3::_attr(ctx);
};
auto const season = -(this_w >> ws) >> (table<&T::season> >> eow)[set_season] >>
                    -(ws >> (direction_w[season_dir] | year_or_relative)) >> x3::eps[kind('r')];

/// السبعينيات، سبعينيات، السبعينيات القرن التاسع عشر (the 1870s)
auto const set_decade = [](auto& ctx) { x3::_val(ctx).p.decade = x3::_attr(ctx); };
auto const set_century = [](auto& ctx) {
  OrdinalAst const& o = x3::_attr(ctx);
  x3::_pass(ctx) = o.anchor == 0 && o.value >= 1 && o.value <= 30;
  x3::_val(ctx).p.century = clamp_int(o.value);
};
auto const decade = -al >> (table<&T::decade> >> eow)[set_decade] >>
                    -(ws >> -(of_w >> ws) >> -al >> lit(U"قرن") >> eow >> ws >>
                      ordinal_rule()[set_century]) >>
                    x3::eps[kind('r')];

// ------------------------------------------------------------------- periods inside periods

/// a month, a relative period, a year, or this week/month/year named alone (الأسبوع)
auto const set_month = [](auto& ctx) { x3::_val(ctx).m = x3::_attr(ctx); };
auto const base = [](char b) { return [b](auto& ctx) { x3::_val(ctx).p.base = b; }; };
auto const my_suffix = -lit(U'\u064A');  // أسبوعي: my week
auto const named_period =
    ((-(month_word >> ws) >> month_w[set_month] >> -(ws >> year_or_relative)) |
     relative_w[set_relative] | (-(this_w >> ws) >> week_word >> x3::eps[base('w')]) |
     (lit(U"اسبوع") >> my_suffix >> eow >> x3::eps[base('w')]) |
     (al >> lit(U"شهر") >> eow >> x3::eps[base('m')]) |
     (al >> (lit(U"عام") | lit(U"سنه")) >> eow >> x3::eps[base('y')]) | year_spec);

/// الأسبوع الثالث من هذا الشهر، الأسبوع الأخير من شهر يوليو، الربع الثالث من عام 2016،
/// 2016 الربع الثالث، الأسبوع الأول من عام ألفين وسبعة وعشرين
auto const set_index = [](auto& ctx) {
  OrdinalAst const& o = x3::_attr(ctx);
  if (o.anchor == 1 && o.value == 0) {
    x3::_val(ctx).p.index = -1;
  } else {
    x3::_pass(ctx) = o.anchor == 0 && o.value >= 1 && o.value <= 5;
    x3::_val(ctx).p.index = clamp_int(o.value);
  }
};
auto const quarter_w = -al >> (table<&T::period_noun> >> eow)[([](auto& ctx) {
  x3::_pass(ctx) = x3::_attr(ctx) == 1;
  x3::_val(ctx).p.index_unit = 'q';
})];
auto const week_unit = week_word >> x3::eps[([](auto& ctx) { x3::_val(ctx).p.index_unit = 'w'; })];
auto const nth_inside = (quarter_w | week_unit) >> ws >> ordinal_rule()[set_index] >> ws >>
                        -(of_w >> ws) >> named_period >> x3::eps[kind('r')];
auto const year_then_quarter = year_digits[set_year] >> ws >> quarter_w >> ws >>
                               ordinal_rule()[set_index] >> x3::eps[kind('r')];

/// عطلة نهاية الأسبوع، نهاية الأسبوع الحالي، عطلة نهاية الأسبوع المقبل
auto const weekend_w = (table<&T::period_noun> >> eow)[([](auto& ctx) {
  x3::_pass(ctx) = x3::_attr(ctx) == 2;
  x3::_val(ctx).p.index_unit = 'k';
})];
auto const week_dir = [](auto& ctx) { x3::_val(ctx).p.count = x3::_attr(ctx); };
auto const weekend = -(this_w >> ws) >> weekend_w >>
                     -(ws >> (direction_w[week_dir] | (lit(U"الحالي") | lit(U"الجاري")) >> eow)) >>
                     x3::eps[kind('r')];

/// أواخر العام المقبل، بقية الأسبوع، بداية الأسبوع المقبل، نهاية شهر مارس، منتصف الصيف، في
/// وقت لاحق هذا الشهر، في وقت مبكر من هذا الشهر
auto const set_sub = [](auto& ctx) { x3::_val(ctx).p.sub = x3::_attr(ctx); };
auto const part_of_period = -((in_w >> ws)[keep_cue]) >>
                            (table<&T::period_part> >> eow)[set_sub] >> ws >> -(of_w >> ws) >>
                            (season | named_period) >> x3::eps[kind('r')];

// ------------------------------------------------------------------- counted units

auto const count_unit = [](int sign) {
  return [sign](auto& ctx) {
    auto& p = x3::_val(ctx).p;
    p.count_unit = x3::_attr(ctx);
    if (p.count == 0) p.count = 1;
    p.count *= sign;
  };
};
auto const set_count = [](auto& ctx) {
  double n = x3::_attr(ctx).value;
  x3::_pass(ctx) = n >= 1 && n <= 1000 && n == clamp_int(n);
  x3::_val(ctx).p.count = clamp_int(n);
};
auto const set_few = [](auto& ctx) { x3::_val(ctx).p.count = x3::_attr(ctx); };
auto const dual = [](auto& ctx) { x3::_val(ctx).p.count = 2; };
auto const direction_sign = [](auto& ctx) {
  auto& p = x3::_val(ctx).p;
  p.count = (p.count == 0 ? 1 : p.count) * (x3::_attr(ctx) < 0 ? -1 : 1);
};
auto const unit_w = x3::rule<class period_unit_class, int>{"unit"} =
    (table<&T::unit_word> | table<&T::unit_counted>) >> eow;
auto const unit_at = [](auto& ctx) { x3::_val(ctx).p.count_unit = x3::_attr(ctx); };
/// آخر 3 سنوات، الأسابيع الثلاثة الماضية، الأسابيع القليلة الماضية، العقدين الماضيين،
/// 3 أيام القادمة، في الأشهر 3 القادمة
auto const counted =
    -((in_w >> ws)[keep_cue]) >>
    ((lit(U"اخر") >> eow >> ws >> number_rule()[set_count] >> ws >> unit_w[count_unit(-1)]) |
     (al >> unit_w[unit_at] >> ws >>
      ((-al >> number_rule()[set_count]) | (table<&T::few> >> eow)[set_few]) >> ws >>
      direction_w[direction_sign]) |
     (al >> (table<&T::unit_dual> >> eow)[unit_at] >> x3::eps[dual] >> ws >>
      direction_w[direction_sign]) |
     (number_rule()[set_count] >> ws >> unit_w[unit_at] >> ws >> direction_w[direction_sign])) >>
    x3::eps[kind('r')];

/// في 3 سنوات (in three years): a period of that length from the reference
auto const set_measure = [](auto& ctx) {
  MeasureAst const& m = x3::_attr(ctx);
  x3::_pass(ctx) =
      m.unit >= 0 && m.op == q_eq && !m.bare && m.value >= 1 && m.value == clamp_int(m.value);
  x3::_val(ctx).p.count = clamp_int(m.value);
  x3::_val(ctx).p.count_unit = m.unit;
};
auto const in_units = in_w[keep_cue] >> ws >> measure_rule()[set_measure] >> x3::eps[kind('r')];

// ------------------------------------------------------------------- durations

auto const dur_unit = [](auto& ctx) {
  auto& v = x3::_val(ctx);
  v.duration_unit = x3::_attr(ctx);
  if (v.duration == 0) v.duration = 1;
};
auto const dur_few = [](auto& ctx) { x3::_val(ctx).duration = x3::_attr(ctx); };
auto const dur_fraction = [](auto& ctx) { x3::_val(ctx).duration = x3::_attr(ctx); };
auto const dur_measure = [](auto& ctx) {
  MeasureAst const& m = x3::_attr(ctx);
  x3::_pass(ctx) = m.unit >= 0 && m.op == q_eq;
  x3::_val(ctx).duration = m.bare ? 1 : m.value;
  x3::_val(ctx).duration_unit = m.unit;
};
auto const add_fraction = [](auto& ctx) { x3::_val(ctx).duration += x3::_attr(ctx); };
auto const one_w = (lit(U"واحد") | lit(U"واحده")) >> eow;
/// طوال اليوم، طوال أسبوع، يوم كامل، سنة كاملة، بضع ساعات، عدة أيام، نصف الساعة، ساعتين
/// ونصف، عام واحد
auto const duration =
    ((table<&T::throughout> >> eow >> ws >> -al >> unit_w[dur_unit]) |
     ((table<&T::few> >> eow)[dur_few] >> ws >> unit_w[dur_unit]) |
     ((table<&T::fraction> >> eow)[dur_fraction] >> ws >> -al >> unit_w[dur_unit]) |
     (unit_w[dur_unit] >> ws >> (table<&T::whole> >> eow)) | (unit_w[dur_unit] >> ws >> one_w) |
     (measure_rule()[dur_measure] >> and_ >> -al >> (table<&T::fraction> >> eow)[add_fraction])) >>
    x3::eps[kind('u')];

// ------------------------------------------------------------------- numeric dates

/// 16/04/21، 9-18-15، 11/12, 2016: day, month and a year of two or four digits; the
/// month comes first when the first number cannot be one (9-18-15 is September 18)
auto const dmy = [](auto& ctx) {
  auto& a = x3::_attr(ctx);
  int first = at_c<0>(a), second = at_c<1>(a), year = at_c<2>(a);
  auto& v = x3::_val(ctx);
  if (second > 12 && first <= 12) std::swap(first, second);
  x3::_pass(ctx) = first >= 1 && first <= 31 && second >= 1 && second <= 12 &&
                   (year < 100 || (year >= 1000 && year <= 2200));
  v.d = first, v.m = second, v.y = year < 100 ? 2000 + year : year;
};
auto const sep = lit(U'/') | lit(U'-') | lit(U'.');
auto const full_numeric =
    (day_digits >> sep >> day_digits >> sep >> integer_parser<2, 2>{})[dmy] |
    (day_digits >> lit(U'/') >> day_digits >> lit(U',') >> -ws >> integer_parser<2, 4>{})[dmy];

/// 22-4، 4.22، 4/22، 04/22: a day and a month. A dot or dash only after a cue (في 4.22;
/// else 4.22 is a decimal), a slash alone when it cannot be a fraction (04/22، 4/22).
auto const dm = [](bool slash_alone) {
  return [slash_alone](auto& ctx) {
    auto& a = x3::_attr(ctx);
    int first = at_c<0>(a), second = at_c<1>(a);
    auto& v = x3::_val(ctx);
    if (second > 12 && first <= 12) std::swap(first, second);
    bool ok = first >= 1 && first <= 31 && second >= 1 && second <= 12;
    if (slash_alone) ok = ok && (at_c<0>(a) > 12 || at_c<1>(a) > 12);
    x3::_pass(ctx) = ok;
    v.d = first, v.m = second;
  };
};
auto const lead_zero = &lit(U'0');
auto const short_numeric =
    ((in_w | at_w) >> ws >>
     (day_digits >> sep >> day_digits >> !(sep >> digit_char) >> eow)[dm(false)]) |
    (lead_zero >>
     (day_digits >> lit(U'/') >> day_digits >> !(sep >> digit_char) >> eow)[dm(false)]) |
    ((day_digits >> lit(U'/') >> day_digits >> !(sep >> digit_char) >> eow)[dm(true)]);

/// 2015/3، 3-2015: a month of a year
auto const ym = [](auto& ctx) {
  auto& a = x3::_attr(ctx);
  x3::_val(ctx).y = at_c<0>(a), x3::_val(ctx).m = at_c<1>(a);
  x3::_pass(ctx) = at_c<1>(a) >= 1 && at_c<1>(a) <= 12;
};
auto const my = [](auto& ctx) {
  auto& a = x3::_attr(ctx);
  x3::_val(ctx).y = at_c<1>(a), x3::_val(ctx).m = at_c<0>(a);
  x3::_pass(ctx) = at_c<0>(a) >= 1 && at_c<0>(a) <= 12;
};
auto const month_numeric =
    ((year_digits >> lit(U'/') >> day_digits >> !(sep >> digit_char) >> eow)[ym] |
     (day_digits >> lit(U'-') >> year_digits >> eow)[my]) >>
    x3::eps[kind('r')];

// ------------------------------------------------------------------- a day after a cue

/// عدت في 27، عدت إلى 27، عدت للثاني والعشرين، عدت في الثاني!: a day of this month, where
/// the sentence ends (in running text في 27 is more often a count). A number up to 12
/// after في is a clock time (سأعود في 7).
auto const day_n = [](auto& ctx) {
  int d = x3::_attr(ctx);
  x3::_pass(ctx) = d >= 1 && d <= 31;
  x3::_val(ctx).d = d;
};
auto const day_ord = [](auto& ctx) {
  OrdinalAst const& o = x3::_attr(ctx);
  x3::_pass(ctx) = o.anchor == 0 && o.value >= 1 && o.value <= 31 && o.value == clamp_int(o.value);
  x3::_val(ctx).d = clamp_int(o.value);
};
/// After في, a day is a masculine ordinal (في الثاني: اليوم is masculine); a feminine one up
/// to twelve is an hour (في السابعة: الساعة is feminine), left to the clock rule. The value
/// is read in a lookahead, the word's ending from the raw text.
auto const not_an_hour = [](auto& ctx) {
  auto const& text = x3::_attr(ctx);  // the ordinal as written
  const bool feminine = text.begin() != text.end() && *(text.end() - 1) == U'\u0647';  // ة
  x3::_pass(ctx) = !(feminine && x3::_val(ctx).d <= 12);
};
auto const clock_or_day = [](auto& ctx) {
  auto& v = x3::_val(ctx);
  if (v.d <= 12) {
    v.hour = v.d, v.d = 0, v.clock = true;
    v.p.kind = 't';
  } else {
    v.p.kind = 'd';
  }
};
auto const sentence_end = -ws >> (x3::eoi | lit(U'.') | lit(U'!') | lit(U'\u061F') | lit(U'?') |
                                  lit(U'\n'));
auto const day_after_cue =
    ((in_w >> ws >> day_digits[day_n] >> &sentence_end >> x3::eps[clock_or_day]) |
     (in_w >> ws >> &ordinal_rule()[day_ord] >> x3::raw[ordinal_rule()][not_an_hour] >>
      &sentence_end >> x3::eps[kind('d')]) |
     ((lit(U"الي") >> eow >> ws)[keep_cue] >> (day_digits[day_n] | ordinal_rule()[day_ord]) >>
      &sentence_end >> x3::eps[kind('d')]) |
     ((lit(U"لل"))[keep_cue] >> ordinal_rule()[day_ord] >> &sentence_end >> x3::eps[kind('d')]));

}  // namespace period_detail

period_type const period = "period";

auto const period_def =
    (period_detail::fresh >> period_detail::holiday) |
    (period_detail::fresh >> period_detail::anaphor_day) |
    (period_detail::fresh >> period_detail::hijri) |
    (period_detail::fresh >> period_detail::decade) |
    (period_detail::fresh >> period_detail::nth_inside) |
    (period_detail::fresh >> period_detail::year_then_quarter) |
    (period_detail::fresh >> period_detail::weekend) |
    (period_detail::fresh >> period_detail::part_of_period) |
    (period_detail::fresh >> period_detail::season) |
    (period_detail::fresh >> period_detail::counted) |
    (period_detail::fresh >> period_detail::in_units) |
    (period_detail::fresh >> period_detail::duration) |
    (period_detail::fresh >> period_detail::full_numeric >> x3::eps[period_detail::kind('d')]) |
    (period_detail::fresh >> period_detail::month_numeric) |
    (period_detail::fresh >> period_detail::short_numeric >> x3::eps[period_detail::kind('d')]) |
    (period_detail::fresh >> period_detail::day_after_cue) |
    (period_detail::fresh >> period_detail::year_w >> ws >>
     (year_words_rule()[period_detail::set_year] |
      integer_parser<1, 3>{}[period_detail::small_year]) >>
     x3::eps[period_detail::kind('r')]);

BOOST_SPIRIT_DEFINE(period)

}  // namespace claimcheck::ar
