// The transform stage: every live (and draft/scheduled) post and page in the
// staging database becomes a document: slug, route, front matter, Markdown
// body with links rewritten and images made local, and a fidelity result.
// Replaces transform's tables (documents, document_links, document_lookups,
// redirects) in one transaction, so a failed or killed run leaves the
// previous result. Incremental: a document whose inputs and plan lookups are
// unchanged since the last run is kept, not converted again
// (document_reuse.h); the result is the same as a fresh run's.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "sqlite_db.h"

namespace blogshift {

struct TransformOptions {
  std::string timezone;                  // IANA zone for dates when the source has no offset ("" = the blog's setting, else UTC)
  std::string route_pattern = "/:year/:month/:slug";
  std::string page_route_pattern = "/:slug";
  std::string tag_route_pattern = "/tags/:tag/";
  std::string layout = "astro";          // astro | hugo | jekyll (metadata/site_layout.h)
  // Where Blogger's listing pages and feeds redirect to (links/redirect_table.h).
  std::string archive_year_route_pattern = "/archive/:year/";
  std::string archive_month_route_pattern = "/archive/:year/:month/";
  std::string feed_route = "/rss.xml";
  bool full_timestamp = false;           // publishDate/updatedDate as full RFC 3339 times with offset
  size_t description_length = 160;
  bool blogger_id_field = false;         // front matter extras
  bool comments_field = false;           // the comment count
  bool aliases_field = false;            // Hugo: aliases: [old path]
  bool redirect_from_field = false;      // Jekyll: redirect_from: [old path]
  bool comments_file = false;            // comments.yaml beside each post
  int jobs = 1;                          // threads working (the main thread, which also reads and writes, and jobs - 1 more)
  bool force = false;                    // convert every document, even those nothing changed for
  // Called on the main thread with (converted so far, to convert): once
  // before the first document, then after each (progress bars).
  std::function<void(int64_t, int64_t)> on_converted;
};

struct TransformReport {
  int64_t documents = 0, posts = 0, pages = 0, drafts = 0;
  int64_t fidelity_passed = 0;
  int64_t links_rewritten = 0, links_missing = 0, images_local = 0, images_remote = 0;
  int64_t kept_raw = 0, problems = 0;
  int64_t authors = 0;    // people the documents name (site_authors)
  int64_t listings = 0;   // tag, archive and author pages the site needs (site_listings)
  int64_t converted = 0;  // documents converted by this run
  int64_t kept = 0;       // documents kept from the last run (nothing they depend on changed)
  double html_megabytes = 0;
};

TransformReport run_transform(Database& db, const TransformOptions& options);

}  // namespace blogshift
