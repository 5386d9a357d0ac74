// Links in an HTML page (through core's HTML reader) and the media a post
// body references.
#include <gtest/gtest.h>

#include <string>

#include "discover/page_links.h"
#include "temp_file.h"
#include "test_paths.h"

using namespace blogshift::fetch;

namespace {

constexpr const char* kPost = "https://kettle.blogspot.com/2023/07/sourdough.html";

// "how url" per link, in order, for a compact comparison.
std::vector<std::string> listed(const PageLinks& page) {
  std::vector<std::string> out;
  for (const DiscoveredLink& l : page.links) {
    const char* how = l.how == FoundAs::TagLink ? "tag " : l.how == FoundAs::Embed ? "embed " : l.how == FoundAs::Link ? "link " : "? ";
    out.push_back(how + l.url);
  }
  return out;
}

}  // namespace

TEST(PageLinks, AnchorsAreLinksResolvedAgainstThePage) {
  PageLinks page = read_page_links(kPost, "<a href='../08/rye.html'>rye</a><a href='/p/about.html'>about</a>");
  EXPECT_EQ(listed(page), (std::vector<std::string>{"link https://kettle.blogspot.com/2023/08/rye.html",
                                                    "link https://kettle.blogspot.com/p/about.html"}));
}

TEST(PageLinks, RelTagMakesATagLink) {
  PageLinks page = read_page_links(kPost,
                                   "<a href='/search/label/Rye' rel='tag'>Rye</a>"
                                   "<a href='/search/label/Bread' rel='nofollow TAG'>Bread</a>"
                                   "<a href='/search/label/Oats' rel='tagged'>Oats</a>");
  EXPECT_EQ(listed(page), (std::vector<std::string>{"tag https://kettle.blogspot.com/search/label/Rye",
                                                    "tag https://kettle.blogspot.com/search/label/Bread",
                                                    "link https://kettle.blogspot.com/search/label/Oats"}));
}

TEST(PageLinks, ImagesTheirSrcsetAndLazyCopiesAreEmbeds) {
  PageLinks page = read_page_links(
      kPost,
      "<img src='//1.bp.blogspot.com/-a/b/c/d/s320/x.jpg' "
      "srcset='//1.bp.blogspot.com/-a/b/c/d/s640/x.jpg 2x, //1.bp.blogspot.com/-a/b/c/d/s960/x.jpg 3x'>"
      "<img data-src='/lazy.png'>");
  EXPECT_EQ(listed(page), (std::vector<std::string>{"embed https://1.bp.blogspot.com/-a/b/c/d/s320/x.jpg",
                                                    "embed https://1.bp.blogspot.com/-a/b/c/d/s640/x.jpg",
                                                    "embed https://1.bp.blogspot.com/-a/b/c/d/s960/x.jpg",
                                                    "embed https://kettle.blogspot.com/lazy.png"}));
}

TEST(PageLinks, SrcsetUrlsMayHoldCommas) {
  PageLinks page = read_page_links(kPost, "<img srcset='/a,b.jpg 1x,/c.jpg 2x, /d.jpg'>");
  EXPECT_EQ(listed(page), (std::vector<std::string>{"embed https://kettle.blogspot.com/a,b.jpg",
                                                    "embed https://kettle.blogspot.com/c.jpg",
                                                    "embed https://kettle.blogspot.com/d.jpg"}));
}

TEST(PageLinks, HeadLinksByRel) {
  PageLinks page = read_page_links(kPost,
                                   "<head>"
                                   "<link rel='icon' type='image/x-icon' href='/favicon.ico'>"
                                   "<link rel='canonical' href='https://kettle.blogspot.com/2023/07/sourdough.html'>"
                                   "<link rel='alternate' type='application/atom+xml' href='/feeds/posts/default'>"
                                   "<link rel='next' href='/2023/07/next.html'>"
                                   "<link rel='stylesheet' href='/style.css'>"
                                   "<link rel='preconnect' href='https://fonts.example'>"
                                   "</head>");
  EXPECT_EQ(listed(page), (std::vector<std::string>{"embed https://kettle.blogspot.com/favicon.ico",
                                                    "link https://kettle.blogspot.com/2023/07/sourdough.html",
                                                    "link https://kettle.blogspot.com/feeds/posts/default",
                                                    "link https://kettle.blogspot.com/2023/07/next.html"}));
  EXPECT_EQ(page.canonical, "https://kettle.blogspot.com/2023/07/sourdough.html");
}

TEST(PageLinks, CanonicalIsEmptyWhenNone) {
  EXPECT_EQ(read_page_links(kPost, "<p>no head</p>").canonical, "");
}

TEST(PageLinks, VideoPosterAndSourcesAreEmbedsIframesAreNotFollowed) {
  PageLinks page = read_page_links(kPost,
                                   "<video poster='/poster.jpg'><source src='/clip.mp4'></video>"
                                   "<iframe src='https://www.youtube.com/embed/x'></iframe>");
  EXPECT_EQ(listed(page), (std::vector<std::string>{"embed https://kettle.blogspot.com/poster.jpg",
                                                    "embed https://kettle.blogspot.com/clip.mp4"}));
}

