// Fuzz target: an HTML page → its text and offset map → facts → HTML report. A page that
// is not valid UTF-8 must end in InputError; otherwise the text must be valid UTF-8
// without NUL bytes, the map must stay inside the page and be monotone, every fact span
// must lie inside the page, and the report (which maps spans back to the text) must build.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <sstream>
#include <string>

#include "engine/document.hpp"
#include "engine/extract.hpp"
#include "engine/html.hpp"
#include "engine/rules/evaluate.hpp"
#include "engine/rules/parser.hpp"
#include "grammar/lexicon.hpp"
#include "grammar/text.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using claimcheck::fuzz::lexicon;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace claimcheck;
  Document a;
  try {
    a = parse_document(std::string(reinterpret_cast<const char*>(data), size), "fuzz.html", "A");
  } catch (const InputError&) {
    return 0;
  }
  if (!a.html || a.text.find('\0') != std::string::npos || find_utf8_error(a.text))
    __builtin_trap();
  std::size_t last_text = 0, last_orig = 0;
  for (const auto& r : a.map.runs) {
    if (r.text < last_text || r.orig < last_orig || r.orig + r.orig_len > a.bytes.size() ||
        r.text > a.text.size())
      __builtin_trap();
    last_text = r.text, last_orig = r.orig;
  }
  for (std::size_t b = 0; b <= a.text.size(); b += 7) {
    auto [ob, oe] = a.map.to_original(b, std::min(b + 5, a.text.size()));
    if (ob > oe || oe > a.bytes.size()) __builtin_trap();
  }
  fuzz::extract_and_report(a);
  return 0;
}
