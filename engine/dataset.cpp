// Dataset loading, validation and verification of expected and forbidden facts.
#include "engine/dataset.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "engine/document.hpp"
#include "engine/extract.hpp"
#include "engine/html.hpp"
#include "engine/report.hpp"
#include "engine/suggest.hpp"
#include "grammar/text.hpp"

namespace claimcheck {
namespace {

using json = nlohmann::json;

const std::set<std::string> kFactFields{
    "doc",      "kind", "subject", "predicate", "family", "object",         "place",
    "quantity", "time", "members", "polarity",  "source", "quote_contains", "note"};
const std::set<std::string> kDocumentFields{"id", "path", "lang", "source", "title", "date"};
const std::set<std::string> kFindingFields{"rule",      "verdict", "docs",   "details", "subject",
                                           "predicate", "family",  "object", "note"};

template <typename Range>
std::string did_you_mean(const std::string& word, const Range& candidates) {
  return claimcheck::did_you_mean(word,
                                  std::vector<std::string>(candidates.begin(), candidates.end()));
}

class DatasetChecker {
 public:
  DatasetChecker(const Lexicon& lex, std::string file) : lex_(lex), file_(std::move(file)) {}
  std::vector<Diagnostic> errors;

  void error(const std::string& where, const std::string& message) {
    errors.push_back(Diagnostic{file_, 0, 0, where + ": " + message});
  }

  void check_id(const std::string& where, const std::string& kind, const json& value) {
    if (!value.is_string()) return error(where, "expected a string");
    std::string id = value.get<std::string>();
    bool known = kind == "country_or_org" ? (lex_.knows_country(id) || lex_.knows_organisation(id))
                 : kind == "family"       ? lex_.knows_family(id)
                 : kind == "predicate"
                     ? lex_.find_predicate(id) != nullptr
                     : lex_.find_object(id) != nullptr || lex_.knows_unit_base(id);
    if (known) return;
    std::vector<std::string> candidates =
        kind == "country_or_org" ? lex_.ids("country") : lex_.ids(kind);
    if (kind == "country_or_org")
      for (auto& o : lex_.ids("organisation")) candidates.push_back(o);
    error(where, "unknown " + (kind == "country_or_org" ? std::string("entity") : kind) + " '" +
                     id + "'" + did_you_mean(id, candidates));
  }

  void check_entry(const std::string& where, const json& entry,
                   const std::set<std::string>& allowed, const std::set<std::string>& doc_ids) {
    if (!entry.is_object()) return error(where, "expected an object");
    for (const auto& [key, value] : entry.items()) {
      if (!allowed.count(key)) {
        error(where, "unknown field '" + key + "'" + did_you_mean(key, allowed));
        continue;
      }
      std::string at = where + "." + key;
      if (key == "doc" && (!value.is_string() || !doc_ids.count(value.get<std::string>())))
        error(at, "expected the id of one of the dataset's documents");
      if (key == "docs") {
        if (!value.is_array())
          error(at, "expected a list of document ids");
        else
          for (const auto& d : value)
            if (!d.is_string() || !doc_ids.count(d.get<std::string>()))
              error(at, "expected the id of one of the dataset's documents");
      }
      if (key == "predicate") check_id(at, "predicate", value);
      if (key == "family") check_id(at, "family", value);
      if (key == "object" && value.is_string() &&
          !lex_.knows_organisation(value.get<std::string>()))
        check_id(at, "object", value);
      if (key == "subject" || key == "source") check_id(at, "country_or_org", value);
      if (key == "members") {
        if (!value.is_array())
          error(at, "expected a list");
        else
          for (const auto& m : value) check_id(at, "country_or_org", m);
      }
      if (key == "quantity") {
        static const std::set<std::string> ops{"eq", "gt", "ge", "lt", "le", "approx", "between"};
        if (!value.is_object() || value.size() != 1 || !ops.count(value.begin().key()))
          error(at,
                "expected one of {\"eq\":N} {\"gt\":N} {\"ge\":N} {\"lt\":N} {\"le\":N} "
                "{\"approx\":N} {\"between\":[A,B]}");
      }
      if (key == "time") {
        static const std::set<std::string> ops{"in", "since", "until", "between", "as_of"};
        if (!value.is_object() || value.size() != 1 || !ops.count(value.begin().key()))
          error(at,
                "expected one of {\"in\":DATE} {\"since\":DATE} {\"until\":DATE} "
                "{\"between\":[A,B]} {\"as_of\":DATE} ({\"in\":[A,B]} for a span)");
      }
    }
  }

