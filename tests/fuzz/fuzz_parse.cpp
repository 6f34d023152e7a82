// Fuzz target: text → `claimcheck parse` (every value rule, the joining step and the
// resolution against a reference) → its JSON. Invalid UTF-8 must end in InputError. Every
// value must lie in the text, in code points and bytes, with its own text inside it.
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/document.hpp"
#include "engine/parse.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  claimcheck::ParseOptions options;
  options.reference = "2013-02-12T04:30:00";
  options.lang = "ar";  // every input through the grammar, whatever its script
  try {
    auto values = claimcheck::parse_values(claimcheck::fuzz::lexicon(), text, options);
    std::size_t last_end = 0;
    for (const auto& v : values) {
      if (v.byte_start > v.byte_end || v.byte_end > text.size()) __builtin_trap();
      if (v.start > v.end || v.value_start < v.start || v.value_start > v.end) __builtin_trap();
      if (text.compare(v.byte_start, v.byte_end - v.byte_start, v.text) != 0) __builtin_trap();
      if (v.text.size() < v.value_text.size() ||
          v.text.compare(v.text.size() - v.value_text.size(), v.value_text.size(), v.value_text) !=
              0)
        __builtin_trap();
      if (v.start < last_end) __builtin_trap();  // in text order, never overlapping
      last_end = v.end;
    }
    (void)claimcheck::parse_json(text, values).dump();
  } catch (const claimcheck::InputError&) {
  }
  return 0;
}
