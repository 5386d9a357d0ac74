// A draft stays private on the built site, its images too. Blogger never
// showed a draft's images to anyone; a generator that copies every file it
// finds (Jekyll copies all outside "_" folders) would publish them. The
// sample blog with one live post made a draft: each generator builds it, and
// no built file holds that post's image (blogshift names images image-N, and
// Astro adds a hash: the bytes tell), while a live post's image is there.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "site_build_support.h"

namespace blogshift {
namespace {

namespace fs = std::filesystem;

// Whether a file under `dir` (but not under `except`) holds `bytes`.
bool holds(const fs::path& dir, const std::string& bytes, const fs::path& except = {}) {
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file() || (!except.empty() && e.path().string().starts_with(except.string() + "/"))) continue;
    if (e.file_size() == bytes.size() && testing::read_all(e.path()) == bytes) return true;
  }
  return false;
}

class UnpublishedImages : public ::testing::TestWithParam<std::string> {};

TEST_P(UnpublishedImages, ADraftsImagesAreNotInTheBuiltSite) {
  const std::string generator = GetParam();
  BLOGSHIFT_REQUIRE_GENERATOR(tool, generator);
  const fs::path work = testing::temp_dir("site-draft-images-" + generator);
  // The sample feed with its rye loaf post (rye-caraway-loaf.png, shown by no other post) a draft.
  std::string feed = testing::read_all(testing::fixture("sample-blog/feed.atom"));
  const size_t post = feed.find("<blogger:filename>/2022/09/rye-caraway-sandwich-loaf.html</blogger:filename>");
  ASSERT_NE(post, std::string::npos);
  const size_t status = feed.rfind("<blogger:status>LIVE</blogger:status>", post);
  ASSERT_NE(status, std::string::npos);
  feed.replace(status, std::string("<blogger:status>LIVE</blogger:status>").size(), "<blogger:status>DRAFT</blogger:status>");
  testing::write_file(work / "feed.atom", feed);
  const std::string sources = testing::shell_quote((work / "feed.atom").string()) + " " +
                              testing::shell_quote(testing::fixture("sample-blog/mirror")) + " ";
  testing::SiteBuildResult r;
  testing::build_site(generator, tool, sources, work, false, r);
  if (HasFatalFailure()) return;
  ASSERT_EQ(r.status, 0) << r.command << "\n" << r.output;

  auto image = [&](const std::string& name) {
    for (const auto& e : fs::recursive_directory_iterator(testing::fixture("sample-blog/mirror")))
      if (e.path().filename() == name && e.path().parent_path().filename() == "s1600") return testing::read_all(e.path());
    return std::string();
  };
  const std::string draft = image("rye-caraway-loaf.png"), live = image("cups-vs-grams.png");
  ASSERT_FALSE(draft.empty());
  ASSERT_FALSE(live.empty());
  // The migration holds the draft's image (so it is not lost) ...
  EXPECT_TRUE(holds(r.site, draft, r.built)) << "the draft's image is kept in the tree";
  // ... and the built site does not show it.
  EXPECT_FALSE(holds(r.built, draft)) << "the draft's image is published";
  EXPECT_TRUE(holds(r.built, live)) << "a live post's image is not in the site";
  if (!HasFailure()) fs::remove_all(work);
}

INSTANTIATE_TEST_SUITE_P(Generators, UnpublishedImages, ::testing::Values("hugo", "jekyll", "astro"),
                         [](const ::testing::TestParamInfo<std::string>& p) { return p.param; });

}  // namespace
}  // namespace blogshift
