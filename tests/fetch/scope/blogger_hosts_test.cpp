// Blogger's hosts: a blog's blogspot name in every country form, Blogger's
// own site, Google's image servers.
#include <gtest/gtest.h>

#include "scope/blogger_hosts.h"

using namespace blogshift::fetch;

TEST(BlogspotName, ComAndEveryCountryFormNameTheSameBlog) {
  for (const char* host : {"kettle.blogspot.com", "kettle.blogspot.fr", "kettle.blogspot.de", "kettle.blogspot.co.uk",
                           "kettle.blogspot.com.br", "kettle.blogspot.com.au", "kettle.blogspot.co.nz",
                           "KETTLE.BlogSpot.IN"})
    EXPECT_EQ(blogspot_name(host), "kettle") << host;
}

TEST(BlogspotName, ImageServersAndLookAlikesAreNotBlogs) {
  for (const char* host : {"1.bp.blogspot.com", "bp.blogspot.com", "blogspot.com", "kettle.blogspot.evil.net",
                           "kettle.blogspot.com.evil.net", "kettle-blogspot.com", "kettle.blogspot.", "a.b.blogspot.com",
                           "kettle.blogspot.info"})
    EXPECT_FALSE(blogspot_name(host)) << host;
}

TEST(BloggerSite, BloggerComAndItsSubdomains) {
  EXPECT_TRUE(is_blogger_site("blogger.com"));
  EXPECT_TRUE(is_blogger_site("www.blogger.com"));
  EXPECT_TRUE(is_blogger_site("draft.Blogger.com"));
  EXPECT_FALSE(is_blogger_site("myblogger.com"));
  EXPECT_FALSE(is_blogger_site("kettle.blogspot.com"));
}

TEST(ImageServer, GooglesBloggerImageHosts) {
  for (const char* host : {"1.bp.blogspot.com", "4.bp.blogspot.com", "bp.blogspot.com", "blogger.googleusercontent.com",
                           "lh3.googleusercontent.com", "lh7-us.googleusercontent.com", "lh5.ggpht.com",
                           "LH4.GGPHT.COM", "bp1.blogger.com", "photos1.blogger.com"})
    EXPECT_TRUE(is_image_server(host)) << host;
}

TEST(ImageServer, OtherHostsAreNot) {
  for (const char* host : {"kettle.blogspot.com", "www.blogger.com", "googleusercontent.com.evil.net", "ggpht.com",
                           "x.ggpht.com", "bp.blogger.com", "photos.blogger.com", "example.com", "blogblog.com"})
    EXPECT_FALSE(is_image_server(host)) << host;
}
