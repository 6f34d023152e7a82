// The suite runner: measures the grammar against peers' test suites (Duckling's corpora
// and Recognizers-Text's specs, as JSON Lines in ../shared/external) through the same
// parse_values() as `claimcheck parse`, with each suite's own rule for a pass. Prints a
// table per file, writes every failure to a log, checks the pass counts against the
// ratchet (tests/coverage/minimum.tsv) and writes docs/coverage.md.
//
//   coverage [--external DIR] [--ratchet FILE [--update-ratchet]] [--failures FILE]
//            [--markdown FILE | --check-markdown FILE] [--data DIR]
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "engine/document.hpp"
#include "engine/parse.hpp"
#include "grammar/lexicon.hpp"

namespace fs = std::filesystem;
using json = nlohmann::json;
using namespace claimcheck;

namespace {

struct Suite {
  std::string file;    ///< without .jsonl
  std::string target;  ///< "97%", or "" when the issue sets none
  double minimum = 0;  ///< the target as a fraction
};

// The Arabic files and the targets of issue 6.
const std::vector<Suite> kSuites{
    {"duckling_ar_numeral", "97%", 0.97},
    {"duckling_ar_ordinal", "95%", 0.95},
    {"duckling_ar_duration", "90%", 0.90},
    {"duckling_ar_quantity", "90%", 0.90},
    {"duckling_ar_amountofmoney", "90%", 0.90},
    {"duckling_ar_temperature", "90%", 0.90},
    {"duckling_ar_volume", "90%", 0.90},
    {"duckling_ar_time", "80%", 0.80},
    {"recognizers_text_ar_number", "90%", 0.90},
    {"recognizers_text_ar_numberrange", "90%", 0.90},
    {"recognizers_text_ar_percent", "90%", 0.90},
    {"recognizers_text_ar_ordinal", "90%", 0.90},
    {"recognizers_text_ar_datetime_extractor", "75%", 0.75},
};

struct Outcome {
  int passed = 0, failed = 0, negatives = 0, negatives_passed = 0;
  std::map<std::string, int> not_counted;  ///< reason → rows
};

bool same(double a, double b) {
  return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b));
}

std::string values_json(const std::vector<ParsedValue>& values) {
  json arr = json::array();
  for (const auto& v : values) {
    json o{{"dim", v.dim}, {"text", v.text}, {"start", v.start}, {"end", v.end}};
    if (v.dim == "time")
      o["from"] = v.from, o["to"] = v.to, o["grain"] = v.grain;
    else
      o["value"] = v.piece.value;
    if (!v.unit.empty()) o["unit"] = v.unit, o["normalized"] = v.normalized;
    if (!v.interval.empty()) o["interval"] = v.interval;
    arr.push_back(o);
  }
  return arr.dump();
}

// ---------------------------------------------------------------------------------------
// Duckling: one value of the row's dimension spans the whole text and means what it
// expects; a negative row yields no value of that dimension.

std::string our_dim(const std::string& duckling_dim) {
  static const std::map<std::string, std::string> dims{
      {"numeral", "number"},    {"ordinal", "ordinal"},     {"duration", "duration"},
      {"quantity", "quantity"}, {"amountofmoney", "money"}, {"temperature", "temperature"},
      {"volume", "volume"},     {"time", "time"},           {"distance", "quantity"}};
  auto it = dims.find(duckling_dim);
  return it == dims.end() ? duckling_dim : it->second;
}

/// Duckling's unit as our base unit and factor. "$" is a dollar and "£" a pound of
/// unstated country: they match the US dollar and any pound; "degree" is a temperature of
/// unstated scale and matches any.
struct Expected {
  double value = 0;
  std::set<std::string> bases;  ///< empty: any
};

Expected expected_unit(double value, const std::string& unit) {
  static const std::map<std::string, std::pair<std::set<std::string>, double>> units{
      {"$", {{"USD"}, 1}},
      {"cent", {{"USD"}, 0.01}},
      {"£", {{"GBP", "EGP", "LBP", "SYP", "SDG"}, 1}},
      {"gram", {{"gram"}, 1}},
      {"ounce", {{"ounce"}, 1}},
      {"cup", {{"cup"}, 1}},
      {"millilitre", {{"litre"}, 0.001}},
      {"litre", {{"litre"}, 1}},
      {"hectolitre", {{"litre"}, 100}},
      {"gallon", {{"gallon"}, 1}},
      {"celsius", {{"celsius"}, 1}},
      {"fahrenheit", {{"fahrenheit"}, 1}},
      {"degree", {{}, 1}},
  };
  auto it = units.find(unit);
  if (it == units.end()) return {value, {unit}};  // an ISO 4217 code
  return {value * it->second.second, it->second.first};
}

