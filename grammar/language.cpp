// The registry of grammars and the language of a text that declares none.
#include "grammar/language.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "grammar/ar/arabic.hpp"
#include "grammar/text.hpp"

namespace claimcheck {

const std::vector<const Grammar*>& grammars() {
  static const std::vector<const Grammar*> all{&ar::grammar()};
  return all;
}

const Grammar* find_grammar(std::string_view code) {
  std::string primary;
  for (char c : code) {
    if (c == '-' || c == '_') break;
    primary += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  for (const Grammar* g : grammars())
    if (g->code() == primary) return g;
  return nullptr;
}

std::string grammar_codes() {
  std::string out;
  for (const Grammar* g : grammars()) {
    if (!out.empty()) out += ", ";
    out += g->code();
  }
  return out;
}

std::string detect_language(std::string_view utf8) {
  if (utf8.size() > 1024 * 1024) {
    std::size_t cut = 1024 * 1024;  // at a character boundary
    while (cut > 0 && (static_cast<unsigned char>(utf8[cut]) & 0xC0) == 0x80) --cut;
    utf8 = utf8.substr(0, cut);
  }
  std::size_t arabic = 0, latin = 0;
  int english = 0, french = 0;
  static const std::array<std::string_view, 12> en{"the", "of",   "and", "to",   "in",   "is",
                                                   "was", "that", "for", "with", "said", "by"};
  static const std::array<std::string_view, 12> fr{"le",  "la", "les",  "des",  "et",  "est",
                                                   "une", "du", "dans", "pour", "sur", "qui"};
  std::string word;
  auto end_word = [&] {
    if (word.empty()) return;
    if (std::find(en.begin(), en.end(), word) != en.end()) ++english;
    if (std::find(fr.begin(), fr.end(), word) != fr.end()) ++french;
    word.clear();
  };
  for (std::size_t i = 0; i < utf8.size() && arabic + latin < 1000;) {
    std::size_t at = i;
    char32_t c = decode_utf8(utf8, i);
    if (i <= at) break;
    if (is_arabic_letter(c) || (c >= 0x0600 && c <= 0x06FF && is_word_char(c))) {
      ++arabic;
      end_word();
    } else if (c < 0x80 && std::isalpha(static_cast<int>(c))) {
      ++latin;
      word += static_cast<char>(std::tolower(static_cast<int>(c)));
    } else if (c >= 0xC0 && c <= 0x24F && is_word_char(c)) {
      ++latin;
      word.clear();  // accented: not one of the short function words above
      word += '\x01';
    } else {
      end_word();
    }
  }
  end_word();
  if (arabic == 0 && latin == 0) return "";
  if (arabic * 4 >= latin) return "ar";
  return french > english ? "fr" : "en";
}

}  // namespace claimcheck
