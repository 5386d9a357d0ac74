#include "redirect_maps.h"

#include <algorithm>
#include <filesystem>

#include "atomic_file.h"
#include "errors.h"
#include "redirect_writers.h"
#include "text.h"

namespace blogshift {

namespace {

bool usable_text(std::string_view text) {
  return !text.empty() && std::none_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u <= 0x20 || u == 0x7f || c == '"' || c == '\'' || c == '\\' || c == '<' || c == '>' || c == '`' ||
           c == '{' || c == '}' || c == ',' || c == '$' || c == '%';
  });
}

// "https://blog.example.org/" -> "https://blog.example.org"; "" stays "".
std::string checked_base_url(std::string base) {
  if (base.empty()) return base;
  while (!base.empty() && base.back() == '/') base.pop_back();
  const bool scheme = starts_with_ci(base, "http://") || starts_with_ci(base, "https://");
  if (!scheme || !usable_text(base) || base.find('?') != std::string::npos || base.find('#') != std::string::npos ||
      base.size() <= base.find("//") + 2)
    throw UsageError("redirect maps: base URL '" + base + "' is not an http(s) URL like https://blog.example.org");
  return base;
}

// The host old URLs were requested on: the option, else the blog's custom
// domain, else its first host.
std::string source_host(Database& db, const std::string& option) {
  if (!option.empty()) {
    if (!usable_text(option) || option.find('/') != std::string::npos)
      throw UsageError("redirect maps: source host '" + option + "' is not a host name");
    return ascii_lower(option);
  }
  std::vector<std::string> hosts;
  auto q = db.prepare("SELECT host FROM blog_hosts ORDER BY host");
  while (q.step()) hosts.push_back(q.column_text(0));
  for (const auto& h : hosts)
    if (!h.ends_with(".blogspot.com") && usable_text(h)) return h;
  return hosts.empty() ? std::string() : hosts.front();
}

RedirectSet read_set(Database& db, const RedirectMapOptions& options, const std::string& base_url,
                     std::vector<std::string>& warnings) {
  RedirectSet set;
  set.source_host = source_host(db, options.source_host);
  auto q = db.prepare("SELECT old_path, new_route, shape FROM redirects ORDER BY old_path");
  while (q.step()) {
    RedirectEntry e{q.column_text(0), q.column_text(1), q.column_text(2)};
    const bool control = std::any_of(e.old_path.begin(), e.old_path.end(), [](char c) {
      return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
    });
    if (e.old_path.empty() || e.old_path[0] != '/' || control || e.target.empty()) {
      warnings.push_back("redirect for '" + request_path(e.old_path) + "' skipped: no format can carry it");
      continue;
    }
    // A route is a path on the new site; a feed route may be a whole URL.
    const bool absolute = starts_with_ci(e.target, "http://") || starts_with_ci(e.target, "https://");
    if (!absolute) {
      e.target = base_url + location_path(e.target);
    } else if (!usable_text(e.target)) {
      warnings.push_back("redirect for '" + request_path(e.old_path) + "' skipped: its target '" + e.target +
                         "' holds characters a Location cannot carry as they are");
      continue;
    }
    ++set.shapes[e.shape];
    set.entries.push_back(std::move(e));
  }
  std::sort(set.entries.begin(), set.entries.end(),
            [](const RedirectEntry& a, const RedirectEntry& b) { return a.old_path < b.old_path; });
  return set;
}

}  // namespace

const std::vector<std::string>& redirect_map_formats() {
  static const std::vector<std::string> formats = {"nginx", "apache", "netlify", "caddy", "cloudflare-csv", "json"};
  return formats;
}

RedirectMapsReport write_redirect_maps(Database& db, const std::string& dir, const RedirectMapOptions& options) {
  const auto& known = redirect_map_formats();
  for (const auto& f : options.formats)
    if (std::find(known.begin(), known.end(), f) == known.end())
      throw UsageError("redirect maps: unknown format '" + f +
                       "' (choose from nginx, apache, netlify, caddy, cloudflare-csv, json)");
  const std::string base_url = checked_base_url(options.base_url);

  RedirectMapsReport report;
  const RedirectSet set = read_set(db, options, base_url, report.warnings);
  report.shapes = set.shapes;
  report.redirects = static_cast<int64_t>(set.entries.size());

  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path out = fs::absolute(dir, ec);
  for (const auto& format : known) {
    if (!options.formats.empty() && std::find(options.formats.begin(), options.formats.end(), format) ==
                                        options.formats.end())
      continue;
    std::vector<MapFile> files;
    if (format == "nginx") files = render_nginx(set);
    if (format == "apache")
      files = render_apache(set, options.apache_map_path.empty() ? (out / "apache-redirects.txt").lexically_normal().string()
                                                                 : options.apache_map_path);
    if (format == "netlify") files = render_netlify(set);
    if (format == "caddy") files = render_caddy(set);
    if (format == "cloudflare-csv") {
      if (set.source_host.empty()) {
        report.warnings.push_back(
            "cloudflare-csv: not written: no host to redirect from (the database names none; give a source host)");
        continue;
      }
      if (set.source_host.ends_with(".blogspot.com"))
        report.warnings.push_back("cloudflare-csv: redirects from " + set.source_host +
                                  ", which cannot be a zone on Cloudflare; give the blog's own domain as the source "
                                  "host");
      files = render_cloudflare_csv(set, base_url);
    }
    if (format == "json") files = render_json(set);
    for (auto& file : files) {
      const std::string path = (out / file.name).string();
      write_file_atomically(path, file.content);
      report.files.push_back({path, format, file.rules});
      for (auto& w : file.warnings) report.warnings.push_back(file.name + ": " + w);
    }
  }
  return report;
}

}  // namespace blogshift
