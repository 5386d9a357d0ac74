// A crawl's Blogger feeds (fixtures/feeds: a made-up blog's feeds in the
// layout Blogger serves) read from WARC files written here as `blogshift
// fetch` writes them: every entry an item with the export's fields and
// Evidence::Feed; paging overlap, the summary feed and the post's own page
// merge into one item; comments find their post; the RSS form; broken feeds.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "extractor.h"
#include "feed_warc_builder.h"
#include "warc/warc_reader.h"

namespace blogshift {
namespace {

using testing::Body;
using testing::CollectingSink;
using testing::feed_exchange;
using testing::feed_fixture;
using testing::page_exchange;
using testing::write_file;

const std::string kBase = "https://lanternlane.blogspot.com";
const std::string kBlog = "7301234567890123456";
const std::string kFirst = "1111111111111111111";   // Tea & toast (2 labels, a thumbnail, 1 comment)
const std::string kSecond = "2222222222222222222";  // Crème caramel (2 comments, one a reply)
const std::string kThird = "3333333333333333333";   // Rye, again
const std::string kFirstBody =
    "<div>Toast, butter &amp; tea.</div><div class=\"separator\" style=\"clear: both;\"><a "
    "href=\"https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEhLanternToastFake01/s1600/toast.jpg\"><img "
    "border=\"0\" src=\"https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEhLanternToastFake01/s320/toast.jpg\" "
    "/></a></div><a name='more'></a><p>More below the fold.</p>";

std::string posts_page(int start, int max) {
  return kBase + "/feeds/posts/default?start-index=" + std::to_string(start) + "&max-results=" + std::to_string(max);
}

// The post's own page, as the Simple template renders it, with a body that
// says it came from the page.
std::string second_post_page() {
  return "<!DOCTYPE html><html class='v2'><head><meta content='blogger' name='generator'/>"
         "<link href='" + kBase + "/2021/06/creme-caramel-slowly.html' rel='canonical'/>"
         "<title>Lantern Lane Kitchen: Crème caramel, slowly</title></head><body>"
         "<div class='blog-posts hfeed'><div class='date-outer'><h2 class='date-header'><span>Saturday, June 5, 2021</span></h2>"
         "<div class='post-outer'><div class='post hentry' itemprop='blogPost'>"
         "<meta content='" + kBlog + "' itemprop='blogId'/><meta content='" + kSecond + "' itemprop='postId'/>"
         "<h3 class='post-title entry-title' itemprop='name'>Crème caramel, slowly</h3>"
         "<div class='post-body entry-content' id='post-body-" + kSecond + "'><div>PAGE COPY</div></div>"
         "<div class='post-footer'><span class='post-author vcard'>Posted by <span class='fn'>"
         "<a class='g-profile' href='https://www.blogger.com/profile/15550001112223334445'>Wren Okafor</a></span></span>"
         " <a class='timestamp-link' href='" + kBase + "/2021/06/creme-caramel-slowly.html'>"
         "<abbr class='published' title='2021-06-05T17:45:10+02:00'>5:45 PM</abbr></a>"
         " <span class='post-labels'>Labels: <a href='" + kBase + "/search/label/Desserts' rel='tag'>Desserts</a></span>"
         "</div></div></div></div></div>"
         "<script>_WidgetManager._Init('//www.blogger.com/rearrange?blogID\\x3d" + kBlog + "');</script></body></html>";
}

class WarcFeedIngest : public ::testing::Test {
protected:
  ~WarcFeedIngest() override { std::filesystem::remove_all(dir); }

  CollectingSink read(const std::string& bytes) {
    path = write_file(dir, "crawl-" + std::to_string(++files) + ".warc", bytes);
    CollectingSink sink;
    read_warc(path, sink);
    return sink;
  }

  // Extracts WARC files made of these records into one staging database.
  std::unique_ptr<StagingStore> stage(const std::vector<std::string>& warcs) {
    auto store = std::make_unique<StagingStore>((dir / "staging.db").string());
    for (const auto& bytes : warcs) {
      Extractor extractor(*store, nullptr);
      SourceReport r = extractor.extract(write_file(dir, "source-" + std::to_string(++files) + ".warc", bytes));
      EXPECT_FALSE(r.unreadable);
    }
    return store;
  }

  static std::string one(StagingStore& store, const std::string& sql) {
    auto s = store.db().prepare(sql);
    return s.step() ? s.column_text(0) : "<none>";
  }

