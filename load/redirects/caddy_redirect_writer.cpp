// Caddy: `redir` directives in a Caddyfile snippet, for `import` inside the
// site block that answers the old URLs. An ordinary path is its own path
// matcher (`redir /2023/07/x.html /2023/07/x 301`). Caddy's path matcher
// ignores case, treats * ? [ \ as glob characters and trims trailing dots
// and spaces from the request, so any other path gets a named path_regexp
// matcher with every metacharacter escaped ({ and } as \x7B and \x7D, which
// the Caddyfile would otherwise read as placeholders). Both match
// the decoded path and ignore the query string, and `redir` sends the target
// as it is: ?m=1 and friends are dropped.
#include "redirect_writers.h"

namespace blogshift {

namespace {

bool plain_path(std::string_view path) {
  for (const char c : path)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '_' ||
          c == '.' || c == '~' || c == '-'))
      return false;
  return !path.empty() && path.back() != '.';
}

bool valid_utf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > text.size()) return false;
    for (size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(text[i + k]) >> 6) != 2) return false;
    i += n;
  }
  return true;
}

// An RE2 pattern for exactly `path`, inside a double-quoted Caddyfile token.
std::string quoted_regexp(std::string_view path) {
  std::string out = "\"^";
  for (const char c : path) {
    if (c == '{' || c == '}') {
      // The Caddyfile turns \{ into { and then reads {name} as a placeholder,
      // so braces go in as RE2 hex escapes, which it leaves alone.
      out += c == '{' ? "\\x7B" : "\\x7D";
      continue;
    }
    if (std::string_view("\\.+*?()|[]^$").find(c) != std::string_view::npos) out += '\\';
    else if (c == '"') out += '\\';  // the Caddyfile's own escape
    out += c;
  }
  return out + "$\"";
}

}  // namespace

std::vector<MapFile> render_caddy(const RedirectSet& set) {
  MapFile file{"caddy-redirects.caddyfile", "", 0, {}};
  std::string body;
  int64_t named = 0;
  for (const auto& e : set.entries) {
    if (plain_path(e.old_path)) {
      body += "redir " + e.old_path + " " + e.target + " 301\n";
    } else if (valid_utf8(e.old_path)) {
      const std::string matcher = "@blogshift_redirect_" + std::to_string(++named);
      body += matcher + " path_regexp " + quoted_regexp(e.old_path) + "\n";
      body += "redir " + matcher + " " + e.target + " 301\n";
    } else {
      file.warnings.push_back("'" + request_path(e.old_path) + "' is not UTF-8 once decoded; Caddy cannot match it");
      continue;
    }
    ++file.rules;
  }
  std::string& c = file.content;
  c += "# blogshift redirects for Caddy: import this file inside the site block that answers the old URLs:\n";
  c += "#   import /path/to/caddy-redirects.caddyfile\n";
  c += coverage_comment(set, "#");
  c += query_comment("#", " and dropped from the Location");
  c += "# Plain paths match without case (Caddy's path matcher); " + std::to_string(named) +
       " paths with other characters use\n# path_regexp matchers, which match them exactly.\n";
  for (const auto& w : file.warnings) c += "# WARNING: " + w + "\n";
  c += body;
  return {file};
}

}  // namespace blogshift
