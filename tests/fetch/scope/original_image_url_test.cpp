// The original of a Blogger image: size options replaced by s0.
#include <gtest/gtest.h>

#include "scope/blog_scope.h"

using blogshift::fetch::original_image_url;

TEST(OriginalImageUrl, PathFormSizeBecomesS0) {
  EXPECT_EQ(original_image_url("https://1.bp.blogspot.com/-abc/XyZ/AAAA/key/s320/bread.jpg"),
            "https://1.bp.blogspot.com/-abc/XyZ/AAAA/key/s0/bread.jpg");
  EXPECT_EQ(original_image_url("https://1.bp.blogspot.com/-abc/XyZ/AAAA/key/w400-h300/bread.jpg"),
            "https://1.bp.blogspot.com/-abc/XyZ/AAAA/key/s0/bread.jpg");
}

TEST(OriginalImageUrl, CropAndHtmlPageOptionsGoToo) {
  EXPECT_EQ(original_image_url("https://1.bp.blogspot.com/-a/b/c/d/s72-c/x.png"), "https://1.bp.blogspot.com/-a/b/c/d/s0/x.png");
  EXPECT_EQ(original_image_url("http://3.bp.blogspot.com/-a/b/c/d/s1600-h/x.png"), "http://3.bp.blogspot.com/-a/b/c/d/s0/x.png");
}

TEST(OriginalImageUrl, SuffixFormBecomesS0) {
  EXPECT_EQ(original_image_url("https://blogger.googleusercontent.com/img/b/R29v/AVvXsEh/w400-h300-p-k-no-nu/x.jpg"),
            "https://blogger.googleusercontent.com/img/b/R29v/AVvXsEh/s0/x.jpg");
  EXPECT_EQ(original_image_url("https://blogger.googleusercontent.com/img/a/AVvXsEgQ=w640-h360"),
            "https://blogger.googleusercontent.com/img/a/AVvXsEgQ=s0");
  EXPECT_EQ(original_image_url("https://lh3.googleusercontent.com/abc=s220-c"), "https://lh3.googleusercontent.com/abc=s0");
}

TEST(OriginalImageUrl, OriginalsAndOtherUrlsAreUnchanged) {
  const char* same[] = {"https://1.bp.blogspot.com/-a/b/c/d/s0/x.png", "https://blogger.googleusercontent.com/img/a/AVvXsEgQ",
                        "https://example.com/s320/x.jpg", "https://kettle.blogspot.com/2023/07/post.html", "not a url"};
  for (const char* url : same) EXPECT_EQ(original_image_url(url), url);
}
