// The content tree of the sample blog, written by `blogshift run` in each
// layout: every image a document links is in the tree, a second run gives the
// same bytes and changes nothing, an edited file survives a re-run.
#include <gtest/gtest.h>

#include <map>
#include <regex>

#include "run_command.h"
#include "temp_file.h"
#include "test_paths.h"

namespace blogshift {
namespace {

using testing::fixture;
using testing::read_file;
using testing::run_command;
using testing::shell_quote;

std::string sample_sources() {
  return shell_quote(fixture("sample-blog/feed.atom")) + " " + shell_quote(fixture("sample-blog/mirror")) + " " +
         shell_quote(fixture("sample-blog/sample-blog.warc.gz"));
}

// Every file under `dir` but the staging database, with its bytes.
std::map<std::string, std::string> tree_of(const std::filesystem::path& dir) {
  std::map<std::string, std::string> files;
  for (auto it = std::filesystem::recursive_directory_iterator(dir); it != std::filesystem::recursive_directory_iterator();
       ++it) {
    if (it->path().filename() == ".blogshift") {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file()) files[std::filesystem::relative(it->path(), dir).string()] = read_file(it->path());
  }
  return files;
}

class ContentTreeLayout : public ::testing::TestWithParam<std::string> {};

TEST_P(ContentTreeLayout, EveryLinkedImageIsInTheTreeAndRerunsChangeNothing) {
  const auto dir = testing::temp_dir("tree-" + GetParam());
  const std::string args = sample_sources() + " --out " + shell_quote(dir.string()) + " --comments --layout " +
                           GetParam() + " --redirects none --archives none";
  auto first = run_command("cli/blogshift", "run " + args);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const auto files = tree_of(dir);
  int markdown = 0, images = 0, listings = 0;
  const std::regex image(R"(!\[[^\]]*\]\(([^)\s]+))");
  for (const auto& [path, bytes] : files) {
    if (path.size() < 3 || path.substr(path.size() - 3) != ".md") continue;
    if (path.starts_with("listings/") || path.starts_with("content/listings/")) {
      ++listings;  // a listing page: front matter only (listing_pages_test.cpp)
      continue;
    }
    ++markdown;
    for (std::sregex_iterator m(bytes.begin(), bytes.end(), image), end; m != end; ++m) {
      const std::string url = (*m)[1];
      if (url.rfind("http", 0) == 0) continue;
      ++images;
      const auto on_disk = url[0] == '/' ? dir / url.substr(1) : dir / std::filesystem::path(path).parent_path() / url;
      EXPECT_TRUE(std::filesystem::is_regular_file(on_disk)) << path << " links " << url;
    }
  }
  EXPECT_EQ(markdown, 15);
  EXPECT_EQ(listings, GetParam() == "astro" ? 0 : 23);  // Astro's are JSON records
  EXPECT_GE(images, 12);

  auto second = run_command("cli/blogshift", "run " + args);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("(0 written, "), std::string::npos) << second.out;
  EXPECT_EQ(tree_of(dir), files);
}

INSTANTIATE_TEST_SUITE_P(Layouts, ContentTreeLayout, ::testing::Values("astro", "hugo", "jekyll"));

TEST(ContentTree, AnEditedPostIsKeptOnReRunAndReplacedWithOverwrite) {
  const auto dir = testing::temp_dir("tree-edit");
  const std::string args = sample_sources() + " --out " + shell_quote(dir.string()) + " --redirects none --archives none";
  ASSERT_EQ(run_command("cli/blogshift", "run " + args).exit_code, 0);
  const auto post = dir / "content/posts/sourdough/index.md";
  const std::string original = read_file(post);
  testing::write_file(post, original + "\nMy own afterword.\n");

  auto rerun = run_command("cli/blogshift", "load --out " + shell_quote(dir.string()) + " --redirects none --archives none");
  EXPECT_EQ(rerun.exit_code, 0) << rerun.err;
  EXPECT_NE(rerun.err.find("content/posts/sourdough/index.md: kept"), std::string::npos) << rerun.err;
  EXPECT_EQ(read_file(post), original + "\nMy own afterword.\n");

  auto forced = run_command("cli/blogshift",
                            "load --overwrite --out " + shell_quote(dir.string()) + " --redirects none --archives none");
  EXPECT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_EQ(read_file(post), original);
}

}  // namespace
}  // namespace blogshift
