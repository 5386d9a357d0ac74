// Counts read back from the staging database, for `blogshift status` and
// for tests that compare a run with numbers obtained another way.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "sqlite_db.h"

namespace blogshift {

struct StagingSummary {
  struct Blog {
    std::string id, title;
    std::vector<std::string> hosts;
  };
  struct Source {
    std::string path, kind;
    int64_t size = 0;
    bool complete = false;
    int64_t units = 0;
  };
  std::vector<Blog> blogs;
  std::vector<Source> sources;
  std::map<std::pair<std::string, std::string>, int64_t> items;  // (kind, status) -> count
  int64_t assets = 0, asset_bytes = 0, blobs = 0;
  int64_t authors = 0, labels = 0, comments_without_post = 0;
  // transform's documents and their fidelity check
  int64_t documents = 0, fidelity_passed = 0;
  double min_text_recall = 1, min_break_recall = 1;
  int64_t links_total = 0, links_kept = 0, images_total = 0, images_kept = 0;
  int64_t images_local = 0, images_remote = 0, links_not_found = 0;
  // (stage, code, severity) -> count
  std::map<std::tuple<std::string, std::string, std::string>, int64_t> problems;
  // What load wrote: the archives, bag, WARC file, CDXJ index and redirect
  // maps (the `outputs` table), and the content tree's top-level folders
  // (from the `written_files` ledger). Paths are relative to the output folder.
  struct Output {
    std::string path, kind;
    std::string format;    // a redirect map's format (nginx, apache...), else empty
    std::string verified;  // "ok", the first problem found, or empty when never verified
    int64_t size = 0, entries = 0;
  };
  std::vector<Output> outputs;
  // What each crawl (fetch) decided, by its WARC file.
  struct Fetch {
    std::string warc_path;
    int64_t fetched = 0, held = 0, failed = 0, robots = 0;
  };
  std::vector<Fetch> fetches;
  std::vector<std::string> tree_roots;
  int64_t tree_files = 0;
  std::string feed_path;  // the new site's feed load wrote, relative to the output folder ("" = none)
  // The author records load wrote: their folder (or the one data file) and how many.
  std::string authors_path;
  int64_t site_authors = 0, author_avatars = 0;
  std::string listings_path;  // the folder of the listing pages load wrote ("" = none)
  int64_t listing_pages = 0;

  int64_t count(const std::string& kind, const std::string& status) const;
  int64_t count(const std::string& kind) const;
};

StagingSummary read_staging_summary(Database& db);

}  // namespace blogshift
