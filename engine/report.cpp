// JSON, JSON Lines and text rendering of extracted facts.
#include "engine/report.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <map>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_map>

namespace claimcheck {
namespace {

ordered_json null_or(const std::string& s) {
  return s.empty() ? ordered_json(nullptr) : ordered_json(s);
}

ordered_json number_json(double v) {
  if (std::isfinite(v) && std::fabs(v) < 9e15 && v == std::floor(v))
    return static_cast<long long>(v);
  return v;
}

std::string number_text(double v) {
  if (std::isfinite(v) && std::fabs(v) < 9e15 && v == std::floor(v))
    return std::to_string(static_cast<long long>(v));
  std::ostringstream s;
  s << std::setprecision(6) << v;
  return s.str();
}

}  // namespace

ordered_json document_json(const Document& doc) {
  return ordered_json{{"id", doc.id},
                      {"path", doc.path},
                      {"lang", doc.lang},
                      {"title", null_or(doc.title)},
                      {"source", null_or(doc.source)},
                      {"date", null_or(doc.date)},
                      {"url", null_or(doc.url)}};
}

ordered_json members_json(const std::vector<Id>& members) {
  ordered_json j = ordered_json::array();
  for (const auto& m : members) j.push_back(m.str());
  return j;
}

ordered_json fact_json(const Fact& f, bool with_text) {
  ordered_json j;
  j["id"] = f.id;
  j["doc"] = f.doc;
  j["kind"] = f.kind;
  j["subject"] = null_or(f.subject.str());
  j["predicate"] = null_or(f.predicate.str());
  j["family"] = null_or(f.family.str());
  j["object"] = null_or(f.object.str());
  j["place"] = null_or(f.place.str());
  if (f.quantity) {
    const auto& q = *f.quantity;
    j["quantity"] = ordered_json{{"op", op_symbol(q.op)},
                                 {"value", number_json(q.value)},
                                 {"upper", q.upper ? number_json(*q.upper) : ordered_json(nullptr)},
                                 {"unit", null_or(q.unit.str())},
                                 {"text", q.text}};
  } else {
    j["quantity"] = nullptr;
  }
  if (f.time) {
    const auto& t = *f.time;
    j["time"] = ordered_json{{"op", to_string(t.op)},
                             {"from", null_or(t.from_iso())},
                             {"to", null_or(t.to_iso())},
                             {"inherited", t.inherited},
                             {"text", t.text.str()}};
  } else {
    j["time"] = nullptr;
  }
  j["members"] = f.members.empty() ? ordered_json(nullptr) : members_json(f.members);
  j["polarity"] = f.polarity;
  if (f.source)
    j["source"] = ordered_json{{"entity", f.source->entity.str()},
                               {"cue", null_or(f.source->cue.str())},
                               {"text", null_or(f.source->text.str())}};
  else
    j["source"] = nullptr;
  j["span"] = ordered_json{{"begin", f.span_begin}, {"end", f.span_end}};
  j["sentence"] = f.sentence;
  if (with_text) j["text"] = f.text.str();
  return j;
}

ordered_json sentence_json(const Fact& f) {
  return ordered_json{{"doc", f.doc}, {"n", f.sentence}, {"text", f.text.str()}};
}

namespace {
/// Whether `f` is the first fact of its sentence (facts come in document order, a
/// sentence's facts side by side or not: each (doc, n) is listed once).
class FirstOfSentence {
 public:
  bool operator()(const Fact& f) { return seen_.insert({f.doc, f.sentence}).second; }

