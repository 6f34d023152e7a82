// Fuzz target: dataset.json text → loader and checker. Problems must be DataError
// diagnostics; no other exception, crash or sanitizer report.
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/dataset.hpp"
#include "grammar/lexicon.hpp"

namespace {
const claimcheck::Lexicon& lexicon() {
  static auto lex = claimcheck::Lexicon::load(std::filesystem::path(CLAIMCHECK_FUZZ_DATA) /
                                              "grammar" / "lexicon");
  return *lex;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace claimcheck;
  try {
    auto ds = parse_dataset(std::string(reinterpret_cast<const char*>(data), size),
                            "/nonexistent/fuzz/dataset.json", lexicon());
    for (const auto& d : ds.documents)
      if (d.path.find("..") == 0) __builtin_trap();  // refused by the loader
  } catch (const DataError& e) {
    for (const auto& d : e.diagnostics()) (void)d.format();
  }
  return 0;
}
