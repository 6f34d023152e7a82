// An immutable string that the facts of one sentence share: a claim-dense document then
// holds each sentence once, not once per fact.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace claimcheck {

class SharedText {
 public:
  SharedText() = default;
  SharedText(std::string s)
      : text_(s.empty() ? nullptr : std::make_shared<const std::string>(std::move(s))) {}
  SharedText(const char* s) : SharedText(std::string(s)) {}
  const std::string& str() const { return text_ ? *text_ : empty_; }
  operator const std::string&() const { return str(); }
  bool empty() const { return str().empty(); }
  std::size_t size() const { return str().size(); }
  bool operator==(const SharedText& o) const { return str() == o.str(); }
  bool operator==(std::string_view o) const { return str() == o; }
  bool operator==(const char* o) const { return str() == o; }

 private:
  std::shared_ptr<const std::string> text_;
  inline static const std::string empty_;
};

}  // namespace claimcheck
