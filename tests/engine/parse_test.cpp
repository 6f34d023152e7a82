// `claimcheck parse` for times: the calendar arithmetic (tabular Hijri calendar, Easter,
// nth weekdays) against known dates, and what each kind of period, clock time and joined
// value resolves to against a fixed reference. Also what must stay something else than a
// time (a score, a country, a decimal, a fraction).
#include "engine/parse.hpp"

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "engine/calendar.hpp"
#include "tests/support.hpp"

using namespace claimcheck;
using claimcheck::test::lexicon;
using namespace std::chrono;

namespace {

std::string iso(sys_days d) {
  year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()),
                unsigned(ymd.day()));
  return buf;
}

/// The only time or duration value of `text`, against a Tuesday: 2013-02-12T04:30:00
/// (Duckling's reference time).
ParsedValue only_time(const std::string& text) {
  ParseOptions options;
  options.reference = "2013-02-12T04:30:00";
  options.dims = {"time", "duration"};
  auto values = parse_values(lexicon(), text, options);
  INFO(text);
  REQUIRE(values.size() == 1);
  return values.front();
}

struct Expect {
  std::string text;  ///< the input
  std::string kind;  ///< date, daterange, time, timerange
  std::string from, to;
  std::string value_text = "";  ///< the value's own text when it is not the whole input
};

void check_times(const std::vector<Expect>& cases) {
  for (const auto& c : cases) {
    ParsedValue v = only_time(c.text);
    INFO(c.text);
    CHECK(v.dim == "time");
    CHECK(v.kind == c.kind);
    CHECK(v.from == c.from);
    CHECK(v.to == c.to);
    CHECK(v.value_text == (c.value_text.empty() ? c.text : c.value_text));
  }
}

}  // namespace

TEST_CASE("the tabular Hijri calendar: its epoch, known new years and a round trip") {
  CHECK(iso(calendar::from_hijri(1, 1, 1)) == "0622-07-19");  // 16 July 622, Julian
  CHECK(iso(calendar::from_hijri(1400, 1, 1)) == "1979-11-21");
  CHECK(iso(calendar::from_hijri(1445, 9, 1)) == "2024-03-11");  // Ramadan 1445
  // the tabular calendar; the observed month began a day earlier (7 July), as it may
  CHECK(iso(calendar::from_hijri(1446, 1, 1)) == "2024-07-08");
  // every day of a century, there and back
  for (int y = 1400; y <= 1500; ++y)
    for (int m = 1; m <= 12; ++m)
      for (int d = 1; d <= 29; ++d) {
        auto back = calendar::to_hijri(calendar::from_hijri(y, m, d));
        if (back.year != y || back.month != m || back.day != d) {
          FAIL_CHECK(y << "-" << m << "-" << d << " came back as " << back.year << "-" << back.month
                       << "-" << back.day);
          return;
        }
      }
  // consecutive Gregorian days are consecutive Hijri days
  sys_days day = calendar::from_hijri(1440, 1, 1);
  for (int i = 0; i < 3000; ++i, day += days{1}) {
    auto a = calendar::to_hijri(day), b = calendar::to_hijri(day + days{1});
    CHECK((b.day == a.day + 1 || (b.day == 1 && (b.month == a.month % 12 + 1))));
  }
  CHECK(iso(calendar::hijri_month_in(2024, 9)) == "2024-03-11");
  CHECK(iso(calendar::hijri_day_in(2025, 10, 1)) == "2025-03-31");  // Eid al-Fitr 1446 (tabular)
}

TEST_CASE("Western Easter and nth weekdays") {
  CHECK(iso(calendar::easter(2000)) == "2000-04-23");
  CHECK(iso(calendar::easter(2019)) == "2019-04-21");
  CHECK(iso(calendar::easter(2024)) == "2024-03-31");
  CHECK(iso(calendar::easter(2025)) == "2025-04-20");
  CHECK(iso(calendar::easter(2026)) == "2026-04-05");
  CHECK(iso(calendar::nth_weekday(2026, 11, 4, 4)) == "2026-11-26");  // Thanksgiving
  CHECK(iso(calendar::nth_weekday(2026, 5, 1, -1)) == "2026-05-25");  // last Monday of May
  CHECK(iso(calendar::nth_weekday(2013, 6, 7, 3)) == "2013-06-16");   // third Sunday of June
}

