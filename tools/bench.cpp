// Extraction benchmark: streams a generated Arabic corpus (the project's fixture articles
// and, when ../shared is present, the seed articles, repeated to the requested size)
// through extraction one document at a time and prints MB/s, facts/s and peak memory.
// `--single` instead extracts one document of that size, to show how memory follows the
// largest document. `--engine N` instead times the rule engine on synthetic facts for N
// documents (about ten facts each, keys drawn from Zipf distributions over subjects,
// predicates, objects and years), then on 2N, to show how the cost grows (`--once`: N
// only), each against a fixed baseline in the same run (sorting the same facts by key),
// and prints their ratio; `--dump FILE` writes the findings for N. `--jsonl FILE` extracts
// a JSON Lines batch and decodes the same text from UTF-8, one core each, and prints the
// ratio of their speeds. `--store N`
// times the corpus: ingesting N articles of about 3 KB into a fresh SQLite file (one
// transaction each), the file's size per document, and `check` of a new article against
// a store of 100,000 documents (`--store-docs N` to change; filled with the engine
// benchmark's synthetic facts).
// Built by the default build; not run by CI.
#include <spdlog/spdlog.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "engine/document.hpp"
#include "engine/extract.hpp"
#include "engine/report.hpp"
#include "engine/rules/evaluate.hpp"
#include "engine/rules/parser.hpp"
#include "engine/store/store.hpp"
#include "grammar/lexicon.hpp"
#include "grammar/text.hpp"

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

/// Draws ranks 0..n-1 with probability proportional to 1/(rank+1)^s.
class Zipf {
 public:
  Zipf(std::size_t n, double s) {
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i)
      cdf_.push_back(sum += 1.0 / std::pow(static_cast<double>(i + 1), s));
    for (auto& c : cdf_) c /= sum;
  }
  std::size_t operator()(std::mt19937& rng) {
    double u = std::uniform_real_distribution<double>(0, 1)(rng);
    return static_cast<std::size_t>(std::lower_bound(cdf_.begin(), cdf_.end(), u) - cdf_.begin());
  }

 private:
  std::vector<double> cdf_;
};

/// Synthetic facts for `docs` documents: subjects are countries, organisations and places
/// (5,000 of them), so that, as in a real corpus, most pairs of facts share no key.
std::vector<Fact> synthetic_facts(const Lexicon& lex, std::size_t docs,
                                  std::vector<Document>& documents) {
  std::mt19937 rng(42);
  auto countries = lex.ids("country");
  std::vector<std::string> subjects = countries;
  for (std::size_t i = subjects.size(); i < 5000; ++i)
    subjects.push_back("place_" + std::to_string(i));
  std::vector<std::string> predicates, objects = lex.ids("object");
  for (const auto& p : lex.ids("predicate"))
    if (lex.find_predicate(p)->kind != PredicateKind::membership) predicates.push_back(p);
  std::vector<std::string> orgs = lex.ids("organisation");
  Zipf subject_rank(subjects.size(), 1.1), predicate_rank(predicates.size(), 1.0),
      object_rank(objects.size(), 1.0), year_rank(24, 0.8), country_rank(countries.size(), 1.0),
      org_rank(orgs.size(), 1.0);
  std::uniform_int_distribution<int> facts_per_doc(6, 14), value(1, 500), dice(0, 99);
  std::vector<Fact> facts;
  facts.reserve(docs * 14);  // the most a document gets
  for (std::size_t d = 0; d < docs; ++d) {
    Document doc;
    doc.id = "D" + std::to_string(d);
    documents.push_back(doc);
    int n = facts_per_doc(rng);
    for (int i = 0; i < n; ++i) {
      Fact f;
      f.id = doc.id + ":" + std::to_string(i + 1);
      f.doc = doc.id;
      f.subject = subjects[subject_rank(rng)];
      int roll = dice(rng);
      if (roll < 75) {
        f.kind = "count";
        const auto* p = lex.find_predicate(predicates[predicate_rank(rng)]);
        f.predicate = p->id;
        f.family = p->family;
        f.object = objects[object_rank(rng)];
        std::string year = std::to_string(2023 - static_cast<int>(year_rank(rng)));
        bool since = dice(rng) >= 80;
        FactTime t;
        t.op = since ? SpanOp::since : SpanOp::in;
        t.from = TimePoint::parse(year);
        if (!since) t.to = t.from;
        f.time = t;
        // one true figure per thing and span; documents report it exactly, roughly, as a
        // bound, or (one in ten) wrongly
        double truth = 1 + static_cast<double>(std::hash<std::string>{}(
                                                   f.subject.str() + f.predicate.str() +
                                                   f.object.str() + year + (since ? "+" : "")) %
                                               500);
        int how = dice(rng);
        FactQuantity q{QuantityOp::eq, truth, std::nullopt, Id(), ""};
        if (how >= 60 && how < 75)
          q.op = QuantityOp::approx;
        else if (how >= 75 && how < 85)
          q.op = QuantityOp::gt, q.value = std::floor(truth * 0.8);
        else if (how >= 85 && how < 90)
          q.op = QuantityOp::ge;
        else if (how >= 90)
          q.value = static_cast<double>(value(rng));
        f.quantity = q;
      } else if (roll < 90) {
        f.kind = "set";
        f.predicate = "cooperate";
        f.family = "partnership";
        for (int k = 0, m = 2 + dice(rng) % 4; k < m; ++k)
          f.members.push_back(countries[country_rank(rng)]);
      } else {
        f.kind = "membership";
        f.predicate = dice(rng) < 80 ? "member_of" : "co_chair";
        f.family = "membership";
        f.object = orgs[org_rank(rng)];
      }
      facts.push_back(std::move(f));
    }
  }
  return facts;
}

