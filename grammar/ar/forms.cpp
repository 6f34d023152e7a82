// Loads the Arabic forms (grammar/lexicon/ar/*.tsv) into the Arabic symbol tables,
// checking every id against the neutral registries: number words, qualifiers, cues, time
// words, unit, country, organisation, predicate and object forms. The Arabic morphology
// of the lexicon lives here: nisba adjectives expanded to their feminine, definite and
// plural forms, the article added to counted nouns, ال-less stems of entity names.
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>

#include "grammar/ar/arabic.hpp"
#include "grammar/ar/tables.hpp"
#include "grammar/lexicon_builder.hpp"
#include "grammar/text.hpp"

namespace claimcheck::ar {

const Tables& tables(const Lexicon& lexicon) {
  static const std::size_t slot = static_cast<std::size_t>(
      std::find(grammars().begin(), grammars().end(), &grammar()) - grammars().begin());
  return static_cast<const Tables&>(*lexicon.forms_at(slot));
}

namespace {

using Fields = LexiconBuilder::Fields;

class FormsLoader {
 public:
  FormsLoader(LexiconBuilder& b, Tables& t) : b_(b), t_(t) {
    // The scanning rules a table's forms may begin (grammar/ar/*_def.hpp), after the
    // clitics and article the rules allow in front (with_conj, with_clitics, لل, ال).
    for (const void* table :
         {std::addressof(t.since_cue), std::addressof(t.until_cue), std::addressof(t.in_cue),
          std::addressof(t.year_word), std::addressof(t.month), std::addressof(t.relative)})
      starts_of_[table] = start_time;
    for (const void* table :
         {std::addressof(t.unit), std::addressof(t.teenhead), std::addressof(t.teen),
          std::addressof(t.ten), std::addressof(t.hundred), std::addressof(t.scale),
          std::addressof(t.scale2), std::addressof(t.scales), std::addressof(t.fraction),
          std::addressof(t.vague), std::addressof(t.minus), std::addressof(t.percent_pre)})
      starts_of_[table] = start_quantity;
    // units: the measure rule is tried where no quantity is read, and may begin with a
    // unit (سنتين، دولارين، كيلو ونصف، $10)
    for (const void* table :
         {std::addressof(t.absence), std::addressof(t.qualifier_pre), std::addressof(t.object_dual),
          std::addressof(t.unit_dual), std::addressof(t.unit_word), std::addressof(t.unit_counted),
          std::addressof(t.unit_sign)})
      starts_of_[table] = start_quantity;
    for (const void* table :
         {std::addressof(t.entity), std::addressof(t.entity_stem), std::addressof(t.anaphor)})
      starts_of_[table] = start_entity;
    starts_of_[std::addressof(t.predicate)] = start_predicate | start_clause;
    starts_of_[std::addressof(t.attribution)] = start_attribution;
    starts_of_[std::addressof(t.preposition)] = start_preposition;
    starts_of_[std::addressof(t.comitative)] = start_preposition;
    starts_of_[std::addressof(t.clause)] = start_clause;
    // a time after a cue (منذ، في، حتى) begins with a word that starts a time (a month, a
    // year word, a relative day, digits) or with «the start of» (مطلع، بداية): a cue starts
    // the time rule only before one (time_def.hpp time_expression)
    for (const void* table :
         {std::addressof(t.since_cue), std::addressof(t.until_cue), std::addressof(t.in_cue)})
      before_of_[table] = start_time | start_time_part;
    starts_of_[std::addressof(t.start_word)] = start_time_part;
    // words the rules spell out rather than read from a table: شهر before a month name
    // (time_def.hpp month_word), (ما) بين and من of ranges (time_def.hpp, quantity_def.hpp,
    // measure_def.hpp), whose ends are a year or an amount
    t.starts.add(U"\u0634\u0647\u0631", start_time);
    t.starts.add(U"\u0645\u0627 \u0628\u064A\u0646", start_time | start_quantity);
    for (const char32_t* word : {U"\u0628\u064A\u0646", U"\u0645\u0646"})
      t.starts.add_before(word, start_time | start_quantity, start_time | start_quantity);
    // و ف (conjunctions), ب ل ك (prepositions), ا ل (the article, and لل)
    t.starts.set_prefix_letters(U"\u0648\u0641\u0628\u0644\u0643\u0627", 4);
  }

