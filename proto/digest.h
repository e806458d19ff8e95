#pragma once

#include <string>
#include <string_view>

namespace islet::proto {

// Bundle files are named by the SHA-256 of their content (File.digest):
// the client and the daemon compute it the same way.
inline constexpr size_t kDigestBytes = 32;

// The 32-byte SHA-256 of `data` (OpenSSL's libcrypto).
std::string Sha256(std::string_view data);

// `digest` in lower-case hex, for logs and error messages.
std::string HexDigest(std::string_view digest);

}  // namespace islet::proto
