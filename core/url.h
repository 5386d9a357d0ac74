// Small URL helpers for the shapes Blogger blogs use. Not a general URL
// library: enough to split absolute http(s) URLs and to find a post's
// legacy path.
#pragma once

#include <string>
#include <string_view>

namespace blogshift {

struct UrlParts {
  std::string scheme;    // lower case, "" for relative or scheme-relative URLs
  std::string host;      // lower case, no port
  std::string port;
  std::string path;      // starts with '/' for absolute URLs
  std::string query;     // without '?'
  std::string fragment;  // without '#'
};

UrlParts parse_url(std::string_view url);

// "/2023/07/slug.html" from any URL of a post or page (host, query and
// fragment dropped). Empty when the URL has no path.
std::string url_path(std::string_view url);

// Blogger-specific: true for /YYYY/MM/slug.html and /p/slug.html.
bool is_post_path(std::string_view path);
bool is_page_path(std::string_view path);

// The URL without Blogger's mobile switch (?m=1 / ?m=0) and without a fragment.
std::string canonical_page_url(std::string_view url);

// The value of one hexadecimal digit, -1 for any other character.
int hex_digit_value(char c);

// RFC 3986 section 2.3: ALPHA / DIGIT / "-" / "." / "_" / "~", the bytes
// that mean the same percent-encoded or not.
bool is_unreserved(unsigned char c);

// Percent-decodes %XX sequences (invalid ones are kept as they are).
std::string percent_decode(std::string_view text);

// `text` with each byte for which `escape` holds written as %XX (upper-case hex).
std::string percent_encode(std::string_view text, bool (*escape)(unsigned char));

// True for a javascript: URL as a browser reads it: leading C0 controls and
// spaces ignored, tabs and newlines anywhere removed (URL parsing does), the
// scheme in any case; so "  Java\tScript:..." is one.
bool is_javascript_url(std::string_view url);

}  // namespace blogshift
