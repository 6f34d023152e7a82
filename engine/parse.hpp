// `claimcheck parse`: every value the grammar recognises in a short text (numbers,
// ordinals, amounts with units and currencies, percentages, durations, temperatures,
// volumes, times, ranges), with where it is and what it means, as JSON. The suite runner
// (tools/coverage.cpp) measures the grammar through the same function.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "grammar/lexicon.hpp"
#include "grammar/pieces.hpp"

namespace claimcheck {

struct ParseOptions {
  /// What relative times resolve against (Duckling's corpus uses 2013-02-12T04:30:00);
  /// "YYYY-MM-DD…". Without it, relative times stay unresolved.
  std::string reference;
  /// The grammar's language ("ar"); empty: the text's script decides (a text without
  /// letters is read by the first grammar, as digits and signs are no language's own).
  std::string lang;
  /// Only values of these dimensions ("number", "money", …); empty for all.
  std::vector<std::string> dims;
};

/// The dimension names parse knows, in order.
const std::vector<std::string>& value_dims();

struct ParsedValue {
  ValuePiece piece;
  std::string dim;                 ///< "number", "money", …
  std::string text;                ///< as written
  std::size_t start = 0, end = 0;  ///< code points of the input, end exclusive
  std::size_t byte_start = 0, byte_end = 0;
  std::string unit;             ///< unit id (ISO 4217 for money); empty without one
  std::string base_unit;        ///< the unit `normalized` is in
  double normalized = 0;        ///< value in base units
  std::string interval;         ///< ranges and intervals: "[10,20)", "(20,", ",7)"
  std::string from, to, grain;  ///< times: ISO 8601, `to` exclusive at its grain
  std::string relative;         ///< relative ordinals: "end-1", "current+1"
  std::string kind;             ///< times: date, daterange, time or datetime
  /// Where the value proper starts, after a leading cue (في، عند، خلال، or يوم before a
  /// weekday): «في 22 أبريل» is a time whose value is «22 أبريل».
  std::size_t value_start = 0;
  std::string value_text;
};

/// Parses valid UTF-8 `text` (throws InputError otherwise).
std::vector<ParsedValue> parse_values(const Lexicon& lexicon, const std::string& text,
                                      const ParseOptions& options = {});

/// {"text": …, "values": [{"dim", "text", "start", "end", "value", …}]}
nlohmann::ordered_json parse_json(const std::string& text, const std::vector<ParsedValue>& values);

/// A number as Recognizers-Text writes it: 20, 0.08, -10, 0.333333333333333 (15
/// significant digits), 1E-12.
std::string format_number(double v);

}  // namespace claimcheck
