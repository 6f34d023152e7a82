// The JSON report written element by element reads exactly as the JSON tree it replaces
// (dump(2)), with and without findings; every report lists findings in one order; and the
// count of figures a report could not compare.
#include "engine/report.hpp"

#include <algorithm>
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

namespace {
struct Compared {
  std::vector<Document> docs;
  std::vector<Fact> facts;
  std::vector<rules::Finding> findings;
};

Compared compare_fixture(const std::string& name) {
  const auto dir = test::source_dir / "fixtures" / name;
  Compared c;
  c.docs = {read_document((dir / "a.txt").string(), "A"),
            read_document((dir / "b.txt").string(), "B")};
  for (const auto& d : c.docs) {
    auto f = extract_facts(test::lexicon(), d);
    c.facts.insert(c.facts.end(), f.begin(), f.end());
  }
  auto rules = rules::load_rules(test::source_dir / "rules", test::lexicon());
  c.findings = rules::evaluate(rules, c.docs, c.facts, test::lexicon());
  return c;
}
}  // namespace

TEST_CASE("text, JSON and HTML list findings in one order: verdict, then first fact") {
  auto c = compare_fixture("report-demo");
  REQUIRE(c.findings.size() > 3);
  // the JSON's order
  const auto report = compare_report(c.docs, c.facts, c.findings);
  std::vector<std::string> json_order;
  for (const auto& f : report["findings"]) {
    std::string ids;
    for (const auto& id : f["facts"]) ids += id.get<std::string>() + " ";
    json_order.push_back(f["verdict"].get<std::string>() + " " + ids);
  }
  // the text report's: a finding's heading, then its sentences' lines, each led by the ids
  // of its cited facts ("A:1, A:2  «…»")
  std::ostringstream text;
  write_text_report(text, c.docs, c.facts, c.findings, false);
  std::vector<std::string> text_order;
  std::istringstream lines(text.str());
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line[0] >= 'A' && line[0] <= 'Z' && line.find("  ") != std::string::npos &&
        line.rfind("claimcheck", 0) != 0) {
      std::string verdict = line.substr(0, line.find("  "));
      for (auto& ch : verdict) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      text_order.push_back(verdict + " ");
    } else if (line.rfind("    ", 0) == 0 && !text_order.empty()) {
      std::string ids = line.substr(4, line.find("  ", 4) - 4);
      for (std::size_t comma; (comma = ids.find(", ")) != std::string::npos;)
        ids.replace(comma, 2, " ");
      text_order.back() += ids + " ";
    }
  }
  INFO(text.str());
  CHECK(text_order == json_order);
  // the verdicts come most pressing first
  const auto& priority = verdicts_by_priority();
  std::size_t last = 0;
  for (const auto& f : report["findings"]) {
    auto rank = static_cast<std::size_t>(
        std::find(priority.begin(), priority.end(), f["verdict"].get<std::string>()) -
        priority.begin());
    CHECK(rank >= last);
    last = rank;
  }
  CHECK(json_order.front().rfind("contradicts", 0) == 0);
}

TEST_CASE("a report counts the figures it could not compare, and why") {
  Uncompared u;
  u.count(ordered_json{{"subject", nullptr}, {"quantity", {{"value", 3}}}, {"time", nullptr}},
          false);
  u.count(ordered_json{{"subject", "MA"}, {"quantity", {{"value", 3}}}, {"time", nullptr}}, false);
  u.count(ordered_json{{"subject", "MA"}, {"quantity", {{"value", 3}}}, {"time", nullptr}}, false);
  u.count(ordered_json{{"subject", "MA"}, {"quantity", {{"value", 3}}}, {"time", {{"op", "in"}}}},
          false);
  u.count(ordered_json{{"subject", "MA"}, {"quantity", {{"value", 3}}}, {"time", nullptr}}, true);
  u.count(ordered_json{{"subject", "MA"}, {"quantity", nullptr}}, false);
  CHECK(u.text() ==
        "4 figures not compared: 1 without a subject, 2 without a time, 1 with no figure to "
        "compare in another source");
  CHECK(u.json().dump() == R"({"figures":4,"no_subject":1,"no_time":2,"no_counterpart":1})");
  auto c = compare_fixture("report-demo");
  auto j = compare_report(c.docs, c.facts, c.findings);
  CHECK(j["uncompared"]["figures"].is_number());
}
