// The profile image an export gives an author (core/blogger_image_url.h).
#include <gtest/gtest.h>

#include "blogger_image_url.h"

namespace blogshift {
namespace {

TEST(ProfileImage, SchemeRelativeBecomesHttpsAtFullSize) {
  // As Takeout writes it (the corpus's gd:image).
  EXPECT_EQ(profile_image_url("//lh3.googleusercontent.com/zFdxGE77vvD2w5xHy6jkVu=s35"),
            "https://lh3.googleusercontent.com/zFdxGE77vvD2w5xHy6jkVu=s1600");
  EXPECT_EQ(profile_image_url(" //blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEh/s113/me.jpg "),
            "https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEh/s1600/me.jpg");
  // Any other host is kept as it is.
  EXPECT_EQ(profile_image_url("https://example.org/me.png"), "https://example.org/me.png");
}

TEST(ProfileImage, BloggersPlaceholdersAndNonWebUrlsAreNoImage) {
  EXPECT_EQ(profile_image_url("//img1.blogblog.com/img/b16-rounded.gif"), "");
  EXPECT_EQ(profile_image_url("https://img1.blogblog.com/img/blank.gif"), "");
  EXPECT_EQ(profile_image_url("http://img2.blogblog.com/img/anon36.png"), "");
  EXPECT_EQ(profile_image_url("https://www.blogger.com/img/blogger_logo_round_35.png"), "");  // arborlodge's 12 of 16
  EXPECT_EQ(profile_image_url("//www.blogger.com/img/avatar_blue_m_96.png"), "");
  EXPECT_NE(profile_image_url("https://www.blogger.com/profile-image/x.png"), "") << "only its /img/ folder";
  EXPECT_EQ(profile_image_url(""), "");
  EXPECT_EQ(profile_image_url("javascript:alert(1)"), "");
  EXPECT_EQ(profile_image_url("data:image/png;base64,AAAA"), "");
  EXPECT_EQ(profile_image_url("/relative.png"), "");
}

}  // namespace
}  // namespace blogshift
