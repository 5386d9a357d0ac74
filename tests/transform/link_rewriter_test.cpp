// Links to the old blog in every shape Blogger produced, and images held by
// a crawl, rewritten for the new site.
#include "links/link_rewriter.h"

#include <gtest/gtest.h>

using namespace blogshift;

namespace {

SiteMap site() {
  SiteMap s;
  s.hosts = {"kettleandcrumb.blogspot.com", "www.kettleandcrumb.com"};
  s.routes = {{"/2021/03/sourdough.html", "/2021/03/sourdough"},
              {"/2021/03/sourdough_12.html", "/2021/03/sourdough-2"},
              {"/p/about.html", "/about"}};
  s.assets[asset_key("https://1.bp.blogspot.com/-abc/XYZ/AAAA/def/s1600/loaf.jpg")] = {7, "image/jpeg", 1000};
  s.assets[asset_key("http://kettleandcrumb.blogspot.com/files/recipe.pdf")] = {8, "application/pdf", 500};
  return s;
}

// Rewrites one link (or image) in a one-paragraph document; returns the new URL and outcome.
std::pair<std::string, std::string> rewrite(const std::string& url, DocKind kind = DocKind::Link,
                                            const std::string& from = "/2021/04/post.html") {
  DocNode doc;
  DocNode* p = doc.add(DocKind::Paragraph);
  DocNode* node = p->add(kind);
  node->url = url;
  RewriteResult r = rewrite_links(doc, site(), from);
  EXPECT_EQ(r.links.size(), 1u);
  return {node->url, r.links.empty() ? "" : r.links[0].outcome};
}

}  // namespace

TEST(LinkRewriter, EveryShapeOfAPostUrlGoesToItsRoute) {
  for (const char* url : {"https://kettleandcrumb.blogspot.com/2021/03/sourdough.html",
                          "http://kettleandcrumb.blogspot.com/2021/03/sourdough.html",
                          "http://kettleandcrumb.blogspot.com/2021/03/sourdough.html?m=1",
                          "https://kettleandcrumb.blogspot.com/2021/03/sourdough.html?m=0#more",
                          "https://kettleandcrumb.blogspot.co.uk/2021/03/sourdough.html",
                          "https://kettleandcrumb.blogspot.de/2021/03/sourdough.html",
                          "http://www.kettleandcrumb.com/2021/03/sourdough.html",
                          "//kettleandcrumb.blogspot.com/2021/03/sourdough.html",
                          "/2021/03/sourdough.html", "../03/sourdough.html"}) {
    SCOPED_TRACE(url);
    EXPECT_EQ(rewrite(url), (std::pair<std::string, std::string>{"/2021/03/sourdough", "rewritten"}));
  }
}

TEST(LinkRewriter, FragmentsOtherThanMoreAreKept) {
  EXPECT_EQ(rewrite("https://kettleandcrumb.blogspot.com/2021/03/sourdough_12.html#c123").first,
            "/2021/03/sourdough-2#c123");
}

TEST(LinkRewriter, PagesLabelsArchivesAndHome) {
  EXPECT_EQ(rewrite("https://kettleandcrumb.blogspot.com/p/about.html").first, "/about");
  EXPECT_EQ(rewrite("https://kettleandcrumb.blogspot.com/search/label/Kitchen%20Notes").first, "/tags/kitchen-notes/");
  EXPECT_EQ(rewrite("https://kettleandcrumb.blogspot.com/2021/03/").first, "/archive/2021/03/");
  EXPECT_EQ(rewrite("https://kettleandcrumb.blogspot.com/2021/").first, "/archive/2021/");
  EXPECT_EQ(rewrite("https://kettleandcrumb.blogspot.com/2021_03_01_archive.html").first, "/archive/2021/03/");
  EXPECT_EQ(rewrite("https://kettleandcrumb.blogspot.com/").first, "/");
}

TEST(LinkRewriter, MissingPostsAreKeptAndReported) {
  auto r = rewrite("https://kettleandcrumb.blogspot.com/2019/01/never-written.html");
  EXPECT_EQ(r.first, "https://kettleandcrumb.blogspot.com/2019/01/never-written.html");
  EXPECT_EQ(r.second, "missing");
}

