// Sitemaps as sitemaps.org defines them: urlset and sitemap index, with or
// without the namespace, the text format, and bad input.
#include <gtest/gtest.h>

#include <string>

#include "discover/sitemap_links.h"

using namespace blogshift::fetch;

namespace {

constexpr const char* kSitemapUrl = "https://kettle.blogspot.com/sitemap.xml";

std::vector<std::string> urls(const SitemapPage& page) {
  std::vector<std::string> out;
  for (const DiscoveredLink& l : page.links) {
    EXPECT_EQ(l.how, FoundAs::SitemapEntry);
    out.push_back(l.url);
  }
  return out;
}

}  // namespace

TEST(Sitemap, IndexListsSitemaps) {
  // What Blogger serves at /sitemap.xml: an index of paged sitemaps.
  SitemapPage page = read_sitemap(kSitemapUrl,
                                  "<?xml version='1.0' encoding='UTF-8'?>"
                                  "<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                                  "<sitemap><loc>https://kettle.blogspot.com/sitemap.xml?page=1</loc>"
                                  "<lastmod>2023-07-20T16:00:00Z</lastmod></sitemap>"
                                  "<sitemap><loc>https://kettle.blogspot.com/sitemap.xml?page=2</loc></sitemap>"
                                  "</sitemapindex>");
  EXPECT_TRUE(page.is_index);
  EXPECT_EQ(page.error, "");
  EXPECT_EQ(urls(page), (std::vector<std::string>{"https://kettle.blogspot.com/sitemap.xml?page=1",
                                                  "https://kettle.blogspot.com/sitemap.xml?page=2"}));
}

TEST(Sitemap, UrlsetListsPages) {
  SitemapPage page = read_sitemap(kSitemapUrl,
                                  "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                                  "<url><loc>https://kettle.blogspot.com/2023/07/sourdough-rye.html</loc>"
                                  "<lastmod>2023-07-16T15:00:00Z</lastmod></url>"
                                  "<url><loc>\n  https://kettle.blogspot.com/p/about.html  \n</loc></url>"
                                  "</urlset>");
  EXPECT_FALSE(page.is_index);
  EXPECT_EQ(page.error, "");
  EXPECT_EQ(urls(page), (std::vector<std::string>{"https://kettle.blogspot.com/2023/07/sourdough-rye.html",
                                                  "https://kettle.blogspot.com/p/about.html"}));
}

TEST(Sitemap, NamespaceIsOptional) {
  SitemapPage page = read_sitemap(kSitemapUrl, "<urlset><url><loc>https://kettle.blogspot.com/</loc></url></urlset>");
  EXPECT_EQ(urls(page), (std::vector<std::string>{"https://kettle.blogspot.com/"}));
  SitemapPage old = read_sitemap(kSitemapUrl,
                                 "<urlset xmlns='http://www.google.com/schemas/sitemap/0.84'>"
                                 "<url><loc>https://kettle.blogspot.com/</loc></url></urlset>");
  EXPECT_EQ(urls(old).size(), 1u);
}

TEST(Sitemap, ExtensionLocsAreNotPages) {
  SitemapPage page = read_sitemap(kSitemapUrl,
                                  "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9' "
                                  "xmlns:image='http://www.google.com/schemas/sitemap-image/1.1'>"
                                  "<url><loc>https://kettle.blogspot.com/2023/07/a.html</loc>"
                                  "<image:image><image:loc>https://1.bp.blogspot.com/x.jpg</image:loc></image:image></url>"
                                  "</urlset>");
  EXPECT_EQ(urls(page), (std::vector<std::string>{"https://kettle.blogspot.com/2023/07/a.html"}));
}

TEST(Sitemap, LocOutsideItsPlaceIsIgnored) {
  SitemapPage page = read_sitemap(kSitemapUrl, "<urlset><loc>https://kettle.blogspot.com/stray</loc>"
                                               "<url><x><loc>https://kettle.blogspot.com/deep</loc></x></url></urlset>");
  EXPECT_TRUE(page.links.empty());
}

TEST(Sitemap, EscapedAmpersandsInLoc) {
  SitemapPage page = read_sitemap(kSitemapUrl, "<urlset><url><loc>https://kettle.blogspot.com/feeds/posts/default?"
                                               "start-index=1&amp;max-results=2</loc></url></urlset>");
  EXPECT_EQ(urls(page),
            (std::vector<std::string>{"https://kettle.blogspot.com/feeds/posts/default?start-index=1&max-results=2"}));
}

TEST(Sitemap, TextFormatIsOneUrlALine) {
  SitemapPage page = read_sitemap(kSitemapUrl,
                                  "https://kettle.blogspot.com/2023/07/a.html\r\n"
                                  "\n"
                                  "not a url\n"
                                  "https://kettle.blogspot.com/p/about.html");
  EXPECT_EQ(page.error, "");
  EXPECT_EQ(urls(page), (std::vector<std::string>{"https://kettle.blogspot.com/2023/07/a.html",
                                                  "https://kettle.blogspot.com/p/about.html"}));
}

TEST(SitemapBadInput, OtherRootIsNotASitemap) {
  SitemapPage page = read_sitemap(kSitemapUrl, "<html><body><loc>https://x.com/</loc></body></html>");
  EXPECT_NE(page.error.find("not a sitemap"), std::string::npos);
  EXPECT_TRUE(page.links.empty());
}

TEST(SitemapBadInput, BrokenXmlKeepsWhatWasRead) {
  SitemapPage page = read_sitemap(kSitemapUrl,
                                  "<urlset><url><loc>https://kettle.blogspot.com/2023/07/a.html</loc></url>"
                                  "<url><loc>https://kettle.blogspot.com/2023/07/b.html</loc></url><url><loc>https://ke");
  EXPECT_FALSE(page.error.empty());
  EXPECT_EQ(urls(page), (std::vector<std::string>{"https://kettle.blogspot.com/2023/07/a.html",
                                                  "https://kettle.blogspot.com/2023/07/b.html"}));
}

TEST(SitemapBadInput, DoctypeIsRefused) {
  SitemapPage page = read_sitemap(kSitemapUrl,
                                  "<!DOCTYPE urlset [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>"
                                  "<urlset><url><loc>https://kettle.blogspot.com/&e;</loc></url></urlset>");
  EXPECT_NE(page.error.find("refused"), std::string::npos);
  EXPECT_TRUE(page.links.empty());
}

TEST(SitemapBadInput, EmptyBody) {
  SitemapPage page = read_sitemap(kSitemapUrl, "");
  EXPECT_FALSE(page.error.empty());
  EXPECT_TRUE(page.links.empty());
}
