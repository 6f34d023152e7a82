// The rule language: exact diagnostics for broken rules, each default rule firing when it
// should and staying silent when it must, and the tutorial rule of docs/rules.md run as
// written there.
#include <unistd.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <tuple>

#include "engine/extract.hpp"
#include "engine/report.hpp"
#include "engine/rules/evaluate.hpp"
#include "engine/rules/parser.hpp"
#include "tests/support.hpp"

using namespace claimcheck;
using namespace claimcheck::rules;
using claimcheck::test::lexicon;

namespace {

std::vector<std::string> diagnose(const std::string& text) {
  std::vector<Diagnostic> errors;
  auto file = parse_rules("t.rules", text, errors);
  check_rules(file, lexicon(), errors);
  std::vector<std::string> out;
  for (const auto& d : errors) out.push_back(d.format());
  return out;
}

const std::vector<RuleFile>& default_rules() {
  static auto rules = load_rules(claimcheck::test::source_dir / "rules", lexicon());
  return rules;
}

Fact count(const std::string& id, const std::string& subject, const std::string& predicate,
           const std::string& object, const std::string& op, double value,
           const std::string& time_op, const std::string& from, const std::string& to = "") {
  Fact f;
  f.id = id;
  f.doc = id.substr(0, id.find(':'));
  f.kind = "count";
  f.subject = subject;
  f.predicate = predicate;
  f.family = lexicon().find_predicate(predicate) ? lexicon().find_predicate(predicate)->family : "";
  f.object = object;
  f.quantity = FactQuantity{*op_from_symbol(op), value, std::nullopt, Id(), ""};
  if (!time_op.empty()) {
    FactTime t;
    t.op = *span_op(time_op);
    t.from = TimePoint::parse(from);
    t.to = TimePoint::parse(to);
    if (!t.to && (t.op == SpanOp::in || t.op == SpanOp::as_of)) t.to = t.from;
    f.time = t;
  }
  return f;
}

Fact set_fact(const std::string& id, const std::string& subject, std::vector<std::string> members) {
  Fact f;
  f.id = id;
  f.doc = id.substr(0, id.find(':'));
  f.kind = "set";
  f.subject = subject;
  f.predicate = "cooperate";
  f.family = "partnership";
  f.members.assign(members.begin(), members.end());
  return f;
}

std::vector<Document> docs(std::initializer_list<const char*> ids) {
  std::vector<Document> out;
  for (const char* id : ids) {
    Document d;
    d.id = id;
    out.push_back(d);
  }
  return out;
}

std::vector<std::string> fired(const std::vector<Fact>& facts,
                               std::initializer_list<const char*> doc_ids = {"A", "B"}) {
  std::vector<std::string> out;
  for (const auto& f : evaluate(default_rules(), docs(doc_ids), facts, lexicon()))
    out.push_back(f.rule + ":" + f.verdict);
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

TEST_CASE("the default rules are valid") {
  std::size_t n = 0;
  for (const auto& f : default_rules()) n += f.rules.size();
  CHECK(n == 28);
  for (const auto& f : default_rules())
    for (const auto& r : f.rules) {
      CAPTURE(r.id);
      CHECK_FALSE(r.comment.empty());  // every rule says what it finds
    }
}

TEST_CASE("syntax errors: where and what was expected") {
  CHECK(diagnose("rule x\n  about count\n  jion subject\n") ==
        std::vector<std::string>{"t.rules:3:3: expected a clause (about, pair, join, report, "
                                 "among, when, verdict or explain) or the next 'rule'\n"
                                 "    jion subject\n    ^"});
  CHECK(diagnose("rule x\n  about count\n  join subject\n  when known(a.time) and\n  verdict "
                 "differs\n  explain \"x\"\n")
            .at(0) == "t.rules:5:3: expected an expression\n    verdict differs\n    ^");
  CHECK(diagnose("rule x\n  explain \"unterminated\n")
            .at(0)
            .rfind("t.rules:2:24: expected '\"'", 0) == 0);
  CHECK(diagnose("rulex\n").at(0).rfind("t.rules:1:1: expected 'rule' to start a rule", 0) == 0);
}

TEST_CASE("check errors: unknown names with suggestions, wrong arguments, missing clauses") {
  auto errs = diagnose(
      "rule x\n"
      "  about count, mesure\n"
      "  pair acros\n"
      "  join subject, predicat\n"
      "  when same_span(a.time, b.tiem) and closer(a.quantity) and close(a.quantity, b.quantity) "
      "and disjoint(a.members, b.members)\n"
      "  verdict contradict\n"
      "  explain \"{a.sorce} {c}\"\n");
  std::vector<std::string> first_lines;
  for (const auto& e : errs) first_lines.push_back(e.substr(0, e.find('\n')));
  CHECK(
      first_lines ==
      std::vector<std::string>{
          "t.rules:2:9: unknown fact kind 'mesure' (did you mean 'measure'?)",
          "t.rules:3:8: unknown pairing 'acros' (across, within, any or single) (did you mean "
          "'across'?)",
          "t.rules:4:8: cannot join on 'predicat': join fields are doc, family, kind, object, "
          "place, "
          "polarity, predicate, source, subject, time (did you mean 'predicate'?)",
          "t.rules:6:11: unknown verdict 'contradict' (did you mean 'contradicts'?)",
          "t.rules:5:28: unknown field 'tiem' (did you mean 'time'?)",
          "t.rules:5:38: unknown function 'closer' (did you mean 'close'?)",
          "t.rules:5:61: 'close' takes close(quantity, quantity, number), given 2 arguments",
          "t.rules:5:95: wrong argument types: disjoint(set, set); expected disjoint(time, time) "
          "or disjoint(quantity, quantity)",
          "t.rules:7:15: unknown field 'sorce' (did you mean 'source'?)",
          "t.rules:7:22: unknown placeholder '{c}' (use {a.field}, {b.field}, {shared}, {only_a}, "
          "{only_b} or {groups})",
      });
  CHECK(diagnose("rule y\n  about count\n")[0].rfind("t.rules:1:1: rule 'y' needs a 'join' clause",
                                                     0) == 0);
}

TEST_CASE("columns count characters, not bytes") {
  auto errs = diagnose(
      "rule x\n  about count\n  join subject\n  verdict differs\n  explain \"عربي {a.sorce}\"\n");
  REQUIRE(errs.size() == 1);
  CHECK(errs[0].rfind("t.rules:5:20: unknown field 'sorce'", 0) ==
        0);  // ع ر ب ي are 4 columns, 8 bytes
}

TEST_CASE(
    "numeric contradiction fires on disjoint figures for the same span, not on overlapping ones") {
  auto f = fired({count("A:1", "EG", "arrest", "person", "=", 12, "in", "2020"),
                  count("B:1", "EG", "arrest", "person", ">", 30, "in", "2020")});
  CHECK(has(f, "numeric-contradiction:contradicts"));
  f = fired({count("A:1", "EG", "arrest", "person", "=", 40, "in", "2020"),
             count("B:1", "EG", "arrest", "person", ">", 30, "in", "2020")});
  CHECK_FALSE(has(f, "numeric-contradiction:contradicts"));
  CHECK(has(f, "numeric-compatible:compatible"));
  f = fired({count("A:1", "EG", "arrest", "person", "=", 12, "in", "2020"),
             count("B:1", "EG", "arrest", "person", "=", 30, "in", "2021")});
  CHECK_FALSE(has(f, "numeric-contradiction:contradicts"));
  CHECK(has(f, "different-span:differs"));
  f = fired({count("A:1", "EG", "arrest", "person", "=", 12, "in", "2020"),
             count("B:1", "DZ", "arrest", "person", "=", 30, "in", "2020")});
  CHECK(f.empty() == false);
  CHECK_FALSE(has(f, "numeric-contradiction:contradicts"));  // different subjects never join
}

TEST_CASE("absence against presence is a numeric contradiction") {
  auto none = count("A:1", "TN", "occur", "terrorist_attack", "=", 0, "in", "2019");
  none.polarity = "negative";
  auto f = fired({none, count("B:1", "TN", "occur", "terrorist_attack", "=", 3, "in", "2019")});
  CHECK(has(f, "numeric-contradiction:contradicts"));
}

TEST_CASE("agreement within rounding, and not beyond it") {
  auto f = fired({count("A:1", "JO", "arrest", "person", "~", 150, "in", "2022"),
                  count("B:1", "JO", "arrest", "person", "=", 148, "in", "2022")});
  CHECK(has(f, "numeric-agreement:corroborates"));
  f = fired({count("A:1", "JO", "arrest", "person", "=", 150, "in", "2022"),
             count("B:1", "JO", "arrest", "person", "=", 120, "in", "2022")});
  CHECK_FALSE(has(f, "numeric-agreement:corroborates"));
  CHECK(has(f, "numeric-contradiction:contradicts"));
}

TEST_CASE("figures of two places never compare, one place and none may") {
  auto a = count("A:1", "EG", "injure", "person", "=", 150, "in", "2022");
  auto b = count("B:1", "EG", "injure", "person", "=", 120, "in", "2022");
  a.place = Id("EG-PTS"), b.place = Id("EG-SHG");
  auto f = fired({a, b});
  CHECK_FALSE(has(f, "numeric-contradiction:contradicts"));
  b.place = Id("EG-PTS");
  CHECK(has(fired({a, b}), "numeric-contradiction:contradicts"));
  b.place = Id();
  CHECK(has(fired({a, b}), "numeric-contradiction:contradicts"));
}

TEST_CASE("cumulative contradiction in both orders, and none when the sub-span count fits") {
  auto f = fired({count("A:1", "DZ", "dismantle", "terrorist_cell", "=", 40, "in", "2021"),
                  count("B:1", "DZ", "dismantle", "terrorist_cell", "=", 25, "since", "2019")});
  CHECK(has(f, "cumulative-contradiction:contradicts"));
  CHECK_FALSE(has(f, "different-span:differs"));
  f = fired({count("A:1", "DZ", "dismantle", "terrorist_cell", "=", 25, "since", "2019"),
             count("B:1", "DZ", "dismantle", "terrorist_cell", "=", 40, "in", "2021")});
  CHECK(has(f, "cumulative-contradiction-reversed:contradicts"));
  f = fired({count("A:1", "DZ", "dismantle", "terrorist_cell", "=", 10, "in", "2021"),
             count("B:1", "DZ", "dismantle", "terrorist_cell", "=", 25, "since", "2019")});
  CHECK_FALSE(has(f, "cumulative-contradiction:contradicts"));
  CHECK_FALSE(has(f, "cumulative-contradiction-reversed:contradicts"));
  CHECK(has(f, "different-span:differs"));
}

TEST_CASE("different units in one family differ, other families do not pair") {
  auto f = fired({count("A:1", "MA", "dismantle", "terrorist_cell", ">", 200, "since", "2002"),
                  count("B:1", "MA", "arrest", "person", ">=", 55, "in", "2021")});
  CHECK(has(f, "different-unit:differs"));
  f = fired({count("A:1", "MA", "dismantle", "terrorist_cell", ">", 200, "since", "2002"),
             count("B:1", "MA", "kill", "victim", "=", 5, "in", "2021")});
  CHECK_FALSE(has(f, "different-unit:differs"));
}

TEST_CASE("shared partners give shared and only-in details, disjoint sets give nothing") {
  auto findings = evaluate(
      default_rules(), docs({"A", "B"}),
      {set_fact("A:1", "MA", {"FR", "ES", "PT"}), set_fact("B:1", "MA", {"ES", "DE"})}, lexicon());
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == "shared-partners");
  CHECK(findings[0].details()["shared"] == nlohmann::ordered_json{"ES"});
  CHECK(findings[0].details()["only_in"]["A"] == nlohmann::ordered_json{"FR", "PT"});
  CHECK(findings[0].details()["only_in"]["B"] == nlohmann::ordered_json{"DE"});
  CHECK(findings[0].explanation.find("both sources name Spain") == 0);
  CHECK(evaluate(default_rules(), docs({"A", "B"}),
                 {set_fact("A:1", "MA", {"FR"}), set_fact("B:1", "MA", {"DE"})}, lexicon())
            .empty());
}

TEST_CASE("memberships agree, conflict on co-participants, or differ in role") {
  auto m = [](const std::string& id, const std::string& pred, std::vector<std::string> with) {
    Fact f;
    f.id = id;
    f.doc = id.substr(0, 1);
    f.kind = "membership";
    f.subject = "MA";
    f.predicate = pred;
    f.object = "gctf";
    f.members.assign(with.begin(), with.end());
    return f;
  };
  auto run = [&](std::vector<Fact> facts) {
    std::vector<std::string> out;
    for (const auto& f : evaluate(default_rules(), docs({"A", "B"}), facts, lexicon()))
      out.push_back(f.rule);
    return out;
  };
  CHECK(run({m("A:1", "co_chair", {"CA"}), m("B:1", "co_chair", {"CA"})}) ==
        std::vector<std::string>{"membership-agreement"});
  CHECK(run({m("A:1", "co_chair", {"CA"}), m("B:1", "co_chair", {"NL"})}) ==
        std::vector<std::string>{"membership-conflict"});
  CHECK(run({m("A:1", "member_of", {}), m("B:1", "co_chair", {"CA"})}) ==
        std::vector<std::string>{"membership-roles"});
}

TEST_CASE("a figure restated within one document, consistently or not") {
  auto f = fired({count("A:1", "MA", "dismantle", "terrorist_cell", ">", 200, "since", "2002"),
                  count("A:2", "MA", "dismantle", "terrorist_cell", ">", 200, "since", "2002")},
                 {"A"});
  CHECK(f == std::vector<std::string>{"restated-consistently:corroborates"});
  // (in two sentences: two counts of one sentence are a list)
  auto first = count("A:1", "MA", "dismantle", "terrorist_cell", "=", 200, "since", "2002");
  auto later = count("A:2", "MA", "dismantle", "terrorist_cell", "=", 150, "since", "2002");
  first.sentence = 1, later.sentence = 4;
  f = fired({first, later}, {"A"});
  CHECK(f == std::vector<std::string>{"restated-inconsistently:contradicts"});
  // durations are terms each person has of his own: never a contradiction
  f = fired({count("A:1", "MA", "sentence", "second", "=", 946080000, "in", "2010"),
             count("A:2", "MA", "sentence", "second", "=", 788400000, "in", "2010")},
            {"A"});
  CHECK(f.empty());
  f = fired({count("A:1", "MA", "sentence", "second", "=", 946080000, "in", "2010"),
             count("B:1", "MA", "sentence", "second", "=", 788400000, "in", "2010")},
            {"A", "B"});
  CHECK_FALSE(has(f, "numeric-contradiction:contradicts"));
}

TEST_CASE("single-source only with two or more documents, and only for unmatched facts") {
  auto a = count("A:1", "MA", "occur", "terrorist_incident", "=", 0, "in", "2021");
  CHECK(fired({a}, {"A"}).empty());
  CHECK(fired({a}, {"A", "B"}) == std::vector<std::string>{"single-source-figure:single-source"});
  auto b = count("B:1", "MA", "occur", "terrorist_incident", "=", 0, "in", "2021");
  CHECK_FALSE(has(fired({a, b}), "single-source-figure:single-source"));
  // a figure its document restates (headline and body) is one claim: one finding citing
  // both; another figure of the same thing is another claim
  auto headline = count("A:1", "MA", "arrest", "person", "=", 12, "in", "2021");
  auto body = count("A:2", "MA", "arrest", "person", "~", 12, "in", "2021");
  auto other = count("A:3", "MA", "arrest", "person", "=", 40, "since", "2019");
  auto found = evaluate(default_rules(), docs({"A", "B"}), {headline, body, other}, lexicon());
  std::vector<std::vector<std::string>> single;
  for (const auto& f : found)
    if (f.rule == "single-source-figure") single.push_back(f.facts);
  CHECK(single == std::vector<std::vector<std::string>>{{"A:1", "A:2"}, {"A:3"}});
}

TEST_CASE("the example rule in docs/rules.md works as written") {
  std::ifstream in(claimcheck::test::source_dir / "docs" / "rules.md");
  std::stringstream buf;
  buf << in.rdbuf();
  std::string md = buf.str();
  auto start = md.find("```rules\n");
  REQUIRE(start != std::string::npos);
  start += 9;
  std::string rule_text = md.substr(start, md.find("```", start) - start);
  auto dir = std::filesystem::temp_directory_path() /
             ("claimcheck-docs-rule-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "recycled.rules") << rule_text;
  auto rules = load_rules(dir, lexicon());
  auto findings = evaluate(rules, docs({"A", "B"}),
                           {count("A:1", "EG", "arrest", "person", "=", 55, "in", "2020"),
                            count("B:1", "EG", "arrest", "person", "=", 55, "in", "2021")},
                           lexicon());
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == "recycled-figure");
  CHECK(findings[0].verdict == "differs");
  CHECK(findings[0].explanation ==
        "the first article and the second article give the same figure, 55, in 2020 and in 2021");
  CHECK(evaluate(rules, docs({"A", "B"}),
                 {count("A:1", "EG", "arrest", "person", "=", 55, "in", "2020"),
                  count("B:1", "EG", "arrest", "person", "=", 56, "in", "2021")},
                 lexicon())
            .empty());
}

TEST_CASE("group findings over many documents: every fact with a partner, and only those") {
  // eleven documents agree on 12 arrests in 2020, one says more than 30: the large group
  // takes the evaluator's class-based path
  std::vector<Fact> facts;
  std::vector<Document> many;
  for (int d = 0; d < 12; ++d) {
    std::string id = "D" + std::to_string(d);
    Document doc;
    doc.id = id;
    many.push_back(doc);
    facts.push_back(d == 5 ? count(id + ":1", "EG", "arrest", "person", ">", 30, "in", "2020")
                           : count(id + ":1", "EG", "arrest", "person", "=", 12, "in", "2020"));
  }
  facts.push_back(
      count("D11:2", "EG", "arrest", "person", "=", 7, "in", "2019"));  // another span: no partner
  auto findings = evaluate(default_rules(), many, facts, lexicon());
  const Finding* contradiction = nullptr;
  const Finding* agreement = nullptr;
  for (const auto& f : findings) {
    if (f.rule == "numeric-contradiction") contradiction = &f;
    if (f.rule == "numeric-agreement") agreement = &f;
  }
  REQUIRE(contradiction);
  CHECK(contradiction->facts.size() == 12);  // the deviant and all eleven it contradicts
  CHECK(std::find(contradiction->facts.begin(), contradiction->facts.end(), "D11:2") ==
        contradiction->facts.end());
  CHECK(contradiction->explanation.find("(and 10 more facts in 12 documents)") !=
        std::string::npos);
  REQUIRE(agreement);
  CHECK(agreement->facts.size() == 11);  // the eleven that agree, not the deviant
  CHECK(std::find(agreement->facts.begin(), agreement->facts.end(), "D5:1") ==
        agreement->facts.end());

  // cumulative: 40 in 2021 in ten documents cannot fit in 25 since 2019 from the last one
  std::vector<Fact> cumulative;
  for (int d = 0; d < 11; ++d) {
    std::string id = "D" + std::to_string(d);
    cumulative.push_back(
        d == 10 ? count(id + ":1", "DZ", "dismantle", "terrorist_cell", "=", 25, "since", "2019")
                : count(id + ":1", "DZ", "dismantle", "terrorist_cell", "=", 40, "in", "2021"));
  }
  auto more = evaluate(default_rules(), many, cumulative, lexicon());
  auto it = std::find_if(more.begin(), more.end(),
                         [](const Finding& f) { return f.rule == "cumulative-contradiction"; });
  REQUIRE(it != more.end());
  CHECK(it->facts.size() == 11);
  CHECK(it->verdict == "contradicts");
}

TEST_CASE(
    "a cumulative contradiction in a group too varied for classes: bounds decide, open and "
    "closed") {
  // twelve figures for one thing (more than 8, each its own class: the bound search of
  // `exceeds`); the span since 2019 contains 2020, and 50 is exceeded by > 50 and by 100…,
  // not by 40, by >= 50 nor by < 30
  std::vector<Fact> facts{count("D0:1", "TN", "arrest", "person", "=", 40, "in", "2020"),
                          count("D1:1", "TN", "arrest", "person", ">", 50, "in", "2020"),
                          count("D2:1", "TN", "arrest", "person", ">=", 50, "in", "2020")};
  for (int i = 3; i <= 9; ++i)
    facts.push_back(count("D" + std::to_string(i) + ":1", "TN", "arrest", "person", "=", 100 + i,
                          "in", "2020"));
  facts.push_back(count("D10:1", "TN", "arrest", "person", "=", 50, "since", "2019"));
  facts.push_back(count("D11:1", "TN", "arrest", "person", "<", 30, "in", "2020"));
  std::vector<Document> documents(12);
  for (int i = 0; i <= 11; ++i) documents[static_cast<std::size_t>(i)].id = "D" + std::to_string(i);
  const Finding* found = nullptr;
  auto findings = evaluate(default_rules(), documents, facts, lexicon());
  for (const auto& f : findings)
    if (f.rule == "cumulative-contradiction") found = &f;
  REQUIRE(found);
  CHECK(found->facts == std::vector<std::string>{"D1:1", "D3:1", "D4:1", "D5:1", "D6:1", "D7:1",
                                                 "D8:1", "D9:1", "D10:1"});
  // the pair that explains it: the first fact with a partner, and its first partner
  CHECK(found->explanation ==
        "the second article reports more than 50 in 2020, more than the 50 that article D10 "
        "reports since 2019, a span containing it (and 7 more facts in 9 documents)");
}

TEST_CASE("the rules on several threads find what one thread finds, in the same order") {
  // every fixture article at once: findings of every kind of rule
  std::vector<Document> documents;
  std::vector<Fact> facts;
  for (const auto& dir :
       std::filesystem::directory_iterator(claimcheck::test::source_dir / "fixtures"))
    for (const auto& file : std::filesystem::directory_iterator(dir.path()))
      if (file.path().extension() == ".txt") {
        Document doc = read_document(file.path().string(), "D" + std::to_string(documents.size()));
        auto own = extract_facts(lexicon(), doc);
        facts.insert(facts.end(), own.begin(), own.end());
        documents.push_back(std::move(doc));
      }
  auto dump = [&](unsigned threads) {
    std::string out;
    for (const auto& f : evaluate(default_rules(), documents, facts, lexicon(), {}, threads))
      out += finding_json(f).dump() + "\n";
    return out;
  };
  const std::string one = dump(1);
  CHECK(std::count(one.begin(), one.end(), '\n') > 20);
  CHECK(dump(2) == one);
  CHECK(dump(5) == one);
}

namespace {

/// The findings of the default rules over documents with dates ("A=2013-02-16", or with a
/// clock time "A=2013-02-16T18:40"), optionally checked as new documents against others.
std::vector<std::string> fired_dated(const std::vector<Fact>& facts,
                                     std::initializer_list<const char*> dated,
                                     const std::vector<std::string>& focus = {}) {
  std::vector<Document> ds;
  for (std::string s : dated) {
    Document d;
    d.id = s.substr(0, s.find('='));
    d.date = s.substr(s.find('=') + 1);
    ds.push_back(d);
  }
  std::vector<std::string> out;
  for (const auto& f : evaluate(default_rules(), ds, facts, lexicon(), focus))
    out.push_back(f.rule + ":" + f.verdict);
  return out;
}

}  // namespace

TEST_CASE(
    "figures of the reported present meet a day or two apart, and a later higher count "
    "updates") {
  auto toll = [](const char* id, double n, const char* day) {
    return count(id, "PK", "kill", "person", "=", n, "as_of", day);
  };
  // the same toll the next day agrees; three days later the reports do not meet
  CHECK(fired_dated({toll("A:1", 3, "2013-02-16"), toll("B:1", 3, "2013-02-17")},
                    {"A=2013-02-16", "B=2013-02-17"}) ==
        std::vector<std::string>{"running-agreement:corroborates"});
  CHECK(fired_dated({toll("A:1", 3, "2013-02-16"), toll("B:1", 3, "2013-02-19")},
                    {"A=2013-02-16", "B=2013-02-19"})
            .empty());
  // a higher count later is an update, whichever document comes first
  CHECK(fired_dated({toll("A:1", 63, "2013-02-16"), toll("B:1", 83, "2013-02-17")},
                    {"A=2013-02-16", "B=2013-02-17"}) ==
        std::vector<std::string>{"running-update:updates"});
  CHECK(fired_dated({toll("A:1", 83, "2013-02-17"), toll("B:1", 63, "2013-02-16")},
                    {"A=2013-02-17", "B=2013-02-16"}) ==
        std::vector<std::string>{"running-update-reversed:updates"});
  // a lower count later contradicts: a toll only grows
  CHECK(fired_dated({toll("A:1", 18, "2013-02-16"), toll("B:1", 9, "2013-02-17")},
                    {"A=2013-02-16", "B=2013-02-17"}) ==
        std::vector<std::string>{"running-contradiction:contradicts"});
  // two counts of one day with no clock time are not ordered: no contradiction, the count
  // changed that day
  CHECK(fired_dated({toll("A:1", 18, "2013-02-16"), toll("B:1", 9, "2013-02-16")},
                    {"A=2013-02-16", "B=2013-02-16"}) ==
        std::vector<std::string>{"running-update-same-day:updates"});
  // with clock times they are: 30 at 09:10, 38 at 18:40
  CHECK(fired_dated({toll("A:1", 30, "2013-02-16"), toll("B:1", 38, "2013-02-16")},
                    {"A=2013-02-16T09:10", "B=2013-02-16T18:40"}) ==
        std::vector<std::string>{"running-update:updates"});
  // a day the text gives (in) meets the next day's figure as of its report
  CHECK(fired_dated({count("A:1", "EG", "injure", "person", "=", 18, "in", "2013-02-15"),
                     count("B:1", "EG", "injure", "person", "=", 18, "as_of", "2013-02-16")},
                    {"A=2013-02-16", "B=2013-02-16"}) ==
        std::vector<std::string>{"running-agreement:corroborates"});
  // prison terms are each person's own: never an update or a contradiction
  CHECK(fired_dated({count("A:1", "MA", "sentence", "second", "=", 30, "as_of", "2013-02-17"),
                     count("B:1", "MA", "sentence", "second", "=", 25, "as_of", "2013-02-18")},
                    {"A=2013-02-17", "B=2013-02-18"})
            .empty());
}

TEST_CASE("an incident's figures meet only among the documents given together") {
  std::vector<Fact> facts{count("A:1", "EG", "kill", "person", "=", 3, "as_of", "2013-02-16"),
                          count("B:1", "EG", "kill", "person", "=", 3, "as_of", "2013-02-16"),
                          count("C:1", "EG", "kill", "person", "=", 3, "as_of", "2013-02-16")};
  auto dates = {"A=2013-02-16", "B=2013-02-16", "C=2013-02-16"};
  // a compare of the three: one group finding
  CHECK(fired_dated(facts, dates) == std::vector<std::string>{"running-agreement:corroborates"});
  // A checked alone against a corpus of B and C: another story's three dead is no agreement
  CHECK(fired_dated(facts, dates, {"A"}).empty());
  // A and B checked together: they meet, C (the corpus) stays out
  auto both = evaluate(default_rules(),
                       [&] {
                         std::vector<Document> ds;
                         for (const char* id : {"A", "B", "C"}) {
                           Document d;
                           d.id = id;
                           d.date = "2013-02-16";
                           ds.push_back(d);
                         }
                         return ds;
                       }(),
                       facts, lexicon(), {"A", "B"});
  REQUIRE(both.size() == 1);
  CHECK(both[0].facts == std::vector<std::string>{"A:1", "B:1"});
  // two incidents of one day in a period's count are not compared as the period's
  CHECK(fired_dated({count("A:1", "EG", "kill", "person", "=", 3, "in", "2013-02-16"),
                     count("B:1", "EG", "kill", "person", "=", 4, "in", "2013")},
                    {"A=2013-02-17", "B=2013-02-17"}, {"A"})
            .empty());
}

TEST_CASE("reports of one story agree on a figure neither dates, never contradict on it") {
  auto six = [](const char* id, double n, const char* time_op = "", const char* from = "") {
    Fact f = count(id, "RU", "", "ar:مدينة", "=", n, time_op, from);
    f.kind = "count";
    return f;
  };
  auto dates = {"A=2013-02-15", "B=2013-02-16"};
  CHECK(fired_dated({six("A:1", 6), six("B:1", 6)}, dates) ==
        std::vector<std::string>{"story-agreement:corroborates"});
  CHECK(fired_dated({six("A:1", 6), six("B:1", 7)}, dates).empty());
  Fact more = six("B:1", 5);
  more.quantity->op = QuantityOp::gt;
  CHECK(fired_dated({six("A:1", 6), more}, dates) ==
        std::vector<std::string>{"story-compatible:compatible"});
  // a period's figure (1908) does not meet a figure of no time
  CHECK(fired_dated({six("A:1", 6), six("B:1", 6, "in", "1908")}, dates).empty());
  // checked alone against a corpus, nothing
  CHECK(fired_dated({six("A:1", 6), six("B:1", 6)}, dates, {"A"}).empty());
}

TEST_CASE("a running count with no time, higher in a later report of the story, updates") {
  auto dates = {"A=2013-02-15", "B=2013-02-16"};
  Fact early = count("A:1", "RU", "injure", "person", ">", 250, "as_of", "2013-02-15");
  Fact later = count("B:1", "RU", "injure", "person", "~", 1200, "", "");
  CHECK(fired_dated({early, later}, dates) == std::vector<std::string>{"story-update:updates"});
  // the earlier report the second document
  CHECK(fired_dated({count("A:1", "RU", "injure", "person", "~", 1200, "", ""),
                     count("B:1", "RU", "injure", "person", ">", 250, "as_of", "2013-02-15")},
                    {"A=2013-02-16", "B=2013-02-15"}) ==
        std::vector<std::string>{"story-update-reversed:updates"});
  // lower later: no ground for a contradiction without a time, and no update
  Fact lower = count("B:1", "RU", "injure", "person", "=", 100, "", "");
  CHECK(fired_dated({early, lower}, dates).empty());
  // a count under a fifth of the other (a part, another scope), a term, reports far apart
  CHECK(fired_dated({count("A:1", "RU", "injure", "person", "=", 3, "as_of", "2013-02-15"),
                     count("B:1", "RU", "injure", "person", "=", 400, "", "")},
                    dates)
            .empty());
  for (const auto& f : fired_dated({early, later}, {"A=2013-02-15", "B=2013-02-20"}))
    CHECK(f.find("update") == std::string::npos);
  // no predicate: nothing says it is a running count
  CHECK(fired_dated({count("A:1", "RU", "", "person", "=", 30, "as_of", "2013-02-15"),
                     count("B:1", "RU", "", "person", "=", 40, "", "")},
                    dates)
            .empty());
}

TEST_CASE("figures of one month may agree across documents, never contradict") {
  CHECK(fired({count("A:1", "PK", "kill", "person", "~", 100, "in", "2013-01"),
               count("B:1", "PK", "kill", "person", "=", 100, "in", "2013-01")}) ==
        std::vector<std::string>{"numeric-agreement:corroborates"});
  CHECK(fired({count("A:1", "PK", "kill", "person", "~", 19, "in", "2013-01"),
               count("B:1", "PK", "kill", "person", "~", 100, "in", "2013-01")})
            .empty());
  // a year's still do
  CHECK(fired({count("A:1", "PK", "kill", "person", "~", 19, "in", "2013"),
               count("B:1", "PK", "kill", "person", "~", 100, "in", "2013")}) ==
        std::vector<std::string>{"numeric-contradiction:contradicts"});
}

TEST_CASE("the time built-ins: near, day, as_of and before") {
  auto run = [](const std::string& when, const Fact& a, const Fact& b,
                std::initializer_list<const char*> dated) {
    std::vector<Diagnostic> errors;
    auto file = parse_rules("t.rules",
                            "rule t\n  about count\n  pair across\n  join subject\n  when " + when +
                                "\n  verdict corroborates\n  explain \"x\"\n",
                            errors);
    check_rules(file, lexicon(), errors);
    REQUIRE(errors.empty());
    std::vector<Document> ds;
    for (std::string s : dated) {
      Document d;
      d.id = s.substr(0, s.find('='));
      d.date = s.substr(s.find('=') + 1);
      ds.push_back(d);
    }
    return !evaluate({file}, ds, {a, b}, lexicon()).empty();
  };
  Fact d16 = count("A:1", "EG", "kill", "person", "=", 3, "as_of", "2013-02-16");
  Fact d18 = count("B:1", "EG", "kill", "person", "=", 3, "in", "2013-02-18");
  Fact y2013 = count("B:1", "EG", "kill", "person", "=", 3, "in", "2013");
  auto dates = {"A=2013-02-16", "B=2013-02-18"};
  CHECK(run("near(a.time, b.time, 2)", d16, d18, dates));
  CHECK_FALSE(run("near(a.time, b.time, 1)", d16, d18, dates));
  CHECK_FALSE(run("near(a.time, b.time, 400)", d16, y2013, dates));  // a year is no day
  CHECK(run("day(a.time) and not day(b.time)", d16, y2013, dates));
  CHECK(run("days_at_most(a.time, 31) and not days_at_most(b.time, 31)", d16, y2013, dates));
  CHECK(run("as_of(a.time) and not as_of(b.time)", d16, d18, dates));
  CHECK(run("before(a.reported, b.reported) and not before(b.reported, a.reported)", d16, d18,
            dates));
  CHECK_FALSE(run("before(a.reported, b.reported)", d16, d18, {"A=2013-02-16", "B=2013-02-16"}));
  CHECK(run("before(a.reported, b.reported)", d16, d18,
            {"A=2013-02-16T09:10", "B=2013-02-16T18:40"}));
  CHECK_FALSE(run("known(a.reported)", d16, d18, {"A=", "B="}));
  // a document's date is no join key
  CHECK(diagnose("rule t\n  about count\n  join reported\n  verdict differs\n  explain \"x\"\n")
            .at(0)
            .rfind("t.rules:3:8: cannot join on 'reported'", 0) == 0);
}

TEST_CASE("a later count a third of the earlier is no contradiction: a part or another scope") {
  auto dates = {"A=2013-02-15", "B=2013-02-16"};
  // 18 injured, then 9: a running count that fell, both of one order
  CHECK(has(fired_dated({count("A:1", "EG", "injure", "person", "=", 18, "as_of", "2013-02-15"),
                         count("B:1", "EG", "injure", "person", "=", 9, "as_of", "2013-02-16")},
                        dates),
            "running-contradiction:contradicts"));
  // 250 injured, then 4 (one factory's, three seriously): nothing said
  CHECK_FALSE(
      has(fired_dated({count("A:1", "RU", "injure", "person", "=", 250, "as_of", "2013-02-15"),
                       count("B:1", "RU", "injure", "person", "=", 4, "as_of", "2013-02-16")},
                      dates),
          "running-contradiction:contradicts"));
}

TEST_CASE("one figure stated and bounded agrees with itself, an estimate and a bound only fit") {
  auto dates = {"A=2013-02-16", "B=2013-02-16"};
  auto f = fired_dated({count("A:1", "PK", "kill", "person", ">=", 63, "as_of", "2013-02-16"),
                        count("B:1", "PK", "kill", "person", "=", 63, "as_of", "2013-02-16")},
                       dates);
  CHECK(has(f, "running-agreement:corroborates"));
  CHECK_FALSE(has(f, "running-compatible:compatible"));
  f = fired_dated({count("A:1", "RU", "injure", "person", "~", 1200, "as_of", "2013-02-16"),
                   count("B:1", "RU", "injure", "person", ">", 1200, "as_of", "2013-02-16")},
                  dates);
  CHECK(has(f, "running-compatible:compatible"));
  CHECK_FALSE(has(f, "running-agreement:corroborates"));
}

TEST_CASE("two counts of one sentence are a list, no inconsistent restatement") {
  auto a = count("A:1", "MA", "sentence", "person", "=", 4, "in", "2013");
  auto b = count("A:2", "MA", "sentence", "person", "=", 7, "in", "2013");
  a.sentence = b.sentence = 3;
  CHECK_FALSE(has(fired({a, b}, {"A"}), "restated-inconsistently:contradicts"));
  b.sentence = 9;
  CHECK(has(fired({a, b}, {"A"}), "restated-inconsistently:contradicts"));
}

TEST_CASE("two reports of one day with no clock time: a running count changed that day") {
  auto dates = {"A=2013-02-15", "B=2013-02-15"};
  auto f = fired_dated({count("A:1", "RU", "injure", "person", ">", 250, "as_of", "2013-02-15"),
                        count("B:1", "RU", "injure", "person", "~", 1000, "as_of", "2013-02-15")},
                       dates);
  CHECK(has(f, "running-update-same-day:updates"));
  CHECK_FALSE(has(f, "running-contradiction:contradicts"));
  // a fifth of the other is a part or another scope; one value is no change
  CHECK_FALSE(
      has(fired_dated({count("A:1", "RU", "injure", "person", "=", 250, "as_of", "2013-02-15"),
                       count("B:1", "RU", "injure", "person", "=", 4, "as_of", "2013-02-15")},
                      dates),
          "running-update-same-day:updates"));
  CHECK_FALSE(
      has(fired_dated({count("A:1", "RU", "injure", "person", "~", 1200, "as_of", "2013-02-15"),
                       count("B:1", "RU", "injure", "person", ">", 1200, "as_of", "2013-02-15")},
                      dates),
          "running-update-same-day:updates"));
  // ordered by the days of their reports, it is the ordinary update
  CHECK_FALSE(
      has(fired_dated({count("A:1", "RU", "injure", "person", "=", 400, "as_of", "2013-02-15"),
                       count("B:1", "RU", "injure", "person", "=", 1142, "as_of", "2013-02-16")},
                      {"A=2013-02-15", "B=2013-02-16"}),
          "running-update-same-day:updates"));
}

TEST_CASE("most reports of a day give one figure: another report's figure apart contradicts") {
  auto injured = [](const char* id, const char* op, double n, const char* day) {
    return count(id, "EG", "injure", "person", op, n, "as_of", day);
  };
  std::vector<Document> ds;
  for (const auto& [id, date, source] :
       {std::tuple{"A", "2013-02-16", "tahrir"}, std::tuple{"B", "2013-02-16", "dostor"},
        std::tuple{"C", "2013-02-16", "shorouk"}, std::tuple{"D", "2013-02-16", "mena"},
        std::tuple{"E", "2013-02-17", "masrawy"}}) {
    Document d;
    d.id = id, d.date = date, d.source = source;
    ds.push_back(d);
  }
  auto majority = [&](const std::vector<Fact>& facts) {
    std::vector<Finding> out;
    for (auto& f : evaluate(default_rules(), ds, facts, lexicon()))
      if (f.rule == "running-majority") out.push_back(f);
    return out;
  };
  // 18 in three reports and «about 18» the next day, 9 in one: one finding, by value
  auto f = majority({injured("A:1", "=", 18, "2013-02-16"), injured("B:1", "=", 18, "2013-02-16"),
                     injured("C:1", "~", 18, "2013-02-16"), injured("D:1", "=", 9, "2013-02-16"),
                     injured("E:1", "=", 18, "2013-02-17")});
  REQUIRE(f.size() == 1);
  CHECK(f[0].verdict == "contradicts");
  CHECK(f[0].facts == std::vector<std::string>{"A:1", "B:1", "C:1", "D:1", "E:1"});
  const auto details = f[0].details();
  CHECK(details["majority"]["docs"] == nlohmann::ordered_json{"A", "B", "C", "E"});
  REQUIRE(details["outliers"].size() == 1);
  CHECK(details["outliers"][0]["docs"] == nlohmann::ordered_json{"D"});
  CHECK(details["outliers"][0]["quantity"] == "= 9");
  CHECK(f[0].explanation.rfind("18: tahrir, dostor, shorouk and masrawy; 9: mena: ", 0) == 0);

  // two against two: no majority
  CHECK(majority({injured("A:1", "=", 18, "2013-02-16"), injured("B:1", "=", 18, "2013-02-16"),
                  injured("C:1", "=", 9, "2013-02-16"), injured("D:1", "=", 9, "2013-02-16")})
            .empty());
  // a figure that can hold with the majority's (more than 10) is no outlier
  CHECK(majority({injured("A:1", "=", 18, "2013-02-16"), injured("B:1", "=", 18, "2013-02-16"),
                  injured("C:1", "=", 18, "2013-02-16"), injured("D:1", ">", 10, "2013-02-16")})
            .empty());
  // a higher figure after every majority report is the count's update, not an outlier
  CHECK(majority({injured("A:1", "=", 18, "2013-02-16"), injured("B:1", "=", 18, "2013-02-16"),
                  injured("C:1", "=", 18, "2013-02-16"), injured("E:1", "=", 25, "2013-02-17")})
            .empty());
  // a document that gives the majority's figure too is none of its outliers (its other
  // figure has another scope); under a third of the majority is another incident's
  CHECK(majority({injured("A:1", "=", 18, "2013-02-16"), injured("B:1", "=", 18, "2013-02-16"),
                  injured("C:1", "=", 18, "2013-02-16"), injured("C:2", "=", 24, "2013-02-16"),
                  injured("D:1", "=", 4, "2013-02-16")})
            .empty());
}

TEST_CASE("report majority: checked where it applies") {
  const std::string rule =
      "rule m\n  about count\n  join subject\n  report majority\n  pair single\n"
      "  verdict contradicts\n  explain \"{groups}\"\n";
  auto errors = diagnose(rule);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("'report majority' compares documents: it needs 'pair across'") !=
        std::string::npos);
  errors = diagnose(
      "rule g\n  about count\n  join subject\n  verdict differs\n"
      "  explain \"{groups}\"\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("{groups} names the value groups of 'report majority'") !=
        std::string::npos);
}
