// The rule evaluator: hash join by key, typed expression evaluation, explanations.
#include "engine/rules/evaluate.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include "engine/report.hpp"

namespace claimcheck::rules {

const std::vector<std::string>& verdicts() {
  static const std::vector<std::string> v{"corroborates", "compatible", "differs", "contradicts",
                                          "single-source"};
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
  switch (q.op) {
    case QuantityOp::gt:
      return {v, kInf, true, true};
    case QuantityOp::ge:
      return {v, kInf, false, true};
    case QuantityOp::lt:
      return {0, v, false, true};
    case QuantityOp::le:
      return {0, v, false, false};
    case QuantityOp::approx:
      return {v * 0.9, v * 1.1, false, false};  // "about": within 10%
    case QuantityOp::between:
      return {v, q.upper.value_or(v), false, false};
    case QuantityOp::eq:
      break;
  }
  return {v, v, false, false};
}

bool intervals_overlap(const Interval& a, const Interval& b) {
  auto before = [](double hi, bool hi_open, double lo,
                   bool lo_open) {  // [.., hi] entirely below [lo, ..]
    return hi < lo || (hi == lo && (hi_open || lo_open));
  };
  return !before(a.hi, a.hi_open, b.lo, b.lo_open) && !before(b.hi, b.hi_open, a.lo, a.lo_open);
}

/// A time as a half-open interval of days; open ends are infinite.
struct Span {
  double from = -kInf, to = kInf;
};

Span span_of(const FactTime& t) {
  auto [from, to] = t.days();
  return Span{from, to};
}

/// What the evaluator knows of a fact, computed once: intervals, span and join values.
struct View {
  const Fact* fact = nullptr;
  bool has_quantity = false;
  Interval interval;
  char op = '=';  ///< = > G(>=) < L(<=) ~ b(between)
  bool percent = false;
  bool has_time = false;
  Span span;
};

enum FieldId {
  f_doc,
  f_kind,
  f_subject,
  f_predicate,
  f_family,
  f_object,
  f_polarity,
  f_source,
  f_quantity,
  f_time,
  f_members
};
enum FnId {
  fn_same_span,
  fn_within,
  fn_overlaps,
  fn_disjoint,
  fn_close,
  fn_exceeds,
  fn_shared,
  fn_only_in,
  fn_same_set,
  fn_known
};

int field_id(const std::string& name) {
  static const std::map<std::string, int> ids{{"doc", f_doc},           {"kind", f_kind},
                                              {"subject", f_subject},   {"predicate", f_predicate},
                                              {"family", f_family},     {"object", f_object},
                                              {"polarity", f_polarity}, {"source", f_source},
                                              {"quantity", f_quantity}, {"time", f_time},
                                              {"members", f_members}};
  auto it = ids.find(name);
  return it == ids.end() ? -1 : it->second;
}

int function_id(const std::string& name) {
  static const std::map<std::string, int> ids{
      {"same_span", fn_same_span}, {"within", fn_within},   {"overlaps", fn_overlaps},
      {"disjoint", fn_disjoint},   {"close", fn_close},     {"exceeds", fn_exceeds},
      {"shared", fn_shared},       {"only_in", fn_only_in}, {"same_set", fn_same_set},
      {"known", fn_known}};
  auto it = ids.find(name);
  return it == ids.end() ? -1 : it->second;
}

/// A rule's condition with names resolved to ids, for fast evaluation.
struct Compiled {
  Node::Kind kind = Node::number;
  int id = -1;  ///< field or function id
  char side = 'a';
  double value = 0;
  std::string text;
  bool equal = true;  ///< compare: == (true) or != (false)
  std::vector<Compiled> args;
};

Compiled compile(const Node& n) {
  Compiled c;
  c.kind = n.kind;
  c.side = n.side;
  c.value = n.value;
  c.text = n.text;
  if (n.kind == Node::path) c.id = field_id(n.text);
  if (n.kind == Node::call) c.id = function_id(n.text);
  if (n.kind == Node::compare) c.equal = n.text == "==";
  for (const auto& a : n.args) c.args.push_back(compile(*a));
  return c;
}

struct Val {
  enum Type { none, boolean, number, string, quantity, time, set } type = none;
  bool b = false;
  double d = 0;
  std::string_view s;
  const View* view = nullptr;
  const std::vector<Id>* members = nullptr;
};

std::string_view string_field(const Fact& f, int id) {
  switch (id) {
    case f_doc:
      return f.doc;
    case f_kind:
      return f.kind;
    case f_subject:
      return f.subject.str();
    case f_predicate:
      return f.predicate.str();
    case f_family:
      return f.family.str();
    case f_object:
      return f.object.str();
    case f_polarity:
      return f.polarity;
    case f_source:
      return f.source ? std::string_view(f.source->entity.str()) : std::string_view();
    default:
      return {};
  }
}

Val field(const View& v, int id) {
  Val out;
  switch (id) {
    case f_quantity:
      if (v.has_quantity) out.type = Val::quantity, out.view = &v;
      return out;
    case f_time:
      if (v.has_time) out.type = Val::time, out.view = &v;
      return out;
    case f_members:
      out.type = Val::set, out.members = &v.fact->members;
      return out;
    default:
      out.type = Val::string, out.s = string_field(*v.fact, id);
      return out;
  }
}

Val truth(bool b) {
  Val v;
  v.type = Val::boolean;
  v.b = b;
  return v;
}

bool close_quantities(const View& va, const View& vb, double tol) {
  auto exact = [](char op) { return op == '=' || op == '~'; };
  if (!(va.op == vb.op || (exact(va.op) && exact(vb.op)))) return false;
  const FactQuantity &a = *va.fact->quantity, &b = *vb.fact->quantity;
  double scale = std::max(std::fabs(a.value), std::fabs(b.value));
  bool values = std::fabs(a.value - b.value) <= tol * scale;
  if (va.op == 'b')
    values = values && std::fabs(a.upper.value_or(0) - b.upper.value_or(0)) <= tol * scale;
  return values;
}

bool call(int fn, const Val* args) {
  const Val& x = args[0];
  if (fn == fn_known)
    return x.type != Val::none && !(x.type == Val::string && x.s.empty()) &&
           !(x.type == Val::set && x.members->empty());
  const Val& y = args[1];
  if (fn == fn_same_span && x.type == Val::none && y.type == Val::none) return true;
  if (x.type == Val::time && y.type == Val::time) {
    const Span &a = x.view->span, &b = y.view->span;
    switch (fn) {
      case fn_same_span:
        return a.from == b.from && a.to == b.to;
      case fn_within:
        return b.from <= a.from && a.to <= b.to;
      case fn_overlaps:
        return a.from < b.to && b.from < a.to;
      case fn_disjoint:
        return !(a.from < b.to && b.from < a.to);
      default:
        return false;
    }
  }
  if (x.type == Val::quantity && y.type == Val::quantity) {
    if (x.view->percent != y.view->percent) return false;  // different units: not comparable
    const Interval &ia = x.view->interval, &ib = y.view->interval;
    switch (fn) {
      case fn_overlaps:
        return intervals_overlap(ia, ib);
      case fn_disjoint:
        return !intervals_overlap(ia, ib);
      case fn_exceeds:
        return ia.lo > ib.hi || (ia.lo == ib.hi && (ia.lo_open || ib.hi_open));
      case fn_close:
        return close_quantities(*x.view, *y.view, args[2].d);
      default:
        return false;
    }
  }
  if (x.type == Val::set && y.type == Val::set) {
    const auto &a = *x.members, &b = *y.members;
    auto in = [](const std::vector<Id>& v, const Id& m) {
      return std::find(v.begin(), v.end(), m) != v.end();
    };
    switch (fn) {
      case fn_shared:
        for (const auto& m : a)
          if (in(b, m)) return true;
        return false;
      case fn_only_in:
        for (const auto& m : a)
          if (!in(b, m)) return true;
        return false;
      case fn_same_set: {
        if (a.empty()) return false;
        for (const auto& m : a)
          if (!in(b, m)) return false;
        for (const auto& m : b)
          if (!in(a, m)) return false;
        return true;
      }
      default:
        return false;
    }
  }
  return false;
}

Val eval(const Compiled& n, const View& a, const View* b) {
  switch (n.kind) {
    case Node::number: {
      Val v;
      v.type = Val::number;
      v.d = n.value;
      return v;
    }
    case Node::string: {
      Val v;
      v.type = Val::string;
      v.s = n.text;
      return v;
    }
    case Node::path:
      return n.side == 'a' ? field(a, n.id) : b ? field(*b, n.id) : Val{};
    case Node::call: {
      std::array<Val, 3> args{};  // no built-in takes more than three arguments
      for (std::size_t i = 0; i < n.args.size() && i < args.size(); ++i)
        args[i] = eval(n.args[i], a, b);
      return truth(call(n.id, args.data()));
    }
    case Node::compare: {
      Val l = eval(n.args[0], a, b), r = eval(n.args[1], a, b);
      bool eq;
      if (l.type == Val::number && r.type == Val::number)
        eq = l.d == r.d;
      else if ((l.type == Val::string || l.type == Val::none) &&
               (r.type == Val::string || r.type == Val::none))
        eq = l.s == r.s;
      else
        eq = false;
      return truth(eq == n.equal);
    }
    case Node::not_:
      return truth(!eval(n.args[0], a, b).b);
    case Node::and_:
      for (const auto& x : n.args)
        if (!eval(x, a, b).b) return truth(false);
      return truth(true);
    case Node::or_:
      for (const auto& x : n.args)
        if (eval(x, a, b).b) return truth(true);
      return truth(false);
  }
  return {};
}

/// The fields a condition reads, on either side.
void fields_read(const Compiled& n, std::set<int>& out) {
  if (n.kind == Node::path) out.insert(n.id);
  for (const auto& a : n.args) fields_read(a, out);
}

View make_view(const Fact& f) {
  View v;
  v.fact = &f;
  if (f.quantity) {
    v.has_quantity = true;
    v.interval = interval_of(*f.quantity);
    const std::string op = op_symbol(f.quantity->op);
    v.op = op == ">=" ? 'G' : op == "<=" ? 'L' : op == "between" ? 'b' : op[0];
    v.percent = f.quantity->unit == "percent";
  }
  if (f.time) {
    v.has_time = true;
    v.span = span_of(*f.time);
  }
  return v;
}

/// Names for people: countries and organisations by their English names, documents by
/// title or position ("the first article").
class Namer {
 public:
  Namer(const Lexicon& lex, const std::vector<Document>& docs) : lex_(lex) {
    static const char* ordinals[] = {"first", "second",  "third",  "fourth", "fifth",
                                     "sixth", "seventh", "eighth", "ninth",  "tenth"};
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
  const std::string& entity(const std::string& id) const {
    auto it = entity_names_.find(id);
    if (it == entity_names_.end()) it = entity_names_.emplace(id, lex_.display_name(id)).first;
    return it->second;
  }
  std::string list(const std::vector<Id>& ids) const {
    std::vector<std::string> names;
    for (const auto& id : ids) names.push_back(id.str());
    return list(names);
  }
  std::string list(const std::vector<std::string>& ids) const {
    std::string s;
    for (std::size_t i = 0; i < ids.size(); ++i)
      s += (i == 0 ? "" : i + 1 == ids.size() ? " and " : ", ") + entity(ids[i]);
    return s.empty() ? "none" : s;
  }

 private:
  const Lexicon& lex_;
  std::unordered_map<std::string, std::string> doc_labels_;
  mutable std::unordered_map<std::string, std::string> entity_names_;
};

std::string words(const FactQuantity& q, const std::string& polarity) {
  auto num = [](double v) {
    if (v == std::floor(v) && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return std::string(buf);
  };
  std::string s;
  if (q.value == 0 && q.op == QuantityOp::eq && polarity == "negative")
    s = "none";
  else if (q.op == QuantityOp::gt)
    s = "more than " + num(q.value);
  else if (q.op == QuantityOp::ge)
    s = "at least " + num(q.value);
  else if (q.op == QuantityOp::lt)
    s = "fewer than " + num(q.value);
  else if (q.op == QuantityOp::le)
    s = "at most " + num(q.value);
  else if (q.op == QuantityOp::approx)
    s = "about " + num(q.value);
  else if (q.op == QuantityOp::between)
    s = "between " + num(q.value) + " and " + num(q.upper.value_or(q.value));
  else
    s = num(q.value);
  if (q.unit == "percent")
    s += "%";
  else if (!q.unit.empty())
    s += " " + q.unit;  // a measure in base units: 4200000 gram, 12000000 USD
  if (!q.text.empty()) s += " («" + q.text + "»)";
  return s;
}

std::string time_words(const FactTime& t) {
  std::string s = t.op == SpanOp::between ? "between " + t.from_iso() + " and " + t.to_iso()
                  : t.op == SpanOp::until ? "until " + t.to_iso()
                  : t.op == SpanOp::as_of ? "as of " + t.from_iso()
                  : t.op == SpanOp::since ? "since " + t.from_iso()
                  : t.to_iso().empty()    ? "in " + t.from_iso()
                                          : "from " + t.from_iso() + " to " + t.to_iso();
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
    if (f.object.str().find('/') != std::string::npos || f.kind == "membership")
      return names.entity(f.object);
    std::string s = f.object.str();
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
  }
  std::string s(string_field(f, field_id(field)));
  std::replace(s.begin(), s.end(), '_', ' ');
  return s.empty() ? "unknown" : s;
}

struct SetDetails {
  std::vector<std::string> shared, only_a, only_b;
};

SetDetails compare_sets(const Fact& a, const Fact& b) {
  SetDetails d;
  std::set<std::string> sa, sb;
  for (const auto& m : a.members) sa.insert(m.str());
  for (const auto& m : b.members) sb.insert(m.str());
  for (const auto& m : sa) (sb.count(m) ? d.shared : d.only_a).push_back(m);
  for (const auto& m : sb)
    if (!sa.count(m)) d.only_b.push_back(m);
  return d;
}

/// An explanation template split once into literal text and placeholders.
struct Template {
  struct Piece {
    std::string text;  ///< literal text, or the field name of a placeholder
    char side = 0;     ///< 0 literal, 'a'/'b' a fact field, 's' shared, 'x' only_a, 'y' only_b
  };
  std::vector<Piece> pieces;
  std::size_t literal_size = 0;

