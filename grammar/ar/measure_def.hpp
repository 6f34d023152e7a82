// Definition of the Arabic measure rule: an amount with a unit or a currency, written
// after the number (20 دولارا، 250مل، 0.5 كغ) or a sign before it ($10), a unit alone or
// in the dual (كغ = 1 kg, دقيقتان = 2 minutes), fractions of a unit (نصف لتر، لتر ونصف),
// a currency with its subunit (20 دولار و43 سنت), ranges (من 10 إلى 20 دولار، 10-20
// دولار، ما بين عشرة وعشرين دولار), qualified amounts (أقل من 7 يورو، 3.42$ على الأقل)
// and temperatures below zero (-2°، درجتين تحت الصفر). Also the signed number (سالب عشرة).
#pragma once

#include <boost/fusion/include/at_c.hpp>
#include <cmath>

#include "grammar/ar/rules.hpp"

namespace claimcheck::ar {
namespace measure_detail {

using boost::fusion::at_c;
using T = Tables;

/// A fraction in digits: 3/4, 2/1000, or a decimal without its leading zero (.75).
struct ratio_parser : x3::parser<ratio_parser> {
  using attribute_type = double;
  static bool const has_attribute = true;
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr& attr) const {
    auto digit = [](char32_t c) { return c >= U'0' && c <= U'9'; };
    auto read = [&](It& i, double& v) {
      int n = 0;
      v = 0;
      while (i != last && digit(*i) && n < 9) v = v * 10 + (*i++ - U'0'), ++n;
      return n > 0 && (i == last || !digit(*i));
    };
    It i = first;
    double value = 0;
    if (i != last && (*i == U'.' || *i == U'\u066B')) {  // .75
      ++i;
      double scale = 0.1;
      int n = 0;
      while (i != last && digit(*i) && n < 9) value += (*i++ - U'0') * scale, scale /= 10, ++n;
      if (n == 0) return false;
    } else {
      double num = 0, den = 0;
      if (!read(i, num) || i == last || *i != U'/') return false;
      ++i;
      if (!read(i, den) || den == 0) return false;
      if (i != last && *i == U'/') return false;  // 5/17/2018 is a date
      value = num / den;
    }
    if (i != last && is_word_char(*i)) return false;
    first = i;
    x3::traits::move_to(value, attr);
    return true;
  }
};
inline constexpr ratio_parser ratio{};

/// A power in digits: 1e10, -12e-1, 12,32e+14 (a decimal comma), 1,1^23, 2,5^-1.
struct power_parser : x3::parser<power_parser> {
  using attribute_type = double;
  static bool const has_attribute = true;
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr& attr) const {
    auto digit = [](char32_t c) { return c >= U'0' && c <= U'9'; };
    auto read = [&](It& i, double& v) {  // [-+]digits[(,|.)digits]
      double sign = 1;
      if (i != last && (*i == U'-' || *i == U'+')) sign = *i == U'-' ? -1 : 1, ++i;
      if (i == last || !digit(*i)) return false;
      v = 0;
      int n = 0;
      while (i != last && digit(*i) && n < 15) v = v * 10 + (*i++ - U'0'), ++n;
      if (i != last && (*i == U',' || *i == U'.' || *i == U'\u066B') && i + 1 != last &&
          digit(*(i + 1))) {
        ++i;
        double scale = 0.1;
        while (i != last && digit(*i)) v += (*i++ - U'0') * scale, scale /= 10;
      }
      v *= sign;
      return true;
    };
    It i = first;
    double mantissa = 0, exponent = 0;
    if (!read(i, mantissa) || i == last) return false;
    const bool e = *i == U'e' || *i == U'E';
    if (!e && *i != U'^') return false;
    ++i;
    if (!read(i, exponent) || std::fabs(exponent) > 300) return false;
    if (i != last && is_word_char(*i)) return false;
    const double value = e ? mantissa * std::pow(10.0, exponent) : std::pow(mantissa, exponent);
    if (!std::isfinite(value)) return false;
    first = i;
    x3::traits::move_to(value, attr);
    return true;
  }
};
inline constexpr power_parser power{};

auto const minus_w = table<&T::minus> >> eow;
auto const fraction_w = table<&T::fraction> >> eow;
auto const unit_any = x3::rule<class unit_any_class, int>{"unit"} =
    table<&T::unit_word> | table<&T::unit_counted>;
