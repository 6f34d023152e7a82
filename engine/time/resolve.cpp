// The one resolver of times: a time value of any grammar (years, dates, weekdays, clock
// times, periods, parts of periods, named days, Hijri months, counts of units, ranges)
// against a reference date, as a TimeSpan. Facts and `claimcheck parse` both resolve here.
#include "engine/time/resolve.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "engine/calendar.hpp"
#include "engine/dates.hpp"

namespace claimcheck {
namespace {

/// What resolving fills in: ISO strings, `to` exclusive at its grain (converted to the
/// typed span at the end).
struct Value {
  ValuePiece piece;
  std::string from, to, grain;
};

struct Options {
  std::string reference;
};

/// The start of the period after (y, m, d) at its grain, for exclusive interval ends.
std::string next_at_grain(int y, int m, int d) {
  using namespace std::chrono;
  if (d > 0) {
    year_month_day next{sys_days{year_month_day{year{y}, month{unsigned(m)}, day{unsigned(d)}}} +
                        days{1}};
    return iso_date(int(next.year()), int(unsigned(next.month())), int(unsigned(next.day())));
  }
  if (m > 0) return m == 12 ? iso_date(y + 1, 1, 0) : iso_date(y, m + 1, 0);
  return iso_date(y + 1, 0, 0);
}

/// A clock hour in a part of the day (7 مساء = 19).
int in_part(int h, int part) {
  if (part == 1 && h == 12) return 0;
  if ((part == 2 || part == 7) && h < 12) return h + 12;
  if (part == 4 && h >= 6 && h < 12) return h + 12;
  if (part == 3 && h < 6) return h + 12;
  return h;
}

/// Weekdays, days of a month and clock times (the datetime rule), against the reference:
/// a weekday is the next one after the reference day (or, with الماضي, the last one
/// before it, or the one of a given week); a clock time without a part of the day is the
/// next one after the reference time, within twelve hours.
void resolve_datetime(const Lexicon& lex, const Options& options, Value& v) {
  using namespace std::chrono;
  const ValuePiece& p = v.piece;
  int ry = 0, rm = 0, rd = 0, rh = 0, rmin = 0;
  if (options.reference.size() >= 10)
    std::sscanf(options.reference.c_str(), "%4d-%2d-%2d", &ry, &rm, &rd);
  if (options.reference.size() >= 16)
    std::sscanf(options.reference.c_str() + 11, "%2d:%2d", &rh, &rmin);
  if (ry == 0) return;
  const sys_days ref{year_month_day{year{ry}, month{unsigned(rm)}, day{unsigned(rd)}}};
  sys_days date = ref;
  const TimePiece& t = p.time;
  if (p.shifted) {  // قبل شهرين: a day that far from the reference
    year_month_day day{ref + days{static_cast<int>(std::lround(p.shift_days))}};
    v.from = iso_date(int(day.year()), int(unsigned(day.month())), int(unsigned(day.day())));
    v.to = next_at_grain(int(day.year()), int(unsigned(day.month())), int(unsigned(day.day())));
    v.grain = "day";
    return;
  }
  int y = t.y1 ? t.y1 : ry;
  int m = t.m1 ? t.m1 : rm;      // a day without a month: this month
  if (p.period.relative >= 0) {  // 20 من الشهر القادم، يونيو العام المقبل
    const RelativeTime& rel = lex.relative(p.period.relative);
    if (rel.unit == 'm' && t.m1 == 0) {
      const int months = ry * 12 + (rm - 1) + rel.offset;
      y = months / 12, m = months % 12 + 1;
    }
    if (rel.unit == 'y' && t.y1 == 0) y = ry + rel.offset;
  }
  if (t.m1 > 0 && t.d1 == 0 && t.y1 == 0 && p.direction != 0)  // سبتمبر الماضي، يونيو القادم
    y = p.direction < 0 ? (t.m1 >= rm ? ry - 1 : ry) : (t.m1 <= rm ? ry + 1 : ry);
  if (p.nth != 0 && p.weekday > 0) {  // the nth (or last) such weekday of the month
    sys_days first{year_month_day{year{y}, month{unsigned(m)}, day{1}}};
    int wd = int(weekday{first}.iso_encoding());
    if (p.nth > 0) {
      date = first + days{(p.weekday - wd + 7) % 7 + 7 * (p.nth - 1)};
    } else {
      sys_days last{year_month_day{year{y}, month{unsigned(m)}, day{1}} + months{1}};
      last -= days{1};
      int lwd = int(weekday{last}.iso_encoding());
      date = last - days{(lwd - p.weekday + 7) % 7};
    }
  } else if (t.d1 > 0) {
    if (!year_month_day{year{y}, month{unsigned(m)}, day{unsigned(t.d1)}}.ok()) return;
    date = sys_days{year_month_day{year{y}, month{unsigned(m)}, day{unsigned(t.d1)}}};
    if (p.last_day >= t.d1) {  // a range of days: to the day after the last
      year_month_day last{year{y}, month{unsigned(m)}, day{unsigned(p.last_day)}};
      if (!last.ok())
        last = year_month_day{year_month_day_last{year{y}, month_day_last{month{unsigned(m)}}}};
      year_month_day after{sys_days{last} + days{1}};
      year_month_day first{date};
      v.from =
          iso_date(int(first.year()), int(unsigned(first.month())), int(unsigned(first.day())));
      v.to = iso_date(int(after.year()), int(unsigned(after.month())), int(unsigned(after.day())));
      v.grain = "day";
      return;
    }
  } else if (t.m1 > 0 && t.d1 == 0 && p.weekday == 0 && p.hour < 0) {  // a month
    v.from = iso_date(y, t.m1, 0);
    v.to = next_at_grain(y, t.m1, 0);
    v.grain = "month";
    return;
  } else if (p.weekday > 0) {
    const int ref_wd = int(weekday{ref}.iso_encoding());  // 1 Monday … 7 Sunday
    if (p.week != -100) {
      date = ref - days{ref_wd - 1} + days{7 * p.week + p.weekday - 1};
    } else if (p.direction < 0) {
      int back = (ref_wd - p.weekday + 7) % 7;
      date = ref - days{back == 0 ? 7 : back};
    } else {
      int ahead = (p.weekday - ref_wd + 7) % 7;
      date = ref + days{ahead == 0 ? 7 : ahead};
    }
  }
  year_month_day ymd{date};
  std::string day_text =
      iso_date(int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day())));
  if (p.hour < 0) {
    v.from = day_text;
    v.to = next_at_grain(int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day())));
    v.grain = "day";
    return;
  }
  int h = p.hour, minute = p.minute < 0 ? 0 : p.minute;
  h = in_part(h, p.part);
  if (p.part == 0 && h < 12 && t.d1 == 0 && p.weekday == 0 && h * 60 + minute <= rh * 60 + rmin)
    h += 12;  // the next such time after the reference
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d", day_text.c_str(), h % 24, minute,
                p.second < 0 ? 0 : p.second);
  v.from = buf;
  v.grain = p.second >= 0 ? "second" : p.minute >= 0 ? "minute" : "hour";
}

