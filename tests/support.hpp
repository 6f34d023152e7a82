// Shared test helpers: the project's lexicon loaded once, normalisation of test strings,
// and where ../shared is (tests that need it print why they skip when it is absent).
#pragma once

#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "engine/document.hpp"
#include "grammar/language.hpp"
#include "grammar/lexicon.hpp"
#include "grammar/text.hpp"

namespace claimcheck::test {

inline const std::filesystem::path source_dir = CLAIMCHECK_TEST_SOURCE_DIR;

inline const Lexicon& lexicon() {
  static std::shared_ptr<const Lexicon> lex = Lexicon::load(source_dir / "grammar" / "lexicon");
  return *lex;
}

/// The Arabic grammar, reached as every caller reaches it: through the registry.
inline const Grammar& arabic() {
  return *find_grammar("ar");
}

inline std::u32string norm(const std::string& s) {
  return normalise_key(s);
}

/// ../shared beside the checkout, or empty when it is absent (a user's clone).
inline std::filesystem::path shared_dir() {
  auto dir = source_dir / ".." / "shared";
  std::error_code ec;
  return std::filesystem::exists(dir / "DESIGN.md", ec) ? dir.lexically_normal()
                                                        : std::filesystem::path();
}

/// Skips the running test case for `reason`: under CTest (which sets CLAIMCHECK_SKIP_EXIT,
/// one test case a process) the process exits with that code, which CTest reports as
/// skipped; run by hand, the reason is printed and the case returns.
#define CLAIMCHECK_SKIP(reason)                                   \
  do {                                                            \
    MESSAGE(reason);                                              \
    if (const char* code = std::getenv("CLAIMCHECK_SKIP_EXIT")) { \
      std::fprintf(stdout, "skipped: %s\n", reason);              \
      std::fflush(stdout);                                        \
      std::_Exit(std::atoi(code));                                \
    }                                                             \
    return;                                                       \
  } while (0)

/// The InputError message parsing `bytes` as "in.txt" gives, or "" when it parses.
inline std::string input_error(const std::string& bytes) {
  try {
    parse_document(bytes, "in.txt", "A");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace claimcheck::test