auto const unit_w = unit_any >> -lit(U'\u0627') >> eow;  // accusative ـًا
auto const unit_alone = table<&T::unit_word> >> -lit(U'\u0627') >> eow;
auto const unit_after = -ws >> unit_w;  // 10$ or 10 $
auto const unit_dual_w = table<&T::unit_dual> >> eow;
auto const unit_sign = table<&T::unit_sign>;
auto const dash = -ws >> lit(U'-') >> -ws;
auto const below_zero =
    ws >> lit(U"\u062A\u062D\u062A \u0627\u0644\u0635\u0641\u0631") >> eow;  // تحت الصفر
auto const from_word = lit(U"\u0645\u0646") >> eow;                          // من
auto const to_word = (lit(U"\u0627\u0644\u064A") | lit(U"\u062D\u062A\u064A")) >> eow;
auto const between_word =
    (lit(U"\u0645\u0627 \u0628\u064A\u0646") | lit(U"\u0628\u064A\u0646")) >> eow;  // (ما) بين

auto const to_value = [](auto& ctx) { x3::_val(ctx) = x3::_attr(ctx).value; };
auto const negate = [](auto& ctx) { x3::_val(ctx) = -x3::_attr(ctx); };
auto const assign = [](auto& ctx) { x3::_val(ctx) = x3::_attr(ctx); };

/// An amount: a number in words or digits, a digit fraction, with an optional sign.
x3::rule<class amount_class, double> const amount = "amount";
auto const amount_def =
    (lit(U'-') >> -ws >> ratio)[negate] |
    (lit(U'-') >> -ws >>
     number_rule())[([](auto& ctx) { x3::_val(ctx) = -x3::_attr(ctx).value; })] |
    (minus_w >> ws >>
     number_rule())[([](auto& ctx) { x3::_val(ctx) = -at_c<1>(x3::_attr(ctx)).value; })] |
    ratio[assign] | number_rule()[to_value];

/// One amount with its unit, before or after it.
x3::rule<class simple_class, MeasureAst> const simple = "amount with a unit";
auto const amount_unit = [](auto& ctx) {
  auto& m = x3::_val(ctx);
  m.value = at_c<0>(x3::_attr(ctx));
  m.unit = at_c<1>(x3::_attr(ctx));
};
auto const sign_amount = [](auto& ctx) {
  auto& m = x3::_val(ctx);
  m.unit = at_c<0>(x3::_attr(ctx));
  m.value = at_c<1>(x3::_attr(ctx));
};
auto const one_unit = [](auto& ctx) {
  x3::_val(ctx).unit = x3::_attr(ctx);
  x3::_val(ctx).value = 1;
  x3::_val(ctx).bare = true;
};
auto const two_units = [](auto& ctx) {
  x3::_val(ctx).unit = x3::_attr(ctx);
  x3::_val(ctx).value = 2;
};
auto const fraction_unit = [](auto& ctx) {
  x3::_val(ctx).value = at_c<0>(x3::_attr(ctx));
  x3::_val(ctx).unit = at_c<1>(x3::_attr(ctx));
};
auto const unit_fraction = [](auto& ctx) {
  x3::_val(ctx).unit = at_c<0>(x3::_attr(ctx));
  x3::_val(ctx).value = 1 + at_c<1>(x3::_attr(ctx));
};
/// 237 كيلو ونصف، طنين ونصف: an amount and a part of its unit.
auto const amount_unit_fraction = [](auto& ctx) {
  auto& a = x3::_attr(ctx);
  x3::_val(ctx).value = at_c<0>(a) + at_c<2>(a);
  x3::_val(ctx).unit = at_c<1>(a);
};
/// 20 دولار و43 سنت: the second amount is in a subunit of the first unit's currency;
/// resolved after the parse (the semantic action only records it).
auto const add_subunit = [](auto& ctx) {
  auto& m = x3::_val(ctx);
  m.upper = at_c<0>(x3::_attr(ctx));
  m.op = -1000 - at_c<1>(x3::_attr(ctx));  // decoded by the scanner: subunit index
};
auto const below = [](auto& ctx) { x3::_val(ctx).value = -x3::_val(ctx).value; };
auto const degrees_below = [](auto& ctx) {  // 2 تحت الصفر
  x3::_val(ctx).value = -x3::_attr(ctx);
  x3::_val(ctx).unit = -2;  // the scanner reads it as the bare degree
};

