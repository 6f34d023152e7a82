// The rule evaluator: hash join by key, typed expression evaluation, explanations.
#include "engine/rules/evaluate.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <deque>
#include <exception>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "engine/report.hpp"

namespace claimcheck::rules {

const std::vector<std::string>& verdicts() {
  static const std::vector<std::string> v{"corroborates", "compatible",  "updates",
                                          "differs",      "contradicts", "single-source"};
  return v;
}

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

/// From this many facts on, the rules run on every core (each rule on one thread).
constexpr std::size_t kFactsForThreads = 20000;

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
  double value = 0, upper = 0;  ///< the quantity's value and upper bound (0 when none)
  Interval interval;
  char op = '=';  ///< = > G(>=) < L(<=) ~ b(between)
  bool percent = false;
  bool has_time = false;
  Span span;
  bool has_reported = false;  ///< the document has a date
  Span reported;              ///< its day, or its minute when the document gives a clock time
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
  f_place,
  f_quantity,
  f_time,
  f_reported,
  f_members,
  f_sentence
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
  fn_known,
  fn_near,
  fn_as_of,
  fn_before,
  fn_day,
  fn_days_at_most,
  fn_same_place,
  fn_comparable,
  fn_apart,
  fn_rises
};

/// The relation `fn` (same_span, within, overlaps, disjoint) between two spans.
bool span_relation(int fn, const Span& a, const Span& b) {
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

int field_id(const std::string& name) {
  static const std::map<std::string, int> ids{{"doc", f_doc},           {"kind", f_kind},
                                              {"subject", f_subject},   {"predicate", f_predicate},
                                              {"family", f_family},     {"object", f_object},
                                              {"polarity", f_polarity}, {"source", f_source},
                                              {"place", f_place},       {"quantity", f_quantity},
                                              {"time", f_time},         {"reported", f_reported},
                                              {"members", f_members},   {"sentence", f_sentence}};
  auto it = ids.find(name);
  return it == ids.end() ? -1 : it->second;
}

int function_id(const std::string& name) {
  static const std::map<std::string, int> ids{{"same_span", fn_same_span},
                                              {"within", fn_within},
                                              {"overlaps", fn_overlaps},
                                              {"disjoint", fn_disjoint},
                                              {"close", fn_close},
                                              {"exceeds", fn_exceeds},
                                              {"shared", fn_shared},
                                              {"only_in", fn_only_in},
                                              {"same_set", fn_same_set},
                                              {"known", fn_known},
                                              {"near", fn_near},
                                              {"as_of", fn_as_of},
                                              {"before", fn_before},
                                              {"day", fn_day},
                                              {"days_at_most", fn_days_at_most},
                                              {"same_place", fn_same_place},
                                              {"comparable", fn_comparable},
                                              {"apart", fn_apart},
                                              {"rises", fn_rises}};
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
  /// call or compare: every argument a field of a or b (and, for close, a number last), so
  /// that test() reads them from the views without building values
  bool direct = false;
  /// compare of an Id field with a string literal: which argument is the field (-1: none),
  /// and the literal as an Id, so that test() compares addresses, not text
  int literal_path = -1;
  Id literal;
  std::vector<Compiled> args;
};

/// Whether a field holds an Id (see id_field).
bool is_id_field(int id) {
  return id == f_subject || id == f_predicate || id == f_family || id == f_object ||
         id == f_place || id == f_source;
}

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
  if (c.kind == Node::call || c.kind == Node::compare) {
    c.direct = !c.args.empty();
    for (std::size_t i = 0; i < c.args.size(); ++i) {
      const Compiled& a = c.args[i];
      const bool last_number =
          c.kind == Node::call &&
          (c.id == fn_close || c.id == fn_comparable || c.id == fn_apart || c.id == fn_rises) &&
          i == 2 && a.kind == Node::number;
      if (!(a.kind == Node::path && a.id >= 0) && !last_number) c.direct = false;
    }
    // the calls of times by their ends and relation read their values through call()
    if (c.id == fn_near || c.id == fn_as_of || c.id == fn_before || c.id == fn_day ||
        c.id == fn_days_at_most)
      c.direct = false;
    if (c.kind == Node::compare && c.args.size() != 2) c.direct = false;
    if (c.kind == Node::compare && c.args.size() == 2)
      for (int i = 0; i < 2; ++i)
        if (c.args[i].kind == Node::path && is_id_field(c.args[i].id) &&
            c.args[1 - i].kind == Node::string)
          c.literal_path = i, c.literal = Id(c.args[1 - i].text);
    // the sentence is a number: compared through eval()
    if (c.kind == Node::compare)
      for (const auto& a : c.args)
        if (a.kind == Node::path && a.id == f_sentence) c.direct = false;
  }
  return c;
}

struct Val {
  enum Type { none, boolean, number, string, quantity, time, set } type = none;
  bool b = false;
  double d = 0;
  std::string_view s;
  const View* view = nullptr;
  const Span* span = nullptr;  ///< a time: the fact's span or its document's date
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
    case f_place:
      return f.place.str();
    case f_source:
      return f.source ? std::string_view(f.source->entity.str()) : std::string_view();
    default:
      return {};
  }
}

/// The Id a field holds (an empty one for a fact without a source), or nullptr for the
/// fields that are no Id.
const Id* id_field(const Fact& f, int id) {
  static const Id none;
  switch (id) {
    case f_subject:
      return &f.subject;
    case f_predicate:
      return &f.predicate;
    case f_family:
      return &f.family;
    case f_object:
      return &f.object;
    case f_place:
      return &f.place;
    case f_source:
      return f.source ? &f.source->entity : &none;
    default:
      return nullptr;
  }
}