  void load(const std::filesystem::path& dir) {
    b_.each_line(dir / "numbers.tsv", 3, [&](Fields& f) { numbers(f); });
    b_.each_line(dir / "qualifiers.tsv", 3, [&](Fields& f) { qualifiers(f); });
    b_.each_line(dir / "cues.tsv", 2, [&](Fields& f) { cues(f); });
    b_.each_line(dir / "time.tsv", 3, [&](Fields& f) { times(f); });
    b_.each_line(dir / "units.tsv", 2, [&](Fields& f) { units(f); });
    b_.each_line(dir / "countries.tsv", 4, [&](Fields& f) { country(f); });
    b_.each_line(dir / "organisations.tsv", 2, [&](Fields& f) { organisation(f); });
    if (std::filesystem::exists(dir / "places.tsv"))
      b_.each_line(dir / "places.tsv", 2, [&](Fields& f) { place(f); });
    b_.each_line(dir / "predicates.tsv", 2, [&](Fields& f) { predicate(f); });
    b_.each_line(dir / "objects.tsv", 3, [&](Fields& f) { object(f); });
    b_.each_line(dir / "plurals.tsv", 3, [&](Fields& f) { plurals(f); });
  }

 private:
  LexiconBuilder& b_;
  Tables& t_;
  std::map<std::u32string, int> capital_of_form_;  ///< a capital's form → its entity
  /// each object's own forms (form, dual), for the lines that narrow it
  std::unordered_map<std::string, std::vector<std::pair<std::u32string, bool>>> object_forms_;
  /// the scanning rules each table's forms may begin
  std::unordered_map<const void*, StartMask> starts_of_;
  /// for a table of cues, what the word after one of its forms must start (add_before)
  std::unordered_map<const void*, StartMask> before_of_;

  static std::vector<std::string> split(const std::string& s) {
    return LexiconBuilder::split_forms(s);
  }

  /// Adds `key` to `table`, reporting a form that already means something else, and its
  /// first word to the dispatch table for the rules that may begin with `table`.
  template <typename Table, typename Value>
  void add(Table& table, const std::u32string& key, Value value, const std::string& meaning) {
    if (!b_.claim_form(std::addressof(table), key, meaning)) return;
    table.add(key, value);
    if (auto it = starts_of_.find(std::addressof(table)); it != starts_of_.end()) {
      if (auto cue = before_of_.find(std::addressof(table)); cue != before_of_.end())
        t_.starts.add_before(key, it->second, cue->second);
      else
        t_.starts.add(key, it->second);
      // a dual noun may take the accusative ا (dual_noun in quantity_def.hpp)
      if (static_cast<const void*>(std::addressof(table)) == std::addressof(t_.object_dual))
        t_.starts.add(key + U'\u0627', it->second);
    }
  }
  void numbers(Fields& f) {
    static const std::map<std::string, value_table Tables::*> classes{
        {"unit", &Tables::unit},
        {"teenhead", &Tables::teenhead},
        {"teen10", &Tables::teen10},
        {"teen", &Tables::teen},
        {"ten", &Tables::ten},
        {"hundred", &Tables::hundred},
        {"scale", &Tables::scale},
        {"scale2", &Tables::scale2},
        {"scales", &Tables::scales},
        {"fraction", &Tables::fraction},
        {"vague", &Tables::vague},
        {"percent", &Tables::percent},
        {"ordinal", &Tables::ordinal},
        {"ordinal_part", &Tables::ordinal_part},
        {"minus", &Tables::minus},
        {"percent_pre", &Tables::percent_pre},
        {"denominator", &Tables::denominator},
        {"part_of", &Tables::part_of},
        {"ordinal_end", &Tables::ordinal_end},
        {"ordinal_current", &Tables::ordinal_current}};
    auto it = classes.find(f[0]);
    if (it == classes.end()) return b_.error("unknown number class '" + f[0] + "'", 1);
    auto v = b_.number(f[1]);
    if (!v) return;
    for (const auto& form : split(f[2]))
      add(t_.*(it->second), normalise_key(form), *v, f[0] + " " + f[1]);
  }

