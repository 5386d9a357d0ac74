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

// "Avatar fetched when images are": the author's profile picture is one of
// the images a --fetch-images run brings home, and the author record then
// names the local copy. The sample feed's author gets a picture at a size no
// post shows, so only the avatar seed can fetch it.
TEST(FetchImages, TheAuthorsAvatarIsFetchedWithTheImages) {
  const auto dir = temp_dir("fetch-images-avatar");
  std::string feed = read_file(fixture("sample-blog/feed.atom"));
  const std::string profile = "<uri>https://www.blogger.com/profile/07341122905588136420</uri>";
  const std::string avatar =
      "https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEjCnL25wzJuW3d7-CbRswlOk-MhebbCjB_Bj1b2mfS8rWLBu3lSsZvvSw5_"
      "8vuq79BLLpNCxDTkrL2N5TReapGwwGpaeRT5N2LrkTDxCNpLLB97quv8_5wSvvZsSl3uBLWr8Sfm2b1jB_BjCbbehM-k/s113/maggie.jpg";
  ASSERT_EQ(feed.find(avatar), std::string::npos);
  size_t replaced = 0;
  for (size_t at = feed.find(profile); at != std::string::npos; at = feed.find(profile, at + 1), ++replaced)
    feed.insert(at + profile.size(), "<gd:image rel='http://schemas.google.com/g/2005#thumbnail' width='32' height='32' src='" +
                                         avatar + "'/>");
  ASSERT_GT(replaced, 0u);
  const size_t root = feed.find("<feed ");
  ASSERT_NE(root, std::string::npos);
  feed.insert(root + 6, "xmlns:gd=\"http://schemas.google.com/g/2005\" ");
  write_file(dir / "feed.atom", feed);
  BloggerServer server(dir / "server");
  const CommandResult r = run_blogshift("run " + q(dir / "feed.atom") + " --fetch-images --out " + q(dir / "out") + " " +
                                    server.fetch_options() + " --rate 0");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  const auto urls = server.requested_urls();
  EXPECT_NE(std::find_if(urls.begin(), urls.end(), [](const std::string& u) { return u.ends_with("/maggie.jpg"); }),
            urls.end())
      << "the avatar was requested (at full size, as every image is)";
  const std::string record = read_file(dir / "out/content/authors/maggie-lindqvist.json");
  EXPECT_NE(record.find("\"avatar\": \"/authors/maggie-lindqvist.jpg\""), std::string::npos) << record;
  const std::string picture = read_file(dir / "out/public/authors/maggie-lindqvist.jpg");
  ASSERT_GE(picture.size(), 3u);
  EXPECT_EQ(picture.substr(0, 3), "\xFF\xD8\xFF") << "a JPEG";
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
