// The lexicon: every id the project knows (countries, organisations, predicates and their
// families, counted objects, units), language-neutral, from grammar/lexicon/*.tsv; and
// each grammar's compiled forms from grammar/lexicon/<lang>/, held as that grammar's
// LanguageForms. Loaded at start and read-only afterwards. No X3 here.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace claimcheck {

/// A problem found in user-supplied data, with its place.
struct Diagnostic {
  std::string file;
  int line = 0;
  int column = 0;
  std::string message;
  /// `file:line:col: message` (the column is left out when unknown).
  std::string format() const;
};

/// Thrown when data files cannot be loaded; carries every problem found.
class DataError : public std::runtime_error {
 public:
  explicit DataError(std::vector<Diagnostic> diagnostics);
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

enum class EntityType { country, organisation, place };
enum class EntityRole { name, adjective, capital, body };

struct EntityInfo {
  /// ISO code, `CC/slug`, `*/slug` (country from context) or `slug`; for a place its ISO
  /// 3166-2 code (EG-PTS)
  std::string id;
  EntityType type = EntityType::country;
  EntityRole role = EntityRole::name;
  /// The place below the country it names: a place's own code, a capital's subdivision
  /// (القاهرة → EG-C); empty for the rest
  std::string place;
};

enum class PredicateKind { action, event, existence, membership };

struct PredicateInfo {
  std::string id;
  std::string family;  ///< empty when none
  PredicateKind kind = PredicateKind::action;
};

struct ObjectInfo {
  std::string id;
  std::vector<std::string> heads;  ///< the generic nouns this concept narrows (cell)
  std::string default_predicate;   ///< empty when none
};

/// A unit of measure or a currency: its id (ISO 4217 for currencies), its dimension
/// (money, quantity, volume, temperature, duration), and how many base units it is worth.
struct UnitInfo {
  std::string id;
  std::string dim;
  std::string base;  ///< the unit values are normalised to (gram, second, litre, USD…)
  double factor = 1;
};

struct RelativeTime {
  char unit = 'y';  ///< 'y' year, 'm' month, 'w' week, 'd' day, 'n' now, 'D' decade
  int offset = 0;
};

/// A named day (time.tsv class holiday): how its date is found in a given year.
struct HolidayInfo {
  std::string id;  ///< its first form, for messages
  /// 'g' a Gregorian day, 'h' a Hijri day, 'n' the nth weekday of a month, 'e' days from
  /// Western Easter, '-' recognised but not resolved
  char rule = '-';
  int month = 0, day = 0;    ///< 'g', 'h'
  int weekday = 0, nth = 0;  ///< 'n' (with month)
  int offset = 0;            ///< 'e'
};

/// A news outlet a document's `source` may name (outlets.tsv): its organisation id, and
/// the country whose domestic news it reports (its articles' subject when they name none),
/// empty for an international outlet.
struct OutletInfo {
  std::string id;
  std::string home;
};

struct LanguageForms;

class Lexicon {
 public:
  /// Loads every lexicon file under `dir` (grammar/lexicon): the neutral concepts, then
  /// each grammar's forms from `dir/<code>/`; the forms folders of languages without a
  /// grammar yet are checked for unknown ids. Throws DataError listing each problem as
  /// file:line: message.
  static std::shared_ptr<const Lexicon> load(const std::filesystem::path& dir);

  ~Lexicon();
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  /// The forms a grammar loaded (grammar/language.hpp), or nullptr.
  const LanguageForms* forms(std::string_view code) const;
  /// The same by the grammar's place in grammars(): constant time, for the scanners' hot
  /// path.
  const LanguageForms* forms_at(std::size_t slot) const {
    return slot < slots_.size() ? slots_[slot] : nullptr;
  }

  const EntityInfo& entity(int index) const {
    return entities_.at(static_cast<std::size_t>(index));
  }
  const PredicateInfo& predicate(int index) const {
    return predicates_.at(static_cast<std::size_t>(index));
  }
  const ObjectInfo& object(int index) const { return objects_.at(static_cast<std::size_t>(index)); }
  const UnitInfo& unit(int index) const { return units_.at(static_cast<std::size_t>(index)); }
  /// The index of the unit `id` (second, degree…), or -1.
  int find_unit(std::string_view id) const;
  const RelativeTime& relative(int index) const {
    return relatives_.at(static_cast<std::size_t>(index));
  }
  const HolidayInfo& holiday(int index) const {
    return holidays_.at(static_cast<std::size_t>(index));
  }

  /// The outlet a document's source names (its id, a handle or a domain, any case), or
  /// nullptr.
  const OutletInfo* outlet(std::string_view source) const;
  const PredicateInfo* find_predicate(std::string_view id) const;
  const ObjectInfo* find_object(std::string_view id) const;
  /// The index of the object `id` (person, vehicle…), or -1.
  int object_index(std::string_view id) const;
  /// A name for people: "Morocco", "the State Department", "Morocco's Interior Ministry".
  std::string display_name(const std::string& id) const;

  /// Maps an organisation id through the alias table (US/foreign_ministry → US/state_department).
  std::string canonical_organisation(const std::string& id) const;

  bool knows_country(std::string_view code) const;
  bool knows_organisation(std::string_view id) const;
  bool knows_family(std::string_view family) const;
  /// A unit's base (gram, litre, USD): the object of a measure fact.
  bool knows_unit_base(std::string_view base) const;

  /// Every id of a kind, for validation and "did you mean" suggestions.
  std::vector<std::string> ids(std::string_view kind) const;

 private:
  Lexicon();
  friend class LexiconLoader;
  friend class LexiconBuilder;

  std::map<std::string, std::unique_ptr<LanguageForms>, std::less<>> forms_;
  std::vector<const LanguageForms*> slots_;  ///< forms_ in the order of grammars()
  std::vector<EntityInfo> entities_;
  std::vector<PredicateInfo> predicates_;
  std::vector<ObjectInfo> objects_;
  std::vector<RelativeTime> relatives_;
  std::vector<HolidayInfo> holidays_;
  std::vector<UnitInfo> units_;
  std::map<std::string, OutletInfo, std::less<>> outlets_;  ///< lower-case name → outlet
  std::map<std::string, std::string, std::less<>> aliases_;
  std::map<std::string, std::string, std::less<>> display_;  ///< id → English name
  std::set<std::string, std::less<>> countries_, organisations_, families_;
};

/// The folder holding grammar/lexicon and rules: $CLAIMCHECK_DATA, else the source tree
/// the program was built from, else the installed share folder.
std::filesystem::path default_data_dir();

}  // namespace claimcheck