// ---------------------------------------------------------------------------------------
// Periods: named ones, parts of others, counts of units, parts of the day, clock ranges.

using std::chrono::days;
using std::chrono::months;
using std::chrono::sys_days;
using std::chrono::year_month_day;

struct Reference {
  int y = 0, m = 0, d = 0, h = 0, min = 0;
  sys_days day{};
  bool ok = false;
};

Reference reference_of(const Options& options) {
  Reference r;
  if (options.reference.size() >= 10)
    std::sscanf(options.reference.c_str(), "%4d-%2d-%2d", &r.y, &r.m, &r.d);
  if (options.reference.size() >= 16)
    std::sscanf(options.reference.c_str() + 11, "%2d:%2d", &r.h, &r.min);
  year_month_day ymd{std::chrono::year{r.y}, std::chrono::month{unsigned(r.m)},
                     std::chrono::day{unsigned(r.d)}};
  r.ok = r.y > 0 && ymd.ok();
  if (r.ok) r.day = sys_days{ymd};
  return r;
}

sys_days make_day(int y, int m, int d) {
  return sys_days{year_month_day{std::chrono::year{y}, std::chrono::month{unsigned(m)},
                                 std::chrono::day{unsigned(d)}}};
}
sys_days month_start(int y, int m) {
  return make_day(y, m, 1);
}
sys_days add_months(sys_days first_of_month, int n) {
  year_month_day ymd{first_of_month};
  return sys_days{year_month_day{ymd.year() / ymd.month() / std::chrono::day{1}} + months{n}};
}
std::string iso(sys_days d) {
  year_month_day ymd{d};
  return iso_date(int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day())));
}
std::string iso_at(sys_days d, int minutes) {
  d += days{minutes / 1440};
  minutes %= 1440;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:00", iso(d).c_str(), minutes / 60, minutes % 60);
  return buf;
}