 private:
  const Lexicon& lex_;
  std::string file_;
};

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

std::string compact(const json& j) {
  json copy = j;
  copy.erase("note");
  return copy.dump();
}

}  // namespace

Dataset load_dataset(const std::filesystem::path& path, const Lexicon& lex) {
  Dataset ds;
  std::error_code ec;
  ds.file = std::filesystem::is_directory(path, ec) ? path / "dataset.json" : path;
  ds.dir = ds.file.parent_path();
  if (ds.dir.empty()) ds.dir = ".";  // a bare dataset.json is in the current folder
  std::ifstream in(ds.file, std::ios::binary);
  if (!in) throw DataError({Diagnostic{ds.file.string(), 0, 0, "cannot open dataset file"}});
  std::stringstream buf;
  buf << in.rdbuf();
  return parse_dataset(buf.str(), ds.file, lex);
}

/// Whether `rel`, relative to the dataset folder `dir`, stays inside the dataset's
/// collection: the folder itself or, when it sits in a folder named "datasets" (as in
/// ../shared/datasets/morocco-ct, whose articles are in ../shared/seeds), that folder's
/// parent. Absolute paths never do; symbolic links are followed where they exist.
bool inside_collection(const std::filesystem::path& dir, const std::string& rel) {
  namespace fs = std::filesystem;
  const fs::path p(rel);
  if (p.is_absolute() || p.has_root_name() || p.has_root_directory()) return false;
  fs::path base = fs::absolute(dir).lexically_normal();
  if (!base.has_filename()) base = base.parent_path();
  fs::path root =
      base.parent_path().filename() == "datasets" ? base.parent_path().parent_path() : base;
  std::error_code ec;
  fs::path target = fs::weakly_canonical(base / p, ec);
  if (ec) target = (base / p).lexically_normal();
  fs::path canonical_root = fs::weakly_canonical(root, ec);
  if (ec) canonical_root = root;
  auto r = canonical_root.lexically_normal().string(), t = target.string();
  if (!r.empty() && r.back() != '/') r += '/';
  return t.rfind(r, 0) == 0;
}

Dataset parse_dataset(const std::string& text, const std::filesystem::path& file,
                      const Lexicon& lex) {
  Dataset ds;
  ds.file = file;
  ds.dir = ds.file.parent_path();
  if (ds.dir.empty()) ds.dir = ".";
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error& e) {
    // locate the byte offset as line:col
    std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    int line = 1, col = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
      if (text[i] == '\n')
        ++line, col = 1;
      else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
        ++col;
    }
    std::string what = e.what();
    auto pos = what.find("parse error");
    throw DataError(
        {Diagnostic{ds.file.string(), line, col,
                    "invalid JSON: " + (pos == std::string::npos ? what : what.substr(pos))}});
  } catch (const json::exception& e) {
    // a number the parser cannot hold (found by fuzzing): no position is known
    std::string what = e.what();
    auto pos = what.find("] ");
    throw DataError(
        {Diagnostic{ds.file.string(), 0, 0,
                    "invalid JSON: " + (pos == std::string::npos ? what : what.substr(pos + 2))}});
  }
  DatasetChecker check(lex, ds.file.string());
  if (!j.is_object())
    throw DataError({Diagnostic{ds.file.string(), 0, 0, "expected a JSON object"}});
  if (str(j, "schema") != "claimcheck.dataset/1")
    check.error("schema", "expected \"claimcheck.dataset/1\"");
  static const std::set<std::string> top{"schema",          "name",           "description",
                                         "documents",       "expect_facts",   "forbid_facts",
                                         "expect_findings", "forbid_findings"};
  for (const auto& [key, value] : j.items())
    if (!top.count(key)) check.error(key, "unknown field" + did_you_mean(key, top));
  ds.name = str(j, "name");
  ds.description = str(j, "description");
  std::set<std::string> ids;
  if (!j.contains("documents") || !j["documents"].is_array() || j["documents"].empty()) {
    check.error("documents", "expected a non-empty list of documents");
  } else {
    for (std::size_t i = 0; i < j["documents"].size(); ++i) {
      const auto& d = j["documents"][i];
      std::string where = "documents[" + std::to_string(i) + "]";
      DatasetDocument doc{str(d, "id"),     str(d, "path"),  str(d, "lang"),
                          str(d, "source"), str(d, "title"), str(d, "date")};
      if (d.is_object()) {
        for (const auto& [key, value] : d.items()) {
          if (!kDocumentFields.count(key))
            check.error(where, "unknown field '" + key + "'" + did_you_mean(key, kDocumentFields));
          else if (!value.is_string())
            check.error(where + "." + key, "expected a string");
        }
      }
      if (doc.id.empty() || doc.path.empty())
        check.error(where, "expected \"id\" and \"path\"");
      else if (!inside_collection(ds.dir, doc.path))
        check.error(where + ".path", "'" + doc.path +
                                         "' leaves the dataset's collection; paths are relative "
                                         "to the dataset's folder and stay inside it (or, for a "
                                         "dataset in a datasets/ folder, inside that folder's "
                                         "parent)");
      else if (!ids.insert(doc.id).second)
        check.error(where, "duplicate document id '" + doc.id + "'");
      if (!doc.source.empty()) check.check_id(where + ".source", "country_or_org", d["source"]);
      ds.documents.push_back(doc);
    }
  }
  for (const char* list : {"expect_facts", "forbid_facts", "expect_findings", "forbid_findings"}) {
    if (!j.contains(list)) continue;
    if (!j[list].is_array()) {
      check.error(list, "expected a list");
      continue;
    }
    bool facts = std::string(list).find("facts") != std::string::npos;
    for (std::size_t i = 0; i < j[list].size(); ++i)
      check.check_entry(std::string(list) + "[" + std::to_string(i) + "]", j[list][i],
                        facts ? kFactFields : kFindingFields, ids);
    (facts ? (std::string(list) == "expect_facts" ? ds.expect_facts : ds.forbid_facts)
           : (std::string(list) == "expect_findings" ? ds.expect_findings : ds.forbid_findings)) =
        j[list];
  }
  if (!check.errors.empty()) throw DataError(std::move(check.errors));
  return ds;
}

