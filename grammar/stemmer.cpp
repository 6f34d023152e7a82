// Snowball stemmers through libstemmer's C interface; a stemmer holds state, so each
// thread keeps its own.
#include "grammar/stemmer.hpp"

#include <libstemmer.h>

#include <map>
#include <memory>
#include <stdexcept>

namespace claimcheck {

std::string snowball_stem(const char* algorithm, std::string_view word) {
  struct Close {
    void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
  };
  thread_local std::map<std::string, std::unique_ptr<sb_stemmer, Close>, std::less<>> stemmers;
  auto it = stemmers.find(algorithm);
  if (it == stemmers.end()) {
    std::unique_ptr<sb_stemmer, Close> s(sb_stemmer_new(algorithm, "UTF_8"));
    if (!s) throw std::runtime_error(std::string("libstemmer has no stemmer for ") + algorithm);
    it = stemmers.emplace(algorithm, std::move(s)).first;
  }
  const sb_symbol* out =
      sb_stemmer_stem(it->second.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                      static_cast<int>(word.size()));
  if (!out) return std::string(word);
  int n = sb_stemmer_length(it->second.get());
  if (n <= 0) return std::string(word);
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

}  // namespace claimcheck
