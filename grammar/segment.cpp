// Sentence segmentation: lines are paragraphs; . ! ? ؟ ؛ end sentences outside quotes.
#include "grammar/segment.hpp"

namespace claimcheck {
namespace {

bool is_terminal(char32_t c) {
  return c == U'.' || c == U'!' || c == U'?' || c == U'\u061F' || c == U'\u061B' || c == U'\u2026';
}

bool is_opening_quote(char32_t c) {
  return c == U'\u201C' || c == U'\u00AB' || c == U'\u201E';
}
bool is_closing_quote(char32_t c) {
  return c == U'\u201D' || c == U'\u00BB';
}

/// False for characters that are no terminal, quote or bracket (every Arabic letter, Latin
/// letters and digits, the space): a test of ranges that lets split_line skip them.
bool maybe_special(char32_t c) {
  return (c >= U'!' && c <= U'?') || (c >= U'\u00AB' && c < U'\u0621') || c > U'\u06FF';
}

bool is_digit(char32_t c) {
  return c >= U'0' && c <= U'9';
}

/// Trims spaces and returns false when nothing but spaces and punctuation is left.
bool trim(std::u32string_view text, std::uint32_t& b, std::uint32_t& e) {
  while (b < e && text[b] == U' ') ++b;
  while (e > b && text[e - 1] == U' ') --e;
  for (auto i = b; i < e; ++i)
    if ((text[i] >= U'0' && text[i] <= U'9') || text[i] > 0x7F ||
        (text[i] >= U'a' && text[i] <= U'z'))
      return true;
  return false;
}

/// Splits one line [b, e) into sentences, honouring quotes unless `ignore_quotes`.
/// Returns false when quotes are unbalanced (so the caller can retry without them).
bool split_line(std::u32string_view text, std::uint32_t b, std::uint32_t e, bool ignore_quotes,
                std::vector<std::pair<std::uint32_t, std::uint32_t>>& out) {
  int depth = 0;
  bool in_straight = false;
  std::uint32_t start = b;
  for (std::uint32_t i = b; i < e; ++i) {
    char32_t c = text[i];
    if (!maybe_special(c)) continue;  // letters, digits and spaces: most characters
    if (!ignore_quotes) {
      if (c == U'"') {
        in_straight = !in_straight;
        continue;
      }
      if (is_opening_quote(c)) {
        ++depth;
        continue;
      }
      if (is_closing_quote(c)) {
        // A closing quote with nothing open is used as an opening one (common in copy).
        depth = depth > 0 ? depth - 1 : depth + 1;
        continue;
      }
    }
    if (depth > 0 || in_straight || !is_terminal(c)) continue;
    if (c == U'.' && i > b && i + 1 < e && is_digit(text[i - 1]) && is_digit(text[i + 1])) continue;
    std::uint32_t end = i + 1;
    while (end < e && (is_terminal(text[end]) || is_closing_quote(text[end]) || text[end] == U'"' ||
                       text[end] == U')'))
      ++end;
    out.emplace_back(start, end);
    start = end;
    i = end - 1;
  }
  if (!ignore_quotes && (depth != 0 || in_straight)) return false;
  if (start < e) out.emplace_back(start, e);
  return true;
}

bool looks_like_heading(std::u32string_view text, std::uint32_t b, std::uint32_t e) {
  if (b >= e) return false;
  char32_t last = text[e - 1];
  if (is_terminal(last) || last == U':' || last == U'\u060C' || last == U',' ||
      is_closing_quote(last) || last == U'"')
    return false;
  int words = 1;
  for (auto i = b; i < e && words <= 16; ++i)
    if (text[i] == U' ') ++words;
  return words <= 16;
}

}  // namespace

std::vector<Sentence> segment(std::u32string_view text) {
  std::vector<Sentence> sentences;
  int paragraph = 0;
  int section = 0;
  std::uint32_t line_start = 0;
  const auto n = static_cast<std::uint32_t>(text.size());
  std::vector<std::pair<std::uint32_t, std::uint32_t>> parts;
  for (std::uint32_t i = 0; i <= n; ++i) {
    if (i < n && text[i] != U'\n') continue;
    std::uint32_t b = line_start, e = i;
    line_start = i + 1;
    if (!trim(text, b, e)) continue;
    bool heading = looks_like_heading(text, b, e);
    if (heading && !sentences.empty()) ++section;
    parts.clear();
    if (!split_line(text, b, e, false, parts)) {
      parts.clear();
      split_line(text, b, e, true, parts);
    }
    for (auto [sb, se] : parts) {
      if (!trim(text, sb, se)) continue;
      sentences.push_back(Sentence{sb, se, paragraph, section, heading});
    }
    ++paragraph;
  }
  return sentences;
}

}  // namespace claimcheck
