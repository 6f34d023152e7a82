// The rule language's X3 grammar. Keywords commit the parse with expectation points, so a
// mistake is reported where it is, with what was expected there.
#include "engine/rules/parser.hpp"

#include <algorithm>
#include <boost/spirit/home/x3.hpp>
#include <fstream>
#include <map>
#include <sstream>

namespace claimcheck::rules {
namespace {

namespace x3 = boost::spirit::x3;
using iterator = char const*;

struct base_tag;  // the start of the file, for offsets
struct rule_tag;  // the rule being parsed
Rule& current(auto& ctx) {
  return x3::get<rule_tag>(ctx).get();
}
std::size_t offset(auto& ctx, iterator it) {
  return static_cast<std::size_t>(it - x3::get<base_tag>(ctx));
}

/// Parses its subject (a NodePtr) and stamps the node with where it started.
template <typename Subject>
struct positioned_directive : x3::unary_parser<Subject, positioned_directive<Subject>> {
  using base = x3::unary_parser<Subject, positioned_directive<Subject>>;
  using attribute_type = NodePtr;
  static bool const has_attribute = true;
  explicit positioned_directive(Subject const& subject) : base(subject) {}
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx& rctx, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    It start = first;
    NodePtr node;
    if (!this->subject.parse(first, last, ctx, rctx, node)) return false;
    if (node) node->pos = offset(ctx, start);
    x3::traits::move_to(node, attr);
    return true;
  }
};
struct positioned_gen {
  template <typename Subject>
  positioned_directive<typename x3::extension::as_parser<Subject>::value_type> operator[](
      Subject const& s) const {
    return positioned_directive<typename x3::extension::as_parser<Subject>::value_type>(
        x3::as_parser(s));
  }
};
positioned_gen const positioned{};

/// Records the current position in a member of the rule being parsed.
template <std::size_t Rule::*Member>
struct mark_parser : x3::parser<mark_parser<Member>> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr&) const {
    x3::skip_over(first, last, ctx);
    current(ctx).*Member = offset(ctx, first);
    return true;
  }
};
template <std::size_t Rule::*Member>
inline constexpr mark_parser<Member> mark{};

inline auto kw(char const* word) {
  return x3::lexeme[x3::lit(word) >> !(x3::alnum | x3::char_("_-"))];
}

auto const skipper = x3::space | x3::lexeme['#' >> *(x3::char_ - x3::eol)];

x3::rule<class identifier_class, std::string> const identifier =
    "a rule id (letters, digits, - and _)";
x3::rule<class name_class, std::string> const name = "a name";
x3::rule<class string_class, std::string> const quoted = "a string in double quotes";
auto const identifier_def =
    x3::lexeme[(x3::alpha | x3::char_('_')) >> *(x3::alnum | x3::char_("_-"))];
auto const name_def = x3::lexeme[(x3::alpha | x3::char_('_')) >> *(x3::alnum | x3::char_('_'))];
auto const quoted_def = x3::lexeme['"' > *(('\\' > x3::char_) | ~x3::char_("\"\n")) > '"'];

x3::rule<class expr_class, NodePtr> const expr = "an expression";
x3::rule<class or_class, NodePtr> const or_expr = "an expression";
x3::rule<class and_class, NodePtr> const and_expr = "an expression";
x3::rule<class not_class, NodePtr> const not_expr = "an expression";
x3::rule<class primary_class, NodePtr> const primary = "an expression";
x3::rule<class operand_class, NodePtr> const operand =
    "a field (a.x or b.x), a function call, a number or a string";
x3::rule<class path_class, NodePtr> const path = "a field";
x3::rule<class call_class, NodePtr> const call = "a function call";
x3::rule<class args_class, std::vector<NodePtr>> const arguments = "arguments";
x3::rule<class cmp_op_class, std::string> const cmp_op = "== or !=";

auto const make_path = [](auto& ctx) {
  auto& a = x3::_attr(ctx);
  auto n = std::make_shared<Node>();
  n->kind = Node::path;
  n->side = boost::fusion::at_c<0>(a);
  n->text = boost::fusion::at_c<1>(a);
  x3::_val(ctx) = n;
};
auto const path_def = x3::lexeme[x3::char_("ab") >> '.' >> name][make_path];

auto const make_call = [](auto& ctx) {
  auto& a = x3::_attr(ctx);
  auto n = std::make_shared<Node>();
  n->kind = Node::call;
  n->text = boost::fusion::at_c<0>(a);
  n->args = boost::fusion::at_c<1>(a);
  x3::_val(ctx) = n;
};
auto const arguments_def = -(expr % ',');
auto const call_def = (name >> '(' > arguments > ')')[make_call];

auto const make_number = [](auto& ctx) {
  auto n = std::make_shared<Node>();
  n->kind = Node::number;
  n->value = x3::_attr(ctx);
  x3::_val(ctx) = n;
};
auto const make_string = [](auto& ctx) {
  auto n = std::make_shared<Node>();
  n->kind = Node::string;
  n->text = x3::_attr(ctx);
  x3::_val(ctx) = n;
};
auto const assign = [](auto& ctx) { x3::_val(ctx) = x3::_attr(ctx); };
x3::rule<class number_node_class, NodePtr> const number_node = "a number";
x3::rule<class string_node_class, NodePtr> const string_node = "a string";
auto const number_node_def = x3::double_[make_number];
auto const string_node_def = quoted[make_string];
auto const operand_def = positioned[path | call | number_node | string_node];

