// The rule language's syntax tree: plain structs filled by the X3 parser (parser.cpp),
// checked by check.cpp and evaluated by evaluate.cpp. Positions are byte offsets into the
// rule file; diagnostics turn them into line and code-point column.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace claimcheck::rules {

/// One expression node. `kind` says which members are used.
struct Node {
  enum Kind { number, string, path, call, compare, not_, and_, or_ } kind = number;
  std::size_t pos = 0;  ///< byte offset in the file
  double value = 0;     ///< number
  std::string text;     ///< string literal, function name, field name or comparison op
  char side = 0;        ///< path: 'a' or 'b'
  std::vector<std::shared_ptr<Node>> args;  ///< call arguments, operands
};
using NodePtr = std::shared_ptr<Node>;

struct Rule {
  std::string id;
  std::size_t pos = 0;
  std::vector<std::string> about;  ///< fact kinds
  std::size_t about_pos = 0;
  std::string pair = "across";  ///< across within any single
  std::size_t pair_pos = 0;
  std::string report = "pair";  ///< pair: a finding per pair; group: one per join group
  std::size_t report_pos = 0;
  /// all: pairs from any documents; given: only pairs of documents given together (every
  /// document of a compare, the new documents of a check, never one against the corpus)
  std::string among = "all";
  std::size_t among_pos = 0;
  std::vector<std::string> join;  ///< fact fields
  std::size_t join_pos = 0;
  NodePtr when;  ///< may be null (always true)
  std::string verdict;
  std::size_t verdict_pos = 0;
  std::string explain;
  std::size_t explain_pos = 0;
  std::string comment;  ///< the comment lines right above the rule
  std::string file;
};

struct RuleFile {
  std::string path;
  std::string text;
  std::vector<Rule> rules;
};

}  // namespace claimcheck::rules
