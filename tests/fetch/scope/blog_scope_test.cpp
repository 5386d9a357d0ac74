// What a crawl of one blog admits: its hosts, the two traps (labels and
// the calendar), images and attachments, seeds and redirects.
#include <gtest/gtest.h>

#include <string>

#include "scope/blog_scope.h"

using namespace blogshift::fetch;

namespace {

FetchUrl url(const std::string& text) {
  auto parsed = parse_fetch_url(text);
  EXPECT_TRUE(parsed) << text;
  return parsed.value_or(FetchUrl{});
}

BlogScope kettle() { return BlogScope({url("https://kettle.blogspot.com/")}); }

std::optional<UrlRole> role(const BlogScope& scope, const std::string& text, FoundAs how = FoundAs::Link,
                            std::optional<UrlRole> found_on = UrlRole::Post) {
  auto admitted = scope.admit(url(text), how, found_on);
  return admitted ? std::optional<UrlRole>(admitted->role) : std::nullopt;
}

std::string refusal(const BlogScope& scope, const std::string& text, FoundAs how = FoundAs::Link,
                    std::optional<UrlRole> found_on = UrlRole::Post) {
  ScopeRefusal why;
  auto admitted = scope.admit(url(text), how, found_on, &why);
  return admitted ? "(admitted)" : why.reason;
}

}  // namespace

TEST(BlogScopeHosts, SeedHostIsTheBlogsWithItsCountryForms) {
  BlogScope scope = kettle();
  for (const char* host : {"kettle.blogspot.com", "kettle.blogspot.fr", "kettle.blogspot.co.uk", "kettle.blogspot.com.br",
                           "kettle.blogspot.com.au", "Kettle.Blogspot.De"})
    EXPECT_TRUE(scope.is_blog_host(host)) << host;
  EXPECT_FALSE(scope.is_blog_host("crumb.blogspot.com"));  // another blog
  EXPECT_FALSE(scope.is_blog_host("kettle.blogspot.com.evil.net"));
  EXPECT_FALSE(scope.is_blog_host("example.com"));
}

TEST(BlogScopeHosts, WwwAndBareFormsOfACustomDomain) {
  BlogScope scope = kettle();
  scope.add_blog_host("www.kettleandcrumb.com");
  EXPECT_TRUE(scope.is_blog_host("www.kettleandcrumb.com"));
  EXPECT_TRUE(scope.is_blog_host("kettleandcrumb.com"));
  EXPECT_TRUE(scope.is_blog_host("KettleAndCrumb.com."));
  EXPECT_FALSE(scope.is_blog_host("shop.kettleandcrumb.com"));
  EXPECT_EQ(role(scope, "https://kettleandcrumb.com/2023/07/sourdough.html"), UrlRole::Post);
}

TEST(BlogScopeHosts, ImageServersAndBloggerNeverBecomeBlogHosts) {
  BlogScope scope({url("https://1.bp.blogspot.com/-a/b/c/d/s320/x.jpg"), url("https://www.blogger.com/profile/1")});
  EXPECT_TRUE(scope.blog_hosts().empty());
  scope.add_blog_host("blogger.googleusercontent.com");
  EXPECT_TRUE(scope.blog_hosts().empty());
}

TEST(BlogScopeHosts, OtherHostsAreRefused) {
  BlogScope scope = kettle();
  EXPECT_NE(refusal(scope, "https://example.com/2023/07/a.html").find("not the blog's host (example.com)"), std::string::npos);
  EXPECT_NE(refusal(scope, "https://crumb.blogspot.com/").find("not the blog's host"), std::string::npos);
  EXPECT_NE(refusal(scope, "https://www.blogger.com/feeds/123/posts/default").find("Blogger's own site"), std::string::npos);
  EXPECT_NE(refusal(scope, "https://www.blogger.com/comment.g?blogID=1&postID=2").find("Blogger's own site"), std::string::npos);
}

