// Writes the new site's author records where the layout's generator reads
// them: Astro content/authors/<id>.json, Hugo data/authors/<id>.yaml,
// Jekyll _data/authors.yml; and each avatar the sources hold a copy of into
// the layout's static folder (public/authors/, static/authors/,
// assets/authors/), the record naming it by its site path. An avatar with no
// copy stays its URL. Through the written-files ledger (roles "author" and
// "avatar"): unchanged bytes are not rewritten, a person's edit is kept, a
// record for someone no document names any more goes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sqlite_db.h"

namespace blogshift {

struct AuthorsReport {
  int64_t people = 0;
  int64_t avatars_local = 0, avatars_remote = 0;
  std::vector<std::string> ids;    // in id order
  std::vector<std::string> files;  // records and avatars, relative to the output folder
  int64_t written = 0;             // files whose bytes changed (or new)
  std::vector<std::string> kept;   // a person edited them: left alone
};

AuthorsReport write_author_records(Database& db, const std::string& out_dir, bool overwrite, bool dry_run);

}  // namespace blogshift