// Relative references the new site cannot answer point at the old blog,
// absolute: from the new route (a folder deeper) the relative form would
// name another file.
TEST(LinkRewriter, RelativeImagesAndLinksNotHeldPointAtTheOldBlog) {
  EXPECT_EQ(rewrite("../../images/2014/10/config.png", DocKind::Image, "/2014/10/custom-ui.html"),
            (std::pair<std::string, std::string>{"https://kettleandcrumb.blogspot.com/images/2014/10/config.png",
                                                 "remote"}));
  EXPECT_EQ(rewrite("photo.jpg", DocKind::Image, "/2014/10/custom-ui.html").first,
            "https://kettleandcrumb.blogspot.com/2014/10/photo.jpg");
  EXPECT_EQ(rewrite("never-written.html", DocKind::Link, "/2019/01/x.html"),
            (std::pair<std::string, std::string>{"https://kettleandcrumb.blogspot.com/2019/01/never-written.html",
                                                 "missing"}));
  // Absolute and scheme-relative ones stay as they were.
  EXPECT_EQ(rewrite("//other.example/a.png", DocKind::Image).first, "//other.example/a.png");
  EXPECT_EQ(rewrite("data:image/gif;base64,R0lGOD", DocKind::Image).first, "data:image/gif;base64,R0lGOD");
}

TEST(LinkRewriter, OtherSitesAndAnchorsAreLeftAlone) {
  EXPECT_EQ(rewrite("https://www.python.org/downloads/"),
            (std::pair<std::string, std::string>{"https://www.python.org/downloads/", "external"}));
  EXPECT_EQ(rewrite("#section-2").second, "external");
  EXPECT_EQ(rewrite("mailto:maggie@example.com").second, "external");
  EXPECT_EQ(rewrite("https://otherblog.blogspot.com/2021/03/sourdough.html").second, "external");
}

TEST(LinkRewriter, HeldImagesAreMadeLocalWhateverTheSizeVariantAndHost) {
  for (const char* url : {"https://1.bp.blogspot.com/-abc/XYZ/AAAA/def/s1600/loaf.jpg",
                          "http://3.bp.blogspot.com/-abc/XYZ/AAAA/def/s320/loaf.jpg",
                          "https://2.bp.blogspot.com/-abc/XYZ/AAAA/def/w400-h300/loaf.jpg"}) {
    SCOPED_TRACE(url);
    EXPECT_EQ(rewrite(url, DocKind::Image), (std::pair<std::string, std::string>{"./image-1.jpg", "local"}));
  }
  EXPECT_EQ(rewrite("https://example.com/photo.png", DocKind::Image).second, "remote");
}

TEST(LinkRewriter, SameImageTwiceIsOneFileAndAttachmentsAreLocalToo) {
  DocNode doc;
  DocNode* p = doc.add(DocKind::Paragraph);
  p->add(DocKind::Image)->url = "https://1.bp.blogspot.com/-abc/XYZ/AAAA/def/s320/loaf.jpg";
  p->add(DocKind::Image)->url = "https://1.bp.blogspot.com/-abc/XYZ/AAAA/def/s1600/loaf.jpg";
  p->add(DocKind::Link)->url = "http://kettleandcrumb.blogspot.com/files/recipe.pdf";
  RewriteResult r = rewrite_links(doc, site(), "/2021/04/post.html");
  EXPECT_EQ(p->children[0]->url, "./image-1.jpg");
  EXPECT_EQ(p->children[1]->url, "./image-1.jpg");
  EXPECT_EQ(p->children[2]->url, "./attachment-1.pdf");
  ASSERT_EQ(r.files.size(), 2u);
  EXPECT_EQ(r.files[0], (std::pair<std::string, int64_t>{"image-1.jpg", 7}));
  EXPECT_EQ(r.url_map.at("http://kettleandcrumb.blogspot.com/files/recipe.pdf"), "./attachment-1.pdf");
}

TEST(LinkRewriter, LinksInsideKeptRawHtmlAreRewrittenToo) {
  DocNode doc;
  DocNode* raw = doc.add(DocKind::RawBlock);
  raw->text =
      "<table rowspan=\"2\"><tr><td><a href=\"https://kettleandcrumb.blogspot.com/2021/03/sourdough.html?m=1\">"
      "x</a> <img src=\"http://3.bp.blogspot.com/-abc/XYZ/AAAA/def/s320/loaf.jpg\"> <iframe "
      "src=\"https://www.youtube.com/embed/x\"></iframe></td></tr></table>";
  RewriteResult r = rewrite_links(doc, site(), "/2021/04/post.html");
  EXPECT_NE(raw->text.find("href=\"/2021/03/sourdough\""), std::string::npos) << raw->text;
  EXPECT_NE(raw->text.find("src=\"./image-1.jpg\""), std::string::npos) << raw->text;
  EXPECT_NE(raw->text.find("src=\"https://www.youtube.com/embed/x\""), std::string::npos) << raw->text;
  EXPECT_EQ(r.links.size(), 2u);
}