  static const ItemRecord* find(const CollectingSink& sink, const std::string& id) {
    for (const auto& i : sink.items)
      if (i.blogger_id == id) return &i;
    return nullptr;
  }

  std::filesystem::path dir = testing::temp_dir("warc-feed-ingest");
  std::string path;
  int files = 0;
};

TEST_F(WarcFeedIngest, PostsFeedGivesEveryFieldTheExportGives) {
  // gzip kept as received, with its Content-Encoding.
  auto sink = read(feed_exchange(posts_page(2, 2), feed_fixture("posts-default-start2-max2.atom"), Body::Gzip));
  ASSERT_EQ(sink.items.size(), 2u);
  const ItemRecord* p = find(sink, kFirst);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->kind, ItemKind::Post);
  EXPECT_EQ(p->blog_id, kBlog);
  EXPECT_EQ(p->status, ItemStatus::Live);
  EXPECT_EQ(p->evidence, Evidence::Feed);
  EXPECT_FALSE(p->body_evidence.has_value());
  EXPECT_EQ(p->title, "Tea & toast: a first post");
  EXPECT_EQ(p->published, "2021-01-10T08:30:00.123+01:00");  // the offset as written
  EXPECT_EQ(p->updated, "2021-01-11T09:00:00.000+01:00");
  EXPECT_EQ(p->labels, (std::vector<std::string>{"Breakfast", "Notes"}));
  EXPECT_EQ(p->legacy_path, "/2021/01/tea-toast-first-post.html");
  EXPECT_EQ(p->urls, (std::vector<std::string>{kBase + "/2021/01/tea-toast-first-post.html"}));
  EXPECT_EQ(p->body_html, kFirstBody);  // the post body's bytes, unescaped once
  EXPECT_EQ(p->author_name, "Wren Okafor");
  EXPECT_EQ(p->author_uri, "https://www.blogger.com/profile/15550001112223334445");
  EXPECT_NE(p->extra_json.find("\"thumbnail@url\":\"https://blogger.googleusercontent.com/"), std::string::npos);
  EXPECT_NE(p->extra_json.find("\"comments\":\"1\""), std::string::npos);
  // Each entry is a unit: its position is the WARC record, its line and column the entry's.
  EXPECT_EQ(p->position.file, path);
  EXPECT_GT(p->position.offset, 0);
  EXPECT_GT(p->position.column, 1);
  EXPECT_TRUE(sink.problems.empty());
  ASSERT_FALSE(sink.blogs.empty());
  EXPECT_EQ(sink.blogs[0].blog_id, kBlog);
  EXPECT_EQ(sink.blogs[0].title, "Lantern Lane Kitchen");
  EXPECT_EQ(sink.blogs[0].hosts, (std::vector<std::string>{"lanternlane.blogspot.com"}));
  EXPECT_EQ(sink.skips.size(), 1u);  // the request record
}

TEST_F(WarcFeedIngest, DechunkedAndGzippedBodiesAreReadAsReceived) {
  for (Body how : {Body::Plain, Body::Dechunked, Body::GzipDechunked}) {
    auto sink = read(feed_exchange(posts_page(1, 2), feed_fixture("posts-default-start1-max2.atom"), how));
    EXPECT_EQ(sink.items.size(), 2u) << static_cast<int>(how);
    EXPECT_TRUE(sink.problems.empty()) << sink.problems.front().message;
  }
}

TEST_F(WarcFeedIngest, PagingOverlapSummaryFeedAndThePostsPageGiveOneItemWithTheFeedsFields) {
  const std::string summary_url = kBase + "/feeds/posts/summary";
  const std::string page_url = kBase + "/2021/06/creme-caramel-slowly.html";
  // The post's page first, then the summary, then both pages of the posts feed (post 2 on both).
  auto store = stage({page_exchange(page_url, second_post_page()) +
                          feed_exchange(summary_url, feed_fixture("posts-summary.atom"), Body::Gzip),
                      feed_exchange(posts_page(1, 2), feed_fixture("posts-default-start1-max2.atom"), Body::Dechunked) +
                          feed_exchange(posts_page(2, 2), feed_fixture("posts-default-start2-max2.atom"))});
  EXPECT_EQ(one(*store, "SELECT COUNT(*) FROM items WHERE kind = 'post'"), "3");
  const std::string second = " FROM items WHERE blogger_id = '" + kSecond + "'";
  EXPECT_EQ(one(*store, "SELECT body_html" + second), "<div>Low oven, <i>long</i> bake &amp; patience.</div><div><br /></div>");
  EXPECT_EQ(one(*store, "SELECT evidence || ' ' || body_evidence" + second), "3 3");
  EXPECT_EQ(one(*store, "SELECT published || ' ' || published_utc || ' ' || published_offset" + second),
            "2021-06-05T17:45:10.456+02:00 2021-06-05T15:45:10.456Z 120");
  EXPECT_EQ(one(*store, "SELECT updated_utc" + second), "2021-06-06T08:00:00.000Z");
  EXPECT_EQ(one(*store, "SELECT COUNT(*) FROM item_urls WHERE item_id = (SELECT id" + second + ")"), "1");
  // Every sighting is in the ledger against the one item: the page, the summary, two feed pages.
  EXPECT_EQ(one(*store, "SELECT COUNT(*) FROM source_units WHERE item_id = (SELECT id" + second + ")"), "4");
  EXPECT_EQ(one(*store, "SELECT COUNT(*) FROM problems"), "0");
}

TEST_F(WarcFeedIngest, SummaryOnlyNeverReplacesAFullBodyWhicheverComesFirst) {
  for (bool summary_first : {true, false}) {
    std::filesystem::remove(dir / "staging.db");
    const std::string full = feed_exchange(posts_page(1, 2), feed_fixture("posts-default-start1-max2.atom"));
    const std::string summary = feed_exchange(kBase + "/feeds/posts/summary", feed_fixture("posts-summary.atom"));
    auto store = stage({summary_first ? summary : full, summary_first ? full : summary});
    SCOPED_TRACE(summary_first ? "summary first" : "full first");
    EXPECT_EQ(one(*store, "SELECT body_html FROM items WHERE blogger_id = '" + kThird + "'"),
              "<p>The third rye this month.</p><pre>rye 60%\nwheat 40%</pre>");
    // Post 1 is only in the summary here: its excerpt stands, escaped, ranked as a listing's.
    EXPECT_EQ(one(*store, "SELECT body_html || ' ' || body_evidence FROM items WHERE blogger_id = '" + kFirst + "'"),
              "Toast, butter &amp; tea. More below the fold. 1");
  }
}

TEST_F(WarcFeedIngest, PagesFeedGivesPages) {
  auto sink = read(feed_exchange(kBase + "/feeds/pages/default", feed_fixture("pages-default.atom")));
  ASSERT_EQ(sink.items.size(), 1u);
  const ItemRecord& page = sink.items[0];
  EXPECT_EQ(page.kind, ItemKind::Page);
  EXPECT_EQ(page.blogger_id, "4444444444444444444");
  EXPECT_EQ(page.legacy_path, "/p/about.html");
  EXPECT_EQ(page.updated, "2021-02-01T12:30:00.000+01:00");
  EXPECT_EQ(page.extra_json.find("comments"), std::string::npos);
}

TEST_F(WarcFeedIngest, CommentFeedsGiveCommentsUnderTheirPosts) {
  auto sink = read(feed_exchange(kBase + "/feeds/comments/default", feed_fixture("comments-default.atom")));
  ASSERT_EQ(sink.items.size(), 3u);
  for (const auto& c : sink.items) EXPECT_EQ(c.kind, ItemKind::Comment);
  const ItemRecord* reply = find(sink, "5555555555555555552");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->parent_blogger_id, kSecond);
  EXPECT_EQ(reply->author_uri, "https://www.blogger.com/profile/15550001112223334445");
  EXPECT_EQ(reply->body_html, "Thank you Ana &amp; yes, 140 degrees.");
  EXPECT_EQ(reply->published, "2021-06-07T09:30:00.000+02:00");
  EXPECT_NE(reply->extra_json.find("\"in_reply_to\":\"5555555555555555551\""), std::string::npos);
  const ItemRecord* anonymous = find(sink, "5555555555555555553");
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->author_name, "Anonymous");
  EXPECT_EQ(anonymous->author_uri, "");
  EXPECT_EQ(anonymous->parent_blogger_id, kFirst);

  // With the posts feed, one post's comment feed (an overlap) and the blog's: 3 comments, each on its post.
  auto store = stage({feed_exchange(kBase + "/feeds/comments/default", feed_fixture("comments-default.atom")) +
                          feed_exchange(kBase + "/feeds/" + kSecond + "/comments/default",
                                        feed_fixture("post-2222222222222222222-comments.atom"), Body::Gzip),
                      feed_exchange(posts_page(1, 25), feed_fixture("posts-default-start1-max2.atom")) +
                          feed_exchange(posts_page(2, 2), feed_fixture("posts-default-start2-max2.atom"))});
  EXPECT_EQ(one(*store, "SELECT COUNT(*) FROM items WHERE kind = 'comment'"), "3");
  EXPECT_EQ(one(*store, "SELECT COUNT(*) FROM items WHERE kind = 'comment' AND parent_id IS NULL"), "0");
  EXPECT_EQ(one(*store, "SELECT COUNT(*) FROM items c JOIN items p ON p.id = c.parent_id WHERE p.blogger_id = '" +
                            kSecond + "'"),
            "2");
  EXPECT_EQ(one(*store, "SELECT title FROM items WHERE kind = 'comment' AND blogger_id = '5555555555555555551'"),
            "What oven temperature do you use? Thanks!");
}

