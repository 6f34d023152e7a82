// Static checks of parsed rules: every field, function, argument type, fact kind, verdict,
// pair mode and template placeholder is known, with "did you mean" suggestions.
#include <algorithm>
#include <map>
#include <set>

#include "engine/rules/parser.hpp"
#include "engine/rules/types.hpp"
#include "engine/suggest.hpp"

namespace claimcheck::rules {
namespace {

template <typename Range>
std::string suggest(const std::string& word, const Range& names) {
  return did_you_mean(word, std::vector<std::string>(names.begin(), names.end()));
}

template <typename Map>
std::vector<std::string> keys(const Map& m) {
  std::vector<std::string> out;
  for (const auto& [k, v] : m) out.push_back(k);
  return out;
}

class Checker {
 public:
  Checker(const RuleFile& file, std::vector<Diagnostic>& errors) : file_(file), errors_(errors) {}

  void error(std::size_t pos, const std::string& message) {
    errors_.push_back(diagnostic_at(file_.path, file_.text, pos, message));
  }

  Type type_of(const Node& n, const Rule& rule) {
    switch (n.kind) {
      case Node::number:
        return Type::number;
      case Node::string:
        return Type::string;
      case Node::path: {
        if (rule.pair == "single" && n.side == 'b') {
          error(n.pos, "a single-fact rule has no 'b'");
          return Type::any;
        }
        auto it = fact_fields().find(n.text);
        if (it == fact_fields().end()) {
          error(n.pos + 2, "unknown field '" + n.text + "'" + suggest(n.text, keys(fact_fields())));
          return Type::any;
        }
        return it->second;
      }
      case Node::call: {
        auto it = functions().find(n.text);
        if (it == functions().end()) {
          error(n.pos, "unknown function '" + n.text + "'" + suggest(n.text, keys(functions())));
          for (const auto& a : n.args) type_of(*a, rule);
          return Type::boolean;
        }
        std::vector<Type> args;
        for (const auto& a : n.args) args.push_back(type_of(*a, rule));
        bool any_arity = false;
        for (const auto& sig : it->second) {
          if (sig.size() != args.size()) continue;
          any_arity = true;
          bool ok = true;
          for (std::size_t i = 0; i < sig.size(); ++i)
            if (sig[i] != Type::any && args[i] != Type::any && sig[i] != args[i]) ok = false;
          if (ok) return Type::boolean;
        }
        std::string wanted;
        for (const auto& sig : it->second)
          wanted += (wanted.empty() ? "" : " or ") + signature(n.text, sig);
        if (!any_arity)
          error(n.pos, "'" + n.text + "' takes " + wanted + ", given " +
                           std::to_string(args.size()) + " argument" +
                           (args.size() == 1 ? "" : "s"));
        else
          error(n.pos, "wrong argument types: " + signature(n.text, args) + "; expected " + wanted);
        return Type::boolean;
      }
      case Node::compare: {
        Type l = type_of(*n.args[0], rule), r = type_of(*n.args[1], rule);
        for (Type t : {l, r})
          if (t != Type::any && t != Type::string && t != Type::number)
            error(n.pos, "'" + n.text + "' compares strings or numbers, not " + type_name(t));
        return Type::boolean;
      }
      case Node::not_:
      case Node::and_:
      case Node::or_:
        for (const auto& a : n.args) {
          Type t = type_of(*a, rule);
          if (t != Type::boolean && t != Type::any)
            error(a->pos, "expected a condition here, found a " + type_name(t) +
                              " (compare it with == or pass it to a function)");
        }
        return Type::boolean;
    }
    return Type::any;
  }