/// Extraction of a JSON Lines batch against UTF-8 decoding of the same text, one core
/// each, in one run: the ratio of their speeds cancels the machine's phase out.
int bench_jsonl(const Lexicon& lex, const std::string& path) {
  long start_kb = peak_rss_kb();
  std::vector<Document> docs;
  std::size_t bytes = 0;
  auto read_start = std::chrono::steady_clock::now();
  LineReader reader(path);
  while (auto line = reader.next()) {
    docs.push_back(parse_json_document(line->text, path + ":" + std::to_string(line->number),
                                       std::to_string(line->number)));
    bytes += docs.back().content().size() - docs.back().content_begin();
  }
  double read_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - read_start).count();
  if (docs.empty()) {
    std::cerr << "bench: " << path << ": no documents\n";
    return 3;
  }
  const double mb = static_cast<double>(bytes) / (1024.0 * 1024.0);
  long before_kb = peak_rss_kb();
  std::printf("%s: %zu documents, %.1f MB of text (read and parsed in %.2f s)\n", path.c_str(),
              docs.size(), mb, read_s);

  // decoding: every code point of the same text, with the grammar's own decoder, into a
  // buffer reused from document to document; the best of five passes before the
  // extraction and five after, so that a moment of load on the machine does not count
  std::u32string decoded;
  std::size_t code_points = 0;
  double decode_s = 1e300;
  auto decode_passes = [&] {
    for (int pass = 0; pass < 5; ++pass) {
      code_points = 0;
      auto start = std::chrono::steady_clock::now();
      for (const auto& d : docs) {
        std::string_view text = std::string_view(d.content()).substr(d.content_begin());
        decoded.clear();
        for (std::size_t pos = 0; pos < text.size();) decoded.push_back(decode_utf8(text, pos));
        code_points += decoded.size();
      }
      decode_s =
          std::min(decode_s,
                   std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
  };
  decode_passes();

  std::size_t facts = 0;
  auto start = std::chrono::steady_clock::now();
  for (const auto& d : docs) facts += extract_facts(lex, d).size();
  double extract_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  decode_passes();
  long peak_kb = peak_rss_kb();

  const double extract_rate = mb / extract_s, decode_rate = mb / decode_s;
  std::printf("extraction: %.2f s, %.2f MB/s, %.0f facts/s, %.0f documents/s (%zu facts)\n",
              extract_s, extract_rate, static_cast<double>(facts) / extract_s,
              static_cast<double>(docs.size()) / extract_s, facts);
  std::printf("decoding:   %.3f s, %.1f MB/s (%zu code points; the best of 10 passes)\n", decode_s,
              decode_rate, code_points);
  std::printf(
      "peak memory: %.1f MB (%.1f MB at start, %.1f MB with the documents read; extraction "
      "%.1f MB more)\n",
      peak_kb / 1024.0, start_kb / 1024.0, before_kb / 1024.0, (peak_kb - before_kb) / 1024.0);
  std::printf("ratio: %.4f (extraction 1/%.1f of decoding, one core each)\n",
              extract_rate / decode_rate, decode_rate / extract_rate);
  return 0;
}

/// Wall time and the process's CPU time since it was started, in seconds. On a machine
/// shared with others the CPU time leaves out the time spent waiting for a core.
struct Stopwatch {
  static double cpu_now() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
  }
  std::chrono::steady_clock::time_point wall_start = std::chrono::steady_clock::now();
  double cpu_start = cpu_now();
  double wall() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  }
  double cpu() const { return cpu_now() - cpu_start; }
};

