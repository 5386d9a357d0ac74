// The new site's feed (load/feed/): its file per layout and route, every
// live post in it newest first with the id its entry had in Blogger's feed,
// links at the new routes, both formats well-formed XML, and re-runs.
#include <gtest/gtest.h>

#include "feed_entries.h"
#include "feed_test_support.h"
#include "feed_xml.h"
#include "site_feed.h"

namespace blogshift {
namespace {

using testing::FeedSite;
using testing::read_all;
using testing::xpath_texts;

TEST(FeedFile, GoesToTheStaticFolderOfEachLayout) {
  EXPECT_EQ(feed_file_path("astro", "/rss.xml"), "public/rss.xml");
  EXPECT_EQ(feed_file_path("hugo", "/rss.xml"), "static/rss.xml");
  EXPECT_EQ(feed_file_path("jekyll", "/rss.xml"), "rss.xml");
  EXPECT_EQ(feed_file_path("astro", "/feeds/posts/default/"), "public/feeds/posts/default/index.xml");
  EXPECT_EQ(feed_file_path("hugo", "/"), "static/index.xml");
  // A feed hosted elsewhere, or no route: nothing to write.
  EXPECT_EQ(feed_file_path("astro", "https://feeds.example.org/blog"), "");
  EXPECT_EQ(feed_file_path("astro", ""), "");
  EXPECT_EQ(feed_file_path("astro", "rss.xml"), "");
}

TEST(FeedDates, Rfc822ForRss) {
  EXPECT_EQ(rfc822_date("2021-03-14T16:15:00.123Z"), "Sun, 14 Mar 2021 16:15:00 +0000");
  EXPECT_EQ(rfc822_date("2000-02-29T00:00:00Z"), "Tue, 29 Feb 2000 00:00:00 +0000");
  EXPECT_EQ(rfc822_date("not a date"), "");
}

TEST(FeedIds, TheBloggerIdWhenBothNumbersAreKnownElseTheOldPermalink) {
  EXPECT_EQ(old_entry_id("123", "456", "x.blogspot.com", "/2020/01/a.html"), "tag:blogger.com,1999:blog-123.post-456");
  EXPECT_EQ(old_entry_id("host:x.blogspot.com", "", "x.blogspot.com", "/2020/01/a.html"),
            "https://x.blogspot.com/2020/01/a.html");
  EXPECT_EQ(old_entry_id("host:x", "", "", ""), "");
}

struct Case {
  const char* layout;
  const char* route;
  const char* file;
  const char* format;
};

class FeedLayouts : public ::testing::TestWithParam<Case> {};

TEST_P(FeedLayouts, EveryLivePostNewestFirstWithItsBloggerId) {
  const Case c = GetParam();
  FeedSite site(std::string("feed-") + c.layout, c.layout, c.route);
  const LoadReport report = site.load();
  EXPECT_EQ(report.feed.path, c.file);
  EXPECT_EQ(report.feed.format, c.format);
  const std::string xml = read_all(site.out() / c.file);
  ASSERT_FALSE(xml.empty()) << c.file;
  const std::vector<std::string> expected = testing::sample_live_post_ids();
  ASSERT_GE(expected.size(), 5u);
  const bool rss = std::string(c.format) == "rss";
  const auto ids = xpath_texts(xml, rss ? "/rss/channel/item/guid" : "/a:feed/a:entry/a:id");
  EXPECT_EQ(ids, expected);
  EXPECT_EQ(report.feed.entries, static_cast<int64_t>(expected.size()));
  EXPECT_EQ(report.feed.entries_with_old_id, report.feed.entries);
  // Links are the new routes on the new site, one per live post.
  const auto links = xpath_texts(xml, rss ? "/rss/channel/item/link" : "/a:feed/a:entry/a:link[@rel='alternate']/@href");
  std::vector<std::string> routes;
  auto q = site.db().prepare(
      "SELECT 'https://new.example.org' || d.route FROM documents d JOIN items i ON i.id = d.item_id"
      " WHERE d.kind = 'post' AND i.status = 'LIVE' ORDER BY i.published_utc DESC");
  while (q.step()) routes.push_back(q.column_text(0));
  EXPECT_EQ(links, routes);
  if (rss) {
    EXPECT_EQ(xpath_texts(xml, "/rss/channel/item/guid[@isPermaLink='false']").size(), expected.size());
  } else {
    EXPECT_EQ(xpath_texts(xml, "/a:feed/a:id"), std::vector<std::string>{"tag:blogger.com,1999:blog-4815162342108000001"});
    EXPECT_EQ(xpath_texts(xml, "/a:feed/a:entry/a:author/a:name").size(), expected.size());
    EXPECT_EQ(xpath_texts(xml, "/a:feed/a:entry/a:content[@type='html']").size(), expected.size());
  }
}

INSTANTIATE_TEST_SUITE_P(Layouts, FeedLayouts,
                         ::testing::Values(Case{"astro", "/rss.xml", "public/rss.xml", "rss"},
                                           Case{"hugo", "/feed.xml", "static/feed.xml", "atom"},
                                           Case{"jekyll", "/atom.xml", "atom.xml", "atom"},
                                           Case{"astro", "/feeds/posts/default/",
                                                "public/feeds/posts/default/index.xml", "atom"}),
                         [](const auto& p) {
                           return std::string(p.param.layout) + "_" + p.param.format + "_" +
                                  std::to_string(p.index);
                         });

TEST(SiteFeed, HoldsTheLatestEntriesAskedFor) {
  FeedSite site("feed-limit", "astro", "/atom.xml");
  site.load(3);
  const auto ids = xpath_texts(read_all(site.out() / "public/atom.xml"), "/a:feed/a:entry/a:id");
  const auto all = testing::sample_live_post_ids();
  EXPECT_EQ(ids, std::vector<std::string>(all.begin(), all.begin() + 3));
}

TEST(SiteFeed, ARerunLeavesItAloneAndNoFeedRemovesIt) {
  FeedSite site("feed-rerun", "hugo", "/rss.xml");
  EXPECT_TRUE(site.load().feed.written);
  const auto file = site.out() / "static/rss.xml";
  const std::string first = read_all(file);
  const LoadReport again = site.load();
  EXPECT_FALSE(again.feed.written);
  EXPECT_EQ(read_all(file), first);
  const LoadReport none = site.load(0);
  EXPECT_TRUE(none.feed.path.empty());
  EXPECT_EQ(none.feed.skipped, "--feed-entries 0");
  EXPECT_FALSE(std::filesystem::exists(file));
}

TEST(SiteFeed, AnEditedFeedIsKept) {
  FeedSite site("feed-edit", "jekyll", "/rss.xml");
  site.load();
  const auto file = site.out() / "rss.xml";
  { std::ofstream(file, std::ios::binary | std::ios::trunc) << "<rss version=\"2.0\"><channel/></rss>\n"; }
  const LoadReport report = site.load(10);
  EXPECT_EQ(report.feed.kept, std::vector<std::string>{"rss.xml"});
  EXPECT_EQ(read_all(file), "<rss version=\"2.0\"><channel/></rss>\n");
}

TEST(SiteFeed, RelativeLinksWithoutASiteUrlAndNoControlCharacters) {
  FeedSite site("feed-relative", "astro", "/atom.xml");
  // A title with characters XML 1.0 cannot hold (a real export can carry them).
  site.db().exec("UPDATE items SET title = 'Bell' || char(7) || ' & tab' || char(9) || 'end' WHERE kind = 'post' AND status = 'LIVE'");
  site.load(25, "");
  const std::string xml = read_all(site.out() / "public/atom.xml");
  const auto titles = xpath_texts(xml, "/a:feed/a:entry/a:title");
  ASSERT_FALSE(titles.empty());
  EXPECT_EQ(titles.front(), "Bell & tab\tend");
  const auto links = xpath_texts(xml, "/a:feed/a:entry/a:link/@href");
  ASSERT_FALSE(links.empty());
  EXPECT_EQ(links.front().front(), '/');
  EXPECT_EQ(xpath_texts(xml, "/a:feed/a:link[@rel='self']/@href"), std::vector<std::string>{"/atom.xml"});
}

TEST(SiteFeed, NoneWhenTheRouteIsElsewhere) {
  FeedSite site("feed-elsewhere", "astro", "https://feeds.example.org/kettle");
  const LoadReport report = site.load();
  EXPECT_TRUE(report.feed.path.empty());
  EXPECT_NE(report.feed.skipped.find("not a path on the new site"), std::string::npos) << report.feed.skipped;
}

// Every corpus source: a feed of all its live posts parses, and each entry
// is the post at its link under that post's Blogger id.
class CorpusFeed : public ::testing::TestWithParam<const char*> {};

TEST_P(CorpusFeed, EveryLivePostUnderItsBloggerId) {
  if (!testing::corpus_available()) GTEST_SKIP() << "../shared/corpus is not here";
  FeedSite site("feed-corpus", "astro", "/atom.xml", testing::corpus(GetParam()));
  const LoadReport report = site.load(1000000);
  const std::string xml = read_all(site.out() / "public/atom.xml");
  const auto ids = xpath_texts(xml, "/a:feed/a:entry/a:id");
  const auto links = xpath_texts(xml, "/a:feed/a:entry/a:link[@rel='alternate']/@href");
  std::vector<std::string> want_ids, want_links;
  // A mirror that kept no Blogger ids (program-think's offline copy): the
  // post's old permalink is its id, the one stable name it had.
  auto q = site.db().prepare(
      "SELECT CASE WHEN i.blog_id GLOB '[0-9]*' AND i.blogger_id GLOB '[0-9]*'"
      " THEN 'tag:blogger.com,1999:blog-' || i.blog_id || '.post-' || i.blogger_id"
      " ELSE 'https://' || (SELECT host FROM blog_hosts h WHERE h.blog_id = i.blog_id ORDER BY length(host), host"
      " LIMIT 1) || i.legacy_path END, 'https://new.example.org' || d.route,"
      " i.blog_id GLOB '[0-9]*' AND i.blogger_id GLOB '[0-9]*'"
      " FROM documents d JOIN items i ON i.id = d.item_id WHERE d.kind = 'post' AND i.status = 'LIVE'"
      " ORDER BY i.published_utc DESC, i.id DESC");
  int64_t with_old_id = 0;
  while (q.step()) {
    want_ids.push_back(q.column_text(0));
    want_links.push_back(q.column_text(1));
    with_old_id += q.column_int(2);
  }
  ASSERT_FALSE(want_ids.empty());
  EXPECT_EQ(ids, want_ids);
  EXPECT_EQ(links, want_links);
  EXPECT_EQ(report.feed.entries_with_old_id, with_old_id);
}

std::string corpus_feed_name(const ::testing::TestParamInfo<const char*>& info) {
  static const char* const names[] = {"arborlodge_classic", "arborlodge_takeout", "pelican", "program_think_sample",
                                      "rendered_pages"};
  return names[info.index];
}

INSTANTIATE_TEST_SUITE_P(Sources, CorpusFeed,
                         ::testing::Values("arborlodge-classic-export/blogger-export-2022-02.xml.gz",
                                           "arborlodge-takeout-derived/feed.atom.gz",
                                           "pelican-fixture-classic-export/bloggerexport.xml",
                                           "program-think-offline/sample", "blogger-rendered-pages"),
                         corpus_feed_name);

}  // namespace
}  // namespace blogshift
