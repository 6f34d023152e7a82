// Extraction benchmark: streams a generated Arabic corpus (the project's fixture articles
// and, when ../shared is present, the seed articles, repeated to the requested size)
// through extraction one document at a time and prints MB/s, facts/s and peak memory.
// `--single` instead extracts one document of that size, to show how memory follows the
// largest document. Built by the default build; not run by CI.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "engine/document.hpp"
#include "engine/extract.hpp"
#include "grammar/lexicon.hpp"

namespace fs = std::filesystem;
using namespace claimcheck;

namespace {

long peak_rss_kb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

int main(int argc, char** argv) {
  double target_mb = 50;
  bool single = false;
  fs::path data = default_data_dir();
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--mb" && i + 1 < argc) target_mb = std::stod(argv[++i]);
    else if (a == "--single") single = true;
    else if (a == "--data" && i + 1 < argc) data = argv[++i];
    else {
      std::cerr << "usage: bench [--mb N] [--single] [--data DIR]\n";
      return 2;
    }
  }
  auto lex = Lexicon::load(data / "grammar" / "lexicon");
  std::vector<std::string> articles;
  for (const auto& e : fs::directory_iterator(data / "fixtures"))
    if (fs::exists(e.path() / "article.txt")) articles.push_back(slurp(e.path() / "article.txt"));
  std::size_t seeds = 0;
  if (fs::exists(data / ".." / "shared" / "seeds"))
    for (const auto& e : fs::directory_iterator(data / ".." / "shared" / "seeds"))
      articles.push_back(slurp(e.path())), ++seeds;
  if (articles.empty()) {
    std::cerr << "bench: no articles found under " << (data / "fixtures") << '\n';
    return 3;
  }
  std::printf("corpus: %zu fixture and %zu seed articles, repeated to %.0f MB%s\n", articles.size() - seeds, seeds,
              target_mb, single ? " as one document" : "");
  const std::size_t target = static_cast<std::size_t>(target_mb * 1024 * 1024);
  long baseline_kb = peak_rss_kb();

  std::size_t bytes = 0, facts = 0, docs = 0, largest = 0;
  auto start = std::chrono::steady_clock::now();
  if (single) {
    std::string big;
    big.reserve(target + 8192);
    for (std::size_t i = 0; big.size() < target; ++i) {
      const auto& a = articles[i % articles.size()];
      auto body = a.rfind("---\n", 0) == 0 ? a.substr(a.find("\n---\n", 3) + 5) : a;
      big += body;
      big += '\n';
    }
    baseline_kb = peak_rss_kb();
    start = std::chrono::steady_clock::now();
    Document doc = parse_document(std::move(big), "bench", "A");
    bytes = largest = doc.bytes.size();
    facts = extract_facts(*lex, doc).size();
    docs = 1;
  } else {
    for (std::size_t i = 0; bytes < target; ++i) {
      Document doc = parse_document(articles[i % articles.size()], "bench", "D" + std::to_string(i));
      bytes += doc.bytes.size();
      largest = std::max(largest, doc.bytes.size());
      facts += extract_facts(*lex, doc).size();
      ++docs;
    }
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  long peak_kb = peak_rss_kb();
  double mb = static_cast<double>(bytes) / (1024.0 * 1024.0);
  std::printf("documents: %zu, %.1f MB, %zu facts\n", docs, mb, facts);
  std::printf("time: %.2f s\n", seconds);
  std::printf("throughput: %.1f MB/s, %.0f facts/s, %.0f documents/s\n", mb / seconds,
              static_cast<double>(facts) / seconds, static_cast<double>(docs) / seconds);
  std::printf("peak memory: %.1f MB (%.1f MB before extraction: lexicon and corpus; largest document %.3f MB)\n",
              peak_kb / 1024.0, baseline_kb / 1024.0, static_cast<double>(largest) / (1024.0 * 1024.0));
  std::printf("extraction's own peak: %.1f MB = %.2f x the largest document\n", (peak_kb - baseline_kb) / 1024.0,
              static_cast<double>(peak_kb - baseline_kb) * 1024.0 / static_cast<double>(largest));
  return 0;
}
