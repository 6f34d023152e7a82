// Loads the lexicon data files (grammar/lexicon/*.tsv and grammar/lexicon/ar/*.tsv) into
// the id registries and the grammar's symbol tables, collecting every problem with its
// file and line.
#include "grammar/lexicon.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "grammar/ar/tables.hpp"
#include "grammar/text.hpp"

#ifndef CLAIMCHECK_SOURCE_DATA_DIR
#define CLAIMCHECK_SOURCE_DATA_DIR ""
#endif
#ifndef CLAIMCHECK_INSTALL_DATA_DIR
#define CLAIMCHECK_INSTALL_DATA_DIR "/usr/local/share/claimcheck"
#endif

namespace claimcheck {

std::string Diagnostic::format() const {
  std::ostringstream out;
  out << file;
  if (line > 0) out << ':' << line;
  if (column > 0) out << ':' << column;
  out << ": " << message;
  return out.str();
}

namespace {
std::string join_diagnostics(const std::vector<Diagnostic>& ds) {
  std::string s;
  for (const auto& d : ds) {
    if (!s.empty()) s += '\n';
    s += d.format();
  }
  return s;
}
}  // namespace

DataError::DataError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join_diagnostics(diagnostics)), diagnostics_(std::move(diagnostics)) {}

Lexicon::Lexicon() : tables_(std::make_unique<Tables>()) {}
Lexicon::~Lexicon() = default;

const PredicateInfo* Lexicon::find_predicate(std::string_view id) const {
  for (const auto& p : predicates_)
    if (p.id == id) return &p;
  return nullptr;
}

const ObjectInfo* Lexicon::find_object(std::string_view id) const {
  for (const auto& o : objects_)
    if (o.id == id) return &o;
  return nullptr;
}

std::string Lexicon::canonical_organisation(const std::string& id) const {
  auto it = aliases_.find(id);
  return it == aliases_.end() ? id : it->second;
}

std::string Lexicon::display_name(const std::string& id) const {
  if (auto it = display_.find(id); it != display_.end()) return it->second;
  auto slash = id.find('/');
  if (slash != std::string::npos) {
    auto generic = display_.find("*/" + id.substr(slash + 1));
    auto country = display_.find(id.substr(0, slash));
    if (generic != display_.end() && country != display_.end())
      return country->second + "'s " + generic->second;
  }
  return id;
}

bool Lexicon::knows_country(std::string_view code) const {
  return countries_.count(code) > 0;
}
bool Lexicon::knows_organisation(std::string_view id) const {
  if (organisations_.count(id)) return true;
  // national bodies: CC/slug where */slug is known
  auto slash = id.find('/');
  if (slash == std::string_view::npos) return false;
  std::string generic = "*/" + std::string(id.substr(slash + 1));
  return organisations_.count(generic) > 0 && knows_country(id.substr(0, slash));
}
bool Lexicon::knows_family(std::string_view family) const {
  return families_.count(family) > 0;
}

int Lexicon::find_unit(std::string_view id) const {
  for (std::size_t i = 0; i < units_.size(); ++i)
    if (units_[i].id == id) return static_cast<int>(i);
  return -1;
}

bool Lexicon::knows_unit_base(std::string_view base) const {
  return std::any_of(units_.begin(), units_.end(), [&](const UnitInfo& u) { return u.base == base; });
}

std::vector<std::string> Lexicon::ids(std::string_view kind) const {
  std::vector<std::string> out;
  if (kind == "predicate")
    for (const auto& p : predicates_) out.push_back(p.id);
  else if (kind == "object") {
    for (const auto& o : objects_) out.push_back(o.id);
    for (const auto& u : units_)
      if (std::find(out.begin(), out.end(), u.base) == out.end()) out.push_back(u.base);
  }
  else if (kind == "family")
    out.assign(families_.begin(), families_.end());
  else if (kind == "country")
    out.assign(countries_.begin(), countries_.end());
  else if (kind == "organisation")
    out.assign(organisations_.begin(), organisations_.end());
  return out;
}