bool fact_matches(const json& expected, const Fact& f, std::string* why) {
  auto fail = [&](const std::string& field, const std::string& found) {
    if (why) *why = field + " is " + (found.empty() ? "absent" : found);
    return false;
  };
  for (const auto& [key, value] : expected.items()) {
    if (key == "note") continue;
    if (key == "doc" && value != f.doc) return fail(key, f.doc);
    if (key == "kind" && value != f.kind) return fail(key, f.kind);
    if (key == "subject" && value != f.subject.str()) return fail(key, f.subject);
    if (key == "predicate" && value != f.predicate.str()) return fail(key, f.predicate);
    if (key == "family" && value != f.family.str()) return fail(key, f.family);
    if (key == "object" && value != f.object.str()) return fail(key, f.object);
    if (key == "place" && value != f.place.str()) return fail(key, f.place);
    if (key == "polarity" && value != f.polarity) return fail(key, f.polarity);
    if (key == "source" && (!f.source || value != f.source->entity.str()))
      return fail(key, f.source ? f.source->entity.str() : std::string());
    if (key == "members") {
      std::set<std::string> want, have;
      for (const auto& m : f.members) have.insert(m.str());
      for (const auto& m : value) want.insert(m.get<std::string>());
      if (want != have) {
        std::string found;
        for (const auto& m : have) found += (found.empty() ? "" : ",") + m;
        return fail(key, "{" + found + "}");
      }
    }
    if (key == "quote_contains") {
      std::string needle = value.get<std::string>();
      if (f.text.str().find(needle) == std::string::npos &&
          to_utf8(normalise_key(f.text.str())).find(to_utf8(normalise_key(needle))) ==
              std::string::npos)
        return fail(key, "not in the sentence");
    }
    if (key == "quantity") {
      if (!f.quantity) return fail(key, "");
      static const std::map<std::string, std::string> ops{
          {"eq", "="},  {"gt", ">"},     {"ge", ">="},          {"lt", "<"},
          {"le", "<="}, {"approx", "~"}, {"between", "between"}};
      const std::string op = value.begin().key();
      const json& v = value.begin().value();
      bool ok = op_symbol(f.quantity->op) == ops.at(op);
      if (ok && op == "between")
        ok = v.is_array() && v.size() == 2 && v[0].get<double>() == f.quantity->value &&
             f.quantity->upper && v[1].get<double>() == *f.quantity->upper;
      else if (ok)
        ok = v.is_number() && v.get<double>() == f.quantity->value;
      if (!ok) return fail(key, describe_quantity(*f.quantity));
    }
    if (key == "time") {
      if (!f.time) return fail(key, "");
      const std::string op = value.begin().key();
      const json& v = value.begin().value();
      bool ok = to_string(f.time->op) == op;
      const std::string from = f.time->from_iso(), to = f.time->to_iso();
      if (ok && (op == "between" || v.is_array()))  // a span: [from, to]
        ok = v.is_array() && v.size() == 2 && v[0] == from && v[1] == to;
      else if (ok && op == "until")
        ok = v == to;
      else if (ok)
        ok = v == from && to.empty();
      if (!ok) return fail(key, describe_time(*f.time));
    }
  }
  return true;
}

