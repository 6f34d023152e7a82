// What the claimcheck commands share (see cli.hpp).
#include "tools/cli.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iostream>
#include <sstream>

#include "engine/claimreview.hpp"
#include "engine/html.hpp"
#include "engine/report.hpp"
#include "engine/rules/parser.hpp"
#include "engine/sha256.hpp"

namespace claimcheck::cli {

std::string doc_id(std::size_t i) {
  std::string id;
  do {
    id.insert(id.begin(), static_cast<char>('A' + i % 26));
    i /= 26;
  } while (i-- > 0);
  return id;
}

std::vector<rules::RuleFile> load_rule_dir(const std::filesystem::path& dir, const Lexicon& lex) {
  try {
    return rules::load_rules(dir, lex);
  } catch (const DataError& e) {
    throw RuleError(e.diagnostics());
  }
}

Output::Output(std::string path) : path_(std::move(path)) {
  if (path_.empty()) return;
  temp_ = path_;
  temp_ += ".claimcheck-" + std::to_string(::getpid()) + ".tmp";
  file_ = std::make_unique<std::ofstream>(temp_, std::ios::binary | std::ios::trunc);
  if (!*file_) {
    file_.reset();
    throw InputError(path_ + ": cannot be opened for writing");
  }
}

Output::~Output() {
  if (file_ && !committed_) {
    file_.reset();
    std::error_code ignored;
    std::filesystem::remove(temp_, ignored);
  }
}

std::ostream& Output::stream() {
  return file_ ? static_cast<std::ostream&>(*file_) : std::cout;
}

bool Output::to_terminal() const {
  return !file_ && isatty(STDOUT_FILENO);
}

void Output::commit() {
  stream().flush();
  if (!file_) {
    if (!std::cout) throw InputError("standard output: write failed");
    return;
  }
  if (!*file_) throw InputError(path_ + ": write failed");
  file_->close();
  if (!*file_) throw InputError(path_ + ": write failed");
  std::error_code ec;
  std::filesystem::rename(temp_, path_, ec);
  if (ec) throw InputError(path_ + ": cannot be written (" + ec.message() + ")");
  committed_ = true;
}

void write_whole_file(const std::string& path, const std::string& content) {
  Output out(path);
  out.stream() << content;
  out.commit();
}

ExtractOptions& extraction() {
  static ExtractOptions options{std::chrono::milliseconds(60000)};
  return options;
}

std::optional<std::vector<Fact>> extract_or_skip(const Lexicon& lex, const Document& doc,
                                                 int& skipped) {
  try {
    return extract_facts(lex, doc, extraction());
  } catch (const BudgetExceeded& e) {
    spdlog::warn("{}", e.what());
    ++skipped;
    return std::nullopt;
  }
}

bool take_jobs(const std::vector<std::string>& args, std::size_t& i, unsigned& jobs) {
  const std::string& a = args[i];
  std::string value;
  if (a == "-j" || a == "--jobs") {
    if (i + 1 >= args.size()) throw UsageError(a + " needs a number of threads");
    value = args[++i];
  } else if (a.rfind("-j", 0) == 0 && a.size() > 2 &&
             std::isdigit(static_cast<unsigned char>(a[2]))) {
    value = a.substr(2);
  } else if (a.rfind("--jobs=", 0) == 0) {
    value = a.substr(7);
  } else {
    return false;
  }
  if (value.empty() || value.size() > 4 ||
      value.find_first_not_of("0123456789") != std::string::npos || std::stoi(value) < 1)
    throw UsageError("-j takes a number of threads, 1 or more, not '" + value + "'");
  jobs = static_cast<unsigned>(std::stoi(value));
  return true;
}

std::size_t job_weight(const DocumentJob& job) {
  if (job.line) return job.text.size() + 1;
  return job.doc ? job.doc->bytes.size() + 1 : kBatchBytes;
}

DocumentJob run_job(const Lexicon& lex, DocumentJob job) {
  if (!job.extract || job.error) return job;
  HoldLog hold(job.log);
  try {
    if (!job.doc)
      job.doc = job.line ? parse_json_document(job.text, job.path + ":" + std::to_string(job.line),
                                               job.id)
                         : read_document(job.path, job.id);
    job.text.clear();
    job.text.shrink_to_fit();
    if (job.hash) job.content_hash = json_content_hash(*job.doc);
    job.facts = extract_facts(lex, *job.doc, extraction());
  } catch (const BudgetExceeded& e) {
    job.skipped = e.what();
  } catch (...) {
    job.error = std::current_exception();
  }
  return job;
}

bool take_job(DocumentJob& job, int& skipped) {
  job.log.release();
  if (job.error) std::rethrow_exception(job.error);
  if (!job.skipped.empty()) {
    spdlog::warn("{}", job.skipped);
    ++skipped;
  }
  return job.facts.has_value();
}

JobSource::JobSource(std::vector<std::string> files, bool jsonl)
    : files_(std::move(files)), jsonl_(jsonl) {}

std::optional<DocumentJob> JobSource::next() {
  DocumentJob job;
  while (file_ < files_.size()) {
    job.path = files_[file_];
    if (!jsonl_) {
      job.id = doc_id(file_++);
      return job;
    }
    try {
      if (!reader_) reader_.emplace(files_[file_]);
      if (auto line = reader_->next()) {
        job.line = line->number;
        job.text = std::move(line->text);
        job.id = std::to_string(line->number);
        return job;
      }
    } catch (const InputError&) {
      job.error = std::current_exception();
      file_ = files_.size();
      reader_.reset();
      return job;
    }
    bytes_done_ += reader_->bytes_read();
    reader_.reset();
    ++file_;
  }
  return std::nullopt;
}

std::size_t JobSource::bytes_read() const {
  return bytes_done_ + (reader_ ? reader_->bytes_read() : 0);
}

std::string json_content_hash(const Document& doc) {
  std::string key = "claimcheck.jsonl";
  for (const std::string* field :
       {&doc.id, &doc.date, &doc.source, &doc.lang, &doc.title, &doc.bytes})
    key += '\0' + *field;
  return sha256_hex(key);
}

bool ReportOptions::take(const std::vector<std::string>& args, std::size_t& i) {
  const std::string& a = args[i];
  std::string* value = a == "--format"     ? &format
                       : a == "-o"         ? &output
                       : a == "--fail-on"  ? &fail_on
                       : a == "--ui"       ? &ui
                       : a == "--reviewer" ? &reviewer
                       : a == "--url-base" ? &url_base
                                           : nullptr;
  if (!value && a != "--rules") return false;
  if (i + 1 >= args.size()) throw UsageError(a + " needs a value");
  const std::string& v = args[++i];
  if (value)
    *value = v;
  else
    rules_dir = v;
  return true;
}

void ReportOptions::validate() const {
  if (format != "text" && format != "json" && format != "html" && format != "claimreview")
    throw UsageError("--format must be text, json, html or claimreview, not '" + format + "'");
  if (!ui.empty() && ui != "ar" && ui != "en" && ui != "fr")
    throw UsageError("--ui takes ar, en or fr, not '" + ui + "'");
  if (reviewer.empty()) throw UsageError("--reviewer needs a name");
  if (!fail_on.empty() && std::find(rules::verdicts().begin(), rules::verdicts().end(), fail_on) ==
                              rules::verdicts().end())
    throw UsageError(
        "--fail-on takes a verdict: corroborates, compatible, updates, differs, contradicts "
        "or single-source, not '" +
        fail_on + "'");
}

int write_report(const ReportOptions& options, const std::vector<Document>& docs,
                 const std::vector<Fact>& facts, const std::vector<rules::Finding>& findings,
                 const Lexicon& lex) {
  // a report file is written whole or not at all (see Output)
  Output output(options.output);
  std::ostream& out = output.stream();
  if (options.format == "json") {
    write_json_report(out, docs, facts, &findings);
  } else if (options.format == "claimreview") {
    ClaimReviewOptions review;
    review.reviewer = options.reviewer;
    review.url_base = options.url_base;
    if (review.url_base.empty())
      spdlog::warn("ClaimReview without --url-base: the reviews have no url");
    out << claimreview_json(compare_report(docs, facts, findings), review, &lex).dump(2) << '\n';
  } else if (options.format == "html") {
    write_html_report(out, docs, facts, findings, lex, options.ui);
  } else
    write_text_report(out, docs, facts, findings, output.to_terminal());
  output.commit();
  if (!options.fail_on.empty())
    for (const auto& f : findings)
      if (f.verdict == options.fail_on) return 1;
  return 0;
}

}  // namespace claimcheck::cli
