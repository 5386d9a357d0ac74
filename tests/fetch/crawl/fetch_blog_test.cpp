// `blogshift fetch URL` on the sample blog served live on 127.0.0.1: what a
// person retiring the blog expects to find in the WARC file.
#include <gtest/gtest.h>

#include "external_tool.h"
#include "fetch_test_support.h"
#include "sqlite_db.h"

using namespace blogshift;
using namespace blogshift::testing;

namespace {

struct FetchedBlog {
  std::filesystem::path dir;
  std::unique_ptr<BloggerServer> server;
  CommandResult result;
  std::string warc;
  ReadBack back;
};

// One crawl shared by the tests that only read it.
FetchedBlog& fetched_blog() {
  static FetchedBlog blog = [] {
    FetchedBlog b;
    b.dir = temp_dir("fetch-blog");
    b.server = std::make_unique<BloggerServer>(b.dir / "server");
    b.result = run_blogshift("fetch " + kBlog + " --out " + q(b.dir / "out") + " " + b.server->fetch_options() +
                         " --rate 0 --concurrency 4");
    b.warc = fetched_warc(b.dir / "out");
    if (!b.warc.empty()) b.back = read_back(b.warc);
    return b;
  }();
  return blog;
}

TEST(FetchBlog, EndsWellAndSaysWhereTheWarcIs) {
  FetchedBlog& b = fetched_blog();
  EXPECT_EQ(b.result.exit_code, 0) << b.result.out << b.result.err;
  ASSERT_FALSE(b.warc.empty()) << b.result.out;
  EXPECT_NE(b.result.out.find("warc\t" + b.warc), std::string::npos) << b.result.out;
  EXPECT_EQ(b.back.damaged, 0);
}

TEST(FetchBlog, WarcinfoFirstAndARequestForEveryResponse) {
  FetchedBlog& b = fetched_blog();
  ASSERT_FALSE(b.back.records.empty());
  EXPECT_EQ(b.back.records.front().type, "warcinfo");
  EXPECT_EQ(b.back.records.front().version, "WARC/1.1");
  EXPECT_EQ(b.back.count("request"), b.back.count("response"));
  EXPECT_GT(b.back.count("response"), 40);
}

TEST(FetchBlog, EveryPostAndPageDesktopAndMobile) {
  FetchedBlog& b = fetched_blog();
  for (const auto& path : sample_post_paths()) {
    EXPECT_TRUE(b.back.ok(kBlog + path.substr(1))) << path;
    EXPECT_TRUE(b.back.ok(kBlog + path.substr(1) + "?m=1")) << path;
  }
  EXPECT_TRUE(b.back.ok(kBlog + "p/about.html"));
  EXPECT_TRUE(b.back.ok(kBlog + "p/about.html?m=1"));
  EXPECT_TRUE(b.back.ok(kBlog));
  EXPECT_TRUE(b.back.ok(kBlog + "?m=1"));
}

TEST(FetchBlog, FeedsSitemapsRobotsAndArchives) {
  FetchedBlog& b = fetched_blog();
  EXPECT_TRUE(b.back.ok(kBlog + "robots.txt"));
  EXPECT_TRUE(b.back.ok(kBlog + "feeds/posts/default"));
  EXPECT_TRUE(b.back.ok(kBlog + "feeds/pages/default"));
  EXPECT_TRUE(b.back.ok(kBlog + "feeds/comments/default"));
  EXPECT_TRUE(b.back.ok(kBlog + "sitemap.xml"));
  EXPECT_TRUE(b.back.ok(kBlog + "2021/03/")) << "a month with posts";
  EXPECT_TRUE(b.back.ok(kBlog + "2021/")) << "a year with posts";
  int comment_feeds = 0;
  for (const auto& [url, status] : b.back.status)
    if (url.find("/comments/default") != std::string::npos && url.find("/feeds/comments/") == std::string::npos &&
        status == 200)
      ++comment_feeds;
  EXPECT_GE(comment_feeds, 3) << "the per-post comment feeds of the three posts with comments";
}

TEST(FetchBlog, EveryImageAtItsOriginalSize) {
  FetchedBlog& b = fetched_blog();
  std::set<std::string> originals;
  for (const auto& [url, status] : b.back.status) {
    const bool image_host = url.find(".bp.blogspot.com/") != std::string::npos ||
                            url.find("blogger.googleusercontent.com/") != std::string::npos;
    if (!image_host || status != 200 || url.ends_with("/robots.txt")) continue;
    EXPECT_TRUE(url.find("/s0/") != std::string::npos || url.ends_with("=s0")) << url;
    originals.insert(url);
  }
  EXPECT_EQ(originals.size(), 12u) << "the sample blog shows 12 distinct images";
}

TEST(FetchBlog, RobotsTxtIsObeyed) {
  FetchedBlog& b = fetched_blog();
  for (const auto& url : b.server->requested_urls())
    EXPECT_EQ(url.find("/search"), std::string::npos) << "Blogger's robots.txt disallows /search: " << url;
  Database db((b.dir / "out" / ".blogshift" / "staging.db").string());
  auto robots = db.prepare("SELECT COUNT(*) FROM fetched_urls WHERE outcome = 'robots' AND role = 'label'");
  ASSERT_TRUE(robots.step());
  EXPECT_GE(robots.column_int(0), 6) << "the six label pages are skipped by robots.txt, and counted";
}

TEST(FetchBlog, ItSaysWhoItIs) {
  FetchedBlog& b = fetched_blog();
  const auto lines = b.server->requests();
  ASSERT_FALSE(lines.empty());
  for (const auto& line : lines) EXPECT_EQ(BloggerServer::json_string(line, "ua").rfind("blogshift/", 0), 0u) << line;
}

TEST(FetchBlog, NoUrlIsFetchedTwice) {
  FetchedBlog& b = fetched_blog();
  std::map<std::string, int> times;
  for (const auto& url : b.server->requested_urls()) ++times[url];
  for (const auto& [url, n] : times) EXPECT_EQ(n, 1) << url;
}

TEST(FetchBlog, ExtractReadsTheWarcLikeAnyOther) {
  FetchedBlog& b = fetched_blog();
  const auto out = b.dir / "extract";
  const CommandResult r = run_blogshift("extract " + q(b.warc) + " --out " + q(out));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  Database db((out / ".blogshift" / "staging.db").string());
  auto posts = db.prepare("SELECT COUNT(*) FROM items WHERE kind = 'post' AND status = 'LIVE'");
  ASSERT_TRUE(posts.step());
  EXPECT_EQ(posts.column_int(0), 12);
  auto pages = db.prepare("SELECT COUNT(*) FROM items WHERE kind = 'page'");
  ASSERT_TRUE(pages.step());
  EXPECT_EQ(pages.column_int(0), 1);
  auto images = db.prepare("SELECT COUNT(*) FROM assets WHERE content_type LIKE 'image/%'");
  ASSERT_TRUE(images.step());
  EXPECT_GE(images.column_int(0), 12);
}

// warcio.js, not written here, reads the same records with matching digests.
TEST(FetchBlog, WarcioAgreesOnEveryRecordAndDigest) {
  BLOGSHIFT_REQUIRE_TOOL(node, "node");
  BLOGSHIFT_REQUIRE_TOOL(warcio, std::string(BLOGSHIFT_NODE_TOOLS_DIR) + "/node_modules/.bin/warcio");
  FetchedBlog& b = fetched_blog();
  const std::string cmd = shell_quote(node) + " " + shell_quote(BLOGSHIFT_WARCIO_CHECK_SCRIPT) + " " +
                          shell_quote(BLOGSHIFT_NODE_TOOLS_DIR) + " " + shell_quote(b.warc) + " 2>&1";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(cmd.c_str(), "r"), &::pclose);
  std::string text;
  char buffer[4096];
  size_t got;
  while ((got = std::fread(buffer, 1, sizeof buffer, pipe.get())) > 0) text.append(buffer, got);
  ASSERT_EQ(::pclose(pipe.release()), 0) << text;
  size_t lines = 0, start = 0;
  while (start < text.size()) {
    const size_t end = text.find('\n', start);
    const std::string line = text.substr(start, end - start);
    start = end == std::string::npos ? text.size() : end + 1;
    if (line.empty()) continue;
    const WarcRecord& ours = b.back.records.at(lines++);
    EXPECT_NE(line.find("\t" + ours.type + "\t" + ours.target_uri + "\t"), std::string::npos) << line;
    EXPECT_NE(line.find("\tmatch\t"), std::string::npos) << "block digest: " << line;
    EXPECT_EQ(line.find("mismatch"), std::string::npos) << line;
  }
  EXPECT_EQ(lines, b.back.records.size());
}

TEST(FetchBlog, ASecondRunFetchesNothingNewAndSaysSo) {
  FetchedBlog& b = fetched_blog();
  const size_t before = b.server->requests().size();
  const CommandResult again = run_blogshift("fetch " + kBlog + " --out " + q(b.dir / "out") + " " +
                                        b.server->fetch_options() + " --rate 0");
  EXPECT_EQ(again.exit_code, 0) << again.out << again.err;
  EXPECT_NE(again.out.find("nothing new"), std::string::npos) << again.out;
  EXPECT_EQ(b.server->requests().size(), before) << "no request at all: everything is in the WARC";
  EXPECT_EQ(read_back(b.warc).records.size(), b.back.records.size());
}

TEST(FetchBlog, StatusShowsTheCrawl) {
  FetchedBlog& b = fetched_blog();
  const CommandResult status = run_blogshift("status --out " + q(b.dir / "out"));
  EXPECT_NE(status.out.find("fetch"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("skipped by robots"), std::string::npos) << status.out;
}

}  // namespace
