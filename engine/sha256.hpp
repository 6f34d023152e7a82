// SHA-256 (FIPS 180-4), for content hashes of stored documents and the extractor's
// fingerprint. Small and self-contained: the allowed libraries provide no digest.
#pragma once

#include <string>
#include <string_view>

namespace claimcheck {

/// The SHA-256 digest of `data`, as 64 lower-case hex digits.
std::string sha256_hex(std::string_view data);

}  // namespace claimcheck
