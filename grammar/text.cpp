// Text layer implementation: UTF-8 checks and the matching normalisation with offsets.
#include "grammar/text.hpp"

#include <utf8proc.h>

#include <algorithm>

namespace claimcheck {

std::optional<Utf8Error> find_utf8_error(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2, cp = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3, cp = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4, cp = c & 0x07, min = 0x10000;
    } else if (c == 0xC0 || c == 0xC1) {
      return Utf8Error{i, "overlong encoding (lead byte 0xC0/0xC1)"};
    } else if (c >= 0x80 && c <= 0xBF) {
      return Utf8Error{i, "unexpected continuation byte"};
    } else {
      return Utf8Error{i, "invalid lead byte"};
    }
    if (i + len > n) return Utf8Error{i, "truncated multi-byte sequence"};
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return Utf8Error{i + k, "expected a continuation byte"};
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if (cp < min) return Utf8Error{i, "overlong encoding"};
    if (cp >= 0xD800 && cp <= 0xDFFF) return Utf8Error{i, "encoded surrogate code point"};
    if (cp > 0x10FFFF) return Utf8Error{i, "code point above U+10FFFF"};
    i += len;
  }
  return std::nullopt;
}

char32_t decode_utf8(std::string_view s, std::size_t& pos) {
  auto c = static_cast<unsigned char>(s[pos]);
  if (c < 0x80) {
    ++pos;
    return c;
  }
  std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  char32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
  for (std::size_t k = 1; k < len && pos + k < s.size(); ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[pos + k]) & 0x3F);
  pos += len;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string to_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 2);
  for (char32_t cp : text) append_utf8(out, cp);
  return out;
}

std::pair<std::uint32_t, std::uint32_t> NormalisedText::bytes(std::size_t begin,
                                                              std::size_t end) const {
  if (from.empty() || begin >= end || begin >= from.size()) return {0, 0};
  if (end > to.size()) end = to.size();
  return {from[begin], to[end - 1]};
}

bool is_other_word_char(char32_t cp) {
  auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  switch (cat) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
      return true;
    default:
      return false;
  }
}

namespace {

constexpr char32_t kDrop = 0xFFFFFFFF;

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\v' || cp == '\f' || cp == 0x00A0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/// Folds that apply after compatibility decomposition: Arabic letters, digits, tatweel.
char32_t fold_letter(char32_t cp) {
  if (cp >= 0x0660 && cp <= 0x0669) return U'0' + (cp - 0x0660);
  if (cp >= 0x06F0 && cp <= 0x06F9) return U'0' + (cp - 0x06F0);
  switch (cp) {
    case 0x0640:
      return kDrop;  // tatweel
    case 0x0671:
      return 0x0627;  // alef wasla → alef
    case 0x0649:
      return 0x064A;  // alef maqsura → yeh
    case 0x06CC:
      return 0x064A;  // Farsi yeh → yeh
    case 0x0629:
      return 0x0647;  // teh marbuta → heh
    case 0x06A9:
      return 0x0643;  // keheh → kaf
    case 0x066A:
      return U'%';  // Arabic percent sign
    default:
      return cp;
  }
}

/// Appends the normalised code points for one source code point to `out`.
template <typename Emit>
void normalise_code_point(char32_t cp, Emit&& emit) {
  if (cp < 0x80) {
    if (cp >= 'A' && cp <= 'Z') cp += 32;
    emit(is_space(cp) ? U' ' : cp);
    return;
  }
  if (is_space(cp)) {
    emit(U' ');
    return;
  }
  if (cp == 0x2028 || cp == 0x2029 || cp == 0x0085) {
    emit(U'\n');
    return;
  }
  // Arabic base letters need no decomposition; harakat and Quranic marks are dropped.
  if ((cp >= 0x0621 && cp <= 0x063A) || (cp >= 0x0641 && cp <= 0x064A) ||
      (cp >= 0x0660 && cp <= 0x0669) || cp == 0x0640 || cp == 0x0671 || cp == 0x0649 ||
      cp == 0x0629) {
    // Letters with hamza or madda decompose; handle the common ones directly.
    switch (cp) {
      case 0x0622:
      case 0x0623:
      case 0x0625:
        emit(0x0627);
        return;  // آ أ إ → ا
      case 0x0624:
        emit(0x0648);
        return;  // ؤ → و
      case 0x0626:
        emit(0x064A);
        return;  // ئ → ي
      default:
        break;
    }
    char32_t f = fold_letter(cp);
    if (f != kDrop) emit(f);
    return;
  }
  if ((cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || (cp >= 0x06D6 && cp <= 0x06ED)) return;
  utf8proc_int32_t buf[18];
  int bound = 0;
  auto n = utf8proc_decompose_char(
      static_cast<utf8proc_int32_t>(cp), buf, 18,
      static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                     UTF8PROC_STRIPMARK | UTF8PROC_IGNORE),
      &bound);
  if (n < 0 || n > 18) {
    emit(cp);
    return;
  }
  for (int k = 0; k < n; ++k) {
    auto d = static_cast<char32_t>(buf[k]);
    if (is_space(d)) d = U' ';
    switch (d) {
      case 0x0622:
      case 0x0623:
      case 0x0625:
        d = 0x0627;
        break;
      case 0x0624:
        d = 0x0648;
        break;
      case 0x0626:
        d = 0x064A;
        break;
      default:
        break;
    }
    if ((d >= 0x064B && d <= 0x065F) || d == 0x0670) continue;
    d = fold_letter(d);
    if (d != kDrop) emit(d);
  }
}

/// What normalise_code_point makes of each code point below U+0800 (every ASCII and
/// Arabic one): the one code point it emits, kDrop for none, kSlow for more than one.
/// Built once from normalise_code_point itself, so that the table and the function agree.
constexpr char32_t kSlow = 0xFFFFFFFE;
constexpr std::size_t kTabled = 0x800;
const std::vector<char32_t>& one_code_point_table() {
  static const std::vector<char32_t> table = [] {
    std::vector<char32_t> t(kTabled);
    for (char32_t cp = 0; cp < kTabled; ++cp) {
      int n = 0;
      char32_t only = kDrop;
      normalise_code_point(cp, [&](char32_t c) { only = c, ++n; });
      t[cp] = n == 0 ? kDrop : n == 1 ? only : kSlow;
    }
    return t;
  }();
  return table;
}

}  // namespace

