// Definition of the Arabic quantity rule: an amount with its qualifier (أكثر من، ما لا
// يقل عن، نحو …), ranges (بين 10 و20), vague amounts (عشرات، مئات الآلاف), percentages,
// the counted noun after it (خلية إرهابية → terrorist_cell), and absence (لا وجود
// لحوادث إرهابية → zero incidents).
#pragma once

#include <boost/fusion/include/at_c.hpp>

#include "grammar/ar/rules.hpp"

namespace claimcheck::ar {
namespace quantity_detail {

using boost::fusion::at_c;
using T = Tables;

auto const quote = lit(U'"') | lit(U'\u201C') | lit(U'\u201D') | lit(U'\u00AB') | lit(U'\u00BB') |
                   lit(U'(') | lit(U')');
auto const gap = +(ws | quote);  // between a cue and what it governs
auto const object_w = table<&T::object> >> -lit(U'\u0627') >> eow;  // accusative ـًا
x3::rule<class object_clitic_class, int> const object_cl = "counted noun";
auto const object_cl_def = object_w | (lit(U'\u0644') >> object_w);  // لحوادث
auto const percent = -ws >> x3::omit[table<&T::percent>] >> eow;     // في المائه

x3::rule<class amount_class, QuantityAst> const amount = "amount";
/// آلاف or الآلاف after a vague amount (عشرات الآلاف).
x3::rule<class definite_scales_class, double> const definite_scales = "scale word";
auto const definite_scales_def =
    (table<&T::scales> >> eow) | (lit(U"\u0627\u0644") >> table<&T::scales> >> eow);

/// Arabic letters right after the digits of a number, the noun it counts written against
/// it (6افراد، 8مدارس): three at least, so that a letter of a reference (2ب) or the era of a
/// year (2013م) is not read as one. Consumes nothing.
struct glued_noun_parser : x3::parser<glued_noun_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr&) const {
    It i = first;
    int n = 0;
    while (i != last && n < 3 && is_arabic_letter(*i)) ++i, ++n;
    return n == 3;
  }
};
inline constexpr glued_noun_parser glued_noun{};

/// An adjective of the nisba shape (عربية، أجنبية، إضافيين) between a counted noun and the
/// bound after it: أربع دول عربية على الأقل.
struct nisba_word_parser : x3::parser<nisba_word_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr&) const {
    std::u32string w;
    It i = first;
    while (i != last && is_arabic_letter(*i) && w.size() < 24) w += *i++;
    if (w.size() < 4 || (i != last && is_word_char(*i)) || w[0] == U'\u0648') return false;
    auto ends = [&](std::u32string_view e) {
      return w.size() > e.size() + 1 && std::u32string_view(w).substr(w.size() - e.size()) == e;
    };
    if (!(ends(U"\u064A") || ends(U"\u064A\u0647") || ends(U"\u064A\u064A\u0646") ||
          ends(U"\u064A\u0648\u0646") || ends(U"\u064A\u0627\u062A")))  // ي يه يين يون يات
      return false;
    first = i;
    return true;
  }
};
inline constexpr nisba_word_parser nisba_word{};

auto const from_number = [](auto& ctx) { x3::_val(ctx).value = x3::_attr(ctx).value; };
auto const from_glued = [](auto& ctx) { x3::_val(ctx).value = x3::_attr(ctx); };
auto const vague_amount = [](auto& ctx) {
  auto& q = x3::_val(ctx);
  q.value = x3::_attr(ctx);
  q.upper = q.value * 10 - 1;
  q.vague = true;
  q.op = q_between;
};
auto const vague_scale = [](auto& ctx) {  // عشرات الآلاف
  auto& q = x3::_val(ctx);
  double s = x3::_attr(ctx);
  q.value *= s;
  q.upper = (q.upper + 1) * s - 1;
};

auto const negative_number = [](auto& ctx) {
  x3::_val(ctx).value = -at_c<1>(x3::_attr(ctx)).value;
};
auto const amount_def =
    (table<&T::vague> >> eow)[vague_amount] >> -(ws >> definite_scales[vague_scale]) |
    (table<&T::minus> >> eow >> ws >> number_rule())[negative_number] |
    ((lit(U'-') | lit(U'\u2212')) >> -ws >>
     number_rule())[([](auto& ctx) { x3::_val(ctx).value = -x3::_attr(ctx).value; })] |
    number_rule()[from_number] | (glued_decimal >> glued_noun)[from_glued];

BOOST_SPIRIT_DEFINE(amount, object_cl, definite_scales)

