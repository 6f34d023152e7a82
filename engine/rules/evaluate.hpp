// Evaluating rules over facts: each rule's facts are grouped by its join key in a hash
// index and only pairs within a group are compared, so the cost follows the number of
// matching pairs, never facts². Findings carry the rule, verdict, documents, facts,
// a rendered explanation and details.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/document.hpp"
#include "engine/fact.hpp"
#include "engine/rules/ast.hpp"
#include "grammar/lexicon.hpp"

namespace claimcheck::rules {

struct Finding {
  std::string rule;
  std::string verdict;
  std::vector<std::string> docs;
  std::vector<std::string> facts;
  std::string explanation;
  nlohmann::ordered_json details = nlohmann::ordered_json::object();
};

/// The verdicts in report order.
const std::vector<std::string>& verdicts();

/// Applies every rule to the facts of `docs` (facts in document order, each naming its
/// document by id). Findings come in rule order, then by their first fact.
std::vector<Finding> evaluate(const std::vector<RuleFile>& rules, const std::vector<Document>& docs,
                              const std::vector<Fact>& facts, const Lexicon& lexicon);

}  // namespace claimcheck::rules
