#include "url.h"

#include <gtest/gtest.h>

using namespace blogshift;

TEST(Url, SplitsBloggerUrls) {
  UrlParts p = parse_url("HTTPS://Example.BlogSpot.com:8080/2023/07/slug.html?m=1#more");
  EXPECT_EQ(p.scheme, "https");
  EXPECT_EQ(p.host, "example.blogspot.com");
  EXPECT_EQ(p.port, "8080");
  EXPECT_EQ(p.path, "/2023/07/slug.html");
  EXPECT_EQ(p.query, "m=1");
  EXPECT_EQ(p.fragment, "more");
}

TEST(Url, SchemeRelativeAndRelative) {
  EXPECT_EQ(parse_url("//3.bp.blogspot.com/a/s32/x.jpg").host, "3.bp.blogspot.com");
  UrlParts rel = parse_url("../../2009/01/2.html");
  EXPECT_EQ(rel.host, "");
  EXPECT_EQ(rel.path, "../../2009/01/2.html");
}

TEST(Url, PostAndPagePaths) {
  EXPECT_TRUE(is_post_path("/2023/07/pleased-to-announce.html"));
  EXPECT_TRUE(is_post_path("/2009/01/0.html"));
  EXPECT_FALSE(is_post_path("/2023/07/"));
  EXPECT_FALSE(is_post_path("/search/label/x.html"));
  EXPECT_TRUE(is_page_path("/p/about.html"));
  EXPECT_FALSE(is_page_path("/p/a/b.html"));
}

TEST(Url, CanonicalDropsMobileSwitchAndFragment) {
  EXPECT_EQ(canonical_page_url("https://x.blogspot.com/2020/01/a.html?m=1#c123"), "https://x.blogspot.com/2020/01/a.html");
  EXPECT_EQ(canonical_page_url("http://x.blogspot.com/search?q=a&m=0"), "http://x.blogspot.com/search?q=a");
}

TEST(Url, PercentDecode) {
  EXPECT_EQ(percent_decode("a%20b%zz%"), "a b%zz%");
  EXPECT_EQ(percent_decode("%E4%B9%A6"), "\xE4\xB9\xA6");
}

TEST(Url, PercentEncodeEscapesWhatItIsTold) {
  auto spaces_and_high = [](unsigned char c) { return c == ' ' || c >= 0x80; };
  EXPECT_EQ(percent_encode("a b/\xC3\xA9%41", spaces_and_high), "a%20b/%C3%A9%41");
  EXPECT_EQ(percent_decode(percent_encode("x y", spaces_and_high)), "x y");
}

namespace blogshift {
namespace {

TEST(JavascriptUrl, AsABrowserReadsTheScheme) {
  EXPECT_TRUE(is_javascript_url("javascript:alert(1)"));
  EXPECT_TRUE(is_javascript_url("  JavaScript:void(0)"));
  EXPECT_TRUE(is_javascript_url("java\tscript:alert(3)"));
  EXPECT_TRUE(is_javascript_url("\x01java\nscr\ript:x"));
  EXPECT_FALSE(is_javascript_url("https://example.com/javascript:"));
  EXPECT_FALSE(is_javascript_url("javascript"));
  EXPECT_FALSE(is_javascript_url("java script:x"));
  EXPECT_FALSE(is_javascript_url(""));
}

}  // namespace
}  // namespace blogshift
