// Calendar arithmetic for `claimcheck parse`: the tabular Hijri calendar (the civil
// arithmetic one; an observed month may start a day apart), Western Easter, and the nth
// weekday of a month. Days are std::chrono::sys_days.
#pragma once

#include <chrono>

namespace claimcheck::calendar {

using std::chrono::sys_days;

struct HijriDate {
  int year = 0, month = 0, day = 0;
};

/// The Gregorian day of a Hijri date (tabular calendar, civil epoch: 1 Muharram 1 AH is
/// 16 July 622, Julian).
sys_days from_hijri(int year, int month, int day);
/// The Hijri date of a Gregorian day.
HijriDate to_hijri(sys_days day);
/// The first day of Hijri month `month` (1–12) that falls in Gregorian year `year`.
sys_days hijri_month_in(int year, int month);
/// The Hijri day (month, day) whose Gregorian date falls in `year` (the first, when two do).
sys_days hijri_day_in(int year, int month, int day);
/// Western (Gregorian) Easter Sunday of `year`.
sys_days easter(int year);
/// The `nth` (1–5, or -1 for the last) weekday `iso_weekday` (1 Monday … 7 Sunday) of a month.
sys_days nth_weekday(int year, int month, int iso_weekday, int nth);

}  // namespace claimcheck::calendar
