// Calendar points and spans (see span.hpp): ISO text both ways, stepping by a unit at a
// point's precision, and the days a span covers.
#include "engine/time/span.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>

namespace claimcheck {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

sys_days to_days(int y, int m, int d) {
  return sys_days{year_month_day{std::chrono::year{y}, std::chrono::month{unsigned(m)},
                                 std::chrono::day{unsigned(d)}}};
}

TimePoint at(sys_days day, int minutes, int seconds, Precision p) {
  day += days{minutes / 1440};
  minutes %= 1440;
  year_month_day ymd{day};
  return TimePoint{int(ymd.year()),
                   int(unsigned(ymd.month())),
                   int(unsigned(ymd.day())),
                   minutes / 60,
                   minutes % 60,
                   seconds,
                   p};
}

TimePoint step(const TimePoint& t, int n) {
  switch (t.precision) {
    case Precision::year:
      return TimePoint{t.y + n, 1, 1, 0, 0, 0, Precision::year};
    case Precision::month: {
      int months = t.y * 12 + (t.m - 1) + n;
      return TimePoint{months / 12, months % 12 + 1, 1, 0, 0, 0, Precision::month};
    }
    case Precision::day: {
      year_month_day ymd{to_days(t.y, t.m, t.d) + days{n}};
      return TimePoint{
          int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day())), 0, 0, 0,
          Precision::day};
    }
    case Precision::hour:
      return at(to_days(t.y, t.m, t.d) - days{1}, 1440 + t.hh * 60 + 60 * n, t.ss, t.precision);
    case Precision::minute:
      return at(to_days(t.y, t.m, t.d) - days{1}, 1440 + t.hh * 60 + t.mm + n, t.ss, t.precision);
    case Precision::second: {
      long s = 86400L + t.hh * 3600L + t.mm * 60L + t.ss + n;
      sys_days day = to_days(t.y, t.m, t.d) - days{1} + days{s / 86400};
      s %= 86400;
      return at(day, static_cast<int>(s / 60), static_cast<int>(s % 60), Precision::second);
    }
  }
  return t;
}

}  // namespace

long days_from_civil(int y, int m, int d) {
  return static_cast<long>(to_days(y, m, d).time_since_epoch().count());
}

std::string TimePoint::iso() const {
  char buf[64];
  // the common case written digit by digit (as snprintf would: a four-digit year, two-digit
  // fields); snprintf for anything outside those ranges
  auto fits = [](int v, int limit) { return v >= 0 && v < limit; };
  if (fits(y, 10000) && fits(m, 100) && fits(d, 100) &&
      (precision <= Precision::day || (fits(hh, 100) && fits(mm, 100) && fits(ss, 100)))) {
    char* p = buf;
    auto put = [&p](int v, int digits) {
      for (int i = digits - 1; i >= 0; --i, v /= 10) p[i] = static_cast<char>('0' + v % 10);
      p += digits;
    };
    put(y, 4);
    if (precision >= Precision::month) *p++ = '-', put(m, 2);
    if (precision >= Precision::day) *p++ = '-', put(d, 2);
    if (precision > Precision::day) {
      *p++ = 'T', put(hh, 2);
      *p++ = ':', put(mm, 2);
      *p++ = ':', put(ss, 2);
    }
    return std::string(buf, p);
  }
  switch (precision) {
    case Precision::year:
      std::snprintf(buf, sizeof buf, "%04d", y);
      break;
    case Precision::month:
      std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
      break;
    case Precision::day:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
      break;
    default:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", y, m, d, hh, mm, ss);
  }
  return buf;
}

