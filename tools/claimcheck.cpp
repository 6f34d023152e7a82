// The claimcheck command: extract facts from documents and verify curated datasets.
// Results go to standard output, logs to standard error. Exit codes: 0 success, 1 a check
// failed, 2 usage error, 3 unreadable or invalid input.
#include <spdlog/spdlog.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "engine/dataset.hpp"
#include "engine/document.hpp"
#include "engine/extract.hpp"
#include "engine/html.hpp"
#include "engine/in_order.hpp"
#include "engine/parse.hpp"
#include "engine/report.hpp"
#include "engine/rules/evaluate.hpp"
#include "engine/rules/parser.hpp"
#include "grammar/lexicon.hpp"
#include "tools/cli.hpp"
#include "tools/data.hpp"
#include "tools/help.hpp"
#include "tools/log.hpp"

namespace {

using namespace claimcheck;
using cli::doc_id;
using cli::load_rule_dir;
using cli::RuleError;
using cli::UsageError;
using cli::write_whole_file;

int run_extract(const Lexicon& lex, std::vector<std::string> args) {
  std::string format = "json", output_path, input = "text";
  unsigned jobs = default_jobs();
  std::vector<std::string> files;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--format" || args[i] == "-o" || args[i] == "--input") {
      if (i + 1 >= args.size()) throw UsageError(args[i] + " needs a value");
      (args[i] == "-o" ? output_path : args[i] == "--input" ? input : format) = args[i + 1];
      ++i;
    } else if (args[i].rfind("--format=", 0) == 0) {
      format = args[i].substr(9);
    } else if (cli::take_jobs(args, i, jobs)) {
      continue;
    } else if (args[i].size() > 1 && args[i][0] == '-') {
      throw UsageError("extract: unknown option '" + args[i] + "'");
    } else {
      files.push_back(args[i]);
    }
  }
  if (format != "json" && format != "jsonl" && format != "text")
    throw UsageError("--format must be json, jsonl or text, not '" + format + "'");
  if (input != "text" && input != "jsonl")
    throw UsageError("--input must be text or jsonl, not '" + input + "'");
  if (files.empty()) throw UsageError("extract needs at least one FILE (or - for standard input)");
  cli::Output output(output_path);  // -o: written whole or not at all
  std::ostream& out = output.stream();
  std::vector<Document> docs;
  std::vector<Fact> facts;
  int skipped = 0;
  // documents are read and extracted on `jobs` threads and taken here in input order
  cli::JobSource source(files, input == "jsonl");
  auto take = [&](cli::DocumentJob job) {
    if (!cli::take_job(job, skipped)) return;
    Document& doc = *job.doc;
    auto& doc_facts = *job.facts;
    spdlog::info("{}: {} bytes, {} facts", doc.path, doc.bytes.size(), doc_facts.size());
    if (format == "jsonl") {  // stream: memory stays bounded by the documents in flight
      for (const auto& f : doc_facts) out << fact_json(f).dump() << '\n';
      return;
    }
    if (facts.empty())
      facts = std::move(doc_facts);
    else
      facts.insert(facts.end(), std::make_move_iterator(doc_facts.begin()),
                   std::make_move_iterator(doc_facts.end()));
    doc.bytes.clear();
    doc.bytes.shrink_to_fit();
    docs.push_back(std::move(doc));
  };
  cli::run_jobs(
      lex, jobs, [&] { return source.next(); }, take);
  if (format == "json") {
    write_json_report(out, docs, facts);
  } else if (format == "text") {
    write_fact_table(out, docs, facts);
  }
  output.commit();
  return skipped ? 3 : 0;  // the others are done; what was skipped is an input problem
}