struct Interval {
  sys_days from{}, to{};
  std::string grain;
  bool ok = false;
};

Interval interval(sys_days from, sys_days to, std::string grain) {
  return Interval{from, to, std::move(grain), to > from};
}

/// A relative period (العام المقبل، الأسبوع الماضي، العقد القادم) as days.
Interval relative_interval(const RelativeTime& rel, const Reference& r) {
  switch (rel.unit) {
    case 'y':
      return interval(make_day(r.y + rel.offset, 1, 1), make_day(r.y + rel.offset + 1, 1, 1),
                      "year");
    case 'm': {
      sys_days first = add_months(month_start(r.y, r.m), rel.offset);
      return interval(first, add_months(first, 1), "month");
    }
    case 'w': {
      const int wd = int(std::chrono::weekday{r.day}.iso_encoding());
      sys_days monday = r.day - days{wd - 1} + days{7 * rel.offset};
      return interval(monday, monday + days{7}, "week");
    }
    case 'D': {
      const int start = r.y / 10 * 10 + 10 * rel.offset;
      return interval(make_day(start, 1, 1), make_day(start + 10, 1, 1), "decade");
    }
    case 'd':
      return interval(r.day + days{rel.offset}, r.day + days{rel.offset + 1}, "day");
    default:
      return Interval{};
  }
}

/// Meteorological seasons of the northern hemisphere: winter of year Y starts in December.
Interval season_interval(int season, int y) {
  const int start_month = season == 4 ? 12 : 3 * season;
  sys_days from = month_start(y, start_month);
  return interval(from, add_months(from, 3), "season");
}

/// The year a period without its own year is in: its relative year, or the reference's.
int year_of(const Lexicon& lex, const ValuePiece& p, const Reference& r) {
  if (p.time.y1 > 0) return p.time.y1;
  if (p.period.relative >= 0 && lex.relative(p.period.relative).unit == 'y')
    return r.y + lex.relative(p.period.relative).offset;
  return r.y;
}

/// The day a named day falls on in Gregorian year `y`.
std::optional<sys_days> holiday_in(const HolidayInfo& h, int y) {
  switch (h.rule) {
    case 'g':
      return make_day(y, h.month, h.day);
    case 'n':
      return calendar::nth_weekday(y, h.month, h.weekday, h.nth);
    case 'e':
      return calendar::easter(y) + days{h.offset};
    case 'h':
      return calendar::hijri_day_in(y, h.month, h.day);
    default:
      return std::nullopt;
  }
}

