// HTML input: a forward scan that strips tags, skips scripts, styles and other hidden
// content, decodes character references, puts block elements on lines of their own and
// records where every piece of text came from. Malformed markup is read the way browsers
// read it (an unknown tag is just a tag, a stray '<' is text); what swallows the rest of
// the page (a comment or a tag never closed) is reported as a warning with its offset.
#include "engine/markup.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

#include "grammar/text.hpp"

namespace claimcheck {

// ---------------------------------------------------------------------------------------
// the offset map

std::pair<std::size_t, std::size_t> OffsetMap::to_original(std::size_t b, std::size_t e) const {
  if (runs.empty()) return {0, 0};
  auto containing = [&](std::size_t t) {
    auto it = std::upper_bound(runs.begin(), runs.end(), t,
                               [](std::size_t v, const TextRun& r) { return v < r.text; });
    return it == runs.begin() ? runs.begin() : std::prev(it);
  };
  b = std::min(b, text_size);
  e = std::clamp(e, b, text_size);
  const TextRun& rb = *containing(b);
  std::size_t ob = rb.verbatim ? rb.orig + std::min(b - rb.text, rb.orig_len) : rb.orig;
  if (e == b) return {ob, ob};
  const TextRun& re = *containing(e - 1);
  std::size_t oe =
      re.verbatim ? re.orig + std::min(e - re.text, re.orig_len) : re.orig + re.orig_len;
  return {ob, std::max(ob, oe)};
}

std::pair<std::size_t, std::size_t> OffsetMap::to_text(std::size_t b, std::size_t e) const {
  if (runs.empty()) return {0, 0};
  auto containing = [&](std::size_t o) {
    auto it = std::upper_bound(runs.begin(), runs.end(), o,
                               [](std::size_t v, const TextRun& r) { return v < r.orig; });
    return it == runs.begin() ? runs.begin() : std::prev(it);
  };
  auto text_len = [&](std::vector<TextRun>::const_iterator it) {
    auto next = std::next(it);
    return (next == runs.end() ? text_size : next->text) - it->text;
  };
  e = std::max(e, b);
  auto ib = containing(b);
  std::size_t tb = ib->verbatim ? ib->text + std::min(b - std::min(b, ib->orig), text_len(ib))
                                : ib->text + (b >= ib->orig + ib->orig_len ? text_len(ib) : 0);
  if (e == b) return {tb, tb};
  auto ie = containing(e - 1);
  std::size_t te = ie->verbatim ? ie->text + std::min(e - std::min(e, ie->orig), text_len(ie))
                                : ie->text + text_len(ie);
  return {tb, std::max(tb, te)};
}

// ---------------------------------------------------------------------------------------
// character references

namespace {

struct Entity {
  std::string_view name;
  char32_t cp;
};

// The references news pages use; an unknown name stays as written, as browsers leave it.
constexpr std::array<Entity, 74> kEntities{{
    {"amp", U'&'},     {"lt", U'<'},       {"gt", U'>'},       {"quot", U'"'},
    {"apos", U'\''},   {"nbsp", 0xA0},     {"shy", 0xAD},      {"zwnj", 0x200C},
    {"zwj", 0x200D},   {"lrm", 0x200E},    {"rlm", 0x200F},    {"ensp", 0x2002},
    {"emsp", 0x2003},  {"thinsp", 0x2009}, {"hellip", 0x2026}, {"mdash", 0x2014},
    {"ndash", 0x2013}, {"lsquo", 0x2018},  {"rsquo", 0x2019},  {"sbquo", 0x201A},
    {"ldquo", 0x201C}, {"rdquo", 0x201D},  {"bdquo", 0x201E},  {"laquo", 0xAB},
    {"raquo", 0xBB},   {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"middot", 0xB7},
    {"bull", 0x2022},  {"deg", 0xB0},      {"plusmn", 0xB1},   {"times", 0xD7},
    {"divide", 0xF7},  {"percnt", U'%'},   {"permil", 0x2030}, {"euro", 0x20AC},
    {"pound", 0xA3},   {"yen", 0xA5},      {"cent", 0xA2},     {"dollar", U'$'},
    {"copy", 0xA9},    {"reg", 0xAE},      {"trade", 0x2122},  {"sect", 0xA7},
    {"para", 0xB6},    {"frac12", 0xBD},   {"frac14", 0xBC},   {"frac34", 0xBE},
    {"sup2", 0xB2},    {"sup3", 0xB3},     {"minus", 0x2212},  {"prime", 0x2032},
    {"Prime", 0x2033}, {"larr", 0x2190},   {"rarr", 0x2192},   {"num", U'#'},
    {"comma", U','},   {"period", U'.'},   {"colon", U':'},    {"semi", U';'},
    {"quest", U'?'},   {"excl", U'!'},     {"lpar", U'('},     {"rpar", U')'},
    {"sol", U'/'},     {"ast", U'*'},      {"plus", U'+'},     {"equals", U'='},
    {"hyphen", U'-'},  {"dash", 0x2010},   {"horbar", 0x2015}, {"iexcl", 0xA1},
    {"iquest", 0xBF},  {"ordm", 0xBA},
}};

// Windows-1252 for numeric references 0x80–0x9F, as the HTML standard reads them.
constexpr std::array<char32_t, 32> kC1{
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_alnum(char c) {
  return is_alpha(c) || (c >= '0' && c <= '9');
}
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = lower(c);
  return out;
}

bool starts_with_ci(std::string_view s, std::size_t pos, std::string_view prefix) {
  if (s.size() - std::min(pos, s.size()) < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (lower(s[pos + i]) != prefix[i]) return false;
  return true;
}

/// Finds `</name` (any case) at or after `from`.
std::size_t find_end_tag(std::string_view s, std::size_t from, std::string_view name) {
  for (std::size_t i = s.find("</", from); i != std::string_view::npos; i = s.find("</", i + 2)) {
    if (starts_with_ci(s, i + 2, name) &&
        (i + 2 + name.size() >= s.size() || !is_alnum(s[i + 2 + name.size()])))
      return i;
  }
  return std::string_view::npos;
}

}  // namespace

std::optional<std::string> decode_entity(std::string_view s, std::size_t& pos) {
  std::size_t i = pos + 1;
  std::string out;
  if (i < s.size() && s[i] == '#') {
    ++i;
    const bool hex = i < s.size() && (s[i] == 'x' || s[i] == 'X');
    if (hex) ++i;
    std::uint32_t value = 0;
    std::size_t digits = 0;
    for (; i < s.size(); ++i, ++digits) {
      int d = s[i] >= '0' && s[i] <= '9'                        ? s[i] - '0'
              : hex && lower(s[i]) >= 'a' && lower(s[i]) <= 'f' ? lower(s[i]) - 'a' + 10
                                                                : -1;
      if (d < 0) break;
      value = std::min<std::uint32_t>(value * (hex ? 16 : 10) + static_cast<std::uint32_t>(d),
                                      0x110000);  // saturates: no overflow
    }
    if (digits == 0) return std::nullopt;
    if (i < s.size() && s[i] == ';') ++i;
    char32_t cp = value;
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
      cp = 0xFFFD;
    else if (value >= 0x80 && value <= 0x9F)
      cp = kC1[value - 0x80];
    append_utf8(out, cp);
    pos = i;
    return out;
  }
  std::size_t end = i;
  while (end < s.size() && end - i < 32 && is_alnum(s[end])) ++end;
  std::string_view name = s.substr(i, end - i);
  const bool semicolon = end < s.size() && s[end] == ';';
  for (const auto& e : kEntities)
    if (e.name == name) {
      // without ';' only the legacy few that browsers accept bare
      if (!semicolon && name != "amp" && name != "lt" && name != "gt" && name != "quot" &&
          name != "nbsp" && name != "copy" && name != "reg")
        return std::nullopt;
      append_utf8(out, e.cp);
      pos = end + (semicolon ? 1 : 0);
      return out;
    }
  return std::nullopt;
}

bool looks_like_html(std::string_view path, std::string_view bytes) {
  std::string p = lowercase(path.substr(path.size() - std::min<std::size_t>(path.size(), 6)));
  auto ends = [&](std::string_view suffix) {
    return p.size() >= suffix.size() &&
           p.compare(p.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (ends(".html") || ends(".htm") || ends(".xhtml")) return true;
  std::size_t i = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < bytes.size() && is_space(bytes[i])) ++i;
  return starts_with_ci(bytes, i, "<!doctype html") || starts_with_ci(bytes, i, "<html");
}

// ---------------------------------------------------------------------------------------
// the scan

namespace {

struct Attribute {
  std::string name, value;
};

struct Tag {
  std::string name;  ///< lower case
  bool closing = false, self_closing = false;
  std::vector<Attribute> attributes;
  std::size_t begin = 0, end = 0;  ///< bytes of the page, '<' to past '>'

  std::string get(std::string_view key) const {
    for (const auto& a : attributes)
      if (a.name == key) return a.value;
    return "";
  }
};

/// Reads the tag at `pos` ('<' then a letter, or "</" then a letter). Returns false when
/// the page ends before its '>'.
bool read_tag(std::string_view s, std::size_t pos, Tag& tag, bool keep_attributes) {
  tag = Tag{};
  tag.begin = pos;
  std::size_t i = pos + 1;
  if (s[i] == '/') tag.closing = true, ++i;
  std::size_t n = i;
  while (n < s.size() && !is_space(s[n]) && s[n] != '/' && s[n] != '>') ++n;
  tag.name = lowercase(s.substr(i, n - i));
  i = n;
  while (i < s.size()) {
    while (i < s.size() && (is_space(s[i]) || s[i] == '/')) {
      if (s[i] == '/' && i + 1 < s.size() && s[i + 1] == '>') tag.self_closing = true;
      ++i;
    }
    if (i >= s.size()) return false;
    if (s[i] == '>') {
      tag.end = i + 1;
      return true;
    }
    std::size_t a = i;
    ++i;  // an attribute name may start with '='
    while (i < s.size() && !is_space(s[i]) && s[i] != '=' && s[i] != '>' && s[i] != '/') ++i;
    Attribute attr{keep_attributes ? lowercase(s.substr(a, i - a)) : std::string(), ""};
    while (i < s.size() && is_space(s[i])) ++i;
    if (i < s.size() && s[i] == '=') {
      ++i;
      while (i < s.size() && is_space(s[i])) ++i;
      std::size_t vb, ve;
      if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
        std::size_t close = s.find(s[i], i + 1);
        if (close == std::string_view::npos) return false;
        vb = i + 1, ve = close, i = close + 1;
      } else {
        vb = i;
        while (i < s.size() && !is_space(s[i]) && s[i] != '>') ++i;
        ve = i;
      }
      if (keep_attributes) {
        for (std::size_t k = vb; k < ve;) {
          std::size_t at = k;
          if (s[k] == '&')
            if (auto decoded = decode_entity(s, at); decoded && at <= ve) {
              attr.value += *decoded;
              k = at;
              continue;
            }
          attr.value += s[k++];
        }
      }
    }
    if (keep_attributes) tag.attributes.push_back(std::move(attr));
  }
  return false;
}

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

/// Elements that start and end a line of text.
bool is_block(std::string_view n) {
  return one_of(
      n,
      {"address", "article", "aside",   "blockquote", "body",  "br",       "caption",    "dd",
       "details", "dialog",  "div",     "dl",         "dt",    "fieldset", "figcaption", "figure",
       "footer",  "form",    "h1",      "h2",         "h3",    "h4",       "h5",         "h6",
       "header",  "hgroup",  "hr",      "li",         "main",  "nav",      "ol",         "p",
       "pre",     "section", "summary", "table",      "tbody", "td",       "tfoot",      "th",
       "thead",   "tr",      "ul",      "option",     "legend"});
}

/// Elements whose content is not text of the page. The first few are raw text: nothing
/// inside them is markup, so they end only at their own end tag.
bool is_raw_text(std::string_view n) {
  return one_of(n, {"script", "style", "textarea", "xmp", "iframe", "noembed", "noframes"});
}
bool is_hidden(std::string_view n) {
  return one_of(n, {"head", "noscript", "template", "svg", "math", "object", "select", "button"});
}

/// Builds the text and its offset map.
class Builder {
 public:
  explicit Builder(HtmlText& out) : out_(out) {}

  void verbatim(std::size_t orig, std::string_view bytes) {
    if (bytes.empty()) return;
    auto& runs = out_.map.runs;
    if (!runs.empty() && runs.back().verbatim && runs.back().orig + runs.back().orig_len == orig &&
        runs.back().text + runs.back().orig_len == out_.text.size())
      runs.back().orig_len += bytes.size();
    else
      runs.push_back({out_.text.size(), orig, bytes.size(), true});
    out_.text += bytes;
  }
  void replaced(std::size_t orig, std::size_t orig_len, std::string_view text) {
    if (text.empty()) return;
    out_.map.runs.push_back({out_.text.size(), orig, orig_len, false});
    out_.text += text;
  }
  /// White space in the page: one space, none at the start of a line.
  void space(std::size_t orig, std::size_t len) {
    if (out_.text.empty() || out_.text.back() == ' ' || out_.text.back() == '\n') return;
    replaced(orig, len, " ");
  }
  /// A block boundary: a line break, never two in a row, never a trailing space before it.
  void line_break(std::size_t orig, std::size_t len) {
    drop_trailing_space();
    if (out_.text.empty() || out_.text.back() == '\n') return;
    replaced(orig, len, "\n");
  }
  void finish() {
    drop_trailing_space();
    auto& runs = out_.map.runs;
    if (!out_.text.empty() && out_.text.back() == '\n' && !runs.empty() && !runs.back().verbatim &&
        runs.back().text + 1 == out_.text.size()) {
      out_.text.pop_back();
      runs.pop_back();
    }
    out_.map.text_size = out_.text.size();
  }

 private:
  void drop_trailing_space() {
    auto& runs = out_.map.runs;
    if (out_.text.empty() || out_.text.back() != ' ' || runs.empty() || runs.back().verbatim)
      return;
    if (runs.back().text + 1 != out_.text.size()) return;  // the space is part of a longer run
    out_.text.pop_back();
    runs.pop_back();
  }
  HtmlText& out_;
};

std::string trimmed(std::string s) {
  std::size_t b = 0, e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  std::string out;
  bool gap = false;
  for (std::size_t i = b; i < e; ++i) {  // white space collapsed, as a browser shows it
    if (is_space(s[i])) {
      gap = true;
      continue;
    }
    if (gap) out += ' ';
    gap = false;
    out += s[i];
  }
  return out;
}

/// Decodes character references in a run of text (a title).
std::string decode_text(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t at = i;
    if (s[i] == '&')
      if (auto d = decode_entity(s, at)) {
        out += *d;
        i = at;
        continue;
      }
    out += s[i++];
  }
  return out;
}

/// "2024-03-05T10:00:00+01:00" → "2024-03-05"; anything not ISO 8601 is ignored.
std::string iso_date(const std::string& s) {
  auto digits = [&](std::size_t from, std::size_t n) {
    if (s.size() < from + n) return false;
    for (std::size_t i = from; i < from + n; ++i)
      if (s[i] < '0' || s[i] > '9') return false;
    return true;
  };
  if (digits(0, 4) && s.size() >= 10 && s[4] == '-' && digits(5, 2) && s[7] == '-' && digits(8, 2))
    return s.substr(0, 10);
  return "";
}

}  // namespace

std::optional<std::pair<std::size_t, std::string>> declared_charset(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 4096);
  for (std::size_t i = 0; (i = head.find('<', i)) != std::string_view::npos; ++i) {
    if (!starts_with_ci(head, i, "<meta") || i + 5 >= head.size() || is_alnum(head[i + 5]))
      continue;
    Tag tag;
    if (!read_tag(head, i, tag, true)) break;
    std::string charset = tag.get("charset");
    if (charset.empty() && lowercase(tag.get("http-equiv")) == "content-type") {
      std::string content = lowercase(tag.get("content"));
      if (auto at = content.find("charset="); at != std::string::npos) {
        charset = content.substr(at + 8);
        charset = charset.substr(0, charset.find_first_of("; \"'"));
      }
    }
    if (!charset.empty()) return std::pair{i, lowercase(trimmed(charset))};
  }
  return std::nullopt;
}

