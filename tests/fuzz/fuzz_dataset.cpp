// Fuzz target: dataset.json text → loader and checker. Problems must be DataError
// diagnostics; no other exception, crash or sanitizer report.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "engine/dataset.hpp"
#include "grammar/lexicon.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using claimcheck::fuzz::lexicon;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace claimcheck;
  try {
    auto ds = parse_dataset(std::string(reinterpret_cast<const char*>(data), size),
                            "/nonexistent/fuzz/dataset.json", lexicon());
    // the dataset's folder is not in a datasets/ folder, so no accepted path may leave
    // it: normalised, none starts with ".." (a name such as "..x" is a file inside)
    for (const auto& d : ds.documents) {
      auto normal = std::filesystem::path(d.path).lexically_normal();
      if (!normal.empty() && *normal.begin() == "..") __builtin_trap();
    }
  } catch (const DataError& e) {
    for (const auto& d : e.diagnostics()) (void)d.format();
  }
  return 0;
}