TEST_F(WarcFeedIngest, RssFormGivesTheSameItemsWithWhatRssHolds) {
  auto sink = read(feed_exchange(kBase + "/feeds/posts/default?alt=rss", feed_fixture("posts-default.rss"), Body::Gzip,
                                 "application/rss+xml; charset=UTF-8") +
                   feed_exchange(kBase + "/feeds/comments/default?alt=rss", feed_fixture("comments-default.rss"),
                                 Body::Dechunked, "application/rss+xml; charset=UTF-8"));
  ASSERT_EQ(sink.items.size(), 6u);
  EXPECT_TRUE(sink.problems.empty());
  const ItemRecord* p = find(sink, kFirst);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->kind, ItemKind::Post);
  EXPECT_EQ(p->evidence, Evidence::Permalink);  // RSS holds less than Atom
  EXPECT_EQ(p->published, "2021-01-10T07:30:00Z");  // pubDate: UTC, whole seconds
  EXPECT_EQ(p->updated, "2021-01-11T09:00:00.000+01:00");
  EXPECT_EQ(p->title, "Tea & toast: a first post");
  EXPECT_EQ(p->body_html, kFirstBody);
  EXPECT_EQ(p->labels, (std::vector<std::string>{"Breakfast", "Notes"}));
  EXPECT_EQ(p->legacy_path, "/2021/01/tea-toast-first-post.html");
  EXPECT_EQ(p->author_name, "Wren Okafor");
  const ItemRecord* c = find(sink, "5555555555555555551");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->kind, ItemKind::Comment);
  EXPECT_EQ(c->parent_path, "/2021/06/creme-caramel-slowly.html");  // RSS comments name their post by link only
  EXPECT_EQ(c->author_name, "Ana Lima");

  // Read with the Atom form, in either order, the Atom form's fields stand; the comments find their posts.
  for (bool rss_first : {true, false}) {
    std::filesystem::remove(dir / "staging.db");
    const std::string rss =
        feed_exchange(kBase + "/feeds/posts/default?alt=rss", feed_fixture("posts-default.rss"), Body::Plain,
                      "application/rss+xml") +
        feed_exchange(kBase + "/feeds/comments/default?alt=rss", feed_fixture("comments-default.rss"), Body::Plain,
                      "application/rss+xml");
    const std::string atom = feed_exchange(posts_page(1, 2), feed_fixture("posts-default-start1-max2.atom")) +
                             feed_exchange(posts_page(2, 2), feed_fixture("posts-default-start2-max2.atom"));
    auto store = stage({rss_first ? rss : atom, rss_first ? atom : rss});
    SCOPED_TRACE(rss_first ? "rss first" : "atom first");
    EXPECT_EQ(one(*store, "SELECT COUNT(*) FROM items"), "6");
    EXPECT_EQ(one(*store, "SELECT published FROM items WHERE blogger_id = '" + kFirst + "'"),
              "2021-01-10T08:30:00.123+01:00");
    EXPECT_EQ(one(*store, "SELECT COUNT(*) FROM items WHERE kind = 'comment' AND parent_id IS NOT NULL"), "3");
  }
}