/// Keeps the left operand, or builds a comparison when an operator follows.
auto const set_left = [](auto& ctx) { x3::_val(ctx) = x3::_attr(ctx); };
auto const make_compare = [](auto& ctx) {
  auto& a = x3::_attr(ctx);
  auto n = std::make_shared<Node>();
  n->kind = Node::compare;
  n->pos = x3::_val(ctx)->pos;
  n->text = boost::fusion::at_c<0>(a);
  n->args = {x3::_val(ctx), boost::fusion::at_c<1>(a)};
  x3::_val(ctx) = n;
};
auto const cmp_op_def = x3::string("==") | x3::string("!=");
auto const primary_def =
    ('(' > expr > ')')[assign] | (operand[set_left] >> -((cmp_op > operand)[make_compare]));

auto const make_not = [](auto& ctx) {
  auto n = std::make_shared<Node>();
  n->kind = Node::not_;
  n->pos = x3::_attr(ctx)->pos;
  n->args = {x3::_attr(ctx)};
  x3::_val(ctx) = n;
};
auto const not_expr_def = (kw("not") > not_expr)[make_not] | primary[assign];

/// The first operand of an and/or chain, then each further one joins the chain.
template <Node::Kind K>
auto const chain_next = [](auto& ctx) {
  auto& v = x3::_val(ctx);
  if (v->kind != K || v->pos == static_cast<std::size_t>(-1)) {
    auto n = std::make_shared<Node>();
    n->kind = K;
    n->pos = v->pos;
    n->args.push_back(v);
    v = n;
  }
  v->args.push_back(x3::_attr(ctx));
};
auto const and_expr_def = not_expr[set_left] >>
                          *(kw("and") >> x3::expect[not_expr][chain_next<Node::and_>]);
auto const or_expr_def = and_expr[set_left] >>
                         *(kw("or") >> x3::expect[and_expr][chain_next<Node::or_>]);
auto const expr_def = or_expr[assign];

BOOST_SPIRIT_DEFINE(identifier, name, quoted, expr, or_expr, and_expr, not_expr, primary, operand,
                    path, call, arguments, cmp_op, number_node, string_node)

auto const set_about = [](auto& ctx) { current(ctx).about = x3::_attr(ctx); };
auto const set_pair = [](auto& ctx) { current(ctx).pair = x3::_attr(ctx); };
auto const set_join = [](auto& ctx) { current(ctx).join = x3::_attr(ctx); };
auto const set_report = [](auto& ctx) { current(ctx).report = x3::_attr(ctx); };
auto const set_among = [](auto& ctx) { current(ctx).among = x3::_attr(ctx); };
auto const set_when = [](auto& ctx) { current(ctx).when = x3::_attr(ctx); };
auto const set_verdict = [](auto& ctx) { current(ctx).verdict = x3::_attr(ctx); };
auto const set_explain = [](auto& ctx) { current(ctx).explain = x3::_attr(ctx); };
auto const set_id = [](auto& ctx) { current(ctx).id = x3::_attr(ctx); };

x3::rule<class kind_list_class, std::vector<std::string>> const kind_list = "a fact kind";
auto const kind_list_def = identifier % ',';
x3::rule<class field_list_class, std::vector<std::string>> const field_list = "a fact field";
auto const field_list_def = name % ',';
BOOST_SPIRIT_DEFINE(kind_list, field_list)

auto const clause =
    (kw("about") >> mark<&Rule::about_pos> >> x3::expect[kind_list][set_about]) |
    (kw("pair") >> mark<&Rule::pair_pos> >> x3::expect[identifier][set_pair]) |
    (kw("join") >> mark<&Rule::join_pos> >> x3::expect[field_list][set_join]) |
    (kw("report") >> mark<&Rule::report_pos> >> x3::expect[identifier][set_report]) |
    (kw("among") >> mark<&Rule::among_pos> >> x3::expect[identifier][set_among]) |
    (kw("when") >> x3::expect[expr][set_when]) |
    (kw("verdict") >> mark<&Rule::verdict_pos> >> x3::expect[identifier][set_verdict]) |
    (kw("explain") >> mark<&Rule::explain_pos> >> x3::expect[quoted][set_explain]);
x3::rule<class clause_class> const clause_rule =
    "a clause (about, pair, join, report, among, when, verdict or explain) or the next 'rule'";
auto const clause_rule_def = clause;
BOOST_SPIRIT_DEFINE(clause_rule)

/// Describes what an expectation failure wanted, in words: a rule's name, or a quoted
/// literal character (X3 names a literal 'x' either as x or as 'x').
std::string expected_text(const x3::expectation_failure<iterator>& e) {
  std::string which = e.which();
  if (which.size() == 1) return "'" + which + "'";
  return which;
}

