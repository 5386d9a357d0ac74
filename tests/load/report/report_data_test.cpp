// The report's facts, read from the sample blog as the built `blogshift`
// stages it (12 published posts, a page, a draft and a scheduled post, a
// trashed post, 6 comments, 12 images copied, every document passing), then
// from the same database with rows changed inside a transaction that is
// rolled back: failures, problems, outputs, empty tables.
#include "report_data.h"

#include <gtest/gtest.h>

#include <numeric>

#include "report_test_support.h"
#include "staging_store.h"

namespace blogshift {
namespace {

using ReportDataTest = testing::StagedSampleBlogTest;

TEST_F(ReportDataTest, CountsWhatWasMigrated) {
  const ReportData r = read_report_data(db);
  ASSERT_EQ(r.blogs.size(), 1u);
  EXPECT_EQ(r.blogs[0].title, "Kettle & Crumb");
  EXPECT_EQ(r.blogs[0].hosts, std::vector<std::string>{"kettleandcrumb.blogspot.com"});
  EXPECT_EQ(r.sources.size(), 3u);
  const auto& m = r.migrated;
  EXPECT_EQ(m.posts, 12);
  EXPECT_EQ(m.pages, 1);
  EXPECT_EQ(m.drafts, 2);  // the draft and the scheduled post
  EXPECT_EQ(m.comments, 6);
  EXPECT_EQ(m.comments_written, 6);
  EXPECT_EQ(m.images_local, 12);
  EXPECT_EQ(m.images_remote, 0);
  EXPECT_EQ(m.links_rewritten, 8);
  EXPECT_EQ(m.links_external, 1);
  EXPECT_EQ(m.links_missing, 0);
}

TEST_F(ReportDataTest, YearsAndMonthsAddUpToTheTotals) {
  const ReportData r = read_report_data(db);
  int64_t posts = 0, pages = 0, drafts = 0, comments = 0, images = 0;
  for (const auto& y : r.years) {
    posts += y.posts, pages += y.pages, drafts += y.drafts, comments += y.comments, images += y.images_local;
    EXPECT_NE(y.year, 0) << "every sample document has a date";
  }
  EXPECT_EQ(posts, 12);
  EXPECT_EQ(pages, 1);
  EXPECT_EQ(drafts, 2);
  EXPECT_EQ(comments, 6);
  EXPECT_EQ(images, 12);
  ASSERT_FALSE(r.years.empty());
  EXPECT_EQ(r.years.front().year, 2019);
  EXPECT_EQ(r.years.back().year, 2034);  // the scheduled post
  EXPECT_TRUE(std::is_sorted(r.years.begin(), r.years.end(), [](auto& a, auto& b) { return a.year < b.year; }));

  // Months: published posts only (the scheduled post does not stretch the plot to 2034).
  EXPECT_EQ(std::accumulate(r.months.begin(), r.months.end(), int64_t{0}, [](int64_t n, auto& x) { return n + x.posts; }), 12);
  ASSERT_FALSE(r.months.empty());
  EXPECT_EQ(r.months.front().month.substr(0, 4), "2019");
  EXPECT_EQ(r.months.back().month.substr(0, 4), "2023");
  EXPECT_TRUE(std::is_sorted(r.months.begin(), r.months.end(), [](auto& a, auto& b) { return a.month < b.month; }));
}

TEST_F(ReportDataTest, SaysWhatWasNotMigratedAndWhy) {
  const ReportData r = read_report_data(db);
  ASSERT_FALSE(r.not_migrated.empty());
  EXPECT_EQ(r.not_migrated[0].what, "posts and pages in the trash");
  EXPECT_EQ(r.not_migrated[0].count, 1);
  for (const auto& n : r.not_migrated) {
    EXPECT_GT(n.count, 0) << n.what;
    EXPECT_FALSE(n.reason.empty()) << n.what;
  }
}

TEST_F(ReportDataTest, ProblemsAreGroupedByCodeErrorsFirstWithTheirPositions) {
  const ReportData clean = read_report_data(db);
  ASSERT_EQ(clean.problems.size(), 1u);
  EXPECT_EQ(clean.problems[0].code, "HTML_KEPT_RAW");
  EXPECT_EQ(clean.problems[0].severity, "info");
  ASSERT_EQ(clean.problems[0].rows.size(), 1u);
  EXPECT_EQ(clean.problems[0].rows[0].file, "content/posts/creme-brulee-for-two/index.md");
  EXPECT_EQ(clean.problems[0].rows[0].item, "/2020/08/creme-brulee-for-two.html");

  Transaction scratch(db);  // rolled back at the end of the test
  db.exec(
      "INSERT INTO problems (stage, file, line, col, offset, item, severity, code, message) VALUES"
      " ('extract', 'export.xml', 3, 1, 120, 'entry 2', 'error', 'XML_MALFORMED', 'tag mismatch'),"
      " ('extract', 'crawl.warc.gz', NULL, NULL, 4096, NULL, 'warning', 'WARC_DIGEST_MISMATCH', 'digest differs'),"
      " ('extract', 'export.xml', 9, 5, 900, 'entry 7', 'error', 'XML_MALFORMED', 'second one'),"
      " ('extract', 'other.xml', 1, 1, 0, NULL, 'error', 'XML_TRUNCATED', 'ends early')");
  const ReportData r = read_report_data(db);
  EXPECT_EQ(r.problems_error, 3);
  EXPECT_EQ(r.problems_warning, 1);
  EXPECT_EQ(r.problems_info, 1);
  ASSERT_EQ(r.problems.size(), 4u);
  EXPECT_EQ(r.problems[0].code, "XML_MALFORMED");  // errors first, the bigger group first
  EXPECT_EQ(r.problems[1].code, "XML_TRUNCATED");
  EXPECT_EQ(r.problems[2].code, "WARC_DIGEST_MISMATCH");
  EXPECT_EQ(r.problems[3].code, "HTML_KEPT_RAW");
  ASSERT_EQ(r.problems[0].rows.size(), 2u);
  EXPECT_EQ(r.problems[0].rows[0].message, "tag mismatch");  // in the order found
  EXPECT_EQ(r.problems[0].rows[0].line, 3);
  EXPECT_EQ(r.problems[0].rows[0].col, 1);
  EXPECT_EQ(r.problems[2].rows[0].line, 0);  // not given
  EXPECT_EQ(r.problems[2].rows[0].offset, 4096);
  EXPECT_FALSE(r.switch_off);
  ASSERT_FALSE(r.reasons.empty());
  EXPECT_EQ(r.reasons[0].what, "errors");
  EXPECT_EQ(r.reasons[0].count, 3);
  EXPECT_NE(r.reasons[0].text.find("XML_MALFORMED"), std::string::npos);
}

TEST_F(ReportDataTest, FidelityRowsComeWorstFirstWithWhatDiffers) {
  Transaction scratch(db);
  db.exec(
      "UPDATE documents SET fidelity_passed = 0, text_recall = 0.91, images_kept = images_total - 1,"
      " fidelity_detail = 'missing image ./image-1.jpg; text lost: ''a; b''; and 2 more'"
      " WHERE slug = 'lemon-possets-with-bruleed-top'");
  db.exec(
      "UPDATE documents SET fidelity_passed = 0, text_recall = 0.5, fidelity_detail = 'text lost: ''half of it'''"
      " WHERE slug = 'sourdough'");
  db.exec("UPDATE documents SET text_recall = 0.999 WHERE slug = 'late-night-cardamom-buns'");
  const ReportData r = read_report_data(db);
  ASSERT_EQ(r.fidelity.size(), 15u);
  EXPECT_EQ(r.fidelity_passed, 13);
  EXPECT_EQ(r.fidelity[0].path, "content/posts/sourdough/index.md");
  EXPECT_FALSE(r.fidelity[0].passed);
  EXPECT_EQ(r.fidelity[1].path, "content/posts/lemon-possets-with-bruleed-top/index.md");
  EXPECT_EQ(r.fidelity[1].differences,
            (std::vector<std::string>{"missing image ./image-1.jpg", "text lost: 'a; b'", "and 2 more"}));
  EXPECT_EQ(r.fidelity[2].path, "content/posts/late-night-cardamom-buns/index.md");  // passed, lowest recall
  EXPECT_TRUE(r.fidelity[2].passed);

  ASSERT_EQ(r.recall_histogram.size(), 8u);
  EXPECT_EQ(r.recall_histogram[1].documents, 1);  // 0.5
  EXPECT_EQ(r.recall_histogram[3].documents, 1);  // 0.91
  EXPECT_EQ(r.recall_histogram[6].documents, 1);  // 0.999
  EXPECT_EQ(r.recall_histogram[7].documents, 12); // exactly 1
  EXPECT_FALSE(r.switch_off);
  ASSERT_GE(r.reasons.size(), 1u);
  EXPECT_EQ(r.reasons[0].what, "fidelity");
  EXPECT_EQ(r.reasons[0].count, 2);
}

TEST_F(ReportDataTest, RemoteImagesAndMissingLinksAreListed) {
  Transaction scratch(db);
  db.exec("UPDATE document_links SET outcome = 'remote' WHERE kind = 'image' AND seq = (SELECT MIN(seq) FROM document_links l2"
          " WHERE l2.item_id = document_links.item_id AND l2.kind = 'image')");
  db.exec("UPDATE document_links SET outcome = 'missing' WHERE (item_id, seq) = (SELECT item_id, seq FROM document_links"
          " WHERE kind = 'link' AND outcome = 'rewritten' ORDER BY item_id, seq LIMIT 1)");
  const int64_t remote = testing::query_count(db, "SELECT COUNT(*) FROM document_links WHERE outcome = 'remote'");
  ASSERT_GT(remote, 0);
  const ReportData r = read_report_data(db);
  EXPECT_EQ(static_cast<int64_t>(r.remote_images.size()), remote);
  EXPECT_EQ(r.migrated.images_remote, remote);
  EXPECT_EQ(r.migrated.images_local, 12 - remote);
  ASSERT_EQ(r.missing_links.size(), 1u);
  EXPECT_EQ(r.migrated.links_missing, 1);
  EXPECT_FALSE(r.missing_links[0].url.empty());
  EXPECT_FALSE(r.missing_links[0].path.empty());
  EXPECT_TRUE(std::is_sorted(r.remote_images.begin(), r.remote_images.end(),
                             [](auto& a, auto& b) { return a.path < b.path; }));
}

TEST_F(ReportDataTest, RedirectsCountByShapeAndMapsByFormat) {
  Transaction scratch(db);
  testing::put_outputs(db, "");
  const ReportData r = read_report_data(db);
  EXPECT_EQ(r.redirects_total, testing::query_count(db, "SELECT COUNT(*) FROM redirects"));
  // Every shape of the table (posts, pages, labels, archives, feeds...), the biggest first.
  ASSERT_EQ(static_cast<int64_t>(r.redirect_shapes.size()),
            testing::query_count(db, "SELECT COUNT(DISTINCT shape) FROM redirects"));
  ASSERT_GE(r.redirect_shapes.size(), 5u);
  for (size_t i = 1; i < r.redirect_shapes.size(); ++i)
    EXPECT_GE(r.redirect_shapes[i - 1].count, r.redirect_shapes[i].count);
  EXPECT_EQ(r.redirect_shapes[0].count,
            testing::query_count(db, "SELECT COUNT(*) FROM redirects GROUP BY shape ORDER BY COUNT(*) DESC LIMIT 1"));
  EXPECT_EQ(r.documents_with_legacy_path, 13);
  EXPECT_EQ(r.documents_redirected,
            testing::query_count(db, "SELECT COUNT(DISTINCT d.item_id) FROM documents d JOIN items i ON i.id = d.item_id"
                                     " JOIN redirects x ON x.old_path = i.legacy_path"));
  ASSERT_EQ(r.redirect_maps.size(), 1u);
  EXPECT_EQ(r.redirect_maps[0].format, "nginx");
  EXPECT_EQ(r.redirect_maps[0].entries, 28);
  ASSERT_EQ(r.archives.size(), 3u);
  EXPECT_EQ(r.archives[0].path, "archives/site-bag");  // by path
  EXPECT_EQ(r.archives[0].size, -1);
  EXPECT_EQ(r.archives_verified, 0);
}

TEST_F(ReportDataTest, TheOldSiteCanGoWhenEverythingPassedAndEveryArchiveVerified) {
  Transaction scratch(db);
  db.exec("DELETE FROM outputs");
  ReportData none = read_report_data(db);
  EXPECT_FALSE(none.switch_off);
  ASSERT_EQ(none.reasons.size(), 1u);
  EXPECT_EQ(none.reasons[0].what, "archives-none");
  EXPECT_EQ(verdict_sentence(none), "Not yet: look first at the archives: none was made yet (blogshift load).");

  testing::put_outputs(db, "");
  ReportData unverified = read_report_data(db);
  ASSERT_EQ(unverified.reasons.size(), 1u);
  EXPECT_EQ(unverified.reasons[0].what, "archives-unverified");
  EXPECT_EQ(unverified.reasons[0].count, 3);

  db.exec("UPDATE outputs SET verified = 'ok'");
  db.exec("UPDATE outputs SET verified = 'sha256 differs' WHERE kind = 'warc'");
  ReportData failed = read_report_data(db);
  EXPECT_EQ(failed.archives_failed, 1);
  ASSERT_EQ(failed.reasons.size(), 1u);
  EXPECT_EQ(failed.reasons[0].what, "archives-failed");

  db.exec("UPDATE outputs SET verified = 'ok'");
  ReportData yes = read_report_data(db);
  EXPECT_TRUE(yes.switch_off);
  EXPECT_TRUE(yes.reasons.empty());
  EXPECT_EQ(verdict_sentence(yes),
            "Yes: all 15 documents passed the fidelity check, no errors were found, no links to old posts are "
            "missing and all 3 archives verified.");

  // A crawl where nothing failed is part of the yes; one with failures is the first thing to look at.
  testing::put_crawl(db, false);
  EXPECT_EQ(verdict_sentence(read_report_data(db)),
            "Yes: all 15 documents passed the fidelity check, no URL of the crawl failed, no errors were found, no "
            "links to old posts are missing and all 3 archives verified.");
  db.exec("DELETE FROM fetched_urls; DELETE FROM fetch_runs");
  testing::put_crawl(db, true);
  EXPECT_EQ(verdict_sentence(read_report_data(db)),
            "Not yet: look first at 2 URLs that could not be fetched from the live blog.");
  db.exec("DELETE FROM fetched_urls; DELETE FROM fetch_runs; DELETE FROM problems WHERE stage = 'fetch'");

  db.exec("UPDATE document_links SET outcome = 'missing' WHERE kind = 'link' AND outcome = 'rewritten'");
  db.exec("UPDATE sources SET complete = 0 WHERE kind = 'warc'");
  ReportData several = read_report_data(db);
  EXPECT_EQ(verdict_sentence(several),
            "Not yet: look first at 1 source not read to the end, then at 8 links to old posts that were not found.");
}

TEST_F(ReportDataTest, AnEmptyDatabaseSaysSoInsteadOfFailing) {
  auto dir = testing::temp_dir("report-empty");
  StagingStore empty((dir / "staging.db").string());
  const ReportData r = read_report_data(empty.db());
  EXPECT_TRUE(r.blogs.empty());
  EXPECT_TRUE(r.fidelity.empty());
  EXPECT_TRUE(r.archives.empty());
  EXPECT_FALSE(r.switch_off);
  ASSERT_FALSE(r.reasons.empty());
  EXPECT_EQ(r.reasons[0].what, "nothing");
  std::filesystem::remove_all(dir);
}

TEST(ReportText, CleanTextReplacesInvalidUtf8AndControls) {
  EXPECT_EQ(clean_text("plain, crème, 日本, 🍞"), "plain, crème, 日本, 🍞");
  EXPECT_EQ(clean_text("tab\tline\nreturn\r"), "tab\tline\nreturn\r");
  EXPECT_EQ(clean_text(std::string("nul\0x", 5)), "nul\xEF\xBF\xBDx");
  EXPECT_EQ(clean_text("bad \xC3 byte"), "bad \xEF\xBF\xBD byte");
  EXPECT_EQ(clean_text("overlong \xC0\xAF"), "overlong \xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(clean_text("surrogate \xED\xA0\x80"), "surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(clean_text("cut \xE6\x97"), "cut \xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(ReportText, FidelityDetailSplitsAtItemsOnly) {
  EXPECT_TRUE(split_fidelity_detail("").empty());
  EXPECT_EQ(split_fidelity_detail("missing link /a; break lost between 'x' and 'y'"),
            (std::vector<std::string>{"missing link /a", "break lost between 'x' and 'y'"}));
  EXPECT_EQ(split_fidelity_detail("text lost: 'one; two'; code block 1 changed: 'a' became 'b'; and 12 more"),
            (std::vector<std::string>{"text lost: 'one; two'", "code block 1 changed: 'a' became 'b'", "and 12 more"}));
  EXPECT_EQ(split_fidelity_detail("text lost: 'x; and so more'"), std::vector<std::string>{"text lost: 'x; and so more'"});
}

}  // namespace
}  // namespace blogshift
