// Every rendered Blogger page of the corpus (skipped when it is absent):
// its canonical link and tag links are found, and the scope of that blog
// admits the tag links found on a post (without a pager query).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "discover/page_links.h"
#include "scope/blog_scope.h"
#include "temp_file.h"
#include "test_paths.h"

using namespace blogshift::fetch;

TEST(CorpusPageLinks, RenderedPagesGiveCanonicalAndAdmittedTagLinks) {
  BLOGSHIFT_REQUIRE_CORPUS();
  const std::filesystem::path dir = blogshift::testing::corpus("blogger-rendered-pages");
  size_t pages = 0, tag_links = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".html") continue;
    const std::string html = blogshift::testing::read_file(entry.path());
    // File names are "<host>--<YYYY>-<MM>-<slug>.html" (SOURCE.md).
    const std::string name = entry.path().stem().string();
    const std::string host = name.substr(0, name.find("--"));
    PageLinks page = read_page_links("https://" + host + "/", html);
    ++pages;
    auto canonical = parse_fetch_url(page.canonical);
    if (!canonical) continue;  // a few saved pages carry no canonical link
    EXPECT_EQ(canonical->host, host) << name;
    BlogScope scope({*canonical});
    for (const DiscoveredLink& link : page.links) {
      if (link.how != FoundAs::TagLink) continue;
      auto url = parse_fetch_url(link.url);
      ASSERT_TRUE(url) << link.url;
      if (!scope.is_blog_host(url->host) || !url->path.starts_with("/search/label/")) continue;
      ++tag_links;
      // Some templates write "/search/label/X?max-results=12": a label page
      // with a query, refused; the label page itself is admitted.
      if (!url->query.empty()) {
        EXPECT_FALSE(scope.admit(*url, link.how, UrlRole::Post)) << name << ": " << link.url;
        url = parse_fetch_url(url->scheme + "://" + url->host + url->path);
      }
      EXPECT_TRUE(scope.admit(*url, link.how, UrlRole::Post)) << name << ": " << link.url;
      EXPECT_FALSE(scope.admit(*url, FoundAs::Link, UrlRole::Label)) << name << ": " << link.url;
    }
  }
  EXPECT_GE(pages, 10u);
  EXPECT_GE(tag_links, 20u);
}
