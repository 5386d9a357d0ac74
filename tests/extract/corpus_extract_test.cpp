// Whole corpus sources through the extractor and the staging store, counts
// compared with the numbers in each corpus folder's SOURCE.md (counted there
// with an XML parser or a record walker, i.e. independently of blogshift).
#include <gtest/gtest.h>

#include "extractor.h"
#include "staging_summary.h"
#include "test_paths.h"

using namespace blogshift;

namespace {
struct Staged {
  std::filesystem::path dir;
  std::unique_ptr<StagingStore> store;
  explicit Staged(const std::string& name) : dir(blogshift::testing::temp_dir(name)) {
    store = std::make_unique<StagingStore>((dir / "staging.db").string());
  }
  SourceReport extract(const std::string& corpus_path) {
    Extractor extractor(*store, nullptr);
    return extractor.extract(blogshift::testing::corpus(corpus_path));
  }
};
}  // namespace

// arborlodge-classic-export/SOURCE.md: 1 template, 51 settings, 628 posts
// (11 drafts), 13 pages, 56 comments (all with thr:in-reply-to).
// arborlodge-takeout-derived/SOURCE.md: the same blog, 697 entries.
TEST(CorpusExtract, ArborlodgeClassicAndTakeoutMergeIntoOneBlog) {
  BLOGSHIFT_REQUIRE_CORPUS();
  Staged staged("corpus-arborlodge");
  SourceReport classic = staged.extract("arborlodge-classic-export/blogger-export-2022-02.xml.gz");
  EXPECT_EQ(classic.items, 749);
  EXPECT_EQ(classic.errors + classic.warnings, 0);
  SourceReport takeout = staged.extract("arborlodge-takeout-derived/feed.atom.gz");
  EXPECT_EQ(takeout.items, 697);
  StagingSummary s = read_staging_summary(staged.store->db());
  ASSERT_EQ(s.blogs.size(), 1u);
  EXPECT_EQ(s.blogs[0].id, "6987681596411937807");
  EXPECT_EQ(s.count("post", "LIVE"), 617);
  EXPECT_EQ(s.count("post", "DRAFT"), 11);
  EXPECT_EQ(s.count("page", "LIVE"), 13);
  EXPECT_EQ(s.count("comment"), 56);
  EXPECT_EQ(s.count("settings"), 51);
  EXPECT_EQ(s.count("template"), 1);
  EXPECT_EQ(s.comments_without_post, 0);
  EXPECT_EQ(s.labels, 22);  // "22 distinct labels"
  EXPECT_TRUE(s.problems.empty());
}

// program-think-offline/SOURCE.md: 710 post pages in sample/ and the tarball;
// sample/ holds 2009/01 and 2021 (26 posts) plus index.html and css/.
TEST(CorpusExtract, ProgramThinkSampleMirror) {
  BLOGSHIFT_REQUIRE_CORPUS();
  Staged staged("corpus-program-think");
  SourceReport r = staged.extract("program-think-offline/sample");
  EXPECT_EQ(r.kind, "mirror");
  EXPECT_EQ(r.errors, 0);
  StagingSummary s = read_staging_summary(staged.store->db());
  EXPECT_EQ(s.count("post"), 26);
  EXPECT_EQ(s.blogs.size(), 1u);
}

// blogger-rendered-pages/SOURCE.md: 16 pages from 15 blogs; juliasleseblog is
// Dynamic Views (no body in the HTML) and unexpecteduser is a yearly archive.
TEST(CorpusExtract, RenderedPagesFolder) {
  BLOGSHIFT_REQUIRE_CORPUS();
  Staged staged("corpus-rendered");
  SourceReport r = staged.extract("blogger-rendered-pages");
  EXPECT_EQ(r.errors, 0);
  StagingSummary s = read_staging_summary(staged.store->db());
  EXPECT_EQ(s.count("post"), 15);  // 16 pages - the Dynamic Views one; the archive page shows one post
  EXPECT_EQ(s.blogs.size(), 15u);
  EXPECT_EQ((s.problems[{"extract", "HTML_NO_POST_BODY", "warning"}]), 1);
}
