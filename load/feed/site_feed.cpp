#include "site_feed.h"

#include <algorithm>
#include <cctype>

#include "feed_entries.h"
#include "feed_xml.h"
#include "site_settings.h"
#include "written_files.h"

namespace blogshift {

namespace {

bool names_rss(const std::string& path) {
  std::string name = path.substr(path.rfind('/') + 1);
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  return name.find("rss") != std::string::npos;
}

}  // namespace

std::string feed_file_path(const std::string& layout, const std::string& route) {
  if (route.empty() || route.front() != '/' || route.find("://") != std::string::npos) return {};
  std::string path = route.substr(1);
  if (path.empty() || path.back() == '/') path += "index.xml";
  if (layout == "hugo") return "static/" + path;
  if (layout == "jekyll") return path;
  return "public/" + path;  // astro
}

SiteFeedReport write_site_feed(Database& db, const std::string& out_dir, const std::string& site_url,
                               int64_t entries, bool overwrite, bool dry_run) {
  SiteFeedReport report;
  const std::string layout = site_setting(db, "layout"), route = site_setting(db, "feed_route");
  WrittenFiles files(db, out_dir, overwrite, dry_run);
  if (entries <= 0) {
    report.skipped = "--feed-entries 0";
  } else if (layout.empty()) {
    report.skipped = "the transform that made the tree recorded no site settings (run transform again)";
  } else if ((report.path = feed_file_path(layout, route)).empty()) {
    report.skipped = "the feed route '" + route + "' is not a path on the new site";
  } else {
    const FeedChannel channel = read_feed(db, site_url, route, entries);
    if (channel.entries.empty()) {
      report.skipped = "no live posts";
      report.path.clear();
    } else {
      report.format = names_rss(report.path) ? "rss" : "atom";
      report.entries = static_cast<int64_t>(channel.entries.size());
      report.entries_with_old_id = std::count_if(channel.entries.begin(), channel.entries.end(), [](const FeedEntry& e) {
        return e.id.rfind("tag:blogger.com,", 0) == 0;
      });
      files.write(report.path, report.format == "rss" ? rss_feed_xml(channel) : atom_feed_xml(channel), "feed");
    }
  }
  const WrittenFilesReport written = files.finish({"feed"});  // a feed the route no longer names goes
  report.written = written.written > 0;
  report.kept = written.kept;
  return report;
}

}  // namespace blogshift
