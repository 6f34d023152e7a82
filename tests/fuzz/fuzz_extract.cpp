// Fuzz target: article text → facts → rules → reports. The input is a document; when it
// is valid, its facts are extracted, compared with themselves under the default rules and
// rendered as JSON and HTML, and every fact span must lie inside the document.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <sstream>
#include <string>

#include "engine/document.hpp"
#include "engine/extract.hpp"
#include "engine/html.hpp"
#include "engine/report.hpp"
#include "engine/rules/evaluate.hpp"
#include "engine/rules/parser.hpp"
#include "grammar/lexicon.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using claimcheck::fuzz::lexicon;
using claimcheck::fuzz::rule_files;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace claimcheck;
  Document a;
  try {
    a = parse_document(std::string(reinterpret_cast<const char*>(data), size), "fuzz", "A");
  } catch (const InputError&) {
    return 0;
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
  return 0;
}
