// Curated datasets (`claimcheck.dataset/1`): loading and checking dataset.json, and
// verifying a dataset's expectations against what extraction finds.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "engine/fact.hpp"
#include "engine/rules/ast.hpp"
#include "engine/rules/evaluate.hpp"
#include "grammar/lexicon.hpp"

namespace claimcheck {

struct DatasetDocument {
  std::string id, path, lang, source, title, date;
};

struct Dataset {
  std::filesystem::path dir;   ///< the folder holding dataset.json
  std::filesystem::path file;  ///< dataset.json itself
  std::string name, description;
  std::vector<DatasetDocument> documents;
  nlohmann::json expect_facts = nlohmann::json::array(), forbid_facts = nlohmann::json::array();
  nlohmann::json expect_findings = nlohmann::json::array(),
                 forbid_findings = nlohmann::json::array();
};

/// Loads DIR/dataset.json (or a dataset.json path) and checks its fields and ids against
/// the lexicon. Throws DataError with the file and the JSON path of each problem.
Dataset load_dataset(const std::filesystem::path& path, const Lexicon& lexicon);

/// The same from the text of a dataset.json at `file` (for tests and fuzzing). Document
/// paths must stay inside the dataset's folder: absolute paths and paths that climb out
/// with ".." are errors.
Dataset parse_dataset(const std::string& text, const std::filesystem::path& file,
                      const Lexicon& lexicon);

/// True when every field `expected` gives equals the fact's (see DESIGN.md); otherwise
/// false with the first differing field described in `why` when given.
bool fact_matches(const nlohmann::json& expected, const Fact& fact, std::string* why = nullptr);

/// One expectation of a dataset and how it fared: a test case in JUnit's terms.
struct VerifyCase {
  std::string name;     ///< "expect_facts[0]"
  std::string status;   ///< "passed", "failed" or "not checked"
  std::string message;  ///< what was found, or what was missed and the closest fact
};

struct VerifyResult {
  int passed = 0;
  int failed = 0;
  int not_checked = 0;
  std::vector<VerifyCase> cases;  ///< in the dataset's order
};

/// Writes JUnit XML (one <testsuite> per dataset, one <testcase> per expectation) for CI
/// systems that read it.
void write_junit(std::ostream& out,
                 const std::vector<std::pair<std::string, VerifyResult>>& suites);

/// True when every field `expected` gives holds for the finding: rule, verdict, docs (as a
/// set), details (given keys, recursively; lists as sets), and fact fields that must hold
/// for every fact the finding cites.
bool finding_matches(const nlohmann::json& expected, const rules::Finding& finding,
                     const std::vector<Fact>& facts);

/// Extracts every document of the dataset and prints each expectation met or missed.
/// Findings are checked with `rules` when given, else reported as not checked.
/// Throws InputError when a document cannot be read.
VerifyResult verify_dataset(const Lexicon& lexicon, const Dataset& dataset, std::ostream& out,
                            const std::vector<rules::RuleFile>* rules = nullptr);

}  // namespace claimcheck