bool unit_matches(const ParsedValue& v, const Expected& e, double got) {
  return same(got, e.value) && (e.bases.empty() || e.bases.count(v.base_unit));
}

/// The date part of an ISO 8601 value at a grain we resolve (day, month, year).
std::string at_grain(const std::string& value, const std::string& grain) {
  if (grain == "day") return value.substr(0, 10);
  if (grain == "month") return value.substr(0, 7);
  if (grain == "year") return value.substr(0, 4);
  if (grain == "week") return value.substr(0, 10);  // its Monday
  if (grain == "hour") return value.substr(0, 13);
  if (grain == "minute") return value.substr(0, 16);
  if (grain == "second") return value.substr(0, 19);
  return "";
}

bool duckling_value_matches(const json& row, const ParsedValue& v) {
  const json& e = row["expected"];
  const std::string dim = row["dim"];
  if (dim == "numeral" || dim == "ordinal") return same(v.piece.value, e["value"].get<double>());
  if (dim == "duration")
    return v.base_unit == "second" && same(v.normalized, e["normalized"]["value"].get<double>());
  if (dim == "time") {
    if (e["type"] == "value") {
      std::string grain = e["grain"];
      std::string want = at_grain(e["value"], grain);
      return !want.empty() && v.grain == grain && at_grain(v.from, grain) == want;
    }
    std::string got_from = v.from, got_to = v.to;
    if (e.contains("from") && !got_from.empty()) got_from = at_grain(got_from, e["from"]["grain"]);
    if (e.contains("from") != !got_from.empty() || e.contains("to") != !got_to.empty())
      return false;
    if (e.contains("from") && at_grain(e["from"]["value"], e["from"]["grain"]) != got_from)
      return false;
    if (e.contains("to") && at_grain(e["to"]["value"], e["to"]["grain"]) != got_to) return false;
    return true;
  }
  // amounts with a unit: a value, or an interval
  const ValuePiece& p = v.piece;
  const double factor = v.piece.value != 0 ? v.normalized / v.piece.value : 1;
  if (e["type"] == "interval") {
    if (e.contains("from") != p.has_low || e.contains("to") != p.has_high) return false;
    if (p.has_low &&
        !unit_matches(v, expected_unit(e["from"]["value"], e["from"]["unit"]), p.low * factor))
      return false;
    if (p.has_high &&
        !unit_matches(v, expected_unit(e["to"]["value"], e["to"]["unit"]), p.high * factor))
      return false;
    return true;
  }
  if (p.has_low || p.has_high) return false;
  return unit_matches(v, expected_unit(e["value"], e["unit"]), v.normalized);
}

