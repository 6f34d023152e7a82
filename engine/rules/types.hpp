// The rule language's types, fact fields and built-in function signatures, shared by the
// checker and the documentation test.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace claimcheck::rules {

enum class Type { string, number, quantity, time, set, boolean, any };

inline std::string type_name(Type t) {
  switch (t) {
    case Type::string:
      return "string";
    case Type::number:
      return "number";
    case Type::quantity:
      return "quantity";
    case Type::time:
      return "time";
    case Type::set:
      return "set";
    case Type::boolean:
      return "condition";
    default:
      return "value";
  }
}

/// Fields of a fact a rule may name as a.FIELD or b.FIELD.
inline const std::map<std::string, Type>& fact_fields() {
  static const std::map<std::string, Type> fields{
      {"doc", Type::string},       {"kind", Type::string},    {"subject", Type::string},
      {"predicate", Type::string}, {"family", Type::string},  {"object", Type::string},
      {"polarity", Type::string},  {"source", Type::string},  {"quantity", Type::quantity},
      {"time", Type::time},        {"reported", Type::time},  {"members", Type::set},
      {"place", Type::string},     {"sentence", Type::number}};
  return fields;
}

/// Built-in functions and their accepted signatures (all return a condition).
inline const std::map<std::string, std::vector<std::vector<Type>>>& functions() {
  using T = Type;
  static const std::map<std::string, std::vector<std::vector<Type>>> fns{
      {"same_span", {{T::time, T::time}}},
      {"within", {{T::time, T::time}}},
      {"overlaps", {{T::time, T::time}, {T::quantity, T::quantity}}},
      {"disjoint", {{T::time, T::time}, {T::quantity, T::quantity}}},
      {"close", {{T::quantity, T::quantity, T::number}}},
      {"comparable", {{T::quantity, T::quantity, T::number}}},
      {"apart", {{T::quantity, T::quantity, T::number}}},
      {"rises", {{T::quantity, T::quantity, T::number}}},
      {"exceeds", {{T::quantity, T::quantity}}},
      {"shared", {{T::set, T::set}}},
      {"only_in", {{T::set, T::set}}},
      {"same_set", {{T::set, T::set}}},
      {"known", {{T::any}}},
      {"near", {{T::time, T::time, T::number}}},
      {"as_of", {{T::time}}},
      {"before", {{T::time, T::time}}},
      {"day", {{T::time}}},
      {"days_at_most", {{T::time, T::number}}},
      {"same_place", {{T::string, T::string}}},
  };
  return fns;
}

}  // namespace claimcheck::rules