Val field(const View& v, int id) {
  Val out;
  switch (id) {
    case f_quantity:
      if (v.has_quantity) out.type = Val::quantity, out.view = &v;
      return out;
    case f_time:
      if (v.has_time) out.type = Val::time, out.view = &v, out.span = &v.span;
      return out;
    case f_reported:
      if (v.has_reported) out.type = Val::time, out.span = &v.reported;
      return out;
    case f_members:
      out.type = Val::set, out.members = &v.fact->members;
      return out;
    case f_sentence:
      out.type = Val::number, out.d = v.fact->sentence;
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

/// How far from a round figure a value may be and still be that figure as rounded: half
/// its last non-zero place (150 stands for 145–155, 1,200 for 1,150–1,250), never more
/// than `tol` of it; 0 for a figure that is not round (63, 1,142).
double rounding_margin(double v, double tol) {
  v = std::fabs(v);
  if (v < 10 || v != std::floor(v)) return 0;
  double place = 1;
  while (std::fmod(v, place * 10) == 0) place *= 10;
  return place == 1 ? 0 : std::min(place / 2, tol * v);
}

/// Whether two figures are of one order: the smaller at least `ratio` of the larger
/// (values, or the lower bound of a range). A running count a third of another is as
/// likely a part of it (three seriously injured of 250) or another scope (one factory's)
/// as the same count: no ground for a contradiction.
bool comparable_quantities(const View& va, const View& vb, double ratio) {
  const double a = std::fabs(va.value), b = std::fabs(vb.value);
  const double hi = std::max(a, b), lo = std::min(a, b);
  return hi == 0 || lo >= ratio * hi;
}

/// Whether two figures' values differ by more than `tol` of the larger, whatever their
/// bounds («more than 250» and «about 1,000» are apart; «about 1,200» and «more than 1,200»
/// are not).
bool apart_quantities(const View& va, const View& vb, double tol) {
  const double scale = std::max(std::fabs(va.value), std::fabs(vb.value));
  return std::fabs(va.value - vb.value) > tol * scale;
}

/// The second figure's value is above the first's by more than `tol` × the larger,
/// whatever their bounds ("more than 250" then "about 1,200").
bool rises_quantities(const View& va, const View& vb, double tol) {
  const double scale = std::max(std::fabs(va.value), std::fabs(vb.value));
  return vb.value - va.value > tol * scale;
}

bool close_quantities(const View& va, const View& vb, double tol) {
  auto exact = [](char op) { return op == '=' || op == '~'; };
  // one figure with and without its bound («at least 63» and «63», a headline's 250 over
  // a body's «more than 250»): the same figure, restated; «about 1,200» and «more than
  // 1,200» are two estimates that can both hold
  if (va.value == vb.value && (va.op == '=' || vb.op == '=') && va.op != 'b' && vb.op != 'b' &&
      va.op != '~' && vb.op != '~')
    return true;
  if (!(va.op == vb.op || (exact(va.op) && exact(vb.op)))) return false;
  double scale = std::max(std::fabs(va.value), std::fabs(vb.value));
  // an approximate figure («نحو 150») is close within `tol`; two stated ones only within
  // the rounding of a round one: 63 and 64 dead are two tolls, 150 and 148 may be one
  const bool approximate = va.op == '~' || vb.op == '~';
  auto near = [&](double x, double y) {
    if (approximate) return std::fabs(x - y) <= tol * scale;
    return x == y || std::fabs(x - y) <= std::max(rounding_margin(x, tol), rounding_margin(y, tol));
  };
  bool values = near(va.value, vb.value);
  if (va.op == 'b') values = values && near(va.upper, vb.upper);
  return values;
}

bool call(int fn, const Val* args) {
  const Val& x = args[0];
  if (fn == fn_known)
    return x.type != Val::none && !(x.type == Val::string && x.s.empty()) &&
           !(x.type == Val::set && x.members->empty());
  const Val& y = args[1];
  // two places that may be one: equal, or one of them unknown (a figure of Port Said and
  // one of Sohag are two figures; one of Port Said and one with no place may be one)
  if (fn == fn_same_place)
    return x.type == Val::string && y.type == Val::string &&
           (x.s.empty() || y.s.empty() || x.s == y.s);
  if (fn == fn_as_of)  // a fact's time (not a document's date) that says "as of"
    return x.type == Val::time && x.view && x.view->fact->time &&
           x.view->fact->time->op == SpanOp::as_of;
  if (fn == fn_day)  // a day or a shorter span: an incident's time, not a period's
    return x.type == Val::time && std::isfinite(x.span->from) && x.span->to - x.span->from <= 1;
  if (fn == fn_days_at_most)  // a span of at most N days (a month: 31)
    return x.type == Val::time && args[1].type == Val::number && std::isfinite(x.span->from) &&
           x.span->to - x.span->from <= args[1].d;
  if (fn == fn_same_span && x.type == Val::none && y.type == Val::none) return true;
  if (x.type == Val::time && y.type == Val::time) {
    const Span &sa = *x.span, &sb = *y.span;
    if (fn == fn_before) return sa.to <= sb.from;
    if (fn == fn_near) {
      // two days (or shorter spans) whose starts are at most N days apart
      auto short_span = [](const Span& s) { return std::isfinite(s.from) && s.to - s.from <= 1; };
      return args[2].type == Val::number && short_span(sa) && short_span(sb) &&
             std::fabs(std::floor(sa.from) - std::floor(sb.from)) <= args[2].d;
    }
    return span_relation(fn, sa, sb);
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
      case fn_comparable:
        return comparable_quantities(*x.view, *y.view, args[2].d);
      case fn_apart:
        return apart_quantities(*x.view, *y.view, args[2].d);
      case fn_rises:
        return rises_quantities(*x.view, *y.view, args[2].d);
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

/// A call of fields of a and b, as call() would answer it from eval()'s values, read
/// straight from the views (a missing b gives no value, as eval() does).
bool direct_call(const Compiled& n, const View& a, const View* b) {
  const Compiled& p = n.args[0];
  const View* x = p.side == 'a' ? &a : b;
  auto present = [](const View* v, int field) {
    if (!v) return false;
    return field == f_time       ? v->has_time
           : field == f_reported ? v->has_reported
           : field == f_quantity ? v->has_quantity
                                 : true;
  };
  if (n.id == fn_known) {
    if (!x) return false;
    switch (p.id) {
      case f_time:
        return x->has_time;
      case f_reported:
        return x->has_reported;
      case f_quantity:
        return x->has_quantity;
      case f_members:
        return !x->fact->members.empty();
      default:
        return !string_field(*x->fact, p.id).empty();
    }
  }
  if (n.args.size() < 2) return false;
  const Compiled& q = n.args[1];
  const View* y = q.side == 'a' ? &a : b;
  const bool xp = present(x, p.id), yp = present(y, q.id);
  if (n.id == fn_same_span && !xp && !yp) return true;  // neither has a value
  if (!xp || !yp) return false;
  if (p.id == f_time && q.id == f_time) {
    return span_relation(n.id, x->span, y->span);
  }
  if (p.id == f_quantity && q.id == f_quantity) {
    if (x->percent != y->percent) return false;  // different units: not comparable
    const Interval &ia = x->interval, &ib = y->interval;
    switch (n.id) {
      case fn_overlaps:
        return intervals_overlap(ia, ib);
      case fn_disjoint:
        return !intervals_overlap(ia, ib);
      case fn_exceeds:
        return ia.lo > ib.hi || (ia.lo == ib.hi && (ia.lo_open || ib.hi_open));
      case fn_close:
        return close_quantities(*x, *y, n.args.size() == 3 ? n.args[2].value : 0);
      case fn_comparable:
        return comparable_quantities(*x, *y, n.args.size() == 3 ? n.args[2].value : 0);
      case fn_apart:
        return apart_quantities(*x, *y, n.args.size() == 3 ? n.args[2].value : 0);
      case fn_rises:
        return rises_quantities(*x, *y, n.args.size() == 3 ? n.args[2].value : 0);
      default:
        return false;
    }
  }
  if (p.id == f_members && q.id == f_members) {
    Val args[2];
    args[0].type = args[1].type = Val::set;
    args[0].members = &x->fact->members, args[1].members = &y->fact->members;
    return call(n.id, args);
  }
  if (n.id == fn_same_place) {
    // two Ids as call() compares their text: interned, equal text is an equal address
    const Id *ix = id_field(*x->fact, p.id), *iy = id_field(*y->fact, q.id);
    if (ix && iy) return ix->empty() || iy->empty() || *ix == *iy;
  }
  // the other mixes of types (a string with a string, a time with a quantity): as eval()
  Val args[3];
  for (std::size_t i = 0; i < n.args.size() && i < 3; ++i)
    args[i] = n.args[i].kind == Node::number ? eval(n.args[i], a, b)
              : n.args[i].side == 'a'        ? field(a, n.args[i].id)
              : b                            ? field(*b, n.args[i].id)
                                             : Val{};
  return call(n.id, args);
}

/// A comparison of two fields, as eval() compares their values: Ids by address (interned:
/// equal text, equal address), other strings by text, a missing b as empty.
bool direct_compare(const Compiled& n, const View& a, const View* b) {
  const Compiled &p = n.args[0], &q = n.args[1];
  const View* x = p.side == 'a' ? &a : b;
  const View* y = q.side == 'a' ? &a : b;
  auto is_text = [](int f) {
    return f != f_time && f != f_reported && f != f_quantity && f != f_members;
  };
  if (!is_text(p.id) || !is_text(q.id)) {  // a time, quantity or set is equal to nothing
    Val l = x ? field(*x, p.id) : Val{}, r = y ? field(*y, q.id) : Val{};
    bool eq = (l.type == Val::string || l.type == Val::none) &&
              (r.type == Val::string || r.type == Val::none) && l.s == r.s;
    return eq == n.equal;
  }
  const Id* ix = x ? id_field(*x->fact, p.id) : nullptr;
  const Id* iy = y ? id_field(*y->fact, q.id) : nullptr;
  bool eq;
  if (ix && iy)
    eq = *ix == *iy;
  else
    eq = (x ? string_field(*x->fact, p.id) : std::string_view()) ==
         (y ? string_field(*y->fact, q.id) : std::string_view());
  return eq == n.equal;
}

/// Whether a condition holds: eval() for conditions, without building values for the
/// connectives, and a call's arguments read straight from the facts' views.
bool test(const Compiled& n, const View& a, const View* b) {
  switch (n.kind) {
    case Node::and_:
      for (const auto& x : n.args)
        if (!test(x, a, b)) return false;
      return true;
    case Node::or_:
      for (const auto& x : n.args)
        if (test(x, a, b)) return true;
      return false;
    case Node::not_:
      return !test(n.args[0], a, b);
    case Node::compare:
      if (n.direct) return direct_compare(n, a, b);
      if (n.literal_path >= 0) {
        // as eval(): the field's text (none for a missing b) against the literal's; Ids are
        // interned, so equal text is an equal address
        const Compiled& p = n.args[static_cast<std::size_t>(n.literal_path)];
        const View* v = p.side == 'a' ? &a : b;
        const bool eq = (v ? *id_field(*v->fact, p.id) : Id()) == n.literal;
        return eq == n.equal;
      }
      return eval(n, a, b).b;
    case Node::call: {
      if (n.direct) return direct_call(n, a, b);
      Val args[3];
      for (std::size_t i = 0; i < n.args.size() && i < 3; ++i) {
        const Compiled& arg = n.args[i];
        if (arg.kind == Node::path)
          args[i] = arg.side == 'a' ? field(a, arg.id) : b ? field(*b, arg.id) : Val{};
        else
          args[i] = eval(arg, a, b);
      }
      return call(n.id, args);
    }
    default:
      return eval(n, a, b).b;
  }
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
    v.value = f.quantity->value, v.upper = f.quantity->upper.value_or(0);
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

/// A document's date as a span of days: its day, or, with a clock time, its minute
/// (so that two reports of one day are ordered when both give their time).
std::optional<Span> reported_span(const std::string& date) {
  auto p = TimePoint::parse(date);
  if (!p || p->precision < Precision::day) return std::nullopt;
  double day = static_cast<double>(p->first_day());
  if (p->precision == Precision::day) return Span{day, day + 1};
  double from = day + (p->hh * 60 + p->mm) / 1440.0;
  return Span{from, from + 1 / 1440.0};
}

/// Names for people: countries and organisations by their English names, documents by
/// title or position ("the first article").
class Namer {
 public:
  Namer(const Lexicon& lex, const std::vector<Document>& docs) : lex_(lex) {
    static const char* ordinals[] = {"first", "second",  "third",  "fourth", "fifth",
                                     "sixth", "seventh", "eighth", "ninth",  "tenth"};
    auto labels = std::make_shared<std::vector<std::string>>();
    labels->reserve(docs.size());
    for (std::size_t i = 0; i < docs.size(); ++i) {
      std::string& label = labels->emplace_back();
      if (!docs[i].title.empty())
        label.append("“").append(docs[i].title).append("”");
      else if (i < 10)
        label.append("the ").append(ordinals[i]).append(" article");
      else
        label.append("article ").append(docs[i].id);
    }
    labels_ = std::move(labels);
  }
  /// The label of the document at `index` in the documents given.
  const std::string& doc(std::size_t index) const { return (*labels_)[index]; }
  const std::string& entity(const Id& id) const {
    auto it = entity_ids_.find(id.key());
    if (it == entity_ids_.end()) it = entity_ids_.emplace(id.key(), &entity(id.str())).first;
    return *it->second;
  }
  const std::string& entity(const std::string& id) const {
    auto it = entity_names_.find(id);
    if (it == entity_names_.end()) it = entity_names_.emplace(id, lex_.display_name(id)).first;
    return it->second;
  }
  /// Appends "A, B and C", or "none".
  template <typename Ids>
  void list(std::string& out, const Ids& ids) const {
    const std::size_t from = out.size();
    for (std::size_t i = 0; i < ids.size(); ++i)
      out.append(i == 0 ? "" : i + 1 == ids.size() ? " and " : ", ").append(entity(ids[i]));
    if (out.size() == from) out += "none";
  }

 private:
  const Lexicon& lex_;
  std::shared_ptr<const std::vector<std::string>> labels_;  ///< shared by the threads' copies
  mutable std::unordered_map<std::string, std::string> entity_names_;  // node-based: kept
  mutable std::unordered_map<const void*, const std::string*> entity_ids_;
};

/// Writes a number as explanations do: whole numbers in full, others as %g.
void append_number(std::string& out, double v) {
  char buf[32];
  if (v == std::floor(v) && std::fabs(v) < 1e15) {  // as %lld writes it
    out.append(buf, std::to_chars(buf, buf + sizeof buf, static_cast<long long>(v)).ptr);
    return;
  }
  std::snprintf(buf, sizeof buf, "%g", v);
  out += buf;
}

void append_words(std::string& out, const FactQuantity& q, const std::string& polarity) {
  if (q.value == 0 && q.op == QuantityOp::eq && polarity == "negative") {
    out += "none";
  } else {
    const char* lead = q.op == QuantityOp::gt        ? "more than "
                       : q.op == QuantityOp::ge      ? "at least "
                       : q.op == QuantityOp::lt      ? "fewer than "
                       : q.op == QuantityOp::le      ? "at most "
                       : q.op == QuantityOp::approx  ? "about "
                       : q.op == QuantityOp::between ? "between "
                                                     : "";
    out += lead;
    append_number(out, q.value);
    if (q.op == QuantityOp::between) {
      out += " and ";
      append_number(out, q.upper.value_or(q.value));
    }
  }
  if (q.unit == "percent")
    out += "%";
  else if (!q.unit.empty())
    out.append(" ").append(q.unit.str());  // a measure in base units: 4200000 gram, 12000000 USD
  if (!q.text.empty()) out.append(" («").append(q.text).append("»)");
}

void append_time_words(std::string& out, const FactTime& t) {
  if (t.op == SpanOp::between)
    out.append("between ").append(t.from_iso()).append(" and ").append(t.to_iso());
  else if (t.op == SpanOp::until)
    out.append("until ").append(t.to_iso());
  else if (t.op == SpanOp::as_of)
    out.append("as of ").append(t.from_iso());
  else if (t.op == SpanOp::since)
    out.append("since ").append(t.from_iso());
  else if (std::string to = t.to_iso(); to.empty())
    out.append("in ").append(t.from_iso());
  else
    out.append("from ").append(t.from_iso()).append(" to ").append(to);
  if (t.inherited) out += " (from an earlier sentence)";
}

/// What an explanation's placeholder {a.FIELD} names, decided once per template.
enum class Placeholder { source, doc, quantity, time, members, subject, object, other };

Placeholder placeholder(const std::string& field) {
  static const std::map<std::string, Placeholder> names{
      {"source", Placeholder::source},     {"doc", Placeholder::doc},
      {"quantity", Placeholder::quantity}, {"time", Placeholder::time},
      {"members", Placeholder::members},   {"subject", Placeholder::subject},
      {"object", Placeholder::object}};
  auto it = names.find(field);
  return it == names.end() ? Placeholder::other : it->second;
}

/// Appends a fact's field as an explanation writes it; `doc` is the label of its document.
void append_field(std::string& out, const Namer& names, const Fact& f, const std::string& doc,
                  Placeholder field, int other) {
  switch (field) {
    case Placeholder::source:
      if (f.source) out.append(names.entity(f.source->entity)).append(", via ");
      out += doc;
      return;
    case Placeholder::doc:
      out += doc;
      return;
    case Placeholder::quantity:
      if (f.quantity)
        append_words(out, *f.quantity, f.polarity);
      else
        out += "no figure";
      return;
    case Placeholder::time:
      if (f.time)
        append_time_words(out, *f.time);
      else
        out += "no stated time";
      return;
    case Placeholder::members:
      names.list(out, f.members);
      return;
    case Placeholder::subject:
      out += f.subject.empty() ? std::string("an unnamed subject") : names.entity(f.subject);
      return;
    case Placeholder::object:
      if (f.object.empty()) {
        out += "an unnamed thing";
        return;
      }
      if (f.object.str().find('/') != std::string::npos || f.kind == "membership") {
        out += names.entity(f.object);
        return;
      }
      break;
    case Placeholder::other:
      break;
  }
  std::size_t from = out.size();
  std::string_view v =
      field == Placeholder::object ? std::string_view(f.object.str()) : string_field(f, other);
  if (v.empty()) {
    out += "unknown";
    return;
  }
  out += v;
  std::replace(out.begin() + static_cast<std::ptrdiff_t>(from), out.end(), '_', ' ');
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
    Placeholder field = Placeholder::other;
    int other = -1;  ///< Placeholder::other: the field's id
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
      if (key == "groups")
        pieces.push_back({"", 'g'});
      else if (key == "shared")
        pieces.push_back({"", 's'});
      else if (key == "only_a")
        pieces.push_back({"", 'x'});
      else if (key == "only_b")
        pieces.push_back({"", 'y'});
      else
        pieces.push_back(
            {key.substr(2), key[0], placeholder(key.substr(2)), field_id(key.substr(2))});
    }
    flush();
  }
};

/// The explanation of a finding on `a` (and `b`), whose documents are labelled `doc_a`
/// (and `doc_b`).
std::string render(const Template& t, const Namer& names, const Fact& a, const std::string& doc_a,
                   const Fact* b, const std::string* doc_b, const SetDetails* sets,
                   const std::string* groups = nullptr) {
  static const std::vector<std::string> none;
  thread_local std::string out;  // a buffer reused: the explanation is copied out at its size
  out.clear();
  for (const auto& p : t.pieces) {
    switch (p.side) {
      case 0:
        out += p.text;
        break;
      case 'g':  // report majority: the figures by value and their sources
        if (groups) out += *groups;
        break;
      case 's':
        names.list(out, sets ? sets->shared : none);
        break;
      case 'x':
        names.list(out, sets ? sets->only_a : none);
        break;
      case 'y':
        names.list(out, sets ? sets->only_b : none);
        break;
      case 'a':
        append_field(out, names, a, doc_a, p.field, p.other);
        break;
      default:
        if (b) append_field(out, names, *b, *doc_b, p.field, p.other);
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

/// Byte strings numbered in the order they are first seen (what an unordered_map from
/// string to number does, without a node and an allocation each): open addressing over
/// their hashes, the strings side by side in one buffer. Used for the classes of a group.
class Numbering {
 public:
  /// Forgets every string; room for about `expected` of them without growing.
  void clear(std::size_t expected) {
    std::size_t capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    slots_.assign(capacity, 0);
    hashes_.clear(), ends_.clear(), bytes_.clear();
  }
  /// The number of `key`, and whether it was new.
  std::pair<std::uint32_t, bool> insert(std::string_view key) {
    if (2 * (ends_.size() + 1) > slots_.size()) grow();
    const std::uint64_t h = std::hash<std::string_view>{}(key);
    std::size_t k = static_cast<std::size_t>(h) & (slots_.size() - 1);
    for (; slots_[k]; k = (k + 1) & (slots_.size() - 1)) {
      const std::uint32_t n = slots_[k] - 1;
      if (hashes_[n] == h && text(n) == key) return {n, false};
    }
    const auto n = static_cast<std::uint32_t>(ends_.size());
    slots_[k] = n + 1;
    hashes_.push_back(h);
    bytes_.append(key);
    ends_.push_back(bytes_.size());
    return {n, true};
  }

 private:
  std::string_view text(std::uint32_t n) const {
    std::size_t from = n == 0 ? 0 : ends_[n - 1];
    return std::string_view(bytes_).substr(from, ends_[n] - from);
  }
  void grow() {
    slots_.assign(slots_.size() * 2, 0);
    for (std::uint32_t n = 0; n < ends_.size(); ++n) {
      std::size_t k = static_cast<std::size_t>(hashes_[n]) & (slots_.size() - 1);
      while (slots_[k]) k = (k + 1) & (slots_.size() - 1);
      slots_[k] = n + 1;
    }
  }
  std::vector<std::uint32_t> slots_;  ///< number + 1; 0 for an empty slot
  std::vector<std::uint64_t> hashes_;
  std::vector<std::size_t> ends_;  ///< where each string ends in bytes_
  std::string bytes_;
};

/// A yes or no kept for pairs of 32-bit ids (the time-only part of a condition, decided once
/// per pair of spans): open addressing, grown as it fills.
class PairAnswers {
 public:
  /// The answer for (x, y), computed by `decide()` the first time.
  template <typename Decide>
  bool get(std::uint32_t x, std::uint32_t y, Decide&& decide) {
    if (2 * (used_ + 1) > keys_.size()) grow();
    const std::uint64_t key = (std::uint64_t(x) << 32 | y) + 1;  // 0 marks an empty slot
    std::size_t k = slot(key);
    for (; keys_[k]; k = (k + 1) & (keys_.size() - 1))
      if (keys_[k] == key) return answers_[k];
    keys_[k] = key;
    ++used_;
    answers_[k] = decide();
    return answers_[k] != 0;
  }

 private:
  std::size_t slot(std::uint64_t key) const {  // MurmurHash3's finaliser: every bit mixed
    key ^= key >> 33, key *= 0xff51afd7ed558ccdull;
    key ^= key >> 33, key *= 0xc4ceb9fe1a85ec53ull;
    key ^= key >> 33;
    return static_cast<std::size_t>(key) & (keys_.size() - 1);
  }
  void grow() {
    std::vector<std::uint64_t> keys(keys_.empty() ? 64 : keys_.size() * 2, 0);
    std::vector<char> answers(keys.size(), 0);
    keys.swap(keys_), answers.swap(answers_);
    for (std::size_t i = 0; i < keys.size(); ++i)
      if (keys[i]) {
        std::size_t k = slot(keys[i]);
        while (keys_[k]) k = (k + 1) & (keys_.size() - 1);
        keys_[k] = keys[i], answers_[k] = answers[i];
      }
  }
  std::vector<std::uint64_t> keys_;
  std::vector<char> answers_;
  std::size_t used_ = 0;
};

/// Classes of one span bucket ordered by a bound of their quantity (`bound` rising, and
/// on a tie the open bounds first: `rank` 0 open, 1 closed), with the best class of every
/// prefix: the one in the latest document, and the one in the earliest, each the first in
/// class order on a tie. How a condition that is one `exceeds` finds a class's partners.
struct BoundOrder {
  struct Entry {
    double bound;
    int rank;
    std::uint32_t cls;
  };
  std::vector<Entry> entries;
  std::vector<std::uint32_t> latest, earliest;  ///< of entries[0..i]

  void finish(const std::vector<std::size_t>& max_doc, const std::vector<std::size_t>& min_doc) {
    // (entries come in class order: the class breaks ties as a stable sort would)
    std::sort(entries.begin(), entries.end(), [](const Entry& x, const Entry& y) {
      if (x.bound != y.bound) return x.bound < y.bound;
      return x.rank != y.rank ? x.rank < y.rank : x.cls < y.cls;
    });
    latest.resize(entries.size()), earliest.resize(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const std::uint32_t c = entries[i].cls;
      auto before = [](std::uint32_t x, std::uint32_t y, std::size_t dx, std::size_t dy,
                       bool larger) {
        return larger ? dx > dy || (dx == dy && x < y) : dx < dy || (dx == dy && x < y);
      };
      latest[i] = i == 0 || before(c, latest[i - 1], max_doc[c], max_doc[latest[i - 1]], true)
                      ? c
                      : latest[i - 1];
      earliest[i] =
          i == 0 || before(c, earliest[i - 1], min_doc[c], min_doc[earliest[i - 1]], false)
              ? c
              : earliest[i - 1];
    }
  }
};

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
  if (!groups.empty()) {
    auto group_json = [](const ValueGroup& g) {
      nlohmann::ordered_json x = brief_json(g.figure);
      x["docs"] = g.docs;
      x["facts"] = g.facts;
      return x;
    };
    j["majority"] = group_json(groups[0]);
    j["outliers"] = nlohmann::ordered_json::array();
    for (std::size_t i = 1; i < groups.size(); ++i) j["outliers"].push_back(group_json(groups[i]));
  }
  return j;
}

std::vector<Finding> evaluate(const std::vector<RuleFile>& files, const std::vector<Document>& docs,
                              const std::vector<Fact>& facts, const Lexicon& lex,
                              const std::vector<std::string>& focus, unsigned threads) {
  const auto evaluate_start = std::chrono::steady_clock::now();
  Namer names(lex, docs);
  std::unordered_map<std::string, std::size_t> doc_order;
  for (std::size_t i = 0; i < docs.size(); ++i) doc_order[docs[i].id] = i;
  std::vector<View> views;
  views.reserve(facts.size());
  for (const auto& f : facts) views.push_back(make_view(f));
  std::vector<std::optional<Span>> doc_reported(docs.size());
  for (std::size_t i = 0; i < docs.size(); ++i) doc_reported[i] = reported_span(docs[i].date);
  std::vector<std::size_t> fact_doc(facts.size());
  // each fact's document by position, and its label (a document not given: its id)
  std::vector<const std::string*> fact_label(facts.size());
  for (std::size_t i = 0; i < facts.size(); ++i) {
    if (i > 0 && facts[i].doc == facts[i - 1].doc) {  // facts come document by document
      fact_doc[i] = fact_doc[i - 1], fact_label[i] = fact_label[i - 1];
      views[i].has_reported = views[i - 1].has_reported, views[i].reported = views[i - 1].reported;
      continue;
    }
    auto it = doc_order.find(facts[i].doc);
    fact_doc[i] = it == doc_order.end() ? 0 : it->second;
    fact_label[i] = it == doc_order.end() ? &facts[i].doc : &names.doc(it->second);
    if (it != doc_order.end() && doc_reported[it->second])
      views[i].has_reported = true, views[i].reported = *doc_reported[it->second];
  }
  // the ids of the facts side by side, for the findings that list many of them
  std::vector<std::string> fact_ids;
  fact_ids.reserve(facts.size());
  bool docs_known = true;  // every fact's document is one of docs (ids are then positions)
  for (std::size_t i = 0; i < facts.size(); ++i) {
    fact_ids.push_back(facts[i].id);
    if (fact_doc[i] == 0 && !docs.empty() && facts[i].doc != docs[0].id) docs_known = false;
  }
  if (docs.empty() && !facts.empty()) docs_known = false;
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
  // Ids are interned already: they are numbered by address, other values by their text.
  std::unordered_map<std::string_view, std::uint32_t> interned;
  std::unordered_map<const void*, std::uint32_t> interned_ids;
  std::uint32_t next_number = 0;
  std::unordered_set<std::string> time_keys;
  std::string time_key;
  auto intern = [&](std::string_view s) {
    auto [it, fresh] = interned.try_emplace(s, next_number);
    if (fresh) ++next_number;
    return it->second;
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
        if (const Id* key = id_field(facts[i], id)) {
          if (key->empty()) {
            column[i] = kAbsent;
            continue;
          }
          auto [it, fresh] = interned_ids.try_emplace(key->key(), next_number);
          if (fresh) ++next_number;
          column[i] = it->second;
          continue;
        }
        std::string_view v;
        if (id == f_reported) {
          v = views[i].has_reported ? std::string_view(docs[fact_doc[i]].date) : std::string_view();
          column[i] = v.empty() ? kAbsent : intern(v);
          continue;
        }
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
  // the groupings' working arrays, reused from one to the next (their pages touched once)
  std::vector<std::uint64_t> fact_hash, slots;
  std::vector<std::uint32_t> first_fact, fact_group, fill;

  // the facts of a rule's kinds grouped by its join key, once per distinct (kinds, key)
  // among the rules; all are made before the rules run, and only read while they do
  auto grouping_for = [&](const Rule& rule) -> const Grouping& {
    std::vector<int> join_ids;
    for (const auto& j : rule.join) join_ids.push_back(field_id(j));
    if (rule.pair == "within") join_ids.push_back(f_doc);  // only pairs within a document
    ids_of(f_kind);  // intern the kinds before looking up the rule's
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
      // allocation per key, and the keys stay in the interned columns. Each fact's key
      // hashed first (the facts of other kinds or without a value left out), so that the
      // table is sized by the facts taking part; a place holds the group and the high half
      // of its hash, so that most places of other keys are passed without reading a fact.
      constexpr std::uint64_t kLeftOut = 0;
      fact_hash.assign(facts.size(), kLeftOut);
      std::size_t taking_part = 0;
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
        h ^= h >> 29;
        fact_hash[i] = h | 1;  // never kLeftOut (the low bit picks no place's tag)
        ++taking_part;
      }
      std::size_t capacity = 16;
      while (capacity < taking_part * 2) capacity *= 2;
      constexpr std::uint64_t kEmpty = ~std::uint64_t{0};
      slots.assign(capacity, kEmpty);
      first_fact.clear();
      fact_group.assign(facts.size(), kAbsent);
      auto same_key = [&](std::size_t i, std::size_t j) {
        for (const auto* column : join_columns)
          if ((*column)[i] != (*column)[j]) return false;
        return true;
      };
      for (std::size_t i = 0; i < facts.size(); ++i) {
        const std::uint64_t h = fact_hash[i];
        if (h == kLeftOut) continue;
        const std::uint64_t tag = h >> 32 << 32;
        std::size_t slot = static_cast<std::size_t>(h >> 1) & (capacity - 1);
        for (; slots[slot] != kEmpty; slot = (slot + 1) & (capacity - 1))
          if ((slots[slot] >> 32 << 32) == tag &&
              same_key(first_fact[static_cast<std::uint32_t>(slots[slot])], i))
            break;
        if (slots[slot] == kEmpty) {
          slots[slot] = tag | first_fact.size();
          first_fact.push_back(static_cast<std::uint32_t>(i));
        }
        fact_group[i] = static_cast<std::uint32_t>(slots[slot]);
      }
      // counting sort into one flat array: group k is members[offsets[k] .. offsets[k+1])
      g.offsets.assign(first_fact.size() + 1, 0);
      for (auto gi : fact_group)
        if (gi != kAbsent) ++g.offsets[gi + 1];
      for (std::size_t k = 1; k < g.offsets.size(); ++k) g.offsets[k] += g.offsets[k - 1];
      g.members.resize(g.offsets.back());
      fill.assign(g.offsets.begin(), g.offsets.end() - 1);
      for (std::size_t i = 0; i < facts.size(); ++i)
        if (fact_group[i] != kAbsent)
          g.members[fill[fact_group[i]]++] = static_cast<std::uint32_t>(i);
      cached = grouping_cache.emplace(signature, std::move(g)).first;
    }
    return cached->second;
  };
  // the columns every rule reads, made before the rules run (ids_of is then read only)
  std::vector<const Rule*> all_rules;
  for (const auto& file : files)
    for (const auto& rule : file.rules) all_rules.push_back(&rule);
  ids_of(f_kind), ids_of(f_time);
  for (const Rule* rule : all_rules) {
    grouping_for(*rule);
    if (rule->when) {
      std::set<int> read;
      fields_read(compile(*rule->when), read);
      for (int id : read)
        if (id >= 0 && id < kFields && id != f_quantity) ids_of(id);
    }
  }
  // every fact's time numbered densely (the facts without one share a number), and a fact
  // of each: what a condition on times alone answers for a pair of numbers
  std::vector<std::uint32_t> span_index(facts.size());
  std::vector<std::uint32_t> span_fact;
  {
    const auto& times = ids_of(f_time);
    std::vector<std::uint32_t> dense(static_cast<std::size_t>(next_number) + 1, kAbsent);
    for (std::size_t i = 0; i < facts.size(); ++i) {
      const std::size_t t = times[i] == kAbsent ? next_number : times[i];
      if (dense[t] == kAbsent) {
        dense[t] = static_cast<std::uint32_t>(span_fact.size());
        span_fact.push_back(static_cast<std::uint32_t>(i));
      }
      span_index[i] = dense[t];
    }
  }
  const std::size_t spans_n = span_fact.size();
  spdlog::debug(
      "rules: facts indexed in {:.1f} ms",
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - evaluate_start)
          .count());

  // Each rule's findings on their own (a deque: no copy as they grow): the rules run side
  // by side on large inputs (each thread with its own cache of entity names), and their
  // findings are joined in rule order.
  auto run_rule = [&](const Rule& rule, const Namer& names, std::deque<Finding>& found) {
    auto rule_start = std::chrono::steady_clock::now();
    const Template explain(rule.explain);
    const bool across = rule.pair == "across", within_doc = rule.pair == "within",
               single = rule.pair == "single", by_group = rule.report == "group",
               by_majority = rule.report == "majority";
    std::size_t pairs_tried = 0;
    std::optional<Compiled> when;
    if (rule.when) when = compile(*rule.when);
    auto holds = [&](const View& a, const View* b) {
      ++pairs_tried;
      return !when || test(*when, a, b);
    };
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
    // A condition left for pairs of classes that is one `exceeds` of the two quantities
    // is answered from the classes ordered by their bounds, not class pair by class pair
    // (+1: exceeds(a.quantity, b.quantity), -1: exceeds(b.quantity, a.quantity)).
    int exceeds_order = 0;
    {
      const Compiled* r = time_part ? &*rest : when ? &*when : nullptr;
      if (r && r->kind == Node::and_ && r->args.size() == 1) r = &r->args[0];
      if (r && r->kind == Node::call && r->id == fn_exceeds && r->args.size() == 2 &&
          r->args[0].kind == Node::path && r->args[1].kind == Node::path &&
          r->args[0].id == f_quantity && r->args[1].id == f_quantity &&
          r->args[0].side != r->args[1].side)
        exceeds_order = r->args[0].side == 'a' ? 1 : -1;
    }
    auto rest_holds = [&](const View& a, const View& b) {
      ++pairs_tried;
      return !rest || test(*rest, a, &b);
    };
    const Grouping& grouping = grouping_for(rule);

    // findings with the same documents and explanation are merged
    // by a hash of documents and explanation; equal hashes are compared in full
    // (open addressing: (hash, finding + 1) a slot, 0 for an empty one)
    std::vector<std::pair<std::uint64_t, std::size_t>> merged(64);
    std::size_t merged_used = 0;
    const std::size_t rule_begin = found.size();
    auto make = [&](const Fact& a, const Fact* b) {
      const SetDetails sets =
          b && (a.kind == "set" || b->kind == "set") ? compare_sets(a, *b) : SetDetails{};
      Finding fd;
      fd.rule = rule.id;
      fd.verdict = rule.verdict;
      fd.explanation =
          render(explain, names, a, *fact_label[static_cast<std::size_t>(&a - facts.data())], b,
                 b ? fact_label[static_cast<std::size_t>(b - facts.data())] : nullptr,
                 b ? &sets : nullptr);
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
        fd.pair.reserve(2);  // moved in: a braced list would copy them
        fd.pair.push_back(brief(a));
        fd.pair.push_back(brief(*b));
      }
      return fd;
    };
    auto emit = [&](Finding fd) {
      std::uint64_t h = std::hash<std::string>{}(fd.explanation);
      for (const auto& d : fd.docs) h = (h ^ std::hash<std::string>{}(d)) * 1099511628211ull;
      if (2 * (merged_used + 1) > merged.size()) {  // grow: at most half the slots used
        std::vector<std::pair<std::uint64_t, std::size_t>> bigger(merged.size() * 2);
        for (const auto& e : merged)
          if (e.second) {
            std::size_t k =
                static_cast<std::size_t>(e.first ^ (e.first >> 31)) & (bigger.size() - 1);
            while (bigger[k].second) k = (k + 1) & (bigger.size() - 1);
            bigger[k] = e;
          }
        merged.swap(bigger);
      }
      std::size_t k = static_cast<std::size_t>(h ^ (h >> 31)) & (merged.size() - 1);
      for (; merged[k].second; k = (k + 1) & (merged.size() - 1)) {
        const Finding& f = found[merged[k].second - 1];
        if (merged[k].first == h && f.docs == fd.docs && f.explanation == fd.explanation) break;
      }
      if (!merged[k].second) {
        merged[k] = {h, found.size() + 1};
        ++merged_used;
        found.push_back(std::move(fd));
        return;
      }
      auto& into = found[merged[k].second - 1];
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

    // `report majority`: the facts of a group joined by the pairs that meet the condition
    // (the reports of one figure at one time) make components; in a component of three or
    // more documents where one value (close at 5%) is given by two or more documents and
    // by more than half of them, every document that gives only figures apart from it is
    // an outlier, and one finding cites the majority and the outliers. Not an outlier: a
    // document with a figure that can hold with the majority's, one with no pair meeting
    // the condition with a majority fact, and a running count's earlier stage or update (a
    // lower figure reported before every majority report, a higher one after all of them).
    // Pairs are tried fact by fact: groups of more than kMajorityMax facts are left alone
    // (`among given` keeps them to a story's reports).
    constexpr std::size_t kMajorityMax = 256;
    auto majority = [&](std::span<const std::uint32_t> group) {
      const std::size_t k = group.size();
      if (k < 3 || k > kMajorityMax) return;
      std::vector<std::size_t> root(k);
      for (std::size_t i = 0; i < k; ++i) root[i] = i;
      auto find = [&](std::size_t i) {
        while (root[i] != i) i = root[i] = root[root[i]];
        return i;
      };
      std::vector<std::vector<char>> meets(k, std::vector<char>(k, 0));
      for (std::size_t i = 0; i < k; ++i)
        for (std::size_t j = i + 1; j < k; ++j) {
          std::size_t a, b;
          if (ordered(group[i], group[j], a, b) && holds(views[a], &views[b]))
            meets[i][j] = meets[j][i] = 1, root[find(j)] = find(i);
        }
      std::map<std::size_t, std::vector<std::size_t>> components;
      for (std::size_t i = 0; i < k; ++i) components[find(i)].push_back(i);
      auto close = [&](std::size_t i, std::size_t j) {
        const View &x = views[group[i]], &y = views[group[j]];
        return x.has_quantity && y.has_quantity && x.percent == y.percent &&
               close_quantities(x, y, 0.05);
      };
      for (const auto& [r, comp] : components) {
        std::set<std::size_t> comp_docs;
        for (std::size_t m : comp) comp_docs.insert(fact_doc[group[m]]);
        if (comp_docs.size() < 3) continue;
        // the value most documents give; a tie between two values that differ: none
        std::size_t best = SIZE_MAX, best_support = 0;
        bool tie = false;
        for (std::size_t m : comp) {
          std::set<std::size_t> support;
          for (std::size_t n : comp)
            if (close(m, n)) support.insert(fact_doc[group[n]]);
          if (support.size() > best_support)
            best = m, best_support = support.size(), tie = false;
          else if (support.size() == best_support && best != SIZE_MAX && !close(best, m))
            tie = true;
        }
        if (best == SIZE_MAX || tie || best_support < 2 || best_support * 2 <= comp_docs.size())
          continue;
        std::vector<std::size_t> agreeing;
        std::set<std::size_t> agreeing_docs;
        for (std::size_t m : comp)
          if (close(best, m)) agreeing.push_back(m), agreeing_docs.insert(fact_doc[group[m]]);
        const Interval& held = views[group[best]].interval;
        // the other documents, each whole: an outlier when every figure of it is apart
        std::map<std::size_t, std::vector<std::size_t>> others;
        for (std::size_t m : comp)
          if (!agreeing_docs.count(fact_doc[group[m]])) others[fact_doc[group[m]]].push_back(m);
        std::vector<std::size_t> outliers;
        for (const auto& [doc, figures] : others) {
          bool outlier = true;
          for (std::size_t m : figures) {
            const View& v = views[group[m]];
            bool paired = false, before_all = true, after_all = true;
            for (std::size_t n : agreeing) {
              paired = paired || meets[m][n];
              const View& w = views[group[n]];
              if (!v.has_reported || !w.has_reported) {
                before_all = after_all = false;
                continue;
              }
              before_all = before_all && v.reported.to <= w.reported.from;
              after_all = after_all && w.reported.to <= v.reported.from;
            }
            const bool lower = v.interval.hi < held.lo ||
                               (v.interval.hi == held.lo && v.interval.hi_open),
                       higher = v.interval.lo > held.hi ||
                                (v.interval.lo == held.hi && v.interval.lo_open);
            if (!paired || !v.has_quantity || v.percent != views[group[best]].percent ||
                intervals_overlap(v.interval, held) ||
                !apart_quantities(v, views[group[best]], 0.05) || (lower && before_all) ||
                (higher && after_all)) {
              outlier = false;
              break;
            }
          }
          if (outlier) outliers.insert(outliers.end(), figures.begin(), figures.end());
        }
        if (outliers.empty()) continue;
        // the groups by value: the majority, then each outlier value (close figures
        // together), each with its first figure and its documents
        std::vector<Finding::ValueGroup> value_groups;
        std::vector<std::size_t> first_of;  // each value group's first figure, in the group
        auto add = [&](std::size_t m, bool agrees) {
          std::size_t g = 0;
          if (!agrees)
            for (g = 1; g < first_of.size() && !close(m, first_of[g]); ++g) {
            }
          if (g == value_groups.size())
            value_groups.push_back({brief(facts[group[m]]), {}, {}}), first_of.push_back(m);
          const Fact& f = facts[group[m]];
          if (value_groups[g].docs.empty() || value_groups[g].docs.back() != f.doc)
            value_groups[g].docs.push_back(f.doc);
          value_groups[g].facts.push_back(f.id);
        };
        value_groups.push_back({brief(facts[group[best]]), {}, {}}), first_of.push_back(best);
        for (std::size_t m : agreeing) add(m, true);
        for (std::size_t m : outliers) add(m, false);
        // "18 («18»): A, B and C; 9 («تسعة»): D and E", each group's documents by their
        // outlets (else their labels)
        std::string groups_text;
        for (std::size_t g = 0; g < value_groups.size(); ++g) {
          if (g) groups_text += "; ";
          const Fact& f = facts[group[first_of[g]]];
          append_words(groups_text, *f.quantity, f.polarity);
          groups_text += ": ";
          const auto& ds = value_groups[g].docs;
          for (std::size_t d = 0; d < ds.size(); ++d) {
            auto it = doc_order.find(ds[d]);
            groups_text += d == 0 ? "" : d + 1 == ds.size() ? " and " : ", ";
            groups_text += it != doc_order.end() && !docs[it->second].source.empty()
                               ? docs[it->second].source
                           : it != doc_order.end() ? names.doc(it->second)
                                                   : ds[d];
          }
        }
        const std::size_t a = group[best], b = group[outliers.front()];
        Finding fd;
        fd.rule = rule.id;
        fd.verdict = rule.verdict;
        fd.explanation = render(explain, names, facts[a], *fact_label[a], &facts[b], fact_label[b],
                                nullptr, &groups_text);
        std::vector<std::size_t> cited;
        for (std::size_t m : agreeing) cited.push_back(group[m]);
        for (std::size_t m : outliers) cited.push_back(group[m]);
        std::sort(cited.begin(), cited.end());  // facts come in document order
        for (std::size_t i : cited) {
          fd.facts.push_back(fact_ids[i]);
          if (fd.docs.empty() || fd.docs.back() != facts[i].doc) fd.docs.push_back(facts[i].doc);
        }
        fd.pair.reserve(2);
        fd.pair.push_back(brief(facts[a]));
        fd.pair.push_back(brief(facts[b]));
        fd.groups = std::move(value_groups);
        found.push_back(std::move(fd));
      }
    };

    // buffers reused from group to group
    std::vector<char> marked;
    Numbering class_of;
    std::array<const std::vector<std::uint32_t>*, f_members + 1> read_columns{};
    std::vector<std::uint32_t> fact_class;
    std::vector<std::size_t> representative, min_doc, max_doc;
    std::vector<View> class_views;  // the representatives' views, side by side in memory
    std::string sig;
    std::vector<const void*> member_keys;
    std::vector<std::ptrdiff_t> latest, earliest;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> later_partner, earlier_partner;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> by_span;  // (span id, class)
    std::vector<std::size_t> bucket_starts;
    std::vector<std::uint32_t> by_latest, by_earliest;
    std::vector<BoundOrder> bound_orders;  // with one `exceeds`: 4 a bucket
    std::vector<char> allowed;
    std::vector<std::uint32_t> bucket_of;
    // whether the time-only conjuncts pass for a pair of times (by their numbers, the first
    // as a's), decided once per pair: in a table when there are few times, else hashed
    constexpr std::size_t kSpansForTable = 2048;
    PairAnswers span_pairs;
    std::vector<signed char> span_table;  // -1 not yet decided
    if (time_part && spans_n <= kSpansForTable) span_table.assign(spans_n * spans_n, -1);
    auto times_allow = [&](std::uint32_t s1, std::uint32_t s2) {
      if (!time_part) return true;
      auto decide = [&] { return test(*time_part, views[span_fact[s1]], &views[span_fact[s2]]); };
      if (span_table.empty()) return span_pairs.get(s1, s2, decide);
      signed char& answer = span_table[s1 * spans_n + s2];
      if (answer < 0) answer = decide() ? 1 : 0;
      return answer != 0;
    };
    auto spans_allow = [&](const View& v1, const View& v2) {
      return times_allow(span_index[static_cast<std::size_t>(v1.fact - facts.data())],
                         span_index[static_cast<std::size_t>(v2.fact - facts.data())]);
    };
    // the times of a group, each once (seen: the last group that had it)
    std::vector<std::uint32_t> group_spans, span_seen(time_part ? spans_n : 0, kAbsent);
    // `among given`: with a focus, only the focused documents' facts take part
    const bool given_only = rule.among == "given" && !focused.empty();
    std::vector<std::uint32_t> given_members;
    // when the times are few next to the facts, every pair of them is decided at once: a
    // time-only part that no pair of times passes leaves the rule without a pair anywhere
    bool no_pair_of_times = false;
    if (time_part && !single && spans_n * spans_n <= facts.size()) {
      no_pair_of_times = true;
      for (std::uint32_t s1 = 0; s1 < spans_n && no_pair_of_times; ++s1)
        for (std::uint32_t s2 = 0; s2 < spans_n && no_pair_of_times; ++s2)
          no_pair_of_times = !times_allow(s1, s2);
    }
    for (std::size_t k = 0; k + 1 < grouping.offsets.size() && !no_pair_of_times; ++k) {
      std::span<const std::uint32_t> group(grouping.members.data() + grouping.offsets[k],
                                           grouping.offsets[k + 1] - grouping.offsets[k]);
      if (group.size() < 2 && !single) continue;  // a fact alone makes no pair
      if (!focused.empty() && std::none_of(group.begin(), group.end(), in_focus)) continue;
      if (given_only) {
        given_members.clear();
        for (std::uint32_t i : group)
          if (focused[i]) given_members.push_back(i);
        group = std::span<const std::uint32_t>(given_members);
        if (group.size() < 2) continue;
      }
      if (time_part && !single) {
        // no pair of the group's times passes the time-only conjuncts: no pair holds
        group_spans.clear();
        for (std::uint32_t i : group)
          if (span_seen[span_index[i]] != k)
            span_seen[span_index[i]] = static_cast<std::uint32_t>(k),
            group_spans.push_back(span_index[i]);
        bool any = false;
        for (std::size_t u = 0; u < group_spans.size() && !any; ++u)
          for (std::size_t w = 0; w < group_spans.size() && !any; ++w)
            any = times_allow(group_spans[u], group_spans[w]);
        if (!any) continue;
      }
      if (single) {
        // a fact is single-source when its whole group comes from one document
        if (docs.size() < 2) continue;
        bool one_document = std::all_of(group.begin(), group.end(), [&](std::size_t i) {
          return fact_doc[i] == fact_doc[group[0]];
        });
        if (!one_document) continue;
        // a figure restated in its document (headline and body: the same value, within 5%)
        // is one claim: one finding citing every statement of it
        std::vector<std::size_t> stated;  // findings so far for this group, by fact
        for (std::size_t i : group) {
          if (!in_focus(i) || !holds(views[i], nullptr)) continue;
          auto same = std::find_if(stated.begin(), stated.end(), [&](std::size_t j) {
            const View &x = views[i], &y = views[j];
            return x.has_quantity && y.has_quantity && x.percent == y.percent &&
                   close_quantities(x, y, 0.05);
          });
          if (same == stated.end() || stated.size() > 64) {
            stated.push_back(i);
            found.push_back(make(facts[i], nullptr));
            continue;
          }
          // the finding of `*same`: the one made when it was first stated
          Finding& into =
              found[found.size() - stated.size() + static_cast<std::size_t>(same - stated.begin())];
          into.facts.push_back(facts[i].id);
        }
        continue;
      }
      if (by_majority) {
        majority(group);
        continue;
      }
      if (by_group) {
        // one finding per group: every fact with at least one partner
        marked.assign(group.size(), 0);
        std::optional<std::pair<std::size_t, std::size_t>> first;
        bool use_classes = across && group.size() > 8, indexed = false;
        // Facts whose read fields are equal behave alike: evaluate the condition once per
        // pair of such classes, then mark each fact in constant time from the range of
        // documents its partner classes come from.
        if (use_classes) {
          for (int id : read_fields)
            if (id != f_members && id != f_quantity) read_columns[id] = &ids_of(id);
          class_of.clear(group.size());
          fact_class.assign(group.size(), 0);
          representative.clear(), min_doc.clear(), max_doc.clear();
          for (std::size_t x = 0; x < group.size(); ++x) {
            std::size_t i = group[x];
            sig.clear();
            for (int id : read_fields) {
              if (id == f_members) {
                // interned: equal members, equal addresses (sorted, so a set in any order)
                member_keys.clear();
                for (const auto& m : facts[i].members) member_keys.push_back(m.key());
                std::sort(member_keys.begin(), member_keys.end());
                sig.append(reinterpret_cast<const char*>(member_keys.data()),
                           member_keys.size() * sizeof(const void*));
                sig += '|';
              } else if (id == f_quantity) {
                const View& v = views[i];
                double q[2] = {v.has_quantity ? v.value : -1, v.has_quantity ? v.upper : 0};
                sig += v.has_quantity ? v.op : '-';
                sig += v.percent ? '%' : ' ';
                sig.append(reinterpret_cast<const char*>(q), sizeof q);
              } else {
                sig.append(reinterpret_cast<const char*>(&(*read_columns[id])[i]),
                           sizeof(std::uint32_t));
              }
            }
            auto [c, fresh] = class_of.insert(sig);
            if (fresh)
              representative.push_back(i), min_doc.push_back(fact_doc[i]),
                  max_doc.push_back(fact_doc[i]);
            fact_class[x] = c;
            min_doc[c] = std::min(min_doc[c], fact_doc[i]);
            max_doc[c] = std::max(max_doc[c], fact_doc[i]);
          }
          const std::size_t n = representative.size();
          // worth it when the classes collapse the group; or, with one `exceeds` left, always:
          // each class's partners are then found by binary search. Which pair explains the
          // finding is then still the one the pair-by-pair scan below would find first.
          indexed = exceeds_order != 0 && n * 2 > group.size();
          use_classes = n * 2 <= group.size() || indexed;
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
          // each bucket's classes twice: by their latest document, latest first, and by
          // their earliest, earliest first (ties in class order). The first class of the
          // first order whose pair holds is the latest partner the bucket can give, so the
          // search stops there, or as soon as no class left could improve on the one known;
          // and so for the earliest partner. The partner found is the one the classes in
          // their own order would give: the first to reach the best document.
          bucket_starts.clear();
          for (std::size_t e = 0; e < by_span.size(); ++e)
            if (e == 0 || by_span[e].first != by_span[e - 1].first) bucket_starts.push_back(e);
          bucket_starts.push_back(by_span.size());
          by_latest.resize(n), by_earliest.resize(n);
          for (std::size_t k = 0; k + 1 < bucket_starts.size(); ++k) {
            const std::size_t start = bucket_starts[k], end = bucket_starts[k + 1];
            for (std::size_t e = start; e < end; ++e)
              by_latest[e] = by_earliest[e] = by_span[e].second;
            std::stable_sort(
                by_latest.begin() + static_cast<std::ptrdiff_t>(start),
                by_latest.begin() + static_cast<std::ptrdiff_t>(end),
                [&](std::uint32_t x, std::uint32_t y) { return max_doc[x] > max_doc[y]; });
            std::stable_sort(
                by_earliest.begin() + static_cast<std::ptrdiff_t>(start),
                by_earliest.begin() + static_cast<std::ptrdiff_t>(end),
                [&](std::uint32_t x, std::uint32_t y) { return min_doc[x] < min_doc[y]; });
          }
          // whether the time-only conjuncts pass, bucket by bucket: allowed[k1 * B + k2] for
          // a class of bucket k1 first and one of bucket k2 second (a bucket is one span)
          const std::size_t buckets_n = bucket_starts.size() - 1;
          allowed.assign(buckets_n * buckets_n, 1);
          if (time_part)
            for (std::size_t k1 = 0; k1 < buckets_n; ++k1)
              for (std::size_t k2 = 0; k2 < buckets_n; ++k2)
                allowed[k1 * buckets_n + k2] =
                    spans_allow(class_views[by_span[bucket_starts[k1]].second],
                                class_views[by_span[bucket_starts[k2]].second]);
          bucket_of.resize(n);
          for (std::size_t k = 0; k < buckets_n; ++k)
            for (std::size_t e = bucket_starts[k]; e < bucket_starts[k + 1]; ++e)
              bucket_of[by_span[e].second] = static_cast<std::uint32_t>(k);
          // with one `exceeds` left: each bucket's classes with a quantity, by unit (percent
          // or not) and in two orders, below (upper bound rising) and above (lower bound
          // falling), each order with the best class of every prefix; the classes a class
          // exceeds, or is exceeded by, are then a prefix found by binary search
          const std::size_t buckets = bucket_starts.size() - 1;
          if (exceeds_order != 0) {
            bound_orders.assign(buckets * 4, {});
            for (std::size_t k = 0; k < buckets; ++k)
              for (std::size_t e = bucket_starts[k]; e < bucket_starts[k + 1]; ++e) {
                const std::uint32_t c = by_span[e].second;
                const View& v = class_views[c];
                if (!v.has_quantity) continue;
                const Interval& q = v.interval;
                auto& below = bound_orders[k * 4 + (v.percent ? 2 : 0)];
                auto& above = bound_orders[k * 4 + (v.percent ? 3 : 1)];
                below.entries.push_back({q.hi, q.hi_open ? 0 : 1, c});
                above.entries.push_back({-q.lo, q.lo_open ? 0 : 1, c});
              }
            for (auto& order : bound_orders) order.finish(max_doc, min_doc);
          }
          // the classes of order `o` that the class of view `v` is compared with and that
          // pass: v exceeds them (below) or they exceed v (above)
          auto passing = [&](const BoundOrder& o, const View& v, bool below) {
            const double bound = below ? v.interval.lo : -v.interval.hi;
            const int rank = (below ? v.interval.lo_open : v.interval.hi_open) ? 2 : 1;
            auto it = std::partition_point(
                o.entries.begin(), o.entries.end(), [&](const BoundOrder::Entry& en) {
                  return en.bound < bound || (en.bound == bound && en.rank < rank);
                });
            return static_cast<std::size_t>(it - o.entries.begin());
          };
          for (std::size_t c1 = 0; c1 < n; ++c1) {
            const View& v1 = class_views[c1];
            for (std::size_t k = 0; k + 1 < bucket_starts.size(); ++k) {
              if (latest[c1] == static_cast<std::ptrdiff_t>(group_max_doc) &&
                  earliest[c1] == static_cast<std::ptrdiff_t>(group_min_doc))
                break;  // partners at both ends already: nothing more to learn
              const std::size_t start = bucket_starts[k], end = bucket_starts[k + 1];
              const bool forward = allowed[bucket_of[c1] * buckets_n + k],
                         backward = allowed[k * buckets_n + bucket_of[c1]];
              if (exceeds_order != 0) {
                if (!v1.has_quantity) break;  // exceeds nothing, exceeded by nothing
                const std::size_t unit = v1.percent ? 2 : 0;
                // forward: pair (v1, v2) holds when v1 exceeds v2 (+1) or v2 exceeds v1 (-1)
                if (forward) {
                  const BoundOrder& o = bound_orders[k * 4 + unit + (exceeds_order > 0 ? 0 : 1)];
                  ++pairs_tried;
                  if (std::size_t m = passing(o, v1, exceeds_order > 0)) {
                    const std::uint32_t c2 = o.latest[m - 1];
                    if (static_cast<std::ptrdiff_t>(max_doc[c2]) > latest[c1])
                      latest[c1] = static_cast<std::ptrdiff_t>(max_doc[c2]),
                      later_partner[c1] = {static_cast<std::uint32_t>(c1), c2};
                  }
                }
                // backward: pair (v2, v1) holds when v2 exceeds v1 (+1) or v1 exceeds v2 (-1)
                if (backward) {
                  const BoundOrder& o = bound_orders[k * 4 + unit + (exceeds_order > 0 ? 1 : 0)];
                  ++pairs_tried;
                  if (std::size_t m = passing(o, v1, exceeds_order < 0)) {
                    const std::uint32_t c2 = o.earliest[m - 1];
                    if (static_cast<std::ptrdiff_t>(min_doc[c2]) < earliest[c1])
                      earliest[c1] = static_cast<std::ptrdiff_t>(min_doc[c2]),
                      earlier_partner[c1] = {c2, static_cast<std::uint32_t>(c1)};
                  }
                }
                continue;
              }
              if (forward)
                for (std::size_t e = start; e < end; ++e) {
                  const std::uint32_t c2 = by_latest[e];
                  if (static_cast<std::ptrdiff_t>(max_doc[c2]) <= latest[c1]) break;
                  if (pair_holds(v1, class_views[c2])) {
                    latest[c1] = static_cast<std::ptrdiff_t>(max_doc[c2]);
                    later_partner[c1] = {static_cast<std::uint32_t>(c1), c2};
                    break;
                  }
                }
              if (backward)
                for (std::size_t e = start; e < end; ++e) {
                  const std::uint32_t c2 = by_earliest[e];
                  if (static_cast<std::ptrdiff_t>(min_doc[c2]) >= earliest[c1]) break;
                  if (pair_holds(class_views[c2], v1)) {
                    earliest[c1] = static_cast<std::ptrdiff_t>(min_doc[c2]);
                    earlier_partner[c1] = {c2, static_cast<std::uint32_t>(c1)};
                    break;
                  }
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
            if (indexed) {
              // as the pair-by-pair scan: this first fact with a partner, and its first partner
              for (std::size_t y = 0; y < group.size() && !first; ++y) {
                std::size_t a, b;
                if (y != x && ordered(group[x], group[y], a, b) && holds(views[a], &views[b]))
                  first = std::pair{a, b};
              }
              continue;
            }
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
        } else if (time_part && group.size() > 8) {
          // Pair by pair as below, but with the group's facts bucketed by span: a bucket
          // whose span pairs the time-only conjuncts reject (in the pair's order) is skipped
          // whole. Each unmarked fact's first partner in group order is still the one found
          // (the least position over the buckets), so the marks and the first pair are the
          // scan's.
          by_span.clear();
          for (std::size_t x = 0; x < group.size(); ++x)
            by_span.emplace_back(span_index[group[x]], static_cast<std::uint32_t>(x));
          std::sort(by_span.begin(), by_span.end());  // by span, then by position
          bucket_starts.clear();
          for (std::size_t e = 0; e < by_span.size(); ++e)
            if (e == 0 || by_span[e].first != by_span[e - 1].first) bucket_starts.push_back(e);
          bucket_starts.push_back(by_span.size());
          const std::size_t buckets_n = bucket_starts.size() - 1;
          bucket_of.resize(group.size());
          for (std::size_t k = 0; k < buckets_n; ++k)
            for (std::size_t e = bucket_starts[k]; e < bucket_starts[k + 1]; ++e)
              bucket_of[by_span[e].second] = static_cast<std::uint32_t>(k);
          allowed.assign(buckets_n * buckets_n, 0);
          for (std::size_t k1 = 0; k1 < buckets_n; ++k1)
            for (std::size_t k2 = 0; k2 < buckets_n; ++k2)
              allowed[k1 * buckets_n + k2] =
                  spans_allow(views[group[by_span[bucket_starts[k1]].second]],
                              views[group[by_span[bucket_starts[k2]].second]]);
          for (std::size_t x = 0; x < group.size(); ++x) {
            if (marked[x]) continue;
            const std::size_t bx = bucket_of[x];
            std::size_t best = group.size();
            std::pair<std::size_t, std::size_t> best_pair;
            for (std::size_t k = 0; k < buckets_n; ++k) {
              const bool forward = allowed[bx * buckets_n + k],
                         backward = allowed[k * buckets_n + bx];
              if (!forward && !backward) continue;
              for (std::size_t e = bucket_starts[k]; e < bucket_starts[k + 1]; ++e) {
                const std::size_t y = by_span[e].second;
                if (y >= best) break;
                if (y == x) continue;
                std::size_t a, b;
                if (!ordered(group[x], group[y], a, b)) continue;
                if (!(a == group[x] ? forward : backward) || !rest_holds(views[a], views[b]))
                  continue;
                best = y, best_pair = {a, b};
                break;
              }
            }
            if (best == group.size()) continue;
            marked[x] = marked[best] = 1;
            if (!first) first = best_pair;
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
        std::vector<std::size_t> all_members;
        for (std::size_t x = 0; x < group.size(); ++x)
          if (marked[x]) all_members.push_back(group[x]);
        // Agreement is told value by value: the facts of close figures make one finding
        // («18 injured: A, B; 9: C, D» are two agreements, not one), so that a finding that
        // corroborates never cites two figures that disagree. The components of the close
        // figures, for groups small enough to pair fact by fact; each finding explained by
        // its first pair that agrees.
        std::vector<std::pair<std::pair<std::size_t, std::size_t>, std::vector<std::size_t>>> parts;
        if (rule.verdict == "corroborates" && all_members.size() > 2 && all_members.size() <= 256) {
          const std::size_t k = all_members.size();
          std::vector<std::size_t> root(k);
          for (std::size_t i = 0; i < k; ++i) root[i] = i;
          auto find = [&](std::size_t i) {
            while (root[i] != i) i = root[i] = root[root[i]];
            return i;
          };
          for (std::size_t i = 0; i < k; ++i)
            for (std::size_t j = i + 1; j < k; ++j) {
              const View &vi = views[all_members[i]], &vj = views[all_members[j]];
              if (vi.has_quantity && vj.has_quantity && vi.percent == vj.percent &&
                  close_quantities(vi, vj, 0.05))
                root[find(j)] = find(i);
            }
          std::map<std::size_t, std::size_t> part_of_root;
          for (std::size_t i = 0; i < k; ++i) {
            auto [it, fresh] = part_of_root.try_emplace(find(i), parts.size());
            if (fresh) parts.push_back({{SIZE_MAX, SIZE_MAX}, {}});
            parts[it->second].second.push_back(all_members[i]);
          }
          for (auto& [pair, members] : parts)
            for (std::size_t i = 0; i < members.size() && pair.first == SIZE_MAX; ++i)
              for (std::size_t j = i + 1; j < members.size(); ++j) {
                std::size_t a, b;
                if (ordered(members[i], members[j], a, b) && holds(views[a], &views[b])) {
                  pair = {a, b};
                  break;
                }
              }
          // a component without an agreeing pair of its own goes back to the whole group
          if (std::any_of(parts.begin(), parts.end(),
                          [](const auto& p) { return p.first.first == SIZE_MAX; }))
            parts.clear();
        }
        if (parts.empty()) parts.push_back({*first, std::move(all_members)});
        auto by_doc = [&](std::size_t l, std::size_t r) { return fact_doc[l] < fact_doc[r]; };
        for (auto& [part_first, members] : parts) {
          Finding fd = make(facts[part_first.first], &facts[part_first.second]);
          if (!std::is_sorted(members.begin(), members.end(), by_doc))
            std::stable_sort(members.begin(), members.end(), by_doc);
          fd.facts.clear();
          fd.docs.clear();
          fd.facts.reserve(members.size());
          if (docs_known) {
            // a new document where the position changes (sorted by document); its id read
            // from the documents given, in their order, not from each fact
            std::size_t n_docs = 0;
            for (std::size_t i = 0; i < members.size(); ++i)
              n_docs += i == 0 || fact_doc[members[i]] != fact_doc[members[i - 1]];
            fd.docs.reserve(n_docs);
            for (std::size_t i = 0; i < members.size(); ++i) {
              const std::size_t m = members[i];
              fd.facts.push_back(fact_ids[m]);  // side by side: no fact read for its id
              if (i == 0 || fact_doc[m] != fact_doc[members[i - 1]])
                fd.docs.push_back(docs[fact_doc[m]].id);
            }
          } else {
            for (std::size_t m : members) {
              fd.facts.push_back(fact_ids[m]);
              if (fd.docs.empty() || fd.docs.back() != facts[m].doc)
                fd.docs.push_back(facts[m].doc);  // sorted by document
            }
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
        }
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
        "rule {}: {} groups (largest {}), {} conditions evaluated, {} findings, {:.1f} ms", rule.id,
        grouping.offsets.size() - 1, largest, pairs_tried, found.size() - rule_begin,
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - rule_start)
            .count());
  };
  std::vector<std::deque<Finding>> per_rule(all_rules.size());
  if (threads == 0)
    threads =
        facts.size() < kFactsForThreads ? 1 : std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, static_cast<unsigned>(all_rules.size()));
  if (threads <= 1) {
    for (std::size_t r = 0; r < all_rules.size(); ++r) run_rule(*all_rules[r], names, per_rule[r]);
  } else {
    spdlog::default_logger_raw();  // the log's registry made here, before the threads use it
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> pool;
    std::vector<std::exception_ptr> errors(threads);
    for (unsigned t = 0; t < threads; ++t)
      pool.emplace_back([&, t] {
        Namer own = names;  // its entity names' cache is its own
        try {
          for (std::size_t r; (r = next++) < all_rules.size();)
            run_rule(*all_rules[r], own, per_rule[r]);
        } catch (...) {
          errors[t] = std::current_exception();
          next = all_rules.size();
        }
      });
    for (auto& t : pool) t.join();
    for (const auto& e : errors)
      if (e) std::rethrow_exception(e);
  }
  std::size_t total = 0;
  for (const auto& f : per_rule) total += f.size();
  // A majority finding accounts for the disagreement of its figures: an `updates`
  // finding among them that cites an outlier (a count "updated the same day" from the
  // majority's figure to the outlier's) is dropped for it.
  struct Majority {
    std::unordered_set<std::string_view> cited, outlier;  // ids, each set made once
  };
  std::vector<Majority> majorities;
  for (std::size_t r = 0; r < all_rules.size(); ++r)
    if (all_rules[r]->report == "majority")
      for (const auto& fd : per_rule[r]) {
        Majority m{{fd.facts.begin(), fd.facts.end()}, {}};
        for (std::size_t g = 1; g < fd.groups.size(); ++g)
          m.outlier.insert(fd.groups[g].facts.begin(), fd.groups[g].facts.end());
        majorities.push_back(std::move(m));
      }
  auto superseded = [&](const Finding& fd) {
    if (fd.verdict != "updates") return false;
    return std::any_of(majorities.begin(), majorities.end(), [&](const Majority& m) {
      return std::all_of(fd.facts.begin(), fd.facts.end(),
                         [&](const std::string& id) { return m.cited.count(id) > 0; }) &&
             std::any_of(fd.facts.begin(), fd.facts.end(),
                         [&](const std::string& id) { return m.outlier.count(id) > 0; });
    });
  };
  std::vector<std::vector<char>> dropped(per_rule.size());  // decided before any is moved
  for (std::size_t r = 0; r < per_rule.size(); ++r)
    for (const auto& fd : per_rule[r]) dropped[r].push_back(superseded(fd));
  std::vector<Finding> found;
  found.reserve(total);
  for (std::size_t r = 0; r < per_rule.size(); ++r)
    for (std::size_t i = 0; i < per_rule[r].size(); ++i)
      if (!dropped[r][i]) found.push_back(std::move(per_rule[r][i]));
  return found;
}

}  // namespace claimcheck::rules
