// The matching half of RFC 9309 (section 2.2.2/2.2.3): how a rule's
// pattern and a URL's path are put in one percent-encoded form, and when a
// pattern matches.
#pragma once

#include <string>
#include <string_view>

namespace blogshift::fetch {

// A pattern as written after allow:/disallow:. Escapes of unreserved
// characters are decoded, other escapes upper-cased, bytes outside
// printable US-ASCII escaped; `*` stays a wildcard and a final `$` the end
// anchor (a `$` elsewhere is the character, %24).
std::string normalise_robots_pattern(std::string_view pattern);
// A URL's path and query in the same form; a literal `*` or `$` in it is
// escaped (%2A, %24), which is how a pattern names those characters.
std::string normalise_robots_path(std::string_view path_and_query);

// True when `pattern` matches `path` from its start (both normalised): `*`
// any run of octets, a final `$` the end of the path. Linear in the path
// per pattern segment: no backtracking explosion on "*a*a*a...".
bool robots_pattern_matches(std::string_view pattern, std::string_view path);

}  // namespace blogshift::fetch
