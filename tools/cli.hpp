// What the claimcheck commands share: their errors, document ids, rule loading, writing a
// file whole, and the report options and output of compare and check.
#pragma once

#include <exception>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/document.hpp"
#include "engine/extract.hpp"
#include "engine/fact.hpp"
#include "engine/in_order.hpp"
#include "engine/rules/evaluate.hpp"
#include "grammar/lexicon.hpp"
#include "tools/log.hpp"

namespace claimcheck::cli {

/// A bad command line (exit 2, with the usage text).
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Rule files are user input too: a bad one is a usage error (exit 2) with every problem.
struct RuleError : std::runtime_error {
  std::vector<Diagnostic> diagnostics;
  explicit RuleError(std::vector<Diagnostic> d)
      : std::runtime_error("rule errors"), diagnostics(std::move(d)) {}
};

/// A, B, …, Z, AA, AB, …: the report ids of documents given on the command line.
std::string doc_id(std::size_t i);

std::vector<rules::RuleFile> load_rule_dir(const std::filesystem::path& dir, const Lexicon& lex);

/// Where a command writes: standard output, or (-o PATH) a temporary file beside PATH
/// renamed over it by commit(), so that a failure leaves either the old file or none,
/// never half a report. Output is streamed, not held in memory.
class Output {
 public:
  explicit Output(std::string path);  ///< "" for standard output
  ~Output();                          ///< removes the temporary file unless committed
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;
  std::ostream& stream();
  bool to_terminal() const;
  void commit();  ///< flushes, checks, renames; throws InputError on failure

 private:
  std::string path_;
  std::filesystem::path temp_;
  std::unique_ptr<std::ofstream> file_;
  bool committed_ = false;
};

/// Writes `content` to `path` through Output.
void write_whole_file(const std::string& path, const std::string& content);

/// The options of a consistency report: --format, -o, --rules, --fail-on, --ui (HTML),
/// --reviewer and --url-base (ClaimReview).
struct ReportOptions {
  std::string format = "text", output, fail_on, ui, reviewer = "claimcheck", url_base;
  std::filesystem::path rules_dir;
  /// Takes args[i] (and its value) when it is a report option; false otherwise.
  bool take(const std::vector<std::string>& args, std::size_t& i);
  /// Checks the values given (throws UsageError).
  void validate() const;
};

/// Writes the report in the chosen format to standard output or, whole, to -o; returns
/// the exit code (1 when --fail-on names a verdict some finding has).
int write_report(const ReportOptions& options, const std::vector<Document>& docs,
                 const std::vector<Fact>& facts, const std::vector<rules::Finding>& findings,
                 const Lexicon& lex);

/// The extraction options every command uses (--budget sets the time budget).
ExtractOptions& extraction();

/// Extracts a document's facts, or, when its time budget runs out, warns that it is
/// skipped, counts it in `skipped` and returns nothing.
std::optional<std::vector<Fact>> extract_or_skip(const Lexicon& lex, const Document& doc,
                                                 int& skipped);

/// Takes "-j N" / "--jobs N" / "-jN" at args[i] (the number of threads that extract
/// documents); false when args[i] is something else. Throws UsageError for a bad N.
bool take_jobs(const std::vector<std::string>& args, std::size_t& i, unsigned& jobs);

/// Batches in flight per extraction thread, and what a batch holds: up to 16 documents
/// and, unless one document alone is larger, 256 KB of JSON lines (a file or a stored
/// document is a batch of its own). What bounds a command's memory beyond the largest
/// document and the results it keeps; small documents travel between threads 16 at a time.
constexpr std::size_t kBatchesPerJob = 2, kBatchDocuments = 16, kBatchBytes = 256 * 1024;

/// One document on its way through extract or ingest: read from a file or a JSON line,
/// then extracted, on a worker thread (see map_in_order), and taken back in input order.
struct DocumentJob {
  std::string path;      ///< the file
  std::size_t line = 0;  ///< JSON Lines: the line's number; 0 for a whole file
  std::string text;      ///< JSON Lines: the line itself
  std::string id;        ///< the document's id (A, B, …), or a JSON line's if it has none
  bool hash = false;     ///< also compute content_hash (JSON lines, for the corpus)
  bool extract = true;   ///< false: pass the job through untouched
  /// ingest: which stored document (re-extraction), or the stored copy of this file's
  /// content (extract false)
  std::size_t index = 0;
  std::optional<Document> doc;             ///< the document (filled by run_job unless read already)
  std::string content_hash;                ///< with `hash`: json_content_hash of the document
  std::optional<std::vector<Fact>> facts;  ///< its facts; nothing when skipped
  std::string skipped;                     ///< why it was skipped (the time budget)
  std::exception_ptr error;                ///< reading or extraction failed (InputError)
  HeldMessages log;                        ///< what was logged meanwhile
};

/// Reads (unless `job.doc` is there) and extracts the job's document; errors and log
/// messages are kept in the job for take_job.
DocumentJob run_job(const Lexicon& lex, DocumentJob job);

/// Back on the command's thread: logs the job's messages and its skip (counting it in
/// `skipped`), and rethrows its error. True when it has facts.
bool take_job(DocumentJob& job, int& skipped);

/// What a job weighs in a batch: its JSON line, its document, or (a file not read yet) a
/// batch's worth.
std::size_t job_weight(const DocumentJob& job);

/// Reads and extracts the jobs `next()` gives on `jobs` threads (in batches) and hands
/// each to `take` in input order.
template <typename Next, typename Take>
void run_jobs(const Lexicon& lex, unsigned jobs, Next&& next, Take&& take) {
  map_in_batches(
      jobs, jobs * kBatchesPerJob, kBatchDocuments, kBatchBytes, next, job_weight,
      [&](DocumentJob job) { return run_job(lex, std::move(job)); }, take);
}

/// The jobs of extract or ingest in input order: a job a file, or (JSON Lines) a job a
/// line of each file. Files are opened in turn, as the jobs are asked for.
class JobSource {
 public:
  JobSource(std::vector<std::string> files, bool jsonl);
  /// The next job, or nothing at the end. A file that cannot be read gives a job that
  /// carries the error (raised in its turn, after the jobs before it) and is the last.
  std::optional<DocumentJob> next();
  /// Bytes read so far, over all files (for a progress bar).
  std::size_t bytes_read() const;

 private:
  std::vector<std::string> files_;
  bool jsonl_;
  std::size_t file_ = 0, bytes_done_ = 0;
  std::optional<LineReader> reader_;
};

/// What a JSON line's document is known by in a corpus: the SHA-256 of its id, metadata
/// and text, so that the same text under another id is another document.
std::string json_content_hash(const Document& doc);

/// The corpus commands (corpus.cpp).
int run_ingest(const Lexicon& lex, const std::vector<std::string>& args,
               const std::filesystem::path& data_dir);
int run_check(const Lexicon& lex, const std::vector<std::string>& args,
              const std::filesystem::path& data_dir);
int run_db(const std::vector<std::string>& args, const std::filesystem::path& data_dir);

}  // namespace claimcheck::cli
