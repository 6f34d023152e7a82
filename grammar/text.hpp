// Text layer: UTF-8 validation and decoding, and the normalisation used for matching
// (NFKD compatibility folding, mark and tatweel removal, Arabic letter and digit folding,
// case folding, whitespace collapsing) with a map from every normalised code point back
// to the byte offset it came from in the original document.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimcheck {

/// Where and why a byte sequence is not valid UTF-8.
struct Utf8Error {
  std::size_t offset = 0;  ///< byte offset of the first bad byte
  std::string reason;      ///< what was expected there
};

/// Checks that `bytes` is well-formed UTF-8 (no overlong forms, no surrogates, nothing above
/// U+10FFFF). Returns the first error, or nothing when the text is valid.
std::optional<Utf8Error> find_utf8_error(std::string_view bytes);

/// Decodes one code point of valid UTF-8 at `pos`, advancing `pos`.
char32_t decode_utf8(std::string_view bytes, std::size_t& pos);

/// Appends the UTF-8 encoding of `cp` to `out`.
void append_utf8(std::string& out, char32_t cp);

/// UTF-8 encoding of a code-point string.
std::string to_utf8(std::u32string_view text);

/// Normalised text and where each of its code points came from.
struct NormalisedText {
  std::u32string text;              ///< normalised code points
  std::vector<std::uint32_t> from;  ///< from[i]: byte offset of the source of text[i]
  std::vector<std::uint32_t> to;    ///< to[i]: byte offset just past the source of text[i]

  /// Byte range in the original of the normalised range [begin, end).
  std::pair<std::uint32_t, std::uint32_t> bytes(std::size_t begin, std::size_t end) const;
};

/// Normalises valid UTF-8 for matching. Line breaks are kept (as '\n'); runs of other
/// white space become one space.
NormalisedText normalise(std::string_view utf8);

/// Normalised form of a lexicon entry or a query string, without the offset map.
std::u32string normalise_key(std::string_view utf8);

/// True for Arabic letters (after normalisation).
inline bool is_arabic_letter(char32_t cp) {
  return (cp >= 0x0621 && cp <= 0x063A) || (cp >= 0x0641 && cp <= 0x064A) ||
         (cp >= 0x066E && cp <= 0x06D3) || (cp >= 0x06FA && cp <= 0x06FF);
}

/// is_word_char for code points outside ASCII and the Arabic block (Unicode categories).
bool is_other_word_char(char32_t cp);

/// True for code points that belong inside a word: letters and digits of any script.
/// Inline for ASCII and Arabic, the scanners' hot path.
inline bool is_word_char(char32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  if (cp >= 0x0600 && cp <= 0x06FF) return is_arabic_letter(cp);  // not its punctuation
  return is_other_word_char(cp);
}

}  // namespace claimcheck
