// Fuzz target: rule-file text → parser → checker → (when it checks out) evaluation over
// a few facts. Errors must be diagnostics; nothing may crash or throw anything else.
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/rules/evaluate.hpp"
#include "engine/rules/parser.hpp"
#include "grammar/lexicon.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using claimcheck::fuzz::lexicon;

namespace {
claimcheck::Fact fact(const std::string& id, double value, const char* op, const char* year) {
  claimcheck::Fact f;
  f.id = id;
  f.doc = id.substr(0, 1);
  f.kind = "count";
  f.subject = "MA";
  f.predicate = "arrest";
  f.family = "enforcement";
  f.object = "person";
  f.quantity =
      claimcheck::FactQuantity{*claimcheck::op_from_symbol(op), value, std::nullopt, {}, "x"};
  claimcheck::FactTime t;
  t.from = t.to = claimcheck::TimePoint::parse(year);
  t.text = "y";
  f.time = t;
  f.members = {"ES", "FR"};
  return f;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace claimcheck;
  std::vector<Diagnostic> errors;
  auto file = rules::parse_rules("fuzz.rules",
                                 std::string(reinterpret_cast<const char*>(data), size), errors);
  if (!errors.empty()) return 0;
  rules::check_rules(file, lexicon(), errors);
  for (const auto& e : errors) (void)e.format();
  if (!errors.empty()) return 0;
  std::vector<Document> docs(2);
  docs[0].id = "A", docs[1].id = "B";
  std::vector<Fact> facts{fact("A:1", 12, "=", "2020"), fact("A:2", 5, ">", "2021"),
                          fact("B:1", 30, ">", "2020"), fact("B:2", 0, "=", "2021")};
  auto findings = rules::evaluate({file}, docs, facts, lexicon());
  for (const auto& f : findings) (void)f.details().dump();
  return 0;
}
