// The process-wide table of interned ids (see id.hpp); safe to use from many threads.
#include "engine/id.hpp"

#include <mutex>
#include <unordered_set>

namespace claimcheck {
namespace {

struct Table {
  std::mutex mutex;
  std::unordered_set<std::string> strings;  // node-based: addresses stay put
};

Table& table() {
  static Table* t = new Table();  // never destroyed: ids may outlive static destructors
  return *t;
}

}  // namespace

Id::Id(std::string_view s) {
  if (s.empty()) return;
  Table& t = table();
  std::lock_guard<std::mutex> lock(t.mutex);
  text_ = &*t.strings.emplace(s).first;
}

}  // namespace claimcheck
