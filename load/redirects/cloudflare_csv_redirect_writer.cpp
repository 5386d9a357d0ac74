// Cloudflare Bulk Redirects: a CSV for a Bulk Redirect List's import, one
// line per old path:
//   source URL, target URL, status, preserve query string, include
//   subdomains, subpath matching, preserve path suffix
// (developers.cloudflare.com/rules/url-forwarding/bulk-redirects/reference/csv-file-format/).
// The format allows no header row and no comments, so what the file covers
// is in the report only. The source is host + path as a browser sends it,
// without a scheme (it then matches http and https) and without a query
// string (the format refuses one: requests match by path, and with
// "preserve query string" false ?m=1 and friends are dropped). Targets are
// absolute. A field holding a comma is quoted.
//
// Limit: URL redirects across all lists of an account: Free 10,000, Pro
// 25,000, Business 50,000, Enterprise 1,000,000 (Cloudflare's changelog,
// "Increased Cloudflare Rules limits", 2025-02-12); source and target at most
// 32 KB each (.../bulk-redirects/reference/parameters/).
#include "redirect_writers.h"

namespace blogshift {

namespace {

constexpr int64_t kFreePlanRedirects = 10000;
constexpr size_t kMaxUrl = 32 * 1024;

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"") == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::vector<MapFile> render_cloudflare_csv(const RedirectSet& set, const std::string& base_url) {
  MapFile file{"cloudflare-bulk-redirects.csv", "", 0, {}};
  const std::string target_base = base_url.empty() ? "https://" + set.source_host : std::string();
  for (const auto& e : set.entries) {
    const std::string source = set.source_host + request_path(e.old_path);
    const std::string target = e.target.starts_with("/") ? target_base + e.target : e.target;
    if (source.size() > kMaxUrl || target.size() > kMaxUrl) {
      file.warnings.push_back("'" + source + "' left out: over Cloudflare's 32 KB URL limit");
      continue;
    }
    file.content += csv_field(source) + "," + csv_field(target) + ",301,false,false,false,false\n";
    ++file.rules;
  }
  if (file.rules > kFreePlanRedirects)
    file.warnings.push_back(std::to_string(file.rules) + " redirects: over the 10,000 a Free plan account holds "
                            "across its Bulk Redirect Lists (Pro 25,000, Business 50,000)");
  return {file};
}

}  // namespace blogshift
