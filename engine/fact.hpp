// The fact model: one normalised, language-independent claim with its provenance
// (document, sentence, byte span), as DESIGN.md's report JSON describes it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimcheck {

/// An immutable string that the facts of one sentence share: a claim-dense document then
/// holds each sentence once, not once per fact.
class SharedText {
 public:
  SharedText() = default;
  SharedText(std::string s)
      : text_(s.empty() ? nullptr : std::make_shared<const std::string>(std::move(s))) {}
  SharedText(const char* s) : SharedText(std::string(s)) {}
  const std::string& str() const { return text_ ? *text_ : empty_; }
  operator const std::string&() const { return str(); }
  bool empty() const { return str().empty(); }
  std::size_t size() const { return str().size(); }
  bool operator==(const SharedText& o) const { return str() == o.str(); }
  bool operator==(std::string_view o) const { return str() == o; }
  bool operator==(const char* o) const { return str() == o; }

 private:
  std::shared_ptr<const std::string> text_;
  inline static const std::string empty_;
};

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
  SharedText text;  ///< as written (shared by the facts it applies to)
};

struct FactSource {
  std::string entity;
  SharedText cue;  ///< shared by the facts of a paragraph
  SharedText text;
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
  SharedText text;                           ///< the sentence, as written
};

}  // namespace claimcheck
