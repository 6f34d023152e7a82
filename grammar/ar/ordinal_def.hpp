// Definition of the Arabic ordinal rule: الأول، ثالث، الخامسة; the teens (الحادي عشر،
// الثالثة عشرة، الاثنى عشر); compounds with a ten (الخامس والعشرون، الواحد والثلاثين);
// and a ten with the article (التسعون). Each part takes an optional ال.
#pragma once

#include <boost/fusion/include/at_c.hpp>

#include "grammar/ar/rules.hpp"

namespace claimcheck::ar {
namespace ordinal_detail {

using boost::fusion::at_c;
using T = Tables;

auto const al = lit(U"\u0627\u0644");  // ال
auto const ordinal_w = -al >> table<&T::ordinal> >> eow;
x3::rule<class ordinal_part_class, double> const part_w = "ordinal part";
auto const part_w_def = (-al >> table<&T::ordinal> >> eow) | (al >> table<&T::ordinal_part> >> eow);
BOOST_SPIRIT_DEFINE(part_w)
auto const teen10_w = table<&T::teen10> >> eow;
auto const ten_w = -al >> table<&T::ten> >> eow;

auto const teen = [](auto& ctx) { x3::_val(ctx).value = x3::_attr(ctx) + 10; };
auto const compound = [](auto& ctx) {
  x3::_val(ctx).value = at_c<0>(x3::_attr(ctx)) + at_c<1>(x3::_attr(ctx));
};
auto const assign = [](auto& ctx) { x3::_val(ctx).value = x3::_attr(ctx); };
auto const from_end = [](auto& ctx) {
  x3::_val(ctx).value = x3::_attr(ctx);
  x3::_val(ctx).anchor = 1;
};
auto const from_current = [](auto& ctx) {
  x3::_val(ctx).value = x3::_attr(ctx);
  x3::_val(ctx).anchor = 2;
};
/// الثاني إلى الأخير: the second from the end (end-1)
auto const nth_from_end = [](auto& ctx) {
  x3::_val(ctx).value = 1 - x3::_attr(ctx);
  x3::_val(ctx).anchor = 1;
};
auto const to_word = (lit(U"\u0627\u0644\u064A") | lit(U"\u062D\u062A\u064A")) >> eow;

/// المئة والخامسة والعشرون، الألف: hundreds and scales with the article
x3::rule<class hundreds_word_class, double> const hundreds_w = "ordinal hundred";
auto const hundreds_w_def = al >> (table<&T::hundred> | table<&T::scale>) >> eow;
BOOST_SPIRIT_DEFINE(hundreds_w)
x3::rule<class below100_ordinal_class, double> const below100_ordinal = "ordinal below 100";
auto const below100_ordinal_def =
    (part_w >> ws >> x3::omit[teen10_w])[([](auto& ctx) { x3::_val(ctx) = x3::_attr(ctx) + 10; })] |
    (part_w >> and_ >> ten_w)[(
        [](auto& ctx) { x3::_val(ctx) = at_c<0>(x3::_attr(ctx)) + at_c<1>(x3::_attr(ctx)); })] |
    ordinal_w[([](auto& ctx) { x3::_val(ctx) = x3::_attr(ctx); })] |
    (al >> table<&T::ten> >> eow)[([](auto& ctx) { x3::_val(ctx) = x3::_attr(ctx); })];
x3::rule<class hundreds_ordinal_class, double> const hundreds_ordinal = "ordinal hundreds";
auto const hundreds_ordinal_def = (hundreds_w >> -(and_ >> below100_ordinal))[([](auto& ctx) {
  auto& a = x3::_attr(ctx);
  x3::_val(ctx) = at_c<0>(a) + (at_c<1>(a) ? *at_c<1>(a) : 0.0);
})];
BOOST_SPIRIT_DEFINE(below100_ordinal, hundreds_ordinal)

auto const hundreds_assign = [](auto& ctx) { x3::_val(ctx).value = x3::_attr(ctx); };

}  // namespace ordinal_detail

ordinal_type const ordinal = "ordinal";

auto const ordinal_def =
    ordinal_detail::hundreds_ordinal[ordinal_detail::hundreds_assign] |
    (ordinal_detail::part_w >> ws >>
     x3::omit[ordinal_detail::to_word >> ws >> table<&Tables::ordinal_end>] >>
     eow)[ordinal_detail::nth_from_end] |
    (table<&Tables::ordinal_end> >> eow)[ordinal_detail::from_end] |
    (table<&Tables::ordinal_current> >> eow)[ordinal_detail::from_current] |
    (ordinal_detail::part_w >> ws >> x3::omit[ordinal_detail::teen10_w])[ordinal_detail::teen] |
    (ordinal_detail::part_w >> and_ >> ordinal_detail::ten_w)[ordinal_detail::compound] |
    ordinal_detail::ordinal_w[ordinal_detail::assign] |
    (ordinal_detail::al >> table<&Tables::ten> >> eow)[ordinal_detail::assign];

BOOST_SPIRIT_DEFINE(ordinal)

}  // namespace claimcheck::ar
