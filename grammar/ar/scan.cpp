// The sentence scanner: walks a sentence word by word and, at each word start, tries the
// Arabic rules (time, quantity, entity list, entity, predicate, attribution, preposition)
// in that order, keeping the first that matches and skipping the word otherwise. Only the
// rules the dispatch table (LanguageForms::starts) says may start at the word are tried:
// skipping is the hot path, most words are not claims. Also the clause splitter and the
// whole-text parsers.
#include <cmath>
#include <set>

#include "grammar/ar/arabic.hpp"
#include "grammar/ar/memo.hpp"
#include "grammar/ar/rules.hpp"

namespace claimcheck::ar {
namespace {

using ar::context_type;
using ar::iterator_type;

bool is_digit(char32_t c) {
  return c >= U'0' && c <= U'9';
}

template <typename Rule, typename Attr>
bool parse_at(const Lexicon& lex, Rule const& rule, iterator_type& first, iterator_type last,
              Attr& attr) {
  context_type ctx(tables(lex));
  return rule.parse(first, last, ctx, x3::unused, attr);
}

claimcheck::QuantityOp to_op(int op) {
  switch (op) {
    case op_gt:
      return claimcheck::QuantityOp::gt;
    case op_ge:
      return claimcheck::QuantityOp::ge;
    case op_lt:
      return claimcheck::QuantityOp::lt;
    case op_le:
      return claimcheck::QuantityOp::le;
    case op_approx:
      return claimcheck::QuantityOp::approx;
    case ar::q_between:
      return claimcheck::QuantityOp::between;
    default:
      return claimcheck::QuantityOp::eq;
  }
}

QuantityPiece to_piece(const ar::QuantityAst& q, Span span, Preceding preceding) {
  QuantityPiece p;
  p.op = to_op(q.op);
  p.value = q.value;
  p.upper = q.upper;
  p.percent = q.percent;
  p.vague = q.vague;
  p.absence = q.absence;
  p.qualified = q.op != ar::q_eq || q.absence;
  p.object = q.object;
  p.preceding = preceding;
  p.span = span;
  return p;
}

TimePiece to_piece(const ar::TimeAst& t, Span span) {
  TimePiece p;
  p.op = static_cast<claimcheck::TimeOp>(t.op);
  p.y1 = t.y1, p.m1 = t.m1, p.d1 = t.d1;
  p.y2 = t.y2, p.m2 = t.m2, p.d2 = t.d2;
  p.relative = t.relative;
  p.span = span;
  return p;
}

/// Whether the word before `at` makes what follows a name (cues.tsv name_head: شارع، ميدان،
/// مسجد), with a proclitic (بشارع، وميدان) or the article.
bool after_name_head(const Lexicon& lex, std::u32string_view text, Span range, std::uint32_t at) {
  const auto& heads = tables(lex).name_head;
  if (heads.empty()) return false;
  std::uint32_t end = at;
  while (end > range.begin && text[end - 1] == U' ') --end;
  std::uint32_t begin = end;
  while (begin > range.begin && text[begin - 1] != U' ') --begin;
  std::u32string w(text.substr(begin, end - begin));
  for (int k = 0; k < 2 && !w.empty(); ++k) {
    if (heads.count(w)) return true;
    if (w.size() > 3 &&
        std::u32string_view(U"\u0648\u0641\u0628\u0644").find(w[0]) != std::u32string_view::npos)
      w.erase(0, 1);
    else
      break;
  }
  return false;
}

/// Whether one of `cues` stands before `at` in its clause: the words back to the clause's
/// punctuation, `max_words` at most, as written or after one proclitic, alone or with the
/// word after them.
bool cue_before(const std::unordered_set<std::u32string>& cues, std::u32string_view text,
                Span range, std::uint32_t at, int max_words) {
  if (cues.empty()) return false;
  std::uint32_t end = at;
  std::u32string next;  // the word after the one looked at, for two-word cues
  for (int words = 0; words < max_words; ++words) {
    while (end > range.begin && text[end - 1] == U' ') --end;
    if (end == range.begin || !is_word_char(text[end - 1])) return false;  // ، . : « …
    std::uint32_t begin = end;
    while (begin > range.begin && is_word_char(text[begin - 1])) --begin;
    std::u32string w(text.substr(begin, end - begin));
    if (cues.count(w) || (!next.empty() && cues.count(w + U' ' + next))) return true;
    if (w.size() > 3 && (w[0] == U'\u0648' || w[0] == U'\u0641') && cues.count(w.substr(1)))
      return true;
    next = std::move(w);
    end = begin;
  }
  return false;
}
/// Whether a charge stands before the time at `at` in its clause, ten words back at most
/// (cues.tsv charge, charge_of: «بتهمة قتل أفراد من قوات الأمن في نهاية عام 2010»،
/// «متهمين بقتل …»): the time is the crime's. Where the charge begins, else UINT32_MAX.
std::uint32_t charge_before(const Lexicon& lex, std::u32string_view text, Span range,
                            std::uint32_t at) {
  const auto& t = tables(lex);
  std::uint32_t end = at;
  char32_t next_first = 0;  // the first letter of the word after the one looked at
  for (int words = 0; words < 10; ++words) {
    while (end > range.begin && text[end - 1] == U' ') --end;
    if (end == range.begin || !is_word_char(text[end - 1])) return UINT32_MAX;
    std::uint32_t begin = end;
    while (begin > range.begin && is_word_char(text[begin - 1])) --begin;
    std::u32string w(text.substr(begin, end - begin));
    if (w.size() > 3 && w[0] == U'\u0648') w.erase(0, 1);  // و
    if (t.charge.count(w) || (next_first == U'\u0628' && t.charge_of.count(w))) return begin;
    next_first = text[begin];
    end = begin;
  }
  return UINT32_MAX;
}

/// Whether a word of prison follows the duration ending at `end` (cues.tsv prison_term:
/// «30 سنة سجنا»), one word or two.
bool prison_after(const Lexicon& lex, std::u32string_view text, Span range, std::uint32_t end) {
  const auto& words = tables(lex).prison_term;
  if (end + 1 >= range.end || text[end] != U' ') return false;
  std::uint32_t e = end + 1;
  while (e < range.end && is_word_char(text[e])) ++e;
  std::u32string w(text.substr(end + 1, e - end - 1));
  if (words.count(w)) return true;
  if (e + 1 >= range.end || text[e] != U' ') return false;
  std::uint32_t e2 = e + 1;
  while (e2 < range.end && is_word_char(text[e2])) ++e2;
  return words.count(w + U' ' + std::u32string(text.substr(e + 1, e2 - e - 1))) > 0;
}

/// Whether a condition, a wish or a negated future opens the clause of the number at `at`
/// (cues.tsv hypothetical: «لو قتل 100 شخص»، «في حال وصول 50»، «يسعى للحصول على 100
/// مقعد»), eight words back at most.
bool hypothetical_before(const Lexicon& lex, std::u32string_view text, Span range,
                         std::uint32_t at) {
  return cue_before(tables(lex).hypothetical, text, range, at, 8);
}
/// Whether a time at `at` is that of a background event, a comparison, a hearing or a
/// founding (cues.tsv background), the cue at most four words before it in its clause.
bool background_before(const Lexicon& lex, std::u32string_view text, Span range, std::uint32_t at) {
  return cue_before(tables(lex).background, text, range, at, 4);
}

EntityPiece to_piece(const ar::EntityAst& e, Span span, Preceding preceding) {
  EntityPiece p;
  p.entity = e.entity;
  p.anaphor = e.anaphor;
  p.preceding = e.prefixed ? Preceding::preposition : preceding;
  p.span = span;
  return p;
}

/// A number glued to a name (كوفيد-19، كوفيد -19، G20) is part of the name.
bool part_of_name(std::u32string_view text, std::uint32_t begin, std::uint32_t p) {
  if (p == begin) return false;
  char32_t prev = text[p - 1];
  if (is_word_char(prev)) return true;
  if (prev != U'-') return false;
  std::uint32_t q = p - 1;
  if (q > begin && text[q - 1] == U' ') --q;
  return q > begin && is_word_char(text[q - 1]) && !is_digit(text[q - 1]);
}

/// Whether one of the three words before `at` may open a fuller time (time_context_rule),
/// or the time itself closes a range (حتى، إلى: its first end is before it).
bool time_context_before(const Lexicon& lex, std::u32string_view text, Span range,
                         std::uint32_t at) {
  const char32_t* base = text.data();
  std::uint32_t w = at;
  for (int words = 0; words < 6 && w > range.begin; ++words) {
    while (w > range.begin && !is_word_char(text[w - 1])) --w;
    std::uint32_t wb = w;
    while (wb > range.begin && is_word_char(text[wb - 1])) --wb;
    if (wb == w) break;
    iterator_type it = base + wb;
    x3::unused_type none;
    if (parse_at(lex, ar::time_context_rule(), it, base + w, none) && it == base + w) return true;
    w = wb;
  }
  iterator_type it = base + at;
  x3::unused_type none;
  return parse_at(lex, ar::time_context_rule(), it, base + range.end, none);
}

/// Whether the word before `at` (past spaces, brackets and quotes) is a label that makes a
/// number after it a name or a reference (cues.tsv label: المادة 5، رقم (4114، ثورة 25 يناير).
bool after_label(const Lexicon& lex, std::u32string_view text, Span range, std::uint32_t at) {
  const char32_t* base = text.data();
  std::uint32_t w = at;
  while (w > range.begin &&
         (text[w - 1] == U' ' || text[w - 1] == U'(' || text[w - 1] == U'[' ||
          text[w - 1] == U'"' || text[w - 1] == U'\u00AB' || text[w - 1] == U':'))
    --w;
  std::uint32_t wb = w;
  while (wb > range.begin && is_word_char(text[wb - 1])) --wb;
  if (wb == w) return false;
  iterator_type it = base + wb;
  x3::unused_type none;
  if (parse_at(lex, ar::label_rule(), it, base + w, none) && it == base + w) return true;
  // رقم written against the word before it (المحضررقم 1300): a label all the same
  constexpr std::u32string_view raqm = U"\u0631\u0642\u0645";  // رقم
  if (w - wb > raqm.size() && text.substr(w - raqm.size(), raqm.size()) == raqm) return true;
  // a number after a labelled one (المادتين 208 و245، الفقرتين 3 و4): a reference too
  if (std::all_of(text.begin() + wb, text.begin() + w, is_digit) && at > w &&
      (text[at - 1] == U'\u0648' || text[at - 1] == U' '))
    return after_label(lex, text, range, wb);
  // لل is ل with the article (للمادة = ل + المادة): the label with its article
  std::u32string_view word = text.substr(wb, w - wb);
  if (word.size() > 0 && (word[0] == U'\u0648' || word[0] == U'\u0641')) word.remove_prefix(1);
  if (word.size() < 4 || word[0] != U'\u0644' || word[1] != U'\u0644') return false;
  std::u32string with_article = U"\u0627" + std::u32string(word.substr(1));
  iterator_type first = with_article.data();
  iterator_type end = first + with_article.size();
  return parse_at(lex, ar::label_rule(), first, end, none) && first == end;
}

/// The duration cue (cues.tsv duration, within) right before `at`, or one word before it
/// when the duration is not in years (بحبس الناشط 4 أيام; حبس محمد 35 سنة is an age):
/// 1, 2 for «within», 0 for none.
int duration_cue_before(const Lexicon& lex, std::u32string_view text, Span range, std::uint32_t at,
                        const UnitInfo& unit) {
  const char32_t* base = text.data();
  auto word_before = [&](std::uint32_t end) {
    while (end > range.begin && text[end - 1] == U' ') --end;
    std::uint32_t begin = end;
    while (begin > range.begin && is_word_char(text[begin - 1])) --begin;
    return Span{begin, end};
  };
  auto cue = [&](Span w) {
    int value = 0;
    iterator_type it = base + w.begin;
    if (w.end > w.begin && parse_at(lex, ar::duration_cue_rule(), it, base + w.end, value) &&
        it == base + w.end)
      return value;
    return 0;
  };
  const Span w1 = word_before(at);
  if (w1.end == w1.begin || w1.end == at) return 0;  // at the start, or glued to a word
  if (int value = cue(w1)) return value;
  if (unit.id == "year" || unit.id == "decade") return 0;
  const Span w2 = word_before(w1.begin);
  return w2.end < w1.begin ? cue(w2) : 0;
}

/// The start of the word that ends right before `at` (past spaces), and of the ones before
/// it: up to `n` word starts, nearest first.
std::vector<std::uint32_t> word_starts_before(std::u32string_view text, Span range,
                                              std::uint32_t at, int n) {
  std::vector<std::uint32_t> out;
  std::uint32_t w = at;
  auto aside = [](char32_t c) {  // spaces, brackets and quotes stand aside of the phrase
    return c == U' ' || c == U'(' || c == U')' || c == U'"' || c == U'\u00AB' || c == U'\u00BB';
  };
  while (static_cast<int>(out.size()) < n && w > range.begin) {
    while (w > range.begin && aside(text[w - 1])) --w;
    std::uint32_t wb = w;
    while (wb > range.begin && is_word_char(text[wb - 1])) --wb;
    if (wb == w) break;  // punctuation: the phrase ends here
    out.push_back(wb);
    w = wb;
  }
  return out;
}

/// A people cue (cues.tsv people) ending right before the number at `at` (مقتل 3، مصرع
/// وإصابة 12، القبض على 8): the person object's index, else -1.
int people_before(const Lexicon& lex, std::u32string_view text, Span range, std::uint32_t at) {
  if (at == range.begin || text[at - 1] != U' ') return -1;
  const char32_t* base = text.data();
  std::uint32_t end = at - 1;
  while (end > range.begin && text[end - 1] == U' ') --end;
  for (std::uint32_t wb : word_starts_before(text, range, at, 3)) {
    int object = -1;
    iterator_type it = base + wb;
    if (parse_at(lex, ar::people_cue_rule(), it, base + end, object) && it == base + end)
      return object;
  }
  return -1;
}

/// The noun right before an amount that names what it measures (cues.tsv dimension: على
/// ارتفاع 5 آلاف متر، بسرعة 30 كيلومترا في الثانية، وزنه 10 أطنان), without its
/// proclitic, perhaps with two linking verbs between (على ارتفاع يتراوح بين 30 و50 كلم);
/// empty when none.
Span dimension_before(const Lexicon& lex, std::u32string_view text, Span range, std::uint32_t at) {
  const auto& dims = tables(lex).dimension;
  if (dims.empty()) return {};
  std::uint32_t end = at;
  // a proclitic written against the amount (بنحو 10 أطنان) is no word of its own
  if (end - range.begin >= 2 && is_word_char(text[end - 1]) && !is_word_char(text[end - 2])) --end;
  std::uint32_t begin = end;
  std::u32string word;
  for (int links = 0;; ++links) {
    while (end > range.begin && text[end - 1] == U' ') --end;
    begin = end;
    while (begin > range.begin && is_word_char(text[begin - 1])) --begin;
    if (begin == end) return {};
    word.assign(text.substr(begin, end - begin));
    if (links == 2 || !tables(lex).dimension_link.count(word)) break;
    end = begin;
  }
  if (word.size() > 3 &&
      std::u32string_view(U"\u0648\u0641\u0628\u0644").find(word[0]) != std::u32string_view::npos &&
      !dims.count(word) && dims.count(word.substr(1)))
    ++begin, word.erase(0, 1);
  if (!dims.count(word)) return {};
  return Span{begin, end};
}

/// Whether a predicate done to people stands right after the number ending at `end`
/// (a verdict's list: «ثمانية حكم عليهم بالسجن المؤبد وأربعة بالسجن 30 عاما»; a toll:
/// «اثنان مصرعهما»، «ثلاثة قتلوا»): the number standing alone counts the people it was
/// done to.
bool people_predicate_after(const Lexicon& lex, std::u32string_view text, Span range,
                            std::uint32_t end) {
  static const std::set<std::string, std::less<>> done_to_people{"sentence", "remand", "acquit",
                                                                 "release",  "kill",   "injure"};
  if (end + 1 >= range.end || text[end] != U' ') return false;
  const char32_t* base = text.data();
  int pred = -1;
  iterator_type it = base + end + 1;
  return parse_at(lex, ar::predicate_rule(), it, base + range.end, pred) && pred >= 0 &&
         done_to_people.count(lex.predicate(pred).id) > 0;
}

/// A tally of a counted noun before the number at `at` standing alone (cues.tsv tally,
/// tally_link): «عدد الجرحى بلغ حوالى 950»، «ارتفع عدد القتلى إلى 25»، «بلغت حصيلة ضحايا
/// التفجير 40». The tally word, a curated counted noun, perhaps one definite word after
/// it, then only link words up to the number (or a phrase with a preposition and a link
/// before the number: عدد القتلى في التفجير الذي وقع في مدينة كويتا يوم السبت ارتفع الى 47),
/// fourteen words in all, within the clause's punctuation. The object's index and where
/// the tally begins, else nothing.
constexpr std::size_t kTallyWords = 14;
struct Tally {
  int object = -1;
  std::uint32_t begin = 0;
};
std::optional<Tally> tally_before(const Lexicon& lex, std::u32string_view text, Span range,
                                  std::uint32_t at) {
  const auto& t = tables(lex);
  if (t.tally.empty()) return std::nullopt;
  const char32_t* base = text.data();
  struct Word {
    std::uint32_t begin, end;
  };
  std::vector<Word> words;  // nearest first
  std::uint32_t end = at;
  while (words.size() < kTallyWords) {
    while (end > range.begin && text[end - 1] == U' ') --end;
    if (end == range.begin || !is_word_char(text[end - 1])) break;  // ، . : « …
    std::uint32_t begin = end;
    while (begin > range.begin && is_word_char(text[begin - 1])) --begin;
    words.push_back(Word{begin, end});
    end = begin;
  }
  auto in = [&](const std::unordered_set<std::u32string>& set, Word w) {
    std::u32string_view v = text.substr(w.begin, w.end - w.begin);
    if (set.count(std::u32string(v))) return true;
    return v.size() > 3 && (v[0] == U'\u0648' || v[0] == U'\u0641') &&
           set.count(std::u32string(v.substr(1)));
  };
  for (std::size_t k = 1; k < words.size(); ++k) {
    if (!in(t.tally, words[k])) continue;
    int object = -1;
    iterator_type it = base + words[k - 1].begin;
    if (!parse_at(lex, ar::counted_noun_rule(), it, base + at, object) || object < 0)
      return std::nullopt;
    const auto noun_end = static_cast<std::uint32_t>(it - base);
    // the words after the noun: one definite word at most (قتلى التفجير), then links; or a
    // phrase with a preposition (في تفجير كويتا بباكستان، منذ بداية العام) when a link
    // stands right before the number (ارتفع عدد القتلى في تفجير كويتا الى 74)
    std::size_t i = k - 1;
    while (i > 0 && words[i - 1].begin < noun_end) --i;  // the noun's own words
    if (i > 0 && words[i - 1].begin >= noun_end && !in(t.tally_link, words[i - 1])) {
      std::u32string_view v =
          text.substr(words[i - 1].begin, words[i - 1].end - words[i - 1].begin);
      if (v.substr(0, 2) != U"\u0627\u0644") {
        if (!in(t.tally_phrase, words[i - 1]) || !in(t.tally_link, words[0])) return std::nullopt;
        for (std::size_t j = i; j-- > 0;)
          for (auto c = words[j].begin; c < words[j].end; ++c)
            if (is_digit(text[c])) return std::nullopt;
        return Tally{object, words[k].begin};
      }
      --i;
    }
    for (; i > 0; --i)
      if (!in(t.tally_link, words[i - 1])) return std::nullopt;
    return Tally{object, words[k].begin};
  }
  return std::nullopt;
}

/// Whether a remand (cues.tsv term: حبس، تجديد حبس) opens the sentence's words before the
/// duration at `at`, within `kTermWords` words, so that the duration is its term even with
/// the ones remanded between (حبس 8 متهمين فى أحداث الشغب 4 أيام). Not a duration of «ago»
/// or «after» (قبل 3 أيام) nor one after a preposition (في 3 أيام). `taken` is where the
/// last term found began: one remand has one term. Returns where the cue begins, or
/// UINT32_MAX.
constexpr int kTermWords = 20;
std::uint32_t term_before(const Lexicon& lex, std::u32string_view text, Span range,
                          std::uint32_t at, std::uint32_t taken) {
  const char32_t* base = text.data();
  const auto words = word_starts_before(text, range, at, kTermWords);
  if (words.empty()) return UINT32_MAX;
  {
    std::uint32_t e = words.front();
    while (e < at && is_word_char(text[e])) ++e;
    std::u32string_view before = text.substr(words.front(), e - words.front());
    if (before == U"\u0642\u0628\u0644" || before == U"\u0628\u0639\u062F")  // قبل، بعد
      return UINT32_MAX;
    iterator_type it = base + words.front();
    int kind = 0;
    if (parse_at(lex, ar::preposition_rule(), it, base + e, kind) && it == base + e)
      return UINT32_MAX;
  }
  for (std::uint32_t wb : words) {
    iterator_type it = base + wb;
    x3::unused_type none;
    if (parse_at(lex, ar::term_cue_rule(), it, base + at, none))
      return wb == taken ? UINT32_MAX : wb;
  }
  return UINT32_MAX;
}

/// Whether nothing but punctuation or a preposition's complement comes after `at` in the
/// sentence (و5 آلاف لكل مصاب، و5 آلاف.): a number there names no noun of its own.
bool complement_or_end(const Lexicon& lex, std::u32string_view text, Span range, std::uint32_t at) {
  if (at >= range.end || (!is_word_char(text[at]) && text[at] != U' ')) return true;
  if (text[at] != U' ' || at + 1 >= range.end) return at + 1 >= range.end;
  if (!is_word_char(text[at + 1])) return true;
  const char32_t* base = text.data();
  const char32_t c = text[at + 1];
  if (c == U'\u0644' || c == U'\u0628') return true;  // لكل، للمصاب، بالتساوي
  iterator_type it = base + at + 1;
  int kind = 0;
  return parse_at(lex, ar::preposition_rule(), it, base + range.end, kind);
}

/// Whether a negation stands right before `at` (لا، لم، لن، ليس، perhaps with يعد or يكاد:
/// لم يعد يتعدى 100 ألف برميل): a bound after it is turned round (not more than: at most).
bool negated_before(std::u32string_view text, Span range, std::uint32_t at) {
  const auto words = word_starts_before(text, range, at, 2);
  auto word = [&](std::size_t i) {
    std::uint32_t e = words[i];
    while (e < range.end && is_word_char(text[e])) ++e;
    return text.substr(words[i], e - words[i]);
  };
  auto negation = [](std::u32string_view w) {
    return w == U"\u0644\u0627" || w == U"\u0644\u0645" || w == U"\u0644\u0646" ||
           w == U"\u0644\u064A\u0633";  // لا لم لن ليس
  };
  auto still = [](std::u32string_view w) {  // يعد، تعد، يكاد، تكاد
    return w == U"\u064A\u0639\u062F" || w == U"\u062A\u0639\u062F" ||
           w == U"\u064A\u0643\u0627\u062F" || w == U"\u062A\u0643\u0627\u062F";
  };
  if (words.empty()) return false;
  if (negation(word(0))) return true;
  return words.size() == 2 && still(word(0)) && negation(word(1));
}

/// A bound turned round by a negation before it: not more than is at most, not less than
/// at least.
claimcheck::QuantityOp unnegated(claimcheck::QuantityOp op) {
  using claimcheck::QuantityOp;
  return op == QuantityOp::gt ? QuantityOp::le : op == QuantityOp::lt ? QuantityOp::ge : op;
}

/// Whether the word at `p` is a unit word (عام، يوم، جنيه) not followed by و: alone it is no
/// amount (كيلو ونصف is), so the measure rule need not be tried there. Frequent words: one
/// table lookup spares the parse.
bool lone_unit(const Lexicon& lex, std::u32string_view text, Span range, std::uint32_t p) {
  std::uint32_t e = p;
  while (e < range.end && is_word_char(text[e])) ++e;
  if (e + 1 < range.end && text[e] == U' ' && text[e + 1] == U'\u0648') return false;
  static thread_local std::u32string word;  // no allocation a word
  word.assign(text.substr(p, e - p));
  const Tables& t = tables(lex);
  return t.unit_word.find(word) || t.unit_counted.find(word);
}

/// «لسنة 2011» after a case, law or decree number (القضية رقم 2715 جنايات المركز لسنة
/// 2011، القانون 10 لسنة 1978): the year of the reference, not a time of the claim.
bool reference_year(std::u32string_view text, Span range, std::uint32_t p) {
  constexpr std::u32string_view lisana = U"\u0644\u0633\u0646\u0647 ";  // لسنه
  if (text.substr(p, lisana.size()) != lisana) return false;
  std::uint32_t w = p;
  for (int words = 0; words < 6 && w > range.begin; ++words) {
    while (w > range.begin && !is_word_char(text[w - 1])) --w;
    std::uint32_t wb = w;
    while (wb > range.begin && is_word_char(text[wb - 1])) --wb;
    for (auto i = wb; i < w; ++i)
      if (is_digit(text[i])) return true;
    w = wb;
  }
  return false;
}

/// «من خلال» at `p` (خلال after من): "by means of", no time (تمت من خلال 1906 صفقة).
bool through(std::u32string_view text, Span range, std::uint32_t p) {
  constexpr std::u32string_view khilal = U"\u062E\u0644\u0627\u0644 ";  // خلال
  if (text.substr(p, khilal.size()) != khilal || p < range.begin + 3) return false;
  return text.substr(p - 3, 3) == U"\u0645\u0646 " &&
         (p == range.begin + 3 || !is_word_char(text[p - 4]));
}

/// أحد، إحدى (cues.tsv one_of) at `first`: "one of" a group, which counts nothing.
bool starts_one_of(const Lexicon& lex, iterator_type first, iterator_type last) {
  x3::unused_type none;
  return parse_at(lex, ar::one_of_rule(), first, last, none);
}

/// A word with the article (الشرطة).
bool definite(std::u32string_view w) {
  return w.size() > 2 && w[0] == U'\u0627' && w[1] == U'\u0644';
}

/// A number of four digits that is a year (1990 قتيلا is rare; 2013 مصري is not a count).
bool is_year(std::u32string_view text, Span number) {
  if (number.end - number.begin != 4 || !is_digit(text[number.begin])) return false;
  int y = 0;
  for (auto i = number.begin; i < number.end; ++i) {
    if (!is_digit(text[i])) return false;
    y = y * 10 + int(text[i] - U'0');
  }
  return y >= 1900 && y <= 2100;
}

/// The noun a bare number counts, when the Arabic is plain about it: the next word, of
/// Arabic letters, that no table says is something else (a unit, a month, a function
/// word), after a number that no label word before it makes a name (المادة 5، رقم 12)
/// and that is no year. Empty when unsure: a fact is better missing than wrong.
Span open_noun(const Lexicon& lex, std::u32string_view text, Span range, Span number) {
  const char32_t* base = text.data();
  iterator_type const last = base + range.end;
  std::uint32_t n = number.end;
  // the noun written against the digits (8مدارس) is the noun it counts, as with a space
  const bool glued =
      n > number.begin && n < range.end && is_digit(text[n - 1]) && is_arabic_letter(text[n]);
  if (!glued && (n + 1 >= range.end || text[n] != U' ' || !is_arabic_letter(text[n + 1])))
    return {};
  if (is_year(text, number)) return {};
  if (number.begin > range.begin && text[number.begin - 1] == U'%') return {};  // %95
  if (after_label(lex, text, range, number.begin)) return {};
  std::uint32_t b = glued ? n : n + 1, e = b;
  while (e < range.end && is_word_char(text[e])) ++e;
  if (e - b < (glued ? 3u : 2u)) return {};
  for (auto i = b; i < e; ++i)
    if (!is_arabic_letter(text[i])) return {};
  // the noun a cardinal counts is indefinite (خمسة رجال): a definite word after it, or a
  // preposition on one (بالمحكمة، للشرطة), is something else
  std::u32string_view word = text.substr(b, e - b);
  if (definite(word) ||
      (word.size() > 3 &&
       (word[0] == U'\u0628' || word[0] == U'\u0643' || word[0] == U'\u0648' ||
        word[0] == U'\u0641') &&
       definite(word.substr(1))) ||
      (word.size() > 2 && word[0] == U'\u0644' && word[1] == U'\u0644'))
    return {};
  iterator_type it = base + b;
  x3::unused_type none;
  if (parse_at(lex, ar::no_noun_rule(), it, last, none)) return {};
  // an action is what was done to the ones counted, not what is counted (اثنان مصرعهما،
  // ثمانية حكم عليهم); a membership's noun is (8 أعضاء جدد)
  {
    int pred = -1;
    it = base + b;
    if (parse_at(lex, ar::predicate_rule(), it, last, pred) && pred >= 0 &&
        lex.predicate(pred).kind == PredicateKind::action)
      return {};
  }
  // a place or a country with its preposition (3 بسوهاج، 5 بمصر) is where, not what
  ar::EntityAst place;
  it = base + b;
  if (parse_at(lex, ar::entity_rule(), it, last, place)) return {};
  // a classifier counts instances of the indefinite noun after it (5 حالات تسمم، 3 حالات
  // وفاة): that noun is what is counted, so poisonings never meet deaths
  if (tables(lex).classifier.count(std::u32string(word)) && e + 1 < range.end && text[e] == U' ' &&
      is_arabic_letter(text[e + 1])) {
    std::uint32_t b2 = e + 1, e2 = b2;
    while (e2 < range.end && is_arabic_letter(text[e2])) ++e2;
    const auto next = text.substr(b2, e2 - b2);
    it = base + b2;
    if (e2 - b2 >= 3 && !definite(next) && (e2 == range.end || !is_word_char(text[e2])) &&
        !parse_at(lex, ar::no_noun_rule(), it, last, none))
      return Span{b2, e2};
  }
  return Span{b, e};
}

auto idx(const char32_t* base, iterator_type it) {
  return static_cast<std::uint32_t>(it - base);
}

/// A number's partitive (خمسة من العمال، 168 من رجال الشرطة، عشرات من المتظاهرين): the
/// group after من that the number counts members of, as a curated object or as the span
/// of the noun that heads it — a definite noun, or a noun in construct with a definite one
/// (رجال الشرطة). Nothing for من before a time (15 من فبراير، 10 من صباح اليوم), a
/// function word (من بين، من أصل 10) or a name after a label.
struct Partitive {
  int object = -1;
  Span noun;
};
std::optional<Partitive> partitive(const Lexicon& lex, std::u32string_view text, Span range,
                                   Span number) {
  const char32_t* base = text.data();
  iterator_type const last = base + range.end;
  constexpr std::u32string_view from = U" \u0645\u0646 ";  // من
  const std::uint32_t b = number.end + static_cast<std::uint32_t>(from.size());
  if (b >= range.end || text.substr(number.end, from.size()) != from || !is_arabic_letter(text[b]))
    return std::nullopt;
  if (is_year(text, number) || after_label(lex, text, range, number.begin) ||
      (number.begin > range.begin && text[number.begin - 1] == U'%'))
    return std::nullopt;
  x3::unused_type none;
  auto whole_word = [&](auto const& rule, std::uint32_t at, std::uint32_t end) {
    iterator_type it = base + at;
    return parse_at(lex, rule, it, last, none) && it == base + end;
  };
  std::uint32_t e = b;
  while (e < range.end && is_word_char(text[e])) ++e;
  for (auto i = b; i < e; ++i)
    if (!is_arabic_letter(text[i])) return std::nullopt;
  if (e - b < 3 || whole_word(ar::no_noun_rule(), b, e) ||
      whole_word(ar::time_context_rule(), b, e))
    return std::nullopt;
  {
    int object = -1;
    iterator_type it = base + b;
    if (parse_at(lex, ar::counted_noun_rule(), it, last, object))
      return Partitive{object, Span{b, idx(base, it)}};
  }
  std::u32string_view word = text.substr(b, e - b);
  // a group whose members are people (قوات الأمن، رجال الشرطة، القوات): a count of people
  {
    const auto bare = definite(word) ? word.substr(2) : word;
    if (tables(lex).member_group.count(std::u32string(bare)))
      if (const int person = lex.object_index("person"); person >= 0)
        return Partitive{person, Span{b, e}};
  }
  if (definite(word)) {
    if (whole_word(ar::no_noun_rule(), b + 2, e) || whole_word(ar::time_context_rule(), b + 2, e))
      return std::nullopt;
    return Partitive{-1, Span{b, e}};
  }
  // a construct: the next word is definite, of letters
  std::uint32_t c = e + 1, ce = c;
  if (e >= range.end || text[e] != U' ') return std::nullopt;
  while (ce < range.end && is_arabic_letter(text[ce])) ++ce;
  if (ce - c < 4 || (ce < range.end && is_word_char(text[ce])) ||
      !definite(text.substr(c, ce - c)) || whole_word(ar::time_context_rule(), c, ce) ||
      whole_word(ar::time_context_rule(), c + 2, ce))
    return std::nullopt;
  return Partitive{-1, Span{b, e}};
}

/// Whether the word at `p` follows a count right before it, without و (طفلتين شقيقتين:
/// the second dual describes the first, it counts nothing more; ضابطين وطلقتين are two).
bool after_count(std::u32string_view text, const SentencePieces& out, std::uint32_t p) {
  return !out.quantities.empty() && out.quantities.back().span.end + 1 == p && text[p] != U'\u0648';
}

/// Whether the word at `p` is عشر/عشرة closing an ordinal (القمة الثانية عشر، المادة
/// الثامنة عشرة): the word before it is definite, as a cardinal's never is.
bool ordinal_teen(std::u32string_view text, Span range, std::uint32_t p) {
  constexpr std::u32string_view ashar = U"\u0639\u0634\u0631";  // عشر
  if (text.substr(p, ashar.size()) != ashar || p < range.begin + 4 || text[p - 1] != U' ')
    return false;
  std::uint32_t e = p + static_cast<std::uint32_t>(ashar.size());
  if (e < range.end && text[e] == U'\u0647') ++e;            // عشره
  if (e < range.end && is_word_char(text[e])) return false;  // عشرات، عشرين: no teen
  std::uint32_t w = p - 1;
  while (w > range.begin && is_word_char(text[w - 1])) --w;
  return p - 1 - w > 2 && text[w] == U'\u0627' && text[w + 1] == U'\u0644';
}

/// Whether a word within the two after `at` carries the dual pronoun هما (عاطلين
/// بحيازتهما، عاملين لقيا مصرعهما): the agreement that makes a word in ين a dual.
bool dual_pronoun_after(std::u32string_view text, Span range, std::uint32_t at) {
  std::uint32_t p = at;
  for (int words = 0; words < 2; ++words) {
    if (p >= range.end || text[p] != U' ') return false;
    std::uint32_t b = ++p;
    while (p < range.end && is_word_char(text[p])) ++p;
    if (p - b > 4 && text[p - 2] == U'\u0645' && text[p - 1] == U'\u0627' &&
        text[p - 3] == U'\u0647')  // ـهما
      return true;
  }
  return false;
}

/// A dual standing alone counts two (بضبط ضابطين، وطلقتين): an indefinite word, perhaps
/// after و, that plurals.tsv knows can only be a dual; a nominative dual in ان of a noun
/// whose plural is sound (عاملان: its plural is عاملون); one in ين of such a noun when a
/// dual pronoun agrees with it (عاطلين بحيازتهما); and a construct dual, ا or ي for ان or
/// ين, before a noun that completes it (أمينا شرطة، فردي أمن: cues.tsv construct). Its open
/// noun is the word itself (its lemma is the singular's).
std::optional<QuantityPiece> dual_noun(const Lexicon& lex, std::u32string_view text, Span range,
                                       std::uint32_t p) {
  std::uint32_t e = p;
  while (e < range.end && is_word_char(text[e])) ++e;
  std::uint32_t b = p;
  if (text[b] == U'\u0648') ++b;  // و
  if (e - b < 4) return std::nullopt;
  const Tables& t = tables(lex);
  const char32_t last = text[e - 1];
  QuantityPiece piece;
  piece.value = 2;
  piece.open_noun = Span{b, e};
  piece.span = Span{p, e};
  // the word is looked up in a buffer of the thread's (no allocation a word)
  static thread_local std::u32string word;
  if (last == U'\u0646') {  // ـين، ـان
    word.assign(text.substr(b, e - b));
    if (t.dual_of.count(word) ||
        (t.sound_dual_of.count(word) && dual_pronoun_after(text, range, e)))
      return piece;
    return std::nullopt;
  }
  if (last != U'\u0627' && last != U'\u064A') return std::nullopt;  // ـا، ـي
  word.assign(text.substr(b, e - 1 - b));
  word += last == U'\u0627' ? U"\u0627\u0646" : U"\u064A\u0646";
  if (!t.dual_of.count(word)) return std::nullopt;
  // the noun that completes it, perhaps with the article
  if (e + 1 >= range.end || text[e] != U' ') return std::nullopt;
  std::uint32_t c = e + 1, ce = c;
  while (ce < range.end && is_word_char(text[ce])) ++ce;
  std::u32string complement(text.substr(c, ce - c));
  if (complement.size() > 4 && complement.compare(0, 2, U"\u0627\u0644") == 0)
    complement.erase(0, 2);
  if (!t.construct_noun.find(complement)) return std::nullopt;
  piece.span.end = ce;
  return piece;
}

/// The rules that may start at the word at `p`, before the words that follow it up to the
/// end of `range` (every rule when dispatch is off); `e` is set to the word's end.
StartMask word_at(const WordStarts& starts, std::u32string_view text, Span range, std::uint32_t p,
                  std::uint32_t& e) {
  e = p;
  while (e < range.end && is_word_char(text[e])) ++e;
  if (!WordStarts::enabled()) return start_all;
  return starts.at(text.substr(p, e - p), text.substr(e, range.end - e));
}
StartMask word_at(const WordStarts& starts, std::u32string_view text, Span range, std::uint32_t p) {
  std::uint32_t e = p;
  return word_at(starts, text, range, p, e);
}

/// Moves `p` past the word there; a hyphenated compound (كوفيد-19، Defeat-ISIS) is one
/// word: its parts are skipped too.
void skip_word(std::u32string_view text, Span range, std::uint32_t& p) {
  while (p < range.end && is_word_char(text[p])) ++p;
  while (p + 1 < range.end && text[p] == U'-' && is_word_char(text[p + 1]))
    while (++p < range.end && is_word_char(text[p])) {
    }
}

}  // namespace

SentencePieces scan_sentence(const Lexicon& lex, std::u32string_view text, Span range) {
  const NumberMemoScope memo(text);  // the rules read the number at a word once
  SentencePieces out;
  const WordStarts& starts = tables(lex).starts;
  const char32_t* base = text.data();
  iterator_type const last = base + range.end;
  std::uint32_t p = range.begin;
  Preceding preceding = Preceding::none;
  std::uint32_t term_taken = UINT32_MAX;     // the remand whose term was read (term_before)
  std::uint32_t clitic_number = UINT32_MAX;  // a number after a clitic preposition (بـ4)
  while (p < range.end) {
    // advance to a word start
    if (!is_word_char(text[p])) {
      ++p;
      continue;
    }
    // the article written against a number (الـ20 ألف جنيه، بالـ5 ملايين: the tatweel
    // removed) is the article of the amount, not a name the number belongs to
    if (p == range.begin || !is_word_char(text[p - 1])) {
      std::uint32_t a = p;
      if (a + 3 < range.end && (text[a] == U'\u0648' || text[a] == U'\u0628')) ++a;  // و ب
      if (a + 2 < range.end && text[a] == U'\u0627' && text[a + 1] == U'\u0644' &&
          is_digit(text[a + 2])) {
        if (text[p] == U'\u0628') preceding = Preceding::preposition;
        clitic_number = p = a + 2;
        continue;
      }
    }
    // a preposition written against a number (بـ4 طلقات، ل3 سنوات: the tatweel removed)
    // is a clitic of it, not a name the number belongs to
    if (p + 1 < range.end && is_digit(text[p + 1]) &&
        (text[p] == U'\u0628' || text[p] == U'\u0644' || text[p] == U'\u0643') &&
        (p == range.begin || !is_word_char(text[p - 1]))) {
      preceding = Preceding::preposition;
      clitic_number = ++p;
      continue;
    }
    iterator_type first = base + p;
    bool digit_start = is_digit(text[p]);
    bool name_number = digit_start && p != clitic_number && part_of_name(text, range.begin, p);
    Preceding here = preceding;
    preceding = Preceding::none;
    // the rules that may start at this word (per-word dispatch): one lookup, and a word
    // that starts nothing is skipped at once
    std::uint32_t word_end = p;
    const StartMask may = word_at(starts, text, range, p, word_end);
    if ((may & ~start_dual) == 0) {
      if (may & start_dual)
        if (auto dual = dual_noun(lex, text, range, p); dual && !after_count(text, out, p)) {
          dual->preceding = here;
          out.quantities.push_back(*dual);
        }
      p = word_end;
      skip_word(text, range, p);
      continue;
    }
    if (!name_number && (may & (start_time | start_quantity))) {
      if (may & start_time) {
        ar::TimeAst t;
        iterator_type it = first;
        if (parse_at(lex, ar::time_rule(), it, last, t)) {
          // a date in a name (ثورة 25 يناير، مدينة 6 أكتوبر) is no time, and a name that
          // holds a time word (اليوم السابع) is the name: the longer reading wins
          ar::EntityAst e;
          iterator_type eit = first;
          const bool named = (digit_start && after_label(lex, text, range, p)) ||
                             reference_year(text, range, p) || through(text, range, p) ||
                             cue_before(tables(lex).attributive_time, text, range, p, 3) ||
                             (parse_at(lex, ar::entity_rule(), eit, last, e) && eit > it);
          if (!named) {
            TimePiece piece = to_piece(t, Span{p, idx(base, it)});
            piece.extendable = time_context_before(lex, text, range, p);
            piece.background = background_before(lex, text, range, p);
            piece.charge = charge_before(lex, text, range, p);
            // (five words back: الأحداث التي شهدتها منطقة العيون في أكتوبر تشرين الأول)
            piece.event =
                !piece.background && cue_before(tables(lex).event_time, text, range, p, 5);
            out.times.push_back(piece);
            p = idx(base, it);
            continue;
          }
        }
      }
      if (may & start_quantity) {
        // A quantity; and when it counts no noun (20 مليون …) or nothing was read (at a
        // currency sign: $10), an amount with a unit or currency (20 مليون دولار، 5
        // أطنان) is a measure. Trying the measure rule only then keeps the hot path (most
        // words are no number) as fast as before. A unit word alone (دولار) is no measure
        // of a claim, nor a duration unless a cue before it makes it one (بحبس 4 أيام،
        // لمدة 15 يوما): ages (محمد 35 سنة) and «ago» (قبل 3 سنوات) are not.
        ar::QuantityAst q;
        iterator_type qit = first;
        bool quantity = parse_at(lex, ar::quantity_rule(), qit, last, q);
        // a preposition written against a number word or a bound (بمائة ألف جنيه، بنحو 5
        // ملايين، لأكثر من 10): the quantity after it, as after بـ4. Only ب and ل (كمية is
        // no ك + مية), and not لست (I am not) or بست (Best), whose ست is no six
        if (!quantity && !digit_start && p + 2 < range.end &&
            (text[p] == U'\u0628' || text[p] == U'\u0644') && is_arabic_letter(text[p + 1]) &&
            (p == range.begin || !is_word_char(text[p - 1])) && word_end - p - 1 >= 3 &&
            text[p + 1] != U'\u0648') {  // no و after a preposition: بوست is no ب + و + ست
          qit = first + 1;
          if (parse_at(lex, ar::quantity_rule(), qit, last, q)) {
            quantity = true;
            ++p, ++first;
            here = Preceding::preposition;
          }
        }
        const bool bare = quantity && q.object < 0 && !q.percent && !q.absence;
        // Where no quantity is read, the measure rule is tried too: a fraction of a unit
        // (ربع طن), a dual unit (سنتين), a bound on a unit alone (أكثر من عام: more than one
        // year; not حتى, whose «until an hour» is no amount).
        bool unit_follows = false;  // the number is an amount of a unit, taken or not
        if (bare || (!quantity && !lone_unit(lex, text, range, p))) {
          ar::MeasureAst m;
          iterator_type it = first;
          int cue = 0;  // a duration is a claim only after a cue (بحبس 4 أيام)
          const bool measured = parse_at(lex, ar::measure_rule(), it, last, m) && m.unit >= 0 &&
                                (!quantity || it >= qit);
          unit_follows = measured;
          const bool bounded_unit = m.bare && m.op != ar::q_eq && m.op != op_le && m.op > -1000;
          if (measured && (!m.bare || bounded_unit) && lex.unit(m.unit).dim == "duration") {
            cue = duration_cue_before(lex, text, range, p, lex.unit(m.unit));
            // a remand's term after the ones remanded (حبس 8 متهمين … 4 أيام)
            const std::string& id = lex.unit(m.unit).id;
            if (cue == 0 && !m.bare && (id == "day" || id == "week" || id == "month"))
              if (std::uint32_t at = term_before(lex, text, range, p, term_taken); at != UINT32_MAX)
                cue = 1, term_taken = at;
            // a prison term named after it (30 سنة سجنا بحق أربعة)
            if (cue == 0 && prison_after(lex, text, range, idx(base, it))) cue = 3;
          }
          if (measured && (!m.bare || bounded_unit) &&
              (lex.unit(m.unit).dim != "duration" || cue > 0)) {
            // «لو بلغت الخسائر 5 ملايين دولار»; not a span since (تسعى منذ أكثر من عام: the
            // seeking has gone on that long)
            const bool since =
                p >= range.begin + 4 && text.substr(p - 4, 4) == U"\u0645\u0646\u0630 ";
            if (!since && hypothetical_before(lex, text, range, p)) {
              p = idx(base, it);
              continue;
            }
            QuantityPiece piece;
            piece.op = to_op(m.op <= -1000 ? ar::q_eq : m.op);
            if (cue == 2 && piece.op == claimcheck::QuantityOp::eq)  // خلال 24 ساعة: at most
              piece.op = claimcheck::QuantityOp::le;
            piece.value = m.value;
            piece.upper = m.upper;
            piece.qualified = m.op != ar::q_eq && m.op > -1000;
            if (m.op <= -1000) {  // a subunit after the unit: 20 دولار و43 سنت
              const UnitInfo& unit = lex.unit(m.unit);
              const UnitInfo& sub = lex.unit(-1000 - m.op);
              piece.value += sub.base == unit.base ? m.upper * sub.factor / unit.factor : 0;
              piece.upper = 0;
            }
            piece.unit = m.unit;
            piece.prison_term = cue == 3;
            if (piece.qualified && negated_before(text, range, p)) piece.op = unnegated(piece.op);
            piece.preceding = here;
            piece.span = Span{p, idx(base, it)};
            if (lex.unit(m.unit).dim == "quantity")
              piece.dimension = dimension_before(lex, text, range, p);
            out.quantities.push_back(piece);
            p = idx(base, it);
            continue;
          }
        }
        // a number under a condition, a wish or a negated future is no claim: read and
        // passed over, as an amount is above
        if (quantity && hypothetical_before(lex, text, range, p)) {
          p = idx(base, qit);
          continue;
        }
        if (quantity) {
          QuantityPiece piece = to_piece(q, Span{p, idx(base, qit)}, here);
          if (piece.qualified && !piece.absence && negated_before(text, range, p))
            piece.op = unnegated(piece.op);
          // «أحد أفراد الشرطة», «إحدى القرى»: one of a group, no count
          if (q.value == 1 && starts_one_of(lex, base + p, last)) {
            p = idx(base, qit);
            continue;
          }
          // «الثانية عشر»: عشر after a definite word ends an ordinal, it counts nothing
          if (piece.value == 10 && ordinal_teen(text, range, p)) {
            p = idx(base, qit);
            continue;
          }
          const bool whole = piece.value > 1 && piece.value == std::floor(piece.value);
          // a partitive: the group after من (خمسة من العمال), curated or open
          std::optional<Partitive> part;
          if (bare && (whole || piece.vague)) part = partitive(lex, text, range, piece.span);
          if (part && part->object >= 0) {
            piece.object = part->object;
            piece.span.end = part->noun.end;
          } else if (part && !piece.vague) {
            piece.open_noun = part->noun;
          } else if (bare && !piece.vague && whole &&
                     !people_predicate_after(lex, text, range, piece.span.end)) {
            // open vocabulary: a whole count above one, not an order of magnitude; not a
            // verdict's verb after it (ثمانية حكم عليهم: eight people, no «حكم» counted)
            piece.open_noun = open_noun(lex, text, range, piece.span);
          }
          if (bare && piece.object < 0 && piece.open_noun.end == piece.open_noun.begin &&
              piece.span.end + 1 < range.end && text[piece.span.end] == U' ') {
            iterator_type oit = base + piece.span.end + 1;
            x3::unused_type none;
            piece.others = parse_at(lex, ar::others_rule(), oit, last, none);
          }
          // a number standing alone after a casualty or an arrest counts people (مقتل 3
          // وإصابة 18، مصرع اثنين، القبض على 8، أصيب أربعة آخرون); «others» keeps what the
          // sentence counted before, when it counted a curated concept (of a noun the lexicon
          // lacks, nothing says it is people: «لقي سائقان مصرعهما وأصيب 11 آخرون» are
          // persons, not drivers)
          if (bare && whole && !piece.vague && !unit_follows && piece.object < 0 &&
              piece.open_noun.end == piece.open_noun.begin && !is_year(text, piece.span) &&
              !after_label(lex, text, range, piece.span.begin)) {
            const bool counted_before =
                std::any_of(out.quantities.begin(), out.quantities.end(),
                            [](const QuantityPiece& e) { return e.object >= 0; });
            if (!(piece.others && counted_before))
              if (int person = people_before(lex, text, range, p); person >= 0) {
                piece.object = person;
                piece.others = false;
              }
            if (piece.object < 0 && !piece.others &&
                people_predicate_after(lex, text, range, piece.span.end))
              if (const ObjectInfo* person = lex.find_object("person"))
                piece.object = static_cast<int>(person - &lex.object(0));
          }
          // «عدد الجرحى بلغ 950»: the tally says what the number counts; «ارتفع عدد القتلى
          // إلى 25 شخصا»: the tally's noun narrows the person counted
          if ((bare || piece.object >= 0) && whole && !piece.vague && !piece.absence &&
              !piece.percent && !unit_follows && !piece.others &&
              piece.open_noun.end == piece.open_noun.begin && !is_year(text, piece.span) &&
              !after_label(lex, text, range, piece.span.begin))
            if (auto tally = tally_before(lex, text, range, p)) {
              const auto& heads = lex.object(tally->object).heads;
              if (piece.object < 0 || std::find(heads.begin(), heads.end(),
                                                lex.object(piece.object).id) != heads.end()) {
                piece.object = tally->object;
                piece.tally = Span{tally->begin, piece.span.begin};
              }
            }
          // «10 آلاف جنيه لأسرة المتوفى و5 آلاف لكل مصاب»: an amount joined by و to an
          // amount of money before it in the sentence, with no noun of its own and nothing
          // after it but a complement, is in the same currency
          if (bare && !piece.vague && piece.object < 0 && !piece.others &&
              piece.open_noun.end == piece.open_noun.begin && text[p] == U'\u0648' &&
              !out.quantities.empty() && out.quantities.back().unit >= 0 &&
              lex.unit(out.quantities.back().unit).dim == "money" &&
              complement_or_end(lex, text, range, piece.span.end)) {
            piece.unit = out.quantities.back().unit;
          }
          out.quantities.push_back(piece);
          p = idx(base, qit);
          continue;
        }
      }
    }
    if (!digit_start) {
      if (may & start_entity) {
        // a list starts with an entity: the entity rule first, so that a word that names
        // nothing (most words) is looked up once, not twice
        ar::EntityAst e;
        iterator_type it = first;
        if (parse_at(lex, ar::entity_rule(), it, last, e)) {
          ar::ListAst l;
          iterator_type lit_end = first;
          if (parse_at(lex, ar::entity_list_rule(), lit_end, last, l)) {
            ListPiece piece;
            piece.span = Span{p, idx(base, lit_end)};
            const bool in_name = after_name_head(lex, text, range, p);  // شارع مصر والسودان
            for (const auto& m : l.members) {
              piece.members.push_back(to_piece(m, piece.span, here));
              piece.members.back().in_name = in_name;
            }
            out.lists.push_back(std::move(piece));
            p = idx(base, lit_end);
            continue;
          }
          // a name goes on over the places that follow it (طريق مصر السودان، طريق القاهرة-
          // الإسكندرية)
          const bool name_goes_on = !out.entities.empty() && out.entities.back().in_name &&
                                    p - out.entities.back().span.end <= 2;
          out.entities.push_back(to_piece(e, Span{p, idx(base, it)}, here));
          out.entities.back().in_name = name_goes_on || after_name_head(lex, text, range, p);
          p = idx(base, it);
          continue;
        }
      }
      if (may & start_predicate) {
        int pred = -1;
        iterator_type it = first;
        if (parse_at(lex, ar::predicate_rule(), it, last, pred)) {
          out.predicates.push_back(PredicatePiece{pred, here, Span{p, idx(base, it)}});
          p = idx(base, it);
          continue;
        }
      }
      if (may & start_attribution) {
        iterator_type it = first;
        x3::unused_type none;
        if (parse_at(lex, ar::attribution_rule(), it, last, none)) {
          out.attributions.push_back(CuePiece{Span{p, idx(base, it)}});
          p = idx(base, it);
          continue;
        }
      }
      if (may & start_preposition) {
        int kind = 0;
        iterator_type it = first;
        if (parse_at(lex, ar::preposition_rule(), it, last, kind)) {
          preceding = kind == 2 ? Preceding::comitative : Preceding::preposition;
          p = idx(base, it);
          continue;
        }
      }
    }
    if (!digit_start && (may & start_dual))
      if (auto dual = dual_noun(lex, text, range, p); dual && !after_count(text, out, p)) {
        dual->preceding = here;
        out.quantities.push_back(*dual);
      }
    skip_word(text, range, p);
  }
  return out;
}

namespace {
template <typename Rule, typename Attr>
bool parse_whole(const Lexicon& lex, Rule const& rule, std::u32string_view text, Attr& attr) {
  iterator_type first = text.data();
  iterator_type last = text.data() + text.size();
  return parse_at(lex, rule, first, last, attr) && first == last;
}
}  // namespace

std::optional<double> parse_number(const Lexicon& lex, std::u32string_view text) {
  ar::NumberAst n;
  if (!parse_whole(lex, ar::number_rule(), text, n)) return std::nullopt;
  return n.value;
}

std::optional<QuantityPiece> parse_quantity(const Lexicon& lex, std::u32string_view text) {
  ar::QuantityAst q;
  if (!parse_whole(lex, ar::quantity_rule(), text, q)) return std::nullopt;
  return to_piece(q, Span{0, static_cast<std::uint32_t>(text.size())}, Preceding::none);
}

std::optional<TimePiece> parse_time(const Lexicon& lex, std::u32string_view text) {
  ar::TimeAst t;
  if (!parse_whole(lex, ar::time_rule(), text, t)) return std::nullopt;
  return to_piece(t, Span{0, static_cast<std::uint32_t>(text.size())});
}

std::optional<EntityPiece> parse_entity(const Lexicon& lex, std::u32string_view text) {
  ar::EntityAst e;
  if (!parse_whole(lex, ar::entity_rule(), text, e)) return std::nullopt;
  return to_piece(e, Span{0, static_cast<std::uint32_t>(text.size())}, Preceding::none);
}

std::optional<ListPiece> parse_list(const Lexicon& lex, std::u32string_view text) {
  ar::ListAst l;
  if (!parse_whole(lex, ar::entity_list_rule(), text, l)) return std::nullopt;
  ListPiece piece;
  piece.span = Span{0, static_cast<std::uint32_t>(text.size())};
  for (const auto& m : l.members) piece.members.push_back(to_piece(m, piece.span, Preceding::none));
  return piece;
}

std::optional<int> parse_predicate(const Lexicon& lex, std::u32string_view text) {
  int p = -1;
  if (!parse_whole(lex, ar::predicate_rule(), text, p)) return std::nullopt;
  return p;
}

std::vector<Span> clauses(const Lexicon& lex, std::u32string_view text, Span sentence) {
  std::vector<Span> out;
  const WordStarts& starts = tables(lex).starts;
  const char32_t* base = text.data();
  iterator_type const last = base + sentence.end;
  std::uint32_t start = sentence.begin, p = sentence.begin;
  bool after_comma = false, first_word = true;
  while (p < sentence.end) {
    char32_t c = text[p];
    if (!is_word_char(c)) {
      // a comma or semicolon between words (not inside a number: 4,8)
      if ((c == U'\u060C' || c == U',' || c == U'\u061B' || c == U';') &&
          !(p > sentence.begin && is_digit(text[p - 1]) && p + 1 < sentence.end &&
            is_digit(text[p + 1])))
        after_comma = true;
      ++p;
      continue;
    }
    const StartMask may = first_word ? 0 : word_at(starts, text, sentence, p);
    if (may & (start_clause | start_predicate)) {
      iterator_type it = base + p;
      x3::unused_type none;
      bool boundary = (may & start_clause) && parse_at(lex, clause_boundary_rule(), it, last, none);
      if (!boundary && after_comma && (may & start_predicate)) {  // a comma before a new verb
        int pred = -1;
        it = base + p;
        boundary = parse_at(lex, predicate_rule(), it, last, pred);
      }
      if (boundary) {
        std::uint32_t end = p;
        while (end > start && text[end - 1] == U' ') --end;
        if (end > start) out.push_back(Span{start, end});
        start = p;
      }
    }
    first_word = false;
    after_comma = false;
    while (p < sentence.end && is_word_char(text[p])) ++p;
  }
  if (sentence.end > start) out.push_back(Span{start, sentence.end});
  return out;
}

}  // namespace claimcheck::ar
