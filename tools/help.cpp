// The texts of `claimcheck --help` and `claimcheck COMMAND --help` (see help.hpp).
#include "tools/help.hpp"

#include <algorithm>
#include <utility>

namespace claimcheck::cli {
namespace {

constexpr std::string_view kOverview =
    R"(usage: claimcheck [-v|-q] [--data DIR] [--budget SECONDS] COMMAND [ARGS]
       claimcheck COMMAND --help
       claimcheck --version

commands:
  extract FILE...        the facts of each document (JSON, JSON Lines or a table)
  compare FILE FILE...   the consistency report between documents (text, JSON, HTML or
                         ClaimReview JSON-LD)
  verify DATASET...      check curated datasets' facts and findings; exit 1 on any miss
  parse TEXT|-           every value the grammar reads in a short text, as JSON
  ingest --db DB FILE... store documents and their facts in a corpus (SQLite)
  check --db DB FILE...  the report of new documents against a corpus
  db --db DB SUBCOMMAND  look inside a corpus (info, list, show, remove, check, migrate)
  rules check [DIR]      parse and validate rule files
  help [COMMAND]         this text, or a command's

options:
  --data DIR             the folder holding grammar/lexicon/ (default: $CLAIMCHECK_DATA,
                         else the installed data, else the source tree); it moves the
                         lexicon only: the rules stay where --rules says
  --budget SECONDS       the most one document's extraction may take (default 60; 0: no
                         limit); a document past it is skipped with a warning, exit 3
  -v, --verbose          more logging on standard error
  -q, --quiet            errors only
  -h, --help             this text
  --version              the version and the fingerprints of the grammar, lexicon and rules

Each command answers --help with its options and an example. - reads standard input.
exit codes: 0 success, 1 a check failed, 2 usage error, 3 unreadable or invalid input
See claimcheck(1) (docs/claimcheck.1).
)";

constexpr std::string_view kReportOptions =
    R"(  --format FORMAT        text (default), json (claimcheck.report/1), html (one
                         self-contained page) or claimreview (schema.org JSON-LD)
  -o FILE                write the report to FILE, whole or not at all
  --rules DIR            the rule files (default: $CLAIMCHECK_RULES, else the installed
                         rules, else the source tree's rules/); independent of --data
  --fail-on VERDICT      exit 1 when a finding has VERDICT (contradicts, differs, …)
  --ui ar|en|fr          the language of the HTML report's labels, and its lang and
                         dir (default: the language most documents are in, Arabic
                         documents giving ar; en when there are no labels in it)
  --reviewer NAME        ClaimReview: who reviews (default: claimcheck)
  --url-base URL         ClaimReview: the address of the published report; each review's
                         url is URL#finding-N
)";