struct Times {
  double wall = 0, cpu = 0;
};

/// The fixed baseline the engine is measured against, in the same run: sorting the same
/// facts by key (subject, predicate and object, as one string) with the standard library
/// only, so that no change to claimcheck's code changes it.
Times sort_baseline(const std::vector<Fact>& facts) {
  std::vector<std::pair<std::string, std::uint32_t>> keys;
  keys.reserve(facts.size());
  for (std::size_t i = 0; i < facts.size(); ++i)
    keys.emplace_back(
        facts[i].subject.str() + '\x1f' + facts[i].predicate.str() + '\x1f' + facts[i].object.str(),
        static_cast<std::uint32_t>(i));
  Stopwatch watch;
  std::sort(keys.begin(), keys.end());
  return {watch.wall(), watch.cpu()};
}

int bench_engine(const Lexicon& lex, const fs::path& data, std::size_t docs, std::string dump,
                 bool once, unsigned threads) {
  auto rules = rules::load_rules(data / "rules", lex);
  for (std::size_t n : {docs, docs * 2}) {
    if (once && n != docs) break;
    std::vector<Document> documents;
    auto facts = synthetic_facts(lex, n, documents);
    long before_kb = peak_rss_kb();
    // the baseline twice before the evaluation and once after: the median of the three
    std::vector<Times> baseline{sort_baseline(facts), sort_baseline(facts)};
    Stopwatch watch;
    auto findings = rules::evaluate(rules, documents, facts, lex, {}, threads);
    const Times engine{watch.wall(), watch.cpu()};
    baseline.push_back(sort_baseline(facts));
    auto median = [&](double Times::*field) {
      std::vector<double> v;
      for (const auto& t : baseline) v.push_back(t.*field);
      std::sort(v.begin(), v.end());
      return v[1];
    };
    const Times base{median(&Times::wall), median(&Times::cpu)};
    if (!dump.empty()) {  // every finding, to compare the engine's results before and after
      std::ofstream out(dump);
      for (const auto& f : findings) out << finding_json(f).dump() << '\n';
      dump.clear();
    }
    std::map<std::string, std::size_t> by_verdict;
    for (const auto& f : findings) ++by_verdict[f.verdict];
    std::printf("%zu documents, %zu facts: %.2f s (CPU %.2f s), %zu findings (", n, facts.size(),
                engine.wall, engine.cpu, findings.size());
    bool first = true;
    for (const auto& [v, c] : by_verdict)
      std::printf("%s%zu %s", first ? "" : ", ", c, v.c_str()), first = false;
    std::printf("), peak memory %.0f MB (%.0f MB before evaluation)\n", peak_rss_kb() / 1024.0,
                before_kb / 1024.0);
    std::printf("baseline: sorting the %zu facts by key %.3f s (CPU %.3f s; medians of 3)\n",
                facts.size(), base.wall, base.cpu);
    std::printf("ratio: %.2f (evaluation over the baseline, wall time; CPU time %.2f)\n",
                engine.wall / base.wall, engine.cpu / base.cpu);
  }
  return 0;
}