  void qualifiers(Fields& f) {
    static const std::map<std::string, int> ops{{">", op_gt},  {">=", op_ge},    {"<", op_lt},
                                                {"<=", op_le}, {"~", op_approx}, {"=", op_eq}};
    auto op = ops.find(f[0]);
    if (op == ops.end())
      return b_.error("unknown qualifier operator '" + f[0] + "' (expected > >= < <= ~ =)", 1);
    index_table* table = f[1] == "pre"    ? std::addressof(t_.qualifier_pre)
                         : f[1] == "post" ? std::addressof(t_.qualifier_post)
                                          : nullptr;
    if (!table) return b_.error("expected position 'pre' or 'post', found '" + f[1] + "'");
    for (const auto& form : split(f[2])) add(*table, normalise_key(form), op->second, f[0]);
  }

  void cues(Fields& f) {
    if (f[0] == "duration" || f[0] == "within") {
      for (const auto& form : split(f[1]))
        add(t_.duration_cue, normalise_key(form), f[0] == "within" ? 2 : 1, f[0]);
      return;
    }
    if (f[0] == "name_head" || f[0] == "classifier" || f[0] == "member_group" || f[0] == "charge" ||
        f[0] == "charge_of" || f[0] == "prison_term") {
      auto& set = f[0] == "name_head"     ? t_.name_head
                  : f[0] == "classifier"  ? t_.classifier
                  : f[0] == "prison_term" ? t_.prison_term
                  : f[0] == "charge"      ? t_.charge
                  : f[0] == "charge_of"   ? t_.charge_of
                                          : t_.member_group;
      for (const auto& form : split(f[1])) set.insert(normalise_key(form));
      return;
    }
    if (f[0] == "tally" || f[0] == "tally_link" || f[0] == "tally_phrase" || f[0] == "dimension" ||
        f[0] == "dimension_link") {
      auto& set = f[0] == "tally"            ? t_.tally
                  : f[0] == "tally_link"     ? t_.tally_link
                  : f[0] == "tally_phrase"   ? t_.tally_phrase
                  : f[0] == "dimension_link" ? t_.dimension_link
                                             : t_.dimension;
      for (auto form : split(f[1])) {
        // a dimension's synonym names its headword (علو=ارتفاع: one id for the altitude)
        if (auto eq = form.find('='); f[0] == "dimension" && eq != std::string::npos) {
          t_.singular_of.emplace(normalise_key(form.substr(0, eq)),
                                 normalise_key(form.substr(eq + 1)));
          form = form.substr(0, eq);
        }
        std::u32string key = normalise_key(form);
        if (key.find(U' ') != std::u32string::npos)
          return b_.error("a " + f[0] + " cue is one word, not '" + form + "'");
        set.insert(key);
      }
      return;
    }
    if (f[0] == "hypothetical" || f[0] == "background" || f[0] == "event_time" ||
        f[0] == "attributive_time") {
      auto& set = f[0] == "hypothetical" ? t_.hypothetical
                  : f[0] == "background" ? t_.background
                  : f[0] == "event_time" ? t_.event_time
                                         : t_.attributive_time;
      for (const auto& form : split(f[1])) {
        std::u32string key = normalise_key(form);
        if (std::count(key.begin(), key.end(), U' ') > 1)
          return b_.error("a " + f[0] + " cue is one word or two, not '" + form + "'");
        set.insert(key);
      }
      return;
    }
    if (f[0] == "people") {  // a number standing alone after these counts people
      auto person = b_.object("person", 1);
      if (!person) return;
      for (const auto& form : split(f[1])) add(t_.people_cue, normalise_key(form), *person, f[0]);
      return;
    }
    static const std::map<std::string, index_table Tables::*> kinds{
        {"attribution", &Tables::attribution},
        {"absence", &Tables::absence},
        {"anaphor", &Tables::anaphor},
        {"preposition", &Tables::preposition},
        {"comitative", &Tables::comitative},
        {"clause", &Tables::clause},
        {"label", &Tables::label},
        {"not_counted", &Tables::not_counted},
        {"one_of", &Tables::one_of},
        {"others", &Tables::others},
        {"term", &Tables::term_cue},
        {"measure_noun", &Tables::measure_noun},
        {"construct", &Tables::construct_noun}};
    auto it = kinds.find(f[0]);
    if (it == kinds.end()) return b_.error("unknown cue kind '" + f[0] + "'", 1);
    for (const auto& form : split(f[1])) add(t_.*(it->second), normalise_key(form), 0, f[0]);
  }

