// File extensions: images, attachments, and what is neither.
#include <gtest/gtest.h>

#include "scope/media_types.h"

using namespace blogshift::fetch;

TEST(MediaTypes, ExtensionOfTheLastSegmentOnly) {
  EXPECT_EQ(file_extension("/a/b/photo.JPG"), "JPG");
  EXPECT_EQ(file_extension("/a.dir/file"), "");
  EXPECT_EQ(file_extension("/file.pdf?download=1"), "pdf");
  EXPECT_EQ(file_extension("/.hidden"), "");
  EXPECT_EQ(file_extension("/"), "");
}

TEST(MediaTypes, Images) {
  for (const char* p : {"/a.jpg", "/a.JPEG", "/a.png", "/a.gif", "/a.webp", "/a.svg"}) EXPECT_TRUE(is_image_file(p)) << p;
  EXPECT_FALSE(is_image_file("/a.pdf"));
  EXPECT_FALSE(is_image_file("/2023/07/post.html"));
}

TEST(MediaTypes, AttachmentsAreNonHtmlMedia) {
  for (const char* p : {"/a.pdf", "/a.zip", "/a.mp3", "/a.docx", "/a.epub", "/a.MP4", "/a.xlsx"})
    EXPECT_TRUE(is_attachment_file(p)) << p;
  for (const char* p : {"/a.html", "/a.htm", "/a.php", "/a.jpg", "/a", "/a.xml"}) EXPECT_FALSE(is_attachment_file(p)) << p;
}
