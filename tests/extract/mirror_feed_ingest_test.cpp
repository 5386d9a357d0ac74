// A wget mirror holding the blog's feeds under the names wget gives them
// (feeds/posts/default, default?start-index=3&max-results=2, default?alt=rss,
// no extension): each entry an item, positioned in its file.
#include <gtest/gtest.h>

#include "crawl/mirror_reader.h"
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

}  // namespace
}  // namespace blogshift