/// The period a part, a week or a quarter is taken from.
Interval base_interval(const Lexicon& lex, const ValuePiece& p, const Reference& r) {
  const PeriodInfo& q = p.period;
  if (q.season > 0) {
    int y = year_of(lex, p, r);
    if (q.count != 0 && p.time.y1 == 0) {  // الربيع القادم، الصيف الماضي
      Interval now = season_interval(q.season, r.y);
      if (q.count > 0 && now.from <= r.day) y = r.y + 1;
      if (q.count < 0 && now.to > r.day) y = r.y - 1;
    }
    return season_interval(q.season, y);
  }
  if (p.time.m1 > 0) {
    sys_days first = month_start(year_of(lex, p, r), p.time.m1);
    return interval(first, add_months(first, 1), "month");
  }
  if (q.relative >= 0) return relative_interval(lex.relative(q.relative), r);
  if (p.time.relative >= 0) return relative_interval(lex.relative(p.time.relative), r);
  if (q.base == 'w') return relative_interval(RelativeTime{'w', 0}, r);
  if (q.base == 'm') return relative_interval(RelativeTime{'m', 0}, r);
  if (q.base == 'y') return relative_interval(RelativeTime{'y', 0}, r);
  if (p.time.y1 > 0)
    return interval(make_day(p.time.y1, 1, 1), make_day(p.time.y1 + 1, 1, 1), "year");
  return Interval{};
}

/// A part of a period: its first, middle or last third, or what is left of it after the
/// reference day (بقية، في وقت لاحق).
Interval part_of(Interval base, int sub, const Reference& r) {
  if (!base.ok || sub == 0) return base;
  const auto length = (base.to - base.from).count();
  const auto third = std::max<long>(1, length / 3);
  switch (sub) {
    case 1:
      return interval(base.from, base.from + days{third}, "day");
    case 2:
      return interval(base.from + days{third}, base.to - days{third}, "day");
    case 3:
      return interval(base.to - days{third}, base.to, "day");
    default: {  // the rest of it: from the reference day (بقية) or the day after (لاحق)
      sys_days from = std::max(base.from, r.day + days{sub == 5 ? 1 : 0});
      return interval(from, base.to, "day");
    }
  }
}

/// A part of the day as minutes from midnight: [from, to), to == from for a point.
std::pair<int, int> day_part_minutes(int part) {
  switch (part) {
    case 1:
      return {4 * 60, 12 * 60};  // morning
    case 2:
      return {12 * 60, 18 * 60};  // afternoon
    case 3:
      return {12 * 60, 12 * 60};  // noon
    case 4:
      return {18 * 60, 24 * 60};  // night (Duckling's الليلة)
    case 5:
      return {24 * 60, 24 * 60};  // midnight
    case 6:
      return {10 * 60, 10 * 60};  // mid-morning
    case 7:
      return {18 * 60, 24 * 60};  // evening
    default:
      return {0, 0};
  }
}

/// True when the period rule or the joining step decided the value (not a plain day or
/// clock time of the datetime rule).
bool is_period(const ValuePiece& p) {
  const PeriodInfo& q = p.period;
  return q.holiday >= 0 || q.hijri_month > 0 || q.season > 0 || q.decade > 0 || q.index_unit != 0 ||
         q.sub != 0 || q.count_unit >= 0 || q.day_part != 0 || q.hour2 >= 0 || q.base != 0 ||
         (q.kind == 'r' && q.relative >= 0 && p.time.m1 == 0 && p.time.d1 == 0);
}

void set_days(Value& v, const Interval& i) {
  if (!i.ok) return;
  v.from = iso(i.from), v.to = iso(i.to), v.grain = i.grain;
}

