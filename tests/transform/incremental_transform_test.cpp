// Incremental transform (document_reuse.h): a re-run converts only the
// documents whose input or plan lookups changed, and leaves exactly what a
// fresh run would.
#include <gtest/gtest.h>

#include <filesystem>

#include "extractor.h"
#include "staging_store.h"
#include "temp_file.h"
#include "test_paths.h"
#include "transform_stage.h"

using namespace blogshift;
namespace fs = std::filesystem;

namespace {

// Transform's tables as text (input digests left out: a fresh run writes
// the same ones, but they say nothing a reader sees).
std::string transform_tables(Database& db) {
  std::string out;
  for (const char* sql :
       {"SELECT item_id, kind, slug, route, path, front_matter, markdown, comments_yaml, source_sha256,"
        " options_sha256, fidelity_passed, text_recall, break_recall, links_kept, links_total, images_kept,"
        " images_total, code_ok, COALESCE(fidelity_detail, ''), asset_dir, comments_path FROM documents ORDER BY item_id",
        "SELECT item_id, seq, kind, url, outcome, COALESCE(target, ''), COALESCE(asset_id, 0) FROM document_links"
        " ORDER BY item_id, seq",
        "SELECT item_id, kind, key, answer FROM document_lookups ORDER BY 1, 2, 3",
        "SELECT old_path, new_route, COALESCE(item_id, 0), shape FROM redirects ORDER BY old_path",
        "SELECT COALESCE(file, ''), COALESCE(item, ''), severity, code, message, COALESCE(item_id, 0) FROM problems"
        " WHERE stage = 'transform' ORDER BY 1, 2, 4, 5"}) {
    auto rows = db.prepare(sql);
    while (rows.step()) {
      for (int c = 0; c < rows.column_count(); ++c) out += (c ? "|" : "") + rows.column_text(c);
      out += "\n";
    }
    out += "==\n";
  }
  return out;
}

struct Staged {
  fs::path dir;
  std::unique_ptr<StagingStore> store;

  explicit Staged(const std::string& name) : dir(blogshift::testing::temp_dir(name)) {
    store = std::make_unique<StagingStore>((dir / "staging.db").string());
    Extractor extractor(*store, nullptr);
    for (const char* s : {"sample-blog/feed.atom", "sample-blog/mirror", "sample-blog/sample-blog.warc.gz"})
      extractor.extract(blogshift::testing::fixture(s));
  }
  Database& db() { return store->db(); }

  // What a fresh run gives on the database as it is now: a copy whose
  // recorded results are all forgotten, transformed again.
  std::string fresh(const TransformOptions& options) {
    const fs::path copy = dir / "fresh.db";
    fs::remove(copy);
    Database(db().path()).exec("VACUUM INTO '" + copy.string() + "'");  // a connection of its own
    StagingStore fresh_store(copy.string());
    fresh_store.db().exec("DELETE FROM document_lookups; DELETE FROM document_links; DELETE FROM documents;");
    TransformReport report = run_transform(fresh_store.db(), options);
    EXPECT_EQ(report.kept, 0);
    EXPECT_EQ(report.converted, report.documents);
    return transform_tables(fresh_store.db());
  }

  int64_t one(const std::string& sql) {
    auto q = db().prepare(sql);
    return q.step() ? q.column_int(0) : -1;
  }
};

}  // namespace

TEST(IncrementalTransform, ASecondRunConvertsNothingAndLeavesTheSameTables) {
  Staged s("incremental-rerun");
  TransformOptions options;
  options.comments_file = true;
  TransformReport first = run_transform(s.db(), options);
  ASSERT_GT(first.documents, 10);
  EXPECT_EQ(first.converted, first.documents);
  EXPECT_EQ(first.kept, 0);
  const std::string tables = transform_tables(s.db());

  TransformReport second = run_transform(s.db(), options);
  EXPECT_EQ(second.converted, 0);
  EXPECT_EQ(second.kept, first.documents);
  EXPECT_EQ(second.documents, first.documents);
  EXPECT_EQ(second.fidelity_passed, first.fidelity_passed);
  EXPECT_EQ(second.links_rewritten, first.links_rewritten);
  EXPECT_EQ(second.images_local, first.images_local);
  EXPECT_EQ(second.kept_raw, first.kept_raw);
  EXPECT_EQ(second.problems, first.problems);
  EXPECT_EQ(transform_tables(s.db()), tables);

  options.jobs = 2;  // threads are not an input: still nothing to do
  EXPECT_EQ(run_transform(s.db(), options).converted, 0);
}