int run_parse(const Lexicon& lex, const std::vector<std::string>& args) {
  ParseOptions options;
  std::string text;
  bool have_text = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--reference") {
      if (i + 1 >= args.size()) throw UsageError("--reference needs a value");
      options.reference = args[++i];
      if (options.reference.size() < 10 || options.reference[4] != '-' ||
          options.reference[7] != '-')
        throw UsageError("--reference takes a date as YYYY-MM-DD, not '" + options.reference + "'");
    } else if (args[i] == "--lang") {
      if (i + 1 >= args.size()) throw UsageError("--lang needs a value");
      options.lang = args[++i];
    } else if (args[i] == "--dims") {
      if (i + 1 >= args.size()) throw UsageError("--dims needs a value");
      std::string list = args[++i];
      for (std::size_t at = 0; at <= list.size();) {
        std::size_t comma = std::min(list.find(',', at), list.size());
        std::string dim = list.substr(at, comma - at);
        if (std::find(value_dims().begin(), value_dims().end(), dim) == value_dims().end()) {
          std::string known;
          for (const auto& d : value_dims()) known += (known.empty() ? "" : ", ") + d;
          throw UsageError("--dims: unknown dimension '" + dim + "' (known: " + known + ")");
        }
        options.dims.push_back(dim);
        at = comma + 1;
      }
    } else if (args[i] == "--") {
      for (++i; i < args.size(); ++i) text += (text.empty() ? "" : " ") + args[i];
      have_text = true;
    } else if (args[i] == "-") {
      text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
      have_text = true;
    } else if (args[i].size() > 1 && args[i][0] == '-' && args[i][1] == '-') {
      throw UsageError("parse: unknown option '" + args[i] + "'");
    } else {
      text += (text.empty() ? "" : " ") + args[i];
      have_text = true;
    }
  }
  if (!have_text) throw UsageError("parse needs a TEXT (or - for standard input)");
  try {
    std::cout << parse_json(text, parse_values(lex, text, options)).dump(2) << '\n';
  } catch (const InputError& e) {
    throw InputError((args.back() == "-" ? "-" : "TEXT") + std::string(": ") + e.what());
  }
  return 0;
}

int run_verify(const Lexicon& lex, const std::vector<std::string>& args) {
  std::filesystem::path rules_dir = cli::default_rules_dir();
  std::string junit;
  std::vector<std::string> datasets;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--rules" || args[i] == "--junit") {
      if (i + 1 >= args.size()) throw UsageError(args[i] + " needs a value");
      if (args[i] == "--rules")
        rules_dir = args[i + 1];
      else
        junit = args[i + 1];
      ++i;
    } else if (args[i].size() > 1 && args[i][0] == '-') {
      throw UsageError("verify: unknown option '" + args[i] + "'");
    } else {
      datasets.push_back(args[i]);
    }
  }
  if (datasets.empty()) throw UsageError("verify needs at least one DATASET folder");
  auto rule_files = load_rule_dir(rules_dir, lex);
  int failed = 0;
  std::vector<std::pair<std::string, VerifyResult>> suites;
  for (const auto& a : datasets) {
    Dataset ds = load_dataset(a, lex);
    auto r = verify_dataset(lex, ds, std::cout, &rule_files);
    failed += r.failed;
    suites.emplace_back(ds.name.empty() ? a : ds.name, std::move(r));
  }
  if (!junit.empty()) {
    std::ostringstream xml;
    write_junit(xml, suites);
    write_whole_file(junit, xml.str());
  }
  return failed > 0 ? 1 : 0;
}

int run_compare(const Lexicon& lex, const std::vector<std::string>& args) {
  cli::ReportOptions options;
  options.rules_dir = cli::default_rules_dir();
  std::vector<std::string> files;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (options.take(args, i)) continue;
    if (args[i].size() > 1 && args[i][0] == '-')
      throw UsageError("compare: unknown option '" + args[i] + "'");
    files.push_back(args[i]);
  }
  options.validate();
  if (files.size() < 2) throw UsageError("compare needs at least two documents");
  auto rule_files = load_rule_dir(options.rules_dir, lex);
  std::vector<Document> docs;
  std::vector<Fact> facts;
  int skipped = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    Document doc = read_document(files[i], doc_id(i));
    auto doc_facts = cli::extract_or_skip(lex, doc, skipped);
    if (!doc_facts) continue;
    facts.insert(facts.end(), doc_facts->begin(), doc_facts->end());
    if (options.format != "html") doc.bytes.clear();  // only the HTML report shows the text
    docs.push_back(std::move(doc));
  }
  if (docs.size() < 2) throw InputError("compare: fewer than two documents left to compare");
  auto findings = rules::evaluate(rule_files, docs, facts, lex);
  int code = cli::write_report(options, docs, facts, findings, lex);
  return skipped && code == 0 ? 3 : code;
}

