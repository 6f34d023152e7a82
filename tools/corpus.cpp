// The corpus commands: ingest (store documents and facts; --reextract), check (a new
// article against every stored fact that shares a join key with its facts; --save), and
// db (info, list, show, remove, check, migrate).
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "engine/extract.hpp"
#include "engine/report.hpp"
#include "engine/sha256.hpp"
#include "engine/store/store.hpp"
#include "tools/cli.hpp"
#include "tools/data.hpp"

namespace claimcheck::cli {
namespace {

using store::Store;

/// "--db FILE", required by every corpus command.
std::string take_db(const std::vector<std::string>& args, std::size_t& i, std::string& db) {
  if (args[i] != "--db") return "";
  if (i + 1 >= args.size()) throw UsageError("--db needs a corpus file");
  db = args[++i];
  return db;
}

std::int64_t parse_doc(const std::string& s) {
  std::string digits = !s.empty() && (s[0] == 'S' || s[0] == 's') ? s.substr(1) : s;
  if (digits.empty() || digits.size() > 18 ||
      digits.find_first_not_of("0123456789") != std::string::npos)
    throw UsageError("expected a stored document id such as S12, not '" + s + "'");
  return std::stoll(digits);
}

/// A progress bar on standard error when it is a terminal; nothing otherwise.
class Progress {
 public:
  explicit Progress(std::size_t total)
      : total_(total),
        on_(total > 1 && isatty(STDERR_FILENO) && spdlog::get_level() <= spdlog::level::warn) {}
  void step(std::size_t done, const std::string& what) {
    if (!on_) return;
    constexpr int width = 30;
    int filled = static_cast<int>(width * done / total_);
    std::string name = what.size() > 40 ? "…" + what.substr(what.size() - 39) : what;
    std::cerr << "\r[" << std::string(static_cast<std::size_t>(filled), '#')
              << std::string(static_cast<std::size_t>(width - filled), '-') << "] " << done << "/"
              << total_ << " " << name << "\x1b[K" << std::flush;
  }
  ~Progress() {
    if (on_) std::cerr << "\r\x1b[K" << std::flush;
  }

 private:
  std::size_t total_;
  bool on_;
};

}  // namespace

int run_ingest(const Lexicon& lex, const std::vector<std::string>& args,
               const std::filesystem::path& data_dir) {
  std::string db;
  bool reextract = false;
  std::vector<std::string> files;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (!take_db(args, i, db).empty()) continue;
    if (args[i] == "--reextract")
      reextract = true;
    else if (args[i].size() > 1 && args[i][0] == '-')
      throw UsageError("ingest: unknown option '" + args[i] + "'");
    else
      files.push_back(args[i]);
  }
  if (db.empty()) throw UsageError("ingest needs --db FILE");
  if (files.empty() && !reextract) throw UsageError("ingest needs FILEs (or --reextract)");
  const std::string extractor = extractor_version(data_dir);
  Store store = Store::open(db, Store::Mode::read_write);
  std::size_t stored = 0, unchanged = 0, updated = 0;
  int skipped = 0;
  if (reextract) {
    auto docs = store.list();
    Progress progress(docs.size());
    std::size_t done = 0;
    for (const auto& d : docs) {
      progress.step(++done, d.path);
      if (d.extractor == extractor) continue;
      Document doc = store.load_document(d.id);
      auto extracted = extract_or_skip(lex, doc, skipped);
      if (!extracted) continue;
      auto& facts = *extracted;
      store.replace_facts(d.id, facts, extractor);
      ++updated;
      std::cout << "re-extracted " << store::stored_id(d.id) << " " << d.path << " ("
                << d.fact_count << " facts before, " << facts.size() << " now)\n"
                << std::flush;
    }
  }
  Progress progress(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    progress.step(i + 1, files[i]);
    Document doc = read_document(files[i], "N");
    if (auto id = store.find_hash(sha256_hex(doc.bytes))) {
      ++unchanged;
      std::cout << "unchanged " << store::stored_id(*id) << " " << files[i]
                << " (the same content is already stored)\n"
                << std::flush;
      continue;
    }
    auto extracted = extract_or_skip(lex, doc, skipped);
    if (!extracted) continue;
    auto& facts = *extracted;
    auto r = store.ingest(doc, facts, extractor);
    (r.added ? stored : unchanged) += 1;
    std::cout << (r.added ? "stored " : "unchanged ") << store::stored_id(r.id) << " " << files[i]
              << " (" << facts.size() << " facts)\n"
              << std::flush;  // printed once committed: a killed ingest lists what it kept
  }
  std::cout << db << ": " << stored << " stored, " << unchanged << " unchanged";
  if (reextract) std::cout << ", " << updated << " re-extracted";
  if (skipped) std::cout << ", " << skipped << " skipped (over the time budget)";
  std::cout << '\n';
  return skipped ? 3 : 0;
}