std::filesystem::path default_data_dir() {
  if (const char* env = std::getenv("CLAIMCHECK_DATA"); env && *env) return env;
  std::filesystem::path source = CLAIMCHECK_SOURCE_DATA_DIR;
  std::error_code ec;
  if (!source.empty() && std::filesystem::exists(source / "grammar" / "lexicon", ec)) return source;
  return CLAIMCHECK_INSTALL_DATA_DIR;
}

/// Reads the data files; one instance per load.
class LexiconLoader {
 public:
  explicit LexiconLoader(Lexicon& lex) : lex_(lex), t_(*lex.tables_) {}

  void load(const std::filesystem::path& dir) {
    auto common = dir;
    auto ar = dir / "ar";
    each_line(ar / "numbers.tsv", 3, [&](auto& f) { numbers(f); });
    each_line(ar / "qualifiers.tsv", 3, [&](auto& f) { qualifiers(f); });
    each_line(ar / "cues.tsv", 2, [&](auto& f) { cues(f); });
    each_line(ar / "time.tsv", 3, [&](auto& f) { times(f); });
    each_line(ar / "units.tsv", 5, [&](auto& f) { units(f); });
    each_line(common / "countries.tsv", 8, [&](auto& f) { country(f); });
    each_line(common / "organisations.tsv", 3, [&](auto& f) { organisation(f); });
    each_line(common / "predicates.tsv", 5, [&](auto& f) { predicate(f); });
    each_line(common / "objects.tsv", 5, [&](auto& f) { object(f); });
    check_references();
    if (!errors_.empty()) throw DataError(std::move(errors_));
  }

 private:
  using Fields = std::vector<std::string>;

  Lexicon& lex_;
  Lexicon::Tables& t_;
  std::vector<Diagnostic> errors_;
  std::string file_;
  int line_ = 0;
  // form → id per table, to report one form given two meanings
  std::unordered_map<const void*, std::unordered_map<std::u32string, std::string>> seen_;
  std::unordered_map<std::string, int> object_index_, predicate_index_;
  std::unordered_map<std::string, std::vector<std::pair<std::u32string, bool>>>
      object_forms_;  // form, dual
  struct PendingDefault {
    std::string predicate;
    std::string file;
    int line;
  };
  std::vector<PendingDefault> pending_defaults_;

  void error(std::string message, int column = 0) {
    errors_.push_back(Diagnostic{file_, line_, column, std::move(message)});
  }

