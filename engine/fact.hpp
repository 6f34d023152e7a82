// The fact model: one normalised, language-independent claim with its provenance
// (document, sentence, byte span), as DESIGN.md's report JSON describes it.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace claimcheck {

struct FactQuantity {
  std::string op;  ///< = > >= < <= ~ between
  double value = 0;
  std::optional<double> upper;
  std::string unit;  ///< empty for plain counts; "percent"
  std::string text;  ///< as written
};

struct FactTime {
  std::string op;    ///< in since until between as_of
  std::string from;  ///< ISO 8601 prefix, empty when open
  std::string to;
  bool inherited = false;
  std::string text;
};

struct FactSource {
  std::string entity;
  std::string cue;
  std::string text;
};

struct Fact {
  std::string id;  ///< "A:3"
  std::string doc;
  std::string kind;  ///< count measure set membership event
  std::string subject, predicate, family, object;
  std::optional<FactQuantity> quantity;
  std::optional<FactTime> time;
  std::vector<std::string> members;
  std::string polarity = "positive";
  std::optional<FactSource> source;
  std::size_t span_begin = 0, span_end = 0;  ///< bytes of the original file
  int sentence = 0;                          ///< 1-based
  std::string text;                          ///< the sentence, as written
};

}  // namespace claimcheck
