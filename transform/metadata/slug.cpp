// Slugs and routes: slug_from_legacy_path, slug_from_title, is_safe_slug,
// route_for, resolve_slug_collisions (post_metadata.h).
//
// A slug is built from ASCII [a-z0-9], "-" and non-ASCII letters kept as
// UTF-8; everything else (".", "/", "\", "_", spaces, controls, symbols,
// emoji, malformed UTF-8) becomes a single "-", and "-" never leads or
// trails. So no slug can hold a path separator, "..", NUL, or start with ".".
#include <algorithm>
#include <map>
#include <numeric>
#include <set>

#include "post_metadata.h"
#include "text.h"
#include "url.h"
#include "utf8_scan.h"

namespace blogshift {

namespace {

constexpr std::size_t kMaxSlugBytes = 200;
constexpr std::size_t kMaxTitleSlugBytes = 80;

enum class SlugMode { legacy, title };

// ASCII spellings of the Latin-1 and Latin Extended-A letters (U+00C0..U+017F).
std::string_view fold_latin(char32_t c) {
  struct Range {
    char32_t lo, hi;
    std::string_view ascii;
  };
  static constexpr Range ranges[] = {
      {0xC0, 0xC5, "a"},   {0xC6, 0xC6, "ae"},  {0xC7, 0xC7, "c"},   {0xC8, 0xCB, "e"},   {0xCC, 0xCF, "i"},
      {0xD0, 0xD0, "d"},   {0xD1, 0xD1, "n"},   {0xD2, 0xD6, "o"},   {0xD8, 0xD8, "o"},   {0xD9, 0xDC, "u"},
      {0xDD, 0xDD, "y"},   {0xDE, 0xDE, "th"},  {0xDF, 0xDF, "ss"},  {0xE0, 0xE5, "a"},   {0xE6, 0xE6, "ae"},
      {0xE7, 0xE7, "c"},   {0xE8, 0xEB, "e"},   {0xEC, 0xEF, "i"},   {0xF0, 0xF0, "d"},   {0xF1, 0xF1, "n"},
      {0xF2, 0xF6, "o"},   {0xF8, 0xF8, "o"},   {0xF9, 0xFC, "u"},   {0xFD, 0xFD, "y"},   {0xFE, 0xFE, "th"},
      {0xFF, 0xFF, "y"},   {0x100, 0x105, "a"}, {0x106, 0x10D, "c"}, {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"},
      {0x11C, 0x123, "g"}, {0x124, 0x127, "h"}, {0x128, 0x131, "i"}, {0x132, 0x133, "ij"}, {0x134, 0x135, "j"},
      {0x136, 0x138, "k"}, {0x139, 0x142, "l"}, {0x143, 0x14B, "n"}, {0x14C, 0x151, "o"}, {0x152, 0x153, "oe"},
      {0x154, 0x159, "r"}, {0x15A, 0x161, "s"}, {0x162, 0x167, "t"}, {0x168, 0x173, "u"}, {0x174, 0x175, "w"},
      {0x176, 0x178, "y"}, {0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"},
  };
  for (const auto& r : ranges)
    if (c >= r.lo && c <= r.hi) return r.ascii;
  return {};
}

bool is_combining_mark(char32_t c) { return (c >= 0x300 && c <= 0x36F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x20D0 && c <= 0x20FF); }

// Non-ASCII code points kept in slugs: letters and digits of the world's
// scripts. Approximated without ICU by refusing the blocks of punctuation,
// spaces, symbols, emoji, private use and specials.
bool is_slug_letter(char32_t c) {
  if (c < 0xC0 || c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x2000 && c <= 0x2BFF) return false;    // punctuation, symbols, arrows, dingbats
  if (c >= 0x2E00 && c <= 0x2E7F) return false;    // supplemental punctuation
  if (c >= 0x3000 && c <= 0x303F) return false;    // CJK punctuation, ideographic space
  if (c >= 0xD800 && c <= 0xF8FF) return false;    // surrogates, private use
  if (c >= 0xFE00 && c <= 0xFE6F) return false;    // variation selectors, vertical and small forms
  if (c >= 0xFEFF && c <= 0xFF0F) return false;    // BOM, fullwidth punctuation
  if ((c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65)) return false;
  if (c >= 0xFFF0 && c <= 0xFFFF) return false;    // specials
  if (c >= 0x1F000 && c <= 0x1FAFF) return false;  // emoji and pictographs
  if (c >= 0xE0000) return false;                  // tags, variation selectors, private use
  return true;
}

// Lower case for the two other cased scripts common in titles: Greek and
// Cyrillic capitals (Latin ones are folded to ASCII before this).
char32_t lower_greek_cyrillic(char32_t c) {
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 0x20;
  return c;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
  } else {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  }
  out += static_cast<char>(0x80 | (c & 0x3F));
}

bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2018 || c == 0x2019 || c == 0x02BC || c == 0x2032; }

void separate(std::string& out) {
  if (!out.empty() && out.back() != '-') out += '-';
}

std::string sanitize(std::string_view text, SlugMode mode) {
  std::string out;
  for (std::size_t pos = 0; pos < text.size();) {
    const auto cp = utf8::decode(text, pos);
    const char32_t c = cp.value;
    if (!cp.valid) {
      separate(out);
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += static_cast<char>(c);
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (mode == SlugMode::title && (is_apostrophe(c) || c == '&')) {
      // "Grandma's" -> "grandmas", as Blogger spells its own filenames.
    } else if (mode == SlugMode::title && is_combining_mark(c)) {
      // a decomposed accent: its base letter is already written
    } else if (const auto folded = mode == SlugMode::title ? fold_latin(c) : std::string_view{}; !folded.empty()) {
      out += folded;
    } else if (const char32_t lower = mode == SlugMode::title ? lower_greek_cyrillic(c) : c; lower != c) {
      append_utf8(out, lower);
    } else if (c >= 0x80 && (is_slug_letter(c) || is_combining_mark(c))) {
      out.append(text.substr(pos, cp.size));
    } else {
      separate(out);
    }
    pos += cp.size;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

// At most `max_bytes`, on a code point boundary (and at a "-" when asked).
std::string cap(std::string slug, std::size_t max_bytes, bool at_hyphen) {
  if (slug.size() <= max_bytes) return slug;
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(slug[cut]) & 0xC0) == 0x80) --cut;
  if (at_hyphen) {
    const auto hyphen = slug.rfind('-', cut);
    if (hyphen != std::string::npos && hyphen > 0) cut = hyphen;
  }
  slug.resize(cut);
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}


}  // namespace

std::string slug_from_legacy_path(std::string_view legacy_path, std::string_view fallback) {
  std::string_view path = legacy_path.substr(0, legacy_path.find_first_of("?#"));
  while (!path.empty() && (path.back() == '/' || path.back() == '\\')) path.remove_suffix(1);
  if (const auto slash = path.find_last_of("/\\"); slash != std::string_view::npos) path.remove_prefix(slash + 1);
  std::string name = percent_decode(path);
  for (std::string_view ext : {".html", ".htm"}) {
    if (ends_with_ci(name, ext)) {
      name.resize(name.size() - ext.size());
      break;
    }
  }
  // Blogger's collision suffix: "sourdough_12" -> "sourdough".
  if (const auto underscore = name.rfind('_');
      underscore != std::string::npos && underscore > 0 && all_ascii_digits(std::string_view(name).substr(underscore + 1)))
    name.resize(underscore);
  std::string slug = cap(sanitize(name, SlugMode::legacy), kMaxSlugBytes, false);
  if (slug.empty()) slug = cap(sanitize(fallback, SlugMode::legacy), kMaxSlugBytes, false);
  if (slug.empty()) slug = "post";
  return slug;
}

std::string slug_from_title(std::string_view title) {
  return cap(sanitize(title, SlugMode::title), kMaxTitleSlugBytes, true);
}

bool is_safe_slug(std::string_view slug) {
  if (slug.empty() || slug.size() > kMaxSlugBytes || slug.front() == '.') return false;
  return std::none_of(slug.begin(), slug.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return c == '/' || c == '\\' || u < 0x20 || u == 0x7F;
  });
}

std::string route_for(std::string_view pattern, std::string_view local_date, std::string_view slug) {
  if (pattern.empty()) pattern = "/:year/:month/:slug";
  std::string_view year, month, day;
  const std::string_view date = local_date.substr(0, 10);
  if (date.size() == 10 && date[4] == '-' && date[7] == '-' && all_ascii_digits(date.substr(0, 4)) &&
      all_ascii_digits(date.substr(5, 2)) && all_ascii_digits(date.substr(8, 2))) {
    year = date.substr(0, 4);
    month = date.substr(5, 2);
    day = date.substr(8, 2);
  }
  const std::pair<std::string_view, std::string_view> fields[] = {
      {":year", year}, {":month", month}, {":day", day}, {":slug", slug}};
  std::string out;
  for (std::size_t pos = 0; pos < pattern.size();) {
    bool replaced = false;
    for (const auto& [name, value] : fields) {
      if (pattern.substr(pos, name.size()) == name) {
        out += value;
        pos += name.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out += pattern[pos++];
  }
  // An empty field (no date) must not leave "//" behind.
  std::string route;
  for (const char c : out)
    if (!(c == '/' && !route.empty() && route.back() == '/')) route += c;
  return route;
}

std::string tag_route_for(std::string_view pattern, std::string_view label) {
  const std::string slug = slug_from_title(label);
  if (slug.empty()) return {};
  std::string route(pattern);
  if (auto at = route.find(":tag"); at != std::string::npos) route.replace(at, 4, slug);
  return route;
}

std::string archive_route_for(std::string_view pattern, std::string_view year, std::string_view month) {
  std::string route(pattern);
  if (auto at = route.find(":year"); at != std::string::npos) route.replace(at, 5, year);
  if (auto at = route.find(":month"); at != std::string::npos) route.replace(at, 6, month);
  return route;
}

std::string numbered_slug(const std::string& base, int& next, const std::function<bool(const std::string&)>& is_own_slug) {
  if (next < 2) next = 2;
  for (;; ++next) {
    std::string slug = base + "-" + std::to_string(next);
    if (!is_own_slug(slug)) {
      ++next;
      return slug;
    }
  }
}

std::vector<std::string> resolve_slug_collisions(const std::vector<std::pair<std::string, std::string>>& candidates) {
  std::vector<std::size_t> order(candidates.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  // Publication order; equal keys keep the input order.
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return candidates[a].second < candidates[b].second; });
  auto base_of = [&](std::size_t i) { return candidates[i].first.empty() ? std::string("post") : candidates[i].first; };
  std::set<std::string, std::less<>> own;  // every document's own slug: nobody else may be given these
  for (std::size_t i = 0; i < candidates.size(); ++i) own.insert(base_of(i));
  std::map<std::string, int, std::less<>> next;  // bases met so far -> their next number
  std::vector<std::string> result(candidates.size());
  for (const std::size_t i : order) {
    std::string base = base_of(i);
    auto [at, first] = next.try_emplace(base, 2);
    result[i] = first ? std::move(base)
                      : numbered_slug(base, at->second, [&](const std::string& slug) { return own.count(slug) > 0; });
  }
  return result;
}

}  // namespace blogshift
