// What a grammar returns: plain structs for the raw claim pieces of a clause (quantities,
// times, entities, lists, predicates, cues) and for the values `claimcheck parse`
// reports, each with its span in normalised code points. Every language's grammar fills
// the same structs (grammar/language.hpp); nothing here exposes X3.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace claimcheck {

/// A range of normalised code points [begin, end).
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

/// What stands right before a piece: nothing notable, a preposition, or a comitative (مع).
enum class Preceding { none, preposition, comitative };

enum class QuantityOp { eq, gt, ge, lt, le, approx, between };

struct QuantityPiece {
  QuantityOp op = QuantityOp::eq;
  double value = 0;
  double upper = 0;  ///< with between
  bool percent = false;
  bool vague = false;      ///< an order of magnitude (عشرات، مئات)
  bool absence = false;    ///< a stated absence: a count of zero
  bool qualified = false;  ///< a qualifier or range word bounds it
  int object = -1;         ///< counted object index in the lexicon, -1 when none
  /// With no curated object: the noun the number counts, when the grammar is sure of it
  /// (open vocabulary), as its span; its lemma makes the object's open id (ar:منزل).
  Span open_noun;
  /// Followed by «others» (4 آخرين): more of the thing the count before it counted.
  bool others = false;
  int unit = -1;  ///< lexicon unit index of an amount with a unit (20 مليون دولار)
  /// The tally that says what a number standing alone counts (عدد الجرحى بلغ 950): its
  /// span, empty when none. Its noun, not a verb of the clause, gives the predicate.
  Span tally;
  /// The noun right before an amount that names what it measures (على ارتفاع 5 آلاف متر:
  /// ارتفاع), without its proclitic; empty when none. Its lemma is the amount's predicate
  /// when no verb gives one, so that the altitudes of two reports meet and a distance does not.
  Span dimension;
  /// A duration with a word of prison after it (30 سنة سجنا): a prison term, with no verb
  /// needed before it
  bool prison_term = false;
  Preceding preceding = Preceding::none;
  Span span;
};

enum class TimeOp { in, since, until, between };

struct TimePiece {
  TimeOp op = TimeOp::in;
  int y1 = 0, m1 = 0, d1 = 0;  ///< 0 where not given
  int y2 = 0, m2 = 0, d2 = 0;
  int relative = -1;  ///< lexicon relative-expression index when the point is relative
  /// The words before it may make a fuller time of it (الربع الأول من، أواخر، صيف، يوم
  /// الثلاثاء، من 4 مايو … حتى): only then is the fuller reading worth a value scan.
  bool extendable = false;
  /// The time of something the claim is set against — a background event, a comparison,
  /// a next hearing, a founding (على خلفية أحداث أكتوبر 2010، مقابل 2012، لجلسة 21 إبريل،
  /// منذ إنشائها عام 1969): no time of a figure before it
  bool background = false;
  /// The time of the events a figure may be part of (الأحداث التي شهدتها طنطا الجمعة 15
  /// فبراير): a casualty's time (قتلوا في الأحداث التي وقعت 26 يناير), not that of an
  /// arrest, a remand or a trial after them
  bool event = false;
  /// Where a charge before it begins (بتهمة قتل 3 آلاف شخص في 2001): the time is the
  /// crime's, no time of a figure before the charge; UINT32_MAX when none
  std::uint32_t charge = UINT32_MAX;
  Span span;
};

struct EntityPiece {
  int entity = -1;       ///< lexicon entity index; -1 for an anaphor
  bool anaphor = false;  ///< refers to the document's main subject (المملكة)
  Preceding preceding = Preceding::none;
  /// Part of a name after a word that makes one (شارع الرياض، مسجد مصر، طريق مصر
  /// إسكندرية): no country of the claim
  bool in_name = false;
  Span span;
};

struct ListPiece {
  std::vector<EntityPiece> members;
  Span span;
};

struct PredicatePiece {
  int predicate = -1;  ///< lexicon predicate index
  Preceding preceding = Preceding::none;
  Span span;
};

