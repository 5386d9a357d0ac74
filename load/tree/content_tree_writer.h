// Writes the content tree from the staging database: every document as
// OUT/<path> (front matter, a blank line, the Markdown body), and the images
// and attachments it links locally beside it. Atomic per file, and
// deterministic: the same database gives byte-identical files.
#pragma once

#include <cstdint>
#include <string>

#include "sqlite_db.h"

namespace blogshift {

struct TreeReport {
  int64_t documents = 0, files = 0;  // Markdown files, local images and attachments
  int64_t bytes = 0;
};

TreeReport write_content_tree(Database& db, const std::string& out_dir);

}  // namespace blogshift