  template <typename Fn>
  void each_line(const std::filesystem::path& path, std::size_t columns, Fn&& fn) {
    file_ = path.string();
    line_ = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      error("cannot open lexicon file");
      return;
    }
    std::string text;
    while (std::getline(in, text)) {
      ++line_;
      if (!text.empty() && text.back() == '\r') text.pop_back();
      if (text.empty() || text[0] == '#') continue;
      if (auto bad = find_utf8_error(text)) {
        error("invalid UTF-8 at byte " + std::to_string(bad->offset + 1) +
              " of the line: " + bad->reason);
        continue;
      }
      Fields f;
      std::size_t start = 0;
      for (;;) {
        auto tab = text.find('\t', start);
        f.push_back(text.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos) break;
        start = tab + 1;
      }
      if (f.size() == 3 && columns == 3 && f[0] == "alias") {
        fn(f);
        continue;
      }
      if (f.size() != columns) {
        error("expected " + std::to_string(columns) + " tab-separated columns, found " +
              std::to_string(f.size()));
        continue;
      }
      fn(f);
    }
  }

  static std::vector<std::string> split_forms(const std::string& s) {
    std::vector<std::string> out;
    if (s == "-" || s.empty()) return out;
    std::size_t start = 0;
    for (;;) {
      auto bar = s.find('|', start);
      auto form = s.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
      if (!form.empty()) out.push_back(form);
      if (bar == std::string::npos) break;
      start = bar + 1;
    }
    return out;
  }

  /// Adds `key` to `table`, reporting a form that already means something else.
  template <typename Table, typename Value>
  void add(Table& table, const std::u32string& key, Value value, const std::string& meaning) {
    if (key.empty()) return;
    auto& seen = seen_[std::addressof(table)];
    auto [it, fresh] = seen.emplace(key, meaning);
    if (!fresh) {
      if (it->second != meaning)
        error("form '" + to_utf8(key) + "' already means " + it->second + ", cannot also mean " +
              meaning);
      return;
    }
    table.add(key, value);
  }

  std::optional<double> number(const std::string& s) {
    try {
      std::size_t used = 0;
      double v = std::stod(s, &used);
      if (used == s.size()) return v;
    } catch (...) {
    }
    error("expected a number, found '" + s + "'");
    return std::nullopt;
  }

  void numbers(Fields& f) {
    static const std::map<std::string, value_table Lexicon::Tables::*> classes{
        {"unit", &Lexicon::Tables::unit},     {"teenhead", &Lexicon::Tables::teenhead},
        {"teen10", &Lexicon::Tables::teen10}, {"teen", &Lexicon::Tables::teen},
        {"ten", &Lexicon::Tables::ten},       {"hundred", &Lexicon::Tables::hundred},
        {"scale", &Lexicon::Tables::scale},   {"scale2", &Lexicon::Tables::scale2},
        {"scales", &Lexicon::Tables::scales}, {"fraction", &Lexicon::Tables::fraction},
        {"vague", &Lexicon::Tables::vague},   {"percent", &Lexicon::Tables::percent},
        {"ordinal", &Lexicon::Tables::ordinal}, {"ordinal_part", &Lexicon::Tables::ordinal_part},
        {"minus", &Lexicon::Tables::minus},   {"percent_pre", &Lexicon::Tables::percent_pre},
        {"denominator", &Lexicon::Tables::denominator},
        {"part_of", &Lexicon::Tables::part_of},
        {"ordinal_end", &Lexicon::Tables::ordinal_end},
        {"ordinal_current", &Lexicon::Tables::ordinal_current}};
    auto it = classes.find(f[0]);
    if (it == classes.end()) return error("unknown number class '" + f[0] + "'", 1);
    auto v = number(f[1]);
    if (!v) return;
    for (const auto& form : split_forms(f[2]))
      add(t_.*(it->second), normalise_key(form), *v, f[0] + " " + f[1]);
  }

  void units(Fields& f) {
    static const std::set<std::string> dims{"money", "quantity", "volume", "temperature",
                                            "duration"};
    if (!dims.count(f[1]))
      return error("unknown dimension '" + f[1] +
                   "' (expected money, quantity, volume, temperature or duration)", 2);
    auto factor = number(f[3]);
    if (!factor) return;
    int index = static_cast<int>(lex_.units_.size());
    lex_.units_.push_back(UnitInfo{f[0], f[1], f[2], *factor});
    for (auto form : split_forms(f[4])) {
      bool counted = form.rfind("n:", 0) == 0;
      if (counted) {
        add(t_.unit_counted, normalise_key(form.substr(2)), index, "unit " + f[0]);
        continue;
      }
      bool dual = form.rfind("2:", 0) == 0;
      if (dual) form = form.substr(2);
      std::u32string key = normalise_key(form);
      add(dual ? t_.unit_dual : t_.unit_word, key, index, "unit " + f[0]);
      // a sign or a Latin code may also stand before the number ($10, USD 10)
      bool sign = !key.empty() && std::all_of(key.begin(), key.end(), [](char32_t c) {
        return (c < 0x80 && !(c >= U'0' && c <= U'9')) || (c >= 0xA2 && c <= 0xA5) || c == 0x20AC;
      });
      if (sign && !dual) add(t_.unit_sign, key, index, "unit " + f[0]);
    }
  }

  void qualifiers(Fields& f) {
    static const std::map<std::string, int> ops{
        {">", op_gt}, {">=", op_ge}, {"<", op_lt}, {"<=", op_le}, {"~", op_approx}, {"=", op_eq}};
    auto op = ops.find(f[0]);
    if (op == ops.end())
      return error("unknown qualifier operator '" + f[0] + "' (expected > >= < <= ~ =)", 1);
    index_table* table = f[1] == "pre"    ? std::addressof(t_.qualifier_pre)
                         : f[1] == "post" ? std::addressof(t_.qualifier_post)
                                          : nullptr;
    if (!table) return error("expected position 'pre' or 'post', found '" + f[1] + "'");
    for (const auto& form : split_forms(f[2])) add(*table, normalise_key(form), op->second, f[0]);
  }

  void cues(Fields& f) {
    static const std::map<std::string, index_table Lexicon::Tables::*> kinds{
        {"attribution", &Lexicon::Tables::attribution},
        {"absence", &Lexicon::Tables::absence},
        {"anaphor", &Lexicon::Tables::anaphor},
        {"preposition", &Lexicon::Tables::preposition},
        {"comitative", &Lexicon::Tables::comitative}};
    auto it = kinds.find(f[0]);
    if (it == kinds.end()) return error("unknown cue kind '" + f[0] + "'", 1);
    for (const auto& form : split_forms(f[1])) add(t_.*(it->second), normalise_key(form), 0, f[0]);
  }

  void times(Fields& f) {
    if (f[0] == "month") {
      auto v = number(f[1]);
      if (!v || *v < 1 || *v > 12) return error("month must be 1–12");
      for (const auto& form : split_forms(f[2]))
        add(t_.month, normalise_key(form), static_cast<int>(*v), "month " + f[1]);
      return;
    }
    if (f[0] == "relative") {
      auto colon = f[1].find(':');
      std::string unit = f[1].substr(0, colon);
      if (colon == std::string::npos ||
          (unit != "year" && unit != "month" && unit != "week" && unit != "day" && unit != "now" &&
           unit != "decade"))
        return error("expected year:N, month:N, week:N, day:N, decade:N or now:0, found '" + f[1] +
                     "'");
      RelativeTime rel{unit == "decade" ? 'D' : unit[0], 0};
      try {
        rel.offset = std::stoi(f[1].substr(colon + 1));
      } catch (...) {
        return error("expected an offset after ':' in '" + f[1] + "'");
      }
      int index = static_cast<int>(lex_.relatives_.size());
      lex_.relatives_.push_back(rel);
      for (const auto& form : split_forms(f[2]))
        add(t_.relative, normalise_key(form), index, "relative " + f[1]);
      return;
    }
    static const std::map<std::string, index_table Lexicon::Tables::*> kinds{
        {"year", &Lexicon::Tables::year_word},
        {"in", &Lexicon::Tables::in_cue},
        {"since", &Lexicon::Tables::since_cue},
        {"until", &Lexicon::Tables::until_cue},
        {"start", &Lexicon::Tables::start_word}};
    static const std::map<std::string, index_table Lexicon::Tables::*> valued{
        {"weekday", &Lexicon::Tables::weekday},
        {"direction", &Lexicon::Tables::direction},
        {"day_part", &Lexicon::Tables::day_part},
        {"middle", &Lexicon::Tables::middle},
        {"hijri_month", &Lexicon::Tables::hijri_month},
        {"season", &Lexicon::Tables::season},
        {"decade", &Lexicon::Tables::decade},
        {"period_part", &Lexicon::Tables::period_part},
        {"period_part_post", &Lexicon::Tables::period_part_post},
        {"period_noun", &Lexicon::Tables::period_noun},
        {"few", &Lexicon::Tables::few},
        {"whole", &Lexicon::Tables::whole},
        {"throughout", &Lexicon::Tables::throughout},
        {"anaphor_day", &Lexicon::Tables::anaphor_day}};
    if (f[0] == "holiday") return holiday(f);
    if (auto v = valued.find(f[0]); v != valued.end()) {
      auto n = number(f[1]);
      if (!n) return;
      for (const auto& form : split_forms(f[2]))
        add(t_.*(v->second), normalise_key(form), static_cast<int>(*n), f[0] + " " + f[1]);
      return;
    }
    auto it = kinds.find(f[0]);
    if (it == kinds.end()) return error("unknown time class '" + f[0] + "'", 1);
    for (const auto& form : split_forms(f[2])) add(t_.*(it->second), normalise_key(form), 0, f[0]);
  }

  /// holiday SPEC forms: MM-DD, hijri:MM-DD, nth:MM-W-N, easter:±N or -
  void holiday(Fields& f) {
    HolidayInfo h;
    const std::string& spec = f[1];
    auto forms = split_forms(f[2]);
    if (forms.empty()) return error("expected the holiday's forms", 3);
    h.id = forms.front();
    int a = 0, b = 0, c = 0;
    char tail = 0;
    if (spec == "-") {
      h.rule = '-';
    } else if (std::sscanf(spec.c_str(), "hijri:%d-%d%c", &a, &b, &tail) == 2) {
      h.rule = 'h', h.month = a, h.day = b;
    } else if (std::sscanf(spec.c_str(), "nth:%d-%d-%d%c", &a, &b, &c, &tail) == 3) {
      if (b < 1 || b > 7 || c == 0 || c < -1 || c > 5)
        return error("nth:MM-W-N needs a weekday 1–7 and N 1–5 or -1, found '" + spec + "'", 2);
      h.rule = 'n', h.month = a, h.weekday = b, h.nth = c;
    } else if (std::sscanf(spec.c_str(), "easter:%d%c", &a, &tail) == 1) {
      h.rule = 'e', h.offset = a;
    } else if (std::sscanf(spec.c_str(), "%d-%d%c", &a, &b, &tail) == 2) {
      h.rule = 'g', h.month = a, h.day = b;
    } else {
      return error("expected MM-DD, hijri:MM-DD, nth:MM-W-N, easter:±N or -, found '" + spec + "'",
                   2);
    }
    if ((h.rule == 'g' || h.rule == 'h' || h.rule == 'n') && (h.month < 1 || h.month > 12))
      return error("month must be 1–12 in '" + spec + "'", 2);
    if ((h.rule == 'g' || h.rule == 'h') && (h.day < 1 || h.day > (h.rule == 'h' ? 30 : 31)))
      return error("day out of range in '" + spec + "'", 2);
    int index = static_cast<int>(lex_.holidays_.size());
    lex_.holidays_.push_back(h);
    for (const auto& form : forms) add(t_.holiday, normalise_key(form), index, "holiday " + h.id);
  }

  int add_entity(const std::string& id, EntityType type, EntityRole role) {
    lex_.entities_.push_back(EntityInfo{id, type, role});
    return static_cast<int>(lex_.entities_.size() - 1);
  }

  /// Adds an entity form and, for forms with the article, its stem (for لل + stem).
  void add_entity_form(const std::u32string& key, int index, const std::string& id) {
    add(t_.entity, key, index, id);
    if (key.size() > 3 && key.compare(0, 2, U"\u0627\u0644") == 0)
      add(t_.entity_stem, key.substr(2), index, id);
  }

  /// Latin-script forms are matched in Arabic text only when they are acronyms (GCTF).
  static bool usable_in_arabic(const std::string& form) {
    bool latin = false;
    for (unsigned char c : form)
      if (c >= 0x80)
        return true;
      else if (c >= 'a' && c <= 'z')
        return false;
      else if (c >= 'A' && c <= 'Z')
        latin = true;
    return latin && form.size() >= 3;
  }

  void country(Fields& f) {
    const std::string& code = f[0];
    if (code.size() != 2 || !std::isupper(static_cast<unsigned char>(code[0])) ||
        !std::isupper(static_cast<unsigned char>(code[1])))
      return error("expected an ISO 3166-1 alpha-2 code in upper case, found '" + code + "'", 1);
    lex_.countries_.insert(code);
    if (auto en = split_forms(f[3]); !en.empty()) lex_.display_.emplace(code, en.front());
    int name = add_entity(code, EntityType::country, EntityRole::name);
    int adj = add_entity(code, EntityType::country, EntityRole::adjective);
    int capital = add_entity(code, EntityType::country, EntityRole::capital);
    for (const auto& form : split_forms(f[1])) add_entity_form(normalise_key(form), name, code);
    for (const auto& form : split_forms(f[2])) {
      auto key = normalise_key(form);
      for (const auto& variant : nisba_variants(key)) add_entity_form(variant, adj, code);
    }
    for (int col : {3, 5})
      for (const auto& form : split_forms(f[static_cast<std::size_t>(col)]))
        if (usable_in_arabic(form)) add_entity_form(normalise_key(form), name, code);
    for (const auto& form : split_forms(f[7]))
      if (usable_in_arabic(form)) add_entity_form(normalise_key(form), capital, code);
  }

  /// The forms of an Arabic nisba adjective given in the masculine singular.
  static std::vector<std::u32string> nisba_variants(const std::u32string& base) {
    const std::u32string al = U"\u0627\u0644";
    std::vector<std::u32string> stems{base};
    if (!base.empty() && base.back() == U'\u064A') {  // ends in ي
      stems.push_back(base + U"\u0647");              // ـية → ـيه
      stems.push_back(base + U"\u064A\u0646");        // ـيين
      stems.push_back(base + U"\u0648\u0646");        // ـيون
      stems.push_back(base + U"\u062A\u064A\u0646");  // ـيتين
    }
    std::vector<std::u32string> out;
    for (const auto& s : stems) {
      out.push_back(s);
      if (s.compare(0, 2, al) != 0) out.push_back(al + s);
    }
    return out;
  }

  void organisation(Fields& f) {
    if (f[0] == "alias") {
      lex_.aliases_[f[1]] = f[2];
      return;
    }
    const std::string& id = f[0];
    auto slash = id.find('/');
    if (slash != std::string::npos) {
      std::string cc = id.substr(0, slash);
      if (cc != "*" && !lex_.countries_.count(cc))
        return error("unknown country '" + cc + "' in organisation id '" + id + "'", 1);
    }
    for (char c : id.substr(slash == std::string::npos ? 0 : slash + 1))
      if (!(std::islower(static_cast<unsigned char>(c)) ||
            std::isdigit(static_cast<unsigned char>(c)) || c == '_'))
        return error("organisation slugs are lower-case snake-case, found '" + id + "'", 1);
    lex_.organisations_.insert(id);
    if (f[1] == "en")
      if (auto en = split_forms(f[2]); !en.empty() && !lex_.display_.count(id))
        lex_.display_.emplace(
            id, (slash == std::string::npos || id[0] != '*' ? "the " : "") + en.front());
    int index = add_entity(id, EntityType::organisation, EntityRole::body);
    for (const auto& form : split_forms(f[2]))
      if (f[1] == "ar" || usable_in_arabic(form)) add_entity_form(normalise_key(form), index, id);
  }

  static bool is_concept_id(const std::string& id) {
    if (id.empty()) return false;
    for (char c : id)
      if (!(std::islower(static_cast<unsigned char>(c)) ||
            std::isdigit(static_cast<unsigned char>(c)) || c == '_'))
        return false;
    return true;
  }

  void predicate(Fields& f) {
    const std::string& id = f[0];
    if (!is_concept_id(id))
      return error("predicate ids are lower-case snake-case, found '" + id + "'", 1);
    static const std::map<std::string, PredicateKind> kinds{
        {"action", PredicateKind::action},
        {"event", PredicateKind::event},
        {"existence", PredicateKind::existence},
        {"membership", PredicateKind::membership}};
    auto kind = kinds.find(f[2]);
    if (kind == kinds.end())
      return error("unknown predicate kind '" + f[2] + "' (action, event, existence, membership)");
    std::string family = f[1] == "-" ? "" : f[1];
    if (!family.empty() && !is_concept_id(family))
      return error("family ids are lower-case snake-case, found '" + family + "'");
    auto [it, fresh] = predicate_index_.emplace(id, static_cast<int>(lex_.predicates_.size()));
    if (fresh) {
      lex_.predicates_.push_back(PredicateInfo{id, family, kind->second});
      if (!family.empty()) lex_.families_.insert(family);
    } else {
      const auto& known = lex_.predicates_[static_cast<std::size_t>(it->second)];
      if (known.family != family || known.kind != kind->second)
        return error("predicate '" + id + "' was declared earlier with another family or kind");
    }
    if (f[3] != "ar") return;  // other languages' forms load with their grammars
    for (const auto& form : split_forms(f[4]))
      add(t_.predicate, normalise_key(form), it->second, id);
  }

  void object(Fields& f) {
    const std::string& id = f[0];
    if (!is_concept_id(id))
      return error("object ids are lower-case snake-case, found '" + id + "'", 1);
    auto [it, fresh] = object_index_.emplace(id, static_cast<int>(lex_.objects_.size()));
    if (fresh) lex_.objects_.push_back(ObjectInfo{id, {}, ""});
    auto& info = lex_.objects_[static_cast<std::size_t>(it->second)];
    if (f[2] != "-") {
      if (!info.default_predicate.empty() && info.default_predicate != f[2])
        return error("object '" + id + "' has two default predicates");
      info.default_predicate = f[2];
      pending_defaults_.push_back({f[2], file_, line_});
    }
    const std::string& head = f[1];
    if (head != "-" && std::find(info.heads.begin(), info.heads.end(), head) == info.heads.end()) {
      if (!object_index_.count(head))
        return error("unknown head object '" + head + "' (define it on an earlier line)");
      info.heads.push_back(head);
    }
    if (f[3] != "ar") return;
    const std::u32string al = U"\u0627\u0644";
    auto definite = [&](const std::u32string& phrase) {
      std::u32string out;
      std::size_t start = 0;
      while (start <= phrase.size()) {
        auto sp = phrase.find(U' ', start);
        auto word =
            phrase.substr(start, sp == std::u32string::npos ? std::u32string::npos : sp - start);
        if (!out.empty()) out += U' ';
        out += word.compare(0, 2, al) == 0 ? word : al + word;
        if (sp == std::u32string::npos) break;
        start = sp + 1;
      }
      return out;
    };
    std::vector<std::pair<std::u32string, bool>> phrases;
    for (auto form : split_forms(f[4])) {
      bool dual = form.rfind("2:", 0) == 0;
      if (dual) form = form.substr(2);
      auto key = normalise_key(form);
      if (head == "-") {
        phrases.emplace_back(key, dual);
        object_forms_[id].emplace_back(key, dual);
      } else {
        if (dual) error("mark duals on the head noun's line, not on a qualifier");
        for (const auto& [base, base_dual] : object_forms_[head])
          phrases.emplace_back(base + U' ' + key, base_dual);
      }
    }
    for (const auto& [p, dual] : phrases) {
      add(t_.object, p, it->second, id);
      add(t_.object, definite(p), it->second, id);
      if (dual) add(t_.object_dual, p, it->second, id);
    }
  }

  void check_references() {
    for (const auto& p : pending_defaults_)
      if (!predicate_index_.count(p.predicate))
        errors_.push_back(
            Diagnostic{p.file, p.line, 3, "unknown default predicate '" + p.predicate + "'"});
  }
};

std::shared_ptr<const Lexicon> Lexicon::load(const std::filesystem::path& dir) {
  std::shared_ptr<Lexicon> lex(new Lexicon());
  LexiconLoader(*lex).load(dir);
  return lex;
}

}  // namespace claimcheck
