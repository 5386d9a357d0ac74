// Transform's record of the site's authors (site_authors, author_site_ids):
// every person a planned document names, under the site id (author_ids.h)
// that the documents' front matter and load's author records both use, with
// the staged copy of the profile image when the sources hold one.
#pragma once

#include <cstdint>

#include "site_plan.h"
#include "sqlite_db.h"

namespace blogshift {

// Replaces both tables with the planned documents' authors. Returns how
// many people that is.
int64_t write_site_authors(Database& db, const SitePlan& plan);

}  // namespace blogshift
