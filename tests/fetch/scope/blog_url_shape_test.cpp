// The URL shapes Blogger serves on a blog's host: what each is, and the
// reason given for each one refused.
#include <gtest/gtest.h>

#include <string>

#include "scope/blog_url_shape.h"

using namespace blogshift::fetch;

namespace {

BlogUrlShape shape(const std::string& path_and_query) {
  auto url = parse_fetch_url("https://kettle.blogspot.com" + path_and_query);
  EXPECT_TRUE(url) << path_and_query;
  return url ? blog_url_shape(*url) : BlogUrlShape{};
}

std::optional<UrlRole> role(const std::string& path_and_query) { return shape(path_and_query).role; }

}  // namespace

TEST(BlogUrlShape, HomePostPageWithTheirMobileViews) {
  EXPECT_EQ(role("/"), UrlRole::Home);
  EXPECT_EQ(role("/?m=1"), UrlRole::Home);
  EXPECT_EQ(role("/2023/07/sourdough.html"), UrlRole::Post);
  EXPECT_EQ(role("/2023/07/sourdough.html?m=1"), UrlRole::Post);
  EXPECT_EQ(role("/p/about.html"), UrlRole::Page);
  EXPECT_EQ(role("/p/about.html?m=1"), UrlRole::Page);
}

TEST(BlogUrlShape, OtherQueriesOnPagesAreRefused) {
  EXPECT_FALSE(role("/2023/07/sourdough.html?utm_source=x"));
  EXPECT_FALSE(role("/?m=1&x=2"));
  EXPECT_FALSE(role("/?updated-max=2023-07-01"));
  EXPECT_NE(shape("/?x=1").refusal.find("only ?m=1"), std::string::npos);
}

TEST(BlogUrlShape, DesktopSwitchIsRefused) {
  auto s = shape("/2023/07/sourdough.html?m=0");
  EXPECT_FALSE(s.role);
  EXPECT_NE(s.refusal.find("m=0"), std::string::npos);
}

TEST(BlogUrlShape, CommentPermalinksAreRefused) {
  auto s = shape("/2023/07/sourdough.html?showComment=1690000000000");
  EXPECT_FALSE(s.role);
  EXPECT_NE(s.refusal.find("showComment"), std::string::npos);
}

TEST(BlogUrlShape, WidgetAndReversePagersAreRefused) {
  auto widget = shape("/?widgetType=BlogArchive&widgetId=BlogArchive1&action=toggle&dir=open");
  EXPECT_FALSE(widget.role);
  EXPECT_NE(widget.refusal.find("widgetType"), std::string::npos);
  auto reverse = shape("/search?updated-max=2023-07-01T00:00:00-07:00&max-results=7&reverse-paginate=true");
  EXPECT_FALSE(reverse.role);
  EXPECT_NE(reverse.refusal.find("reverse-paginate"), std::string::npos);
}

TEST(BlogUrlShape, SearchPagesAreRefused) {
  for (const char* p : {"/search?q=bread", "/search?updated-max=2023-07-01T00:00:00-07:00&max-results=7", "/search",
                        "/search/"}) {
    auto s = shape(p);
    EXPECT_FALSE(s.role) << p;
    EXPECT_NE(s.refusal.find("search page"), std::string::npos) << p;
  }
}

TEST(BlogUrlShape, LabelPagesWithoutQuery) {
  auto s = shape("/search/label/Sourdough%20Bread");
  EXPECT_EQ(s.role, UrlRole::Label);
  EXPECT_EQ(s.label, "Sourdough Bread");
  auto paged = shape("/search/label/Bread?updated-max=2023-07-01T00:00:00-07:00&max-results=20");
  EXPECT_FALSE(paged.role);
  EXPECT_NE(paged.refusal.find("label page with a query"), std::string::npos);
  EXPECT_FALSE(role("/search/label/Bread?m=1"));  // ?m=1 only on home, posts and pages
  EXPECT_FALSE(role("/search/label/"));
}

