// Shared X3 machinery, part 2: parsers every grammar uses over normalised code points —
// word boundaries, ASCII digits (after normalisation every digit is ASCII), decimal and
// integer numbers with thousands separators, code-point literals, and lookups in the
// lexicon's symbol tables through the parse context.
#pragma once

#include "grammar/text.hpp"
#include "grammar/x3/encoding.hpp"

namespace claimcheck::x3s {

/// A parsed double as an int without undefined behaviour: beyond ±1e9 it saturates and
/// NaN becomes 0, values no range check of the grammar accepts (x == clamp_int(x) stays
/// false for them).
inline int clamp_int(double v) {
  if (!(v == v)) return 0;
  if (v > 1e9) return 1000000000;
  if (v < -1e9) return -1000000000;
  return static_cast<int>(v);
}

/// The class a pointer to member belongs to.
template <typename P>
struct member_class;
template <typename C, typename M>
struct member_class<M C::*> {
  using type = C;
};

/// Matches one of a grammar's symbol tables, taken from the parse context under `Tag`:
/// the tables are built at run time from the lexicon's forms, so a grammar's rules are
/// compiled once and read whatever forms are loaded.
template <typename Tag, auto Member>
struct table_parser : x3::parser<table_parser<Tag, Member>> {
  using tables_type = typename member_class<decltype(Member)>::type;
  using table_type = std::remove_reference_t<decltype(std::declval<tables_type>().*Member)>;
  using attribute_type = typename table_type::attribute_type;
  static bool const has_attribute = true;

  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
    tables_type const& tables = x3::get<Tag>(ctx);
    return (tables.*Member).parse(first, last, ctx, x3::unused, attr);
  }
};

/// One code point that belongs inside a word (letter or digit of any script).
struct word_char_parser : x3::parser<word_char_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr&) const {
    if (first == last || !is_word_char(*first)) return false;
    ++first;
    return true;
  }
};
inline constexpr word_char_parser word_char{};
/// End of word: the next code point is not a letter or digit.
inline constexpr auto eow = !word_char;

/// One ASCII digit (after normalisation, every digit is ASCII).
struct digit_char_parser : x3::parser<digit_char_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr&) const {
    if (first == last || *first < U'0' || *first > U'9') return false;
    ++first;
    return true;
  }
};
inline constexpr digit_char_parser digit_char{};

/// A run of ASCII digits with optional thousands separators (, ٬ ، before exactly three
/// digits) and a decimal part (. ٫, or a comma before other than three digits: 4,8 and
/// ٠,٠٨ as written across the Maghreb and in much Arabic print; the Arabic comma before one
/// or two final digits: 0،54), read as a value. Never matches
/// inside a longer digit run. More than 15 digits before the decimal point is not a figure (an
/// identifier, a phone number) and does not match: a double would not hold it exactly. Letters
/// right after the digits (G20, 12abc) make it no number, unless `Glued` (250مل, 43c: a unit
/// written against its number).
template <bool Glued>
struct decimal_parser : x3::parser<decimal_parser<Glued>> {
  using attribute_type = double;
  static bool const has_attribute = true;
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr& attr) const {
    auto digit = [](char32_t c) { return c >= U'0' && c <= U'9'; };
    It i = first;
    if (i == last || !digit(*i)) return false;
    double value = 0;
    int lead = 0;
    while (i != last && digit(*i)) value = value * 10 + (*i++ - U'0'), ++lead;
    // thousands groups: separator followed by exactly three digits
    int groups = 0;
    char32_t group_sep = 0;
    while (i != last && (*i == U',' || *i == U'\u066C' || *i == U'\u060C') &&
           (group_sep == 0 || *i == group_sep) && lead <= 3) {
      It j = i + 1;
      int n = 0;
      double group = 0;
      while (j != last && digit(*j) && n < 4) group = group * 10 + (*j++ - U'0'), ++n;
      if (n != 3) break;
      value = value * 1000 + group;
      group_sep = *i;
      i = j;
      ++groups;
    }
    // a comma is decimal when no comma grouped the thousands (12،220,13 = 12220.13); the
    // Arabic comma too before one or two digits that end the number (بنسبة 0،54%، 1،78
    // مليار), unless another follows (a list: 1،2،3)
    auto arabic_decimal = [&] {
      if (groups > 0 || i == last || *i != U'\u060C') return false;
      It j = i + 1;
      int n = 0;
      while (j != last && digit(*j)) ++j, ++n;
      return n >= 1 && n <= 2 &&
             !(j != last && *j == U'\u060C' && j + 1 != last && digit(*(j + 1)));
    };
    const bool decimal_comma =
        (group_sep != U',' && i != last && *i == U',' && i + 1 != last && digit(*(i + 1))) ||
        arabic_decimal();
    if (i != last && (*i == U'.' || *i == U'\u066B' || decimal_comma) && i + 1 != last &&
        digit(*(i + 1))) {
      It j = i + 1;
      double scale = 0.1, fraction = 0;
      while (j != last && digit(*j)) fraction += (*j++ - U'0') * scale, scale /= 10;
      // 192.168.1.2 (an address, a version) is no decimal: its first part is read alone
      if (!(j != last && (*j == U'.' || *j == U'\u066B') && j + 1 != last && digit(*(j + 1))))
        value += fraction, i = j;
    }
    if (i != last && (digit(*i) || (!Glued && is_word_char(*i)))) return false;  // 12abc
    if (lead > 15 || value >= 1e15) return false;
    first = i;
    x3::traits::move_to(value, attr);
    return true;
  }
};
inline constexpr decimal_parser<false> decimal{};
inline constexpr decimal_parser<true> glued_decimal{};