  void times(Fields& f) {
    if (f[0] == "month") {
      auto v = b_.number(f[1]);
      if (!v || *v < 1 || *v > 12) return b_.error("month must be 1–12");
      for (const auto& form : split(f[2]))
        add(t_.month, normalise_key(form), static_cast<int>(*v), "month " + f[1]);
      return;
    }
    if (f[0] == "relative") {
      auto colon = f[1].find(':');
      std::string unit = f[1].substr(0, colon);
      if (colon == std::string::npos || (unit != "year" && unit != "month" && unit != "week" &&
                                         unit != "day" && unit != "now" && unit != "decade"))
        return b_.error("expected year:N, month:N, week:N, day:N, decade:N or now:0, found '" +
                        f[1] + "'");
      RelativeTime rel{unit == "decade" ? 'D' : unit[0], 0};
      try {
        rel.offset = std::stoi(f[1].substr(colon + 1));
      } catch (...) {
        return b_.error("expected an offset after ':' in '" + f[1] + "'");
      }
      int index = b_.add_relative(rel);
      for (const auto& form : split(f[2]))
        add(t_.relative, normalise_key(form), index, "relative " + f[1]);
      return;
    }
    if (f[0] == "people") {  // a number standing alone after these counts people
      auto person = b_.object("person", 1);
      if (!person) return;
      for (const auto& form : split(f[1])) add(t_.people_cue, normalise_key(form), *person, f[0]);
      return;
    }
    static const std::map<std::string, index_table Tables::*> kinds{{"year", &Tables::year_word},
                                                                    {"in", &Tables::in_cue},
                                                                    {"since", &Tables::since_cue},
                                                                    {"until", &Tables::until_cue},
                                                                    {"start", &Tables::start_word}};
    static const std::map<std::string, index_table Tables::*> valued{
        {"weekday", &Tables::weekday},
        {"direction", &Tables::direction},
        {"day_part", &Tables::day_part},
        {"middle", &Tables::middle},
        {"hijri_month", &Tables::hijri_month},
        {"season", &Tables::season},
        {"decade", &Tables::decade},
        {"period_part", &Tables::period_part},
        {"period_part_post", &Tables::period_part_post},
        {"period_noun", &Tables::period_noun},
        {"few", &Tables::few},
        {"whole", &Tables::whole},
        {"throughout", &Tables::throughout},
        {"anaphor_day", &Tables::anaphor_day}};
    if (f[0] == "holiday") return holiday(f);
    if (auto v = valued.find(f[0]); v != valued.end()) {
      auto n = b_.number(f[1]);
      if (!n) return;
      for (const auto& form : split(f[2]))
        add(t_.*(v->second), normalise_key(form), static_cast<int>(*n), f[0] + " " + f[1]);
      return;
    }
    auto it = kinds.find(f[0]);
    if (it == kinds.end()) return b_.error("unknown time class '" + f[0] + "'", 1);
    for (const auto& form : split(f[2])) add(t_.*(it->second), normalise_key(form), 0, f[0]);
  }

