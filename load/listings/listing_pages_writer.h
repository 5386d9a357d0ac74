// Writes the listing pages transform planned (site_listings: tag pages,
// year and month archives, author pages) where the layout's generator makes
// a page of each at its route: Astro content/listings/<name>.json (a
// collection the skeleton's [...listing] page reads), Hugo
// content/listings/<name>.md (front matter `url`, `type: listing`), Jekyll
// listings/<name>.md (front matter `permalink`, `layout: listing`). Each
// says what it lists (`listing`: kind and the tags, year, month or author),
// and the skeleton's layout picks the posts, so posts added later are listed
// too. <name> is the route with its slashes made dashes (tags-bread,
// archive-2019-02). Through the written-files ledger (role "listing").
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sqlite_db.h"

namespace blogshift {

struct ListingPagesReport {
  int64_t pages = 0;
  std::vector<std::string> files;  // relative to the output folder
  int64_t written = 0;
  std::vector<std::string> kept;   // a person edited them: left alone
};

ListingPagesReport write_listing_pages(Database& db, const std::string& out_dir, bool overwrite, bool dry_run);

}  // namespace blogshift
