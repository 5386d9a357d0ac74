// Where each layout puts a document, its images and comments, and the routes
// it serves.
#include "metadata/site_layout.h"

#include <gtest/gtest.h>

#include "errors.h"

namespace blogshift {
namespace {

TEST(SiteLayout, AstroAndHugoKeepEachDocumentInItsOwnFolderWithImagesBeside) {
  for (SiteLayout layout : {SiteLayout::astro, SiteLayout::hugo}) {
    const DocumentPlace post = place_document(layout, "post", "sourdough", "2021-03-07");
    EXPECT_EQ(post.path, "content/posts/sourdough/index.md");
    EXPECT_EQ(post.asset_dir, "");
    EXPECT_EQ(post.asset_prefix, "./");
    EXPECT_EQ(post.comments_path, "content/posts/sourdough/comments.yaml");
    EXPECT_EQ(place_document(layout, "page", "about", "2019-01-01").path, "content/pages/about/index.md");
  }
}

TEST(SiteLayout, JekyllNamesPostsByDateAndKeepsImagesUnderAssets) {
  const DocumentPlace post = place_document(SiteLayout::jekyll, "post", "sourdough", "2021-03-07");
  EXPECT_EQ(post.path, "_posts/2021-03-07-sourdough.md");
  EXPECT_EQ(post.asset_dir, "assets/posts/2021-03-07-sourdough");
  EXPECT_EQ(post.asset_prefix, "/assets/posts/2021-03-07-sourdough/");
  EXPECT_EQ(post.comments_path, "_data/comments/2021-03-07-sourdough.yaml");
  const DocumentPlace page = place_document(SiteLayout::jekyll, "page", "about", "2019-01-01");
  EXPECT_EQ(page.path, "pages/about.md");
  EXPECT_EQ(page.asset_dir, "assets/pages/about");
}

TEST(SiteLayout, JekyllKeepsAnUnpublishedPostsImagesInAFolderItDoesNotCopy) {
  const DocumentPlace draft = place_document(SiteLayout::jekyll, "post", "croissant", "2023-08-01", false);
  EXPECT_EQ(draft.path, "_posts/2023-08-01-croissant.md");
  EXPECT_EQ(draft.asset_dir, "assets/posts/_2023-08-01-croissant");
  EXPECT_EQ(draft.asset_prefix, "/assets/posts/_2023-08-01-croissant/");
  // Hugo and Astro publish no file of a page they do not build: beside it as ever.
  EXPECT_EQ(place_document(SiteLayout::hugo, "post", "croissant", "2023-08-01", false).asset_prefix, "./");
}

TEST(SiteLayout, HugoAndJekyllRoutesEndInASlashSoRedirectsTakeOneHop) {
  EXPECT_EQ(layout_route_pattern(SiteLayout::astro, "/:year/:month/:slug"), "/:year/:month/:slug");
  EXPECT_EQ(layout_route_pattern(SiteLayout::hugo, "/:year/:month/:slug"), "/:year/:month/:slug/");
  EXPECT_EQ(layout_route_pattern(SiteLayout::jekyll, "/:slug/"), "/:slug/");
  EXPECT_EQ(layout_route_pattern(SiteLayout::jekyll, "/:year/:slug.html"), "/:year/:slug.html");
}

TEST(SiteLayout, UnknownLayoutIsAUsageError) {
  EXPECT_EQ(parse_site_layout("hugo"), SiteLayout::hugo);
  EXPECT_STREQ(site_layout_name(parse_site_layout("jekyll")), "jekyll");
  EXPECT_THROW(parse_site_layout("gatsby"), UsageError);
}

}  // namespace
}  // namespace blogshift
