// The rule evaluator: hash join by key, typed expression evaluation, explanations.
#include "engine/rules/evaluate.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>
#include <variant>

#include "engine/report.hpp"

namespace claimcheck::rules {

const std::vector<std::string>& verdicts() {
  static const std::vector<std::string> v{"corroborates", "compatible", "differs", "contradicts", "single-source"};
  return v;
}

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

/// A quantity as an interval of values.
struct Interval {
  double lo = 0, hi = 0;
  bool lo_open = false, hi_open = false;
};

Interval interval_of(const FactQuantity& q) {
  const double v = q.value;
  if (q.op == ">") return {v, kInf, true, true};
  if (q.op == ">=") return {v, kInf, false, true};
  if (q.op == "<") return {0, v, false, true};
  if (q.op == "<=") return {0, v, false, false};
  if (q.op == "~") return {v * 0.9, v * 1.1, false, false};  // "about": within 10%
  if (q.op == "between") return {v, q.upper.value_or(v), false, false};
  return {v, v, false, false};
}

bool intervals_overlap(const Interval& a, const Interval& b) {
  auto before = [](double hi, bool hi_open, double lo, bool lo_open) {  // [.., hi] entirely below [lo, ..]
    return hi < lo || (hi == lo && (hi_open || lo_open));
  };
  return !before(a.hi, a.hi_open, b.lo, b.lo_open) && !before(b.hi, b.hi_open, a.lo, a.lo_open);
}

/// A time as a half-open interval of days; open ends are infinite.
struct Span {
  double from = -kInf, to = kInf;
};

double day_number(int y, int m, int d) {
  // days since 0000-03-01 (civil calendar), enough to order and compare
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097.0 + doe;
}

/// Start and end (exclusive) of the period an ISO prefix names.
std::pair<double, double> period(const std::string& iso) {
  int y = 0, m = 0, d = 0;
  std::sscanf(iso.c_str(), "%d", &y);
  if (iso.size() >= 7) std::sscanf(iso.c_str() + 5, "%d", &m);
  if (iso.size() >= 10) std::sscanf(iso.c_str() + 8, "%d", &d);
  if (m == 0) return {day_number(y, 1, 1), day_number(y + 1, 1, 1)};
  if (d == 0) return {day_number(y, m, 1), m == 12 ? day_number(y + 1, 1, 1) : day_number(y, m + 1, 1)};
  return {day_number(y, m, d), day_number(y, m, d) + 1};
}

Span span_of(const FactTime& t) {
  Span s;
  if (t.op == "in" || t.op == "as_of") {
    auto p = period(t.from);
    s.from = p.first, s.to = p.second;
  } else if (t.op == "since") {
    s.from = period(t.from).first;
  } else if (t.op == "until") {
    s.to = period(t.to).second;
  } else if (t.op == "between") {
    s.from = period(t.from).first, s.to = period(t.to).second;
  }
  return s;
}

using Value = std::variant<std::monostate, bool, double, std::string, const FactQuantity*, const FactTime*,
                           const std::vector<std::string>*>;

Value field_value(const Fact& f, const std::string& field) {
  if (field == "doc") return f.doc;
  if (field == "kind") return f.kind;
  if (field == "subject") return f.subject;
  if (field == "predicate") return f.predicate;
  if (field == "family") return f.family;
  if (field == "object") return f.object;
  if (field == "polarity") return f.polarity;
  if (field == "source") return f.source ? f.source->entity : std::string();
  if (field == "quantity") return f.quantity ? Value(&*f.quantity) : Value();
  if (field == "time") return f.time ? Value(&*f.time) : Value();
  if (field == "members") return &f.members;
  return {};
}

bool truthy(const Value& v) { return std::holds_alternative<bool>(v) && std::get<bool>(v); }

template <typename T>
const T* as(const Value& v) {
  return std::holds_alternative<T>(v) ? &std::get<T>(v) : nullptr;
}

Value call(const std::string& name, const std::vector<Value>& args) {
  if (name == "known") return !std::holds_alternative<std::monostate>(args[0]) &&
                              !(std::holds_alternative<std::string>(args[0]) && std::get<std::string>(args[0]).empty());
  // time relations
  if (auto ta = as<const FactTime*>(args[0])) {
    auto tb = as<const FactTime*>(args[1]);
    if (!tb) return false;
    Span a = span_of(**ta), b = span_of(**tb);
    if (name == "same_span") return a.from == b.from && a.to == b.to;
    if (name == "within") return b.from <= a.from && a.to <= b.to;
    if (name == "overlaps") return a.from < b.to && b.from < a.to;
    if (name == "disjoint") return !(a.from < b.to && b.from < a.to);
    return false;
  }
  if (name == "same_span") return std::holds_alternative<std::monostate>(args[0]) && std::holds_alternative<std::monostate>(args[1]);
  // quantity relations
  if (auto qa = as<const FactQuantity*>(args[0])) {
    auto qb = as<const FactQuantity*>(args[1]);
    if (!qb) return false;
    const FactQuantity& a = **qa;
    const FactQuantity& b = **qb;
    if (a.unit != b.unit) return false;  // not comparable
    Interval ia = interval_of(a), ib = interval_of(b);
    if (name == "overlaps") return intervals_overlap(ia, ib);
    if (name == "disjoint") return !intervals_overlap(ia, ib);
    if (name == "exceeds") return ia.lo > ib.hi || (ia.lo == ib.hi && (ia.lo_open || ib.hi_open));
    if (name == "close") {
      double tol = *as<double>(args[2]);
      auto exact = [](const std::string& op) { return op == "=" || op == "~"; };
      bool same_kind = a.op == b.op || (exact(a.op) && exact(b.op));
      if (!same_kind) return false;
      double scale = std::max(std::fabs(a.value), std::fabs(b.value));
      bool values = std::fabs(a.value - b.value) <= tol * scale;
      if (a.op == "between") values = values && std::fabs(a.upper.value_or(0) - b.upper.value_or(0)) <= tol * scale;
      return values;
    }
    return false;
  }
  // sets
  if (auto sa = as<const std::vector<std::string>*>(args[0])) {
    auto sb = as<const std::vector<std::string>*>(args[1]);
    if (!sb) return false;
    std::set<std::string> a((*sa)->begin(), (*sa)->end()), b((*sb)->begin(), (*sb)->end());
    if (name == "same_set") return a == b && !a.empty();
    if (name == "shared") {
      for (const auto& m : a)
        if (b.count(m)) return true;
      return false;
    }
    if (name == "only_in") {
      for (const auto& m : a)
        if (!b.count(m)) return true;
      return false;
    }
  }
  return false;
}

Value eval(const Node& n, const Fact& a, const Fact* b) {
  switch (n.kind) {
    case Node::number: return n.value;
    case Node::string: return n.text;
    case Node::path: return n.side == 'a' ? field_value(a, n.text) : b ? field_value(*b, n.text) : Value();
    case Node::call: {
      std::vector<Value> args;
      args.reserve(n.args.size());
      for (const auto& x : n.args) args.push_back(eval(*x, a, b));
      return call(n.text, args);
    }
    case Node::compare: {
      Value l = eval(*n.args[0], a, b), r = eval(*n.args[1], a, b);
      bool eq = l == r;
      return n.text == "==" ? eq : !eq;
    }
    case Node::not_: return !truthy(eval(*n.args[0], a, b));
    case Node::and_:
      for (const auto& x : n.args)
        if (!truthy(eval(*x, a, b))) return false;
      return true;
    case Node::or_:
      for (const auto& x : n.args)
        if (truthy(eval(*x, a, b))) return true;
      return false;
  }
  return {};
}

/// Names for people: countries and organisations by their English names, documents by
/// title or position ("the first article").
class Namer {
 public:
  Namer(const Lexicon& lex, const std::vector<Document>& docs) : lex_(lex) {
    static const char* ordinals[] = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"};
    for (std::size_t i = 0; i < docs.size(); ++i) {
      std::string label = !docs[i].title.empty() ? "“" + docs[i].title + "”"
                          : i < 10               ? std::string("the ") + ordinals[i] + " article"
                                                 : "article " + docs[i].id;
      doc_labels_[docs[i].id] = label;
    }
  }
  std::string doc(const std::string& id) const {
    auto it = doc_labels_.find(id);
    return it == doc_labels_.end() ? id : it->second;
  }
  std::string entity(const std::string& id) const { return lex_.display_name(id); }
  std::string list(const std::vector<std::string>& ids) const {
    std::string s;
    for (std::size_t i = 0; i < ids.size(); ++i)
      s += (i == 0 ? "" : i + 1 == ids.size() ? " and " : ", ") + entity(ids[i]);
    return s.empty() ? "none" : s;
  }

