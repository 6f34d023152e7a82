// Definition of the Arabic time rule: years after a year word or a cue (عام 2021، في
// 2021، منذ عام 2002، حتى 2020), ranges (بين عامي 2015 و2020، من 2015 إلى 2020،
// 2015-2020), dates with either month-name system (9 مارس 2021، 9 آذار/مارس 2021،
// 09/03/2021، 2021-03-09), months (مارس 2021) and relative expressions (العام الماضي).
#pragma once

#include <boost/fusion/include/at_c.hpp>

#include "grammar/ar/rules.hpp"

namespace claimcheck::ar {
namespace time_detail {

using boost::fusion::at_c;
using T = Tables;

struct DateAst {
  int y = 0, m = 0, d = 0;
};

auto const year_kw =
    x3::omit[(table<&T::year_word> >> eow) | (prep >> table<&T::year_word> >> eow)] >> ws;
auto const month_word = lit(U"\u0634\u0647\u0631") >> ws;  // شهر before a month name
auto const month_w = -month_word >> table<&T::month> >> eow >>
                     -(-ws >> lit(U'/') >> -ws >> x3::omit[table<&T::month>] >> eow);
auto const object_ahead = ws >> x3::omit[table<&T::object>];

/// A year standing without a year word: 1900–2100 and not the count of a noun after it.
auto const plausible_year = [](auto& ctx) {
  int y = x3::_attr(ctx);
  x3::_pass(ctx) = y >= 1900 && y <= 2100;
  x3::_val(ctx) = y;
};
x3::rule<class bare_year_class, int> const bare_year = "year";
auto const bare_year_def = year_digits[plausible_year] >> !object_ahead;

x3::rule<class date_class, DateAst> const date = "date";
x3::rule<class point_class, DateAst> const point = "time point";

auto const sep = lit(U'/') | lit(U'-') | lit(U'.');
auto const dmy = [](auto& ctx) {
  auto& a = x3::_attr(ctx);
  DateAst d{at_c<2>(a), at_c<1>(a), at_c<0>(a)};
  x3::_pass(ctx) = d.d >= 1 && d.d <= 31 && d.m >= 1 && d.m <= 12;
  x3::_val(ctx) = d;
};
auto const ymd = [](auto& ctx) {
  auto& a = x3::_attr(ctx);
  DateAst d{at_c<0>(a), at_c<1>(a), at_c<2>(a)};
  x3::_pass(ctx) = d.d >= 1 && d.d <= 31 && d.m >= 1 && d.m <= 12;
  x3::_val(ctx) = d;
};
auto const day_month_year = [](auto& ctx) {  // 9 مارس 2021
  auto& a = x3::_attr(ctx);
  DateAst d{at_c<2>(a), at_c<1>(a), at_c<0>(a)};
  x3::_pass(ctx) = d.d >= 1 && d.d <= 31;
  x3::_val(ctx) = d;
};
auto const day_month = [](auto& ctx) {  // 9 مارس (year from the document date)
  auto& a = x3::_attr(ctx);
  DateAst d{0, at_c<1>(a), at_c<0>(a)};
  x3::_pass(ctx) = d.d >= 1 && d.d <= 31;
  x3::_val(ctx) = d;
};
auto const month_year = [](auto& ctx) {
  auto& a = x3::_attr(ctx);
  x3::_val(ctx) = DateAst{at_c<1>(a), at_c<0>(a), 0};
};
auto const year_only = [](auto& ctx) { x3::_val(ctx) = DateAst{x3::_attr(ctx), 0, 0}; };
auto const copy_date = [](auto& ctx) { x3::_val(ctx) = x3::_attr(ctx); };

auto const date_def =
    (day_digits >> ws >> month_w >> ws >> -year_kw >> year_digits)[day_month_year] |
    (day_digits >> sep >> day_digits >> sep >> year_digits)[dmy] |
    (year_digits >> sep >> day_digits >> sep >> day_digits)[ymd] |
    (month_w >> ws >> -year_kw >> year_digits)[month_year] |
    (day_digits >> ws >> month_w)[day_month];

auto const point_def = date[copy_date] | (year_kw >> year_digits)[year_only] | bare_year[year_only];

BOOST_SPIRIT_DEFINE(bare_year, date, point)

auto const set_point = [](int op) {
  return [op](auto& ctx) {
    DateAst const& d = x3::_attr(ctx);
    auto& t = x3::_val(ctx);
    t.op = op;
    t.y1 = d.y, t.m1 = d.m, t.d1 = d.d;
  };
};
auto const set_range = [](auto& ctx) {
  auto& a = x3::_attr(ctx);
  auto& t = x3::_val(ctx);
  t.op = t_between;
  t.y1 = at_c<0>(a);
  t.y2 = at_c<1>(a);
  x3::_pass(ctx) = t.y1 < t.y2;
};
auto const set_relative_op = [](int op) {
  return [op](auto& ctx) {
    auto& t = x3::_val(ctx);
    t.op = op;
    t.relative = x3::_attr(ctx);
  };
};
/// "the start of" before a relative point (منذ مطلع العام الجاري).
auto const start = -(x3::omit[table<&T::start_word>] >> eow >> ws);
auto const relative_w = table<&T::relative> >> eow;

auto const between_word =
    (lit(U"\u0645\u0627 \u0628\u064A\u0646") | lit(U"\u0628\u064A\u0646")) >> eow;  // (ما) بين
auto const from_word = lit(U"\u0645\u0646") >> eow;                                 // من
auto const to_word = (lit(U"\u0627\u0644\u064A") | lit(U"\u062D\u062A\u064A")) >> eow;  // الي، حتي
auto const year4 = -year_kw >> year_digits;
auto const dash = -ws >> (lit(U'-') | lit(U'\u2013')) >> -ws;

}  // namespace time_detail

time_type const time_expression = "time";

auto const time_expression_def =
    with_conj(((x3::omit[table<&Tables::since_cue>] >> eow >> ws) >>
               time_detail::point)[time_detail::set_point(t_since)] |
              ((x3::omit[table<&Tables::until_cue>] >> eow >> ws) >>
               time_detail::point)[time_detail::set_point(t_until)] |
              (time_detail::between_word >> ws >> time_detail::year4 >> and_ >>
               time_detail::year4)[time_detail::set_range] |
              (time_detail::from_word >> ws >> time_detail::year4 >> ws >> time_detail::to_word >>
               ws >> time_detail::year4)[time_detail::set_range] |
              (year_digits >> time_detail::dash >> year_digits >> eow)[time_detail::set_range] |
              ((x3::omit[table<&Tables::in_cue>] >> eow >> ws) >>
               time_detail::point)[time_detail::set_point(t_in)] |
              time_detail::date[time_detail::set_point(t_in)] |
              (time_detail::year_kw >> year_digits)[([](auto& ctx) {
                auto& t = x3::_val(ctx);
                t.op = t_in;
                t.y1 = x3::_attr(ctx);
              })] |
              (x3::omit[table<&Tables::since_cue>] >> eow >> ws >> time_detail::start >>
               time_detail::relative_w)[time_detail::set_relative_op(t_since)] |
              (x3::omit[table<&Tables::until_cue>] >> eow >> ws >> time_detail::start >>
               time_detail::relative_w)[time_detail::set_relative_op(t_until)] |
              (x3::omit[table<&Tables::in_cue>] >> eow >> ws >> time_detail::start >>
               time_detail::relative_w)[time_detail::set_relative_op(t_in)] |
              time_detail::relative_w[time_detail::set_relative_op(t_in)]);

BOOST_SPIRIT_DEFINE(time_expression)

}  // namespace claimcheck::ar
