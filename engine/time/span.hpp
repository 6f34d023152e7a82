// The one time model: a point of the calendar at its precision (a year, a month, a day, a
// clock time) and a span of two inclusive points with its relation (in, since, until,
// between, as_of) — what facts carry, what rules compare and what `claimcheck parse`
// writes (its exclusive ends are the inclusive ones plus one unit, at output).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "engine/shared_text.hpp"

namespace claimcheck {

enum class Precision : std::uint8_t { year, month, day, hour, minute, second };

struct TimePoint {
  int y = 0, m = 1, d = 1, hh = 0, mm = 0, ss = 0;
  Precision precision = Precision::year;

  /// "2021", "2021-03", "2021-03-09", or "2021-03-09T14:05:00" for any clock precision.
  std::string iso() const;
  /// Reads what iso() writes (and "2021-03-09T14:05"); nothing for anything else.
  static std::optional<TimePoint> parse(std::string_view iso);
  /// The start of the next unit at this precision (the exclusive end of this one) and of
  /// the previous one.
  TimePoint next() const;
  TimePoint prev() const;
  /// Days since 1970-01-01 of the first day this point covers, and one past its last.
  long first_day() const;
  long end_day() const;
  /// A time of day becomes its day; coarser points stay as they are.
  TimePoint day() const;

  bool operator==(const TimePoint& o) const = default;
};

/// How a span bounds a claim: within it (in), from its start on (since), up to its end
/// (until), from one point to another (between), or as it stood on a day (as_of: a
/// figure of the reported present, at its document's date).
enum class SpanOp : std::uint8_t { in, since, until, between, as_of };
const char* to_string(SpanOp op);
std::optional<SpanOp> span_op(std::string_view name);

struct TimeSpan {
  SpanOp op = SpanOp::in;
  std::optional<TimePoint> from, to;  ///< both inclusive; open ends are absent
  std::string grain;                  ///< the unit the text named: year, quarter, week, day…
  bool inherited = false;             ///< taken from an earlier sentence of the section
  SharedText text;                    ///< as written

  /// The ISO prefixes facts write: `from`, and `to` unless it repeats `from` (in 2021).
  std::string from_iso() const { return from ? from->iso() : std::string(); }
  std::string to_iso() const;
  /// The days covered, [first, end), with open ends at ±infinity.
  std::pair<double, double> days() const;
  /// For a fact: clock times become their day, and a span of whole months or years is
  /// written at that precision (2017-01-01 … 2017-03-31 → 2017-01 … 2017-03).
  TimeSpan coarsened() const;
};

/// Days since 1970-01-01 of a civil date.
long days_from_civil(int y, int m, int d);

}  // namespace claimcheck