 private:
  const Lexicon& lex_;
  std::map<std::string, std::string> doc_labels_;
};

std::string words(const FactQuantity& q, const std::string& polarity) {
  auto num = [](double v) {
    if (v == std::floor(v) && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return std::string(buf);
  };
  std::string s;
  if (q.value == 0 && q.op == "=" && polarity == "negative") s = "none";
  else if (q.op == ">") s = "more than " + num(q.value);
  else if (q.op == ">=") s = "at least " + num(q.value);
  else if (q.op == "<") s = "fewer than " + num(q.value);
  else if (q.op == "<=") s = "at most " + num(q.value);
  else if (q.op == "~") s = "about " + num(q.value);
  else if (q.op == "between") s = "between " + num(q.value) + " and " + num(q.upper.value_or(q.value));
  else s = num(q.value);
  if (q.unit == "percent") s += "%";
  if (!q.text.empty()) s += " («" + q.text + "»)";
  return s;
}

std::string time_words(const FactTime& t) {
  std::string s = t.op == "between" ? "between " + t.from + " and " + t.to
                  : t.op == "until" ? "until " + t.to
                  : t.op == "as_of" ? "as of " + t.from
                                    : t.op + " " + t.from;
  if (t.inherited) s += " (from an earlier sentence)";
  return s;
}

std::string render_field(const Namer& names, const Fact& f, const std::string& field) {
  if (field == "source") {
    std::string via = "via " + names.doc(f.doc);
    return f.source ? names.entity(f.source->entity) + ", " + via : names.doc(f.doc);
  }
  if (field == "doc") return names.doc(f.doc);
  if (field == "quantity") return f.quantity ? words(*f.quantity, f.polarity) : "no figure";
  if (field == "time") return f.time ? time_words(*f.time) : "no stated time";
  if (field == "members") return names.list(f.members);
  if (field == "subject") return f.subject.empty() ? "an unnamed subject" : names.entity(f.subject);
  if (field == "object") {
    if (f.object.empty()) return "an unnamed thing";
    if (f.object.find('/') != std::string::npos || f.kind == "membership") return names.entity(f.object);
    std::string s = f.object;
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
  }
  std::string s = std::get<std::string>(field_value(f, field));
  std::replace(s.begin(), s.end(), '_', ' ');
  return s.empty() ? "unknown" : s;
}

struct SetDetails {
  std::vector<std::string> shared, only_a, only_b;
};

SetDetails compare_sets(const Fact& a, const Fact& b) {
  SetDetails d;
  std::set<std::string> sa(a.members.begin(), a.members.end()), sb(b.members.begin(), b.members.end());
  for (const auto& m : sa) (sb.count(m) ? d.shared : d.only_a).push_back(m);
  for (const auto& m : sb)
    if (!sa.count(m)) d.only_b.push_back(m);
  return d;
}

std::string render(const Rule& rule, const Namer& names, const Fact& a, const Fact* b, const SetDetails* sets) {
  std::string out;
  const std::string& t = rule.explain;
  for (std::size_t i = 0; i < t.size();) {
    if (t[i] == '\\' && i + 1 < t.size()) {
      out += t[i + 1];
      i += 2;
      continue;
    }
    if (t[i] != '{') {
      out += t[i++];
      continue;
    }
    auto close = t.find('}', i);
    std::string key = t.substr(i + 1, close - i - 1);
    i = close + 1;
    if (key == "shared") out += names.list(sets ? sets->shared : std::vector<std::string>{});
    else if (key == "only_a") out += names.list(sets ? sets->only_a : std::vector<std::string>{});
    else if (key == "only_b") out += names.list(sets ? sets->only_b : std::vector<std::string>{});
    else if (key[0] == 'a') out += render_field(names, a, key.substr(2));
    else if (b) out += render_field(names, *b, key.substr(2));
  }
  return out;
}

nlohmann::ordered_json fact_details(const Fact& f) {
  nlohmann::ordered_json j{{"fact", f.id}};
  if (f.quantity) j["quantity"] = describe_quantity(*f.quantity);
  if (f.time) j["time"] = describe_time(*f.time);
  return j;
}

}  // namespace

std::vector<Finding> evaluate(const std::vector<RuleFile>& files, const std::vector<Document>& docs,
                              const std::vector<Fact>& facts, const Lexicon& lex) {
  Namer names(lex, docs);
  std::unordered_map<std::string, std::size_t> doc_order;
  for (std::size_t i = 0; i < docs.size(); ++i) doc_order[docs[i].id] = i;

  // intern the string fields once: join keys become short byte strings of ids
  std::unordered_map<std::string, std::uint32_t> interned;
  auto intern = [&](const std::string& s) {
    return interned.try_emplace(s, static_cast<std::uint32_t>(interned.size())).first->second;
  };

  std::vector<Finding> all;
  for (const auto& file : files)
    for (const auto& rule : file.rules) {
      std::set<std::string> kinds(rule.about.begin(), rule.about.end());
      std::unordered_map<std::string, std::vector<std::size_t>> groups;
      std::vector<std::string> key_order;
      for (std::size_t i = 0; i < facts.size(); ++i) {
        const Fact& f = facts[i];
        if (!kinds.count(f.kind)) continue;
        std::string key;
        bool complete = true;
        for (const auto& field : rule.join) {
          const std::string v = std::get<std::string>(field_value(f, field));
          if (v.empty()) {
            complete = false;
            break;
          }
          std::uint32_t id = intern(v);
          key.append(reinterpret_cast<const char*>(&id), sizeof id);
        }
        if (!complete) continue;
        auto [it, fresh] = groups.try_emplace(std::move(key));
        if (fresh) key_order.push_back(it->first);
        it->second.push_back(i);
      }
      // findings with the same rule, documents and explanation are merged
      std::map<std::pair<std::string, std::string>, std::size_t> merged;
      std::vector<Finding> found;
      auto emit = [&](const Fact& a, const Fact* b) {
        const SetDetails sets = b ? compare_sets(a, *b) : SetDetails{};
        Finding fd;
        fd.rule = rule.id;
        fd.verdict = rule.verdict;
        fd.explanation = render(rule, names, a, b, b ? &sets : nullptr);
        fd.docs.push_back(a.doc);
        if (b && b->doc != a.doc) fd.docs.push_back(b->doc);
        fd.facts.push_back(a.id);
        if (b) fd.facts.push_back(b->id);
        if (b && (a.kind == "set" || b->kind == "set")) {
          fd.details["shared"] = sets.shared;
          nlohmann::ordered_json only = nlohmann::ordered_json::object();
          if (!sets.only_a.empty()) only[a.doc] = sets.only_a;
          if (!sets.only_b.empty()) only[b->doc] = sets.only_b;
          fd.details["only_in"] = only;
        } else if (b) {
          fd.details["a"] = fact_details(a);
          fd.details["b"] = fact_details(*b);
        }
        std::string doc_key;
        for (const auto& d : fd.docs) doc_key += d + ",";
        auto [it, fresh] = merged.try_emplace({doc_key, fd.explanation}, found.size());
        if (fresh) {
          found.push_back(std::move(fd));
          return;
        }
        auto& into = found[it->second];
        for (const auto& id : fd.facts)
          if (std::find(into.facts.begin(), into.facts.end(), id) == into.facts.end()) into.facts.push_back(id);
      };
      for (const auto& key : key_order) {
        const auto& group = groups[key];
        if (rule.pair == "single") {
          if (docs.size() < 2) continue;
          for (std::size_t i : group) {
            bool elsewhere = false;
            for (std::size_t j : group)
              if (facts[j].doc != facts[i].doc) {
                elsewhere = true;
                break;
              }
            if (elsewhere) continue;
            if (!rule.when || truthy(eval(*rule.when, facts[i], nullptr))) emit(facts[i], nullptr);
          }
          continue;
        }
        for (std::size_t x = 0; x < group.size(); ++x)
          for (std::size_t y = x + 1; y < group.size(); ++y) {
            const Fact* a = &facts[group[x]];
            const Fact* b = &facts[group[y]];
            bool same_doc = a->doc == b->doc;
            if (rule.pair == "across" && same_doc) continue;
            if (rule.pair == "within" && !same_doc) continue;
            if (!same_doc && doc_order[a->doc] > doc_order[b->doc]) std::swap(a, b);
            if (rule.when && !truthy(eval(*rule.when, *a, b))) continue;
            emit(*a, b);
          }
      }
      for (auto& fd : found) all.push_back(std::move(fd));
    }
  return all;
}

}  // namespace claimcheck::rules
