// `claimcheck parse`: normalise, scan for values, then map each back to the input (code
// points and bytes) and finish its meaning (units, intervals, times against a reference).
#include "engine/parse.hpp"

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <cmath>
#include <cstdio>

#include "engine/dates.hpp"
#include "engine/document.hpp"
#include "grammar/text.hpp"

namespace claimcheck {
namespace {

const char* dim_name(ValueDim d) {
  switch (d) {
    case ValueDim::number:
      return "number";
    case ValueDim::ordinal:
      return "ordinal";
    case ValueDim::quantity:
      return "quantity";
    case ValueDim::money:
      return "money";
    case ValueDim::percent:
      return "percent";
    case ValueDim::duration:
      return "duration";
    case ValueDim::temperature:
      return "temperature";
    case ValueDim::volume:
      return "volume";
    case ValueDim::time:
      return "time";
    case ValueDim::range:
      return "range";
  }
  return "number";
}

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

/// Weekdays, days of a month and clock times (the datetime rule), against the reference:
/// a weekday is the next one after the reference day (or, with الماضي, the last one
/// before it, or the one of a given week); a clock time without a part of the day is the
/// next one after the reference time, within twelve hours.
void resolve_datetime(const ParseOptions& options, ParsedValue& v) {
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
  const int y = t.y1 ? t.y1 : ry;
  const int m = t.m1 ? t.m1 : rm;  // a day without a month: this month
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
  } else if (t.d1 > 0 && (t.m1 > 0 || p.weekday > 0)) {
    if (!year_month_day{year{y}, month{unsigned(m)}, day{unsigned(t.d1)}}.ok()) return;
    date = sys_days{year_month_day{year{y}, month{unsigned(m)}, day{unsigned(t.d1)}}};
    if (p.last_day >= t.d1) {  // a range of days: to the day after the last
      year_month_day last{year{y}, month{unsigned(m)}, day{unsigned(p.last_day)}};
      if (!last.ok()) last = year_month_day{year_month_day_last{year{y}, month_day_last{month{unsigned(m)}}}};
      year_month_day after{sys_days{last} + days{1}};
      year_month_day first{date};
      v.from = iso_date(int(first.year()), int(unsigned(first.month())), int(unsigned(first.day())));
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
  std::string day_text = iso_date(int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day())));
  if (p.hour < 0) {
    v.from = day_text;
    v.to = next_at_grain(int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day())));
    v.grain = "day";
    return;
  }
  int h = p.hour, minute = p.minute < 0 ? 0 : p.minute;
  if (p.part == 1 && h == 12) h = 0;
  if (p.part == 2 && h < 12) h += 12;
  if (p.part == 3 && h < 6) h += 12;
  if (p.part == 0 && h < 12 && t.d1 == 0 && p.weekday == 0 && h * 60 + minute <= rh * 60 + rmin)
    h += 12;  // the next such time after the reference
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d", day_text.c_str(), h % 24, minute,
                p.second < 0 ? 0 : p.second);
  v.from = buf;
  v.grain = p.second >= 0 ? "second" : p.minute >= 0 ? "minute" : "hour";
}

void resolve_time(const Lexicon& lex, const ParseOptions& options, ParsedValue& v) {
  if (v.piece.datetime) return resolve_datetime(options, v);
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

const std::vector<std::string>& value_dims() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (int d = 0; d <= static_cast<int>(ValueDim::range); ++d)
      out.push_back(dim_name(static_cast<ValueDim>(d)));
    return out;
  }();
  return names;
}

std::string format_number(double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e15) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return std::string(buf) == "-0" ? "0" : buf;
  }
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.15G", v);  // 0.333333333333333, 1E-12, 1.232E+15
  return buf;
}

