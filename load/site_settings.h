// What transform recorded about the site it planned (site_settings: the
// layout, the feed route), for the load writers that place files by it.
#pragma once

#include <string>

#include "sqlite_db.h"

namespace blogshift {

// The setting's value, or "" when transform recorded none.
std::string site_setting(Database& db, const char* key);

}  // namespace blogshift