 private:
  std::set<std::pair<std::string, int>> seen_;
};
}  // namespace

ordered_json facts_report(const std::vector<Document>& docs, const std::vector<Fact>& facts) {
  ordered_json j;
  j["schema"] = "claimcheck.report/1";
  j["documents"] = ordered_json::array();
  for (const auto& d : docs) j["documents"].push_back(document_json(d));
  j["facts"] = ordered_json::array();
  for (const auto& f : facts) j["facts"].push_back(fact_json(f));
  return j;
}

ordered_json finding_json(const rules::Finding& f) {
  return ordered_json{{"rule", f.rule},   {"verdict", f.verdict},         {"docs", f.docs},
                      {"facts", f.facts}, {"explanation", f.explanation}, {"details", f.details()}};
}

const std::vector<std::string>& verdicts_by_priority() {
  static const std::vector<std::string> v{"contradicts",   "updates",    "differs",
                                          "single-source", "compatible", "corroborates"};
  return v;
}

std::vector<std::size_t> report_order(const std::vector<rules::Finding>& findings,
                                      const std::vector<Fact>& facts) {
  std::unordered_map<std::string, std::size_t> position;
  for (std::size_t i = 0; i < facts.size(); ++i) position.emplace(facts[i].id, i);
  auto rank = [](const std::string& verdict) {
    const auto& v = verdicts_by_priority();
    return static_cast<std::size_t>(std::find(v.begin(), v.end(), verdict) - v.begin());
  };
  auto first_fact = [&](const rules::Finding& f) {
    std::size_t first = facts.size();
    for (const auto& id : f.facts)
      if (auto it = position.find(id); it != position.end()) first = std::min(first, it->second);
    return first;
  };
  std::vector<std::tuple<std::size_t, std::size_t, std::size_t>> keys;
  keys.reserve(findings.size());
  for (std::size_t i = 0; i < findings.size(); ++i)
    keys.emplace_back(rank(findings[i].verdict), first_fact(findings[i]), i);
  std::sort(keys.begin(), keys.end());
  std::vector<std::size_t> order;
  order.reserve(keys.size());
  for (const auto& k : keys) order.push_back(std::get<2>(k));
  return order;
}

void Uncompared::count(const ordered_json& fact, bool cited) {
  auto quantity = fact.find("quantity");
  if (quantity == fact.end() || quantity->is_null() || cited) return;
  ++figures;
  auto missing = [&](const char* key) {
    auto it = fact.find(key);
    return it == fact.end() || it->is_null();
  };
  if (missing("subject"))
    ++no_subject;
  else if (missing("time"))
    ++no_time;
  else
    ++no_counterpart;
}

void Uncompared::count(const Fact& fact, bool cited) {
  if (!fact.quantity || cited) return;
  ++figures;
  if (fact.subject.empty())
    ++no_subject;
  else if (!fact.time)
    ++no_time;
  else
    ++no_counterpart;
}

ordered_json Uncompared::json() const {
  return ordered_json{{"figures", figures},
                      {"no_subject", no_subject},
                      {"no_time", no_time},
                      {"no_counterpart", no_counterpart}};
}

std::string Uncompared::text() const {
  std::string s =
      std::to_string(figures) + (figures == 1 ? " figure" : " figures") + " not compared";
  std::string why;
  for (const auto& [n, reason] :
       {std::pair{no_subject, "without a subject"}, std::pair{no_time, "without a time"},
        std::pair{no_counterpart,
                  "with no figure to compare in another "
                  "source"}})
    if (n > 0) why += (why.empty() ? "" : ", ") + std::to_string(n) + " " + reason;
  return why.empty() ? s : s + ": " + why;
}

namespace {
constexpr std::size_t kDocumentsListed = 30;  ///< the documents a text report names atop
constexpr std::size_t kDocumentsShown = 8;    ///< the documents a finding quotes
constexpr std::size_t kFactsShown = 3;        ///< the sentences it quotes of each

std::set<std::string> cited_facts(const std::vector<rules::Finding>& findings) {
  std::set<std::string> cited;
  for (const auto& f : findings) cited.insert(f.facts.begin(), f.facts.end());
  return cited;
}
}  // namespace

ordered_json compare_report(const std::vector<Document>& docs, const std::vector<Fact>& facts,
                            const std::vector<rules::Finding>& findings) {
  ordered_json j;
  j["schema"] = "claimcheck.report/1";
  j["documents"] = ordered_json::array();
  for (const auto& d : docs) j["documents"].push_back(document_json(d));
  j["facts"] = ordered_json::array();
  for (const auto& f : facts) j["facts"].push_back(fact_json(f, false));
  // each sentence once: the facts name theirs by document and number
  j["sentences"] = ordered_json::array();
  FirstOfSentence first;
  for (const auto& f : facts)
    if (first(f)) j["sentences"].push_back(sentence_json(f));
  j["findings"] = ordered_json::array();
  for (std::size_t i : report_order(findings, facts))
    j["findings"].push_back(finding_json(findings[i]));
  ordered_json summary = ordered_json::object();
  for (const auto& v : rules::verdicts()) summary[v] = 0;
  for (const auto& f : findings) summary[f.verdict] = summary[f.verdict].get<int>() + 1;
  j["summary"] = summary;
  const auto cited = cited_facts(findings);
  Uncompared uncompared;
  for (const auto& f : j["facts"]) uncompared.count(f, cited.count(f["id"].get<std::string>()) > 0);
  j["uncompared"] = uncompared.json();
  return j;
}

namespace {
/// `j` as dump(2) writes it, with `pad` spaces after each line break (strings hold none).
void dump_at(std::ostream& out, const ordered_json& j, std::size_t pad) {
  const std::string text = j.dump(2);
  const std::string spaces(pad, ' ');
  std::size_t from = 0;
  for (std::size_t nl; (nl = text.find('\n', from)) != std::string::npos; from = nl + 1)
    out.write(text.data() + from, static_cast<std::streamsize>(nl + 1 - from)) << spaces;
  out.write(text.data() + from, static_cast<std::streamsize>(text.size() - from));
}

template <typename T, typename ToJson>
void write_array(std::ostream& out, const char* key, const std::vector<T>& items,
                 ToJson&& to_json) {
  out << "  \"" << key << "\": ";
  if (items.empty()) {
    out << "[]";
    return;
  }
  out << "[\n";
  for (std::size_t i = 0; i < items.size(); ++i) {
    out << "    ";
    dump_at(out, to_json(items[i]), 4);
    out << (i + 1 < items.size() ? ",\n" : "\n");
  }
  out << "  ]";
}
}  // namespace

void write_json_report(std::ostream& out, const std::vector<Document>& docs,
                       const std::vector<Fact>& facts,
                       const std::vector<rules::Finding>* findings) {
  out << "{\n  \"schema\": \"claimcheck.report/1\",\n";
  write_array(out, "documents", docs, document_json);
  out << ",\n";
  const auto cited = findings ? cited_facts(*findings) : std::set<std::string>();
  Uncompared uncompared;
  write_array(out, "facts", facts, [&](const Fact& f) {
    ordered_json j = fact_json(f, !findings);
    if (findings) uncompared.count(j, cited.count(f.id) > 0);
    return j;
  });
  if (findings) {
    out << ",\n";
    FirstOfSentence first;
    std::vector<const Fact*> firsts;
    for (const auto& f : facts)
      if (first(f)) firsts.push_back(&f);
    write_array(out, "sentences", firsts, [](const Fact* f) { return sentence_json(*f); });
    out << ",\n";
    std::vector<const rules::Finding*> ordered;
    for (std::size_t i : report_order(*findings, facts)) ordered.push_back(&(*findings)[i]);
    write_array(out, "findings", ordered, [](const rules::Finding* f) { return finding_json(*f); });
    ordered_json summary = ordered_json::object();
    for (const auto& v : rules::verdicts()) summary[v] = 0;
    for (const auto& f : *findings) summary[f.verdict] = summary[f.verdict].get<int>() + 1;
    out << ",\n  \"summary\": ";
    dump_at(out, summary, 2);
    out << ",\n  \"uncompared\": ";
    dump_at(out, uncompared.json(), 2);
  }
  out << "\n}\n";
}

void write_text_report(std::ostream& out, const std::vector<Document>& docs,
                       const std::vector<Fact>& facts, const std::vector<rules::Finding>& findings,
                       bool colour) {
  auto paint = [&](const std::string& verdict, const std::string& text) {
    if (!colour) return text;
    static const std::map<std::string, const char*> codes{
        {"corroborates", "\x1b[1;32m"}, {"compatible", "\x1b[1;36m"},
        {"updates", "\x1b[1;34m"},      {"differs", "\x1b[1;33m"},
        {"contradicts", "\x1b[1;31m"},  {"single-source", "\x1b[1;35m"}};
    auto it = codes.find(verdict);
    return it == codes.end() ? text : std::string(it->second) + text + "\x1b[0m";
  };
  out << "claimcheck report: " << docs.size() << " document" << (docs.size() == 1 ? "" : "s")
      << ", " << facts.size() << " facts, " << findings.size() << " findings\n\n";
  for (std::size_t n = 0; n < docs.size(); ++n) {
    const auto& d = docs[n];
    if (n == kDocumentsListed && docs.size() > kDocumentsListed + 1) {
      out << "  … " << docs.size() - n << " more documents\n";
      break;
    }
    out << "  " << d.id << "  " << d.path;
    std::string meta;
    for (const auto& [label, value] :
         {std::pair{"", d.title}, std::pair{"source ", d.source}, std::pair{"", d.date}})
      if (!value.empty()) meta += (meta.empty() ? "" : ", ") + std::string(label) + value;
    if (!meta.empty()) out << " (" << meta << ")";
    out << '\n';
  }
  std::map<std::string, int> counts;
  for (const auto& f : findings) ++counts[f.verdict];
  out << "\nsummary:";
  bool first = true;
  for (const auto& v : rules::verdicts()) {
    out << (first ? " " : ", ") << paint(v, std::to_string(counts[v]) + " " + v);
    first = false;
  }
  out << "\n";
  const auto cited = cited_facts(findings);
  Uncompared uncompared;
  for (const auto& f : facts) uncompared.count(f, cited.count(f.id) > 0);
  if (uncompared.figures > 0) out << uncompared.text() << "\n";
  std::unordered_map<std::string, const Fact*> by_id;
  for (const auto& f : facts) by_id[f.id] = &f;
  for (std::size_t i : report_order(findings, facts)) {
    const auto& f = findings[i];
    const std::string& v = f.verdict;
    std::string upper = v;
    for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    out << "\n" << paint(v, upper) << "  " << f.rule << "\n  " << f.explanation << "\n";
    // a few sentences of a few documents; the rest counted (the JSON lists every id)
    std::vector<std::pair<std::string, std::vector<const Fact*>>> by_doc;
    for (const auto& id : f.facts) {
      auto it = by_id.find(id);
      if (it == by_id.end()) continue;
      const std::string& doc = it->second->doc;
      auto d =
          std::find_if(by_doc.begin(), by_doc.end(), [&](const auto& x) { return x.first == doc; });
      if (d == by_doc.end()) d = by_doc.insert(by_doc.end(), {doc, {}});
      d->second.push_back(it->second);
    }
    std::size_t facts_left = 0;
    for (std::size_t k = 0; k < by_doc.size(); ++k) {
      const auto& cited = by_doc[k].second;
      if (k >= kDocumentsShown) {
        facts_left += cited.size();
        continue;
      }
      // each sentence once, with the ids of its cited facts
      std::size_t shown = 0, sentences = 0;
      for (std::size_t n = 0; n < cited.size() && sentences < kFactsShown; ++sentences) {
        std::string ids = cited[n]->id;
        std::size_t m = n + 1;
        for (; m < cited.size() && cited[m]->sentence == cited[n]->sentence; ++m)
          ids += ", " + cited[m]->id;
        out << "    " << ids << "  «" << cited[n]->text.str() << "»\n";
        shown += m - n, n = m;
      }
      if (cited.size() > shown)
        out << "    … " << cited.size() - shown << " more of " << by_doc[k].first << "\n";
    }
    if (by_doc.size() > kDocumentsShown)
      out << "    … " << facts_left << (facts_left == 1 ? " fact" : " facts") << " of "
          << by_doc.size() - kDocumentsShown << " more documents\n";
  }
}

std::string describe_quantity(const FactQuantity& q) {
  // appended piece by piece: no temporary strings (findings describe hundreds of
  // thousands of facts)
  std::string s;
  if (q.op == QuantityOp::between)
    s.append("between ")
        .append(number_text(q.value))
        .append(" and ")
        .append(number_text(q.upper.value_or(q.value)));
  else
    s.append(op_symbol(q.op)).append(" ").append(number_text(q.value));
  if (q.unit == "percent")
    s += "%";
  else if (!q.unit.empty())
    s.append(" ").append(q.unit.str());
  return s;
}

std::string describe_time(const FactTime& t) {
  std::string s;
  const std::string to = t.to_iso();
  if (t.op == SpanOp::between)
    s.append("between ").append(t.from_iso()).append(" and ").append(to);
  else if (t.op == SpanOp::until)
    s.append("until ").append(to);
  else {
    s.append(to_string(t.op)).append(" ").append(t.from_iso());
    if (!to.empty()) s.append(" to ").append(to);
  }
  if (t.inherited) s += " (inherited)";
  return s;
}

void write_fact_table(std::ostream& out, const std::vector<Document>& docs,
                      const std::vector<Fact>& facts) {
  for (const auto& d : docs) {
    out << "document " << d.id << ": " << d.path;
    if (!d.title.empty()) out << " — " << d.title;
    out << '\n';
  }
  out << "id\tsentence\tkind\tsubject\tpredicate\tobject\tquantity\ttime\tsource\n";
  auto dash = [](const std::string& s) { return s.empty() ? std::string("-") : s; };
  for (const auto& f : facts) {
    std::string object = f.object.str();
    if (!f.members.empty()) {
      object += object.empty() ? "{" : " {";
      for (std::size_t i = 0; i < f.members.size(); ++i) object += (i ? "," : "") + f.members[i];
      object += "}";
    }
    out << f.id << '\t' << f.sentence << '\t' << f.kind
        << (f.polarity == "negative" ? " (negative)" : "") << '\t' << dash(f.subject) << '\t'
        << dash(f.predicate) << '\t' << dash(object) << '\t'
        << (f.quantity ? describe_quantity(*f.quantity) : "-") << '\t'
        << (f.time ? describe_time(*f.time) : "-") << '\t'
        << (f.source ? f.source->entity.str() : std::string("-")) << '\n';
  }
}

}  // namespace claimcheck
