// nginx: a `map $uri $blogshift_redirect` for the http context and a
// server-context snippet that answers with `return 301`. $uri is the
// decoded, normalised path without the query string, so ?m=1 and friends
// match by path and are dropped from the Location.
//
// nginx compares map strings ignoring case and refuses a map with two keys
// that differ only in case: such keys are written once (the first by byte
// order) and reported. A map whose keys do not fit the default hash sizes
// (map_hash_bucket_size 32|64|128 by CPU, map_hash_max_size 2048) stops
// nginx from starting, so the map file sets both to what its keys need.
#include <algorithm>
#include <set>

#include "redirect_writers.h"
#include "text.h"

namespace blogshift {

namespace {

// A double-quoted nginx string: only \ and " need escaping (the parser
// reads \", \\ and keeps other bytes, UTF-8 included, as they are).
std::string nginx_quote(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

size_t power_of_two_at_least(size_t n) {
  size_t p = 1;
  while (p < n) p <<= 1;
  return p;
}

}  // namespace

std::vector<MapFile> render_nginx(const RedirectSet& set) {
  MapFile map{"nginx-redirects-map.conf", "", 0, {}};
  std::string body;
  std::set<std::string> folded;  // keys as nginx compares them
  size_t longest = 0;
  for (const auto& e : set.entries) {
    if (!folded.insert(ascii_lower(e.old_path)).second) {
      map.warnings.push_back("'" + e.old_path + "' differs from another old path only in case; nginx matches "
                             "without case, so only the first is in the map");
      continue;
    }
    longest = std::max(longest, e.old_path.size());
    body += "    " + nginx_quote(e.old_path) + " " + nginx_quote(e.target) + ";\n";
    ++map.rules;
  }
  // A bucket holds a key's bytes plus two pointers' worth of bookkeeping;
  // the table needs room for every key.
  const size_t bucket = std::max<size_t>(128, power_of_two_at_least(longest + 32));
  const size_t max_size = std::max<size_t>(2048, power_of_two_at_least(static_cast<size_t>(map.rules) * 2));

  std::string& c = map.content;
  c += "# blogshift redirect map for nginx. Include it in the http {} context:\n";
  c += "#   include /path/to/nginx-redirects-map.conf;\n";
  c += "# and nginx-redirects-server.conf in the server {} block that answers the old URLs.\n";
  c += coverage_comment(set, "#");
  c += query_comment("#", " ($uri holds no query) and dropped from the Location");
  c += "# nginx matches map keys without case. The longest key is " + std::to_string(longest) +
       " bytes: the two lines below\n# size the map's hash for the keys (nginx will not start when they do not "
       "fit the defaults); remove them\n# if your http {} block already sets larger values: nginx refuses a "
       "directive given twice.\n";
  for (const auto& w : map.warnings) c += "# WARNING: " + w + "\n";
  c += "map_hash_bucket_size " + std::to_string(bucket) + ";\n";
  c += "map_hash_max_size " + std::to_string(max_size) + ";\n";
  c += "map $uri $blogshift_redirect {\n    default \"\";\n" + body + "}\n";

  MapFile server{"nginx-redirects-server.conf", "", 1, {}};
  server.content =
      "# blogshift redirects for nginx, server {} context: include it in the server block that answers the\n"
      "# old blog's URLs, with nginx-redirects-map.conf included in the http {} context.\n" +
      coverage_comment(set, "#") +
      "if ($blogshift_redirect) {\n"
      "    return 301 $blogshift_redirect;\n"
      "}\n";
  return {map, server};
}

}  // namespace blogshift
