// Interned concept ids: countries, organisations, predicates, families, objects, units,
// open-vocabulary lemmas. Each distinct id string is stored once for the process; an Id is
// a pointer to it, so ids compare and hash in constant time. Text only at the edges.
#pragma once

#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace claimcheck {

class Id {
 public:
  Id() = default;
  Id(std::string_view s);  // NOLINT: ids are written as text at the edges
  Id(const std::string& s) : Id(std::string_view(s)) {}
  Id(const char* s) : Id(std::string_view(s)) {}

  const std::string& str() const { return text_ ? *text_ : empty_; }
  operator const std::string&() const { return str(); }
  bool empty() const { return text_ == nullptr; }
  std::size_t size() const { return str().size(); }
  const char* c_str() const { return str().c_str(); }
  /// The interned string's address: equal ids, equal keys.
  const void* key() const { return text_; }

  friend bool operator==(const Id& a, const Id& b) { return a.text_ == b.text_; }
  friend bool operator==(const Id& a, std::string_view b) { return a.str() == b; }
  friend bool operator==(const Id& a, const std::string& b) { return a.str() == b; }
  friend bool operator==(const Id& a, const char* b) { return a.str() == b; }
  friend bool operator<(const Id& a, const Id& b) { return a.str() < b.str(); }
  friend std::string operator+(const std::string& a, const Id& b) { return a + b.str(); }
  friend std::string operator+(const char* a, const Id& b) { return a + b.str(); }
  friend std::string operator+(const Id& a, const char* b) { return a.str() + b; }
  friend std::string operator+(const Id& a, const std::string& b) { return a.str() + b; }
  friend std::ostream& operator<<(std::ostream& out, const Id& id) { return out << id.str(); }

 private:
  const std::string* text_ = nullptr;  ///< null for the empty id
  inline static const std::string empty_;
};

}  // namespace claimcheck

template <>
struct std::hash<claimcheck::Id> {
  std::size_t operator()(const claimcheck::Id& id) const noexcept {
    return std::hash<const void*>()(id.key());
  }
};
