// Definition of the Arabic number rule: digits, words and both mixed, combined term by
// term (ثلاثمئة وخمسة وعشرون ألفا، 3 ملايين، مليون ونصف، مئتي).
#pragma once

#include <boost/fusion/include/at_c.hpp>

#include "grammar/ar/rules.hpp"

namespace claimcheck::ar {
namespace number_detail {

using boost::fusion::at_c;
using T = Lexicon::Tables;

struct TermAst {
  double value = 0;
  double scale = 1;
};

inline auto const unit_w = table<&T::unit> >> eow;
inline auto const teenhead_w = table<&T::teenhead> >> eow;
inline auto const teen10_w = table<&T::teen10> >> eow;
inline auto const teen_w = table<&T::teen> >> eow;
inline auto const ten_w = table<&T::ten> >> eow;
inline auto const hundred_w = table<&T::hundred> >> eow;
inline auto const scale_w = table<&T::scale> >> eow;
inline auto const scale2_w = table<&T::scale2> >> eow;
inline auto const scales_w = table<&T::scales> >> eow;
inline auto const fraction_w = table<&T::fraction> >> eow;

inline auto const assign = [](auto& ctx) { x3::_val(ctx) = x3::_attr(ctx); };
inline auto const sum2 = [](auto& ctx) {
  x3::_val(ctx) = at_c<0>(x3::_attr(ctx)) + at_c<1>(x3::_attr(ctx));
};

x3::rule<class below100_class, double> const below100 = "below100";
x3::rule<class below1000_class, double> const below1000 = "below1000";
x3::rule<class term_class, TermAst> const term = "number term";

/// A unit before و and a ten is 1–9 (خمسة وخمسين); عشرة وعشرون is two numbers.
inline auto const unit_and_ten = [](auto& ctx) {
  double unit = at_c<0>(x3::_attr(ctx));
  x3::_pass(ctx) = unit < 10;
  x3::_val(ctx) = unit + at_c<1>(x3::_attr(ctx));
};

auto const below100_def = (unit_w >> and_ >> ten_w)[unit_and_ten]  // خمسة وخمسين
                          | (teenhead_w >> ws >> teen10_w)[sum2]  // إحدى عشرة
                          | teen_w[assign] | ten_w[assign] | unit_w[assign];

auto const below1000_def = (hundred_w >> and_ >> below100)[sum2]  // مئة وخمسون
                           | (hundred_w >> ws >> below100)[sum2]   // Egyptian: متين تلاتة وستين
                           | hundred_w[assign] | below100[assign];

inline auto const scaled = [](auto& ctx) {
  double v = at_c<0>(x3::_attr(ctx)), s = at_c<1>(x3::_attr(ctx));
  x3::_val(ctx) = TermAst{v * s, s};
};
inline auto const dual = [](auto& ctx) {
  double v = x3::_attr(ctx);
  x3::_val(ctx) = TermAst{v, v / 2};
};
inline auto const single_scale = [](auto& ctx) {
  double v = x3::_attr(ctx);
  x3::_val(ctx) = TermAst{v, v};
};
inline auto const plain = [](auto& ctx) {
  double v = x3::_attr(ctx);
  x3::_val(ctx) = TermAst{v, v >= 100 ? 100.0 : 1.0};
};
x3::rule<class scale_any_class, double> const scale_any = "scale word";
auto const scale_any_def = scale_w | scales_w;

auto const term_def = (below1000 >> ws >> scale_any)[scaled]  // ثلاثة آلاف، مئة ألف
                      | (decimal >> ws >> scale_any)[scaled]  // 3 ملايين، 1.5 مليار
                      | (fraction_w >> ws >> scale_w)[scaled]  // نصف مليون
                      | scale2_w[dual]                         // ألفان، مليونين
                      | scale_w[single_scale]                  // ألف، مليون
                      | decimal[plain]                         // 200، 1,500، 2.5
                      | below1000[plain];                      // مئتي، خمسة وخمسين

BOOST_SPIRIT_DEFINE(below100, below1000, scale_any, term)

inline auto const first_term = [](auto& ctx) {
  TermAst const& t = x3::_attr(ctx);
  auto& n = x3::_val(ctx);
  n.value = t.value;
  n.last_scale = t.scale;
  n.last_value = t.value;
  n.started = true;
};
/// A following term must be smaller than the scale of the one before (ألفان وخمسمئة).
inline auto const next_term = [](auto& ctx) {
  TermAst const& t = x3::_attr(ctx);
  auto& n = x3::_val(ctx);
  if (n.last_scale <= 1 || t.value >= n.last_scale) {
    x3::_pass(ctx) = false;
    return;
  }
  n.value += t.value;
  n.last_scale = t.scale;
  n.last_value = t.value;
};
/// و + fraction: a part of the last term's unit (مليون ونصف = 1.5 million).
inline auto const next_fraction = [](auto& ctx) {
  double f = x3::_attr(ctx);
  auto& n = x3::_val(ctx);
  n.value += f * (n.last_scale > 0 ? n.last_scale : 1);
  n.last_scale = 0;
};

}  // namespace number_detail

number_type const number = "number";

/// فاصلة ("comma"): the decimal part, in digits or words (1 فاصلة 25، واحد فاصلة خمسة).
inline auto const decimal_part = [](auto& ctx) {
  double d = x3::_attr(ctx);
  double scale = 10;
  while (d >= scale) scale *= 10;
  x3::_val(ctx).value += d / scale;
};
inline auto const comma_word = lit(U"\u0641\u0627\u0635\u0644\u0647") >> eow;  // فاصلة

auto const number_def = number_detail::term[number_detail::first_term] >>
                        *(and_ >> (number_detail::fraction_w[number_detail::next_fraction] |
                                   number_detail::term[number_detail::next_term])) >>
                        -(ws >> comma_word >> ws >>
                          (decimal[decimal_part] | number_detail::below1000[decimal_part]));

BOOST_SPIRIT_DEFINE(number)

}  // namespace claimcheck::ar
