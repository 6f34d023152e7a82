// Where the claimcheck command finds its data, each folder on its own: the lexicon
// (--data, $CLAIMCHECK_DATA) and the rules (--rules, $CLAIMCHECK_RULES), both defaulting to
// the installed data beside the binary (PREFIX/share/claimcheck), else the source tree it
// was built from; and the fingerprints --version prints and the corpus records.
#pragma once

#include <filesystem>
#include <string>

namespace claimcheck::cli {

/// The folder that holds grammar/lexicon/ and rules/ when neither is given: the binary's
/// own ../share/claimcheck when it is installed there, else the source tree, else the
/// install prefix it was configured with.
std::filesystem::path default_data_root();

/// The folder holding grammar/lexicon/: `given` (--data) when not empty, else
/// $CLAIMCHECK_DATA, else default_data_root(). A folder without grammar/lexicon/ is an
/// InputError that says what --data takes.
std::filesystem::path lexicon_root(const std::filesystem::path& given);

/// The rules folder of every command when --rules is not given: $CLAIMCHECK_RULES, else
/// default_data_root()/rules. Independent of --data.
std::filesystem::path default_rules_dir();

/// "extractor 3, lexicon 0123456789abcdef": what extracted a corpus's facts (a change to
/// either marks stored facts as stale). `root` holds grammar/lexicon.
std::string extractor_version(const std::filesystem::path& root);

/// The first 16 hex digits of the SHA-256 over the names and contents of the files under
/// `dir` whose names end in `suffix` ("" for all), in name order; "" when there are none.
std::string folder_fingerprint(const std::filesystem::path& dir, const std::string& suffix);

/// The text of --version: the version, the grammar (extractor) version, and the folders
/// and fingerprints of the lexicon and the rules in use.
std::string version_text(const std::filesystem::path& lexicon_root,
                         const std::filesystem::path& rules_dir);

}  // namespace claimcheck::cli
