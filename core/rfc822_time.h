// The dates RSS 2.0 writes (RFC 822 / RFC 1123: "Sun, 14 Mar 2021 16:15:00
// +0000", as in a Blogger feed's <pubDate>), rewritten as the RFC 3339 text
// the rest of blogshift reads (timestamp.h), with the same clock time and
// offset: nothing is converted, so the offset stays as written.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace blogshift {

// "2021-03-14T16:15:00Z" for +0000, -0000, GMT, UT, UTC or Z (they say
// nothing about the blog's own zone); "2021-03-14T09:15:00-07:00" for a
// numeric offset or a US zone name (EST ... PDT). The day name is optional,
// and so are the seconds; a two-digit year is 19xx from 50 on, else 20xx.
// Nothing when `text` is not such a date.
std::optional<std::string> rfc822_to_rfc3339(std::string_view text);

}  // namespace blogshift