auto const simple_def = ((unit_sign >> -ws >> amount)[sign_amount] |
                         (glued_decimal >> unit_w)[amount_unit] >>  // 250مل، 43c
                             -((and_ | ws) >> (amount >> unit_after)[add_subunit]) |
                         (amount >> unit_after >> and_ >> fraction_w)[amount_unit_fraction] |
                         (amount >> unit_after)[amount_unit] >>
                             -((and_ | ws) >> ((glued_decimal >> unit_w)[add_subunit] |
                                               (amount >> unit_after)[add_subunit])) |
                         (fraction_w >> ws >> unit_w)[fraction_unit] |
                         (unit_w >> and_ >> fraction_w)[unit_fraction] | unit_dual_w[two_units] |
                         unit_alone[one_unit] | (amount >> x3::omit[below_zero])[degrees_below]) >>
                        -below_zero[below];

x3::rule<class measured_range_class, MeasureAst> const measured_range = "range with a unit";
auto const range_unit = [](auto& ctx) {
  auto& m = x3::_val(ctx);
  m.op = q_between;
  m.value = at_c<0>(x3::_attr(ctx));
  m.upper = at_c<1>(x3::_attr(ctx));
  m.unit = at_c<2>(x3::_attr(ctx));
};
auto const range_units = [](auto& ctx) {  // 10$-20$: the same unit twice
  auto& a = x3::_attr(ctx);
  auto& m = x3::_val(ctx);
  x3::_pass(ctx) = at_c<1>(a) == at_c<3>(a);
  m.op = q_between;
  m.value = at_c<0>(a);
  m.unit = at_c<1>(a);
  m.upper = at_c<2>(a);
};
auto const measured_range_def =
    (from_word >> ws >> amount >> ((ws >> to_word >> ws) | (ws >> lit(U'\u0644'))) >> amount >>
     unit_after)[range_unit] |
    (between_word >> ws >> amount >> and_ >> amount >> unit_after)[range_unit] |
    (amount >> unit_after >> dash >> amount >> unit_after)[range_units] |
    (amount >> dash >> amount >> unit_after)[range_unit];

BOOST_SPIRIT_DEFINE(amount, simple, measured_range)

auto const set_op = [](auto& ctx) { x3::_val(ctx).op = x3::_attr(ctx); };
auto const take = [](auto& ctx) {
  auto& m = x3::_val(ctx);
  MeasureAst const& a = x3::_attr(ctx);
  int op = m.op;
  m = a;
  if (op != q_eq && a.op == q_eq) m.op = op;  // a qualifier before the amount
};

}  // namespace measure_detail

measure_type const measure = "measure";
signed_number_type const signed_number = "signed number";

auto const measure_def =
    -x3::omit[conj >> &digit_char] >>  // و800 كلغ
    -((table<&Tables::qualifier_pre> >> before_number >>
       -x3::omit[ws >> table<&Tables::measure_noun> >> eow])[measure_detail::set_op] >>
      -ws) >>
    (measure_detail::measured_range[measure_detail::take] |
     measure_detail::simple[measure_detail::take]) >>
    -(ws >> (table<&Tables::qualifier_post> >> eow)[measure_detail::set_op]);

namespace measure_detail {
auto const divide = [](auto& ctx) {
  double d = at_c<1>(x3::_attr(ctx));
  x3::_pass(ctx) = d != 0;
  x3::_val(ctx) = d != 0 ? at_c<0>(x3::_attr(ctx)) / d : 0;
};
auto const part_of = [](auto& ctx) {  // جزء من مئة = 1/100
  double d = x3::_attr(ctx);
  x3::_pass(ctx) = d != 0;
  x3::_val(ctx) = d != 0 ? 1 / d : 0;
};
auto const over_w = ws >> lit(U"\u0639\u0644\u064A") >> eow >> ws;  // على
auto const of_w = ws >> lit(U"\u0645\u0646") >> eow >> ws;          // من
auto const part_w =                                                 // جزء، أجزاء
    (lit(U"\u062C\u0632\u0621") | lit(U"\u0627\u062C\u0632\u0627\u0621")) >> eow;
}  // namespace measure_detail

