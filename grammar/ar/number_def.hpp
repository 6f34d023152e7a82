// Definition of the Arabic number rule: digits, words and both mixed, combined term by
// term (ثلاثمئة وخمسة وعشرون ألفا، 3 ملايين، مليون ونصف، مئتي).
#pragma once

#include <boost/fusion/include/at_c.hpp>

#include "grammar/ar/memo.hpp"
#include "grammar/ar/rules.hpp"

namespace claimcheck::ar {
namespace number_detail {

using boost::fusion::at_c;
using T = Tables;

struct TermAst {
  double value = 0;
  double scale = 1;
};

auto const unit_w = table<&T::unit> >> eow;
auto const teenhead_w = table<&T::teenhead> >> eow;
auto const teen10_w = table<&T::teen10> >> eow;
auto const teen_w = table<&T::teen> >> eow;
auto const ten_w = table<&T::ten> >> eow;
auto const hundred_w = table<&T::hundred> >> eow;
auto const scale_w = table<&T::scale> >> eow;
auto const scale2_w = table<&T::scale2> >> eow;
auto const scales_w = table<&T::scales> >> eow;
auto const fraction_w = table<&T::fraction> >> eow;

auto const assign = [](auto& ctx) { x3::_val(ctx) = x3::_attr(ctx); };
auto const sum2 = [](auto& ctx) {
  x3::_val(ctx) = at_c<0>(x3::_attr(ctx)) + at_c<1>(x3::_attr(ctx));
};

x3::rule<class below100_class, double> const below100 = "below100";
x3::rule<class below1000_class, double> const below1000 = "below1000";
x3::rule<class term_class, TermAst> const term = "number term";

/// A unit before و and a ten is 1–9 (خمسة وخمسين); عشرة وعشرون is two numbers.
auto const unit_and_ten = [](auto& ctx) {
  double unit = at_c<0>(x3::_attr(ctx));
  x3::_pass(ctx) = unit < 10;
  x3::_val(ctx) = unit + at_c<1>(x3::_attr(ctx));
};

/// A unit, with the ten it may lead (خمسة وخمسين). Each word is read once: the
/// alternatives share no prefix, and the last one is only for عشرة before و and a ten.
auto const unit_maybe_ten = [](auto& ctx) {
  double unit = at_c<0>(x3::_attr(ctx));
  auto const& ten = at_c<1>(x3::_attr(ctx));
  x3::_pass(ctx) = !ten || unit < 10;
  x3::_val(ctx) = unit + (ten ? *ten : 0.0);
};
auto const sum_maybe = [](auto& ctx) {
  auto const& rest = at_c<1>(x3::_attr(ctx));
  x3::_val(ctx) = at_c<0>(x3::_attr(ctx)) + (rest ? *rest : 0.0);
};

auto const below100_def = (teenhead_w >> ws >> teen10_w)[sum2]            // إحدى عشرة
                          | (unit_w >> -(and_ >> ten_w))[unit_maybe_ten]  // خمسة وخمسين
                          | teen_w[assign] | ten_w[assign] | unit_w[assign];

// مئة وخمسون، and the Egyptian متين تلاتة وستين without و
auto const below1000_def = (hundred_w >> -((and_ | ws) >> below100))[sum_maybe] | below100[assign];

auto const scaled = [](auto& ctx) {
  double v = at_c<0>(x3::_attr(ctx)), s = at_c<1>(x3::_attr(ctx));
  x3::_val(ctx) = TermAst{v * s, s};
};
auto const dual = [](auto& ctx) {
  double v = x3::_attr(ctx);
  x3::_val(ctx) = TermAst{v, v / 2};
};
auto const single_scale = [](auto& ctx) {
  double v = x3::_attr(ctx);
  x3::_val(ctx) = TermAst{v, v};
};
auto const plain = [](auto& ctx) {
  double v = x3::_attr(ctx);
  x3::_val(ctx) = TermAst{v, v >= 100 ? 100.0 : 1.0};
};
x3::rule<class scale_any_class, double> const scale_any = "scale word";
auto const scale_any_def = scale_w | scales_w | hundred_w;  // ٣ مئة = 300

/// A number and, if a scale word follows, its scale (ثلاثة آلاف = 3000; 200 = 200): the
/// number is read once either way.
auto const maybe_scaled = [](auto& ctx) {
  double v = at_c<0>(x3::_attr(ctx));
  auto const& s = at_c<1>(x3::_attr(ctx));
  x3::_val(ctx) = s ? TermAst{v * *s, *s} : TermAst{v, v >= 100 ? 100.0 : 1.0};
};

auto const term_def = (below1000 >> -(ws >> scale_any))[maybe_scaled]  // ثلاثة آلاف، مئتي
                      | (decimal >> -(ws >> scale_any))[maybe_scaled]  // 3 ملايين، 1,500
                      | (glued_decimal >> scale_any)[scaled]           // 13مليون
                      | (fraction_w >> ws >> scale_w)[scaled]          // نصف مليون
                      | scale2_w[dual]          // ألفان، مليونين
                      | scale_w[single_scale];  // ألف، مليون

/// A term with its scale word (300 ألف، ثلاث مئة).
x3::rule<class scaled_term_class, TermAst> const scaled_term = "scaled number term";
auto const scaled_term_def =
    (below1000 >> ws >> scale_any)[scaled] | (decimal >> ws >> scale_any)[scaled];

BOOST_SPIRIT_DEFINE(below100, below1000, scale_any, term, scaled_term)

auto const first_term = [](auto& ctx) {
  TermAst const& t = x3::_attr(ctx);
  auto& n = x3::_val(ctx);
  n.value = t.value;
  n.last_scale = t.scale;
  n.last_value = t.value;
  n.started = true;
};
/// A following term must be smaller than the scale of the one before (ألفان وخمسمئة).
auto const next_term = [](auto& ctx) {
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
auto const next_fraction = [](auto& ctx) {
  double f = x3::_attr(ctx);
  auto& n = x3::_val(ctx);
  n.value += f * (n.last_scale > 0 ? n.last_scale : 1);
  n.last_scale = 0;
};

}  // namespace number_detail

number_type const number = "number";

/// فاصلة ("comma"): the decimal part, in digits or words (1 فاصلة 25، واحد فاصلة خمسة).
auto const decimal_part = [](auto& ctx) {
  double d = x3::_attr(ctx);
  double scale = 10;
  while (d >= scale) scale *= 10;
  x3::_val(ctx).value += d / scale;
};
auto const comma_word = lit(U"\u0641\u0627\u0635\u0644\u0647") >> eow;  // فاصلة

/// ثلاثة أخماس = 3/5: the term just read counts parts (after و they are added: عشرون
/// وثلاثة أخماس = 20.6). Read after the term, so the term is parsed once.
auto const to_parts = [](auto& ctx) {
  auto& n = x3::_val(ctx);
  double d = x3::_attr(ctx);
  n.value += n.last_value / d - n.last_value;
  n.last_value /= d;
  n.last_scale = 0;
};
auto const denominator_w = ws >> table<&Tables::denominator> >> eow;
auto const add_parts = [](auto& ctx) {  // عشرون وثلاثة أخماس = 20.6
  auto& n = x3::_val(ctx);
  n.value += at_c<0>(x3::_attr(ctx)) / at_c<1>(x3::_attr(ctx));
  n.last_scale = 0;
};

auto const number_def =
    number_detail::term[number_detail::first_term] >> -denominator_w[to_parts] >>
    *((and_ >> (number_detail::fraction_w[number_detail::next_fraction] >>
                    // مليون ونصف المليون: the part's whole restated with the article
                    -x3::omit[ws >> lit(U"\u0627\u0644") >> number_detail::scale_w] |
                (number_detail::below1000 >> denominator_w)[add_parts] |
                number_detail::term[number_detail::next_term] >> -denominator_w[to_parts])) |
      // 4 ملايين 300 ألف: a smaller scaled term may follow without و
      (ws >> number_detail::scaled_term[number_detail::next_term])) >>
    -(ws >> comma_word >> ws >> (decimal[decimal_part] | number_detail::below1000[decimal_part]));

/// The number rule, answered from the scan's memo when the same start and end were parsed
/// before (memo.hpp). Its result does not depend on the attribute it is given: the first
/// term sets every field, and without a first term nothing is set.
template <typename Iterator, typename Context>
inline bool parse_rule(number_type, Iterator& first, Iterator const& last, Context const& context,
                       number_type::attribute_type& attr) {
  static auto const def_ = (number = number_def);
  NumberMemo* memo = NumberMemo::current;
  if (!memo || !memo->holds(first, last)) return def_.parse(first, last, context, x3::unused, attr);
  NumberMemo::Entry& e = memo->slot(first);
  if (e.first == first && e.last == last) {
    if (!e.matched) return false;
    attr = e.value;
    first = e.end;
    return true;
  }
  const Iterator start = first;
  const bool matched = def_.parse(first, last, context, x3::unused, attr);
  e.first = start;
  e.last = last;
  e.end = first;
  e.matched = matched;
  if (matched) e.value = attr;
  return matched;
}

}  // namespace claimcheck::ar
