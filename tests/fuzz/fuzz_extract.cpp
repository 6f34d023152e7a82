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

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace claimcheck;
  Document a;
  try {
    a = parse_document(std::string(reinterpret_cast<const char*>(data), size), "fuzz", "A");
  } catch (const InputError&) {
    return 0;
  }
  fuzz::extract_and_report(a);
  return 0;
}