/// A number as `claimcheck parse` reads it: an amount, or a ratio of two (واحد على ٣،
/// ٢٠٠٠ على ٣، جزء من مئة، ثلاثة أجزاء من خمسة، واحد من ثلاثة), or a part alone (نصف،
/// ربع). Only the value scanner uses it: in a claim, «فاز 3 على 1» is a score.
auto const signed_number_def =
    (measure_detail::amount >> measure_detail::over_w >>
     measure_detail::amount)[measure_detail::divide] |
    (measure_detail::amount >> ws >> x3::omit[measure_detail::part_w] >> measure_detail::of_w >>
     measure_detail::amount)[measure_detail::divide] |
    (measure_detail::part_w >> measure_detail::of_w >>
     measure_detail::amount)[measure_detail::part_of] |
    (measure_detail::amount >> measure_detail::of_w >>
     measure_detail::amount)[measure_detail::divide] |
    measure_detail::power[measure_detail::assign] |
    (measure_detail::amount >> ws >> measure_detail::ratio)[([](auto& ctx) {  // -١ ٤/٥ = -1.8
      double whole = at_c<0>(x3::_attr(ctx)), part = at_c<1>(x3::_attr(ctx));
      x3::_val(ctx) = whole < 0 ? whole - part : whole + part;
    })] |
    (measure_detail::amount >> ws >> table<&Tables::part_of> >>
     eow)[([](auto& ctx) {  // ثلاث وعشرون خمس: 23 fifths
      x3::_val(ctx) = at_c<0>(x3::_attr(ctx)) * at_c<1>(x3::_attr(ctx));
    })] |
    (measure_detail::ratio >> ws >>
     day_digits)[([](auto& ctx) {  // ١/٤ ٢ = 2.25, as read right to left
      x3::_val(ctx) = at_c<0>(x3::_attr(ctx)) + at_c<1>(x3::_attr(ctx));
    })] |
    // خمس الساعة: a fifth of the hour (a number is never followed by a definite noun)
    (table<&Tables::part_of> >> eow >> &(ws >> lit(U"\u0627\u0644")))[measure_detail::assign] |
    measure_detail::amount[measure_detail::assign] |
    measure_detail::fraction_w[measure_detail::assign];

namespace measure_detail {
auto const al = lit(U"\u0627\u0644");  // ال
/// a bound: a number, or with the article a ten, a part or an ordinal (الثلاثين، النصف،
/// العاشر), or a part alone (نصف)
x3::rule<class bound_class, double> const bound = "bound";
auto const ordinal_bound = [](auto& ctx) {
  OrdinalAst const& o = x3::_attr(ctx);
  x3::_pass(ctx) = o.anchor == 0;
  x3::_val(ctx) = o.value;
};
auto const bound_def = (al >> table<&Tables::ten> >> eow)[assign] | (al >> fraction_w)[assign] |
                       ordinal_rule()[ordinal_bound] | amount[assign] | fraction_w[assign];
auto const qualifier = table<&Tables::qualifier_pre> >> before_number;
auto const first_bound = [](auto& ctx) {
  x3::_val(ctx).op1 = at_c<0>(x3::_attr(ctx));
  x3::_val(ctx).v1 = at_c<1>(x3::_attr(ctx));
};
auto const second_bound = [](auto& ctx) {
  x3::_val(ctx).op2 = at_c<0>(x3::_attr(ctx));
  x3::_val(ctx).v2 = at_c<1>(x3::_attr(ctx));
};
auto const between_bounds = [](auto& ctx) {
  auto& r = x3::_val(ctx);
  r.op1 = q_between;
  r.v1 = at_c<0>(x3::_attr(ctx));
  r.v2 = at_c<1>(x3::_attr(ctx));
};
BOOST_SPIRIT_DEFINE(bound)
}  // namespace measure_detail

range_type const range = "range";
auto const range_def =
    (measure_detail::between_word >> ws >> measure_detail::bound >> and_ >>
     measure_detail::bound)[measure_detail::between_bounds] |
    ((measure_detail::qualifier >> -ws >> measure_detail::bound)[measure_detail::first_bound] >>
     -((and_ | (ws >> lit(U"\u0648") >> -ws)) >>
       (measure_detail::qualifier >> -ws >> measure_detail::bound)[measure_detail::second_bound]));

BOOST_SPIRIT_DEFINE(measure, signed_number, range)

}  // namespace claimcheck::ar