std::vector<ParsedValue> parse_values(const Lexicon& lex, const std::string& text,
                                      const ParseOptions& options) {
  if (auto bad = find_utf8_error(text))
    throw InputError("byte " + std::to_string(bad->offset) + ": invalid UTF-8: " + bad->reason);
  NormalisedText norm = normalise(text);
  // code point index of every byte that starts a character
  std::vector<std::size_t> cp_at(text.size() + 1, 0);
  std::size_t cps = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    cp_at[i] = cps;
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) cp_at[i] = cps++;
  }
  cp_at[text.size()] = cps;
  std::vector<ParsedValue> out;
  ValueDims dims = 0;
  for (const auto& name : options.dims) {
    auto it = std::find(value_dims().begin(), value_dims().end(), name);
    if (it == value_dims().end()) throw std::invalid_argument("unknown dimension '" + name + "'");
    dims |= ValueDims{1} << (it - value_dims().begin());
  }
  auto pieces =
      scan_values(lex, norm.text, Span{0, static_cast<std::uint32_t>(norm.text.size())}, dims);
  for (const auto& piece : pieces) {
    ParsedValue v;
    v.piece = piece;
    v.dim = dim_name(piece.dim);
    auto [b, e] = norm.bytes(piece.span.begin, piece.span.end);
    v.byte_start = b, v.byte_end = e;
    v.text = text.substr(b, e - b);
    v.start = cp_at[b], v.end = cp_at[e];
    if (piece.unit >= 0) {
      const UnitInfo& u = lex.unit(piece.unit);
      v.unit = u.id;
      v.base_unit = u.base;
      v.normalized = piece.value * u.factor;
    }
    if (piece.has_low || piece.has_high) {
      const double factor = piece.unit >= 0 ? lex.unit(piece.unit).factor : 1;
      v.interval = std::string(piece.has_low && piece.low_closed ? "[" : "(") +
                   (piece.has_low ? format_number(piece.low * factor) : "") + "," +
                   (piece.has_high ? format_number(piece.high * factor) : "") +
                   (piece.has_high && piece.high_closed ? "]" : ")");
    }
    v.value_start = v.start;
    v.value_text = v.text;
    if (piece.dim == ValueDim::time) {
      resolve_time(lex, options, v);
      // the kind of time, as Recognizers-Text names them
      const TimePiece& t = piece.time;
      if (piece.datetime)
        v.kind = piece.hour >= 0 ? (piece.weekday > 0 || t.d1 > 0 ? "datetime" : "time")
                 : piece.last_day > 0 || (t.d1 == 0 && t.m1 > 0 && piece.weekday == 0)
                     ? "daterange"
                     : "date";
      else if (t.relative >= 0)
        v.kind = lex.relative(t.relative).unit == 'd'   ? "date"
                 : lex.relative(t.relative).unit == 'n' ? "datetime"
                                                        : "daterange";
      else
        v.kind = t.op == TimeOp::in && t.d1 > 0 ? "date" : "daterange";
      // a leading cue is not the value
      static const char* const cues[] = {"\u0641\u064A ", "\u0639\u0646\u062F ",
                                         "\u062E\u0644\u0627\u0644 "};  // في، عند، خلال
      for (const char* cue : cues) {
        std::string_view c(cue);
        if (v.text.size() > c.size() && v.text.compare(0, c.size(), c) == 0) {
          std::size_t skip = c.size();
          while (skip < v.text.size() && v.text[skip] == ' ') ++skip;
          v.value_text = v.text.substr(skip);
          v.value_start = cp_at[b + skip];
          break;
        }
      }
      const std::string day = "\u064A\u0648\u0645 ";  // يوم before a weekday
      if (piece.weekday > 0 && v.value_text.compare(0, day.size(), day) == 0) {
        v.value_start = cp_at[b + (v.text.size() - v.value_text.size()) + day.size()];
        v.value_text = v.value_text.substr(day.size());
      }
    }
    if (piece.dim == ValueDim::ordinal && piece.anchor != 's')
      v.relative = std::string(piece.anchor == 'e' ? "end" : "current") +
                   (piece.value < 0 ? "" : "+") + format_number(piece.value);
    out.push_back(std::move(v));
  }
  return out;
}

namespace {
/// Whole numbers as JSON integers (20, not 20.0).
nlohmann::ordered_json number(double v) {
  if (v == std::floor(v) && std::fabs(v) < 9e15) return static_cast<std::int64_t>(v);
  return v;
}
}  // namespace

nlohmann::ordered_json parse_json(const std::string& text, const std::vector<ParsedValue>& values) {
  nlohmann::ordered_json j;
  j["text"] = text;
  j["values"] = nlohmann::ordered_json::array();
  for (const auto& v : values) {
    nlohmann::ordered_json o;
    o["dim"] = v.dim;
    o["text"] = v.text;
    o["start"] = v.start;
    o["end"] = v.end;
    if (v.dim == "time") {
      o["from"] = v.from.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(v.from);
      o["to"] = v.to.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(v.to);
      o["grain"] = v.grain.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(v.grain);
      o["kind"] = v.kind;
      if (v.value_start != v.start) o["value_start"] = v.value_start;
    } else {
      o["value"] = number(v.piece.value);
      if (!v.relative.empty()) o["relative"] = v.relative;
      if (!v.unit.empty()) {
        o["unit"] = v.unit;
        o["normalized"] = {{"value", number(v.normalized)}, {"unit", v.base_unit}};
      }
      if (!v.interval.empty()) o["interval"] = v.interval;
    }
    j["values"].push_back(std::move(o));
  }
  return j;
}

}  // namespace claimcheck
