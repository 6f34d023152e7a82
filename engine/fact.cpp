// The fact model's text forms: quantity operators as the report JSON writes them.
#include "engine/fact.hpp"

namespace claimcheck {

const char* op_symbol(QuantityOp op) {
  switch (op) {
    case QuantityOp::gt:
      return ">";
    case QuantityOp::ge:
      return ">=";
    case QuantityOp::lt:
      return "<";
    case QuantityOp::le:
      return "<=";
    case QuantityOp::approx:
      return "~";
    case QuantityOp::between:
      return "between";
    case QuantityOp::eq:
      return "=";
  }
  return "=";
}

std::optional<QuantityOp> op_from_symbol(std::string_view symbol) {
  for (QuantityOp op : {QuantityOp::eq, QuantityOp::gt, QuantityOp::ge, QuantityOp::lt,
                        QuantityOp::le, QuantityOp::approx, QuantityOp::between})
    if (symbol == op_symbol(op)) return op;
  return std::nullopt;
}

}  // namespace claimcheck
