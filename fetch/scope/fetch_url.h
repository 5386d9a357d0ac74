// Absolute URLs for the crawl, parsed, resolved and normalised by libcurl's
// URL API (RFC 3986), so that two spellings of one URL are one frontier
// entry.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace blogshift::fetch {

struct FetchUrl {
  std::string scheme;  // "http" or "https"
  std::string host;    // lower case, IDN as written (punycode stays punycode)
  int port = 0;        // the explicit port, 0 for the scheme's default
  std::string path;    // starts with '/'
  std::string query;   // without '?'; empty when none
  std::string text;    // the whole normalised URL: scheme://host[:port]/path[?query], no fragment
};

// `reference` (absolute, scheme-relative "//host/x", or relative) resolved
// against `base` (absolute) and normalised: scheme and host lower case,
// default port dropped, dot segments removed, fragment dropped, an empty
// path made "/", spaces and other bytes that may not appear in a URL
// percent-encoded. nullopt for anything but http(s) (mailto:, javascript:,
// data:...), for an unparsable reference, and for a URL longer than 8 KiB.
std::optional<FetchUrl> resolve_url(std::string_view base, std::string_view reference);
// The same for an absolute URL on its own.
std::optional<FetchUrl> parse_fetch_url(std::string_view absolute);

// "host" or "host:port" as a request names its origin (for per-host limits).
std::string origin_of(const FetchUrl& url);

}  // namespace blogshift::fetch
