// Parsing, checking and loading rule files. Diagnostics are collected with
// file:line:col (columns in code points) and the offending line with a caret.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "engine/rules/ast.hpp"
#include "grammar/lexicon.hpp"

namespace claimcheck::rules {

/// Parses one rule file's text. Syntax errors are appended to `errors`.
RuleFile parse_rules(std::string path, std::string text, std::vector<Diagnostic>& errors);

/// Checks fields, functions, argument types, kinds, verdicts and pair modes.
void check_rules(const RuleFile& file, const Lexicon& lexicon, std::vector<Diagnostic>& errors);

/// Loads every *.rules file of `dir` in name order, parsed and checked. Throws DataError
/// with every problem found.
std::vector<RuleFile> load_rules(const std::filesystem::path& dir, const Lexicon& lexicon);

/// A diagnostic at byte offset `pos` of `text`: line, code-point column, and a message
/// followed by the line and a caret under the column.
Diagnostic diagnostic_at(const std::string& path, const std::string& text, std::size_t pos,
                         std::string message);

}  // namespace claimcheck::rules
