// What a grammar's forms loader sees while the lexicon loads: a tab-separated-file reader
// that collects problems with file:line, and the language-neutral registries (countries,
// organisations, predicates, objects, units, relative times, holidays) to check forms'
// ids against and to add the entries a language's own classes define. No X3 here.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "grammar/lexicon.hpp"

namespace claimcheck {

class LexiconBuilder {
 public:
  using Fields = std::vector<std::string>;

  explicit LexiconBuilder(Lexicon& lexicon) : lex_(lexicon) {}

  /// Calls `fn` with the fields of each line of `path` that is neither empty nor a '#'
  /// comment, after checking UTF-8 and the number of tab-separated columns (an `alias`
  /// line of three columns is let through where `alias_lines`). A missing file is an error.
  void each_line(const std::filesystem::path& path, std::size_t columns,
                 const std::function<void(Fields&)>& fn, bool alias_lines = false);
  /// Records a problem at the current line (column 0: the whole line).
  void error(std::string message, int column = 0);
  /// The file and line being read, for problems found after the line is gone.
  const std::string& file() const { return file_; }
  int line() const { return line_; }
  void error_at(std::string file, int line, int column, std::string message);

  /// The forms of a '|'-separated column ('-' and empty: none).
  static std::vector<std::string> split_forms(const std::string& column);
  /// A number column, or an error.
  std::optional<double> number(const std::string& column);

  /// Whether `key` may be added to `table` meaning `meaning`: false for a form already in
  /// it, with an error when it meant something else. `table` is any address naming one
  /// table of the caller's.
  bool claim_form(const void* table, const std::u32string& key, const std::string& meaning);

  // The neutral registries: ids are checked against them with an error naming the id.
  int entity(const std::string& id, EntityType type, EntityRole role);
  /// Gives entity `index` the place below the country it names (places.tsv).
  void set_place(int index, const std::string& place);
  std::optional<int> predicate(const std::string& id, int column);
  std::optional<int> object(const std::string& id, int column);
  std::optional<int> unit(const std::string& id, int column);
  bool country(const std::string& code, int column);
  bool organisation(const std::string& id, int column);
  int add_relative(RelativeTime relative);
  int add_holiday(HolidayInfo holiday);
  const Lexicon& lexicon() const { return lex_; }

  std::vector<Diagnostic> take_errors() { return std::move(errors_); }

 private:
  Lexicon& lex_;
  std::vector<Diagnostic> errors_;
  std::string file_;
  int line_ = 0;
  // The forms claimed so far, for claim_form: an open-addressing table of (table, form),
  // the forms side by side in one buffer and their meanings numbered (thousands of forms:
  // no allocation each).
  struct Claimed {
    std::uint64_t hash = 0;
    std::uint32_t table = 0, begin = 0, size = 0;  ///< size 0: an empty place
    std::uint32_t meaning = 0;
  };
  std::vector<Claimed> claimed_;
  std::size_t claimed_used_ = 0;
  std::u32string claimed_forms_;
  std::vector<std::string> meanings_;
  std::unordered_map<const void*, std::uint32_t> table_numbers_;
  std::unordered_map<std::string, int> entity_index_;
};

}  // namespace claimcheck
