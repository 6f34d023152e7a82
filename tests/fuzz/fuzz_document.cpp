// Fuzz target: bytes → document (UTF-8 validation, NUL bytes, front matter). Bad input
// must end in InputError; anything else (a crash, another exception, a sanitizer
// report) is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/document.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    auto doc = claimcheck::parse_document(std::string(reinterpret_cast<const char*>(data), size),
                                          "fuzz", "A");
    if (doc.body_offset > doc.bytes.size()) __builtin_trap();
  } catch (const claimcheck::InputError&) {
  }
  return 0;
}