TEST_CASE("named periods: holidays, Hijri months, seasons, decades") {
  check_times({
      {"عيد الميلاد", "date", "2013-12-25", "2013-12-26"},
      {"يوم الشكر", "date", "2013-11-28", "2013-11-29"},
      {"عيد الفصح 2025", "date", "2025-04-20", "2025-04-21"},
      {"عيد الفطر", "date", "2013-08-08", "2013-08-09"},        // the next one after the reference
      {"عيد الأضحى 2024", "date", "2024-06-17", "2024-06-18"},  // tabular; observed the 16th
      {"رمضان", "daterange", "2013-07-09", "2013-08-08"},
      {"رمضان 1445", "daterange", "2024-03-11", "2024-04-10"},
      {"العاشر من رمضان 1445", "date", "2024-03-20", "2024-03-21"},
      {"سأخرج في صفر", "daterange", "2013-12-05", "2014-01-03", "صفر"},
      {"صيف 2016", "daterange", "2016-06-01", "2016-09-01"},
      {"الربيع القادم", "daterange", "2013-03-01", "2013-06-01"},
      {"السبعينيات", "daterange", "1970-01-01", "1980-01-01"},
      {"في السبعينيات القرن التاسع عشر", "daterange", "1870-01-01", "1880-01-01",
       "السبعينيات القرن التاسع عشر"},
      {"العقد القادم", "daterange", "2020", "2030"},
  });
}

TEST_CASE("periods inside others, parts of periods and counts of units") {
  check_times({
      {"الربع الثالث من عام 2016", "daterange", "2016-07-01", "2016-10-01"},
      {"2016 الربع الثالث", "daterange", "2016-07-01", "2016-10-01"},
      {"الأسبوع الأخير من شهر يوليو", "daterange", "2013-07-25", "2013-08-01"},
      {"الأسبوع الأول من عام ألفين وسبعة وعشرين", "daterange", "2027-01-01", "2027-01-08"},
      {"عطلة نهاية الأسبوع", "daterange", "2013-02-16", "2013-02-18"},
      {"نهاية الأسبوع المقبل", "daterange", "2013-02-23", "2013-02-25"},
      {"بقية الشهر", "daterange", "2013-02-12", "2013-03-01"},
      {"أواخر العام المقبل", "daterange", "2014-09-02", "2015-01-01"},
      {"منتصف الصيف", "daterange", "2013-07-01", "2013-08-02"},  // its middle third
      {"آخر 3 سنوات", "daterange", "2010-01-01", "2013-01-01"},
      {"الأيام العديدة الماضية", "daterange", "2013-02-09", "2013-02-12"},
      {"الأسابيع الثلاثة القادمة", "daterange", "2013-02-18", "2013-03-11"},
      {"العقدين الماضيين", "daterange", "1990-01-01", "2010-01-01"},
      {"سأخرج في 3 أشهر", "daterange", "2013-03-01", "2013-06-01", "في 3 أشهر"},
  });
}

TEST_CASE("clock times, ranges of them and parts of the day") {
  check_times({
      {"7 مساء", "time", "2013-02-12T19:00:00", ""},
      {"الثامنة والنصف مساء", "time", "2013-02-12T20:30:00", ""},
      {"ثلاث دقائق حتى الثامنة", "time", "2013-02-12T07:57:00", ""},
      {"الثالثة إلا 20 دقيقة", "time", "2013-02-12T14:40:00", ""},
      {"340 مساء", "time", "2013-02-12T15:40:00", ""},
      {"بعد الظهر الساعة 7", "time", "2013-02-12T19:00:00", ""},
      {"من 5 إلى 6 مساء", "timerange", "2013-02-12T17:00:00", "2013-02-12T18:00:00"},
      {"بين الخامسة والسادسة مساء", "timerange", "2013-02-12T17:00:00", "2013-02-12T18:00:00"},
      {"4-5 مساء", "timerange", "2013-02-12T16:00:00", "2013-02-12T17:00:00"},
      {"من 3 صباحا حتى 5 مساء", "timerange", "2013-02-12T03:00:00", "2013-02-12T17:00:00"},
      {"في الصباح", "timerange", "2013-02-12T04:00:00", "2013-02-12T12:00:00"},
      {"في وقت متأخر من الليل", "timerange", "2013-02-12T21:00:00", "2013-02-13T00:00:00"},
      {"منتصف الليل", "time", "2013-02-13T00:00:00", ""},
      // after في a feminine ordinal is an hour (الساعة), a masculine one a day (اليوم)
      {"سأعود في السابعة", "time", "2013-02-12T07:00:00", "", "السابعة"},
      {"سأعود في السابعة وخمسة وثلاثين مساء", "time", "2013-02-12T19:35:00", "",
       "السابعة وخمسة وثلاثين مساء"},
      {"عدت في الثاني!", "date", "2013-02-02", "2013-02-03", "الثاني"},
  });
}

