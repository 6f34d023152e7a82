// Plain structs the Arabic rules fill. Normalisation into facts happens in plain C++
// after the parse (scan.cpp and the engine), never inside semantic actions.
#pragma once

#include <vector>

#include "grammar/pieces.hpp"

namespace claimcheck::ar {

/// A number written in words, digits or both, as it is being combined term by term.
struct NumberAst {
  double value = 0;       ///< the total so far
  double last_scale = 0;  ///< the scale of the last term (1000 for ثلاثة آلاف); 0 at start
  double last_value = 0;  ///< the value of the last term, for fractions of it
  bool started = false;
};

enum QuantityOp { q_eq = -1, q_between = 100 };  // other values: QualifierOp

struct QuantityAst {
  int op = q_eq;  ///< q_eq, q_between or a QualifierOp
  double value = 0;
  double upper = 0;  ///< with q_between
  bool percent = false;
  bool vague = false;    ///< عشرات، مئات …: a range from an order of magnitude
  bool absence = false;  ///< لا وجود ل… : a count of zero
  int object = -1;       ///< counted object index, -1 when none
};

/// An amount with a unit or currency (20 دولارا، 0.5 كغ، دقيقتان، من 10 إلى 20 دولار).
struct MeasureAst {
  int op = q_eq;  ///< q_eq, q_between or a QualifierOp
  double value = 0;
  double upper = 0;   ///< with q_between
  int unit = -1;      ///< lexicon unit index
  bool bare = false;  ///< a unit word alone (كغ = 1 kg): no amount written
};

/// An ordinal: a position from the start (الخامس = 5), or relative to the end or the
/// current item (قبل الأخير = end-1، التالي = current+1).
struct OrdinalAst {
  double value = 0;
  int anchor = 0;  ///< 0 start, 1 end, 2 current
};

/// A day or a moment that `claimcheck parse` resolves against its reference time: a
/// weekday (الاثنين القادم، أحد الأسبوع الماضي), a day of a month (الرابع من نيسان، منتصف
/// آذار), a month of a year (2/2013), a clock time (الساعة الثالثة وربع عصرا، 15:15).
struct DateTimeAst {
  int weekday = 0;    ///< 1 Monday … 7 Sunday
  int direction = 0;  ///< -1 the last one before, 1 or 0 the next one after
  int week = -100;    ///< a weekday of this (0), last (-1) or next (1) week
  int y = 0, m = 0, d = 0;
  int hour = -1, minute = -1, second = -1;
  int part = 0;        ///< 1 morning, 2 afternoon or evening, 3 noon
  bool clock = false;  ///< a clock time was read
  int d2 = 0;          ///< the last day of a range of days (من 13 إلى 15 تموز)
  int nth = 0;  ///< the nth weekday of the month (الثلاثاء الثالث من أيلول); -1 last
  int shift_unit = -1;  ///< قبل شهرين، بعد يومين: a duration unit (lexicon index) …
  double shift = 0;     ///< … and how many of it, before (negative) or after the reference
  PeriodInfo p;  ///< periods, parts of the day, ranges of clock times (period and clock rules)
  double duration = 0;     ///< with p.kind 'u': how many …
  int duration_unit = -1;  ///< … of this lexicon unit
  int year2 = 0;           ///< a year written in words before it is checked
};

/// A range as `claimcheck parse` reads it, bounds written with the article too (فوق
/// الثلاثين، أعلى من العاشر وأدنى من الخامس عشر، بين العاشر وخمسة عشر).
struct RangeAst {
  int op1 = -1, op2 = -1;  ///< QualifierOp of each bound; q_between for بين
  double v1 = 0, v2 = 0;
};

enum TimeOp { t_in, t_since, t_until, t_between };

struct TimeAst {
  int op = t_in;
  int y1 = 0, m1 = 0, d1 = 0;
  int y2 = 0, m2 = 0, d2 = 0;
  int relative = -1;  ///< relative-expression index when the point is relative (العام الماضي)
};

struct EntityAst {
  int entity = -1;        ///< entity index; -1 with anaphor
  bool anaphor = false;   ///< المملكة، البلاد: the document's main subject
  bool prefixed = false;  ///< written with an attached preposition (ب ل ك)
};

struct ListAst {
  std::vector<EntityAst> members;
};

}  // namespace claimcheck::ar