bool run_duckling_row(const json& row, const std::vector<ParsedValue>& values, std::size_t length,
                      std::string& why) {
  const std::string dim = our_dim(row["dim"]);
  std::vector<const ParsedValue*> of_dim;
  for (const auto& v : values)
    if (v.dim == dim) of_dim.push_back(&v);
  if (row["negative"].get<bool>()) {
    why = "a negative example yielded a " + dim;
    return of_dim.empty();
  }
  const ParsedValue* whole = nullptr;
  int wholes = 0;
  for (const auto* v : of_dim)
    if (v->start == 0 && v->end == length) whole = v, ++wholes;
  if (wholes != 1) {
    why = wholes == 0 ? "no " + dim + " spans the whole text" : "several readings";
    return false;
  }
  if (!duckling_value_matches(row, *whole)) {
    why = "wrong value";
    return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------
// Recognizers-Text: the same results as the spec, in order: text, type, start and end
// (the extractor spec: start and length), and resolution value unless the row says to
// ignore it. Rows its own implementation does not support, or whose spans do not point
// at their text, are not counted.

std::string rt_kind(const std::string& file) {
  auto pos = file.find("_ar_");
  return file.substr(pos + 4);
}

std::string resolution_of(const ParsedValue& v, const std::string& kind) {
  if (kind == "percent") return format_number(v.piece.value) + "%";
  if (kind == "ordinal" && !v.relative.empty()) return v.relative;
  if (kind == "numberrange") return v.interval;
  return format_number(v.piece.value);
}

/// RT's extractor types for our time and duration values.
std::string datetime_type(const ParsedValue& v) {
  return v.dim == "duration" ? "duration" : v.kind;
}

bool run_rt_row(const json& row, const std::string& kind, const std::vector<ParsedValue>& all,
                std::string& why) {
  std::set<std::string> dims;
  if (kind == "number") dims = {"number"};
  if (kind == "numberrange") dims = {"range"};
  if (kind == "percent") dims = {"percent"};
  if (kind == "ordinal") dims = {"ordinal"};
  if (kind == "datetime_extractor") dims = {"time", "duration"};
  std::vector<const ParsedValue*> got;
  for (const auto& v : all)
    if (dims.count(v.dim)) got.push_back(&v);
  const json& expected = row["expected"];
  if (got.size() != expected.size()) {
    why = "expected " + std::to_string(expected.size()) + " results, got " +
          std::to_string(got.size());
    return false;
  }
  const bool check_resolution =
      !(row.contains("ignore_resolution") && row["ignore_resolution"].is_boolean() &&
        row["ignore_resolution"].get<bool>());
  for (std::size_t i = 0; i < got.size(); ++i) {
    const json& e = expected[i];
    const ParsedValue& v = *got[i];
    // the datetime extractor's spans leave out a leading cue (في 22 أبريل → 22 أبريل)
    const bool core = kind == "datetime_extractor";
    const std::string& text = core ? v.value_text : v.text;
    const std::size_t v_start = core ? v.value_start : v.start;
    if (e["Text"] != text) {
      why = "result " + std::to_string(i + 1) + ": text «" + text + "», expected «" +
            e["Text"].get<std::string>() + "»";
      return false;
    }
    std::size_t start = e["Start"];
    std::size_t end = e.contains("Length") ? start + e["Length"].get<std::size_t>()
                                           : e["End"].get<std::size_t>() + 1;
    if (v_start != start || v.end != end) {
      why = "result " + std::to_string(i + 1) + ": at " + std::to_string(v_start) + "–" +
            std::to_string(v.end) + ", expected " + std::to_string(start) + "–" +
            std::to_string(end);
      return false;
    }
    if (kind == "datetime_extractor") {
      if (e["Type"] != datetime_type(v)) {
        why = "result " + std::to_string(i + 1) + ": type " + datetime_type(v) + ", expected " +
              e["Type"].get<std::string>();
        return false;
      }
      continue;
    }
    if (check_resolution && e.contains("Resolution") && e["Resolution"].contains("value")) {
      std::string want = e["Resolution"]["value"];
      std::string have = resolution_of(v, kind);
      if (want != have) {
        why = "result " + std::to_string(i + 1) + ": value " + have + ", expected " + want;
        return false;
      }
    }
  }
  return true;
}

// ---------------------------------------------------------------------------------------

std::map<std::string, int> read_ratchet(const fs::path& path) {
  std::map<std::string, int> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto tab = line.find('\t');
    if (tab == std::string::npos) continue;
    out[line.substr(0, tab)] = std::stoi(line.substr(tab + 1));
  }
  return out;
}

std::string percent(int a, int b) {
  if (b == 0) return "—";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * a / b);
  return buf;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  fs::path external, ratchet, failures_path, markdown, check_markdown, data = default_data_dir();
  bool update = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    auto value = [&]() -> fs::path {
      if (i + 1 >= args.size()) {
        std::cerr << "coverage: " << args[i] << " needs a value\n";
        std::exit(2);
      }
      return args[++i];
    };
    if (args[i] == "--external")
      external = value();
    else if (args[i] == "--ratchet")
      ratchet = value();
    else if (args[i] == "--failures")
      failures_path = value();
    else if (args[i] == "--markdown")
      markdown = value();
    else if (args[i] == "--check-markdown")
      check_markdown = value();
    else if (args[i] == "--data")
      data = value();
    else if (args[i] == "--update-ratchet")
      update = true;
    else {
      std::cerr << "usage: coverage [--external DIR] [--ratchet FILE [--update-ratchet]] "
                   "[--failures FILE] [--markdown FILE | --check-markdown FILE] [--data DIR]\n";
      return 2;
    }
  }
  if (external.empty()) external = data / ".." / "shared" / "external";
  if (!fs::exists(external / "README.md")) {
    std::cout << "skipped: " << external.string()
              << " is absent (the peers' suites live beside the checkout, in ../shared)\n";
    return 0;  // CTest reports it skipped (SKIP_REGULAR_EXPRESSION)
  }
  auto lex = Lexicon::load(data / "grammar" / "lexicon");
  std::ofstream failures;
  if (!failures_path.empty()) failures.open(failures_path);

  struct Row {
    Suite suite;
    Outcome outcome;
  };
  std::vector<Row> table;
  for (const auto& suite : kSuites) {
    Outcome o;
    std::ifstream in(external / (suite.file + ".jsonl"));
    if (!in) {
      std::cerr << "coverage: cannot read " << (external / (suite.file + ".jsonl")).string()
                << '\n';
      return 3;
    }
    const bool duckling = suite.file.rfind("duckling", 0) == 0;
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (line.empty()) continue;
      json row = json::parse(line);
      const std::string text = row["text"];
      if (!duckling) {
        if (row.contains("not_supported") && !row["not_supported"].empty()) {
          ++o.not_counted["not supported by the reference implementation"];
          continue;
        }
        if (!(row.contains("span_consistent") && row["span_consistent"].is_boolean() &&
              row["span_consistent"].get<bool>())) {
          ++o.not_counted["spans do not point at their text"];
          continue;
        }
      }
      ParseOptions options;
      options.lang = "ar";  // the suites are Arabic ones (file names say so)
      if (row.contains("reference_time")) options.reference = row["reference_time"];
      // each suite asks for its own dimension only (Duckling's target dimension, or the
      // Recognizers-Text model under test)
      if (duckling) {
        options.dims = {our_dim(row["dim"])};
      } else {
        const std::string kind = rt_kind(suite.file);
        options.dims = kind == "numberrange"          ? std::vector<std::string>{"range"}
                       : kind == "datetime_extractor" ? std::vector<std::string>{"time", "duration"}
                                                      : std::vector<std::string>{kind};
      }
      std::vector<ParsedValue> values;
      std::string why;
      bool ok = false;
      try {
        values = parse_values(*lex, text, options);
        std::size_t length = 0;
        for (unsigned char c : text) length += (c & 0xC0) != 0x80;
        ok = duckling ? run_duckling_row(row, values, length, why)
                      : run_rt_row(row, rt_kind(suite.file), values, why);
      } catch (const std::exception& e) {
        why = std::string("error: ") + e.what();
      }
      if (duckling && row["negative"].get<bool>()) ++o.negatives, o.negatives_passed += ok;
      (ok ? o.passed : o.failed)++;
      if (!ok && failures)
        failures << suite.file << ":" << number << "\t" << text << "\t" << why << "\n\texpected "
                 << row["expected"].dump() << "\n\tgot      " << values_json(values) << "\n";
    }
    table.push_back({suite, o});
  }

  // the table
  std::ostringstream md;
  md << "| file | counted | passed | failed | pass rate | target | not counted |\n"
        "|---|---:|---:|---:|---:|---:|---|\n";
  std::printf("%-40s %7s %7s %7s %9s %7s  %s\n", "file", "counted", "passed", "failed", "rate",
              "target", "not counted");
  bool all_met = true;
  for (const auto& [suite, o] : table) {
    int counted = o.passed + o.failed;
    std::string rate = percent(o.passed, counted);
    bool met = counted > 0 && o.passed >= suite.minimum * counted;
    if (suite.file.rfind("duckling", 0) == 0 && o.negatives > 0 && o.negatives_passed < o.negatives)
      met = false;
    all_met = all_met && met;
    std::string apart;
    for (const auto& [reason, n] : o.not_counted)
      apart += (apart.empty() ? "" : "; ") + std::to_string(n) + " " + reason;
    if (o.negatives > 0)
      apart += (apart.empty() ? "" : "; ") + std::string("negatives ") +
               std::to_string(o.negatives_passed) + "/" + std::to_string(o.negatives) +
               " yield nothing";
    std::printf("%-40s %7d %7d %7d %9s %7s  %s\n", suite.file.c_str(), counted, o.passed, o.failed,
                rate.c_str(), (suite.target + (met ? " met" : "")).c_str(), apart.c_str());
    md << "| `" << suite.file << "` | " << counted << " | " << o.passed << " | " << o.failed
       << " | " << rate << " | " << suite.target << (met ? " ✓" : " ✗") << " | " << apart << " |\n";
  }
  std::printf("targets: %s\n", all_met ? "all met" : "not all met");

  if (!markdown.empty() || !check_markdown.empty()) {
    std::string doc =
        "# Grammar coverage against peers' test suites\n\n"
        "<!-- Generated by `build/tools/coverage --markdown docs/coverage.md`; do not edit. -->\n\n"
        "The grammar is measured on the Arabic test corpora of Duckling and the Arabic specs of\n"
        "Recognizers-Text (`../shared/external`, see its README), through `parse_values()`, the\n"
        "function behind `claimcheck parse`. A row passes by its suite's own rule:\n\n"
        "- **Duckling**: exactly one value of the row's dimension spans the whole text and means\n"
        "  what the row expects (amounts compared in base units: 0.002 كيلوغرام = 2 gram;\n"
        "  durations in seconds; times at their grain). Duckling's `$` is read as the US dollar,\n"
        "  its `£` as any pound and its `degree` as a temperature of any scale, since the\n"
        "  corpus leaves them unstated. A negative row passes when no value of its dimension is\n"
        "  found anywhere in it.\n"
        "- **Recognizers-Text**: the same results as the spec, in order, with the same text,\n"
        "  start and end (the datetime extractor: start, length and type) and the same\n"
        "  resolution value unless the row says to ignore it. Rows that the reference .NET\n"
        "  implementation does not support, or whose spans do not point at their text, are\n"
        "  not counted and are listed apart.\n\n"
        "Every failure is written to a log by `build/tools/coverage --failures FILE` (CTest\n"
        "writes `build/coverage-failures.log`). `tests/coverage/minimum.tsv` holds the\n"
        "minimum pass count per file: the CTest entry `coverage.suites` fails if a change\n"
        "lowers one, and `build/tools/coverage --ratchet tests/coverage/minimum.tsv\n"
        "--update-ratchet` raises them after an improvement.\n\n" +
        md.str();
    if (!markdown.empty()) {
      std::ofstream out(markdown);
      out << doc;
      if (!out) {
        std::cerr << "coverage: cannot write " << markdown.string() << '\n';
        return 3;
      }
    } else {
      std::ifstream in(check_markdown);
      std::stringstream have;
      have << in.rdbuf();
      if (have.str() != doc) {
        std::cout << check_markdown.string()
                  << " is out of date: run build/tools/coverage --markdown "
                  << check_markdown.string() << '\n';
        return 1;
      }
      std::cout << check_markdown.string() << " is up to date\n";
    }
  }

  if (!ratchet.empty()) {
    auto minimum = read_ratchet(ratchet);
    int code = 0;
    for (const auto& [suite, o] : table) {
      auto it = minimum.find(suite.file);
      int floor = it == minimum.end() ? 0 : it->second;
      if (o.passed < floor) {
        std::printf("RATCHET: %s passes %d rows, fewer than its minimum of %d\n",
                    suite.file.c_str(), o.passed, floor);
        code = 1;
      } else if (o.passed > floor && !update) {
        std::printf("ratchet: %s now passes %d rows (minimum %d): raise it with --update-ratchet\n",
                    suite.file.c_str(), o.passed, floor);
      }
    }
    if (update) {
      std::ofstream out(ratchet);
      out << "# Minimum pass count per suite file (tools/coverage.cpp). A change that lowers one\n"
             "# fails the coverage.suites test; raise them with coverage --update-ratchet.\n";
      for (const auto& [suite, o] : table)
        out << suite.file << '\t' << std::max(o.passed, minimum[suite.file]) << '\n';
      std::printf("ratchet updated: %s\n", ratchet.string().c_str());
    }
    return code;
  }
  return 0;
}