  /// holiday SPEC forms: MM-DD, hijri:MM-DD, nth:MM-W-N, easter:±N or -
  void holiday(Fields& f) {
    HolidayInfo h;
    const std::string& spec = f[1];
    auto forms = split(f[2]);
    if (forms.empty()) return b_.error("expected the holiday's forms", 3);
    h.id = forms.front();
    int a = 0, b = 0, c = 0;
    char tail = 0;
    if (spec == "-") {
      h.rule = '-';
    } else if (std::sscanf(spec.c_str(), "hijri:%d-%d%c", &a, &b, &tail) == 2) {
      h.rule = 'h', h.month = a, h.day = b;
    } else if (std::sscanf(spec.c_str(), "nth:%d-%d-%d%c", &a, &b, &c, &tail) == 3) {
      if (b < 1 || b > 7 || c == 0 || c < -1 || c > 5)
        return b_.error("nth:MM-W-N needs a weekday 1–7 and N 1–5 or -1, found '" + spec + "'", 2);
      h.rule = 'n', h.month = a, h.weekday = b, h.nth = c;
    } else if (std::sscanf(spec.c_str(), "easter:%d%c", &a, &tail) == 1) {
      h.rule = 'e', h.offset = a;
    } else if (std::sscanf(spec.c_str(), "%d-%d%c", &a, &b, &tail) == 2) {
      h.rule = 'g', h.month = a, h.day = b;
    } else {
      return b_.error(
          "expected MM-DD, hijri:MM-DD, nth:MM-W-N, easter:±N or -, found '" + spec + "'", 2);
    }
    if ((h.rule == 'g' || h.rule == 'h' || h.rule == 'n') && (h.month < 1 || h.month > 12))
      return b_.error("month must be 1–12 in '" + spec + "'", 2);
    if ((h.rule == 'g' || h.rule == 'h') && (h.day < 1 || h.day > (h.rule == 'h' ? 30 : 31)))
      return b_.error("day out of range in '" + spec + "'", 2);
    int index = b_.add_holiday(h);
    for (const auto& form : forms) add(t_.holiday, normalise_key(form), index, "holiday " + h.id);
  }

