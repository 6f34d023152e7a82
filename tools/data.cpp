// Where the claimcheck command finds its lexicon and rules, and their fingerprints (see
// data.hpp).
#include "tools/data.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

#include "engine/document.hpp"
#include "engine/extract.hpp"
#include "engine/sha256.hpp"

#ifndef CLAIMCHECK_VERSION
#define CLAIMCHECK_VERSION "unknown"
#endif

namespace claimcheck::cli {
namespace fs = std::filesystem;

namespace {
bool has_lexicon(const fs::path& root) {
  std::error_code ec;
  return fs::is_directory(root / "grammar" / "lexicon", ec);
}

/// The running binary, from /proc (Linux); empty when it cannot be told.
fs::path own_binary() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe;
}
}  // namespace

fs::path default_data_root() {
  if (fs::path exe = own_binary(); !exe.empty()) {
    fs::path beside = (exe.parent_path() / ".." / "share" / "claimcheck").lexically_normal();
    if (has_lexicon(beside)) return beside;
  }
  fs::path source = CLAIMCHECK_SOURCE_DATA_DIR;
  if (!source.empty() && has_lexicon(source)) return source;
  return CLAIMCHECK_INSTALL_DATA_DIR;
}

fs::path lexicon_root(const fs::path& given) {
  fs::path root = given;
  std::string from = "--data";
  if (root.empty()) {
    if (const char* env = std::getenv("CLAIMCHECK_DATA"); env && *env) {
      root = env;
      from = "$CLAIMCHECK_DATA";
    } else {
      root = default_data_root();
      from = "the default data folder";
    }
  }
  if (!has_lexicon(root)) {
    std::string hint = has_lexicon(root / ".." / "..") && root.filename() == "lexicon"
                           ? " (give the folder that holds grammar/lexicon/, here " +
                                 (root / ".." / "..").lexically_normal().string() + ")"
                           : " (" + from + " names the folder that holds grammar/lexicon/)";
    throw InputError(root.string() + ": no grammar/lexicon folder in it" + hint);
  }
  return root;
}

fs::path default_rules_dir() {
  if (const char* env = std::getenv("CLAIMCHECK_RULES"); env && *env) return env;
  return default_data_root() / "rules";
}

std::string folder_fingerprint(const fs::path& dir, const std::string& suffix) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return "";
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (e.is_regular_file() && name.size() >= suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      files.push_back(e.path());
  }
  if (files.empty()) return "";
  std::sort(files.begin(), files.end());
  std::string all;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    all += fs::relative(f, dir).string() + '\0' + content.str() + '\0';
  }
  return sha256_hex(all).substr(0, 16);
}

std::string extractor_version(const fs::path& root) {
  return std::string("extractor ") + kExtractorVersion + ", lexicon " +
         folder_fingerprint(root / "grammar" / "lexicon", "");
}

std::string version_text(const fs::path& lexicon_root, const fs::path& rules_dir) {
  auto line = [](const char* what, const fs::path& dir, const std::string& print) {
    return std::string(what) + (print.empty() ? "(none found)" : print) + "  " +
           dir.lexically_normal().string() + "\n";
  };
  return std::string("claimcheck ") + CLAIMCHECK_VERSION + "\n" + "grammar  extractor " +
         kExtractorVersion + "\n" +
         line("lexicon  ", lexicon_root / "grammar" / "lexicon",
              folder_fingerprint(lexicon_root / "grammar" / "lexicon", "")) +
         line("rules    ", rules_dir, folder_fingerprint(rules_dir, ".rules"));
}

}  // namespace claimcheck::cli
