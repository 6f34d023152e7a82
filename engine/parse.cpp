// `claimcheck parse`: normalise, scan for values, then map each back to the input (code
// points and bytes) and finish its meaning (units, intervals, times against a reference).
#include "engine/parse.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "engine/dates.hpp"
#include "engine/document.hpp"
#include "engine/time/resolve.hpp"
#include "grammar/language.hpp"
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
  const std::string lang = options.lang.empty() ? detect_language(text) : options.lang;
  const Grammar* grammar = lang.empty() ? grammars().front() : find_grammar(lang);
  if (!grammar)
    throw UnsupportedLanguage("language '" + lang + "' has no grammar; claimcheck reads " +
                              grammar_codes());
  auto pieces = grammar->scan_values(lex, norm.text,
                                     Span{0, static_cast<std::uint32_t>(norm.text.size())}, dims);
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
      if (auto span = resolve_time(lex, piece, options.reference)) {
        // parse writes ends as the suites do: exclusive, one unit past the inclusive end
        v.from = span->from_iso();
        v.to = span->to ? span->to->next().iso() : std::string();
        v.grain = span->grain;
      }
      // the kind of time, as Recognizers-Text names them
      const TimePiece& t = piece.time;
      if (piece.period.kind != 0)
        v.kind = piece.period.kind == 'd'   ? "date"
                 : piece.period.kind == 't' ? "time"
                 : piece.period.kind == 'i' ? "timerange"
                                            : "daterange";
      else if (piece.datetime)
        v.kind = piece.hour >= 0 ? (piece.weekday > 0 || t.d1 > 0 ? "datetime" : "time")
                 : piece.last_day > 0 || (t.d1 == 0 && t.m1 > 0 && piece.weekday == 0) ? "daterange"
                                                                                       : "date";
      else if (t.relative >= 0)
        v.kind = lex.relative(t.relative).unit == 'd'   ? "date"
                 : lex.relative(t.relative).unit == 'n' ? "datetime"
                                                        : "daterange";
      else
        v.kind = t.op == TimeOp::in && t.d1 > 0 ? "date" : "daterange";
      // a leading cue is not the value
      // (unless the rule keeps it: في الصباح، في 3 سنوات)
      static const char* const cues[] = {"\u0641\u064A ", "\u0639\u0646\u062F ",
                                         "\u062E\u0644\u0627\u0644 ",
                                         "\u0645\u0627 "};  // في، عند، خلال، ما (بين)
      for (const char* cue : cues) {
        if (piece.period.keep_cue) break;
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