TEST_F(WarcFeedIngest, AnEntryBrokenInTransitIsOneProblemTheOthersAreStaged) {
  auto sink = read(feed_exchange(posts_page(1, 25), feed_fixture("posts-default-damaged-entry.atom"), Body::Gzip));
  EXPECT_EQ(sink.items.size(), 2u);
  ASSERT_EQ(sink.problems.size(), 1u);
  const ProblemRecord& p = sink.problems[0];
  EXPECT_EQ(p.severity, Severity::Error);
  EXPECT_EQ(p.code, "XML_MALFORMED");
  EXPECT_FALSE(p.file_level);
  EXPECT_EQ(p.position.file, path);
  EXPECT_EQ(p.position.offset, sink.items[0].position.offset);
}

TEST_F(WarcFeedIngest, AFeedBrokenAsAWholeIsOneProblemNamingTheFileAndOffsetAndLosesNothingStaged) {
  const std::string good = feed_exchange(posts_page(1, 2), feed_fixture("posts-default-start1-max2.atom"));
  const std::string page = page_exchange(kBase + "/2021/06/creme-caramel-slowly.html", second_post_page());
  std::string cut = feed_fixture("posts-default-start2-max2.atom");
  cut.resize(cut.find("<entry>") - 40);  // the body stops inside the feed's header
  const std::string broken = feed_exchange(posts_page(2, 2), cut, Body::Dechunked);
  const std::string bytes = good + broken + page;
  auto sink = read(bytes);
  EXPECT_EQ(sink.items.size(), 3u);  // two from the good feed page, one from the post's page
  std::vector<const ProblemRecord*> errors;
  for (const auto& p : sink.problems)
    if (p.severity == Severity::Error) errors.push_back(&p);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_FALSE(errors[0]->file_level);  // the feed's one outcome
  EXPECT_EQ(errors[0]->position.file, path);
  EXPECT_EQ(errors[0]->item, posts_page(2, 2));
  // The offset is the broken feed's response record.
  const size_t response = good.size() + broken.find("WARC/1.0", 10);
  EXPECT_EQ(errors[0]->position.offset, static_cast<int64_t>(response));
  EXPECT_EQ(bytes.compare(response, 8, "WARC/1.0"), 0);

  // Staged into a database already holding the same posts: nothing is lost, one problem row.
  auto store = stage({good + page, broken});
  EXPECT_EQ(one(*store, "SELECT COUNT(*) FROM items"), "2");
  EXPECT_EQ(one(*store, "SELECT body_html FROM items WHERE blogger_id = '" + kSecond + "'").substr(0, 14), "<div>Low oven,");
  EXPECT_EQ(one(*store, "SELECT COUNT(*) FROM problems WHERE severity = 'error'"), "1");
  EXPECT_EQ(one(*store, "SELECT COUNT(*) FROM source_units WHERE outcome = 'problem'"), "1");
  EXPECT_EQ(one(*store, "SELECT offset FROM problems WHERE severity = 'error'"), std::to_string(broken.find("WARC/1.0", 10)));
}

