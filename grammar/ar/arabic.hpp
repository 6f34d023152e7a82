// The Arabic grammar's own entry points, behind the Grammar interface (grammar/ar/
// arabic.cpp): the sentence scanner (scan.cpp), the value scanner (values.cpp), the
// whole-text parsers, the clause splitter (clauses.cpp) and the forms loader (forms.cpp).
// Internal to grammar/: everything else reaches Arabic through grammar/language.hpp.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "grammar/language.hpp"
#include "grammar/lexicon.hpp"
#include "grammar/pieces.hpp"

namespace claimcheck::ar {

/// The Arabic grammar (registered in grammar/language.cpp).
const Grammar& grammar();

SentencePieces scan_sentence(const Lexicon& lexicon, std::u32string_view text, Span range);
std::vector<ValuePiece> scan_values(const Lexicon& lexicon, std::u32string_view text, Span range,
                                    ValueDims dims);
std::vector<Span> clauses(const Lexicon& lexicon, std::u32string_view text, Span sentence);
std::unique_ptr<LanguageForms> load_forms(LexiconBuilder& builder,
                                          const std::filesystem::path& dir);

std::optional<double> parse_number(const Lexicon& lexicon, std::u32string_view text);
std::optional<QuantityPiece> parse_quantity(const Lexicon& lexicon, std::u32string_view text);
std::optional<TimePiece> parse_time(const Lexicon& lexicon, std::u32string_view text);
std::optional<EntityPiece> parse_entity(const Lexicon& lexicon, std::u32string_view text);
std::optional<ListPiece> parse_list(const Lexicon& lexicon, std::u32string_view text);
std::optional<int> parse_predicate(const Lexicon& lexicon, std::u32string_view text);

}  // namespace claimcheck::ar
