// The Arabic grammar behind grammar/language.hpp: each member forwards to the Arabic
// scanners and parsers of grammar/ar/; lemmas come from Snowball's Arabic stemmer.
#include "grammar/ar/arabic.hpp"

#include "grammar/ar/tables.hpp"
#include "grammar/stemmer.hpp"
#include "grammar/text.hpp"

namespace claimcheck::ar {
namespace {

class Arabic final : public Grammar {
 public:
  std::string_view code() const override { return "ar"; }
  std::string_view name() const override { return "Arabic"; }
  std::unique_ptr<LanguageForms> load_forms(LexiconBuilder& builder,
                                            const std::filesystem::path& dir) const override {
    return ar::load_forms(builder, dir);
  }
  std::vector<Sentence> sentences(std::u32string_view text) const override { return segment(text); }
  std::vector<Span> clauses(const Lexicon& lex, std::u32string_view text,
                            Span sentence) const override {
    return ar::clauses(lex, text, sentence);
  }
  SentencePieces scan(const Lexicon& lex, std::u32string_view text, Span range) const override {
    return scan_sentence(lex, text, range);
  }
  std::vector<ValuePiece> scan_values(const Lexicon& lex, std::u32string_view text, Span range,
                                      ValueDims dims) const override {
    return ar::scan_values(lex, text, range, dims);
  }
  std::u32string lemma(const Lexicon& lex, std::u32string_view word) const override {
    // و or ف before the article is a clitic the stemmer keeps (والسيارات)
    if (word.size() > 4 && (word[0] == U'\u0648' || word[0] == U'\u0641') &&
        word.compare(1, 2, U"\u0627\u0644") == 0)
      word.remove_prefix(1);
    // a broken plural or a dual: its singular (الضباط، ضابطين → ضابط)
    const Tables& t = tables(lex);
    auto singular = [&](std::u32string_view w) -> const std::u32string* {
      const std::u32string key(w);
      if (auto it = t.singular_of.find(key); it != t.singular_of.end()) return &it->second;
      if (auto it = t.dual_of.find(key); it != t.dual_of.end()) return &it->second;
      if (auto it = t.sound_dual_of.find(key); it != t.sound_dual_of.end()) return &it->second;
      return nullptr;
    };
    const std::u32string* s = singular(word);
    if (!s && word.size() > 4 && word.compare(0, 2, U"\u0627\u0644") == 0)
      s = singular(word.substr(2));
    if (s) word = *s;
    std::u32string out;
    std::string stem = snowball_stem("arabic", to_utf8(word));
    for (std::size_t i = 0; i < stem.size();) out += decode_utf8(stem, i);
    // The stemmer takes a first ب س ل ك ف for a clitic even where it is the root's
    // (بلاغ → لاغ، بنادق → نادق، سيارات → يارا): without the article, a counted noun
    // carries no such clitic, so the letter is given back.
    const bool article = word.size() > 2 && word.compare(0, 2, U"\u0627\u0644") == 0;
    if (!article && !out.empty() && word.size() > out.size() &&
        word.compare(0, out.size(), out) != 0 && word.compare(1, out.size(), out) == 0 &&
        std::u32string_view(U"\u0628\u0633\u0644\u0643\u0641").find(word[0]) !=
            std::u32string_view::npos)
      out.insert(out.begin(), word[0]);
    // a feminine plural in ات leaves its ا (عينات → عينا): the stem is the singular's
    if (word.size() > 3 && word.compare(word.size() - 2, 2, U"\u0627\u062A") == 0 &&
        out.size() > 2 && out.back() == U'\u0627')
      out.pop_back();
    return out;
  }
  std::optional<double> parse_number(const Lexicon& lex, std::u32string_view t) const override {
    return ar::parse_number(lex, t);
  }
  std::optional<QuantityPiece> parse_quantity(const Lexicon& lex,
                                              std::u32string_view t) const override {
    return ar::parse_quantity(lex, t);
  }
  std::optional<TimePiece> parse_time(const Lexicon& lex, std::u32string_view t) const override {
    return ar::parse_time(lex, t);
  }
  std::optional<EntityPiece> parse_entity(const Lexicon& lex,
                                          std::u32string_view t) const override {
    return ar::parse_entity(lex, t);
  }
  std::optional<ListPiece> parse_list(const Lexicon& lex, std::u32string_view t) const override {
    return ar::parse_list(lex, t);
  }
  std::optional<int> parse_predicate(const Lexicon& lex, std::u32string_view t) const override {
    return ar::parse_predicate(lex, t);
  }
};

}  // namespace

const Grammar& grammar() {
  static const Arabic arabic;
  return arabic;
}

}  // namespace claimcheck::ar
