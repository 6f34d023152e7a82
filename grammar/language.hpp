// The one interface a language implements, and the registry that picks a grammar for a
// document. A grammar segments normalised text into sentences and clauses, scans a clause
// into claim pieces (quantities with their counted nouns, predicates, times, entities,
// lists, cues), scans values for `claimcheck parse`, gives the lemma of a word, and reads
// its language's lexicon forms (grammar/lexicon/<code>/). Each grammar lives in
// grammar/<code>/; X3 appears only there and in grammar/x3/, never in this header.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/pieces.hpp"
#include "grammar/segment.hpp"
#include "grammar/word_starts.hpp"

namespace claimcheck {

class Lexicon;
class LexiconBuilder;

/// A grammar's compiled lexicon forms (its symbol tables), owned by the Lexicon. Each
/// grammar derives its own type and finds it again with Lexicon::forms(code). Every
/// grammar fills `starts` with its forms' first words as it loads them, and its scanner
/// tries at a word only the rules `starts` says may begin there (per-word dispatch).
struct LanguageForms {
  virtual ~LanguageForms() = default;
  WordStarts starts;
};

class Grammar {
 public:
  virtual ~Grammar() = default;

  /// The ISO 639-1 code ("ar") and the English name ("Arabic").
  virtual std::string_view code() const = 0;
  virtual std::string_view name() const = 0;

  /// Reads the language's forms from `dir` (grammar/lexicon/<code>/), checking every id
  /// against the concepts already in `builder`; problems go to the builder with file:line.
  virtual std::unique_ptr<LanguageForms> load_forms(LexiconBuilder& builder,
                                                    const std::filesystem::path& dir) const = 0;

  /// Sentences of normalised text (see normalise), in order.
  virtual std::vector<Sentence> sentences(std::u32string_view text) const = 0;
  /// The clauses of one sentence, in order, covering it: the unit inside which a number
  /// finds its verb, its counted noun, its time and its place.
  virtual std::vector<Span> clauses(const Lexicon& lexicon, std::u32string_view text,
                                    Span sentence) const = 0;
  /// The claim pieces of `range` (a sentence or a clause) of `text`, each list in order.
  virtual SentencePieces scan(const Lexicon& lexicon, std::u32string_view text,
                              Span range) const = 0;
  /// Every value in `range` of `text`: numbers, ordinals, amounts with units and
  /// currencies, percentages, durations, temperatures, volumes, times and ranges. At each
  /// word the longest reading wins. With `dims`, only readings of those dimensions are
  /// tried (a number inside an amount of money is a number when only numbers are asked).
  virtual std::vector<ValuePiece> scan_values(const Lexicon& lexicon, std::u32string_view text,
                                              Span range, ValueDims dims = 0) const = 0;
  /// The lemma of one normalised word (its stem, from the language's Snowball stemmer,
  /// after the lexicon brings a broken plural or a dual back to its singular), the key of
  /// open-vocabulary ids (`ar:منزل`).
  virtual std::u32string lemma(const Lexicon& lexicon, std::u32string_view word) const = 0;

  /// Whole-text parsers, for tests: each succeeds only when its rule matches all of
  /// `text` (already normalised).
  virtual std::optional<double> parse_number(const Lexicon& lexicon,
                                             std::u32string_view text) const = 0;
  virtual std::optional<QuantityPiece> parse_quantity(const Lexicon& lexicon,
                                                      std::u32string_view text) const = 0;
  virtual std::optional<TimePiece> parse_time(const Lexicon& lexicon,
                                              std::u32string_view text) const = 0;
  virtual std::optional<EntityPiece> parse_entity(const Lexicon& lexicon,
                                                  std::u32string_view text) const = 0;
  virtual std::optional<ListPiece> parse_list(const Lexicon& lexicon,
                                              std::u32string_view text) const = 0;
  virtual std::optional<int> parse_predicate(const Lexicon& lexicon,
                                             std::u32string_view text) const = 0;
};

/// Every grammar claimcheck has, in a fixed order.
const std::vector<const Grammar*>& grammars();

/// The grammar of a language code ("ar", "AR", "ar-EG": the primary subtag counts), or
/// nullptr when there is none.
const Grammar* find_grammar(std::string_view code);

/// The codes of every grammar, for messages: "ar".
std::string grammar_codes();

/// The language of a text without a declared one: "ar" when Arabic letters are at least a
/// quarter as many as Latin ones (an Arabic article keeps its Latin markup, acronyms and
/// names), else "en" or "fr" by a count of common function words ("en" on a tie), or
/// "" when the text has no letters to tell by. Reads its first thousand letters (within the
/// first MiB).
std::string detect_language(std::string_view utf8);

}  // namespace claimcheck