void resolve_period(const Lexicon& lex, const Reference& r, Value& v) {
  const ValuePiece& p = v.piece;
  const PeriodInfo& q = p.period;
  if (q.holiday >= 0) {
    const HolidayInfo& h = lex.holiday(q.holiday);
    int y = year_of(lex, p, r);
    auto day = holiday_in(h, y);
    if (day && p.time.y1 == 0 && q.relative < 0 && *day < r.day)
      day = holiday_in(h, y + 1);  // the next one
    if (day) set_days(v, interval(*day, *day + days{1}, "day"));
    return;
  }
  if (q.hijri_month > 0 && p.time.d1 > 0) {  // a day of a Hijri month: العاشر من رمضان
    sys_days day;
    if (p.time.y1 > 0 && p.time.y1 < 1600) {
      day = calendar::from_hijri(p.time.y1, q.hijri_month, p.time.d1);
    } else if (p.time.y1 > 0) {
      day = calendar::hijri_day_in(p.time.y1, q.hijri_month, p.time.d1);
    } else {  // the next one
      const int hy = calendar::to_hijri(r.day).year;
      day = calendar::from_hijri(hy, q.hijri_month, p.time.d1);
      if (day < r.day) day = calendar::from_hijri(hy + 1, q.hijri_month, p.time.d1);
    }
    set_days(v, interval(day, day + days{1}, "day"));
    return;
  }
  if (q.hijri_month > 0) {
    sys_days from;
    if (p.time.y1 > 0 && p.time.y1 < 1600) {
      from = calendar::from_hijri(p.time.y1, q.hijri_month, 1);
    } else if (p.time.y1 > 0) {
      from = calendar::hijri_month_in(p.time.y1, q.hijri_month);
    } else {  // the month now under way, or the next one
      const int hy = calendar::to_hijri(r.day).year;
      from = calendar::from_hijri(hy, q.hijri_month, 1);
      if (calendar::from_hijri(q.hijri_month == 12 ? hy + 1 : hy, q.hijri_month % 12 + 1, 1) <=
          r.day)
        from = calendar::from_hijri(hy + 1, q.hijri_month, 1);
    }
    const int hy = calendar::to_hijri(from).year;
    sys_days to =
        calendar::from_hijri(q.hijri_month == 12 ? hy + 1 : hy, q.hijri_month % 12 + 1, 1);
    set_days(v, interval(from, to, "month"));
    return;
  }
  if (q.decade > 0) {
    int start = 0;
    if (q.century > 0) {
      start = (q.century - 1) * 100 + q.decade;
    } else {
      start = r.y / 100 * 100 + q.decade;
      if (start > r.y) start -= 100;
    }
    set_days(v, interval(make_day(start, 1, 1), make_day(start + 10, 1, 1), "decade"));
    return;
  }
  if (q.count_unit >= 0) {  // آخر 3 سنوات، الأسابيع الثلاثة الماضية، في 3 سنوات
    const UnitInfo& u = lex.unit(q.count_unit);
    const int n = q.count;
    if (u.factor < 86400) {  // hours and minutes: from the reference moment
      const int now = r.h * 60 + r.min;
      const int span = static_cast<int>(u.factor / 60) * (n < 0 ? -n : n);
      v.from = iso_at(r.day, n < 0 ? now - span : now);
      v.to = iso_at(r.day, n < 0 ? now : now + span);
      v.grain = u.id;
      return;
    }
    // whole units next to the current one: the next 3 weeks start next Monday, the
    // last 3 years end where this year starts
    const char unit = u.id == "day"      ? 'd'
                      : u.id == "week"   ? 'w'
                      : u.id == "month"  ? 'm'
                      : u.id == "year"   ? 'y'
                      : u.id == "decade" ? 'D'
                                         : 0;
    if (unit == 0) return;
    Interval first = relative_interval(RelativeTime{unit, n < 0 ? n : 1}, r);
    Interval last = relative_interval(RelativeTime{unit, n < 0 ? -1 : n}, r);
    set_days(v, interval(first.from, last.to, first.grain));
    return;
  }
  if (q.day_part != 0) {  // في الصباح، منتصف الليل، في وقت متأخر من الليل
    auto [from, to] = day_part_minutes(q.day_part);
    if (q.sub == 1) to = from + (to - from) / 2;
    if (q.sub == 3) from = from + (to - from) / 2;
    v.from = iso_at(r.day, from);
    if (to > from) v.to = iso_at(r.day, to);
    v.grain = to > from ? "hour" : "minute";
    return;
  }
  if (q.hour2 >= 0) {  // من 5 إلى 6 مساء
    int part1 = p.part, part2 = q.part2;
    if (part1 == 0) part1 = part2;
    if (part2 == 0) part2 = part1;
    int h1 = in_part(p.hour, part1), h2 = in_part(q.hour2, part2);
    if (p.part == 0 && h1 > h2 && in_part(p.hour, 1) <= h2) h1 = in_part(p.hour, 1);
    const int from = h1 * 60 + (p.minute < 0 ? 0 : p.minute);
    int to = h2 * 60 + (q.minute2 < 0 ? 0 : q.minute2);
    if (to <= from) to += 1440;
    v.from = iso_at(r.day, from), v.to = iso_at(r.day, to);
    v.grain = "minute";
    return;
  }
  if (q.base == 'a') return;  // اليوم التالي: the day after the story's, not the reference's
  Interval base = base_interval(lex, p, r);
  if (q.index_unit == 'q' && q.index != 0) {
    const int year = base.ok ? int(year_month_day{base.from}.year()) : r.y;
    const int n = q.index < 0 ? 4 : q.index;
    sys_days from = month_start(year, 3 * n - 2);
    base = interval(from, add_months(from, 3), "quarter");
  } else if (q.index_unit == 'w' && q.index != 0 && base.ok) {
    sys_days from = q.index < 0 ? base.to - days{7} : base.from + days{7 * (q.index - 1)};
    base = interval(from, from + days{7}, "week");
  } else if (q.index_unit == 'W') {  // the week (from Monday) around a date
    year_month_day ymd{std::chrono::year{p.time.y1 ? p.time.y1 : r.y},
                       std::chrono::month{unsigned(p.time.m1)},
                       std::chrono::day{unsigned(p.time.d1)}};
    if (!ymd.ok()) return;
    sys_days d{ymd};
    sys_days monday = d - days{int(std::chrono::weekday{d}.iso_encoding()) - 1};
    base = interval(monday, monday + days{7}, "week");
  } else if (q.index_unit == 'k') {  // the weekend: Saturday and Sunday of the week
    Interval week = relative_interval(RelativeTime{'w', q.count}, r);
    base = interval(week.from + days{5}, week.to, "day");
  }
  set_days(v, part_of(base, q.sub, r));
}

