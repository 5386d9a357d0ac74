// Dates in the blog's own time zone, descriptions, slugs and routes.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace blogshift {

// The local calendar date of a UTC time: "2019-12-01T07:30:00.000Z" with an
// offset of -480 minutes is "2019-11-30". Empty when `utc` does not parse.
std::string local_date(std::string_view utc, int offset_minutes);
// The local time as RFC 3339 with the offset: "2019-11-30T23:30:00-08:00".
std::string local_timestamp(std::string_view utc, int offset_minutes);

// Minutes east of UTC for an IANA zone name at a UTC instant (uses the
// system's zoneinfo); nothing when the zone is unknown.
std::optional<int> zone_offset_minutes(const std::string& zone, std::string_view utc);

// Plain text cut at a word boundary, at most `limit` characters (code
// points, not bytes), with "..." when cut, no Markdown or HTML residue.
// The text is longer than `limit` when cut; then the result, "..."
// included, has at most `limit` code points (the seed's 157 + "..." = 160).
// The cut falls on the last space within the limit; text without a usable
// space (CJK, a long URL) is cut at the limit on a code point boundary.
// White space (Unicode spaces and line breaks too) collapses to one space.
std::string make_description(std::string_view plain_text, size_t limit = 160);
// make_description() of a text of which only `prefix` was read: the result
// when the prefix already decides it (it is long enough), else nothing.
std::optional<std::string> make_description_from_prefix(std::string_view prefix, size_t limit = 160);
// The Python Insider migration's own rule, for byte-identical output with
// its posts: the first `limit` - 3 code points and "...", cut mid-word if
// that is where it falls ("... Python 3.12 Pyth...").
std::string make_description_hard_cut(std::string_view plain_text, size_t limit = 160);

// "/2023/07/pleased-to-announce.html" -> "pleased-to-announce";
// Blogger's collision suffix removed ("sourdough_12" -> "sourdough");
// "/p/about.html" -> "about". Non-ASCII is kept as UTF-8 (lower-cased where
// ASCII), unsafe characters become "-". Never empty: falls back to `fallback`.
std::string slug_from_legacy_path(std::string_view legacy_path, std::string_view fallback);
// A slug from a title, for posts without a legacy path (drafts).
// ASCII lower-case words joined by "-"; Latin letters with diacritics are
// folded to ASCII ("Crème Brûlée" -> "creme-brulee"), apostrophes and "&"
// vanish ("Grandma's" -> "grandmas"); other scripts keep their letters as
// UTF-8, Greek and Cyrillic lower-cased ("Привет мир" -> "привет-мир"). Cut at a "-" to at most 80 bytes.
// Empty when nothing usable is left (a title of emoji or punctuation): the
// caller then uses the Blogger id (e.g. "post-<id>").
std::string slug_from_title(std::string_view title);

// True when `slug` is safe as one path segment: not empty, no "/", "\",
// NUL or other control, does not start with ".", at most 200 bytes. Every
// slug the functions above return passes.
bool is_safe_slug(std::string_view slug);

// Route from a pattern: "/:year/:month/:slug" (default), ":slug", ...
std::string route_for(std::string_view pattern, std::string_view local_date, std::string_view slug);
// A label's page: ":tag" in `pattern` becomes slug_from_title(label)
// ("Kitchen Notes" -> "/tags/kitchen-notes/"). Empty when the label gives no slug.
std::string tag_route_for(std::string_view pattern, std::string_view label);
// A date archive's page: ":year" and ":month" in `pattern` filled in
// ("/archive/:year/:month/", "2019", "06" -> "/archive/2019/06/").
std::string archive_route_for(std::string_view pattern, std::string_view year, std::string_view month);

// Resolves collisions in publication-date order: the first keeps `slug`,
// the next get "slug-2", "slug-3"... `candidates` is (slug, sort key) in any
// order; returns the final slugs in the same order. Deterministic.
std::vector<std::string> resolve_slug_collisions(const std::vector<std::pair<std::string, std::string>>& candidates);

// The rule resolve_slug_collisions() applies, for a caller that meets the
// documents one at a time: the first document (in publication order) whose
// slug is `base` keeps it; each later one gets the next "base-N" (N from 2 up,
// `next` remembers where each base is) that is no document's own slug
// (`is_own_slug`). No other document can hold such a slug: a numbered slug
// ends in "-N", so it equals another only for the same base and N.
std::string numbered_slug(const std::string& base, int& next, const std::function<bool(const std::string&)>& is_own_slug);

}  // namespace blogshift
