// Parsing of the times Blogger writes (RFC 3339 with or without fraction,
// `Z` or a numeric offset, or a bare date), keeping the original offset.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "text.h"  // trim(), which used to live here

namespace blogshift {

struct Timestamp {
  std::string utc;         // normalised: 2011-01-21T05:41:52.381Z (fraction kept as written, ms precision)
  int offset_minutes = 0;  // the source's offset from UTC (-480 for -08:00)
  bool has_offset = false; // false for bare dates and times without a zone
};

// Returns nothing when `text` (surrounding whitespace ignored) is not such a time.
std::optional<Timestamp> parse_timestamp(std::string_view text);

}  // namespace blogshift
