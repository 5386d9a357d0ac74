// The redirect table transform builds (transform/links/redirect_table.h):
// every shape, the rules (no self-redirects, no chains or loops, conflicts
// and shadowed paths reported), drafts left out, determinism; and the table
// run_transform writes for the sample blog.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "links/redirect_table.h"
#include "staged_blog.h"

using namespace blogshift;

namespace {

RedirectDocument post(int64_t id, const std::string& legacy, const std::string& route, const std::string& date,
                      std::vector<std::string> labels = {}, const std::string& status = "LIVE") {
  return {id, "blog", "post", status, std::to_string(1000 + id), legacy, route, date, std::move(labels)};
}

RedirectDocument page(int64_t id, const std::string& legacy, const std::string& route) {
  return {id, "blog", "page", "LIVE", std::to_string(2000 + id), legacy, route, "2020-01-01", {}};
}

RedirectSiteFacts kettle() {
  RedirectSiteFacts site;
  site.hosts = {"kettleandcrumb.blogspot.com"};
  return site;
}

// old path -> "target shape"
std::map<std::string, std::string> rows_of(const RedirectTable& table) {
  std::map<std::string, std::string> out;
  for (const auto& r : table.rows) out[r.old_path] = r.new_route + " " + r.shape;
  return out;
}

std::vector<std::string> codes_of(const RedirectTable& table) {
  std::vector<std::string> out;
  for (const auto& p : table.problems) out.push_back(p.code);
  return out;
}

}  // namespace

TEST(RedirectTable, EveryShapeOfAPublishedBlog) {
  RedirectSiteFacts site = kettle();
  site.item_urls[1] = {"http://kettleandcrumb.blogspot.com/2021/03/sourdough.html",
                       "https://kettleandcrumb.blogspot.co.uk/2021/03/sourdough.html?m=1",
                       "https://kettleandcrumb.blogspot.com/2021/03/old-sourdough-title.html",
                       "https://elsewhere.example/2021/03/copied.html",
                       "https://kettleandcrumb.blogspot.com/search/label/Bread"};
  const auto table = build_redirect_table(
      {post(1, "/2021/03/sourdough.html", "/2021/03/sourdough", "2021-03-02", {"Bread", "Kitchen Notes"}),
       post(2, "/2021/03/sourdough_12.html", "/2021/03/sourdough-2", "2021-03-14"),
       page(3, "/p/about.html", "/about")},
      site, {});
  const auto rows = rows_of(table);
  const std::map<std::string, std::string> expected = {
      {"/2021/03/sourdough.html", "/2021/03/sourdough post"},
      {"/2021/03/sourdough_12.html", "/2021/03/sourdough-2 collision-suffix"},
      {"/p/about.html", "/about page"},
      {"/2021/03/old-sourdough-title.html", "/2021/03/sourdough alias"},
      {"/feeds/1001/comments/default", "/2021/03/sourdough comment-feed"},
      {"/feeds/1002/comments/default", "/2021/03/sourdough-2 comment-feed"},
      {"/search/label/Bread", "/tags/bread/ label"},
      {"/search/label/Kitchen Notes", "/tags/kitchen-notes/ label"},
      {"/feeds/posts/default/-/Bread", "/rss.xml label-feed"},
      {"/feeds/posts/default/-/Kitchen Notes", "/rss.xml label-feed"},
      {"/2021/", "/archive/2021/ archive-year"},
      {"/2021/03/", "/archive/2021/03/ archive-month"},
      // Monthly (the 1st), weekly (the Sunday: 2021-03-02 is a Tuesday, so
      // the week is named by February 28th, a month without posts, and goes
      // to March) and daily pages; 2021-03-14 is a Sunday: week and day agree.
      {"/2021_03_01_archive.html", "/archive/2021/03/ archive-day"},
      {"/2021_02_28_archive.html", "/archive/2021/03/ archive-day"},
      {"/2021_03_02_archive.html", "/archive/2021/03/ archive-day"},
      {"/2021_03_14_archive.html", "/archive/2021/03/ archive-day"},
      {"/feeds/posts/default", "/rss.xml feed"},
      {"/feeds/posts/summary", "/rss.xml feed"},
      {"/feeds/comments/default", "/rss.xml feed"},
      {"/atom.xml", "/rss.xml feed"}};
  EXPECT_EQ(rows, expected);  // /rss.xml -> /rss.xml is a self-redirect: dropped
  EXPECT_EQ(table.self_redirects, 1);
  EXPECT_TRUE(table.problems.empty());
  EXPECT_TRUE(std::is_sorted(table.rows.begin(), table.rows.end(),
                             [](const RedirectRow& a, const RedirectRow& b) { return a.old_path < b.old_path; }));
  for (const auto& r : table.rows)
    EXPECT_EQ(r.item_id > 0, r.shape == "post" || r.shape == "page" || r.shape == "collision-suffix" ||
                                 r.shape == "alias" || r.shape == "comment-feed")
        << r.old_path;
}