TEST(PageLinks, BaseHrefIsHonoured) {
  PageLinks page = read_page_links(kPost, "<head><base href='https://kettle.blogspot.com/p/'></head><a href='x.html'>x</a>");
  EXPECT_EQ(listed(page), (std::vector<std::string>{"link https://kettle.blogspot.com/p/x.html"}));
}

TEST(PageLinks, NonHttpLinksAndEmptyHrefsAreLeftOut) {
  PageLinks page = read_page_links(kPost,
                                   "<a href='javascript:void(0)'>j</a><a href='mailto:a@b.com'>m</a>"
                                   "<a href=''>empty</a><a href='  '>blank</a><a>none</a><img src='data:image/png;base64,AA'>");
  EXPECT_TRUE(page.links.empty());
}

TEST(PageLinks, DuplicatesKeepTheirFirstPlaceAndTheStrongestWay) {
  PageLinks page = read_page_links(kPost,
                                   "<a href='/search/label/Rye'>sidebar</a><a href='/2023/07/a.html'>a</a>"
                                   "<a href='/2023/07/a.html#comments'>again</a>"
                                   "<a href='https://KETTLE.blogspot.com:443/search/label/Rye' rel='tag'>Rye</a>");
  EXPECT_EQ(listed(page), (std::vector<std::string>{"tag https://kettle.blogspot.com/search/label/Rye",
                                                    "link https://kettle.blogspot.com/2023/07/a.html"}));
}

TEST(PageLinks, DeeplyNestedPageDoesNotCrash) {
  std::string html = "<a href='/before.html'>b</a>";
  // (<span>: gumbo scans the open elements on every <div>, quadratic in depth.)
  for (int i = 0; i < 100000; ++i) html += "<span>";
  html += "<a href='/deep.html'>deep</a>";
  PageLinks page = read_page_links(kPost, html);
  ASSERT_FALSE(page.links.empty());
  EXPECT_EQ(page.links[0].url, "https://kettle.blogspot.com/before.html");
}

TEST(PageLinks, RealBloggerPageFixture) {
  // A Blogger post page cut from the corpus (fixtures/rendered-pages/README.md).
  const std::string html = blogshift::testing::read_file(blogshift::testing::fixture(
      "rendered-pages/weinlachgummis.blogspot.com--2017-09-rezi-love-is-war-sehnsucht-von-r-k.html"));
  ASSERT_FALSE(html.empty());
  const char* url = "https://weinlachgummis.blogspot.com/2017/09/rezi-love-is-war-sehnsucht-von-r-k.html";
  PageLinks page = read_page_links(url, html);
  EXPECT_EQ(page.canonical, url);
  size_t tags = 0, images = 0;
  for (const DiscoveredLink& l : page.links) {
    if (l.how == FoundAs::TagLink) {
      ++tags;
      EXPECT_TRUE(l.url.starts_with("https://weinlachgummis.blogspot.com/search/label/")) << l.url;
    }
    if (l.how == FoundAs::Embed && l.url.find(".bp.blogspot.com/") != std::string::npos) ++images;
  }
  EXPECT_EQ(tags, 8u);
  EXPECT_GE(images, 3u);
}

TEST(MediaInBody, ImagesAndLinksToImagesAndFiles) {
  const std::string body =
      "<a href='https://1.bp.blogspot.com/-a/b/c/d/s1600/x.jpg'><img src='https://1.bp.blogspot.com/-a/b/c/d/s320/x.jpg'></a>"
      "<a href='/files/recipe.pdf'>recipe</a>"
      "<a href='https://example.com/photo.png'>elsewhere</a>"
      "<a href='/2023/07/other.html'>another post</a>"
      "<a href='https://example.com/'>a site</a>"
      "<audio src='/episode.mp3'></audio>";
  EXPECT_EQ(media_in_body(kPost, body),
            (std::vector<std::string>{"https://1.bp.blogspot.com/-a/b/c/d/s1600/x.jpg",
                                      "https://1.bp.blogspot.com/-a/b/c/d/s320/x.jpg",
                                      "https://kettle.blogspot.com/files/recipe.pdf", "https://example.com/photo.png",
                                      "https://kettle.blogspot.com/episode.mp3"}));
}

TEST(MediaInBody, ImageServerLinksWithoutExtension) {
  EXPECT_EQ(media_in_body(kPost, "<a href='https://blogger.googleusercontent.com/img/a/AVvXsEgQ=s1600'>big</a>"),
            (std::vector<std::string>{"https://blogger.googleusercontent.com/img/a/AVvXsEgQ=s1600"}));
}

TEST(MediaInBody, EachUrlOnce) {
  EXPECT_EQ(media_in_body(kPost, "<img src='/a.png'><img src='/a.png#x'><img srcset='/a.png 2x'>").size(), 1u);
}