TEST_CASE("values written next to each other are one value") {
  check_times({
      {"الأربعاء ، 22 يناير", "date", "2013-01-22", "2013-01-23"},
      {"12 يناير من عام 2016", "date", "2016-01-12", "2016-01-13"},
      {"الأسبوع القادم يوم الجمعة", "date", "2013-02-22", "2013-02-23"},
      {"بعد أسبوعين من الآن", "date", "2013-02-26", "2013-02-27"},
      {"اليوم حتى الغد", "daterange", "2013-02-12", "2013-02-14"},
      {"بين 2 أكتوبر و 22 أكتوبر", "daterange", "2013-10-02", "2013-10-23"},
      {"الأسبوع المقبل بين الأربعاء والجمعة", "daterange", "2013-02-20", "2013-02-23"},
      {"من 4 إلى 22 هذا الشهر", "daterange", "2013-02-04", "2013-02-23"},
      {"20 من الشهر القادم", "date", "2013-03-20", "2013-03-21"},
      {"سبتمبر الماضي", "daterange", "2012-09", "2012-10"},
      {"يونيو العام المقبل", "daterange", "2014-06", "2014-07"},
  });
  // قبل is a bound of its own, not the end of a range
  ParseOptions options;
  options.reference = "2013-02-12T04:30:00";
  options.dims = {"time"};
  CHECK(parse_values(lexicon(), "وصل اليوم قبل 2020", options).size() == 2);
  // durations joined by و, in seconds
  ParsedValue d = only_time("عام و شهر و 21 يوما");
  CHECK(d.dim == "duration");
  CHECK(d.normalized == doctest::Approx((365 + 30 + 21) * 86400.0));
  CHECK(only_time("ساعتين ونصف").normalized == doctest::Approx(9000));
  CHECK(only_time("طوال الأسبوع").normalized == doctest::Approx(7 * 86400));
}

TEST_CASE("a day of the story's own timeline is recognised and left unresolved") {
  ParsedValue v = only_time("وصل في اليوم التالي");
  CHECK(v.kind == "date");
  CHECK(v.from.empty());
  CHECK(v.to.empty());
}

TEST_CASE("what is not a time stays what it is") {
  for (const std::string text :
       {"فاز 3 صفر", "وصل المغرب", "قتل 4.22 شخصا", "ارتفع بمقدار 3/4", "من 5 إلى 6 أشخاص",
        "في المرة السابعة", "عقد اجتماع", "قتل في 15 هجوما"}) {
    ParseOptions options;
    options.dims = {"time", "duration"};
    INFO(text);
    CHECK(parse_values(lexicon(), text, options).empty());
  }
}

TEST_CASE("a malformed holiday line is reported with its file and line") {
  auto dir = std::filesystem::temp_directory_path() /
             ("claimcheck-holiday-test-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::copy(claimcheck::test::source_dir / "grammar" / "lexicon", dir,
                        std::filesystem::copy_options::recursive);
  std::ofstream(dir / "ar" / "time.tsv", std::ios::app) << "holiday\tnth:11-9-4\tعيد ما\n"
                                                        << "holiday\tsometime\tعيد آخر\n";
  try {
    Lexicon::load(dir);
    FAIL("no error");
  } catch (const DataError& e) {
    REQUIRE(e.diagnostics().size() == 2);
    CHECK(e.diagnostics()[0].file.find("time.tsv") != std::string::npos);
    CHECK(e.diagnostics()[0].message ==
          "nth:MM-W-N needs a weekday 1–7 and N 1–5 or -1, found 'nth:11-9-4'");
    CHECK(e.diagnostics()[1].message ==
          "expected MM-DD, hijri:MM-DD, nth:MM-W-N, easter:±N or -, found 'sometime'");
    CHECK(e.diagnostics()[1].line == e.diagnostics()[0].line + 1);
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("huge numbers in times are no times (and no undefined behaviour)") {
  // found by fuzz_parse: a count of 1.1e13 was cast to int before its range was checked
  ParseOptions options;
  options.reference = "2013-02-12T04:30:00";
  options.dims = {"time"};
  for (const std::string text :
       {"آخر 11111111111111 سنوات", "الأسابيع 99999999999999 الماضية", "قبل 100000000000000 يوم",
        "الساعة 99999999999999 مساء", "عام 99999999999 و شهر من الآن", "في 99999999999999 سنوات"}) {
    INFO(text);
    auto values = parse_values(lexicon(), text, options);
    for (const auto& v : values) CHECK(v.piece.period.count_unit < 0);
    for (const auto& v : values) CHECK(!v.piece.shifted);
  }
}