TEST_F(WarcFeedIngest, AFeedCutInsideAnEntryKeepsTheEntriesBeforeIt) {
  std::string cut = feed_fixture("posts-default-start1-max2.atom");
  cut.resize(cut.rfind("<content"));
  auto sink = read(feed_exchange(posts_page(1, 2), cut, Body::GzipDechunked));
  EXPECT_EQ(sink.items.size(), 1u);
  ASSERT_EQ(sink.problems.size(), 1u);
  EXPECT_EQ(sink.problems[0].code, "XML_TRUNCATED");
  EXPECT_FALSE(sink.problems[0].file_level);
}

TEST_F(WarcFeedIngest, AFeedPagePastTheLastEntryIsSkipped) {
  auto sink = read(feed_exchange(posts_page(26, 25), feed_fixture("posts-default-start26-max25.atom")));
  EXPECT_TRUE(sink.items.empty());
  EXPECT_TRUE(sink.problems.empty());
  EXPECT_EQ(testing::count_skips_with(sink, "feed page without entries"), 1u);
}

TEST_F(WarcFeedIngest, AFeedOfAnotherSiteStaysAnAsset) {
  const std::string other = "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><id>urn:x</id>"
                            "<entry><id>urn:y</id><title>t</title></entry></feed>";
  auto sink = read(feed_exchange("https://example.org/news.atom", other));
  EXPECT_TRUE(sink.items.empty());
  EXPECT_EQ(sink.assets.size(), 1u);
}

}  // namespace
}  // namespace blogshift