TEST(BlogScope, PostsPagesFeedsAndSitemapsByShape) {
  BlogScope scope = kettle();
  EXPECT_EQ(role(scope, "https://kettle.blogspot.com/2023/07/sourdough.html", FoundAs::FeedEntry, UrlRole::Feed), UrlRole::Post);
  EXPECT_EQ(role(scope, "https://kettle.blogspot.fr/2023/07/sourdough.html?m=1"), UrlRole::Post);
  EXPECT_EQ(role(scope, "https://kettle.blogspot.com/p/about.html", FoundAs::Link, UrlRole::Home), UrlRole::Page);
  EXPECT_EQ(role(scope, "https://kettle.blogspot.com/feeds/posts/default?start-index=26&max-results=25",
                 FoundAs::FeedPaging, UrlRole::Feed),
            UrlRole::Feed);
  EXPECT_EQ(role(scope, "https://kettle.blogspot.com/feeds/123/comments/default", FoundAs::Derived, std::nullopt),
            UrlRole::CommentFeed);
  EXPECT_EQ(role(scope, "https://kettle.blogspot.com/sitemap.xml?page=2", FoundAs::SitemapEntry, UrlRole::Sitemap),
            UrlRole::Sitemap);
  EXPECT_EQ(role(scope, "https://kettle.blogspot.com/robots.txt", FoundAs::Derived, std::nullopt), UrlRole::Robots);
  EXPECT_EQ(role(scope, "https://kettle.blogspot.com/favicon.ico", FoundAs::Embed, UrlRole::Home), UrlRole::Favicon);
}

TEST(BlogScope, TrapsAreRefusedWithTheirReason) {
  BlogScope scope = kettle();
  EXPECT_NE(refusal(scope, "https://kettle.blogspot.com/search?q=rye").find("search page"), std::string::npos);
  EXPECT_NE(refusal(scope, "https://kettle.blogspot.com/search?updated-max=2023-07-01T00:00:00-07:00").find("search page"),
            std::string::npos);
  EXPECT_NE(refusal(scope, "https://kettle.blogspot.com/2023/07/a.html?showComment=1#c1").find("showComment"),
            std::string::npos);
  EXPECT_NE(refusal(scope, "https://kettle.blogspot.com/?m=0").find("m=0"), std::string::npos);
  EXPECT_NE(refusal(scope, "https://kettle.blogspot.com/feeds/posts/summary").find("summary"), std::string::npos);
}

TEST(BlogScopeLabels, UnknownLabelLinkedFromAnywhereIsTheLabelTrap) {
  BlogScope scope = kettle();
  const std::string label = "https://kettle.blogspot.com/search/label/Rye";
  EXPECT_NE(refusal(scope, label, FoundAs::Link, UrlRole::Home).find("label trap"), std::string::npos);
  EXPECT_FALSE(role(scope, label, FoundAs::Link, UrlRole::Post));  // a plain link, even on a post
  EXPECT_FALSE(role(scope, label, FoundAs::TagLink, UrlRole::Label));  // a label page's tag cloud
  EXPECT_FALSE(role(scope, label, FoundAs::TagLink, UrlRole::Archive));
  EXPECT_FALSE(role(scope, label, FoundAs::Derived, std::nullopt));
}

TEST(BlogScopeLabels, TagLinkOnAPostOrPageAdmits) {
  BlogScope scope = kettle();
  const std::string label = "https://kettle.blogspot.com/search/label/Rye";
  EXPECT_EQ(role(scope, label, FoundAs::TagLink, UrlRole::Post), UrlRole::Label);
  EXPECT_EQ(role(scope, label, FoundAs::TagLink, UrlRole::Page), UrlRole::Label);
}

TEST(BlogScopeLabels, NotedLabelIsAdmittedFromAnyLink) {
  BlogScope scope = kettle();
  scope.note_label("Sourdough Bread");
  scope.note_label("Caf\xC3\xA9");
  EXPECT_EQ(role(scope, "https://kettle.blogspot.com/search/label/Sourdough%20Bread", FoundAs::Link, UrlRole::Label),
            UrlRole::Label);
  EXPECT_EQ(role(scope, "https://kettle.blogspot.com/search/label/Caf%C3%A9", FoundAs::Link, UrlRole::Home), UrlRole::Label);
  EXPECT_FALSE(role(scope, "https://kettle.blogspot.com/search/label/sourdough%20bread", FoundAs::Link, UrlRole::Home));
}