TEST(IncrementalTransform, AChangedBodyConvertsThatDocumentOnly) {
  Staged s("incremental-body");
  TransformOptions options;
  const TransformReport first = run_transform(s.db(), options);
  const int64_t item = s.one("SELECT item_id FROM documents WHERE kind = 'post' ORDER BY item_id LIMIT 1");
  s.db().exec("UPDATE items SET body_html = body_html || '<p>A paragraph added later.</p>',"
              " body_sha256 = 'changed' WHERE id = " + std::to_string(item));
  const TransformReport second = run_transform(s.db(), options);
  EXPECT_EQ(second.converted, 1);
  EXPECT_EQ(second.kept, first.documents - 1);
  auto markdown = s.db().prepare("SELECT markdown FROM documents WHERE item_id = ?");
  markdown.bind(1, item);
  ASSERT_TRUE(markdown.step());
  EXPECT_NE(markdown.column_text(0).find("A paragraph added later."), std::string::npos);
  EXPECT_EQ(transform_tables(s.db()), s.fresh(options));
}

TEST(IncrementalTransform, APostThatMovesIsConvertedWithThePostsLinkingToIt) {
  Staged s("incremental-moved");
  TransformOptions options;
  const TransformReport first = run_transform(s.db(), options);
  // A post other posts link to, by its old path.
  auto target = s.db().prepare(
      "SELECT d.item_id, l.key, COUNT(DISTINCT l.item_id) FROM document_lookups l"
      " JOIN items i ON i.legacy_path = l.key JOIN documents d ON d.item_id = i.id"
      " WHERE l.kind = 'route' AND l.item_id <> d.item_id GROUP BY d.item_id ORDER BY 3 DESC, 1 LIMIT 1");
  ASSERT_TRUE(target.step()) << "the sample blog has posts linking to each other";
  const int64_t moved = target.column_int(0);
  const std::string old_path = target.column_text(1);
  const int64_t linking = target.column_int(2);
  target.reset();
  // Its legacy path changes (a new slug and route); the old path still
  // leads to it as a URL a source saw.
  s.db().exec("INSERT OR IGNORE INTO item_urls (item_id, url) VALUES (" + std::to_string(moved) + ", 'https://" +
              "kettleandcrumb.blogspot.com" + old_path + "')");
  s.db().exec("UPDATE items SET legacy_path = '/2020/01/renamed-post.html' WHERE id = " + std::to_string(moved));
  const TransformReport second = run_transform(s.db(), options);
  EXPECT_EQ(second.converted, 1 + linking);
  EXPECT_EQ(second.kept, first.documents - 1 - linking);
  EXPECT_EQ(s.one("SELECT COUNT(*) FROM documents WHERE route LIKE '%renamed-post%'"), 1);
  EXPECT_EQ(transform_tables(s.db()), s.fresh(options));
}

TEST(IncrementalTransform, AChangedOptionConvertsEverything) {
  Staged s("incremental-option");
  TransformOptions options;
  const TransformReport first = run_transform(s.db(), options);
  options.description_length = 60;
  const TransformReport second = run_transform(s.db(), options);
  EXPECT_EQ(second.converted, first.documents);
  EXPECT_EQ(second.kept, 0);
  EXPECT_EQ(transform_tables(s.db()), s.fresh(options));
}

TEST(IncrementalTransform, ADocumentNoLongerPlannedLeavesNoRows) {
  Staged s("incremental-gone");
  TransformOptions options;
  const TransformReport first = run_transform(s.db(), options);
  const int64_t item = s.one("SELECT item_id FROM documents WHERE kind = 'post' ORDER BY item_id DESC LIMIT 1");
  s.db().exec("UPDATE items SET status = 'TRASHED' WHERE id = " + std::to_string(item));
  const TransformReport second = run_transform(s.db(), options);
  EXPECT_EQ(second.documents, first.documents - 1);
  const std::string id = std::to_string(item);
  EXPECT_EQ(s.one("SELECT COUNT(*) FROM documents WHERE item_id = " + id), 0);
  EXPECT_EQ(s.one("SELECT COUNT(*) FROM document_links WHERE item_id = " + id), 0);
  EXPECT_EQ(s.one("SELECT COUNT(*) FROM document_lookups WHERE item_id = " + id), 0);
  EXPECT_EQ(s.one("SELECT COUNT(*) FROM problems WHERE item_id = " + id), 0);
  EXPECT_EQ(transform_tables(s.db()), s.fresh(options));
}