std::string line_of(const std::string& text, std::size_t pos, std::size_t& line_no,
                    std::size_t& col) {
  line_no = 1;
  std::size_t start = 0;
  for (std::size_t i = 0; i < pos && i < text.size(); ++i)
    if (text[i] == '\n') ++line_no, start = i + 1;
  col = 1;
  for (std::size_t i = start; i < pos && i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++col;
  auto end = text.find('\n', start);
  return text.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

/// The comment lines right above `pos` (up to a blank line), without their '#'.
std::string comment_above(const std::string& text, std::size_t pos) {
  std::vector<std::string> lines;
  std::size_t line_start = text.rfind('\n', pos == 0 ? 0 : pos - 1);
  while (line_start != std::string::npos && line_start > 0) {
    std::size_t prev = text.rfind('\n', line_start - 1);
    std::size_t b = prev == std::string::npos ? 0 : prev + 1;
    std::string line = text.substr(b, line_start - b);
    auto first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] != '#') break;
    line = line.substr(first + 1);
    if (!line.empty() && line[0] == ' ') line.erase(0, 1);
    lines.insert(lines.begin(), line);
    if (prev == std::string::npos) break;
    line_start = prev;
  }
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

}  // namespace

Diagnostic diagnostic_at(const std::string& path, const std::string& text, std::size_t pos,
                         std::string message) {
  std::size_t line = 0, col = 0;
  std::string source_line = line_of(text, pos, line, col);
  message += "\n  " + source_line + "\n  " + std::string(col - 1, ' ') + "^";
  return Diagnostic{path, static_cast<int>(line), static_cast<int>(col), std::move(message)};
}

RuleFile parse_rules(std::string path, std::string text, std::vector<Diagnostic>& errors) {
  RuleFile file;
  file.path = path;
  file.text = std::move(text);
  iterator const begin = file.text.data();
  iterator const end = begin + file.text.size();
  iterator it = begin;
  for (;;) {
    while (it != end && (std::isspace(static_cast<unsigned char>(*it)) || *it == '#')) {
      if (*it == '#')
        it = std::find(it, end, '\n');
      else
        ++it;
    }
    if (it == end) break;
    Rule rule;
    rule.file = path;
    auto ref = std::ref(rule);
    auto body = x3::with<base_tag>(begin)[x3::with<rule_tag>(
        ref)[mark<&Rule::pos> >> kw("rule") >> x3::expect[identifier][set_id] >> *clause_rule >>
             x3::expect[&kw("rule") | x3::eoi]]];
    iterator start = it;
    try {
      bool ok = x3::phrase_parse(it, end, body, skipper);
      if (!ok) {
        errors.push_back(diagnostic_at(path, file.text, static_cast<std::size_t>(start - begin),
                                       "expected 'rule' to start a rule"));
        break;
      }
      rule.comment = comment_above(file.text, rule.pos);
      file.rules.push_back(std::move(rule));
    } catch (const x3::expectation_failure<iterator>& e) {
      // point at the next token, past spaces and comments
      iterator at = e.where();
      for (;;) {
        while (at != end && std::isspace(static_cast<unsigned char>(*at))) ++at;
        if (at != end && *at == '#') {
          at = std::find(at, end, '\n');
          continue;
        }
        break;
      }
      if (at == end) at = e.where();  // nothing follows: point where it stopped
      std::string what = expected_text(e);
      if (what.find("eoi") != std::string::npos || what.find("alternative") != std::string::npos)
        what =
            "a clause (about, pair, join, report, among, when, verdict or explain) or the next "
            "'rule'";
      errors.push_back(
          diagnostic_at(path, file.text, static_cast<std::size_t>(at - begin), "expected " + what));
      // resume at the next line starting with 'rule'
      iterator next = e.where();
      for (;;) {
        next = std::find(next, end, '\n');
        if (next == end) break;
        ++next;
        if (end - next >= 5 && std::string(next, next + 5) == "rule ") break;
      }
      it = next;
    }
  }
  return file;
}

std::vector<RuleFile> load_rules(const std::filesystem::path& dir, const Lexicon& lexicon) {
  std::vector<Diagnostic> errors;
  std::vector<RuleFile> files;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    throw DataError({Diagnostic{dir.string(), 0, 0, "not a folder of .rules files"}});
  std::vector<std::filesystem::path> paths;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".rules") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  if (paths.empty())
    throw DataError({Diagnostic{dir.string(), 0, 0, "no .rules files in this folder"}});
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    auto file = parse_rules(p.string(), buf.str(), errors);
    check_rules(file, lexicon, errors);
    files.push_back(std::move(file));
  }
  // rule ids are unique across files
  std::map<std::string, std::string> seen;
  for (const auto& f : files)
    for (const auto& r : f.rules) {
      auto [it, fresh] = seen.emplace(r.id, f.path);
      if (!fresh)
        errors.push_back(diagnostic_at(f.path, f.text, r.pos,
                                       "rule '" + r.id + "' is already defined in " + it->second));
    }
  if (!errors.empty()) throw DataError(std::move(errors));
  return files;
}

}  // namespace claimcheck::rules