  void units(Fields& f) {
    auto unit = b_.unit(f[0], 1);
    if (!unit) return;
    const int index = *unit;
    for (auto form : split(f[1])) {
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

  /// Adds an entity form and, for forms with the article, its stem (for لل + stem).
  void add_entity_form(const std::u32string& key, int index, const std::string& id) {
    add(t_.entity, key, index, id);
    if (key.size() > 3 && key.compare(0, 2, U"\u0627\u0644") == 0)
      add(t_.entity_stem, key.substr(2), index, id);
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

  void country(Fields& f) {
    const std::string& code = f[0];
    if (!b_.country(code, 1)) return;
    int name = b_.entity(code, EntityType::country, EntityRole::name);
    int adj = b_.entity(code, EntityType::country, EntityRole::adjective);
    int capital = b_.entity(code, EntityType::country, EntityRole::capital);
    for (const auto& form : split(f[1])) add_entity_form(normalise_key(form), name, code);
    for (const auto& form : split(f[2]))
      for (const auto& variant : nisba_variants(normalise_key(form)))
        add_entity_form(variant, adj, code);
    for (const auto& form : split(f[3])) {
      add_entity_form(normalise_key(form), capital, code);
      capital_of_form_.emplace(normalise_key(form), capital);
    }
  }

  /// code (ISO 3166-2: EG-PTS)  forms; a form that is its country's capital gives the
  /// capital its place
  void place(Fields& f) {
    const std::string& code = f[0];
    const auto dash = code.find('-');
    if (dash != 2 || code.size() < 4 || code.size() > 6)
      return b_.error("expected an ISO 3166-2 code (EG-PTS), found '" + code + "'", 1);
    if (!b_.country(code.substr(0, 2), 1)) return;
    int index = b_.entity(code, EntityType::place, EntityRole::name);
    b_.set_place(index, code);
    for (const auto& form : split(f[1])) {
      const std::u32string key = normalise_key(form);
      if (auto capital = capital_of_form_.find(key); capital != capital_of_form_.end()) {
        if (b_.lexicon().entity(capital->second).id != code.substr(0, 2))
          return b_.error("'" + form + "' is the capital of another country", 2);
        b_.set_place(capital->second, code);
        continue;
      }
      add_entity_form(key, index, code);
    }
  }

  void organisation(Fields& f) {
    const std::string& id = f[0];
    if (!b_.organisation(id, 1)) return;
    int index = b_.entity(id, EntityType::organisation, EntityRole::body);
    for (const auto& form : split(f[1])) add_entity_form(normalise_key(form), index, id);
  }

  /// singular  plurals  dual ('d' or '-')
  void plurals(Fields& f) {
    if (f[2] != "d" && f[2] != "n" && f[2] != "-")
      return b_.error("expected 'd', 'n' or '-', found '" + f[2] + "'", 3);
    const std::u32string singular = normalise_key(f[0]);
    if (singular.size() < 2) return b_.error("expected a singular noun", 1);
    if (f[1] != "-")
      for (const auto& form : split(f[1])) t_.singular_of.emplace(normalise_key(form), singular);
    // طلقة → طلقتين، طلقتان; ضابط → ضابطين، ضابطان; with a sound plural (عامل → عاملون،
    // عاملين) only the nominative عاملان is sure to be a dual
    std::u32string base = singular;
    if (base.back() == U'\u0647') base.back() = U'\u062A';
    if (f[2] == "d") t_.dual_of.emplace(base + U"\u064A\u0646", singular);
    if (f[2] == "n") t_.sound_dual_of.emplace(base + U"\u064A\u0646", singular);
    if (f[2] != "-") t_.dual_of.emplace(base + U"\u0627\u0646", singular);
    // the dispatch tells the scanner where a dual may stand (scan.cpp dual_noun): the
    // duals, and the construct's (أمينا، فردي: ان، ين without ن)
    if (f[2] != "-")
      for (const char32_t* ending : {U"\u064A\u0646", U"\u064A", U"\u0627\u0646", U"\u0627"})
        t_.starts.add(base + ending, start_dual);
  }

  void predicate(Fields& f) {
    auto index = b_.predicate(f[0], 1);
    if (!index) return;
    for (const auto& form : split(f[1])) add(t_.predicate, normalise_key(form), *index, f[0]);
  }

  void object(Fields& f) {
    const std::string& id = f[0];
    auto index = b_.object(id, 1);
    if (!index) return;
    const std::string& head = f[1];
    if (head != "-") {
      const auto& heads = b_.lexicon().object(*index).heads;
      if (std::find(heads.begin(), heads.end(), head) == heads.end())
        return b_.error("'" + head + "' is not a head of '" + id + "' in objects.tsv", 2);
    }
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
    for (auto form : split(f[2])) {
      bool dual = form.rfind("2:", 0) == 0;
      if (dual) form = form.substr(2);
      auto key = normalise_key(form);
      if (head == "-") {
        phrases.emplace_back(key, dual);
        object_forms_[id].emplace_back(key, dual);
      } else {
        if (dual) b_.error("mark duals on the head noun's line, not on a qualifier");
        auto base = object_forms_.find(head);
        if (base == object_forms_.end())
          return b_.error("the head '" + head + "' has no Arabic forms on an earlier line", 2);
        for (const auto& [noun, noun_dual] : base->second)
          phrases.emplace_back(noun + U' ' + key, noun_dual);
      }
    }
    for (const auto& [p, dual] : phrases) {
      add(t_.object, p, *index, id);
      add(t_.object, definite(p), *index, id);
      if (dual) add(t_.object_dual, p, *index, id);
    }
  }
};

}  // namespace

std::unique_ptr<LanguageForms> load_forms(LexiconBuilder& builder,
                                          const std::filesystem::path& dir) {
  auto tables = std::make_unique<Tables>();
  FormsLoader(builder, *tables).load(dir);
  return tables;
}

}  // namespace claimcheck::ar