/// Articles of about 3 KB: the bodies of several fixture articles of ours, each article
/// with a sentence of its own so that every one has its own content hash.
std::vector<std::string> store_articles(const fs::path& data, std::size_t n) {
  std::vector<std::string> bodies;
  for (const auto& dir : fs::directory_iterator(data / "fixtures"))
    for (const auto& f : fs::directory_iterator(dir.path()))
      if (f.path().extension() == ".txt") {
        std::string a = slurp(f.path());
        bodies.push_back(a.rfind("---\n", 0) == 0 ? a.substr(a.find("\n---\n", 3) + 5) : a);
      }
  std::sort(bodies.begin(), bodies.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; ++i) {
    std::string a = "---\ntitle: مقال " + std::to_string(i) + "\ndate: 2023-01-15\n---\n";
    for (std::size_t k = 0; a.size() < 3000; ++k) a += bodies[(i * 7 + k) % bodies.size()];
    a += "وقالت الشرطة إنها اعتقلت " + std::to_string(i % 997 + 3) + " شخصا عام " +
         std::to_string(2000 + i % 23) + ".\n";
    out.push_back(std::move(a));
  }
  return out;
}

int bench_store(const Lexicon& lex, const fs::path& data, std::size_t n, std::size_t stored_docs) {
  const fs::path dir = fs::temp_directory_path() / "claimcheck-bench-store";
  fs::remove_all(dir);
  fs::create_directories(dir);
  auto rule_files = rules::load_rules(data / "rules", lex);
  // 1. ingest: read, extract and store, one transaction per article
  auto articles = store_articles(data, n);
  std::size_t bytes = 0, facts = 0;
  for (const auto& a : articles) bytes += a.size();
  {
    auto store = store::Store::open(dir / "ingest.sqlite", store::Store::Mode::read_write);
    auto start = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < articles.size(); ++i) {
      Document doc = parse_document(articles[i], "article-" + std::to_string(i), "N");
      auto f = extract_facts(lex, doc);
      facts += f.size();
      store.ingest(doc, f, "bench");
    }
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    auto size = fs::file_size(dir / "ingest.sqlite");
    std::printf(
        "ingest: %zu articles (%.1f KB on average, %zu facts) in %.2f s: %.0f articles/s, %.1f "
        "MB/s; corpus file %.1f KB a document (%.1f KB of it the article itself)\n",
        n, bytes / 1024.0 / n, facts, s, n / s, bytes / 1048576.0 / s, size / 1024.0 / n,
        bytes / 1024.0 / n);
  }
  // 2. check against 100,000 stored documents
  std::vector<Document> synthetic_docs;
  auto synthetic = synthetic_facts(lex, stored_docs, synthetic_docs);
  {
    auto store = store::Store::open(dir / "corpus.sqlite", store::Store::Mode::read_write);
    auto start = std::chrono::steady_clock::now();
    std::size_t next = 0;
    for (auto& d : synthetic_docs) {
      std::vector<Fact> own;
      while (next < synthetic.size() && synthetic[next].doc == d.id)
        own.push_back(synthetic[next++]);
      d.bytes = "synthetic document " + d.id;
      d.path = d.id;
      store.ingest(d, own, "bench");
    }
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("store of %zu documents (%zu synthetic facts) built in %.1f s, %.0f MB\n",
                stored_docs, synthetic.size(), s, fs::file_size(dir / "corpus.sqlite") / 1048576.0);
  }
  for (const char* rel : {"report-demo/b.txt", "compare-numeric-contradiction/b.txt"}) {
    std::vector<double> times;
    std::size_t candidates = 0, findings = 0;
    for (int run = 0; run < 21; ++run) {
      auto start = std::chrono::steady_clock::now();
      auto store = store::Store::open(dir / "corpus.sqlite", store::Store::Mode::read_only);
      Document doc = read_document((data / "fixtures" / rel).string(), "A");
      auto own = extract_facts(lex, doc);
      auto stored = store.candidates(own, rule_files);
      std::vector<Document> docs{doc};
      std::string last;
      for (const auto& f : stored)
        if (f.doc != last)
          docs.push_back(store.load_document(std::stoll(f.doc.substr(1)), false)), last = f.doc;
      std::vector<Fact> all = own;
      all.insert(all.end(), stored.begin(), stored.end());
      auto found = rules::evaluate(rule_files, docs, all, lex);
      std::ostringstream out;
      write_text_report(out, docs, all, found, false);
      times.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
              .count());
      candidates = stored.size(), findings = found.size();
    }
    std::sort(times.begin(), times.end());
    std::printf(
        "check %s against %zu documents: %zu stored facts share a key, %zu findings; "
        "median %.1f ms, slowest %.1f ms (21 runs; open, extract, query, evaluate, report)\n",
        rel, stored_docs, candidates, findings, times[times.size() / 2], times.back());
  }
  std::printf("peak memory %.0f MB\n", peak_rss_kb() / 1024.0);
  fs::remove_all(dir);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  double target_mb = 50;
  bool single = false;
  std::size_t engine_docs = 0, store_articles_n = 0, store_docs = 100000;
  fs::path data = default_data_dir();
  std::string jsonl, dump;
  bool once = false;
  unsigned threads = 0;  // the engine's: 0 for its default
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--mb" && i + 1 < argc)
      target_mb = std::stod(argv[++i]);
    else if (a == "--single")
      single = true;
    else if (a == "-v")
      spdlog::set_level(spdlog::level::debug);
    else if (a == "--engine" && i + 1 < argc)
      engine_docs = std::stoul(argv[++i]);
    else if (a == "--store" && i + 1 < argc)
      store_articles_n = std::stoul(argv[++i]);
    else if (a == "--store-docs" && i + 1 < argc)
      store_docs = std::stoul(argv[++i]);
    else if (a == "--data" && i + 1 < argc)
      data = argv[++i];
    else if (a == "--jsonl" && i + 1 < argc)
      jsonl = argv[++i];
    else if (a == "--dump" && i + 1 < argc)
      dump = argv[++i];
    else if (a == "--once")
      once = true;
    else if (a == "-j" && i + 1 < argc)
      threads = static_cast<unsigned>(std::stoul(argv[++i]));
    else {
      std::cerr << "usage: bench [--mb N] [--single] [--jsonl FILE] [--engine DOCS [--once] "
                   "[--dump FILE]] "
                   "[--store ARTICLES [--store-docs N]] [--data DIR]\n";
      return 2;
    }
  }
  auto lex = Lexicon::load(data / "grammar" / "lexicon");
  if (!jsonl.empty()) {
    try {
      return bench_jsonl(*lex, jsonl);
    } catch (const InputError& e) {
      std::cerr << "bench: " << e.what() << '\n';
      return 3;
    }
  }
  if (engine_docs) return bench_engine(*lex, data, engine_docs, dump, once, threads);
  if (store_articles_n) return bench_store(*lex, data, store_articles_n, store_docs);
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
  std::printf("corpus: %zu fixture and %zu seed articles, repeated to %.0f MB%s\n",
              articles.size() - seeds, seeds, target_mb, single ? " as one document" : "");
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
      Document doc =
          parse_document(articles[i % articles.size()], "bench", "D" + std::to_string(i));
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
  std::printf(
      "peak memory: %.1f MB (%.1f MB before extraction: lexicon and corpus; largest document %.3f "
      "MB)\n",
      peak_kb / 1024.0, baseline_kb / 1024.0, static_cast<double>(largest) / (1024.0 * 1024.0));
  std::printf("extraction's own peak: %.1f MB = %.2f x the largest document\n",
              (peak_kb - baseline_kb) / 1024.0,
              static_cast<double>(peak_kb - baseline_kb) * 1024.0 / static_cast<double>(largest));
  return 0;
}