  void check(const Rule& r) {
    static const std::set<std::string> kinds{"count", "measure", "set",       "membership",
                                             "event", "quote",   "comparison"};
    static const std::set<std::string> verdicts{"corroborates", "compatible",  "updates",
                                                "differs",      "contradicts", "single-source"};
    static const std::set<std::string> pairs{"across", "within", "any", "single"};
    if (r.about.empty())
      error(r.pos,
            "rule '" + r.id + "' needs an 'about' clause naming the fact kinds it applies to");
    for (const auto& k : r.about)
      if (!kinds.count(k)) error(r.about_pos, "unknown fact kind '" + k + "'" + suggest(k, kinds));
    if (!pairs.count(r.pair))
      error(r.pair_pos, "unknown pairing '" + r.pair + "' (across, within, any or single)" +
                            suggest(r.pair, pairs));
    if (r.join.empty())
      error(r.pos, "rule '" + r.id +
                       "' needs a 'join' clause: the fields facts must share to be compared");
    if (r.join.size() > 7) error(r.join_pos, "a join takes at most 7 fields");
    if (r.report != "pair" && r.report != "group" && r.report != "majority")
      error(r.report_pos, "unknown report mode '" + r.report + "' (pair, group or majority)");
    if (r.report == "majority" && r.pair != "across")
      error(r.report_pos, "'report majority' compares documents: it needs 'pair across'");
    if (r.among != "all" && r.among != "given")
      error(r.among_pos, "unknown document scope '" + r.among + "' (all or given)");
    if (r.report == "group" && r.pair == "single")
      error(r.report_pos, "a single-fact rule reports each fact; 'report group' does not apply");
    for (const auto& f : r.join) {
      auto it = fact_fields().find(f);
      // a document's date is no join key: reports of one story come on different days
      if (it == fact_fields().end() || f == "reported" ||
          (it->second != Type::string && it->second != Type::time))
        error(r.join_pos, "cannot join on '" + f + "': join fields are " + join_field_list() +
                              suggest(f, keys(fact_fields())));
    }
    if (r.verdict.empty())
      error(r.pos, "rule '" + r.id + "' needs a 'verdict' clause");
    else if (!verdicts.count(r.verdict))
      error(r.verdict_pos, "unknown verdict '" + r.verdict + "'" + suggest(r.verdict, verdicts));
    if (r.explain.empty()) error(r.pos, "rule '" + r.id + "' needs an 'explain' clause");
    if (r.when) {
      Type t = type_of(*r.when, r);
      if (t != Type::boolean && t != Type::any)
        error(r.when->pos, "'when' needs a condition, found a " + type_name(t));
    }
    check_template(r);
  }

 private:
  const RuleFile& file_;
  std::vector<Diagnostic>& errors_;

  static std::string join_field_list() {
    std::string s;
    for (const auto& [k, t] : fact_fields())
      if ((t == Type::string || t == Type::time) && k != "reported")
        s += (s.empty() ? "" : ", ") + k;
    return s;
  }

  static std::string signature(const std::string& name, const std::vector<Type>& args) {
    std::string s = name + "(";
    for (std::size_t i = 0; i < args.size(); ++i) s += (i ? ", " : "") + type_name(args[i]);
    return s + ")";
  }

  void check_template(const Rule& r) {
    // explain placeholders: {a.field} {b.field} {shared} {only_a} {only_b} {groups}
    std::size_t open = 0;
    const std::string& t = r.explain;
    while ((open = t.find('{', open)) != std::string::npos) {
      auto close = t.find('}', open);
      std::size_t pos = r.explain_pos + 1 + open;
      if (close == std::string::npos) {
        error(pos, "unclosed '{' in the explanation");
        return;
      }
      std::string key = t.substr(open + 1, close - open - 1);
      open = close + 1;
      if (key == "shared" || key == "only_a" || key == "only_b") continue;
      if (key == "groups") {
        if (r.report != "majority")
          error(pos, "{groups} names the value groups of 'report majority'");
        continue;
      }
      if (key.size() > 2 && (key[0] == 'a' || key[0] == 'b') && key[1] == '.') {
        if (key[0] == 'b' && r.pair == "single") error(pos, "a single-fact rule has no 'b'");
        if (!fact_fields().count(key.substr(2)))
          error(pos + 3, "unknown field '" + key.substr(2) + "'" +
                             suggest(key.substr(2), keys(fact_fields())));
        continue;
      }
      error(pos, "unknown placeholder '{" + key +
                     "}' (use {a.field}, {b.field}, {shared}, {only_a}, {only_b} or {groups})");
    }
  }
};

}  // namespace

void check_rules(const RuleFile& file, const Lexicon&, std::vector<Diagnostic>& errors) {
  Checker checker(file, errors);
  for (const auto& r : file.rules) checker.check(r);
}

}  // namespace claimcheck::rules