NormalisedText normalise(std::string_view s) {
  // The hot loop writes through plain pointers into buffers sized up front (a code point
  // emits at most 18 others, utf8proc's bound below), cut to length at the end.
  const std::vector<char32_t>& one = one_code_point_table();
  constexpr std::size_t kMaxEmitted = 18;
  NormalisedText out;
  std::size_t cap = s.size() + kMaxEmitted;
  out.text.resize(cap);
  out.from.resize(cap);
  out.to.resize(cap);
  char32_t* text = out.text.data();
  std::uint32_t* from = out.from.data();
  std::uint32_t* to = out.to.data();
  std::size_t n = 0;
  std::size_t pos = 0;
  const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
  auto emit = [&](char32_t c, std::size_t start) {
    if (c == U' ') {
      // collapse runs of spaces, and drop spaces at the start of a line
      if (n == 0 || text[n - 1] == U' ' || text[n - 1] == U'\n') return;
    } else if (c == U'\n' && n > 0 && text[n - 1] == U' ') {
      --n;
    }
    text[n] = c;
    from[n] = static_cast<std::uint32_t>(start);
    to[n] = static_cast<std::uint32_t>(pos);
    ++n;
  };
  // Room for a code point for each byte left: a code point of the table takes a byte or
  // more and gives one at most, and the slow path makes room for its own.
  while (pos < s.size()) {
    std::size_t start = pos;
    char32_t cp;
    const unsigned char c = bytes[pos];
    if (c < 0x80) {
      cp = c;
      ++pos;
    } else if (c >= 0xC2 && c <= 0xDF && pos + 1 < s.size()) {  // two bytes: Arabic
      cp = static_cast<char32_t>(c & 0x1F) << 6 | (bytes[pos + 1] & 0x3F);
      pos += 2;
    } else {
      cp = decode_utf8(s, pos);
    }
    if (cp == '\r') {
      if (pos < s.size() && s[pos] == '\n') continue;  // CRLF: the LF carries the break
      cp = '\n';
    }
    const char32_t mapped = cp < kTabled ? one[cp] : kSlow;
    if (mapped < kSlow) {  // one code point: it is written, or a space collapses
      emit(mapped, start);
      continue;
    }
    std::size_t before = n;
    if (mapped == kSlow) {
      const std::size_t left = pos < s.size() ? s.size() - pos : 0;
      if (cap - n < kMaxEmitted + left) {  // a code point may decompose into many
        cap = std::max(cap * 2, n + kMaxEmitted + left);
        out.text.resize(cap);
        out.from.resize(cap);
        out.to.resize(cap);
        text = out.text.data();
        from = out.from.data();
        to = out.to.data();
      }
      normalise_code_point(cp, [&](char32_t d) { emit(d, start); });
    }
    // a dropped mark or tatweel belongs to the letter before it (after a written code
    // point, the test below never holds: nothing was dropped)
    if (n == before && n > 0 && text[n - 1] != U' ' && text[n - 1] != U'\n' && cp != U' ' &&
        cp != U'\n' && cp != U'\t' && to[n - 1] == start)
      to[n - 1] = static_cast<std::uint32_t>(pos);
  }
  out.text.resize(n);
  out.from.resize(n);
  out.to.resize(n);
  return out;
}

std::u32string normalise_key(std::string_view utf8) {
  // the lexicon's thousands of forms: the table of normalise() for the code points it
  // holds, normalise_code_point for the rest
  const std::vector<char32_t>& one = one_code_point_table();
  std::u32string out;
  out.reserve(utf8.size());  // room for a code point a byte; grown should one emit more
  auto emit = [&](char32_t c) {
    if (c == U' ' || c == U'\n') {
      if (out.empty() || out.back() == U' ') return;
      c = U' ';
    }
    out.push_back(c);
  };
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    char32_t cp = decode_utf8(utf8, pos);
    if (cp < kTabled && one[cp] != kSlow) {
      if (one[cp] != kDrop) emit(one[cp]);
      continue;
    }
    normalise_code_point(cp, emit);
  }
  while (!out.empty() && out.back() == U' ') out.pop_back();
  return out;
}

}  // namespace claimcheck
