// The corpus commands: ingest (store documents and facts; --reextract), check (a new
// article against every stored fact that shares a join key with its facts; --save), and
// db (info, list, show, remove, check, migrate).
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "engine/extract.hpp"
#include "engine/in_order.hpp"
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

/// A progress bar on standard error when it is a terminal (and the log is not verbose);
/// nothing otherwise. `total` counts documents, or with `bytes` the bytes of the input;
/// it is redrawn at most ten times a second.
class Progress {
 public:
  Progress(std::size_t total, bool bytes)
      : total_(total),
        bytes_(bytes),
        on_(total > 1 && isatty(STDERR_FILENO) && spdlog::get_level() == spdlog::level::warn) {}
  void step(std::size_t done, std::size_t documents, const std::string& what) {
    if (!on_) return;
    auto now = std::chrono::steady_clock::now();
    if (done < total_ && now - shown_ < std::chrono::milliseconds(100)) return;
    shown_ = now;
    constexpr std::size_t width = 30;
    done = std::min(done, total_);
    std::size_t filled = width * done / total_;
    std::string name = what.size() > 40 ? "…" + what.substr(what.size() - 39) : what;
    std::cerr << "\r[" << std::string(filled, '#') << std::string(width - filled, '-') << "] ";
    if (bytes_)
      std::cerr << 100 * done / total_ << "% " << documents << " documents ";
    else
      std::cerr << done << "/" << total_ << " ";
    std::cerr << name << "\x1b[K" << std::flush;
  }
  ~Progress() {
    if (on_) std::cerr << "\r\x1b[K" << std::flush;
  }

 private:
  std::size_t total_;
  bool bytes_, on_;
  std::chrono::steady_clock::time_point shown_{};
};

/// The size of the files (0 when one is standard input or cannot be read).
std::size_t total_size(const std::vector<std::string>& files) {
  std::size_t total = 0;
  for (const auto& f : files) {
    std::error_code ec;
    auto size = f == "-" ? 0 : std::filesystem::file_size(f, ec);
    if (ec || f == "-") return 0;
    total += static_cast<std::size_t>(size);
  }
  return total;
}

}  // namespace

