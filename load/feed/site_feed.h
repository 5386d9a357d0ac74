// The new site's feed, written by load into the content tree as a static
// file at the feed route that Blogger's feeds redirect to (transform's
// --feed-route, kept in site_settings): under public/ for Astro, static/ for
// Hugo, the tree's root for Jekyll, so each generator serves it as it is.
// RSS 2.0 when the route's file name says rss ("/rss.xml", "feed.rss"),
// Atom otherwise; a route ending in "/" gets index.xml. No feed when the
// route is a URL elsewhere (a feed service) or --feed-entries is 0. Written
// through the written-files ledger (role "feed"): unchanged bytes are not
// rewritten, a person's edit is kept, a feed the route no longer names goes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sqlite_db.h"

namespace blogshift {

struct SiteFeedReport {
  std::string path;          // relative to the output folder; "" = no feed written
  std::string format;        // atom | rss
  int64_t entries = 0;
  int64_t entries_with_old_id = 0;  // entries whose id is their Blogger feed id
  bool written = false;      // its bytes changed (or it is new)
  std::vector<std::string> kept;  // a person edited it: left alone
  std::string skipped;       // why there is no feed, when there is none
};

// The file the feed goes to for `layout` and `route` ("" when none).
std::string feed_file_path(const std::string& layout, const std::string& route);

SiteFeedReport write_site_feed(Database& db, const std::string& out_dir, const std::string& site_url,
                               int64_t entries, bool overwrite, bool dry_run);

}  // namespace blogshift