HtmlText html_to_text(std::string_view s) {
  HtmlText out;
  Builder b(out);
  std::string og_title, og_url, site_name, publisher, author;
  std::size_t i = s.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  std::string hidden;  // the hidden element we are inside, if any
  int hidden_depth = 0;
  int pre_depth = 0;
  auto warn = [&](std::size_t at, const std::string& what) {
    out.warnings.push_back("byte " + std::to_string(at) + ": " + what);
  };
  Tag tag;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '<') {
      if (s.compare(i, 4, "<!--") == 0) {
        std::size_t end = s.find("-->", i + 4);
        if (end == std::string_view::npos) {
          warn(i, "a comment is never closed; the rest of the page is ignored");
          break;
        }
        i = end + 3;
        continue;
      }
      if (i + 1 < s.size() && (s[i + 1] == '!' || s[i + 1] == '?')) {  // doctype, CDATA, PI
        std::size_t end = s.find('>', i);
        if (end == std::string_view::npos) {
          warn(i, "a declaration is never closed; the rest of the page is ignored");
          break;
        }
        i = end + 1;
        continue;
      }
      const bool closing = i + 1 < s.size() && s[i + 1] == '/';
      const std::size_t name_at = i + 1 + (closing ? 1 : 0);
      if (name_at < s.size() && is_alpha(s[name_at])) {
        if (!read_tag(s, i, tag, !closing)) {
          warn(i, "a tag is never closed; the rest of the page is ignored");
          break;
        }
        i = tag.end;
        const std::string& n = tag.name;
        if (hidden == "head" && !tag.closing &&
            !one_of(n,
                    {"meta", "link", "title", "style", "script", "noscript", "base", "template"}))
          hidden.clear();                      // the body has begun without </head>, as HTML allows
        if (!hidden.empty() && n == hidden) {  // only the hidden element's own nesting matters
          hidden_depth += tag.closing ? -1 : (tag.self_closing ? 0 : 1);
          if (hidden_depth <= 0) {
            hidden.clear();
            continue;
          }
        }
        if (!tag.closing && is_raw_text(n)) {
          std::size_t end = find_end_tag(s, i, n);
          if (end == std::string_view::npos) {
            warn(tag.begin, "<" + n + "> is never closed; the rest of the page is ignored");
            break;
          }
          i = end;  // the end tag is read next, as an ordinary tag
          continue;
        }
        if (!hidden.empty() && hidden != "head") continue;
        if (!tag.closing && n == "html") {
          std::string lang = lowercase(tag.get("lang"));
          lang = lang.substr(0, lang.find_first_of("-_"));
          if (lang.size() == 2 && is_alpha(lang[0]) && is_alpha(lang[1])) out.lang = lang;
        } else if (!tag.closing && n == "meta") {
          std::string key = lowercase(tag.get("property"));
          if (key.empty()) key = lowercase(tag.get("name"));
          if (key.empty()) key = lowercase(tag.get("itemprop"));
          std::string content = trimmed(tag.get("content"));
          if (key == "og:title") og_title = content;
          if (key == "og:site_name") site_name = content;
          if (key == "og:url") og_url = content;
          if (key == "publisher" || key == "article:publisher") publisher = content;
          if (key == "author") author = content;
          if ((key == "article:published_time" || key == "datepublished" || key == "date" ||
               key == "pubdate" || key == "dc.date") &&
              out.date.empty())
            out.date = iso_date(content);
        } else if (!tag.closing && n == "link") {
          if (lowercase(tag.get("rel")) == "canonical") out.url = trimmed(tag.get("href"));
        } else if (!tag.closing && n == "title") {
          std::size_t end = find_end_tag(s, i, "title");
          std::size_t stop = end == std::string_view::npos ? s.size() : end;
          if (out.title.empty()) out.title = trimmed(decode_text(s.substr(i, stop - i)));
          i = stop;
          continue;
        }
        if (!hidden.empty()) continue;  // head: metadata only
        if (!tag.closing && !tag.self_closing && is_hidden(n)) {
          hidden = n, hidden_depth = 1;
          continue;
        }
        if (n == "pre") pre_depth = std::max(0, pre_depth + (tag.closing ? -1 : 1));
        if (is_block(n)) b.line_break(tag.begin, tag.end - tag.begin);
        continue;
      }
      if (closing && name_at < s.size() && s[name_at] == '>') {  // "</>" is nothing
        i = name_at + 1;
        continue;
      }
    }
    if (hidden == "head" && !is_space(c)) hidden.clear();  // text: the body has begun
    if (!hidden.empty()) {                                 // text inside a hidden element
      std::size_t next = s.find('<', i + 1);
      i = next == std::string_view::npos ? s.size() : next;
      continue;
    }
    if (c == '&') {
      std::size_t at = i;
      if (auto decoded = decode_entity(s, at)) {
        if (*decoded == "\xC2\xA0")
          b.space(i, at - i);  // no-break spaces collapse like spaces
        else
          b.replaced(i, at - i, *decoded);
        i = at;
        continue;
      }
      b.verbatim(i, s.substr(i, 1));
      ++i;
      continue;
    }
    if (is_space(c)) {
      std::size_t j = i;
      while (j < s.size() && is_space(s[j])) {
        if (pre_depth > 0 && s[j] == '\n') break;
        ++j;
      }
      if (j == i) {  // a line break inside <pre>
        b.line_break(i, 1);
        ++i;
        continue;
      }
      b.space(i, j - i);
      i = j;
      continue;
    }
    std::size_t j = i + 1;
    while (j < s.size() && s[j] != '<' && s[j] != '&' && !is_space(s[j])) ++j;
    b.verbatim(i, s.substr(i, j - i));
    i = j;
  }
  b.finish();
  if (!og_title.empty()) out.title = og_title;
  out.source = !site_name.empty() ? site_name : !publisher.empty() ? publisher : author;
  if (out.url.empty()) out.url = og_url;
  return out;
}

}  // namespace claimcheck
