// A re-run of load that no longer asks for a format removes the files the
// earlier run wrote for it and drops their `outputs` rows, so the folder
// matches a fresh run; files blogshift did not write, and files changed
// since it wrote them, stay.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "bag_verifier.h"
#include "staged_sample_blog.h"
#include "verify_command.h"

using namespace blogshift;
using namespace blogshift::testing;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kAllMaps = {"redirects/nginx-redirects-map.conf", "redirects/nginx-redirects-server.conf",
                                           "redirects/.htaccess", "redirects/apache-redirects.txt",
                                           "redirects/apache-redirects-server.conf", "redirects/_redirects",
                                           "redirects/caddy-redirects.caddyfile",
                                           "redirects/cloudflare-bulk-redirects.csv", "redirects/redirects.json"};
const std::vector<std::string> kAllArchives = {"archives/site.tar.gz", "archives/site.tar.zst", "archives/site.zip",
                                               "archives/sources.warc.gz", "archives/sources.cdxj"};

bool mentions(const std::vector<std::string>& warnings, const std::string& what) {
  return std::any_of(warnings.begin(), warnings.end(), [&](const auto& w) { return w.find(what) != std::string::npos; });
}

}  // namespace

TEST(StaleOutputs, DroppedFormatsGoAndForeignFilesStay) {
  StagedSampleBlog blog("stale-outputs");
  blog.load({}, {});
  for (const auto& path : kAllMaps) ASSERT_TRUE(fs::is_regular_file(blog / path)) << path;
  for (const auto& path : kAllArchives) ASSERT_TRUE(fs::is_regular_file(blog / path)) << path;
  ASSERT_TRUE(fs::is_regular_file(blog / "archives/bag/bagit.txt"));
  ASSERT_EQ(blog.outputs().size(), kAllMaps.size() + kAllArchives.size() + 1);
  // Files of the user's in the same folders.
  write_file(blog / "redirects/my-notes.txt", "mine\n");
  write_file(blog / "archives/README.txt", "mine too\n");
  write_file(blog / "archives/bag/data/content/extra.md", "added by hand\n");

  const LoadReport second = blog.load({"nginx"}, {"tar.gz"});

  std::map<std::string, std::string> expected = {{"redirects/nginx-redirects-map.conf", "redirect-map"},
                                                 {"redirects/nginx-redirects-server.conf", "redirect-map"},
                                                 {"archives/site.tar.gz", "tar.gz"}};
  EXPECT_EQ(blog.outputs(), expected);
  for (const auto& path : kAllMaps)
    EXPECT_EQ(fs::exists(blog / path), expected.count(path) == 1) << path;
  for (const auto& path : kAllArchives)
    EXPECT_EQ(fs::exists(blog / path), expected.count(path) == 1) << path;
  // The bag went, all but the file added to it by hand.
  EXPECT_FALSE(fs::exists(blog / "archives/bag/bagit.txt"));
  EXPECT_FALSE(fs::exists(blog / "archives/bag/data/content/posts"));
  EXPECT_EQ(read_file(blog / "archives/bag/data/content/extra.md"), "added by hand\n");
  EXPECT_TRUE(mentions(second.warnings, "archives/bag: no longer asked for, but kept 1 file")) << second.warnings.size();
  EXPECT_EQ(read_file(blog / "redirects/my-notes.txt"), "mine\n");
  EXPECT_EQ(read_file(blog / "archives/README.txt"), "mine too\n");
  // What is left verifies.
  for (const auto& r : verify_outputs(blog.db(), blog.out().string())) EXPECT_TRUE(r.ok) << r.output << r.message;
}

TEST(StaleOutputs, AChangedFileIsKeptAndNoLongerRecorded) {
  StagedSampleBlog blog("stale-outputs-changed");
  blog.load({}, {});
  write_file(blog / "redirects/redirects.json", "{}\n");
  write_file(blog / "archives/site.zip", "not the zip blogshift wrote");
  // A tag manifest that is not ours any more: nothing in the bag can be vouched for.
  write_file(blog / "archives/bag/tagmanifest-sha256.txt",
             read_file(blog / "archives/bag/tagmanifest-sha256.txt") + "0000  ../../content/posts/sourdough/index.md\n");
  const LoadReport second = blog.load({"nginx"}, {"tar.gz"});
  EXPECT_TRUE(fs::is_regular_file(blog / "archives/bag/bagit.txt"));
  EXPECT_TRUE(fs::is_regular_file(blog / "content/posts/sourdough/index.md"));
  EXPECT_TRUE(mentions(second.warnings, "archives/bag: no longer asked for, but kept whole"));
  EXPECT_EQ(read_file(blog / "redirects/redirects.json"), "{}\n");
  EXPECT_EQ(read_file(blog / "archives/site.zip"), "not the zip blogshift wrote");
  EXPECT_TRUE(mentions(second.warnings, "redirects/redirects.json: no longer asked for, but kept: it changed"));
  EXPECT_TRUE(mentions(second.warnings, "archives/site.zip: no longer asked for, but kept: it changed"));
  EXPECT_EQ(blog.outputs().count("archives/site.zip"), 0u);
  EXPECT_EQ(blog.outputs().count("redirects/redirects.json"), 0u);
  EXPECT_FALSE(fs::exists(blog / "redirects/_redirects"));
  // A third run without them has nothing more to say about them.
  const LoadReport third = blog.load({"nginx"}, {"tar.gz"});
  EXPECT_FALSE(mentions(third.warnings, "no longer asked for")) << (third.warnings.empty() ? "" : third.warnings[0]);
}

TEST(StaleOutputs, NoneLeavesNoEmptyFoldersAndAFreshRunsFolder) {
  StagedSampleBlog blog("stale-outputs-none");
  blog.load({}, {});
  const LoadReport second = blog.load({"none"}, {"none"});
  EXPECT_TRUE(second.warnings.empty()) << second.warnings[0];
  EXPECT_FALSE(fs::exists(blog / "redirects"));
  EXPECT_FALSE(fs::exists(blog / "archives"));
  EXPECT_TRUE(blog.outputs().empty());
  EXPECT_TRUE(fs::is_regular_file(blog / "content/posts/sourdough/index.md"));
}

TEST(StaleOutputs, TheTarballNoLongerCarriesDroppedMaps) {
  StagedSampleBlog blog("stale-outputs-tarball");
  blog.load({}, {"tar.gz"});
  const LoadReport second = blog.load({"json"}, {"bagit"});
  // The bag holds the maps of this run only.
  std::set<std::string> maps;
  for (const auto& e : fs::directory_iterator(blog / "archives/bag/data/redirects")) maps.insert(e.path().filename().string());
  EXPECT_EQ(maps, std::set<std::string>{"redirects.json"});
  EXPECT_FALSE(fs::exists(blog / "archives/site.tar.gz"));
  EXPECT_TRUE(verify_bag((blog / "archives/bag").string()).ok);
}