TEST(BlogUrlShape, ArchivesNameTheirDate) {
  EXPECT_EQ(shape("/2023/").archive_key, "2023");
  EXPECT_EQ(shape("/2023/07/").archive_key, "2023/07");
  EXPECT_EQ(shape("/2023/07/15/").archive_key, "2023/07/15");
  EXPECT_EQ(shape("/2023/07").archive_key, "2023/07");
  EXPECT_EQ(shape("/2023_07_01_archive.html").archive_key, "2023/07");
  EXPECT_EQ(role("/2023/07/"), UrlRole::Archive);
}

TEST(BlogUrlShape, ImpossibleDatesAreNotArchives) {
  for (const char* p : {"/2023/13/", "/2023/00/", "/2023/07/32/", "/23/07/", "/2023/07/15/16/", "/2023_13_01_archive.html"})
    EXPECT_FALSE(role(p)) << p;
  EXPECT_FALSE(role("/2023/07/?m=1"));
}

TEST(BlogUrlShape, Feeds) {
  EXPECT_EQ(role("/feeds/posts/default"), UrlRole::Feed);
  EXPECT_EQ(role("/feeds/pages/default"), UrlRole::Feed);
  EXPECT_EQ(role("/feeds/comments/default"), UrlRole::Feed);
  EXPECT_EQ(role("/feeds/4567890123/comments/default"), UrlRole::CommentFeed);
  EXPECT_EQ(role("/atom.xml"), UrlRole::Feed);
  EXPECT_EQ(role("/rss.xml"), UrlRole::Feed);
}

TEST(BlogUrlShape, FeedQueriesAreLimitedToPagingAndFormat) {
  EXPECT_EQ(role("/feeds/posts/default?start-index=151&max-results=150"), UrlRole::Feed);
  EXPECT_EQ(role("/feeds/posts/default?alt=rss&redirect=false&orderby=published"), UrlRole::Feed);
  EXPECT_EQ(role("/atom.xml?redirect=false&start-index=1&max-results=500"), UrlRole::Feed);
  for (const char* p : {"/feeds/posts/default?alt=json", "/feeds/posts/default?q=bread",
                        "/feeds/posts/default?start-index=x", "/feeds/posts/default?published-min=2023-01-01",
                        "/feeds/posts/default?redirect=true", "/feeds/posts/default?callback=f"}) {
    auto s = shape(p);
    EXPECT_FALSE(s.role) << p;
    EXPECT_NE(s.refusal.find("feed query"), std::string::npos) << p;
  }
}

TEST(BlogUrlShape, OtherFeedShapesAreRefused) {
  EXPECT_NE(shape("/feeds/posts/summary").refusal.find("summary"), std::string::npos);
  EXPECT_NE(shape("/feeds/posts/default/-/Bread").refusal.find("label feed"), std::string::npos);
  EXPECT_FALSE(role("/feeds/posts/default/1234567"));
  EXPECT_FALSE(role("/feeds/abc/comments/default"));
}

TEST(BlogUrlShape, SitemapsRobotsAndFavicon) {
  EXPECT_EQ(role("/sitemap.xml"), UrlRole::Sitemap);
  EXPECT_EQ(role("/sitemap.xml?page=2"), UrlRole::Sitemap);
  EXPECT_EQ(role("/sitemap-pages.xml"), UrlRole::Sitemap);
  EXPECT_FALSE(role("/sitemap.xml?page=two"));
  EXPECT_EQ(role("/robots.txt"), UrlRole::Robots);
  EXPECT_EQ(role("/favicon.ico"), UrlRole::Favicon);
  EXPECT_FALSE(role("/robots.txt?x=1"));
}

TEST(BlogUrlShape, FilesByExtension) {
  auto image = shape("/images/logo.png");
  EXPECT_EQ(image.role, UrlRole::Image);
  EXPECT_TRUE(image.is_file);
  EXPECT_EQ(role("/files/recipe.pdf"), UrlRole::Attachment);
}

TEST(BlogUrlShape, UnknownShapesAreRefusedWithAReason) {
  for (const char* p : {"/2023/07/sourdough", "/p/about", "/b/post-edit.g", "/feeds", "/index.php", "/2023/07/a.html/x"}) {
    auto s = shape(p);
    EXPECT_FALSE(s.role) << p;
    EXPECT_FALSE(s.refusal.empty()) << p;
  }
}