struct CuePiece {
  Span span;
};

/// Everything the grammar recognised in one sentence, each list in text order.
struct SentencePieces {
  std::vector<QuantityPiece> quantities;
  std::vector<TimePiece> times;
  std::vector<EntityPiece> entities;
  std::vector<ListPiece> lists;
  std::vector<PredicatePiece> predicates;
  std::vector<CuePiece> attributions;
};

/// What the period and clock rules add to a time (for `claimcheck parse`): periods
/// inside others, seasons, decades, Hijri months, named days, counts of units, ranges of
/// clock times, and the kind of time when the rule decides it.
struct PeriodInfo {
  /// the kind, when the rule decides it: 'd' date, 'r' date range, 't' time, 'i' time
  /// range, 'u' duration; 0 to derive it from the rest
  char kind = 0;
  int hour2 = -1, minute2 = -1, part2 = 0;  ///< the end of a range of clock times
  int day_part = 0;  ///< a part of the day standing alone (time.tsv day_part)
  int relative = -1;  ///< the relative period the rest is inside (lexicon index): العام المقبل
  /// a period named without a relative word: 'w' week, 'm' month, 'y' year (this one);
  /// 'a' a day of the story's own timeline (اليوم التالي), never resolved
  char base = 0;
  int sub = 0;          ///< time.tsv period_part: 1 start, 2 middle, 3 end, 4 rest, 5 later
  int index = 0;        ///< the nth week or quarter of the period; -1 the last one
  char index_unit = 0;  ///< 'w' week, 'q' quarter, 'k' weekend
  int season = 0, decade = 0, century = 0, hijri_month = 0;
  int holiday = -1;       ///< lexicon holiday index
  int count = 0;          ///< the last (-N) or next (+N) N units from the reference …
  int count_unit = -1;    ///< … of this lexicon unit (آخر 3 سنوات)
  bool keep_cue = false;  ///< a leading في or عند belongs to the value (في الصباح)
  bool from_now = false;  ///< a duration counted from the reference (بعد أسبوعين من الآن)
};

/// The kinds of value `claimcheck parse` reports.
enum class ValueDim {
  number,
  ordinal,
  quantity,
  money,
  percent,
  duration,
  temperature,
  volume,
  time,
  range
};

/// A value the grammar recognised anywhere in a text, with its normalised meaning.
struct ValuePiece {
  ValueDim dim = ValueDim::number;
  Span span;
  double value = 0;  ///< the amount (for a range, the lower bound when there is one)
  /// Bounds of a range or of an interval amount (أكثر من 10 دولار): each may be absent.
  bool has_low = false, has_high = false, low_closed = true, high_closed = true;
  double low = 0, high = 0;
  int unit = -1;      ///< lexicon unit index (money, quantity, volume, temperature, duration)
  char anchor = 's';  ///< ordinals: counted from the start, the 'e'nd or the 'c'urrent item
  TimePiece time;     ///< with dim time
  /// with dim time, from the datetime rule: a weekday (1 Monday … 7 Sunday) with its
  /// direction (-1 last, else next) or week (-1, 0, 1; -100 none), and a clock time
  bool datetime = false;
  int weekday = 0, direction = 0, week = -100;
  int hour = -1, minute = -1, second = -1, part = 0;
  int last_day = 0;       ///< a range of days: the last one
  int nth = 0;            ///< the nth weekday of the month (-1 the last one)
  double shift_days = 0;  ///< قبل شهرين: days from the reference (durations in days)
  bool shifted = false;
  PeriodInfo period;  ///< with dim time
  /// A range joined from two values (من اليوم حتى الغد، بين 2 و 22 أكتوبر): its end.
  std::vector<ValuePiece> until;
};

/// A set of ValueDims (bit 1 << dim); zero stands for all of them.
using ValueDims = std::uint32_t;
inline ValueDims dim_bit(ValueDim d) {
  return ValueDims{1} << static_cast<int>(d);
}

}  // namespace claimcheck