void resolve_time(const Lexicon& lex, const Options& options, Value& v);

/// A range joined from two values: from the start of the first to the end of the second.
void resolve_range(const Lexicon& lex, const Options& options, Value& v) {
  Value first = v, last = v;
  first.piece.until.clear();
  last.piece = v.piece.until.front();
  if (v.piece.until.front().week != -100 && first.piece.week == -100)
    first.piece.week = last.piece.week;
  // a month or day before a dated one takes its year (أبريل إلى سبتمبر 2012)
  if (first.piece.time.y1 == 0 && last.piece.time.y1 > 0 && first.piece.time.relative < 0 &&
      first.piece.time.m1 > 0 && first.piece.period.relative < 0)
    first.piece.time.y1 = last.piece.time.y1;
  // a bare day before a dated one takes its month and year (بين 3 و 12 سبتمبر)
  resolve_time(lex, options, first);
  resolve_time(lex, options, last);
  v.from = first.from;
  v.to = last.to.empty() ? last.from : last.to;
  v.grain = first.grain;
}

void resolve_time(const Lexicon& lex, const Options& options, Value& v) {
  if (!v.piece.until.empty()) return resolve_range(lex, options, v);
  if (is_period(v.piece)) {
    Reference r = reference_of(options);
    if (!r.ok) return;
    return resolve_period(lex, r, v);
  }
  if (v.piece.datetime) return resolve_datetime(lex, options, v);
  const TimePiece& t = v.piece.time;
  int ry = 0, rm = 0, rd = 0;
  if (options.reference.size() >= 10)
    std::sscanf(options.reference.c_str(), "%4d-%2d-%2d", &ry, &rm, &rd);
  int y1 = t.y1, m1 = t.m1, d1 = t.d1;
  if (t.relative >= 0) {
    if (ry == 0) return;
    const auto& rel = lex.relative(t.relative);
    using namespace std::chrono;
    if (rel.unit == 'n') {  // the reference moment itself
      v.from = options.reference.substr(0, 19);
      v.grain = "second";
      return;
    }
    if (rel.unit == 'w') {  // the week (from Monday) offset weeks from the reference's
      sys_days ref{year_month_day{year{ry}, month{unsigned(rm)}, day{unsigned(rd)}}};
      weekday wd{ref};
      sys_days monday = ref - days{(wd.c_encoding() + 6) % 7} + days{7 * rel.offset};
      year_month_day m{monday};
      v.from = iso_date(int(m.year()), int(unsigned(m.month())), int(unsigned(m.day())));
      year_month_day next{monday + days{7}};
      v.to = iso_date(int(next.year()), int(unsigned(next.month())), int(unsigned(next.day())));
      v.grain = "week";
      return;
    }
    if (rel.unit == 'D') {  // the decade offset decades from the reference's
      const int start = ry / 10 * 10 + 10 * rel.offset;
      v.from = iso_date(start), v.to = iso_date(start + 10), v.grain = "decade";
      return;
    }
    if (rel.unit == 'y') {
      y1 = ry + rel.offset, m1 = 0, d1 = 0;
    } else if (rel.unit == 'm') {
      int months = ry * 12 + (rm - 1) + rel.offset;
      y1 = months / 12, m1 = months % 12 + 1, d1 = 0;
    } else {
      year_month_day r{sys_days{year_month_day{year{ry}, month{unsigned(rm)}, day{unsigned(rd)}}} +
                       days{rel.offset}};
      y1 = int(r.year()), m1 = int(unsigned(r.month())), d1 = int(unsigned(r.day()));
    }
  }
  if (y1 == 0) y1 = ry;  // a day and month without a year: the reference's year
  if (y1 == 0) return;
  v.grain = d1 > 0 ? "day" : m1 > 0 ? "month" : "year";
  switch (t.op) {
    case TimeOp::in:
      v.from = iso_date(y1, m1, d1), v.to = next_at_grain(y1, m1, d1);
      break;
    case TimeOp::since:
      v.from = iso_date(y1, m1, d1);
      break;
    case TimeOp::until:
      v.to = next_at_grain(y1, m1, d1);
      break;
    case TimeOp::between:
      v.from = iso_date(y1, m1, d1);
      if (t.y2 > 0) v.to = next_at_grain(t.y2, t.m2, t.d2);
      break;
  }
}

}  // namespace

