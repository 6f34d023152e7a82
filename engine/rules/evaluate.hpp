// Evaluating rules over facts: each rule's facts are grouped by its join key in a hash
// index and only pairs within a group are compared, so the cost follows the number of
// matching pairs, never facts². Findings carry the rule, verdict, documents, facts,
// a rendered explanation and details.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "engine/document.hpp"
#include "engine/fact.hpp"
#include "engine/rules/ast.hpp"
#include "grammar/lexicon.hpp"

namespace claimcheck::rules {

/// What a finding says of one fact it rests on, normalised (see describe_quantity/time).
struct FactBrief {
  std::string fact;
  std::string quantity;  ///< empty when the fact has none
  std::string time;
};

struct Finding {
  std::string rule;
  std::string verdict;
  std::vector<std::string> docs;
  std::vector<std::string> facts;
  std::string explanation;
  // The details, kept compact (a report may hold hundreds of thousands of findings);
  // details() renders them as the report's JSON object.
  std::vector<FactBrief> pair;  ///< the two facts the explanation names, or none
  bool has_sets = false;        ///< set findings: shared and only-in members
  std::vector<std::string> shared;
  std::vector<std::pair<std::string, std::vector<std::string>>> only_in;  ///< by document
  std::size_t group_facts = 0;  ///< report group: how many facts the finding cites
  /// report majority: the figures by value, the majority's first, each with its documents
  struct ValueGroup {
    FactBrief figure;  ///< the first fact of the group
    std::vector<std::string> docs, facts;
  };
  std::vector<ValueGroup> groups;

  nlohmann::ordered_json details() const;
};

/// The verdicts in report order.
const std::vector<std::string>& verdicts();

/// Applies every rule to the facts of `docs` (facts in document order, each naming its
/// document by id). Findings come in rule order, then by their first fact.
/// With `focus` (document ids), only groups and pairs holding a fact of one of those
/// documents are looked at: every finding that names one of them is found as without it,
/// and most others are not looked for (how check compares new documents with a corpus).
/// Rules run on `threads` threads (0: one for each core when there are many facts, else
/// one); the findings are the same for any number.
std::vector<Finding> evaluate(const std::vector<RuleFile>& rules, const std::vector<Document>& docs,
                              const std::vector<Fact>& facts, const Lexicon& lexicon,
                              const std::vector<std::string>& focus = {}, unsigned threads = 0);

}  // namespace claimcheck::rules
