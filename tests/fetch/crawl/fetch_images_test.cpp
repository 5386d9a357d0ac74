// An export migration brings every image home: `fetch --images-only` and
// `run EXPORT --fetch-images`, and `run URL`, the one-command migration of a
// live blog, which must give the tree an export plus a wget crawl gives.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include "external_tool.h"
#include "fetch_test_support.h"

using namespace blogshift;
using namespace blogshift::testing;

namespace {

TEST(FetchImages, ImagesOnlyFetchesWhatTheExportsPostsShow) {
  const auto dir = temp_dir("fetch-images-only");
  BloggerServer server(dir / "server");
  const CommandResult r = run_blogshift("fetch --images-only " + q(fixture("sample-blog/feed.atom")) + " --out " +
                                    q(dir / "out") + " " + server.fetch_options() + " --rate 0");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  // Named after the blog's id: a Takeout export names no host.
  const std::string warc = fetched_warc(dir / "out", "blog-4815162342108000001-images-");
  ASSERT_FALSE(warc.empty()) << r.out;
  const ReadBack back = read_back(warc);
  int images = 0;
  for (const auto& [url, status] : back.status)
    images += status == 200 && !url.ends_with("/robots.txt") && url.find("kettleandcrumb.blogspot.com/") == std::string::npos;
  EXPECT_EQ(images, 12);
  for (const auto& url : server.requested_urls())
    EXPECT_EQ(url.find("kettleandcrumb.blogspot.com/2"), std::string::npos) << "no page is crawled: " << url;
}

TEST(FetchImages, AnExportMigrationEndsWithNoRemoteImage) {
  const auto dir = temp_dir("fetch-images-run");
  BloggerServer server(dir / "server");
  const CommandResult r = run_blogshift("run " + q(fixture("sample-blog/feed.atom")) + " --fetch-images --out " +
                                    q(dir / "out") + " " + server.fetch_options() + " --rate 0");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("remote 0"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("remote 0,"), r.out.find("remote 0")) << r.out;
}

TEST(FetchImages, RunUrlGivesTheTreeOfTheExportPlusAWgetCrawl) {
  BLOGSHIFT_REQUIRE_TOOL(wget, "wget");
  const auto dir = temp_dir("fetch-run-url");
  BloggerServer server(dir / "server");
  const CommandResult live = run_blogshift("run " + kBlog + " --out " + q(dir / "live") + " " + server.fetch_options() +
                                       " --rate 0 --comments");
  EXPECT_EQ(live.exit_code, 0) << live.out << live.err;
  EXPECT_NE(live.out.find("remote 0"), std::string::npos) << live.out;

  const std::string wget_warc = (dir / "wget" / "crawl").string();
  const std::string crawl = "python3 " + shell_quote(std::string(BLOGSHIFT_TEST_SUPPORT_SOURCE_DIR) + "/wget_crawl.py") +
                            " --port " + std::to_string(server.port) + " --ca " + shell_quote(server.ca) +
                            " --warc-file " + shell_quote(wget_warc);
  std::filesystem::create_directories(dir / "wget");
  const int status = WEXITSTATUS(std::system(crawl.c_str()));
  ASSERT_TRUE(status == 0 || status == 8) << "wget's exit status " << status << ": " << crawl;
  const CommandResult exported = run_blogshift("run " + q(fixture("sample-blog/feed.atom")) + " " +
                                           q(wget_warc + ".warc.gz") + " --out " + q(dir / "export") + " --comments");
  EXPECT_EQ(exported.exit_code, 0) << exported.out << exported.err;

  const auto a = tree(dir / "live" / "content");
  auto b = tree(dir / "export" / "content");
  // The export also holds a draft and a scheduled post, which the live blog
  // never shows to anyone: they cannot be in a crawl, and are left out here.
  for (auto it = b.begin(); it != b.end();)
    it = it->second.find("\npublished: false\n") != std::string::npos ? b.erase(it) : std::next(it);
  ASSERT_FALSE(a.empty());
  for (const auto& [path, bytes] : b) {
    auto it = a.find(path);
    if (it == a.end()) {
      ADD_FAILURE() << "only in the export's tree: " << path;
      continue;
    }
    EXPECT_EQ(it->second, bytes) << path;
  }
  for (const auto& [path, bytes] : a)
    if (!b.count(path)) ADD_FAILURE() << "only in the live crawl's tree: " << path;
}

}  // namespace