const std::vector<std::pair<std::string_view, std::string>>& texts() {
  static const std::vector<std::pair<std::string_view, std::string>> t{
      {"extract", R"(usage: claimcheck extract [--format json|jsonl|text] [-o FILE] [-j N] FILE...
       claimcheck extract --input jsonl [--format jsonl] [-j N] FILE|-

Prints every claim of each document as a fact. FILE is UTF-8 text (with an optional
front-matter block: title, source, date, lang, url) or an HTML page; - reads standard input.

options:
  --format FORMAT        json (default, claimcheck.report/1), jsonl (one fact a line,
                         streamed) or text (a table)
  --input jsonl          each FILE holds one document a line:
                         {"id","text","date","source","lang","title"}
  -o FILE                write to FILE, whole or not at all
  -j N                   extract on N threads (default: one for each core); the output
                         is in input order and the same for every N
  -h, --help             this text

examples:
  claimcheck extract --format text fixtures/ar-numbers/article.txt
  claimcheck extract --input jsonl --format jsonl -j 2 week.jsonl > facts.jsonl
)"},
      {"compare", std::string(R"(usage: claimcheck compare [OPTIONS] FILE FILE...

The consistency report between two or more documents: what the sources corroborate, where
they differ only in span or unit, what one source says alone, where they contradict.
Findings come most pressing verdict first (docs/rules.md).

options:
)") + std::string(kReportOptions) +
                      R"(  -h, --help             this text

examples:
  claimcheck compare fixtures/report-demo/a.txt fixtures/report-demo/b.txt
  claimcheck compare a.txt b.txt --format html -o report.html
  claimcheck compare a.txt b.txt --format html --ui fr -o rapport.html
  claimcheck compare a.txt b.txt --format claimreview --url-base https://example.org/check
)"},
      {"verify", R"(usage: claimcheck verify [--rules DIR] [--junit FILE] DATASET...

Checks curated datasets (claimcheck.dataset/1, docs/datasets.md): extracts their documents,
prints each expected and forbidden fact and finding met or missed, then "N passed, M
failed". DATASET is a folder holding dataset.json, or a dataset.json file.

options:
  --rules DIR            the rule files (default as for compare)
  --junit FILE           also write JUnit XML, one test case per expectation
  -h, --help             this text

exit: 0 all met, 1 any missed

examples:
  claimcheck verify fixtures/compare-rounding
  (cd fixtures/compare-rounding && claimcheck verify dataset.json)
)"},
      {"parse",
       R"(usage: claimcheck parse [--reference DATE] [--dims DIM,...] [--lang CODE] [--] TEXT|-

Every value the grammar recognises in a short text, as JSON, each with its place (code
points) and meaning: numbers, ordinals, money (ISO 4217), quantities with units,
percentages, durations, temperatures, volumes, times and ranges.

options:
  --reference DATE       resolve relative times against DATE (YYYY-MM-DD[THH:MM:SS])
  --dims DIM,...         keep to those dimensions (number, money, duration, time, …)
  --lang CODE            the grammar to read with (ar); default: the text's script
  --                     what follows is text, even when it starts with -
  -                      read the text from standard input
  -h, --help             this text

example:
  claimcheck parse --reference 2013-02-12 "اعتقلت الشرطة 12 شخصا أمس"
)"},
      {"ingest", R"(usage: claimcheck ingest --db DB [--reextract] [--input jsonl] [-j N] FILE...

Stores documents and their facts in a corpus (a SQLite file, created when absent), each
file in a transaction of its own. The same content again changes nothing. A progress bar
is drawn when standard error is a terminal (not with -v or -q).

options:
  --db DB                the corpus file
  --reextract            bring facts extracted by an older grammar or lexicon up to date
  --input jsonl          each FILE holds one document a line (as extract reads them),
                         stored under its "id"; the whole batch is one transaction: a
                         bad line stops it with FILE:LINE, exit 3, and nothing stored
  -j N                   extract on N threads (default: one for each core); documents
                         are stored in input order
  -h, --help             this text

examples:
  claimcheck ingest --db corpus.sqlite fixtures/report-demo/a.txt
  claimcheck ingest --db corpus.sqlite --input jsonl week.jsonl
)"},
      {"check", std::string(R"(usage: claimcheck check --db DB [--save] [OPTIONS] FILE...

The consistency report of new documents against every stored fact that shares a join key
with theirs; stored documents are named S1, S2, ….

options:
  --db DB                the corpus file
  --save                 store the new documents afterwards
)") + std::string(kReportOptions) +
                    R"(  -h, --help             this text

example:
  claimcheck check --db corpus.sqlite fixtures/report-demo/b.txt
)"},
      {"db", R"(usage: claimcheck db --db DB info|list|show DOC|remove DOC|check|migrate

Looks inside a corpus: info (counts and versions), list (stored documents), show DOC (one
document's facts), remove DOC, check (SQLite's integrity check and the corpus's own),
migrate (bring an older schema up to date).

options:
  --db DB                the corpus file
  -h, --help             this text

example:
  claimcheck db --db corpus.sqlite list
)"},
      {"rules", R"(usage: claimcheck rules check [DIR]

Parses and validates rule files (*.rules); errors come as file:line:col. DIR defaults to
the rules every command uses ($CLAIMCHECK_RULES, else the installed or source rules/).

options:
  -h, --help             this text

example:
  claimcheck rules check rules/
)"},
      {"help", R"(usage: claimcheck help [COMMAND]

Prints the overview, or COMMAND's usage, options and example.

example:
  claimcheck help compare
)"}};
  return t;
}

}  // namespace

std::string_view overview_help() {
  return kOverview;
}

std::optional<std::string_view> command_help(std::string_view command) {
  for (const auto& [name, text] : texts())
    if (name == command) return std::string_view(text);
  return std::nullopt;
}

std::string usage_lines(std::string_view command) {
  auto text = command_help(command);
  if (!text) return std::string(kOverview.substr(0, kOverview.find("\n\n") + 1));
  return std::string(text->substr(0, text->find("\n\n") + 1));
}

const std::vector<std::string>& command_names() {
  static const std::vector<std::string> names{"extract", "compare", "verify", "parse", "ingest",
                                              "check",   "db",      "rules",  "help"};
  return names;
}

bool asks_for_help(const std::vector<std::string>& args) {
  for (const auto& a : args) {
    if (a == "--") return false;
    if (a == "-h" || a == "--help") return true;
  }
  return false;
}

}  // namespace claimcheck::cli
