// The fact model: one normalised, language-independent claim with its provenance
// (document, sentence, byte span), as DESIGN.md's report JSON describes it. Typed: ids
// interned, the quantity's operator an enum, the time a TimeSpan; text and JSON only at
// the edges (report writers, the store, datasets).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/id.hpp"
#include "engine/shared_text.hpp"
#include "engine/time/span.hpp"
#include "grammar/pieces.hpp"

namespace claimcheck {

/// "=", ">", ">=", "<", "<=", "~" or "between": how the report JSON writes an operator.
const char* op_symbol(QuantityOp op);
/// The operator a symbol names, or nothing.
std::optional<QuantityOp> op_from_symbol(std::string_view symbol);

struct FactQuantity {
  QuantityOp op = QuantityOp::eq;
  double value = 0;
  std::optional<double> upper;
  Id unit;           ///< empty for plain counts; "percent", a base unit (gram) or ISO 4217 code
  std::string text;  ///< as written
};

/// A fact's time: the one time model's span (engine/time/span.hpp).
using FactTime = TimeSpan;

struct FactSource {
  Id entity;
  SharedText cue;  ///< shared by the facts of a paragraph
  SharedText text;
};

struct Fact {
  std::string id;  ///< "A:3"
  std::string doc;
  std::string kind;  ///< count measure set membership event
  Id subject, predicate, family, object;
  /// Where it happened below the country: an ISO 3166-2 code (EG-PTS), empty when unknown
  Id place;
  std::optional<FactQuantity> quantity;
  std::optional<FactTime> time;
  std::vector<Id> members;
  std::string polarity = "positive";
  std::optional<FactSource> source;
  std::size_t span_begin = 0, span_end = 0;  ///< bytes of the original file
  int sentence = 0;                          ///< 1-based
  SharedText text;                           ///< the sentence, as written
};

}  // namespace claimcheck