auto const set_op = [](auto& ctx) { x3::_val(ctx).op = x3::_attr(ctx); };
auto const take_amount = [](auto& ctx) {
  auto& q = x3::_val(ctx);
  QuantityAst const& a = x3::_attr(ctx);
  q.value = a.value;
  q.upper = a.upper;
  q.vague = a.vague;
  if (a.vague && q.op == q_eq) q.op = q_between;
};
auto const take_upper = [](auto& ctx) {
  auto& q = x3::_val(ctx);
  QuantityAst const& a = x3::_attr(ctx);
  q.upper = a.vague ? a.upper : a.value;
  q.op = q_between;
};
auto const set_percent = [](auto& ctx) { x3::_val(ctx).percent = true; };
auto const set_object = [](auto& ctx) { x3::_val(ctx).object = x3::_attr(ctx); };
auto const set_absence = [](auto& ctx) {
  auto& q = x3::_val(ctx);
  q.object = x3::_attr(ctx);
  q.absence = true;
  q.op = q_eq;
  q.value = 0;
};

auto const any_word = lit(U"\u0627\u064A") >> eow;  // اي (any)
auto const between_word =
    (lit(U"\u0645\u0627 \u0628\u064A\u0646") | lit(U"\u0628\u064A\u0646")) >> eow;  // (ما) بين
auto const from_word = lit(U"\u0645\u0646") >> eow;                                 // من
auto const to_word = (lit(U"\u0627\u0644\u064A") | lit(U"\u062D\u062A\u064A")) >> eow;  // الي، حتي

auto const absence_phrase = table<&T::absence> >> eow >> gap >>
                            -(any_word >> gap) >> object_cl[set_absence];

auto const range_dash = -ws >> (lit(U'-') | lit(U'~') | lit(U'\u2013')) >> -ws;
auto const range_phrase =
    (between_word >> ws >> amount[take_amount] >> and_ >> amount[take_upper]) |
    // ما بين 20 إلى 30، بين 3 حتى 5
    (between_word >> ws >> amount[take_amount] >> ws >> to_word >> ws >> amount[take_upper]) |
    (from_word >> ws >> amount[take_amount] >> ws >> to_word >> ws >> amount[take_upper]);

/// أقل من 5000 أو يساوي: "or equal" makes a strict bound inclusive
auto const or_equal = [](auto& ctx) {
  auto& q = x3::_val(ctx);
  if (q.op == op_gt) q.op = op_ge;
  if (q.op == op_lt) q.op = op_le;
};
auto const or_equal_words = lit(U"\u0627\u0648 \u064A\u0633\u0627\u0648\u064A") >> eow;  // او يساوي
auto const from_ahead = ws >>
                        lit(U"\u0645\u0646") >> eow;  // من: «أو أقل من 6000» is a bound of its own

auto const post_bound = table<&T::qualifier_post> >> eow;
auto const counted_tail = -percent[set_percent] >> -(-ws >> object_w[set_object] >>
                                                     -(ws >> nisba_word >> &(ws >> post_bound))) >>
                          -(ws >> (table<&T::qualifier_post> >> eow >> !from_ahead >>
                                   !(ws >> digit_char))[set_op]) >>
                          -(ws >> or_equal_words >> !(ws >> digit_char))[or_equal];

auto const set_dual = [](auto& ctx) {
  auto& q = x3::_val(ctx);
  q.object = x3::_attr(ctx);
  q.value = 2;
};
/// A dual noun standing alone counts two (خليتين إرهابيتين).
auto const dual_noun = (table<&T::object_dual> >> -lit(U'\u0627') >> eow)[set_dual];

/// نسبة 20، بنسبة 20 في المئة: a rate is a percentage
auto const percent_first =
    (x3::omit[table<&T::percent_pre>] >> eow >> ws >> amount[take_amount])[set_percent];

/// an amount, or two with a dash between (10-20، 20~100): read once either way
/// a noun naming what the bound bounds, between it and the number (لا يتجاوز مبلغ 875 مليون
/// دولار، لا يتعدى عددها 5 مصانع، قاربت مساحة 5380 كيلومترا)
auto const measure_noun = x3::omit[ws >> table<&T::measure_noun> >> eow];
auto const bounded_amount =
    -((table<&T::qualifier_pre> >> before_number >> -measure_noun)[set_op] >> -ws) >>
    amount[take_amount] >> -(range_dash >> amount[take_upper]);

}  // namespace quantity_detail

quantity_type const quantity = "quantity";

auto const quantity_def =
    with_conj(quantity_detail::absence_phrase |
              (quantity_detail::range_phrase >> quantity_detail::counted_tail) |
              (quantity_detail::percent_first >> quantity_detail::counted_tail) |
              (quantity_detail::bounded_amount >> quantity_detail::counted_tail) |
              quantity_detail::dual_noun);

BOOST_SPIRIT_DEFINE(quantity)

counted_noun_type const counted_noun = "counted noun";
auto const counted_noun_def = quantity_detail::object_cl;
BOOST_SPIRIT_DEFINE(counted_noun)

}  // namespace claimcheck::ar
