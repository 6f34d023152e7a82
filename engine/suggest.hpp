// "Did you mean …?" suggestions for unknown names in user files (datasets, rules), by
// edit distance.
#pragma once

#include <string>
#include <vector>

namespace claimcheck {

/// " (did you mean 'X'?)" for the closest of `candidates` within two edits, else "".
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace claimcheck
