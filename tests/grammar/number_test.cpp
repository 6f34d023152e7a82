// Arabic numbers: every value 1–999 spelled out in several grammatical forms by an
// independent spell-out oracle, thousands and millions, digits with every separator,
// mixed digits and words, fractions, and words that must not parse as numbers.
#include <cmath>
#include <string>
#include <vector>

#include "grammar/language.hpp"
#include "tests/support.hpp"

using namespace claimcheck;
using claimcheck::test::arabic;
using claimcheck::test::lexicon;
using claimcheck::test::norm;

namespace {

enum class Case { nominative, oblique };  // oblique: accusative and genitive share forms here
enum class Gender { masculine, feminine };

std::string unit_word(int n, Gender g) {
  static const char* masc[] = {"",    "واحد", "اثنان",  "ثلاثة", "أربعة", "خمسة",
                               "ستة", "سبعة", "ثمانية", "تسعة",  "عشرة"};
  static const char* fem[] = {"",   "واحدة", "اثنتان", "ثلاث", "أربع", "خمس",
                              "ست", "سبع",   "ثماني",  "تسع",  "عشر"};
  return g == Gender::masculine ? masc[n] : fem[n];
}

std::string two(Case c, Gender g) {
  if (g == Gender::masculine) return c == Case::nominative ? "اثنان" : "اثنين";
  return c == Case::nominative ? "اثنتان" : "اثنتين";
}

std::string ten_word(int tens, Case c) {
  static const char* stem[] = {"", "", "عشر", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثمان", "تسع"};
  return std::string(stem[tens]) + (c == Case::nominative ? "ون" : "ين");
}

/// 1–99 spelled out in Modern Standard Arabic.
std::string below100(int n, Case c, Gender g) {
  if (n <= 10) return n == 2 ? two(c, g) : unit_word(n, g);
  if (n < 20) {
    std::string ten = g == Gender::masculine ? "عشر" : "عشرة";
    if (n == 11) return (g == Gender::masculine ? "أحد " : "إحدى ") + ten;
    if (n == 12) {
      if (g == Gender::masculine) return (c == Case::nominative ? "اثنا " : "اثني ") + ten;
      return (c == Case::nominative ? "اثنتا " : "اثنتي ") + ten;
    }
    return unit_word(n - 10, g) + " " + ten;
  }
  int u = n % 10, t = n / 10;
  if (u == 0) return ten_word(t, c);
  std::string unit = u == 2   ? two(c, g)
                     : u == 1 ? (g == Gender::masculine ? "واحد" : "إحدى")
                              : unit_word(u, g);
  return unit + " و" + ten_word(t, c);
}

std::string hundreds_word(int h, Case c, bool maa) {
  std::string mia = maa ? "مائة" : "مئة";
  if (h == 1) return mia;
  if (h == 2) return (maa ? "مائت" : "مئت") + std::string(c == Case::nominative ? "ان" : "ين");
  static const char* stem[] = {"", "", "", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثمان", "تسع"};
  return stem[h] + mia;
}

std::string below1000(int n, Case c, Gender g, bool maa) {
  if (n < 100) return below100(n, c, g);
  std::string s = hundreds_word(n / 100, c, maa);
  if (n % 100) s += " و" + below100(n % 100, c, g);
  return s;
}

/// 1–999,999 (thousands counted with the masculine forms used before ألف).
std::string spell(int n, Case c, Gender g, bool maa = false) {
  if (n < 1000) return below1000(n, c, g, maa);
  int th = n / 1000, rest = n % 1000;
  std::string s;
  if (th == 1)
    s = "ألف";
  else if (th == 2)
    s = c == Case::nominative ? "ألفان" : "ألفين";
  else if (th <= 10)
    s = below100(th, c, Gender::masculine) + " آلاف";
  else {
    int tail = th % 100;
    s = below1000(th, c, Gender::masculine, maa) + (tail >= 11  ? " ألفا"
                                                    : tail >= 3 ? " آلاف"
                                                                : " ألف");
  }
  if (rest) s += " و" + below1000(rest, c, g, maa);
  return s;
}

void check_number(const std::string& text, double expected) {
  std::string shown = text;
  CAPTURE(shown);
  auto v = arabic().parse_number(lexicon(), norm(text));
  REQUIRE(v.has_value());
  CHECK(*v == doctest::Approx(expected));
}

}  // namespace

TEST_CASE("every number 1-999 in words, both genders, both cases, both spellings of مئة") {
  int checked = 0;
  for (int n = 1; n <= 999; ++n)
    for (Case c : {Case::nominative, Case::oblique})
      for (Gender g : {Gender::masculine, Gender::feminine})
        for (bool maa : {false, true}) {
          if (maa && n < 100) continue;
          check_number(spell(n, c, g, maa), n);
          ++checked;
        }
  CHECK(checked > 5000);
}

TEST_CASE("thousands in words") {
  for (int n : {1000,   2000,   3000,   5000,   10000, 11000, 12000, 20000, 25000, 99000,  100000,
                150000, 200000, 300000, 999000, 1500,  2500,  3250,  10001, 12345, 123456, 999999})
    for (Case c : {Case::nominative, Case::oblique})
      check_number(spell(n, c, Gender::masculine), n);
}

TEST_CASE("hand-written number words: constructs, duals, scales, fractions, Egyptian forms") {
  struct Row {
    const char* text;
    double value;
  };
  const Row rows[] = {
      {"مئتي", 200},
      {"مائتي", 200},
      {"مئتا", 200},
      {"ثلاث مئة", 300},
      {"ثلاثمائة", 300},
      {"خمسة وخمسين", 55},
      {"إحدى عشرة", 11},
      {"ثلاث عشرة", 13},
      {"مليون", 1e6},
      {"مليونان", 2e6},
      {"مليونين", 2e6},
      {"ثلاثة ملايين", 3e6},
      {"عشرة ملايين", 1e7},
      {"مليار", 1e9},
      {"ملياران", 2e9},
      {"خمسة مليارات", 5e9},
      {"مئة ألف", 1e5},
      {"مائة ألف", 1e5},
      {"نصف مليون", 5e5},
      {"ربع مليون", 2.5e5},
      {"مليون ونصف", 1.5e6},
      {"ثلاثة ونصف", 3.5},
      {"ألفان وخمسمائة", 2500},
      {"ألف وخمسمئة", 1500},
      {"حداشر", 11},
      {"اتناشر", 12},
      {"تلتمية", 300},
      {"ميتين", 200},
      {"عشرون ألفًا", 20000},
      {"خمسون ألف", 50000},
      {"مليون ومئتا ألف", 1.2e6},
      {"ثَلاثَةُ آلافٍ", 3000},
      {"أربعمئة", 400},
      {"ثمانمائة", 800},
      {"تسعمئة وتسعة وتسعون", 999},
      {"صفر", 0},
  };
  for (const auto& r : rows) check_number(r.text, r.value);
}

TEST_CASE(
    "digits: ASCII, Arabic-Indic, Extended Arabic-Indic, separators, mixed with scale words") {
  struct Row {
    const char* text;
    double value;
  };
  const Row rows[] = {
      {"200", 200},          {"٢٠٠", 200},       {"۲۰۰", 200},      {"1,500", 1500},
      {"1,500,000", 1.5e6},  {"١٬٥٠٠", 1500},    {"2.5", 2.5},      {"٢٫٥", 2.5},
      {"3 ملايين", 3e6},     {"٣ ملايين", 3e6},  {"50 ألف", 50000}, {"1.5 مليون", 1.5e6},
      {"100 الف", 100000},   {"10 آلاف", 10000}, {"2 مليار", 2e9},  {"0", 0},
      {"12,345.5", 12345.5}, {"٠٫٥", 0.5},       {"7", 7},          {"99", 99},
  };
  for (const auto& r : rows) check_number(r.text, r.value);
}

TEST_CASE("a comma before other than three digits is a decimal comma, before three, thousands") {
  CHECK(arabic().parse_number(lexicon(), norm("1,50")) == 1.5);  // Maghreb and much Arabic print
  CHECK(arabic().parse_number(lexicon(), norm("٤,٨")) == doctest::Approx(4.8));
  CHECK(arabic().parse_number(lexicon(), norm("1,500")) == 1500);
  CHECK(arabic().parse_number(lexicon(), norm("١،٢٣٤،٥٦٧")) == 1234567);  // Arabic comma
  CHECK(arabic().parse_number(lexicon(), norm("12,220.5")) == 12220.5);
  // the Arabic comma before one or two final digits is decimal (بنسبة 0،54%)
  CHECK(arabic().parse_number(lexicon(), norm("0،54")) == doctest::Approx(0.54));
  CHECK(arabic().parse_number(lexicon(), norm("1،78 مليار")) == doctest::Approx(1.78e9));
  CHECK_FALSE(arabic().parse_number(lexicon(), norm("1،2،3")).has_value());  // a list
}

TEST_CASE("a smaller scaled term may follow without و, parts of a whole") {
  CHECK(arabic().parse_number(lexicon(), norm("4 ملايين 300 ألف")) == 4300000);
  CHECK(arabic().parse_number(lexicon(), norm("٤ آلاف ٣ مائة و ٢١")) == 4321);
  CHECK(arabic().parse_number(lexicon(), norm("ثلاثة أخماس")) == doctest::Approx(0.6));
  CHECK(arabic().parse_number(lexicon(), norm("عشرون وثلاثة أخماس")) == doctest::Approx(20.6));
  CHECK(arabic().parse_number(lexicon(), norm("12،220,13")) == doctest::Approx(12220.13));
  CHECK_FALSE(
      arabic().parse_number(lexicon(), norm("300 ألف 4 ملايين")).has_value());     // not smaller
  CHECK_FALSE(arabic().parse_number(lexicon(), norm("192.168.1.2")).has_value());  // an address
}

TEST_CASE("not numbers, or not whole numbers: the parse must fail") {
  for (const char* text :
       {"خلية", "عشرات", "ستين خلية", "الاف", "ثلاثةوخمسة", "12abc", "G20", "مئات", "سنة", "الثالث",
        "واحدي", "خمسه وخمسة", "1,500,00", "مليوني خلية", "1234567890123456",
        "9999999999999999999999999999999999999999"}) {
    std::string shown = text;
    CAPTURE(shown);
    CHECK_FALSE(arabic().parse_number(lexicon(), norm(text)).has_value());
  }
}
