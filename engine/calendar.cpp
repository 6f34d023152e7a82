// Calendar arithmetic (see calendar.hpp). The Hijri conversion is the tabular calendar's
// arithmetic through Julian day numbers.
#include "engine/calendar.hpp"

#include <algorithm>

namespace claimcheck::calendar {
namespace {

using namespace std::chrono;

constexpr long kUnixJdn = 2440588;     // Julian day number of 1970-01-01
constexpr long kHijriEpoch = 1948440;  // Julian day number of 1 Muharram 1 AH

long hijri_jdn(long y, long m, long d) {
  // ceil(29.5 * (m - 1)) = (59 * (m - 1) + 1) / 2
  return d + (59 * (m - 1) + 1) / 2 + (y - 1) * 354 + (3 + 11 * y) / 30 + kHijriEpoch - 1;
}

}  // namespace

sys_days from_hijri(int year, int month, int day) {
  return sys_days{days{hijri_jdn(year, month, day) - kUnixJdn}};
}

HijriDate to_hijri(sys_days day) {
  const long jdn = day.time_since_epoch().count() + kUnixJdn;
  const long y = (30 * (jdn - kHijriEpoch) + 10646) / 10631;
  long m = 1;
  while (m < 12 && hijri_jdn(y, m + 1, 1) <= jdn) ++m;
  const long d = jdn - hijri_jdn(y, m, 1) + 1;
  return HijriDate{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

sys_days hijri_day_in(int year, int month, int day) {
  const int first =
      to_hijri(sys_days{year_month_day{std::chrono::year{year}, January, std::chrono::day{1}}})
          .year;
  for (int hy = first; hy <= first + 1; ++hy) {
    sys_days d = from_hijri(hy, month, day);
    if (int(year_month_day{d}.year()) == year) return d;
  }
  return from_hijri(first + 1, month, day);  // not reached: every Hijri day falls in each year
}

sys_days hijri_month_in(int year, int month) {
  return hijri_day_in(year, month, 1);
}

sys_days easter(int y) {
  const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25,
            g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4,
            l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return sys_days{year_month_day{std::chrono::year{y}, std::chrono::month{unsigned(month)},
                                 std::chrono::day{unsigned(day)}}};
}

sys_days nth_weekday(int year, int month, int iso_weekday, int nth) {
  const std::chrono::year_month ym{std::chrono::year{year}, std::chrono::month{unsigned(month)}};
  if (nth > 0) {
    sys_days first{ym / std::chrono::day{1}};
    int wd = int(weekday{first}.iso_encoding());
    return first + days{(iso_weekday - wd + 7) % 7 + 7 * (nth - 1)};
  }
  sys_days last{ym / std::chrono::last};
  int wd = int(weekday{last}.iso_encoding());
  return last - days{(wd - iso_weekday + 7) % 7};
}

}  // namespace claimcheck::calendar
