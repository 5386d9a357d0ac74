// Apache httpd (mod_rewrite):
//  - .htaccess for the document root: one RewriteRule per old path. In a
//    directory context the pattern sees the path without its leading "/".
//  - apache-redirects.txt, a RewriteMap text file (old path, Location), and
//    apache-redirects-server.conf for the server or virtual-host context,
//    which declares the map and answers from it (RewriteMap is refused in
//    .htaccess). A text map's key cannot hold white space, so old paths with
//    spaces get a RewriteRule of their own in that snippet instead.
// Patterns match the decoded path; every byte but letters, digits, "/", "_"
// and "-" is written as \xHH (so quotes, spaces, regex metacharacters and
// UTF-8 need no other escaping). Flags: R=301, L, QSD (the query string is
// dropped: ?m=1 and friends match by path), NE (the Location is already
// percent-encoded; "%" and "$" in it are written \% and \$).
#include "redirect_writers.h"

namespace blogshift {

namespace {

std::string pattern_for(std::string_view path) {
  static const char hex[] = "0123456789abcdef";
  std::string out = "^";
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '_' ||
        c == '-') {
      out += ch;
    } else if (c == '.') {
      out += "\\.";
    } else {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out + "$";
}

std::string substitution_for(std::string_view target) {
  std::string out;
  for (const char c : target) {
    if (c == '%' || c == '$' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string rule(std::string_view pattern, std::string_view target) {
  return "RewriteRule \"" + std::string(pattern) + "\" \"" + substitution_for(target) + "\" [R=301,L,QSD,NE]\n";
}

bool has_space(std::string_view text) {
  for (const char c : text)
    if (c == ' ' || c == '\t') return true;
  return false;
}

}  // namespace

std::vector<MapFile> render_apache(const RedirectSet& set, const std::string& map_path) {
  MapFile htaccess{".htaccess", "", 0, {}};
  std::string& h = htaccess.content;
  h += "# blogshift redirects for Apache httpd (mod_rewrite), for the document root of the site that answers\n";
  h += "# the old blog's URLs (needs AllowOverride FileInfo). Apache re-reads .htaccess on every request:\n";
  h += "# for many rules, apache-redirects-server.conf (a RewriteMap) in the server config is faster.\n";
  h += coverage_comment(set, "#");
  h += query_comment("#", " and dropped from the Location (QSD)");
  h += "RewriteEngine On\n";
  // Only what the client asked for: a round after an internal rewrite (the
  // site's own rules, such as /x -> /x.html for pages built as x.html) is
  // never redirected again, or /2019/02/x.html would loop back to /2019/02/x.
  h += "# Old URLs only as requested: after an internal rewrite (your /x -> /x.html rule), stop here.\n";
  h += "RewriteCond \"%{ENV:REDIRECT_STATUS}\" \".\"\n";
  h += "RewriteRule \"^\" \"-\" [L]\n";
  for (const auto& e : set.entries) {
    h += rule(pattern_for(e.old_path.substr(1)), e.target);
    ++htaccess.rules;
  }

  MapFile map{"apache-redirects.txt", "", 0, {}};
  std::string spaced_rules;
  int64_t spaced = 0;
  map.content = "# blogshift RewriteMap (txt:) for Apache httpd: old path, then the Location to send.\n" +
                coverage_comment(set, "#") +
                "# Paths with white space cannot be keys here: apache-redirects-server.conf holds their rules.\n";
  for (const auto& e : set.entries) {
    if (has_space(e.old_path)) {
      spaced_rules += rule(pattern_for(e.old_path), e.target);
      ++spaced;
      continue;
    }
    map.content += e.old_path + " " + e.target + "\n";
    ++map.rules;
  }

  MapFile server{"apache-redirects-server.conf", "", spaced + 1, {}};
  std::string& s = server.content;
  s += "# blogshift redirects for Apache httpd, server or <VirtualHost> context (RewriteMap is not allowed in\n";
  s += "# .htaccess). Include it in the virtual host that answers the old blog's URLs:\n";
  s += "#   Include /path/to/apache-redirects-server.conf\n";
  s += "# It reads the map from the path below; move the map there or change the line.\n";
  s += coverage_comment(set, "#");
  s += query_comment("#", " (REQUEST_URI holds no query) and dropped from the Location (QSD)");
  s += "RewriteEngine On\n";
  s += "RewriteMap blogshift_redirects \"txt:" + map_path + "\"\n";
  s += "RewriteCond \"${blogshift_redirects:%{REQUEST_URI}}\" \"^(.+)$\"\n";
  s += "RewriteRule \"^\" \"%1\" [R=301,L,QSD,NE]\n";
  if (spaced > 0) s += "# Old paths with white space, which a text map cannot hold:\n" + spaced_rules;
  return {htaccess, map, server};
}

}  // namespace blogshift
