// The load stage: from the staging database to what a person publishes and
// keeps. In order: the content tree (tree/), its feed (feed/), author records (authors/) and
// listing pages (listings/), the redirect maps (redirects/),
// the archives and bag of the tree and maps (archive/), and the WARC file of
// the original material (warc/); and the full-text index (search/). Every
// output it makes is recorded in the `outputs` table for `blogshift verify`.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "content_tree_writer.h"
#include "listing_pages_writer.h"
#include "site_authors_writer.h"
#include "site_feed.h"
#include "sqlite_db.h"
#include "stage_log.h"

namespace blogshift {

struct LoadOptions {
  std::string out_dir = ".";
  bool overwrite = false;                   // replace files a person edited since the last run
  bool dry_run = false;                     // decide and report, write nothing under out_dir
  std::vector<std::string> redirect_formats;  // empty: every format; {"none"}: no maps
  std::vector<std::string> archive_formats = {"tar.gz", "bagit", "warc"};  // also tar.zst, zip; {"none"}
  std::string site_url;                     // the new site's base URL: absolute redirect targets (redirects/) and feed links
  int64_t feed_entries = 25;                // posts in the new site's feed (feed/), as in Blogger's; 0: no feed
  // Where apache-redirects.txt will live on the server (the RewriteMap line).
  // Fixed rather than this machine's path, so the output folder can move and
  // the archives stay byte-identical wherever they are made.
  std::string apache_map_path = "/etc/apache2/blogshift/apache-redirects.txt";
  bool archive_staging_db = false;          // put the staging database in the archives too
  std::optional<int64_t> epoch;             // times inside archives; default: SOURCE_DATE_EPOCH, else from the input
  // Progress per step (content tree, archives, verify) and, when verbose, a
  // line per output and per step with its time; silent by default.
  StageLog log;
};

struct OutputRecord {
  std::string path;  // relative to the output folder
  std::string kind;  // tar.gz, tar.zst, zip, bagit, warc, cdxj
  std::string sha256;
  int64_t size = 0, entries = 0;
};

struct LoadReport {
  TreeReport tree;
  SiteFeedReport feed;                      // the new site's feed in the tree
  AuthorsReport authors;                    // the new site's author records in the tree
  ListingPagesReport listings;              // its tag, archive and author pages
  int64_t searchable = 0;                   // documents in the full-text index
  int64_t redirect_rules = 0;
  std::vector<std::string> redirect_files;  // relative to the output folder
  std::vector<std::string> redirect_formats;  // the formats of those files (nginx, apache...), in order
  std::map<std::string, int64_t> redirect_shapes;  // old URLs per shape (post, label, archive-month...)
  std::vector<std::string> warnings;        // platform limits and the like, already worded
  std::vector<OutputRecord> outputs;        // archives, bag, WARC
  int64_t epoch = 0;
  std::string report_html, report_json;  // OUT/report.html, OUT/report.json
  std::string verdict;      // can the old site be switched off? one sentence
};

LoadReport run_load(Database& db, const LoadOptions& options);

// The time written into archives: SOURCE_DATE_EPOCH when set, else the
// newest date in the staged posts (so the same input gives the same bytes).
int64_t archive_epoch(Database& db, const std::optional<int64_t>& given);

}  // namespace blogshift