TEST(RedirectTable, DraftsScheduledAndTrashedPostsAreLeftOut) {
  const auto table = build_redirect_table(
      {post(1, "/2019/05/draft.html", "/2019/05/draft", "2019-05-05", {"Secret"}, "DRAFT"),
       post(2, "/2034/03/later.html", "/2034/03/later", "2034-03-01", {"Future"}, "SCHEDULED"),
       post(3, "/2020/01/gone.html", "/2020/01/gone", "2020-01-01", {}, "TRASHED"),
       post(4, "/2021/06/live.html", "/2021/06/live", "2021-06-06", {"Open"})},
      kettle(), {});
  for (const auto& r : table.rows) {
    EXPECT_EQ(r.old_path.find("2019"), std::string::npos) << r.old_path;
    EXPECT_EQ(r.old_path.find("2034"), std::string::npos) << r.old_path;
    EXPECT_EQ(r.old_path.find("2020"), std::string::npos) << r.old_path;
    EXPECT_EQ(r.old_path.find("Secret"), std::string::npos) << r.old_path;
    EXPECT_EQ(r.old_path.find("Future"), std::string::npos) << r.old_path;
    if (r.shape == "comment-feed") {
      EXPECT_EQ(r.old_path, "/feeds/1004/comments/default");
    }
  }
  EXPECT_TRUE(rows_of(table).count("/2021/06/live.html"));
  EXPECT_TRUE(rows_of(table).count("/search/label/Open"));
}

TEST(RedirectTable, TheBlogsArchiveFrequencyPicksItsDatedPages) {
  RedirectSiteFacts site = kettle();
  site.archive_frequency["blog"] = "MONTHLY";
  const auto rows = rows_of(build_redirect_table({post(1, "/2021/03/a.html", "/2021/03/a", "2021-03-02")}, site, {}));
  EXPECT_TRUE(rows.count("/2021_03_01_archive.html"));
  EXPECT_FALSE(rows.count("/2021_02_28_archive.html"));
  EXPECT_FALSE(rows.count("/2021_03_02_archive.html"));
  site.archive_frequency["blog"] = "DAILY";
  const auto daily = rows_of(build_redirect_table({post(1, "/2021/03/a.html", "/2021/03/a", "2021-03-02")}, site, {}));
  EXPECT_TRUE(daily.count("/2021_03_02_archive.html"));
  EXPECT_FALSE(daily.count("/2021_03_01_archive.html"));
}

TEST(RedirectTable, RoutePatternsAreOptionsAndSelfRedirectsAreDropped) {
  RedirectRouteOptions options;
  options.archive_year_route_pattern = "/:year/";  // the same path as Blogger's: nothing to redirect
  options.archive_month_route_pattern = "/blog/:year-:month/";
  options.tag_route_pattern = "/topics/:tag";
  options.feed_route = "/feed.xml";
  const auto rows =
      rows_of(build_redirect_table({post(1, "/2021/03/a.html", "/2021/03/a", "2021-03-02", {"Bread"})}, kettle(), options));
  EXPECT_FALSE(rows.count("/2021/"));
  EXPECT_EQ(rows.at("/2021/03/"), "/blog/2021-03/ archive-month");
  EXPECT_EQ(rows.at("/search/label/Bread"), "/topics/bread label");
  EXPECT_EQ(rows.at("/rss.xml"), "/feed.xml feed");
  EXPECT_EQ(rows.at("/atom.xml"), "/feed.xml feed");
}

