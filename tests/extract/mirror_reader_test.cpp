// The mirror reader on small folders written by the test.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "collecting_sink.h"
#include "crawl/crawl_ingest.h"
#include "crawl/mirror_reader.h"
#include "errors.h"
#include "temp_file.h"
#include "test_paths.h"

namespace blogshift {
namespace {

namespace fs = std::filesystem;
using testing::CollectingSink;

void write(const fs::path& p, const std::string& text) { testing::write_file(p, text); }

std::string post_page(const std::string& url, const std::string& title) {
  return "<!DOCTYPE html><html class='v2'><head><meta content='blogger' name='generator'/>"
         "<link href='" + url + "' rel='canonical'/>"
         "<link rel='service.post' href='https://www.blogger.com/feeds/777/posts/default'/></head><body>"
         "<div class='widget Blog' id='Blog1'><div class='post-outer'><div class='post hentry'>"
         "<meta content='42' itemprop='postId'/><h3 class='post-title entry-title'>" + title + "</h3>"
         "<div class='post-body entry-content'><p>Hello</p></div>"
         "<abbr class='published' title='2020-01-02T03:04:05+01:00'>3:04</abbr></div></div></div></body></html>";
}

TEST(MirrorReader, RebuildsUrlsFromTheWgetLayout) {
  fs::path dir = testing::temp_dir("mirror-wget");
  write(dir / "blog.example.com/2020/01/post.html", post_page("https://blog.example.com/2020/01/post.html", "One"));
  write(dir / "blog.example.com/2020/01/post.html@m=1", post_page("https://blog.example.com/2020/01/post.html", "One"));
  write(dir / "blog.example.com/index.html", "<html><body>not blogger</body></html>");
  write(dir / "blog.example.com/img/a.png", "\x89PNG");
  CollectingSink sink;
  read_mirror(dir.string(), sink);
  ASSERT_EQ(sink.items.size(), 2u);
  EXPECT_EQ(sink.items[0].urls.back(), "http://blog.example.com/2020/01/post.html");
  EXPECT_EQ(sink.items[1].urls.back(), "http://blog.example.com/2020/01/post.html?m=1");
  EXPECT_EQ(sink.items[0].legacy_path, "/2020/01/post.html");
  EXPECT_EQ(sink.items[0].evidence, Evidence::Permalink);
  EXPECT_EQ(sink.items[0].blog_id, "777");
  ASSERT_EQ(sink.assets.size(), 2u);
  EXPECT_EQ(sink.assets[0].url, "http://blog.example.com/img/a.png");
  EXPECT_EQ(sink.assets[0].content_type, "image/png");
  EXPECT_EQ(sink.assets[1].url, "http://blog.example.com/");
  EXPECT_EQ(sink.count_problems("HTML_NOT_BLOGGER"), 1u);
  fs::remove_all(dir);
}

TEST(MirrorReader, WithoutHostFoldersUsesTheCanonicalUrl) {
  fs::path dir = testing::temp_dir("mirror-plain");
  write(dir / "2020/01/post.html%3Fm=1", post_page("https://blog.example.com/2020/01/post.html", "One"));
  CollectingSink sink;
  read_mirror(dir.string(), sink);
  ASSERT_EQ(sink.items.size(), 1u);
  EXPECT_EQ(sink.items[0].urls.front(), "https://blog.example.com/2020/01/post.html");
  EXPECT_EQ(sink.items[0].legacy_path, "/2020/01/post.html");
  ASSERT_FALSE(sink.blogs.empty());
  EXPECT_EQ(sink.blogs[0].hosts.front(), "blog.example.com");
  fs::remove_all(dir);
}

TEST(MirrorReader, UnreadableFileIsAProblemAndTheRestGoesOn) {
  fs::path dir = testing::temp_dir("mirror-unreadable");
  write(dir / "a.example.com/b.css", "b{}");
  // A dangling link inside the folder cannot be read, even by root.
  fs::create_symlink(dir / "a.example.com/gone.css", dir / "a.example.com/a.css");
  CollectingSink sink;
  read_mirror(dir.string(), sink);
  EXPECT_EQ(sink.count_problems("MIRROR_UNREADABLE"), 1u);
  ASSERT_EQ(sink.assets.size(), 1u);
  EXPECT_EQ(sink.assets[0].bytes, "b{}");
  fs::remove_all(dir);
}

TEST(MirrorReader, SymlinksLeavingTheFolderAreNotFollowed) {
  fs::path dir = testing::temp_dir("mirror-symlink");
  fs::path outside = testing::temp_dir("mirror-outside");
  write(outside / "secret.txt", "secret");
  write(dir / "a.example.com/style.css", "b{}");
  fs::create_symlink(outside / "secret.txt", dir / "a.example.com/link.txt");
  fs::create_directory_symlink(outside, dir / "a.example.com/linkdir");
  CollectingSink sink;
  read_mirror(dir.string(), sink);
  ASSERT_EQ(sink.assets.size(), 1u);
  EXPECT_EQ(sink.assets[0].bytes, "b{}");
  EXPECT_EQ(sink.skips.size(), 2u);
  fs::remove_all(dir);
  fs::remove_all(outside);
}

TEST(MirrorReader, MissingFolderIsFatal) {
  CollectingSink sink;
  EXPECT_THROW(read_mirror("/nonexistent/blogshift/mirror", sink), FatalError);
}

TEST(CrawlIngest, ListingPageWithNothingNewIsSkipped) {
  CrawledFile file;
  file.url = "https://blog.example.com/search/label/x";
  file.content_type = "text/html; charset=UTF-8";
  file.bytes = "<html><head><meta name='generator' content='blogger'></head><body>"
               "<div class='widget Blog' id='Blog1'><div class='blog-posts'></div></div></body></html>";
  file.position.file = "x.warc";
  CollectingSink sink;
  ingest_crawled_file(file, sink);
  EXPECT_TRUE(sink.items.empty());
  ASSERT_EQ(sink.skips.size(), 1u);
  EXPECT_EQ(sink.skips[0].why, "listing page");
}

TEST(CrawlIngest, SniffsHtml) {
  EXPECT_TRUE(looks_like_html("", "\xEF\xBB\xBF  <!-- x --> <!DOCTYPE html><html>"));
  EXPECT_TRUE(looks_like_html("text/html;charset=utf-8", ""));
  EXPECT_FALSE(looks_like_html("image/png", "<html>"));
  EXPECT_FALSE(looks_like_html("", "body { color: red }"));
}

}  // namespace
}  // namespace blogshift