  explicit Template(const std::string& t) {
    std::string literal;
    auto flush = [&] {
      if (!literal.empty())
        literal_size += literal.size(), pieces.push_back({std::move(literal), 0}), literal.clear();
    };
    for (std::size_t i = 0; i < t.size();) {
      if (t[i] == '\\' && i + 1 < t.size()) {
        literal += t[i + 1];
        i += 2;
        continue;
      }
      if (t[i] != '{') {
        literal += t[i++];
        continue;
      }
      auto close = t.find('}', i);
      std::string key = t.substr(i + 1, close - i - 1);
      i = close + 1;
      flush();
      if (key == "shared")
        pieces.push_back({"", 's'});
      else if (key == "only_a")
        pieces.push_back({"", 'x'});
      else if (key == "only_b")
        pieces.push_back({"", 'y'});
      else
        pieces.push_back({key.substr(2), key[0]});
    }
    flush();
  }
};

std::string render(const Template& t, const Namer& names, const Fact& a, const Fact* b,
                   const SetDetails* sets) {
  static const std::vector<std::string> none;
  std::string out;
  out.reserve(t.literal_size + 160);
  for (const auto& p : t.pieces) {
    switch (p.side) {
      case 0:
        out += p.text;
        break;
      case 's':
        out += names.list(sets ? sets->shared : none);
        break;
      case 'x':
        out += names.list(sets ? sets->only_a : none);
        break;
      case 'y':
        out += names.list(sets ? sets->only_b : none);
        break;
      case 'a':
        out += render_field(names, a, p.text);
        break;
      default:
        if (b) out += render_field(names, *b, p.text);
    }
  }
  return out;
}

FactBrief brief(const Fact& f) {
  return {f.id, f.quantity ? describe_quantity(*f.quantity) : std::string(),
          f.time ? describe_time(*f.time) : std::string()};
}

nlohmann::ordered_json brief_json(const FactBrief& b) {
  nlohmann::ordered_json j{{"fact", b.fact}};
  if (!b.quantity.empty()) j["quantity"] = b.quantity;
  if (!b.time.empty()) j["time"] = b.time;
  return j;
}

}  // namespace

nlohmann::ordered_json Finding::details() const {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  if (has_sets) {
    j["shared"] = shared;
    nlohmann::ordered_json only = nlohmann::ordered_json::object();
    for (const auto& [doc, members] : only_in) only[doc] = members;
    j["only_in"] = std::move(only);
  } else if (pair.size() == 2) {
    j["a"] = brief_json(pair[0]);
    j["b"] = brief_json(pair[1]);
  }
  if (group_facts) j["group_facts"] = group_facts;
  return j;
}

std::vector<Finding> evaluate(const std::vector<RuleFile>& files, const std::vector<Document>& docs,
                              const std::vector<Fact>& facts, const Lexicon& lex,
                              const std::vector<std::string>& focus) {
  Namer names(lex, docs);
  std::unordered_map<std::string, std::size_t> doc_order;
  for (std::size_t i = 0; i < docs.size(); ++i) doc_order[docs[i].id] = i;
  std::vector<View> views;
  views.reserve(facts.size());
  for (const auto& f : facts) views.push_back(make_view(f));
  std::vector<std::size_t> fact_doc(facts.size());
  for (std::size_t i = 0; i < facts.size(); ++i) fact_doc[i] = doc_order[facts[i].doc];
  // with a focus, the facts of the focused documents: a group or pair without one is skipped
  std::vector<char> focused;
  if (!focus.empty()) {
    std::vector<char> doc_focused(docs.size(), 0);
    for (const auto& id : focus)
      if (auto it = doc_order.find(id); it != doc_order.end()) doc_focused[it->second] = 1;
    focused.resize(facts.size());
    for (std::size_t i = 0; i < facts.size(); ++i) focused[i] = doc_focused[fact_doc[i]];
  }
  auto in_focus = [&](std::size_t i) { return focused.empty() || focused[i]; };

  // every join value interned once: a fact's key is then a few integers. Times are
  // interned by their written form (op, from, to), which the interned map owns.
  std::unordered_map<std::string_view, std::uint32_t> interned;
  std::unordered_set<std::string> time_keys;
  std::string time_key;
  auto intern = [&](std::string_view s) {
    return interned.try_emplace(s, static_cast<std::uint32_t>(interned.size())).first->second;
  };
  constexpr std::uint32_t kAbsent = 0xFFFFFFFF;
  constexpr int kFields = f_members;  // string fields and time
  // interned per field on first use: most rules join on a few fields
  std::array<std::vector<std::uint32_t>, kFields> field_ids;
  auto ids_of = [&](int id) -> const std::vector<std::uint32_t>& {
    auto& column = field_ids[static_cast<std::size_t>(id)];
    if (column.empty() && !facts.empty()) {
      column.resize(facts.size());
      for (std::size_t i = 0; i < facts.size(); ++i) {
        if (id == f_doc) {  // documents are already numbered
          column[i] = static_cast<std::uint32_t>(fact_doc[i]);
          continue;
        }
        std::string_view v;
        if (id != f_time)
          v = string_field(facts[i], id);
        else if (const auto& t = facts[i].time) {
          time_key.assign(to_string(t->op))
              .append(1, '|')
              .append(t->from_iso())
              .append(1, '|')
              .append(t->to_iso());
          v = *time_keys.insert(time_key).first;
        }
        column[i] = v.empty() ? kAbsent : intern(v);
      }
    }
    return column;
  };

  /// Facts grouped by a join key, in one flat array.
  struct Grouping {
    std::vector<std::uint32_t> offsets;
    std::vector<std::uint32_t> members;
  };
  std::unordered_map<std::string, Grouping> grouping_cache;

  std::vector<std::vector<Finding>> per_rule;
  for (const auto& file : files)
    for (const auto& rule : file.rules) {
      auto rule_start = std::chrono::steady_clock::now();
      const Template explain(rule.explain);
      const bool across = rule.pair == "across", within_doc = rule.pair == "within",
                 single = rule.pair == "single", by_group = rule.report == "group";
      std::size_t pairs_tried = 0;
      std::optional<Compiled> when;
      if (rule.when) when = compile(*rule.when);
      auto holds = [&](const View& a, const View* b) {
        ++pairs_tried;
        return !when || eval(*when, a, b).b;
      };
      std::vector<int> join_ids;
      for (const auto& j : rule.join) join_ids.push_back(field_id(j));
      std::set<int> read_set;
      if (when) fields_read(*when, read_set);
      const std::vector<int> read_fields(read_set.begin(), read_set.end());
      // the conjuncts that read nothing but times are decided once per pair of spans; the
      // rest are evaluated only for the pairs of facts whose spans pass
      std::optional<Compiled> time_part, rest;
      if (when && when->kind == Node::and_) {
        Compiled part, others;
        part.kind = others.kind = Node::and_;
        for (const auto& c : when->args) {
          std::set<int> r;
          fields_read(c, r);
          (!r.empty() && r == std::set<int>{f_time} ? part : others).args.push_back(c);
        }
        if (!part.args.empty()) time_part = std::move(part), rest = std::move(others);
      }
      auto rest_holds = [&](const View& a, const View& b) {
        ++pairs_tried;
        return !rest || eval(*rest, a, &b).b;
      };
      if (within_doc) join_ids.push_back(f_doc);  // only pairs within a document
      ids_of(f_kind);                             // intern the kinds before looking up the rule's
      std::vector<std::uint32_t> kinds;
      for (const auto& k : rule.about)
        if (auto it = interned.find(k); it != interned.end()) kinds.push_back(it->second);

      // group the facts by key, once per distinct (kinds, key) among the rules
      std::string signature;
      for (auto k : kinds) signature += std::to_string(k) + ",";
      signature += "|";
      for (int id : join_ids) signature += std::to_string(id) + ",";
      auto cached = grouping_cache.find(signature);
      if (cached == grouping_cache.end()) {
        Grouping g;
        const auto& kind_ids = ids_of(f_kind);
        std::vector<const std::vector<std::uint32_t>*> join_columns;
        for (int id : join_ids) join_columns.push_back(&ids_of(id));
        // an open-addressing table of group ids, each group known by its first fact: no
        // allocation per key, and the keys stay in the interned columns
        std::size_t capacity = 16;
        while (capacity < facts.size() * 2) capacity *= 2;
        std::vector<std::uint32_t> slots(capacity, kAbsent), first_fact;
        std::vector<std::uint32_t> fact_group(facts.size(), kAbsent);
        auto same_key = [&](std::size_t i, std::size_t j) {
          for (const auto* column : join_columns)
            if ((*column)[i] != (*column)[j]) return false;
          return true;
        };
        for (std::size_t i = 0; i < facts.size(); ++i) {
          if (std::find(kinds.begin(), kinds.end(), kind_ids[i]) == kinds.end()) continue;
          std::uint64_t h = 1469598103934665603ull;
          bool complete = true;
          for (const auto* column : join_columns) {
            std::uint32_t v = (*column)[i];
            if (v == kAbsent) {
              complete = false;
              break;
            }
            h = (h ^ v) * 1099511628211ull;
          }
          if (!complete) continue;
          std::size_t slot = static_cast<std::size_t>(h ^ (h >> 29)) & (capacity - 1);
          while (slots[slot] != kAbsent && !same_key(first_fact[slots[slot]], i))
            slot = (slot + 1) & (capacity - 1);
          if (slots[slot] == kAbsent) {
            slots[slot] = static_cast<std::uint32_t>(first_fact.size());
            first_fact.push_back(static_cast<std::uint32_t>(i));
          }
          fact_group[i] = slots[slot];
        }
        // counting sort into one flat array: group k is members[offsets[k] .. offsets[k+1])
        g.offsets.assign(first_fact.size() + 1, 0);
        for (auto gi : fact_group)
          if (gi != kAbsent) ++g.offsets[gi + 1];
        for (std::size_t k = 1; k < g.offsets.size(); ++k) g.offsets[k] += g.offsets[k - 1];
        g.members.resize(g.offsets.back());
        std::vector<std::uint32_t> fill(g.offsets.begin(), g.offsets.end() - 1);
        for (std::size_t i = 0; i < facts.size(); ++i)
          if (fact_group[i] != kAbsent)
            g.members[fill[fact_group[i]]++] = static_cast<std::uint32_t>(i);
        cached = grouping_cache.emplace(signature, std::move(g)).first;
      }
      const Grouping& grouping = cached->second;

      // findings with the same documents and explanation are merged
      // by a hash of documents and explanation; equal hashes are compared in full
      std::unordered_multimap<std::uint64_t, std::size_t> merged;
      std::vector<Finding> found;
      auto make = [&](const Fact& a, const Fact* b) {
        const SetDetails sets =
            b && (a.kind == "set" || b->kind == "set") ? compare_sets(a, *b) : SetDetails{};
        Finding fd;
        fd.rule = rule.id;
        fd.verdict = rule.verdict;
        fd.explanation = render(explain, names, a, b, b ? &sets : nullptr);
        fd.docs.push_back(a.doc);
        if (b && b->doc != a.doc) fd.docs.push_back(b->doc);
        fd.facts.push_back(a.id);
        if (b) fd.facts.push_back(b->id);
        if (b && (a.kind == "set" || b->kind == "set")) {
          fd.has_sets = true;
          fd.shared = sets.shared;
          if (!sets.only_a.empty()) fd.only_in.emplace_back(a.doc, sets.only_a);
          if (!sets.only_b.empty()) fd.only_in.emplace_back(b->doc, sets.only_b);
        } else if (b) {
          fd.pair = {brief(a), brief(*b)};
        }
        return fd;
      };
      auto emit = [&](Finding fd) {
        std::uint64_t h = std::hash<std::string>{}(fd.explanation);
        for (const auto& d : fd.docs) h = (h ^ std::hash<std::string>{}(d)) * 1099511628211ull;
        auto [from, to] = merged.equal_range(h);
        auto same = std::find_if(from, to, [&](const auto& e) {
          return found[e.second].docs == fd.docs && found[e.second].explanation == fd.explanation;
        });
        if (same == to) {
          merged.emplace(h, found.size());
          found.push_back(std::move(fd));
          return;
        }
        auto& into = found[same->second];
        for (const auto& id : fd.facts)
          if (std::find(into.facts.begin(), into.facts.end(), id) == into.facts.end())
            into.facts.push_back(id);
        // (merges only happen between pair findings of two or three facts)
      };
      // orders a candidate pair by document and checks the pairing mode
      auto ordered = [&](std::size_t x, std::size_t y, std::size_t& a, std::size_t& b) {
        bool same_doc = fact_doc[x] == fact_doc[y];
        if (across && same_doc) return false;
        if (within_doc && !same_doc) return false;
        a = x, b = y;
        if (fact_doc[a] > fact_doc[b] || (same_doc && a > b)) std::swap(a, b);
        return true;
      };

      // buffers reused from group to group
      std::vector<char> marked;
      std::unordered_map<std::string, std::uint32_t> class_of;
      std::vector<std::uint32_t> fact_class;
      std::vector<std::size_t> representative, min_doc, max_doc;
      std::vector<View> class_views;  // the representatives' views, side by side in memory
      std::string sig;
      std::vector<std::ptrdiff_t> latest, earliest;
      std::vector<std::pair<std::uint32_t, std::uint32_t>> later_partner, earlier_partner;
      std::vector<std::pair<std::uint32_t, std::uint32_t>> by_span;  // (span id, class)
      std::unordered_map<std::uint64_t, bool> span_pairs;  // (time id, time id) → time_part
      for (std::size_t k = 0; k + 1 < grouping.offsets.size(); ++k) {
        const std::span<const std::uint32_t> group(grouping.members.data() + grouping.offsets[k],
                                                   grouping.offsets[k + 1] - grouping.offsets[k]);
        if (!focused.empty() && std::none_of(group.begin(), group.end(), in_focus)) continue;
        if (single) {
          // a fact is single-source when its whole group comes from one document
          if (docs.size() < 2) continue;
          bool one_document = std::all_of(group.begin(), group.end(), [&](std::size_t i) {
            return fact_doc[i] == fact_doc[group[0]];
          });
          if (!one_document) continue;
          for (std::size_t i : group)
            if (in_focus(i) && holds(views[i], nullptr)) emit(make(facts[i], nullptr));
          continue;
        }
        if (by_group) {
          // one finding per group: every fact with at least one partner
          marked.assign(group.size(), 0);
          std::optional<std::pair<std::size_t, std::size_t>> first;
          bool use_classes = across && group.size() > 8;
          // Facts whose read fields are equal behave alike: evaluate the condition once per
          // pair of such classes, then mark each fact in constant time from the range of
          // documents its partner classes come from.
          if (use_classes) {
            class_of.clear();
            fact_class.assign(group.size(), 0);
            representative.clear(), min_doc.clear(), max_doc.clear();
            for (std::size_t x = 0; x < group.size(); ++x) {
              std::size_t i = group[x];
              sig.clear();
              for (int id : read_fields) {
                if (id == f_members) {
                  std::vector<std::string> sorted;
                  for (const auto& m : facts[i].members) sorted.push_back(m.str());
                  std::sort(sorted.begin(), sorted.end());
                  for (const auto& m : sorted) sig += m + ',';
                  sig += '|';
                } else if (id == f_quantity) {
                  const View& v = views[i];
                  double q[2] = {v.has_quantity ? facts[i].quantity->value : -1,
                                 v.has_quantity ? facts[i].quantity->upper.value_or(0) : 0};
                  sig += v.has_quantity ? v.op : '-';
                  sig += v.percent ? '%' : ' ';
                  sig.append(reinterpret_cast<const char*>(q), sizeof q);
                } else {
                  sig.append(reinterpret_cast<const char*>(&ids_of(id)[i]), sizeof(std::uint32_t));
                }
              }
              auto [it, fresh] =
                  class_of.try_emplace(sig, static_cast<std::uint32_t>(representative.size()));
              if (fresh)
                representative.push_back(i), min_doc.push_back(fact_doc[i]),
                    max_doc.push_back(fact_doc[i]);
              std::uint32_t c = it->second;
              fact_class[x] = c;
              min_doc[c] = std::min(min_doc[c], fact_doc[i]);
              max_doc[c] = std::max(max_doc[c], fact_doc[i]);
            }
            const std::size_t n = representative.size();
            use_classes =
                n * 2 <= group.size();  // only worth it when the classes collapse the group
          }
          if (use_classes) {
            const std::size_t n = representative.size();
            std::size_t group_min_doc = *std::min_element(min_doc.begin(), min_doc.end());
            std::size_t group_max_doc = *std::max_element(max_doc.begin(), max_doc.end());
            // a fact of class c1 in document d has a partner when some class c2 with
            // cond(c1, c2) has a fact in a later document, or some class with cond(c2, c1)
            // has one in an earlier document
            latest.assign(n, -1), earliest.assign(n, PTRDIFF_MAX);
            later_partner.assign(n, {}), earlier_partner.assign(n, {});
            auto spans_allow = [&](const View& v1, const View& v2) {
              if (!time_part) return true;
              const auto& times = ids_of(f_time);
              std::uint64_t key =
                  (std::uint64_t(times[static_cast<std::size_t>(v1.fact - facts.data())]) << 32) |
                  times[static_cast<std::size_t>(v2.fact - facts.data())];
              auto [it, fresh] = span_pairs.try_emplace(key, false);
              if (fresh) it->second = eval(*time_part, v1, &v2).b;
              return it->second;
            };
            // classes bucketed by span, so a span pair the time-only conjuncts reject skips
            // every class pair in it at once
            by_span.clear();
            for (std::size_t c = 0; c < n; ++c)
              by_span.emplace_back(time_part ? ids_of(f_time)[representative[c]] : 0,
                                   static_cast<std::uint32_t>(c));
            std::sort(by_span.begin(), by_span.end());
            class_views.clear();
            for (std::size_t c = 0; c < n; ++c) class_views.push_back(views[representative[c]]);
            // with the time-only conjuncts passed, only the rest of the condition is left
            auto pair_holds = [&](const View& x, const View& y) {
              return time_part ? rest_holds(x, y) : holds(x, &y);
            };
            for (std::size_t c1 = 0; c1 < n; ++c1) {
              const View& v1 = class_views[c1];
              for (std::size_t start = 0, end; start < by_span.size(); start = end) {
                end = start + 1;
                while (end < by_span.size() && by_span[end].first == by_span[start].first) ++end;
                const View& first_in_bucket = class_views[by_span[start].second];
                bool forward = spans_allow(v1, first_in_bucket),
                     backward = spans_allow(first_in_bucket, v1);
                if (!forward && !backward) continue;
                for (std::size_t e = start; e < end; ++e) {
                  if (latest[c1] == static_cast<std::ptrdiff_t>(group_max_doc) &&
                      earliest[c1] == static_cast<std::ptrdiff_t>(group_min_doc))
                    break;  // partners at both ends already: nothing more to learn
                  const std::uint32_t c2 = by_span[e].second;
                  const View& v2 = class_views[c2];
                  if (forward && static_cast<std::ptrdiff_t>(max_doc[c2]) > latest[c1] &&
                      pair_holds(v1, v2))
                    latest[c1] = static_cast<std::ptrdiff_t>(max_doc[c2]),
                    later_partner[c1] = {static_cast<std::uint32_t>(c1), c2};
                  if (backward && static_cast<std::ptrdiff_t>(min_doc[c2]) < earliest[c1] &&
                      pair_holds(v2, v1))
                    earliest[c1] = static_cast<std::ptrdiff_t>(min_doc[c2]),
                    earlier_partner[c1] = {c2, static_cast<std::uint32_t>(c1)};
                }
              }
            }
            for (std::size_t x = 0; x < group.size(); ++x) {
              auto d = static_cast<std::ptrdiff_t>(fact_doc[group[x]]);
              std::uint32_t c = fact_class[x];
              bool later = latest[c] > d, earlier = earliest[c] < d;
              if (!later && !earlier) continue;
              marked[x] = 1;
              if (first) continue;
              // a concrete pair for the explanation: this fact and a partner of the class found
              std::uint32_t partner_class =
                  later ? later_partner[c].second : earlier_partner[c].first;
              for (std::size_t y = 0; y < group.size(); ++y) {
                if (fact_class[y] != partner_class) continue;
                auto dy = static_cast<std::ptrdiff_t>(fact_doc[group[y]]);
                if (later && dy > d) {
                  first = std::pair{group[x], group[y]};
                  break;
                }
                if (!later && dy < d) {
                  first = std::pair{group[y], group[x]};
                  break;
                }
              }
            }
          } else
            for (std::size_t x = 0; x < group.size(); ++x) {
              if (marked[x]) continue;
              for (std::size_t y = 0; y < group.size(); ++y) {
                if (x == y) continue;
                std::size_t a, b;
                if (!ordered(group[x], group[y], a, b) || !holds(views[a], &views[b])) continue;
                marked[x] = marked[y] = 1;
                if (!first) first = std::pair{a, b};
                break;
              }
            }
          if (!first) continue;
          Finding fd = make(facts[first->first], &facts[first->second]);
          std::vector<std::size_t> members;
          for (std::size_t x = 0; x < group.size(); ++x)
            if (marked[x]) members.push_back(group[x]);
          auto by_doc = [&](std::size_t l, std::size_t r) { return fact_doc[l] < fact_doc[r]; };
          if (!std::is_sorted(members.begin(), members.end(), by_doc))
            std::stable_sort(members.begin(), members.end(), by_doc);
          fd.facts.clear();
          fd.docs.clear();
          fd.facts.reserve(members.size());
          for (std::size_t m : members) {
            fd.facts.push_back(facts[m].id);
            if (fd.docs.empty() || fd.docs.back() != facts[m].doc)
              fd.docs.push_back(facts[m].doc);  // sorted by document
          }
          if (members.size() > 2)
            fd.explanation += " (and " + std::to_string(members.size() - 2) + " more facts in " +
                              std::to_string(fd.docs.size()) + " documents)";
          if (facts[members.front()].kind == "set") {
            // over the group: members named by two or more documents are shared; the
            // others are listed under the one document that names them
            std::map<std::string, std::set<std::string>> named_by;
            std::vector<std::string> order;
            for (std::size_t m : members)
              for (const auto& c : facts[m].members) {
                if (!named_by.count(c)) order.push_back(c);
                named_by[c].insert(facts[m].doc);
              }
            std::map<std::string, std::vector<std::string>> only_by_doc;
            fd.has_sets = true;
            fd.shared.clear(), fd.only_in.clear();
            for (const auto& c : order)
              if (named_by[c].size() == 1)
                only_by_doc[*named_by[c].begin()].push_back(c);
              else
                fd.shared.push_back(c);
            for (const auto& d : fd.docs)
              if (auto it = only_by_doc.find(d); it != only_by_doc.end())
                fd.only_in.emplace_back(d, std::move(it->second));
          }
          fd.group_facts = members.size();
          found.push_back(std::move(fd));  // one finding per group: nothing to merge
          continue;
        }
        for (std::size_t x = 0; x < group.size(); ++x)
          for (std::size_t y = x + 1; y < group.size(); ++y) {
            if (!in_focus(group[x]) && !in_focus(group[y])) continue;
            std::size_t a, b;
            if (!ordered(group[x], group[y], a, b) || !holds(views[a], &views[b])) continue;
            emit(make(facts[a], &facts[b]));
          }
      }
      std::size_t largest = 0;
      for (std::size_t k = 0; k + 1 < grouping.offsets.size(); ++k)
        largest = std::max<std::size_t>(largest, grouping.offsets[k + 1] - grouping.offsets[k]);
      spdlog::debug(
          "rule {}: {} groups (largest {}), {} conditions evaluated, {} findings, {:.1f} ms",
          rule.id, grouping.offsets.size() - 1, largest, pairs_tried, found.size(),
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - rule_start)
              .count());
      per_rule.push_back(std::move(found));
    }
  std::size_t total = 0;
  for (const auto& f : per_rule) total += f.size();
  std::vector<Finding> all;
  all.reserve(total);
  for (auto& f : per_rule)
    for (auto& fd : f) all.push_back(std::move(fd));
  return all;
}

}  // namespace claimcheck::rules
