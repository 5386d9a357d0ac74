// The archives hold the whole site whatever the layout, and a source given
// with a trailing slash keeps its name in the bag.
#include <gtest/gtest.h>

#include <filesystem>

#include "run_command.h"
#include "temp_file.h"
#include "test_paths.h"

using blogshift::testing::run_command;
using blogshift::testing::shell_quote;
namespace fs = std::filesystem;

TEST(ArchiveLayout, AJekyllSiteIsArchivedWholeAndAMirrorGivenWithASlashKeepsItsName) {
  const fs::path out = blogshift::testing::temp_dir("cli-archive-jekyll") / "out";
  const std::string args = "run " + shell_quote(blogshift::testing::fixture("sample-blog/feed.atom")) + " " +
                           shell_quote(blogshift::testing::fixture("sample-blog/mirror") + "/") +
                           " --layout jekyll --comments --archives bagit --out " + shell_quote(out.string());
  auto r = run_command("cli/blogshift", args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const fs::path data = out / "archives" / "bag" / "data";
  for (const char* folder : {"_posts", "pages", "assets", "_data", "redirects", "sources/mirror"}) {
    EXPECT_TRUE(fs::is_directory(data / folder)) << folder;
    EXPECT_TRUE(fs::is_directory(out / folder) || std::string(folder) == "sources/mirror") << folder;
  }
  EXPECT_FALSE(fs::exists(data / "content")) << "Jekyll writes no content/ folder";
  size_t posts = 0;
  for (const auto& e : fs::directory_iterator(data / "_posts")) posts += e.path().extension() == ".md";
  EXPECT_EQ(posts, 14u);  // every post of the sample blog (drafts too), as in _posts/
  auto verify = run_command("cli/blogshift", "verify --out " + shell_quote(out.string()));
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
}