TEST(RedirectTable, AnOldPathThatIsANewRouteIsNotRedirected) {
  // Post 2 was once seen at /2020/01/a, which is now post 1's route: the new
  // page answers there, so it must not redirect (that would also make a chain).
  RedirectSiteFacts site = kettle();
  site.item_urls[2] = {"https://kettleandcrumb.blogspot.com/2020/01/a"};
  const auto table = build_redirect_table(
      {post(1, "/2020/01/a.html", "/2020/01/a", "2020-01-05"), post(2, "/2020/01/b.html", "/2020/01/b", "2020-01-06")},
      site, {});
  EXPECT_FALSE(rows_of(table).count("/2020/01/a"));
  EXPECT_EQ(codes_of(table), std::vector<std::string>{"REDIRECT_SHADOWED"});
  EXPECT_EQ(table.problems[0].item, "/2020/01/a");
  EXPECT_EQ(table.problems[0].stage, "transform");
}

TEST(RedirectTable, ConflictsKeepTheStrongerShapeAndAreReported) {
  // Post 2 was seen at post 1's legacy path: two targets for one old path.
  RedirectSiteFacts site = kettle();
  site.item_urls[2] = {"https://kettleandcrumb.blogspot.com/2020/02/x.html"};
  const std::vector<RedirectDocument> docs = {post(2, "/2020/02/y.html", "/2020/02/y", "2020-02-02"),
                                              post(1, "/2020/02/x.html", "/2020/02/x", "2020-02-01")};
  const auto table = build_redirect_table(docs, site, {});
  EXPECT_EQ(rows_of(table).at("/2020/02/x.html"), "/2020/02/x post");
  ASSERT_EQ(codes_of(table), std::vector<std::string>{"REDIRECT_CONFLICT"});
  EXPECT_NE(table.problems[0].message.find("kept /2020/02/x (post), dropped /2020/02/y (alias)"), std::string::npos)
      << table.problems[0].message;
  // Two posts with the same legacy path (a broken merge): the smaller route wins, whatever the order.
  const auto a = build_redirect_table({post(1, "/2020/03/z.html", "/2020/03/z-2", "2020-03-01"),
                                       post(2, "/2020/03/z.html", "/2020/03/z", "2020-03-01")},
                                      kettle(), {});
  const auto b = build_redirect_table({post(2, "/2020/03/z.html", "/2020/03/z", "2020-03-01"),
                                       post(1, "/2020/03/z.html", "/2020/03/z-2", "2020-03-01")},
                                      kettle(), {});
  EXPECT_EQ(rows_of(a).at("/2020/03/z.html"), "/2020/03/z post");
  EXPECT_EQ(rows_of(a), rows_of(b));
  EXPECT_EQ(codes_of(a), std::vector<std::string>{"REDIRECT_CONFLICT"});
}

