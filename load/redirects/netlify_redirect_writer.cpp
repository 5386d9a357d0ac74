// Netlify and Cloudflare Pages: `_redirects`, one "source target 301" line
// per old path. Both want special characters in paths URL-encoded, so the
// source is the path as a browser sends it. A ":name" or "*" in a source is a
// placeholder or splat to both hosts: such a line still redirects its own
// path (and others of its form) but counts as a dynamic redirect, so those
// lines come after the static ones, as Cloudflare asks.
//
// Limits (checked, and stated in the file's header):
//  - Cloudflare Pages: 2,000 static and 100 dynamic redirects, 1,000
//    characters per line (developers.cloudflare.com/pages/configuration/redirects/).
//  - Netlify: no fixed number, but from 10,000 redirects on it recommends
//    wildcards or Edge Functions, and a deploy whose rules are too large
//    fails (docs.netlify.com/routing/redirects/).
#include <algorithm>
#include <cctype>

#include "redirect_writers.h"

namespace blogshift {

namespace {

constexpr int64_t kPagesStatic = 2000, kPagesDynamic = 100, kNetlifyAdvised = 10000;
constexpr size_t kPagesLine = 1000;

// A ":" followed by a letter starts a placeholder; "*" is a splat.
bool is_dynamic(std::string_view source) {
  if (source.find('*') != std::string_view::npos) return true;
  for (size_t i = source.find(':'); i != std::string_view::npos; i = source.find(':', i + 1))
    if (i + 1 < source.size() && std::isalpha(static_cast<unsigned char>(source[i + 1]))) return true;
  return false;
}

}  // namespace

std::vector<MapFile> render_netlify(const RedirectSet& set) {
  MapFile file{"_redirects", "", 0, {}};
  std::string static_lines, dynamic_lines;
  int64_t statics = 0, dynamics = 0;
  size_t longest = 0;
  for (const auto& e : set.entries) {
    const std::string source = request_path(e.old_path);
    const std::string line = source + " " + e.target + " 301\n";
    longest = std::max(longest, line.size() - 1);
    if (is_dynamic(source)) {
      dynamic_lines += line;
      ++dynamics;
    } else {
      static_lines += line;
      ++statics;
    }
  }
  file.rules = statics + dynamics;
  if (statics > kPagesStatic)
    file.warnings.push_back(std::to_string(statics) + " static redirects: over Cloudflare Pages' limit of 2,000 "
                            "(use cloudflare-bulk-redirects.csv there)");
  if (dynamics > kPagesDynamic)
    file.warnings.push_back(std::to_string(dynamics) + " dynamic redirects (\":name\" or \"*\" in the path): over "
                            "Cloudflare Pages' limit of 100");
  if (longest > kPagesLine)
    file.warnings.push_back("a line of " + std::to_string(longest) + " characters: over Cloudflare Pages' limit of "
                            "1,000");
  if (file.rules >= kNetlifyAdvised)
    file.warnings.push_back(std::to_string(file.rules) + " redirects: Netlify advises wildcards or Edge Functions "
                            "from 10,000 on, and may refuse the deploy");

  std::string& c = file.content;
  c += "# blogshift redirects for Netlify and Cloudflare Pages: put this file in the site's publish folder.\n";
  c += coverage_comment(set, "#");
  c += "# " + std::to_string(statics) + " static and " + std::to_string(dynamics) +
       " dynamic redirects (a \":name\" or \"*\" in the path makes one dynamic); longest line " +
       std::to_string(longest) + " characters.\n";
  c += "# Limits: Cloudflare Pages takes 2,000 static and 100 dynamic redirects, 1,000 characters a line;\n";
  c += "# Netlify advises wildcards or Edge Functions from 10,000 redirects on.\n";
  c += query_comment("#", "; the host may pass the query string on to the target (Netlify does), which this\n"
                         "# format cannot prevent");
  for (const auto& w : file.warnings) c += "# WARNING: " + w + "\n";
  c += static_lines;
  c += dynamic_lines;
  return {file};
}

}  // namespace blogshift
