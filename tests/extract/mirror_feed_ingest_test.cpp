// A wget mirror holding the blog's feeds under the names wget gives them
// (feeds/posts/default, default?start-index=3&max-results=2, default?alt=rss,
// no extension): each entry an item, positioned in its file.
#include <gtest/gtest.h>

#include "crawl/mirror_reader.h"
#include "xml/atom_export_reader.h"
#include "feed_warc_builder.h"

namespace blogshift {
namespace {

using testing::CollectingSink;
using testing::feed_fixture;

TEST(MirrorFeedIngest, FeedFilesSavedByWgetAreReadAsFeeds) {
  const auto dir = testing::temp_dir("mirror-feeds");
  const auto host = dir / "lanternlane.blogspot.com";
  std::filesystem::create_directories(host / "feeds/posts");
  std::filesystem::create_directories(host / "feeds/comments");
  std::filesystem::create_directories(host / "feeds/2222222222222222222/comments");
  testing::write_file(host / "feeds/posts", "default", feed_fixture("posts-default-start1-max2.atom"));
  testing::write_file(host / "feeds/posts", "default?start-index=2&max-results=2",
                      feed_fixture("posts-default-start2-max2.atom"));
  testing::write_file(host / "feeds/posts", "default?alt=rss", feed_fixture("posts-default.rss"));
  testing::write_file(host / "feeds/comments", "default", feed_fixture("comments-default.atom"));
  testing::write_file(host / "feeds/2222222222222222222/comments", "default",
                      feed_fixture("post-2222222222222222222-comments.atom"));
  CollectingSink sink;
  read_mirror(dir.string(), sink);
  EXPECT_TRUE(sink.assets.empty());
  EXPECT_TRUE(sink.problems.empty());
  EXPECT_EQ(sink.count(ItemKind::Post), 2u + 2u + 3u);
  EXPECT_EQ(sink.count(ItemKind::Comment), 3u + 2u);
  for (const auto& item : sink.items) {
    EXPECT_NE(item.position.file.find("/feeds/"), std::string::npos);
    EXPECT_GT(item.position.offset, 0);  // inside its file
    EXPECT_EQ(item.evidence, item.position.file.find("alt=rss") == std::string::npos ? Evidence::Feed
                                                                                      : Evidence::Permalink);
  }
  std::filesystem::remove_all(dir);
}

TEST(MirrorFeedIngest, AnExportSavedInTheMirrorIsReadAsTheExport) {
  for (const char* name : {"exports/classic-small.xml", "sample-blog/feed.atom"}) {
    const auto dir = testing::temp_dir("mirror-export");
    std::filesystem::create_directories(dir / "lanternlane.blogspot.com");
    std::filesystem::copy_file(testing::fixture(name), dir / "lanternlane.blogspot.com" / "backup.xml");
    CollectingSink in_mirror, alone;
    read_mirror(dir.string(), in_mirror);
    read_atom_export(testing::fixture(name), alone);
    ASSERT_EQ(in_mirror.items.size(), alone.items.size()) << name;
    for (size_t i = 0; i < alone.items.size(); ++i) {
      EXPECT_EQ(in_mirror.items[i].kind, alone.items[i].kind) << name << " " << i;
      EXPECT_EQ(in_mirror.items[i].status, alone.items[i].status) << name << " " << i;
      EXPECT_EQ(in_mirror.items[i].parent_blogger_id, alone.items[i].parent_blogger_id) << name << " " << i;
      EXPECT_EQ(in_mirror.items[i].evidence, Evidence::Export);
    }
    EXPECT_EQ(in_mirror.problems.size(), alone.problems.size()) << name;
    std::filesystem::remove_all(dir);
  }
}

}  // namespace
}  // namespace blogshift
