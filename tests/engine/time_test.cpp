// The one time model: points at their precision, spans with inclusive ends, the one
// resolver, and parse and facts agreeing on every time expression here.
#include <cmath>

#include "engine/document.hpp"
#include "engine/extract.hpp"
#include "engine/parse.hpp"
#include "engine/time/span.hpp"
#include "tests/support.hpp"

using namespace claimcheck;
using claimcheck::test::lexicon;

TEST_CASE("time points: ISO both ways, stepping at their precision") {
  for (const char* s : {"2021", "2021-03", "2021-03-09", "2021-03-09T14:05:00"}) {
    auto p = TimePoint::parse(s);
    REQUIRE(p);
    CHECK(p->iso() == s);
    CHECK(p->next().prev() == *p);
  }
  CHECK(TimePoint::parse("2021-03-09T14:05")->iso() == "2021-03-09T14:05:00");
  CHECK(TimePoint::parse("2020-12")->next().iso() == "2021-01");
  CHECK(TimePoint::parse("2020-02-28")->next().iso() == "2020-02-29");
  CHECK(TimePoint::parse("2021-01-01")->prev().iso() == "2020-12-31");
  CHECK(TimePoint::parse("2021-03-09T23:59")->next().iso() == "2021-03-10T00:00:00");
  CHECK(TimePoint::parse("2021-03-09T23:59:59")->next().iso() == "2021-03-10T00:00:00");
  CHECK(TimePoint::parse("2021")->end_day() - TimePoint::parse("2021")->first_day() == 365);
  for (const char* bad : {"", "21", "2021-13", "2021-02-30", "2021-03-09X", "abcd"})
    CHECK_FALSE(TimePoint::parse(bad));
}

TEST_CASE("time spans: days covered, ends written, whole months and years coarsened") {
  TimeSpan in2021{SpanOp::in, TimePoint::parse("2021"), TimePoint::parse("2021"), "year", false,
                  {}};
  CHECK(in2021.from_iso() == "2021");
  CHECK(in2021.to_iso() == "");  // a single period writes no end
  CHECK(in2021.days().second - in2021.days().first == 365);
  TimeSpan since{SpanOp::since, TimePoint::parse("2002"), std::nullopt, "year", false, {}};
  CHECK(std::isinf(since.days().second));
  TimeSpan quarter{
      SpanOp::in, TimePoint::parse("2017-01-01"), TimePoint::parse("2017-03-31"), "quarter", false,
      {}};
  auto q = quarter.coarsened();
  CHECK(q.from_iso() == "2017-01");
  CHECK(q.to_iso() == "2017-03");
  CHECK(q.days() == quarter.days());
  TimeSpan year{
      SpanOp::in, TimePoint::parse("2013-01-01"), TimePoint::parse("2013-12-31"), "year", false,
      {}};
  CHECK(year.coarsened().from_iso() == "2013");
  CHECK(year.coarsened().to_iso() == "");
  TimeSpan clock{SpanOp::in, TimePoint::parse("2013-02-12T19:00:00"), std::nullopt, "hour", false,
                 {}};
  CHECK(clock.coarsened().from_iso() == "2013-02-12");
  CHECK(span_op("as_of") == SpanOp::as_of);
  CHECK_FALSE(span_op("during"));
}

namespace {
/// The days parse gives an expression, against a reference: [from, to) with open ends
/// infinite.
std::pair<double, double> parse_days(const std::string& text, const std::string& reference) {
  ParseOptions options;
  options.reference = reference;
  options.dims = {"time"};
  auto values = parse_values(lexicon(), text, options);
  REQUIRE_MESSAGE(values.size() == 1, text);
  const auto& v = values[0];
  double lo = -INFINITY, hi = INFINITY;
  if (!v.from.empty()) lo = static_cast<double>(TimePoint::parse(v.from)->first_day());
  if (!v.to.empty()) hi = static_cast<double>(TimePoint::parse(v.to)->first_day());
  if (v.to.empty() && !v.from.empty() && v.piece.time.op == TimeOp::in)
    hi = static_cast<double>(TimePoint::parse(v.from)->end_day());
  return {lo, hi};
}
}  // namespace

TEST_CASE("parse and facts agree on every time expression") {
  // (a date after every day named: a day still to come dates no figure, extract_test.cpp)
  const std::string date = "2022-06-01";
  for (const char* expr :
       {"عام 2021", "في 2021", "منذ عام 2002", "حتى 2020", "بين عامي 2015 و2020", "مارس 2021",
        "9 مارس 2021", "العام الماضي", "العام المقبل", "أمس", "الشهر الماضي",
        "الربع الأول من عام 2017", "الربع الثالث من عام 2016", "أواخر عام 2011", "في صيف عام 2016",
        "من 4 مايو 2011 حتى 30 إبريل 2012", "منذ مطلع العام الجاري"}) {
    const std::string text = expr;
    CAPTURE(text);
    auto doc = parse_document(
        std::string("---\ndate: ") + date + "\n---\nاعتقلت الشرطة 12 شخصا " + expr + ".\n", "t.txt",
        "A");
    auto facts = extract_facts(lexicon(), doc);
    REQUIRE(facts.size() == 1);
    REQUIRE(facts[0].time);
    CHECK(facts[0].time->days() == parse_days(expr, date));
  }
}

TEST_CASE("a fact's time: a quarter of a year is its three months") {
  auto doc = parse_document(
      "---\ndate: 2017-06-01\n---\nاعتقلت الشرطة 12 شخصا خلال الربع الأول من عام 2017.\n", "q.txt",
      "A");
  auto facts = extract_facts(lexicon(), doc);
  REQUIRE(facts.size() == 1);
  REQUIRE(facts[0].time);
  CHECK(facts[0].time->op == SpanOp::in);
  CHECK(facts[0].time->from_iso() == "2017-01");
  CHECK(facts[0].time->to_iso() == "2017-03");
  // without a document date the quarter still resolves: the text dates it
  doc = parse_document("اعتقلت الشرطة 12 شخصا خلال الربع الأول من عام 2017.\n", "q.txt", "A");
  facts = extract_facts(lexicon(), doc);
  REQUIRE(facts.size() == 1);
  REQUIRE(facts[0].time);
  CHECK(facts[0].time->from_iso() == "2017-01");
  // a weekday without its date, and a relative week, give the fact no time
  doc = parse_document("---\ndate: 2013-02-20\n---\nقتل 3 أشخاص الأسبوع الماضي.\n", "w.txt", "A");
  facts = extract_facts(lexicon(), doc);
  REQUIRE(facts.size() == 1);
  CHECK_FALSE(facts[0].time);
}
