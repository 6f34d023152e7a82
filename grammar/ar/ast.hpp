// Plain structs the Arabic rules fill. Normalisation into facts happens in plain C++
// after the parse (scan.cpp and the engine), never inside semantic actions.
#pragma once

#include <vector>

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
  double upper = 0;  ///< with q_between
  int unit = -1;     ///< lexicon unit index
  bool bare = false;  ///< a unit word alone (كغ = 1 kg): no amount written
};

/// An ordinal: a position from the start (الخامس = 5), or relative to the end or the
/// current item (قبل الأخير = end-1، التالي = current+1).
struct OrdinalAst {
  double value = 0;
  int anchor = 0;  ///< 0 start, 1 end, 2 current
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