namespace {
/// Every key `want` gives matches `have`; lists compare as sets.
bool details_match(const json& want, const json& have) {
  if (want.is_object()) {
    if (!have.is_object()) return false;
    for (const auto& [k, v] : want.items()) {
      if (!have.contains(k)) {
        if (v.is_array() && v.empty()) continue;  // an empty list is the same as none
        return false;
      }
      if (!details_match(v, have[k])) return false;
    }
    return true;
  }
  if (want.is_array()) {
    if (!have.is_array()) return false;
    std::multiset<std::string> a, b;
    for (const auto& x : want) a.insert(x.dump());
    for (const auto& x : have) b.insert(x.dump());
    return a == b;
  }
  return want == have;
}
}  // namespace

bool finding_matches(const json& expected, const rules::Finding& f,
                     const std::vector<Fact>& facts) {
  for (const auto& [key, value] : expected.items()) {
    if (key == "note") continue;
    if (key == "rule" && value != f.rule) return false;
    if (key == "verdict" && value != f.verdict) return false;
    if (key == "docs") {
      std::set<std::string> want, have(f.docs.begin(), f.docs.end());
      for (const auto& d : value) want.insert(d.get<std::string>());
      if (want != have) return false;
    }
    if (key == "details" && !details_match(value, json::parse(f.details().dump()))) return false;
    if (key == "subject" || key == "predicate" || key == "family" || key == "object") {
      for (const auto& id : f.facts) {
        auto it =
            std::find_if(facts.begin(), facts.end(), [&](const Fact& x) { return x.id == id; });
        if (it == facts.end()) return false;
        const std::string& field = key == "subject"     ? it->subject
                                   : key == "predicate" ? it->predicate
                                   : key == "family"    ? it->family
                                                        : it->object;
        if (value != field) return false;
      }
    }
  }
  return true;
}