std::optional<TimeSpan> resolve_time(const Lexicon& lexicon, const ValuePiece& piece,
                                     std::string_view reference) {
  if (piece.dim != ValueDim::time) return std::nullopt;
  Value v{piece, {}, {}, {}};
  Options options{std::string(reference)};
  // a period the text dates itself (الربع الأول من عام 2017) needs no document date
  if (!reference_of(options).ok && piece.time.y1 > 0 && piece.time.relative < 0 &&
      piece.period.relative < 0)
    options.reference = iso_date(piece.time.y1, 1, 1);
  resolve_time(lexicon, options, v);
  if (v.from.empty() && v.to.empty()) return std::nullopt;
  TimeSpan span;
  span.grain = v.grain;
  if (!v.from.empty()) {
    span.from = TimePoint::parse(v.from);
    if (!span.from) return std::nullopt;
  }
  if (!v.to.empty()) {
    auto end = TimePoint::parse(v.to);
    if (!end) return std::nullopt;
    span.to = end->prev();  // exclusive → inclusive
  }
  if (piece.time.op == TimeOp::since && piece.until.empty()) {
    span.op = SpanOp::since, span.to.reset();
  } else if (piece.time.op == TimeOp::until && piece.until.empty()) {
    span.op = SpanOp::until, span.from.reset();
  } else if (piece.time.op == TimeOp::between || !piece.until.empty()) {
    span.op = SpanOp::between;
  }
  return span;
}

}  // namespace claimcheck