TEST(RedirectTable, NoChainsNoLoopsNoSelfRedirectsAndTheSameTableInAnyOrder) {
  // A blog of 60 posts over three years with shared labels, and route
  // patterns that collide with Blogger's own paths on purpose.
  std::vector<RedirectDocument> docs;
  RedirectSiteFacts site = kettle();
  for (int i = 0; i < 60; ++i) {
    const std::string year = std::to_string(2019 + i / 20), month = (i % 12 < 9 ? "0" : "") + std::to_string(i % 12 + 1);
    const std::string slug = "post-" + std::to_string(i);
    docs.push_back(post(i + 1, "/" + year + "/" + month + "/" + slug + ".html", "/" + year + "/" + month + "/" + slug,
                        year + "-" + month + "-1" + std::to_string(i % 10), {"Label " + std::to_string(i % 7)}));
    site.item_urls[i + 1] = {"http://kettleandcrumb.blogspot.com/" + year + "/" + month + "/" + slug + ".html?m=1"};
  }
  docs.push_back(page(100, "/p/rss.html", "/rss.xml"));  // a page whose route is the feed's
  RedirectRouteOptions options;
  options.archive_month_route_pattern = "/:year/:month/";
  const auto table = build_redirect_table(docs, site, options);
  std::set<std::string> old_paths;
  for (const auto& r : table.rows) old_paths.insert(r.old_path);
  EXPECT_EQ(old_paths.size(), table.rows.size()) << "one row per old path";
  for (const auto& r : table.rows) {
    EXPECT_NE(r.old_path, r.new_route);
    EXPECT_FALSE(old_paths.count(r.new_route)) << r.old_path << " -> " << r.new_route << " is a chain";
  }
  EXPECT_GE(table.rows.size(), 60u * 2 + 7 * 2 + 3);

  std::mt19937 shuffle(7);
  for (int round = 0; round < 3; ++round) {
    std::shuffle(docs.begin(), docs.end(), shuffle);
    const auto again = build_redirect_table(docs, site, options);
    EXPECT_EQ(rows_of(again), rows_of(table));
    EXPECT_EQ(codes_of(again), codes_of(table));
  }
}

TEST(RedirectTable, PathsAreStoredDecodedAndUnusableOnesAreReported) {
  const auto table = build_redirect_table(
      {post(1, "/2020/03/caf%C3%A9.html", "/2020/03/cafe", "2020-03-03", {"Crème brûlée", "\x01"}),
       post(2, "/2020/03/line%0Abreak.html", "/2020/03/line-break", "2020-03-04")},
      kettle(), {});
  const auto rows = rows_of(table);
  EXPECT_EQ(rows.at("/2020/03/café.html"), "/2020/03/cafe post");
  EXPECT_EQ(rows.at("/search/label/Crème brûlée"), "/tags/creme-brulee/ label");
  for (const auto& r : table.rows) EXPECT_EQ(r.old_path.find_first_of("\n\x01"), std::string::npos) << r.old_path;
  EXPECT_EQ(codes_of(table), std::vector<std::string>{"REDIRECT_PATH_UNUSABLE"});
}

TEST(RedirectTable, TransformWritesTheSampleBlogsTable) {
  blogshift::testing::StagedBlog blog("redirect-table-sample", blogshift::testing::sample_blog_sources());
  std::map<std::string, std::string> rows;
  for (const auto& u : blogshift::testing::old_urls(blog.db())) rows[u.old_path] = u.location + " " + u.shape;
  EXPECT_EQ(rows.at("/2021/03/sourdough.html"), "/2021/03/sourdough post");
  EXPECT_EQ(rows.at("/2021/03/sourdough_12.html"), "/2021/03/sourdough-2 collision-suffix");
  EXPECT_EQ(rows.at("/p/about.html"), "/about page");
  EXPECT_EQ(rows.at("/search/label/Crème brûlée"), "/tags/creme-brulee/ label");
  EXPECT_EQ(rows.at("/2021_09_26_archive.html"), "/archive/2021/10/ archive-day");
  EXPECT_EQ(rows.at("/feeds/posts/default"), "/rss.xml feed");
  EXPECT_FALSE(rows.count("/2034/03/hot-cross-buns-properly.html")) << "a scheduled post is not published";
  EXPECT_FALSE(rows.count("/rss.xml"));
  std::map<std::string, int> shapes;
  for (const auto& u : blogshift::testing::old_urls(blog.db())) ++shapes[u.shape];
  EXPECT_EQ(shapes["post"], 11);
  EXPECT_EQ(shapes["collision-suffix"], 1);
  EXPECT_EQ(shapes["page"], 1);
  EXPECT_EQ(shapes["comment-feed"], 12);
  EXPECT_EQ(shapes["label"], 6);
  auto problems = blog.db().prepare("SELECT COUNT(*) FROM problems WHERE code LIKE 'REDIRECT_%'");
  ASSERT_TRUE(problems.step());
  EXPECT_EQ(problems.column_int(0), 0);
}
