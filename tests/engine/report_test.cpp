// The JSON report written element by element reads exactly as the JSON tree it replaces
// (dump(2)), with and without findings, with and without facts.
#include "engine/report.hpp"

#include <sstream>

#include "engine/extract.hpp"
#include "engine/rules/parser.hpp"
#include "tests/support.hpp"

using namespace claimcheck;

TEST_CASE("write_json_report streams the same JSON as the report tree") {
  const auto dir = test::source_dir / "fixtures" / "report-demo";
  std::vector<Document> docs{read_document((dir / "a.txt").string(), "A"),
                             read_document((dir / "b.txt").string(), "B")};
  std::vector<Fact> facts;
  for (const auto& d : docs) {
    auto f = extract_facts(test::lexicon(), d);
    facts.insert(facts.end(), f.begin(), f.end());
  }
  REQUIRE(facts.size() > 5);
  auto rules = rules::load_rules(test::source_dir / "rules", test::lexicon());
  auto findings = rules::evaluate(rules, docs, facts, test::lexicon());
  REQUIRE(!findings.empty());

  std::ostringstream streamed;
  write_json_report(streamed, docs, facts, &findings);
  CHECK(streamed.str() == compare_report(docs, facts, findings).dump(2) + "\n");

  std::ostringstream facts_only;
  write_json_report(facts_only, docs, facts);
  CHECK(facts_only.str() == facts_report(docs, facts).dump(2) + "\n");

  std::ostringstream empty;
  std::vector<rules::Finding> none;
  write_json_report(empty, {}, {}, &none);
  CHECK(empty.str() == compare_report({}, {}, none).dump(2) + "\n");
  CHECK(nlohmann::json::parse(empty.str())["facts"].empty());
}