/// A bare unsigned integer of `min`–`max` digits, not followed by another digit.
template <int Min, int Max>
struct integer_parser : x3::parser<integer_parser<Min, Max>> {
  using attribute_type = int;
  static bool const has_attribute = true;
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr& attr) const {
    It i = first;
    int value = 0, n = 0;
    while (i != last && *i >= U'0' && *i <= U'9' && n <= Max)
      value = value * 10 + (*i++ - U'0'), ++n;
    if (n < Min || n > Max) return false;
    if (i != last && (*i >= U'0' && *i <= U'9')) return false;
    first = i;
    x3::traits::move_to(value, attr);
    return true;
  }
};
inline constexpr integer_parser<4, 4> year_digits{};
inline constexpr integer_parser<1, 2> day_digits{};

/// One literal code point (X3's char literals do not take char32_t).
struct char_literal : x3::parser<char_literal> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  char32_t ch;
  constexpr explicit char_literal(char32_t c) : ch(c) {}
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr&) const {
    if (first == last || *first != ch) return false;
    ++first;
    return true;
  }
};

constexpr auto lit(char32_t c) {
  return char_literal(c);
}
/// A literal run of code points, compared one by one (X3's own literal_string goes
/// through its encoding's case machinery, a cost on the hot path of every word).
struct string_literal : x3::parser<string_literal> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  char32_t const* str;
  constexpr explicit string_literal(char32_t const* s) : str(s) {}
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const&, RCtx&, Attr&) const {
    It i = first;
    for (char32_t const* c = str; *c; ++c, ++i)
      if (i == last || *i != *c) return false;
    first = i;
    return true;
  }
};

constexpr auto lit(char32_t const* s) {
  return string_literal(s);
}

/// One space (normalised text has single spaces).
inline constexpr auto ws = lit(U' ');
/// Where a qualifier ends: the end of a word, or a number right after it (>10، <=5).
inline constexpr auto before_number = eow | &digit_char | &lit(U'-');

/// Runs `rule` at `first` with `tables` in the context under `Tag`.
template <typename Tag, typename Tables, typename Rule, typename Attr>
bool parse_with(Tables const& tables, Rule const& rule, iterator_type& first, iterator_type last,
                Attr& attr) {
  x3::context<Tag, Tables const> ctx(tables);
  return rule.parse(first, last, ctx, x3::unused, attr);
}

}  // namespace claimcheck::x3s
