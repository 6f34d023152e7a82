// A memo of the number rule's results within one sentence scan. The quantity, measure
// and time rules read the number at a word again and again (the measure rule's amount
// alone is tried in several alternatives at the same word), and the number rule is a
// pure function of where it starts and ends: a scan installs a memo (NumberMemoScope)
// and the number rule answers a repeated call from it.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "grammar/ar/ast.hpp"
#include "grammar/ar/config.hpp"

namespace claimcheck::ar {

struct NumberMemo {
  struct Entry {
    iterator_type first = nullptr;  ///< where the parse began (nullptr: empty)
    iterator_type last = nullptr;   ///< the end it was given
    iterator_type end = nullptr;    ///< where it ended, when it matched
    bool matched = false;
    NumberAst value;
  };
  static constexpr std::size_t kSlots = 32;  // direct-mapped by position
  std::array<Entry, kSlots> entries{};
  iterator_type begin = nullptr, end = nullptr;  ///< the text scanned

  /// Whether a parse of [first, last) reads the text scanned (and not some other buffer
  /// a rule is tried on meanwhile, such as a word rewritten with its article).
  bool holds(iterator_type first, iterator_type last) const {
    return begin <= first && first <= last && last <= end;
  }
  Entry& slot(iterator_type first) {
    return entries[(reinterpret_cast<std::uintptr_t>(first) / sizeof(*first)) % kSlots];
  }

  /// The memo of the scan running on this thread, if any.
  static inline thread_local NumberMemo* current = nullptr;
};

/// Installs a fresh memo for the time of one scan of `text` (which must not change while
/// it is installed).
class NumberMemoScope {
 public:
  explicit NumberMemoScope(std::u32string_view text) : previous_(NumberMemo::current) {
    memo_.begin = text.data();
    memo_.end = text.data() + text.size();
    NumberMemo::current = &memo_;
  }
  ~NumberMemoScope() { NumberMemo::current = previous_; }
  NumberMemoScope(const NumberMemoScope&) = delete;
  NumberMemoScope& operator=(const NumberMemoScope&) = delete;

 private:
  NumberMemo memo_;
  NumberMemo* previous_;
};

}  // namespace claimcheck::ar
