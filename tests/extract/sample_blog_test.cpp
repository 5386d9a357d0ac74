// End to end on the bundled sample blog (fixtures/sample-blog/README.md has
// the counts, made by its generator and checked with ElementTree): the export,
// the mirror and the WARC each alone, then all three merged into one blog.
#include <gtest/gtest.h>

#include "extractor.h"
#include "staging_summary.h"
#include "test_paths.h"

using namespace blogshift;

namespace {

struct StagedRun {
  std::filesystem::path dir;
  std::unique_ptr<StagingStore> store;
  explicit StagedRun(const std::string& name) : dir(blogshift::testing::temp_dir(name)) {
    store = std::make_unique<StagingStore>((dir / "staging.db").string());
  }
  SourceReport extract(const std::string& relative) {
    Extractor extractor(*store, nullptr);
    return extractor.extract(blogshift::testing::fixture("sample-blog/" + relative));
  }
  StagingSummary summary() { return read_staging_summary(store->db()); }
  std::string one(const std::string& sql) {
    auto s = store->db().prepare(sql);
    return s.step() ? s.column_text(0) : "<none>";
  }
};

}  // namespace

TEST(SampleBlog, ExportAloneGivesEveryStatus) {
  StagedRun run("sample-export");
  SourceReport r = run.extract("feed.atom");
  EXPECT_EQ(r.kind, "takeout");
  EXPECT_EQ(r.items, 22);
  EXPECT_EQ(r.errors + r.warnings, 0);
  StagingSummary s = run.summary();
  EXPECT_EQ(s.count("post", "LIVE"), 12);
  EXPECT_EQ(s.count("post", "DRAFT"), 1);
  EXPECT_EQ(s.count("post", "SCHEDULED"), 1);
  EXPECT_EQ(s.count("post", "TRASHED"), 1);
  EXPECT_EQ(s.count("page", "LIVE"), 1);
  EXPECT_EQ(s.count("comment", "LIVE"), 6);
  EXPECT_EQ(s.labels, 6);
  EXPECT_EQ(s.comments_without_post, 0);
}

TEST(SampleBlog, MirrorAloneGivesTheLivePostsPagesCommentsAndImages) {
  StagedRun run("sample-mirror");
  SourceReport r = run.extract("mirror");
  EXPECT_EQ(r.kind, "mirror");
  EXPECT_EQ(r.errors + r.warnings, 0);
  StagingSummary s = run.summary();
  EXPECT_EQ(s.count("post"), 12);  // the live posts; ?m=1, label and archive pages merge into them
  EXPECT_EQ(s.count("page"), 1);
  EXPECT_EQ(s.count("comment"), 6);
  EXPECT_EQ(s.blobs, 25);  // 24 images + favicon.ico
  ASSERT_EQ(s.blogs.size(), 1u);
  EXPECT_EQ(s.blogs[0].id, "4815162342108000001");
}

TEST(SampleBlog, WarcMadeByWgetGivesTheSamePostsAsTheMirror) {
  StagedRun mirror("sample-mirror-vs");
  StagedRun warc("sample-warc-vs");
  mirror.extract("mirror");
  SourceReport r = warc.extract("sample-blog.warc.gz");
  EXPECT_EQ(r.kind, "warc");
  EXPECT_EQ(r.errors, 0);
  const std::string q =
      "SELECT group_concat(legacy_path || ' ' || COALESCE(blogger_id, '') || ' ' || body_sha256, '\n') FROM "
      "(SELECT * FROM items WHERE kind IN ('post', 'page') ORDER BY legacy_path)";
  EXPECT_EQ(warc.one(q), mirror.one(q));
  EXPECT_EQ(warc.summary().count("comment"), 6);
  EXPECT_EQ(warc.summary().blobs, mirror.summary().blobs);
}

TEST(SampleBlog, AllThreeSourcesMergeIntoOneBlogWithoutDuplicates) {
  StagedRun run("sample-all");
  for (const char* source : {"feed.atom", "mirror", "sample-blog.warc.gz"}) {
    SourceReport r = run.extract(source);
    EXPECT_EQ(r.errors + r.warnings, 0) << source;
  }
  StagingSummary s = run.summary();
  EXPECT_EQ(s.blogs.size(), 1u);
  EXPECT_EQ(s.count("post"), 15);
  EXPECT_EQ(s.count("page"), 1);
  EXPECT_EQ(s.count("comment"), 6);
  EXPECT_EQ(s.comments_without_post, 0);
  EXPECT_EQ(s.authors, 6);
  // The export's copy wins; the crawls add the URLs they saw it under.
  EXPECT_EQ(run.one("SELECT MIN(evidence) FROM items WHERE kind IN ('post', 'page') AND status = 'LIVE'"), "4");
  EXPECT_EQ(run.one("SELECT COUNT(*) FROM item_urls u JOIN items i ON i.id = u.item_id"
                    " WHERE i.legacy_path = '/2021/03/sourdough.html' AND u.url LIKE '%m=1'"),
            "2");  // http:// from the mirror's folder layout, https:// from the WARC
  // Every source saw it: the export, the mirror and the WARC (the crawls also
  // on the home page and the March archive page).
  EXPECT_EQ(run.one("SELECT COUNT(DISTINCT source_id) FROM source_units WHERE item_id = (SELECT id FROM items"
                    " WHERE legacy_path = '/2021/03/sourdough_12.html')"),
            "3");
}
