// The redirect table: every URL path the old blog answered, mapped to its
// new route, one row per old path in the `redirects` table. Built by
// transform from the documents it planned; the load stage writes it out in
// each web server's format (load/redirects/).
//
// What the old blog answered, and the shape recorded for it:
//   post, page          the legacy path (/2023/07/x.html, /p/about.html)
//   collision-suffix    a post's legacy path with Blogger's _N suffix
//                       (/2021/03/sourdough_12.html -> /2021/03/sourdough-2)
//   alias               any other path the item was seen at on the blog's
//                       own hosts (item_urls on a blog_hosts host)
//   comment-feed        /feeds/<postId>/comments/default -> the post
//   label               /search/label/<label> -> the tag page pattern
//   label-feed          /feeds/posts/default/-/<label> -> the feed
//   archive-year        /YYYY/ -> the year archive pattern
//   archive-month       /YYYY/MM/ -> the month archive pattern
//   archive-day         /YYYY_MM_DD_archive.html (Blogger's dated archive
//                       pages: monthly ones named by the 1st, weekly by the
//                       week's Sunday, daily by the day; the blog's
//                       BLOG_ARCHIVE_FREQUENCY setting picks one, else all
//                       three) -> the month archive of the posts it held
//   feed                /feeds/posts/default, /feeds/posts/summary,
//                       /atom.xml, /rss.xml, /feeds/comments/default -> the feed
// Only published (LIVE) posts and pages count. Old paths are stored
// percent-decoded (UTF-8), the form web servers match ($uri, REQUEST_URI);
// query strings (?m=1, ?alt=rss, ?max-results=N) are never part of a row.
//
// Rules, so that every old URL is one hop from a live page:
//  - self-redirects (old path == its new route, e.g. /rss.xml when the feed
//    is /rss.xml) are dropped;
//  - an old path that is itself a new route (a document, tag, archive or
//    feed route) is not redirected: the new site answers there. So no target
//    is an old path: no chains, no loops. Reported as REDIRECT_SHADOWED when
//    the new page is a different one;
//  - two targets for one old path: the stronger shape wins (in the order
//    above), then the smaller target; reported as REDIRECT_CONFLICT;
//  - a path holding control characters (no server format can carry it) is
//    dropped and reported as REDIRECT_PATH_UNUSABLE.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "links/link_rewriter.h"
#include "records.h"
#include "sqlite_db.h"

namespace blogshift {

// Where the listing pages and the feed live on the new site.
struct RedirectRouteOptions {
  std::string tag_route_pattern = "/tags/:tag/";
  std::string archive_year_route_pattern = "/archive/:year/";
  std::string archive_month_route_pattern = "/archive/:year/:month/";
  std::string feed_route = "/rss.xml";
};

// A post or page as transform planned it.
struct RedirectDocument {
  int64_t item_id = 0;
  std::string blog_id, kind, status, blogger_id, legacy_path, route;
  std::string local_date;  // YYYY-MM-DD in the blog's zone (archives)
  std::vector<std::string> labels;
};

// What the database says about the blog beyond its documents.
struct RedirectSiteFacts {
  std::set<std::string> hosts;                              // blog_hosts
  std::map<int64_t, std::vector<std::string>> item_urls;    // item -> URLs it was seen under
  std::map<std::string, std::string> archive_frequency;     // blog -> DAILY | WEEKLY | MONTHLY
};

struct RedirectRow {
  std::string old_path, new_route, shape;
  int64_t item_id = 0;  // 0 for listing pages and feeds
};

struct RedirectTable {
  std::vector<RedirectRow> rows;        // sorted by old_path, one per old path
  std::vector<ProblemRecord> problems;  // stage "transform"
  int64_t self_redirects = 0;           // dropped because old path == new route
};

// Builds the table from documents added one at a time (as transform writes
// them). The candidates and new routes are kept in temporary tables of
// `scratch` (the staging database's connection; an in-memory database when
// null) and sorted by SQLite, so memory does not grow with the blog; the
// listings and feeds every post adds again are kept once.
class RedirectTableBuilder {
public:
  using UrlsOf = std::function<std::vector<std::string>(int64_t item_id)>;  // URLs an item was seen under
  RedirectTableBuilder(std::set<std::string> hosts, std::map<std::string, std::string> archive_frequency,
                       RedirectRouteOptions options, UrlsOf urls_of, Database* scratch = nullptr);
  ~RedirectTableBuilder();
  RedirectTableBuilder(const RedirectTableBuilder&) = delete;
  RedirectTableBuilder& operator=(const RedirectTableBuilder&) = delete;

  void add(const RedirectDocument& document);
  // Once, after the last document: each row in old-path order to `on_row`;
  // returns the problems and the count of self-redirects (rows left empty).
  RedirectTable finish(const std::function<void(const RedirectRow&)>& on_row);

private:
  void add(std::string old_path, std::string target, const char* shape, int64_t item_id = 0);
  void new_route(const std::string& route);
  std::string old_path_of(std::string_view raw);

  RedirectRouteOptions options_;
  std::map<std::string, std::string> archive_frequency_;
  UrlsOf urls_of_;
  SiteMap old_hosts_;  // for is_old_host(): country-code and www. variants too
  std::unique_ptr<Database> own_scratch_;
  Database* scratch_ = nullptr;
  std::set<std::string> shared_;                              // listing and feed candidates already added
  std::map<std::string, std::set<std::string>> archive_days_;  // dated archive page -> "YYYY-MM" it held
  std::vector<ProblemRecord> problems_;
};

// The table from the documents, in memory (the builder works in an
// in-memory SQLite database); deterministic.
RedirectTable build_redirect_table(const std::vector<RedirectDocument>& documents, const RedirectSiteFacts& site,
                                   const RedirectRouteOptions& options);

// A builder with the site facts read from `db` (hosts, archive frequency;
// each document's URLs when it is added).
std::unique_ptr<RedirectTableBuilder> redirect_table_builder(Database& db, const RedirectRouteOptions& options);

// Finishes the table and replaces the rows of `redirects` and inserts its
// problems (call inside transform's transaction). Returns the number of
// problems.
int64_t write_redirect_table(Database& db, RedirectTableBuilder& builder);

}  // namespace blogshift
