// A migration from a crawl alone is as good as one from the export: the
// sample blog fetched live (its feeds and its pages) and extracted stages the
// same posts, pages and comments as fixtures/sample-blog/feed.atom with the
// mirror: titles, bodies, published and updated instants, labels, authors,
// comments and the posts they answer. What only an export holds (drafts,
// scheduled and trashed posts) is not in a public feed.
#include <gtest/gtest.h>

#include "extractor.h"
#include "fetch_test_support.h"

using namespace blogshift;
using namespace blogshift::testing;

namespace {

// Live posts and pages, then comments, one line each, in a fixed order.
const char* const kDocuments =
    "SELECT group_concat(line, char(10)) FROM (SELECT i.kind || ' ' || i.legacy_path || ' | ' || i.title || ' | ' ||"
    " i.body_sha256 || ' | ' || i.published_utc || ' | ' || COALESCE(i.updated_utc, '') || ' | ' ||"
    " COALESCE((SELECT group_concat(name, ',') FROM (SELECT l.name FROM item_labels il JOIN labels l"
    "  ON l.id = il.label_id WHERE il.item_id = i.id ORDER BY l.name)), '') || ' | ' ||"
    " COALESCE(a.name, '') || ' ' || COALESCE(a.uri, '') AS line"
    " FROM items i LEFT JOIN authors a ON a.id = i.author_id"
    " WHERE i.kind IN ('post', 'page') AND i.status = 'LIVE' ORDER BY i.legacy_path)";
const char* const kComments =
    "SELECT group_concat(line, char(10)) FROM (SELECT i.blogger_id || ' on ' || COALESCE(p.legacy_path, '?') || ' | ' ||"
    " i.title || ' | ' || i.body_sha256 || ' | ' || i.published_utc || ' | ' || COALESCE(i.updated_utc, '') || ' | ' ||"
    " COALESCE(a.name, '') || ' ' || COALESCE(a.uri, '') AS line"
    " FROM items i LEFT JOIN items p ON p.id = i.parent_id LEFT JOIN authors a ON a.id = i.author_id"
    " WHERE i.kind = 'comment' ORDER BY i.blogger_id)";

struct Staged {
  std::unique_ptr<StagingStore> store;
  std::vector<SourceReport> reports;
  std::string one(const std::string& sql) {
    auto s = store->db().prepare(sql);
    return s.step() ? s.column_text(0) : "<none>";
  }
};

Staged stage(const std::filesystem::path& db, const std::vector<std::string>& sources) {
  Staged out;
  out.store = std::make_unique<StagingStore>(db.string());
  for (const auto& source : sources) out.reports.push_back(Extractor(*out.store, nullptr).extract(source));
  return out;
}

TEST(FetchFeedsExtract, TheLiveBlogsWarcStagesWhatTheExportAndMirrorStage) {
  const auto dir = temp_dir("fetch-feeds-extract");
  BloggerServer server(dir / "server");
  const CommandResult r = run_blogshift("fetch " + kBlog + " --out " + q(dir / "out") + " " + server.fetch_options() +
                                        " --rate 0");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const std::string warc = fetched_warc(dir / "out");
  ASSERT_FALSE(warc.empty()) << r.out;
  const ReadBack back = read_back(warc);
  ASSERT_TRUE(back.ok(kBlog + "feeds/posts/default")) << "the crawl holds the feeds";
  ASSERT_TRUE(back.ok(kBlog + "feeds/comments/default"));

  Staged live = stage(dir / "live.db", {warc});
  Staged exported = stage(dir / "export.db", {fixture("sample-blog/feed.atom"), fixture("sample-blog/mirror")});
  for (const auto& report : live.reports) EXPECT_EQ(report.errors + report.warnings, 0) << report.path;

  const std::string documents = exported.one(kDocuments);
  EXPECT_EQ(std::count(documents.begin(), documents.end(), '\n'), 12) << "12 live posts and the About page";
  EXPECT_EQ(live.one(kDocuments), documents);
  const std::string comments = exported.one(kComments);
  EXPECT_EQ(std::count(comments.begin(), comments.end(), '\n'), 5) << "6 comments";
  EXPECT_EQ(live.one(kComments), comments);
  EXPECT_EQ(live.one("SELECT COUNT(*) FROM authors"), exported.one("SELECT COUNT(*) FROM authors"));
  EXPECT_EQ(live.one("SELECT group_concat(name, ',') FROM (SELECT name FROM labels ORDER BY name)"),
            exported.one("SELECT group_concat(name, ',') FROM (SELECT name FROM labels ORDER BY name)"));

  // The feed's copy stands over the scraped pages, with the blog's offsets
  // (Takeout writes UTC only, so the export has no offset for `updated`).
  EXPECT_EQ(live.one("SELECT group_concat(DISTINCT evidence) FROM items"), "3");
  EXPECT_EQ(live.one("SELECT COUNT(*) FROM items WHERE kind IN ('post', 'page') AND updated_offset IS NULL"), "0");
  EXPECT_EQ(live.one("SELECT published FROM items WHERE legacy_path = '/2021/03/sourdough_12.html'"),
            "2021-03-14T09:15:00.006-07:00");
  // Only the export knows what was never published.
  EXPECT_EQ(exported.one("SELECT COUNT(*) FROM items WHERE status <> 'LIVE'"), "3");
  EXPECT_EQ(live.one("SELECT COUNT(*) FROM items WHERE status <> 'LIVE'"), "0");

  // All three together: one blog, the export's text, the feed's offsets added.
  Staged all = stage(dir / "all.db", {fixture("sample-blog/feed.atom"), fixture("sample-blog/mirror"), warc});
  EXPECT_EQ(all.one(kDocuments), documents);
  EXPECT_EQ(all.one(kComments), comments);
  EXPECT_EQ(all.one("SELECT COUNT(*) FROM items WHERE kind IN ('post', 'page') AND status = 'LIVE' AND evidence = 4"),
            "13");
  EXPECT_EQ(all.one("SELECT COUNT(*) FROM items WHERE kind IN ('post', 'page') AND status = 'LIVE'"
                    " AND updated_offset IS NOT NULL"),
            "13");
}

}  // namespace