std::optional<TimePoint> TimePoint::parse(std::string_view s) {
  auto digits = [&](std::size_t at, std::size_t n, int& out) {
    if (at + n > s.size()) return false;
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      v = v * 10 + (s[i] - '0');
    }
    out = v;
    return true;
  };
  TimePoint t;
  if (!digits(0, 4, t.y)) return std::nullopt;
  if (s.size() == 4) return t;
  if (s.size() < 7 || s[4] != '-' || !digits(5, 2, t.m) || t.m < 1 || t.m > 12) return std::nullopt;
  t.precision = Precision::month;
  if (s.size() == 7) return t;
  if (s.size() < 10 || s[7] != '-' || !digits(8, 2, t.d)) return std::nullopt;
  if (!year_month_day{std::chrono::year{t.y}, std::chrono::month{unsigned(t.m)},
                      std::chrono::day{unsigned(t.d)}}
           .ok())
    return std::nullopt;
  t.precision = Precision::day;
  if (s.size() == 10) return t;
  if (s.size() < 16 || s[10] != 'T' || !digits(11, 2, t.hh) || s[13] != ':' ||
      !digits(14, 2, t.mm) || t.hh > 23 || t.mm > 59)
    return std::nullopt;
  t.precision = Precision::minute;
  if (s.size() == 16) return t;
  if (s.size() < 19 || s[16] != ':' || !digits(17, 2, t.ss) || t.ss > 59) return std::nullopt;
  t.precision = Precision::second;
  return t;  // a zone or fraction after the seconds is ignored
}

TimePoint TimePoint::next() const {
  return step(*this, 1);
}
TimePoint TimePoint::prev() const {
  return step(*this, -1);
}

long TimePoint::first_day() const {
  switch (precision) {
    case Precision::year:
      return days_from_civil(y, 1, 1);
    case Precision::month:
      return days_from_civil(y, m, 1);
    default:
      return days_from_civil(y, m, d);
  }
}

long TimePoint::end_day() const {
  switch (precision) {
    case Precision::year:
    case Precision::month:
    case Precision::day:
      return next().first_day();
    default:
      return days_from_civil(y, m, d) + 1;
  }
}

TimePoint TimePoint::day() const {
  if (precision <= Precision::day) return *this;
  return TimePoint{y, m, d, 0, 0, 0, Precision::day};
}

const char* to_string(SpanOp op) {
  switch (op) {
    case SpanOp::in:
      return "in";
    case SpanOp::since:
      return "since";
    case SpanOp::until:
      return "until";
    case SpanOp::between:
      return "between";
    case SpanOp::as_of:
      return "as_of";
  }
  return "in";
}

std::optional<SpanOp> span_op(std::string_view name) {
  for (SpanOp op : {SpanOp::in, SpanOp::since, SpanOp::until, SpanOp::between, SpanOp::as_of})
    if (name == to_string(op)) return op;
  return std::nullopt;
}

std::string TimeSpan::to_iso() const {
  if (!to) return "";
  if ((op == SpanOp::in || op == SpanOp::as_of) && from && *from == *to) return "";
  return to->iso();
}

std::pair<double, double> TimeSpan::days() const {
  constexpr double inf = std::numeric_limits<double>::infinity();
  double lo = from ? static_cast<double>(from->first_day()) : -inf;
  double hi = to ? static_cast<double>(to->end_day()) : inf;
  if (!to && from && (op == SpanOp::in || op == SpanOp::as_of)) hi = from->end_day();
  return {lo, hi};
}

TimeSpan TimeSpan::coarsened() const {
  TimeSpan s = *this;
  if (s.from) s.from = s.from->day();
  if (s.to) s.to = s.to->day();
  if (s.from && s.to && s.from->precision == Precision::day && s.to->precision == Precision::day) {
    TimePoint after = s.to->next();
    if (s.from->d == 1 && after.d == 1) {  // whole months
      bool years = s.from->m == 1 && after.m == 1;
      s.from = TimePoint{
          s.from->y, years ? 1 : s.from->m, 1, 0, 0, 0, years ? Precision::year : Precision::month};
      TimePoint last = after;
      last.precision = years ? Precision::year : Precision::month;
      s.to = last.prev();
    }
  }
  return s;
}

}  // namespace claimcheck