VerifyResult verify_dataset(const Lexicon& lex, const Dataset& ds, std::ostream& out,
                            const std::vector<rules::RuleFile>* rule_files) {
  VerifyResult result;
  std::vector<Fact> facts;
  std::vector<Document> docs;
  for (const auto& d : ds.documents) {
    auto path = (ds.dir / d.path).lexically_normal();
    Document doc = read_document(path.string(), d.id);
    if (!d.lang.empty()) doc.lang = d.lang;
    if (!d.source.empty()) doc.source = d.source;
    if (!d.title.empty()) doc.title = d.title;
    if (!d.date.empty()) doc.date = d.date;
    auto doc_facts = extract_facts(lex, doc);
    facts.insert(facts.end(), doc_facts.begin(), doc_facts.end());
    doc.bytes.clear();
    docs.push_back(std::move(doc));
  }
  std::vector<rules::Finding> findings;
  if (rule_files) findings = rules::evaluate(*rule_files, docs, facts, lex);
  out << "dataset " << (ds.name.empty() ? ds.dir.string() : ds.name) << " (" << ds.documents.size()
      << " documents, " << facts.size() << " facts)\n";
  auto note = [](const json& e) {
    auto n = str(e, "note");
    return n.empty() ? std::string() : "  — " + n;
  };
  for (std::size_t i = 0; i < ds.expect_facts.size(); ++i) {
    const auto& e = ds.expect_facts[i];
    const Fact* found = nullptr;
    for (const auto& f : facts)
      if (fact_matches(e, f)) {
        found = &f;
        break;
      }
    const std::string name = "expect_facts[" + std::to_string(i) + "]";
    if (found) {
      ++result.passed;
      out << "  met     " << name << " " << found->id << note(e) << '\n';
      result.cases.push_back({name, "passed", found->id + note(e)});
      continue;
    }
    ++result.failed;
    out << "  MISSED  " << name << " " << compact(e) << note(e) << '\n';
    result.cases.push_back({name, "failed", "missed: " + compact(e) + note(e)});
    // the closest fact: the one that matches the most given fields
    const Fact* best = nullptr;
    std::size_t best_score = 0;
    std::string best_why;
    for (const auto& f : facts) {
      std::size_t score = 0;
      std::string why;
      for (const auto& [key, value] : e.items()) {
        if (key == "note") continue;
        std::string field_why;
        if (fact_matches(json{{key, value}}, f, &field_why))
          ++score;
        else if (why.empty())
          why = field_why;
      }
      if (score > best_score) best = &f, best_score = score, best_why = why;
    }
    if (best) {
      out << "          closest: " << best->id << " (" << best_why << ")\n";
      result.cases.back().message += "; closest: " + best->id + " (" + best_why + ")";
    }
  }
  for (std::size_t i = 0; i < ds.forbid_facts.size(); ++i) {
    const auto& e = ds.forbid_facts[i];
    const Fact* found = nullptr;
    for (const auto& f : facts)
      if (fact_matches(e, f)) {
        found = &f;
        break;
      }
    const std::string name = "forbid_facts[" + std::to_string(i) + "]";
    if (found) {
      ++result.failed;
      out << "  FOUND   " << name << " " << found->id << " matches " << compact(e) << note(e)
          << '\n';
      result.cases.push_back({name, "failed", found->id + " matches " + compact(e) + note(e)});
    } else {
      ++result.passed;
      out << "  absent  " << name << note(e) << '\n';
      result.cases.push_back({name, "passed", "absent" + note(e)});
    }
  }
  auto describe = [&](const rules::Finding& f) {
    std::string ids;
    for (const auto& id : f.facts) ids += (ids.empty() ? "" : ",") + id;
    return f.rule + " " + f.verdict + " [" + ids + "]";
  };
  // expected findings pass when found, forbidden ones when absent
  for (bool expected : {true, false}) {
    const auto& entries = expected ? ds.expect_findings : ds.forbid_findings;
    const char* list = expected ? "expect_findings" : "forbid_findings";
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const auto& e = entries[i];
      const std::string name = list + ("[" + std::to_string(i) + "]");
      if (!rule_files) {
        ++result.not_checked;
        out << "  not checked  " << name << " (no rules given)" << note(e) << '\n';
        result.cases.push_back({name, "not checked", "no rules given"});
        continue;
      }
      auto it = std::find_if(findings.begin(), findings.end(),
                             [&](const auto& f) { return finding_matches(e, f, facts); });
      bool found = it != findings.end();
      ++(found == expected ? result.passed : result.failed);
      std::string message = expected && found ? describe(*it) + note(e)
                            : expected        ? "missed: " + compact(e) + note(e)
                            : found           ? describe(*it) + ": " + it->explanation + note(e)
                                              : "absent" + note(e);
      result.cases.push_back({name, found == expected ? "passed" : "failed", message});
      if (expected && found)
        out << "  met     " << name << " " << message << '\n';
      else if (expected)
        out << "  MISSED  " << name << " " << compact(e) << note(e) << '\n';
      else if (found)
        out << "  FOUND   " << name << " " << message << '\n';
      else
        out << "  absent  " << name << note(e) << '\n';
    }
  }
  out << result.passed << " passed, " << result.failed << " failed";
  if (result.not_checked) out << ", " << result.not_checked << " not checked";
  out << '\n';
  return result;
}

namespace {
/// Text for an XML attribute or element: XML 1.0 allows no control characters but tab
/// and line breaks, so the others become spaces; then the markup characters are escaped.
std::string xml_escape(std::string s) {
  for (char& c : s)
    if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') c = ' ';
  return html_escape(s);
}
}  // namespace

void write_junit(std::ostream& out,
                 const std::vector<std::pair<std::string, VerifyResult>>& suites) {
  int tests = 0, failures = 0, skipped = 0;
  for (const auto& [name, r] : suites) {
    tests += static_cast<int>(r.cases.size());
    failures += r.failed;
    skipped += r.not_checked;
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"claimcheck verify\" "
         "tests=\""
      << tests << "\" failures=\"" << failures << "\" skipped=\"" << skipped << "\">\n";
  for (const auto& [name, r] : suites) {
    out << "  <testsuite name=\"" << xml_escape(name) << "\" tests=\"" << r.cases.size()
        << "\" failures=\"" << r.failed << "\" skipped=\"" << r.not_checked << "\">\n";
    for (const auto& c : r.cases) {
      out << "    <testcase classname=\"" << xml_escape(name) << "\" name=\"" << xml_escape(c.name)
          << "\"";
      if (c.status == "passed") {
        out << "><system-out>" << xml_escape(c.message) << "</system-out></testcase>\n";
      } else if (c.status == "failed") {
        out << "><failure message=\"" << xml_escape(c.message) << "\"/></testcase>\n";
      } else {
        out << "><skipped message=\"" << xml_escape(c.message) << "\"/></testcase>\n";
      }
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace claimcheck
