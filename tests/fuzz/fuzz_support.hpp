// What the fuzz targets share: the project's lexicon and default rules, loaded once from
// the source tree (CLAIMCHECK_FUZZ_DATA).
#pragma once

#include <filesystem>
#include <vector>

#include "engine/rules/parser.hpp"
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

}  // namespace claimcheck::fuzz
