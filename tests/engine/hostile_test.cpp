// Hostile input, each case with the exact outcome: invalid and overlong UTF-8, lone
// surrogates, 10,000 nested quotes, a 1 MB number and a 400-digit one (out of range: not a
// figure, never wrapped), right-to-left overrides and zero-width joiners inside words,
// mixed scripts, and a rule file of 100,000 rules. The 200 MB line is a CTest script
// (tests/hostile/long-line.sh), as are the fuzz targets (tests/fuzz).
#include <chrono>
#include <sstream>

#include "engine/document.hpp"
#include "engine/extract.hpp"
#include "engine/report.hpp"
#include "engine/rules/evaluate.hpp"
#include "engine/rules/parser.hpp"
#include "tests/support.hpp"

using namespace claimcheck;
using namespace std::string_literals;

namespace {
using test::input_error;

std::vector<Fact> facts_of(const std::string& text) {
  return extract_facts(test::lexicon(), parse_document(text, "in.txt", "A"));
}

/// "12 persons arrested in 2020 by Morocco" and nothing else.
void check_the_arrests(const std::vector<Fact>& facts) {
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].subject == "MA");
  CHECK(facts[0].predicate == "arrest");
  CHECK(facts[0].quantity->value == 12);
  CHECK(facts[0].time->from_iso() == "2020");
}
}  // namespace

TEST_CASE("invalid UTF-8 of every kind is refused with its byte offset") {
  CHECK(input_error("ab\xC0\xAF") ==
        "in.txt: byte 2: invalid UTF-8: overlong encoding (lead byte 0xC0/0xC1)");
  CHECK(input_error("ab\xE0\x80\xAF") == "in.txt: byte 2: invalid UTF-8: overlong encoding");
  CHECK(input_error("ab\xF0\x80\x80\xAF") == "in.txt: byte 2: invalid UTF-8: overlong encoding");
  CHECK(input_error("x\xED\xA0\x80y") ==
        "in.txt: byte 1: invalid UTF-8: encoded surrogate code point");
  CHECK(input_error("x\xED\xBF\xBF") ==
        "in.txt: byte 1: invalid UTF-8: encoded surrogate code point");
  CHECK(input_error("\xF4\x90\x80\x80") ==
        "in.txt: byte 0: invalid UTF-8: code point above U+10FFFF");
  CHECK(input_error("abc\x80") == "in.txt: byte 3: invalid UTF-8: unexpected continuation byte");
  CHECK(input_error("abc\xE2\x82") ==
        "in.txt: byte 3: invalid UTF-8: truncated multi-byte sequence");
  CHECK(input_error("a\xE2(b") == "in.txt: byte 2: invalid UTF-8: expected a continuation byte");
  CHECK(input_error("\xFF") == "in.txt: byte 0: invalid UTF-8: invalid lead byte");
  CHECK(input_error("a\0b"s) == "in.txt: byte 1: binary data (NUL byte), expected UTF-8 text");
}

TEST_CASE("10,000 nested quotes: the claim inside is found, nothing overflows") {
  std::string open, close;
  for (int i = 0; i < 10000; ++i) open += "«\"", close += "\"»";
  check_the_arrests(facts_of(open + "اعتقلت الشرطة المغربية 12 شخصا عام 2020." + close + "\n"));
}

TEST_CASE("numbers too long to be figures are not read, never wrapped") {
  // 400 digits before a counted noun: out of range, so no figure (and no wrapped value)
  auto facts = facts_of("اعتقلت الشرطة المغربية " + std::string(400, '9') + " شخصا عام 2020.\n");
  for (const auto& f : facts) CHECK_FALSE(f.quantity);
  // a 1 MB number in the middle of an article: the claims around it are still found
  auto start = std::chrono::steady_clock::now();
  auto big = facts_of("اعتقلت الشرطة المغربية 12 شخصا عام 2020.\n" + std::string(1 << 20, '7') +
                      "\nاعتقلت الشرطة المغربية 12 شخصا عام 2020.\n");
  CHECK(big.size() == 2);
  // linear, not quadratic, in the length of the run (a generous bound, not a benchmark)
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(60));
  // 15 digits is the most a figure has
  auto most = facts_of("اعتقلت الشرطة المغربية 123456789012345 شخصا عام 2020.\n");
  REQUIRE(most.size() == 1);
  CHECK(most[0].quantity->value == 123456789012345.0);
}

TEST_CASE("bidi controls and zero-width joiners inside words change nothing") {
  const std::string rlo = "\u202E", lro = "\u202D", pdf = "\u202C", zwj = "\u200D", zwnj = "\u200C",
                    rli = "\u2067", pdi = "\u2069";
  check_the_arrests(
      facts_of(rlo + "اعتقلت الشرطة المغربية " + lro + "12" + pdf + " شخصا عام 2020." + "\n"));
  check_the_arrests(facts_of("اعت" + zwj + "قلت الشر" + zwnj + "طة المغربية 1" + zwj + "2 شخ" +
                             zwnj + "صا عام " + rli + "2020" + pdi + ".\n"));
}

TEST_CASE("mixed scripts around a claim leave it intact") {
  check_the_arrests(
      facts_of("Reuters: اعتقلت الشرطة المغربية 12 شخصا عام 2020 (AFP, «Рейтер», 路透社).\n"));
}

TEST_CASE("a rule file of 100,000 rules loads, checks and runs") {
  std::string text;
  for (int i = 0; i < 100000; ++i)
    text += "rule r" + std::to_string(i) +
            "\n  about count\n  join subject, predicate, object, time\n  when "
            "disjoint(a.quantity, b.quantity)\n  verdict contradicts\n  explain \"{a.quantity} "
            "against {b.quantity}\"\n\n";
  std::vector<Diagnostic> errors;
  auto file = rules::parse_rules("many.rules", text, errors);
  REQUIRE(errors.empty());
  CHECK(file.rules.size() == 100000);
  rules::check_rules(file, test::lexicon(), errors);
  CHECK(errors.empty());
  auto a = facts_of("اعتقلت الشرطة المغربية 12 شخصا عام 2020.\n");
  auto b = extract_facts(
      test::lexicon(), parse_document("اعتقلت الشرطة المغربية 40 شخصا عام 2020.\n", "b.txt", "B"));
  a.insert(a.end(), b.begin(), b.end());
  Document da, db;
  da.id = "A", db.id = "B";
  auto findings = rules::evaluate({file}, {da, db}, a, test::lexicon());
  CHECK(findings.size() == 100000);  // one contradiction per rule
}
