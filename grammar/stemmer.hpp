// Snowball stemmers (Debian's libstemmer) for the lemmas of open-vocabulary ids: one
// stemmer per language and thread, created on first use.
#pragma once

#include <string>
#include <string_view>

namespace claimcheck {

/// The Snowball stem of `word` (UTF-8) in `algorithm` ("arabic", "english", "french"); the
/// word itself when the stemmer gives nothing.
std::string snowball_stem(const char* algorithm, std::string_view word);

}  // namespace claimcheck