int run_check(const Lexicon& lex, const std::vector<std::string>& args,
              const std::filesystem::path& data_dir) {
  ReportOptions options;
  options.rules_dir = default_rules_dir();
  std::string db;
  bool save = false;
  std::vector<std::string> files;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (options.take(args, i) || !take_db(args, i, db).empty()) continue;
    if (args[i] == "--save")
      save = true;
    else if (args[i].size() > 1 && args[i][0] == '-')
      throw UsageError("check: unknown option '" + args[i] + "'");
    else
      files.push_back(args[i]);
  }
  options.validate();
  if (db.empty()) throw UsageError("check needs --db FILE");
  if (files.empty()) throw UsageError("check needs at least one new document");
  auto rule_files = load_rule_dir(options.rules_dir, lex);
  const std::string extractor = extractor_version(data_dir);
  Store store = Store::open(db, save ? Store::Mode::read_write : Store::Mode::read_only);
  if (auto stale = store.info(extractor).stale)
    spdlog::warn(
        "{}: {} stored documents were extracted by another version; `claimcheck ingest "
        "--db {} --reextract` brings them up to date",
        db, stale, db);

  std::vector<Document> docs;
  std::vector<Fact> facts;
  std::set<std::string> new_docs;
  int skipped = 0;
  std::set<std::int64_t> same_as_new;  // stored copies of a new document: left out
  for (std::size_t i = 0; i < files.size(); ++i) {
    Document doc = read_document(files[i], doc_id(i));
    if (auto id = store.find_hash(sha256_hex(doc.bytes))) {
      spdlog::warn("{}: already stored as {}; that copy is left out of the comparison", files[i],
                   store::stored_id(*id));
      same_as_new.insert(*id);
    }
    auto doc_facts = extract_or_skip(lex, doc, skipped);
    if (!doc_facts) continue;
    facts.insert(facts.end(), doc_facts->begin(), doc_facts->end());
    new_docs.insert(doc.id);
    docs.push_back(std::move(doc));
  }
  if (docs.empty()) throw InputError("check: no document left to check");
  auto stored_facts = store.candidates(facts, rule_files);
  std::erase_if(stored_facts,
                [&](const Fact& f) { return same_as_new.count(std::stoll(f.doc.substr(1))) > 0; });
  std::vector<std::int64_t> stored_ids;
  for (const auto& f : stored_facts) {
    auto id = std::stoll(f.doc.substr(1));
    if (stored_ids.empty() || stored_ids.back() != id) stored_ids.push_back(id);
  }
  spdlog::info("{} stored facts in {} documents share a join key with the new facts",
               stored_facts.size(), stored_ids.size());
  std::vector<Document> all_docs = docs;
  for (auto id : stored_ids) all_docs.push_back(store.load_document(id, false));
  std::vector<Fact> all_facts = facts;
  all_facts.insert(all_facts.end(), stored_facts.begin(), stored_facts.end());
  auto findings = rules::evaluate(rule_files, all_docs, all_facts, lex);
  // the report is about the new documents: findings that cite one of their facts, and
  // the stored documents those findings involve
  std::erase_if(findings, [&](const rules::Finding& f) {
    return std::none_of(f.docs.begin(), f.docs.end(),
                        [&](const std::string& d) { return new_docs.count(d) > 0; });
  });
  std::set<std::string> involved(new_docs.begin(), new_docs.end());
  for (const auto& f : findings) involved.insert(f.docs.begin(), f.docs.end());
  std::vector<Document> report_docs;
  for (auto& d : all_docs)
    if (involved.count(d.id)) {
      if (options.format == "html" && d.bytes.empty() && d.id[0] == 'S')
        d = store.load_document(std::stoll(d.id.substr(1)), true);
      if (options.format != "html") d.bytes.clear();
      report_docs.push_back(std::move(d));
    }
  std::vector<Fact> report_facts;
  for (auto& f : all_facts)
    if (involved.count(f.doc)) report_facts.push_back(std::move(f));
  int code = write_report(options, report_docs, report_facts, findings, lex);
  if (save) {
    for (std::size_t i = 0; i < docs.size(); ++i) {
      std::vector<Fact> own;
      for (const auto& f : facts)
        if (f.doc == docs[i].id) own.push_back(f);
      auto r = store.ingest(docs[i], own, extractor);
      spdlog::warn("{}: {} as {}", docs[i].path, r.added ? "saved" : "already stored",
                   store::stored_id(r.id));
    }
  }
  return skipped && code == 0 ? 3 : code;
}