int run_rules(const Lexicon& lex, const std::vector<std::string>& args) {
  if (args.empty() || args[0] != "check") throw UsageError("rules takes the subcommand 'check'");
  if (args.size() > 2) throw UsageError("rules check takes at most one folder");
  std::filesystem::path dir =
      args.size() == 2 ? std::filesystem::path(args[1]) : cli::default_rules_dir();
  auto files = load_rule_dir(dir, lex);
  std::size_t count = 0;
  for (const auto& f : files) count += f.rules.size();
  std::cout << dir.string() << ": " << count << " rules in " << files.size()
            << " files, all valid\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  cli::set_up_logging();
  std::vector<std::string> args(argv + 1, argv + argc);
  std::filesystem::path data_dir;
  std::string command;
  try {
    std::size_t i = 0;
    bool version = false;
    for (; i < args.size(); ++i) {
      if (args[i] == "-v" || args[i] == "--verbose")
        spdlog::set_level(spdlog::level::debug);
      else if (args[i] == "-q" || args[i] == "--quiet")
        spdlog::set_level(spdlog::level::err);
      else if (args[i] == "--data") {
        if (i + 1 >= args.size()) throw UsageError("--data needs a folder");
        data_dir = args[++i];
      } else if (args[i] == "--budget") {
        if (i + 1 >= args.size()) throw UsageError("--budget needs a number of seconds");
        double seconds = 0;
        try {
          seconds = std::stod(args[++i]);
        } catch (const std::exception&) {
          seconds = -1;
        }
        if (!(seconds >= 0) || seconds > 1e6)
          throw UsageError("--budget takes seconds (0 for no limit), not '" + args[i] + "'");
        cli::extraction().budget =
            std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
      } else if (args[i] == "--help" || args[i] == "-h") {
        std::cout << cli::overview_help();
        return 0;
      } else if (args[i] == "--version" || args[i] == "-V") {
        version = true;
      } else if (args[i].size() > 1 && args[i][0] == '-') {
        throw UsageError("unknown option '" + args[i] + "'");
      } else {
        break;
      }
    }
    if (version) {
      std::cout << cli::version_text(cli::lexicon_root(data_dir), cli::default_rules_dir());
      return 0;
    }
    if (i >= args.size()) throw UsageError("no command given");
    command = args[i];
    std::vector<std::string> rest(args.begin() + static_cast<long>(i) + 1, args.end());
    if (!cli::command_help(command)) {
      std::string name = command;
      command.clear();
      throw UsageError("unknown command '" + name + "'");
    }
    if (command == "help") {
      if (rest.empty()) {
        std::cout << cli::overview_help();
        return 0;
      }
      auto text = cli::command_help(rest[0]);
      if (!text) throw UsageError("help: unknown command '" + rest[0] + "'");
      std::cout << *text;
      return 0;
    }
    if (cli::asks_for_help(rest)) {
      std::cout << *cli::command_help(command);
      return 0;
    }
    data_dir = cli::lexicon_root(data_dir);
    spdlog::debug("lexicon from {}", (data_dir / "grammar" / "lexicon").string());
    auto loading = std::chrono::steady_clock::now();
    auto lex = Lexicon::load(data_dir / "grammar" / "lexicon");
    spdlog::debug("lexicon loaded in {:.1f} ms", std::chrono::duration<double, std::milli>(
                                                     std::chrono::steady_clock::now() - loading)
                                                     .count());
    int code = command == "extract"   ? run_extract(*lex, rest)
               : command == "compare" ? run_compare(*lex, rest)
               : command == "rules"   ? run_rules(*lex, rest)
               : command == "ingest"  ? cli::run_ingest(*lex, rest, data_dir)
               : command == "check"   ? cli::run_check(*lex, rest, data_dir)
               : command == "db"      ? cli::run_db(rest, data_dir)
               : command == "parse"   ? run_parse(*lex, rest)
                                      : run_verify(*lex, rest);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    spdlog::debug("peak memory {} MB", usage.ru_maxrss / 1024);
    return code;
  } catch (const RuleError& e) {
    for (const auto& d : e.diagnostics) std::cerr << d.format() << '\n';
    return 2;
  } catch (const UsageError& e) {
    std::cerr << "claimcheck: " << e.what() << "\n\n" << cli::usage_lines(command);
    std::cerr << "Try 'claimcheck " << (command.empty() ? "" : command + " ") << "--help'.\n";
    return 2;
  } catch (const InputError& e) {
    std::cerr << "claimcheck: " << e.what() << '\n';
    return 3;
  } catch (const DataError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << d.format() << '\n';
    return 3;
  } catch (const std::exception& e) {
    std::cerr << "claimcheck: " << e.what() << '\n';
    return 3;
  }
}
