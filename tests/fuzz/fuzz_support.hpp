// What the fuzz targets share: the project's lexicon and default rules, loaded once from
// the source tree (CLAIMCHECK_FUZZ_DATA), and the run from a document to its reports.
#pragma once

#include <filesystem>
#include <sstream>
#include <vector>

#include "engine/document.hpp"
#include "engine/extract.hpp"
#include "engine/html.hpp"
#include "engine/report.hpp"
#include "engine/rules/evaluate.hpp"
#include "engine/rules/parser.hpp"
#include "grammar/language.hpp"
#include "grammar/lexicon.hpp"

namespace claimcheck::fuzz {

inline const Lexicon& lexicon() {
  static auto lex =
      Lexicon::load(std::filesystem::path(CLAIMCHECK_FUZZ_DATA) / "grammar" / "lexicon");
  return *lex;
}

inline const std::vector<rules::RuleFile>& rule_files() {
  static auto files =
      rules::load_rules(std::filesystem::path(CLAIMCHECK_FUZZ_DATA) / "rules", lexicon());
  return files;
}

/// Extracts the facts of `a` (every span must lie in its bytes), compares the document
/// with a copy of itself under the default rules and renders the JSON and HTML reports.
/// A document in a language without a grammar must be refused with UnsupportedLanguage;
/// its bytes then go through the Arabic grammar all the same.
inline void extract_and_report(Document a) {
  if (!a.lang.empty() && !find_grammar(a.lang)) {
    try {
      extract_facts(lexicon(), a);
      __builtin_trap();
    } catch (const UnsupportedLanguage&) {
    }
    a.lang = "ar";
  }
  auto facts = extract_facts(lexicon(), a);
  for (const auto& f : facts)
    if (f.span_begin > f.span_end || f.span_end > a.bytes.size()) __builtin_trap();
  Document b = a;
  b.id = "B";
  auto all = facts;
  for (auto f : facts) {
    f.doc = "B";
    f.id = "B" + f.id.substr(1);
    all.push_back(f);
  }
  auto findings = rules::evaluate(rule_files(), {a, b}, all, lexicon());
  std::ostringstream out;
  out << compare_report({a, b}, all, findings).dump();
  write_html_report(out, {a, b}, all, findings, lexicon());
}

}  // namespace claimcheck::fuzz