int run_db(const std::vector<std::string>& args, const std::filesystem::path& data_dir) {
  std::string db;
  std::vector<std::string> rest;
  for (std::size_t i = 0; i < args.size(); ++i)
    if (take_db(args, i, db).empty()) rest.push_back(args[i]);
  if (rest.empty()) throw UsageError("db takes info, list, show DOC, remove DOC, check or migrate");
  if (db.empty()) throw UsageError("db needs --db FILE");
  const std::string& sub = rest[0];
  auto needs = [&](std::size_t n) {
    if (rest.size() != n)
      throw UsageError("db " + sub + (n == 2 ? " takes one document id" : " takes no argument"));
  };
  if (sub == "info") {
    needs(1);
    Store store = Store::open(db, Store::Mode::read_only);
    const std::string extractor = extractor_version(data_dir);
    auto i = store.info(extractor);
    std::cout << "corpus " << db << "\n  schema version " << i.schema_version << "\n  documents "
              << i.documents << "\n  facts " << i.facts << "\n  size " << i.file_bytes << " bytes";
    if (i.documents) std::cout << " (" << i.file_bytes / i.documents << " a document)";
    std::cout << "\n  extractor " << extractor << "\n  stale documents " << i.stale << '\n';
    return 0;
  }
  if (sub == "list") {
    needs(1);
    Store store = Store::open(db, Store::Mode::read_only);
    std::cout << "id\tfacts\tbytes\tdate\tingested\tpath\ttitle\n";
    for (const auto& d : store.list())
      std::cout << store::stored_id(d.id) << '\t' << d.fact_count << '\t' << d.size << '\t'
                << (d.date.empty() ? "-" : d.date) << '\t' << d.ingested_at << '\t' << d.path
                << '\t' << d.title << '\n';
    return 0;
  }
  if (sub == "show") {
    needs(2);
    Store store = Store::open(db, Store::Mode::read_only);
    auto id = parse_doc(rest[1]);
    auto d = store.document(id);
    if (!d) throw InputError(db + ": no document " + rest[1]);
    std::cout << "document " << store::stored_id(id) << ": " << d->path << "\n  title " << d->title
              << "\n  source " << d->source << "\n  date " << d->date << "\n  language " << d->lang
              << "\n  sha256 " << d->hash << "\n  ingested " << d->ingested_at << "\n  "
              << d->extractor << "\n\n";
    write_fact_table(std::cout, {store.load_document(id, false)}, store.load_facts(id));
    return 0;
  }
  if (sub == "remove") {
    needs(2);
    Store store = Store::open(db, Store::Mode::read_write);
    auto id = parse_doc(rest[1]);
    if (!store.remove(id)) throw InputError(db + ": no document " + rest[1]);
    std::cout << "removed " << store::stored_id(id) << '\n';
    return 0;
  }
  if (sub == "check") {
    needs(1);
    Store store = Store::open(db, Store::Mode::read_only);
    auto c = store.check();
    for (const auto& p : c.problems) std::cout << "  " << p << '\n';
    std::cout << db << ": " << (c.ok ? "ok" : "damaged") << '\n';
    return c.ok ? 0 : 1;
  }
  if (sub == "migrate") {
    needs(1);
    Store store = Store::open(db, Store::Mode::read_write);
    std::cout << db << ": schema version " << store.schema_version() << '\n';
    return 0;
  }
  throw UsageError("db takes info, list, show DOC, remove DOC, check or migrate, not '" + sub +
                   "'");
}

}  // namespace claimcheck::cli