int run_ingest(const Lexicon& lex, const std::vector<std::string>& args,
               const std::filesystem::path& data_dir) {
  std::string db, input = "text";
  bool reextract = false;
  unsigned jobs = default_jobs();
  std::vector<std::string> files;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (!take_db(args, i, db).empty() || take_jobs(args, i, jobs)) continue;
    if (args[i] == "--reextract") {
      reextract = true;
    } else if (args[i] == "--input") {
      if (i + 1 >= args.size()) throw UsageError("--input needs a value");
      input = args[++i];
    } else if (args[i].size() > 1 && args[i][0] == '-') {
      throw UsageError("ingest: unknown option '" + args[i] + "'");
    } else {
      files.push_back(args[i]);
    }
  }
  if (db.empty()) throw UsageError("ingest needs --db FILE");
  if (input != "text" && input != "jsonl")
    throw UsageError("--input must be text or jsonl, not '" + input + "'");
  if (files.empty() && !reextract) throw UsageError("ingest needs FILEs (or --reextract)");
  const std::string extractor = extractor_version(data_dir);
  Store store = Store::open(db, Store::Mode::read_write);
  std::size_t stored = 0, unchanged = 0, updated = 0;
  int skipped = 0;
  if (reextract) {
    // stored documents read here, extracted on the workers, their facts replaced in order
    auto docs = store.list();
    Progress progress(docs.size(), false);
    std::size_t next = 0, done = 0;
    run_jobs(
        lex, jobs,
        [&]() -> std::optional<DocumentJob> {
          while (next < docs.size() && docs[next].extractor == extractor) ++next;
          if (next == docs.size()) return std::nullopt;
          DocumentJob job;
          job.path = docs[next].path;
          job.doc = store.load_document(docs[next].id);
          job.index = next++;
          return job;
        },
        [&](DocumentJob job) {
          const auto& d = docs[job.index];
          ++done;
          progress.step(done, done, d.path);
          if (!take_job(job, skipped)) return;
          store.replace_facts(d.id, *job.facts, extractor);
          ++updated;
          std::cout << "re-extracted " << store::stored_id(d.id) << " " << d.path << " ("
                    << d.fact_count << " facts before, " << job.facts->size() << " now)\n"
                    << std::flush;
        });
  }
  if (input == "jsonl") {
    // one transaction for the whole batch: a bad line (its file:line is reported) leaves
    // the corpus as it was, and so does a killed process
    JobSource source(files, true);
    Progress progress(total_size(files), true);
    std::string report;  // printed once committed
    std::size_t documents = 0;
    Store::Batch batch(store);
    try {
      run_jobs(
          lex, jobs,
          [&]() -> std::optional<DocumentJob> {
            auto job = source.next();
            if (job) job->hash = true;
            return job;
          },
          [&](DocumentJob job) {
            progress.step(source.bytes_read(), ++documents, job.path);
            if (!take_job(job, skipped)) return;
            Document& doc = *job.doc;
            doc.path = doc.id;  // a stored JSON document is named by its id
            auto r = store.ingest(doc, *job.facts, extractor, job.content_hash);
            (r.added ? stored : unchanged) += 1;
            report += (r.added ? "stored " : "unchanged ") + store::stored_id(r.id) + " " +
                      doc.path + " (" +
                      (r.added ? std::to_string(job.facts->size()) + " facts"
                               : std::string("the same document is already stored")) +
                      ")\n";
          });
    } catch (const InputError& e) {
      throw InputError(std::string(e.what()) + " (nothing of this ingest was stored)");
    }
    batch.commit();
    std::cout << report;
  } else {
    // files read here, so that one already stored is not extracted again
    std::size_t next = 0;
    Progress progress(files.size(), false);
    run_jobs(
        lex, jobs,
        [&]() -> std::optional<DocumentJob> {
          if (next == files.size()) return std::nullopt;
          DocumentJob job;
          job.path = files[next++];
          try {
            job.doc = read_document(job.path, "N");
            if (auto id = store.find_hash(sha256_hex(job.doc->bytes))) {
              job.extract = false;
              job.index = static_cast<std::size_t>(*id);
            }
          } catch (const InputError&) {
            job.error = std::current_exception();
          }
          return job;
        },
        [&](DocumentJob job) {
          progress.step(next, next, job.path);
          if (!job.extract && !job.error) {
            ++unchanged;
            std::cout << "unchanged " << store::stored_id(static_cast<std::int64_t>(job.index))
                      << " " << job.path << " (the same content is already stored)\n"
                      << std::flush;
            return;
          }
          if (!take_job(job, skipped)) return;
          // (a copy given twice is found here, when the first copy was stored after the
          // second was read)
          auto r = store.ingest(*job.doc, *job.facts, extractor);
          (r.added ? stored : unchanged) += 1;
          std::cout << (r.added ? "stored " : "unchanged ") << store::stored_id(r.id) << " "
                    << job.path << " ("
                    << (r.added ? std::to_string(job.facts->size()) + " facts"
                                : std::string("the same content is already stored"))
                    << ")\n"
                    << std::flush;  // printed once committed: a killed ingest lists what it kept
        });
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
  // -v logs the time of each step
  auto started = std::chrono::steady_clock::now();
  auto step = [&](const char* what) {
    auto now = std::chrono::steady_clock::now();
    spdlog::debug("check: {} {:.1f} ms", what,
                  std::chrono::duration<double, std::milli>(now - started).count());
    started = now;
  };
  auto rule_files = load_rule_dir(options.rules_dir, lex);
  const std::string extractor = extractor_version(data_dir);
  step("rules and extractor version");
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
  step("store opened, documents read and extracted");
  // sentences later, for the report's facts only
  auto stored_facts = store.candidates(facts, rule_files, false, same_as_new);
  step("candidates");
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
  step("stored documents");
  std::vector<Fact> all_facts = facts;
  all_facts.insert(all_facts.end(), std::make_move_iterator(stored_facts.begin()),
                   std::make_move_iterator(stored_facts.end()));
  auto findings = rules::evaluate(rule_files, all_docs, all_facts, lex,
                                  std::vector<std::string>(new_docs.begin(), new_docs.end()));
  step("rules evaluated");
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
  store.read_sentences(report_facts);
  int code = write_report(options, report_docs, report_facts, findings, lex);
  step("report written");
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
