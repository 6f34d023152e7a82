// HTML input: the readable text of an HTML page (tags stripped, entities decoded, block
// elements on lines of their own) with a map from every text offset back to the bytes of
// the page, and the page's metadata (title, site, date, language, canonical address).
// A single forward scan with no element tree, so nesting depth costs nothing.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace claimcheck {

/// One piece of the text and where it came from. A verbatim run is copied byte for byte;
/// any other run (a decoded entity, collapsed white space, a line break standing for a
/// block element) stands as a whole for `orig_len` bytes of the page.
struct TextRun {
  std::size_t text = 0;  ///< where the run starts in the text
  std::size_t orig = 0;  ///< where it starts in the page
  std::size_t orig_len = 0;
  bool verbatim = false;
};

/// Text offsets ↔ page offsets. Both are monotone, so each direction is a binary search.
struct OffsetMap {
  std::vector<TextRun> runs;
  std::size_t text_size = 0;

  /// The page bytes a text span [b, e) came from: a span that starts or ends inside a
  /// decoded entity takes the whole entity.
  std::pair<std::size_t, std::size_t> to_original(std::size_t b, std::size_t e) const;
  /// The text span showing the page bytes [b, e) (the inverse of to_original).
  std::pair<std::size_t, std::size_t> to_text(std::size_t b, std::size_t e) const;
};

struct HtmlText {
  std::string text;  ///< UTF-8, one line per block; never holds NUL
  OffsetMap map;
  std::string title, source, date, lang, url;  ///< from <title>, <meta>, <html lang>, <link>
  std::vector<std::string> warnings;           ///< "byte N: …" for constructs never closed
};

/// Whether a file is read as HTML: its name ends in .html, .htm or .xhtml, or its first
/// non-blank bytes are `<!doctype html` or `<html` (any case).
bool looks_like_html(std::string_view path, std::string_view bytes);

/// The charset a page declares in a <meta> within its first 4 KiB, and the byte offset of
/// the declaration.
std::optional<std::pair<std::size_t, std::string>> declared_charset(std::string_view bytes);

/// Extracts the text of a page that is valid UTF-8.
HtmlText html_to_text(std::string_view bytes);

/// Decodes one character reference at `pos` (which holds '&'). Returns the UTF-8 it
/// stands for and advances `pos` past it, or returns nothing and leaves `pos` alone when
/// the '&' is literal (an unknown name, say).
std::optional<std::string> decode_entity(std::string_view bytes, std::size_t& pos);

}  // namespace claimcheck
