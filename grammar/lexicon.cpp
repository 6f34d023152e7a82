// Loads the language-neutral lexicon files (grammar/lexicon/*.tsv) into the id
// registries, then hands each grammar its forms folder (grammar/lexicon/<lang>/) through
// a LexiconBuilder; collects every problem with its file and line.
#include "grammar/lexicon.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include "grammar/language.hpp"
#include "grammar/lexicon_builder.hpp"
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

Lexicon::Lexicon() = default;
Lexicon::~Lexicon() = default;

const LanguageForms* Lexicon::forms(std::string_view code) const {
  auto it = forms_.find(code);
  return it == forms_.end() ? nullptr : it->second.get();
}

const OutletInfo* Lexicon::outlet(std::string_view source) const {
  std::string key(source);
  for (auto& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto it = outlets_.find(key);
  return it == outlets_.end() ? nullptr : &it->second;
}

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

int Lexicon::object_index(std::string_view id) const {
  for (std::size_t i = 0; i < objects_.size(); ++i)
    if (objects_[i].id == id) return static_cast<int>(i);
  return -1;
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
  return std::any_of(units_.begin(), units_.end(),
                     [&](const UnitInfo& u) { return u.base == base; });
}

std::vector<std::string> Lexicon::ids(std::string_view kind) const {
  std::vector<std::string> out;
  if (kind == "predicate")
    for (const auto& p : predicates_) out.push_back(p.id);
  else if (kind == "object") {
    for (const auto& o : objects_) out.push_back(o.id);
    for (const auto& u : units_)
      if (std::find(out.begin(), out.end(), u.base) == out.end()) out.push_back(u.base);
  } else if (kind == "family")
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

// ---- LexiconBuilder --------------------------------------------------------------------

void LexiconBuilder::error(std::string message, int column) {
  errors_.push_back(Diagnostic{file_, line_, column, std::move(message)});
}

void LexiconBuilder::error_at(std::string file, int line, int column, std::string message) {
  errors_.push_back(Diagnostic{std::move(file), line, column, std::move(message)});
}

void LexiconBuilder::each_line(const std::filesystem::path& path, std::size_t columns,
                               const std::function<void(Fields&)>& fn, bool alias_lines) {
  file_ = path.string();
  line_ = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error("cannot open lexicon file");
    return;
  }
  // the whole file read at once and cut into lines as getline would; one line's buffer
  // and fields reused from line to line
  std::string all;
  {
    std::ostringstream content;
    content << in.rdbuf();
    all = std::move(content).str();
  }
  std::string text;
  Fields f;
  for (std::size_t at = 0; at < all.size();) {
    const std::size_t newline = all.find('\n', at);
    const std::size_t end = newline == std::string::npos ? all.size() : newline;
    text.assign(all, at, end - at);
    at = end + 1;
    ++line_;
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (text.empty() || text[0] == '#') continue;
    if (auto bad = find_utf8_error(text)) {
      error("invalid UTF-8 at byte " + std::to_string(bad->offset + 1) +
            " of the line: " + bad->reason);
      continue;
    }
    std::size_t n = 0;
    for (std::size_t start = 0;;) {
      auto tab = text.find('\t', start);
      const std::size_t size = tab == std::string::npos ? std::string::npos : tab - start;
      if (n < f.size())
        f[n].assign(text, start, size);
      else
        f.push_back(text.substr(start, size));
      ++n;
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    f.resize(n);
    if (alias_lines && f.size() == 3 && f[0] == "alias") {
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

std::vector<std::string> LexiconBuilder::split_forms(const std::string& s) {
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

std::optional<double> LexiconBuilder::number(const std::string& s) {
  try {
    std::size_t used = 0;
    double v = std::stod(s, &used);
    if (used == s.size()) return v;
  } catch (...) {
  }
  error("expected a number, found '" + s + "'");
  return std::nullopt;
}

bool LexiconBuilder::claim_form(const void* table, const std::u32string& key,
                                const std::string& meaning) {
  if (key.empty()) return false;
  const std::uint32_t t =
      table_numbers_.try_emplace(table, static_cast<std::uint32_t>(table_numbers_.size()))
          .first->second;
  std::uint64_t h = 0xcbf29ce484222325ull ^ t;
  for (char32_t c : key) h = (h ^ c) * 0x100000001b3ull;
  h ^= h >> 29;
  if (2 * (claimed_used_ + 1) > claimed_.size()) {  // grow: at most half the places used
    std::vector<Claimed> bigger(claimed_.empty() ? 16384 : claimed_.size() * 2);
    for (const auto& c : claimed_)
      if (c.size) {
        std::size_t k = c.hash & (bigger.size() - 1);
        while (bigger[k].size) k = (k + 1) & (bigger.size() - 1);
        bigger[k] = c;
      }
    claimed_.swap(bigger);
  }
  std::size_t k = h & (claimed_.size() - 1);
  for (; claimed_[k].size; k = (k + 1) & (claimed_.size() - 1)) {
    const Claimed& c = claimed_[k];
    if (c.hash != h || c.table != t || c.size != key.size() ||
        std::u32string_view(claimed_forms_).substr(c.begin, c.size) != key)
      continue;
    const std::string& earlier = meanings_[c.meaning];
    if (earlier != meaning)
      error("form '" + to_utf8(key) + "' already means " + earlier + ", cannot also mean " +
            meaning);
    return false;
  }
  // the meanings of a line's forms are one: numbered once for the run of them
  if (meanings_.empty() || meanings_.back() != meaning) meanings_.push_back(meaning);
  claimed_[k] = Claimed{h, t, static_cast<std::uint32_t>(claimed_forms_.size()),
                        static_cast<std::uint32_t>(key.size()),
                        static_cast<std::uint32_t>(meanings_.size() - 1)};
  ++claimed_used_;
  claimed_forms_ += key;
  return true;
}

int LexiconBuilder::entity(const std::string& id, EntityType type, EntityRole role) {
  std::string key = id + '\x1f' + std::to_string(static_cast<int>(role));
  auto [it, fresh] = entity_index_.emplace(key, static_cast<int>(lex_.entities_.size()));
  if (fresh) lex_.entities_.push_back(EntityInfo{id, type, role, {}});
  return it->second;
}

void LexiconBuilder::set_place(int index, const std::string& place) {
  lex_.entities_.at(static_cast<std::size_t>(index)).place = place;
}

namespace {
std::string did_you_mean(const std::string& id, const std::vector<std::string>& known) {
  std::string best;
  std::size_t best_d = 3;
  for (const auto& k : known) {
    // edit distance, small strings only
    std::vector<std::size_t> row(k.size() + 1);
    for (std::size_t j = 0; j <= k.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= id.size(); ++i) {
      std::size_t prev = row[0]++;
      for (std::size_t j = 1; j <= k.size(); ++j) {
        std::size_t cur = row[j];
        row[j] = std::min({row[j] + 1, row[j - 1] + 1, prev + (id[i - 1] == k[j - 1] ? 0 : 1)});
        prev = cur;
      }
    }
    if (row[k.size()] < best_d) best_d = row[k.size()], best = k;
  }
  return best.empty() ? "" : " (did you mean '" + best + "'?)";
}
}  // namespace

std::optional<int> LexiconBuilder::predicate(const std::string& id, int column) {
  for (std::size_t i = 0; i < lex_.predicates_.size(); ++i)
    if (lex_.predicates_[i].id == id) return static_cast<int>(i);
  error("unknown predicate '" + id + "' (define it in predicates.tsv)" +
            did_you_mean(id, lex_.ids("predicate")),
        column);
  return std::nullopt;
}

std::optional<int> LexiconBuilder::object(const std::string& id, int column) {
  for (std::size_t i = 0; i < lex_.objects_.size(); ++i)
    if (lex_.objects_[i].id == id) return static_cast<int>(i);
  std::vector<std::string> known;
  for (const auto& o : lex_.objects_) known.push_back(o.id);
  error("unknown object '" + id + "' (define it in objects.tsv)" + did_you_mean(id, known), column);
  return std::nullopt;
}

std::optional<int> LexiconBuilder::unit(const std::string& id, int column) {
  int index = lex_.find_unit(id);
  if (index >= 0) return index;
  std::vector<std::string> known;
  for (const auto& u : lex_.units_) known.push_back(u.id);
  error("unknown unit '" + id + "' (define it in units.tsv)" + did_you_mean(id, known), column);
  return std::nullopt;
}

bool LexiconBuilder::country(const std::string& code, int column) {
  if (lex_.countries_.count(code)) return true;
  error("unknown country '" + code + "' (define it in countries.tsv)", column);
  return false;
}

bool LexiconBuilder::organisation(const std::string& id, int column) {
  if (lex_.organisations_.count(id)) return true;
  error("unknown organisation '" + id + "' (define it in organisations.tsv)" +
            did_you_mean(id, lex_.ids("organisation")),
        column);
  return false;
}

int LexiconBuilder::add_relative(RelativeTime relative) {
  lex_.relatives_.push_back(relative);
  return static_cast<int>(lex_.relatives_.size() - 1);
}

int LexiconBuilder::add_holiday(HolidayInfo holiday) {
  lex_.holidays_.push_back(std::move(holiday));
  return static_cast<int>(lex_.holidays_.size() - 1);
}

// ---- the neutral files -------------------------------------------------------------------

/// Reads the language-neutral files into the registries; one instance per load.
class LexiconLoader {
 public:
  LexiconLoader(Lexicon& lex, LexiconBuilder& b) : lex_(lex), b_(b) {}

  void load(const std::filesystem::path& dir) {
    using Fields = LexiconBuilder::Fields;
    b_.each_line(dir / "countries.tsv", 2, [&](Fields& f) { country(f); });
    b_.each_line(
        dir / "organisations.tsv", 2, [&](Fields& f) { organisation(f); }, true);
    b_.each_line(dir / "predicates.tsv", 3, [&](Fields& f) { predicate(f); });
    b_.each_line(dir / "objects.tsv", 3, [&](Fields& f) { object(f); });
    b_.each_line(dir / "units.tsv", 4, [&](Fields& f) { unit(f); });
    b_.each_line(dir / "outlets.tsv", 3, [&](Fields& f) { outlet(f); });
    for (const auto& p : pending_defaults_)
      if (!predicate_index_.count(p.predicate))
        b_.error_at(p.file, p.line, 3, "unknown default predicate '" + p.predicate + "'");
    for (const auto& a : pending_aliases_)  // the target may be an id of its own
      if (!lex_.knows_organisation(a.from))
        b_.error_at(a.file, a.line, 2, "unknown organisation '" + a.from + "' in alias");
  }

  /// The forms folder of a language that has no grammar yet: every line must name a
  /// known id (its first column; objects' heads too), so the data is right when the
  /// grammar comes.
  void check_forms(const std::filesystem::path& dir) {
    using Fields = LexiconBuilder::Fields;
    auto known = [&](const std::filesystem::path& file, std::size_t columns, auto&& check) {
      std::error_code ec;
      if (std::filesystem::exists(file, ec)) b_.each_line(file, columns, check);
    };
    known(dir / "countries.tsv", 4, [&](Fields& f) { b_.country(f[0], 1); });
    known(dir / "organisations.tsv", 2, [&](Fields& f) { b_.organisation(f[0], 1); });
    known(dir / "predicates.tsv", 2, [&](Fields& f) { b_.predicate(f[0], 1); });
    known(dir / "units.tsv", 2, [&](Fields& f) { b_.unit(f[0], 1); });
    known(dir / "objects.tsv", 3, [&](Fields& f) {
      auto index = b_.object(f[0], 1);
      if (!index || f[1] == "-") return;
      const auto& heads = lex_.object(*index).heads;
      if (std::find(heads.begin(), heads.end(), f[1]) == heads.end())
        b_.error("'" + f[1] + "' is not a head of '" + f[0] + "' in objects.tsv", 2);
    });
  }

 private:
  using Fields = LexiconBuilder::Fields;

  Lexicon& lex_;
  LexiconBuilder& b_;
  std::unordered_map<std::string, int> object_index_, predicate_index_;
  struct Pending {
    std::string predicate;
    std::string file;
    int line;
  };
  std::vector<Pending> pending_defaults_;
  struct PendingAlias {
    std::string from, to, file;
    int line;
  };
  std::vector<PendingAlias> pending_aliases_;

  static bool is_concept_id(const std::string& id) {
    if (id.empty()) return false;
    for (char c : id)
      if (!(std::islower(static_cast<unsigned char>(c)) ||
            std::isdigit(static_cast<unsigned char>(c)) || c == '_'))
        return false;
    return true;
  }

  void country(Fields& f) {
    const std::string& code = f[0];
    if (code.size() != 2 || !std::isupper(static_cast<unsigned char>(code[0])) ||
        !std::isupper(static_cast<unsigned char>(code[1])))
      return b_.error("expected an ISO 3166-1 alpha-2 code in upper case, found '" + code + "'", 1);
    if (!lex_.countries_.insert(code).second)
      return b_.error("country '" + code + "' is listed twice", 1);
    if (f[1] != "-") lex_.display_.emplace(code, f[1]);
  }

  void organisation(Fields& f) {
    if (f[0] == "alias") {
      lex_.aliases_[f[1]] = f[2];
      pending_aliases_.push_back({f[1], f[2], b_.file(), b_.line()});
      return;
    }
    const std::string& id = f[0];
    auto slash = id.find('/');
    if (slash != std::string::npos) {
      std::string cc = id.substr(0, slash);
      if (cc != "*" && !lex_.countries_.count(cc))
        return b_.error("unknown country '" + cc + "' in organisation id '" + id + "'", 1);
    }
    for (char c : id.substr(slash == std::string::npos ? 0 : slash + 1))
      if (!(std::islower(static_cast<unsigned char>(c)) ||
            std::isdigit(static_cast<unsigned char>(c)) || c == '_'))
        return b_.error("organisation slugs are lower-case snake-case, found '" + id + "'", 1);
    if (!lex_.organisations_.insert(id).second)
      return b_.error("organisation '" + id + "' is listed twice", 1);
    if (f[1] != "-")
      lex_.display_.emplace(id, (slash == std::string::npos || id[0] != '*' ? "the " : "") + f[1]);
  }

  void outlet(Fields& f) {
    if (!b_.organisation(f[0], 1)) return;
    if (f[1] != "-" && !lex_.countries_.count(f[1]))
      return b_.error("unknown country '" + f[1] + "' (define it in countries.tsv)", 2);
    OutletInfo info{f[0], f[1] == "-" ? std::string() : f[1]};
    std::vector<std::string> names = LexiconBuilder::split_forms(f[2]);
    names.push_back(f[0]);
    for (auto name : names) {
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      auto [it, added] = lex_.outlets_.emplace(name, info);
      if (!added && it->second.id != info.id)
        return b_.error("'" + name + "' already names the outlet '" + it->second.id + "'", 3);
    }
  }

  void predicate(Fields& f) {
    const std::string& id = f[0];
    if (!is_concept_id(id))
      return b_.error("predicate ids are lower-case snake-case, found '" + id + "'", 1);
    static const std::map<std::string, PredicateKind> kinds{
        {"action", PredicateKind::action},
        {"event", PredicateKind::event},
        {"existence", PredicateKind::existence},
        {"membership", PredicateKind::membership}};
    auto kind = kinds.find(f[2]);
    if (kind == kinds.end())
      return b_.error(
          "unknown predicate kind '" + f[2] + "' (action, event, existence, membership)", 3);
    std::string family = f[1] == "-" ? "" : f[1];
    if (!family.empty() && !is_concept_id(family))
      return b_.error("family ids are lower-case snake-case, found '" + family + "'", 2);
    if (!predicate_index_.emplace(id, static_cast<int>(lex_.predicates_.size())).second)
      return b_.error("predicate '" + id + "' is defined twice", 1);
    lex_.predicates_.push_back(PredicateInfo{id, family, kind->second});
    if (!family.empty()) lex_.families_.insert(family);
  }

  void object(Fields& f) {
    const std::string& id = f[0];
    if (!is_concept_id(id))
      return b_.error("object ids are lower-case snake-case, found '" + id + "'", 1);
    if (!object_index_.emplace(id, static_cast<int>(lex_.objects_.size())).second)
      return b_.error("object '" + id + "' is defined twice", 1);
    ObjectInfo info{id, {}, ""};
    for (const auto& head : LexiconBuilder::split_forms(f[1])) {
      if (!object_index_.count(head) || head == id)
        return b_.error("unknown head object '" + head + "' (define it on an earlier line)", 2);
      info.heads.push_back(head);
    }
    if (f[2] != "-") {
      info.default_predicate = f[2];
      pending_defaults_.push_back({f[2], b_.file(), b_.line()});
    }
    lex_.objects_.push_back(std::move(info));
  }

  void unit(Fields& f) {
    static const std::set<std::string> dims{"money", "quantity", "volume", "temperature",
                                            "duration"};
    if (!dims.count(f[1]))
      return b_.error("unknown dimension '" + f[1] +
                          "' (expected money, quantity, volume, temperature or duration)",
                      2);
    auto factor = b_.number(f[3]);
    if (!factor) return;
    if (lex_.find_unit(f[0]) >= 0) return b_.error("unit '" + f[0] + "' is defined twice", 1);
    lex_.units_.push_back(UnitInfo{f[0], f[1], f[2], *factor});
  }
};

std::shared_ptr<const Lexicon> Lexicon::load(const std::filesystem::path& dir) {
  std::shared_ptr<Lexicon> lex(new Lexicon());
  LexiconBuilder builder(*lex);
  LexiconLoader loader(*lex, builder);
  loader.load(dir);
  auto errors = builder.take_errors();
  if (!errors.empty()) throw DataError(std::move(errors));  // forms need the concepts
  for (const Grammar* g : grammars()) {
    auto forms = g->load_forms(builder, dir / std::string(g->code()));
    lex->slots_.push_back(forms.get());
    lex->forms_.emplace(std::string(g->code()), std::move(forms));
  }
  // forms folders of languages without a grammar yet
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (!entry.is_directory()) continue;
    std::string code = entry.path().filename().string();
    if (!find_grammar(code)) loader.check_forms(entry.path());
  }
  errors = builder.take_errors();
  if (!errors.empty()) throw DataError(std::move(errors));
  return lex;
}

}  // namespace claimcheck
