// How a feed sighting (Evidence::Feed) merges with an export and with scraped
// pages: the export > the feed > a post's own page > a listing, in whichever
// order they come; a summary-only feed entry keeps its exact fields but its
// excerpt never replaces a full body (items.body_evidence).
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "staging_store.h"
#include "test_paths.h"

using namespace blogshift;

namespace {

ItemRecord sighting(Evidence evidence, const std::string& body, const std::string& published,
                    const std::string& updated = "") {
  ItemRecord i;
  i.blog_id = "42";
  i.blogger_id = "777";
  i.legacy_path = "/2021/03/a.html";
  i.evidence = evidence;
  i.body_html = body;
  i.title = "title from " + body;
  i.published = published;
  i.updated = updated;
  i.urls = {"https://x.blogspot.com/2021/03/a.html#" + body};
  return i;
}

ItemRecord summary_entry() {
  ItemRecord i = sighting(Evidence::Feed, "summary", "2021-03-14T09:15:00.006-07:00", "2021-03-15T10:00:00.000-07:00");
  i.body_evidence = Evidence::Listing;
  return i;
}

// Stages the sightings in this order into a fresh database; returns the row.
std::string staged(const std::vector<ItemRecord>& sightings, const std::string& name) {
  const auto dir = blogshift::testing::temp_dir(name);
  StagingStore store((dir / "staging.db").string());
  auto& sink = store.begin_source({"/src/" + name, "warc", 1, "abc"});
  for (const auto& s : sightings) sink.item(ItemRecord(s));
  store.end_source();
  auto q = store.db().prepare(
      "SELECT COUNT(*) OVER (), title, body_html, evidence, body_evidence, published, published_utc,"
      " COALESCE(published_offset, 'NULL'), COALESCE(updated_utc, 'NULL'), COALESCE(updated_offset, 'NULL') FROM items");
  if (!q.step()) return "<no item>";
  std::string out;
  for (int c = 0; c < 10; ++c) out += (c ? " | " : "") + q.column_text(c);
  return out;
}

// The same row whichever order the sightings come in.
std::string staged_in_every_order(std::vector<ItemRecord> sightings, const std::string& name) {
  std::vector<size_t> order(sightings.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::string first;
  int n = 0;
  do {
    std::vector<ItemRecord> in_order;
    for (size_t i : order) in_order.push_back(sightings[i]);
    const std::string got = staged(in_order, name + "-" + std::to_string(n++));
    if (first.empty()) first = got;
    EXPECT_EQ(got, first) << "order " << n;
  } while (std::next_permutation(order.begin(), order.end()));
  return first;
}

}  // namespace

TEST(FeedEvidenceMerge, FeedBeatsThePostsOwnPageAndAListing) {
  const std::string row = staged_in_every_order(
      {sighting(Evidence::Feed, "feed", "2021-03-14T09:15:00.006-07:00", "2021-03-15T10:00:00.000-07:00"),
       sighting(Evidence::Permalink, "page", "2021-03-14T09:15:00-07:00"),
       sighting(Evidence::Listing, "listing", "2021-03-14T09:15:00-07:00")},
      "feed-page");
  EXPECT_EQ(row,
            "1 | title from feed | feed | 3 | 3 | 2021-03-14T09:15:00.006-07:00 | 2021-03-14T16:15:00.006Z | -420 |"
            " 2021-03-15T17:00:00.000Z | -420");
}

TEST(FeedEvidenceMerge, ExportBeatsTheFeedWhichFillsTheOffsetsTakeoutLeavesOut) {
  const std::string row = staged_in_every_order(
      {sighting(Evidence::Export, "export", "2021-03-14T16:15:00.006Z", "2021-03-15T17:00:00.000Z"),
       sighting(Evidence::Feed, "feed", "2021-03-14T09:15:00.006-07:00", "2021-03-15T10:00:00.000-07:00")},
      "export-feed");
  EXPECT_EQ(row,
            "1 | title from export | export | 4 | 4 | 2021-03-14T16:15:00.006Z | 2021-03-14T16:15:00.006Z | -420 |"
            " 2021-03-15T17:00:00.000Z | -420");
}

TEST(FeedEvidenceMerge, SummaryNeverReplacesAFullBodyFromTheFeed) {
  ItemRecord full = sighting(Evidence::Feed, "full", "2021-03-14T09:15:00.006-07:00", "2021-03-15T10:00:00.000-07:00");
  ItemRecord summary = summary_entry();
  summary.title = full.title;  // equal evidence keeps the first one's fields; a real feed's agree
  const std::string row = staged_in_every_order({summary, full}, "summary-full");
  EXPECT_EQ(row,
            "1 | title from full | full | 3 | 3 | 2021-03-14T09:15:00.006-07:00 | 2021-03-14T16:15:00.006Z | -420 |"
            " 2021-03-15T17:00:00.000Z | -420");
}

TEST(FeedEvidenceMerge, SummaryKeepsTheFeedsFieldsButThePagesBody) {
  const std::string row = staged_in_every_order(
      {summary_entry(), sighting(Evidence::Permalink, "page", "2021-03-14T09:15:00-07:00"),
       sighting(Evidence::Listing, "listing", "2021-03-14T09:15:00-07:00")},
      "summary-page");
  EXPECT_EQ(row,
            "1 | title from summary | page | 3 | 2 | 2021-03-14T09:15:00.006-07:00 | 2021-03-14T16:15:00.006Z | -420 |"
            " 2021-03-15T17:00:00.000Z | -420");
}

TEST(FeedEvidenceMerge, SummaryAloneIsTheBodyUntilABetterOneComes) {
  EXPECT_NE(staged({summary_entry()}, "summary-alone").find(" | summary | 3 | 1 | "), std::string::npos);
}

TEST(FeedEvidenceMerge, AnAuthorOnlyALosingSightingNamedIsNotKept) {
  for (bool rss_first : {true, false}) {
    ItemRecord atom = sighting(Evidence::Feed, "atom", "2021-03-14T09:15:00.006-07:00");
    atom.author_name = "Wren Okafor";
    atom.author_uri = "https://www.blogger.com/profile/1555";
    ItemRecord rss = sighting(Evidence::Permalink, "rss", "2021-03-14T16:15:00Z");
    rss.author_name = "Wren Okafor";  // RSS names no profile
    const auto dir = blogshift::testing::temp_dir(std::string("author-") + (rss_first ? "rss" : "atom"));
    StagingStore store((dir / "staging.db").string());
    auto& sink = store.begin_source({"/src/feeds", "warc", 1, "abc"});
    sink.item(ItemRecord(rss_first ? rss : atom));
    sink.item(ItemRecord(rss_first ? atom : rss));
    store.end_source();
    auto q = store.db().prepare("SELECT group_concat(name || ' ' || uri) FROM authors");
    ASSERT_TRUE(q.step());
    EXPECT_EQ(q.column_text(0), "Wren Okafor https://www.blogger.com/profile/1555") << rss_first;
  }
}
