// Checks WARC-Block-Digest / WARC-Payload-Digest values ("sha1:..." or
// "sha256:...") against the bytes they cover. The value may be spelled in
// base32 (what WARC tools write), base16 or base64 (also filename-safe).
#pragma once

#include <string>
#include <string_view>

namespace blogshift {

enum class DigestCheck {
  Match,
  Mismatch,   // includes a value that is not a valid spelling of that algorithm's digest
  Unchecked,  // an algorithm we do not compute (md5, sha512...) or no "algo:" prefix
};

// `detail` (when not null) gets a short description for a mismatch message.
DigestCheck check_warc_digest(std::string_view header_value, std::string_view data, std::string* detail = nullptr);

}  // namespace blogshift