TEST(BlogScopeLabels, LabelPagesWithAQueryAreRefusedEvenWhenNoted) {
  BlogScope scope = kettle();
  scope.note_label("Rye");
  EXPECT_NE(refusal(scope, "https://kettle.blogspot.com/search/label/Rye?updated-max=2023-01-01T00:00:00Z&max-results=20")
                .find("label page with a query"),
            std::string::npos);
  EXPECT_FALSE(role(scope, "https://kettle.blogspot.com/search/label/Rye?max-results=20", FoundAs::TagLink, UrlRole::Post));
}

TEST(BlogScopeArchives, OnlyDatesWithAKnownPost) {
  BlogScope scope = kettle();
  EXPECT_NE(refusal(scope, "https://kettle.blogspot.com/2023/07/").find("calendar trap"), std::string::npos);
  scope.note_post_date(2023, 7, 15);
  EXPECT_EQ(role(scope, "https://kettle.blogspot.com/2023/"), UrlRole::Archive);
  EXPECT_EQ(role(scope, "https://kettle.blogspot.com/2023/07/"), UrlRole::Archive);
  EXPECT_EQ(role(scope, "https://kettle.blogspot.com/2023/07/15/"), UrlRole::Archive);
  EXPECT_EQ(role(scope, "https://kettle.blogspot.com/2023_07_01_archive.html"), UrlRole::Archive);
  EXPECT_FALSE(role(scope, "https://kettle.blogspot.com/2023/07/16/"));
  EXPECT_FALSE(role(scope, "https://kettle.blogspot.com/2023/08/"));
  EXPECT_FALSE(role(scope, "https://kettle.blogspot.com/2024/"));
  EXPECT_FALSE(role(scope, "https://kettle.blogspot.com/2099/01/"));
}

TEST(BlogScopeArchives, ImpossibleDatesAreNotNoted) {
  BlogScope scope = kettle();
  scope.note_post_date(2023, 13, 1);
  scope.note_post_date(0, 1, 1);
  EXPECT_FALSE(role(scope, "https://kettle.blogspot.com/2023/"));
  EXPECT_FALSE(role(scope, "https://kettle.blogspot.com/0000/"));
}

TEST(BlogScopeImages, EmbedsAndLinksOnImageServersAreImages) {
  BlogScope scope = kettle();
  EXPECT_EQ(role(scope, "https://1.bp.blogspot.com/-a/b/c/d/s320/bread.jpg", FoundAs::Embed), UrlRole::Image);
  EXPECT_EQ(role(scope, "https://blogger.googleusercontent.com/img/b/R29v/AVvXsEh/s1600/bread.jpg", FoundAs::Link),
            UrlRole::Image);
  EXPECT_EQ(role(scope, "https://blogger.googleusercontent.com/img/a/AVvXsEgQ=w640-h360", FoundAs::Embed, UrlRole::Feed),
            UrlRole::Image);  // no extension: an image server serves images
  EXPECT_EQ(role(scope, "https://lh3.googleusercontent.com/abc=s220", FoundAs::Embed, UrlRole::Home), UrlRole::Image);
  EXPECT_EQ(role(scope, "https://1.bp.blogspot.com/-a/b/c/d/s0/bread.jpg", FoundAs::Derived, std::nullopt), UrlRole::Image);
}

TEST(BlogScopeImages, ImageServerUrlsNamedAsPagesAreRefused) {
  BlogScope scope = kettle();
  EXPECT_FALSE(role(scope, "https://1.bp.blogspot.com/-a/b/c/d/s320/bread.jpg", FoundAs::FeedEntry, UrlRole::Feed));
  EXPECT_FALSE(role(scope, "https://1.bp.blogspot.com/-a/b/c/d/s320/bread.jpg", FoundAs::SitemapEntry, UrlRole::Sitemap));
}

