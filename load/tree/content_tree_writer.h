// Writes the content tree from the staging database: every document as
// OUT/<path> (front matter, a blank line, the Markdown body), comments.yaml
// and the images and attachments it links locally beside it. Atomic per file
// and deterministic: the same database gives byte-identical files. Files a
// person edited since the last run are kept (and listed) unless `overwrite`;
// files the last run wrote for documents that are gone are removed.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "sqlite_db.h"

namespace blogshift {

struct TreeReport {
  int64_t documents = 0, files = 0;  // Markdown files; local images, attachments, comments
  int64_t bytes = 0;
  int64_t written = 0, unchanged = 0, removed = 0;
  std::vector<std::string> kept;  // edited since the last run, left alone
  std::vector<std::string> created, changed, deleted;
  // The top-level folders the tree lives in (content; or _posts, pages,
  // assets, _data for Jekyll), sorted: where a person finds the site.
  std::vector<std::string> roots;
};

// With `dry_run`, reports what it would write, change, keep and remove, and
// touches nothing on disk (nor the ledger). `on_document`, when given, is
// called after each document and its files (progress).
TreeReport write_content_tree(Database& db, const std::string& out_dir, bool overwrite = false, bool dry_run = false,
                              const std::function<void()>& on_document = {});

}  // namespace blogshift