TEST(BlogScopeImages, ImageFilesOnTheBlogsHost) {
  BlogScope scope = kettle();
  EXPECT_EQ(role(scope, "https://kettle.blogspot.com/img/logo.png", FoundAs::Embed, UrlRole::Home), UrlRole::Image);
  EXPECT_FALSE(role(scope, "https://kettle.blogspot.com/img/logo.png", FoundAs::FeedEntry, UrlRole::Feed));
  // Images elsewhere are not the blog's.
  EXPECT_FALSE(role(scope, "https://example.com/photo.jpg", FoundAs::Embed));
}

TEST(BlogScopeImages, MediaFilesAreAttachments) {
  BlogScope scope = kettle();
  EXPECT_EQ(role(scope, "https://kettle.blogspot.com/files/recipe.pdf"), UrlRole::Attachment);
  EXPECT_EQ(role(scope, "https://blogger.googleusercontent.com/files/episode1.mp3", FoundAs::Embed), UrlRole::Attachment);
  EXPECT_EQ(role(scope, "https://1.bp.blogspot.com/-a/b/c/d/recipes.zip"), UrlRole::Attachment);
  EXPECT_FALSE(role(scope, "https://example.com/recipe.pdf"));
}

TEST(BlogScopeSeeds, AlwaysAdmittedWithTheirShapesRole) {
  BlogScope scope = kettle();
  EXPECT_EQ(role(scope, "https://kettle.blogspot.com/2023/07/a.html", FoundAs::Seed, std::nullopt), UrlRole::Post);
  EXPECT_EQ(role(scope, "https://kettle.blogspot.com/search/label/Rye", FoundAs::Seed, std::nullopt), UrlRole::Label);
  EXPECT_EQ(role(scope, "https://kettle.blogspot.com/2019/", FoundAs::Seed, std::nullopt), UrlRole::Archive);
}

TEST(BlogScopeSeeds, HomeWhenNoShapeFits) {
  BlogScope scope = kettle();
  EXPECT_EQ(role(scope, "https://kettle.blogspot.com/search?q=rye", FoundAs::Seed, std::nullopt), UrlRole::Home);
  EXPECT_EQ(role(scope, "https://elsewhere.example/blog/", FoundAs::Seed, std::nullopt), UrlRole::Home);
  EXPECT_EQ(role(scope, "https://1.bp.blogspot.com/-a/b/c/d/s0/x.jpg", FoundAs::Seed, std::nullopt), UrlRole::Image);
}

TEST(BlogScopeRedirects, TargetsOnTheBlogAreAdmittedByShape) {
  BlogScope scope = kettle();
  // The source was admitted already; its target needs no note of its own.
  EXPECT_EQ(role(scope, "https://kettle.blogspot.fr/search/label/Rye", FoundAs::Redirect, UrlRole::Label), UrlRole::Label);
  EXPECT_EQ(role(scope, "https://kettle.blogspot.com/2020/01/", FoundAs::Redirect, UrlRole::Archive), UrlRole::Archive);
  EXPECT_EQ(role(scope, "https://4.bp.blogspot.com/-a/b/c/d/s1600/x.jpg", FoundAs::Redirect, UrlRole::Image), UrlRole::Image);
  // But not traps, nor other hosts.
  EXPECT_FALSE(role(scope, "https://kettle.blogspot.com/search?q=x", FoundAs::Redirect, UrlRole::Post));
  EXPECT_FALSE(role(scope, "https://accounts.google.com/ServiceLogin", FoundAs::Redirect, UrlRole::Post));
}

TEST(BlogScope, EveryRoleHasAName) {
  for (UrlRole r : {UrlRole::Robots, UrlRole::Home, UrlRole::Post, UrlRole::Page, UrlRole::Label, UrlRole::Archive,
                    UrlRole::Feed, UrlRole::CommentFeed, UrlRole::Sitemap, UrlRole::Image, UrlRole::Attachment,
                    UrlRole::Favicon})
    EXPECT_STRNE(to_string(r), "unknown");
  EXPECT_STREQ(to_string(UrlRole::CommentFeed), "comment-feed");
}
