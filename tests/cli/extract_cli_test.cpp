// The blogshift and blogshift-extract binaries as a person runs them: exit
// codes, stdout/stderr discipline, re-runs, and a run killed mid-way.
#include <gtest/gtest.h>

#include "db_dump.h"
#include "run_command.h"
#include "staging_summary.h"
#include "temp_file.h"
#include "test_paths.h"

using namespace blogshift;
using blogshift::testing::run_command;
using blogshift::testing::shell_quote;

namespace {

std::string classic_fixture() { return shell_quote(blogshift::testing::fixture("exports/classic-small.xml")); }

// A classic export with `n` posts, written by the test.
std::string generated_export(const std::filesystem::path& dir, int n) {
  std::string xml =
      "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
      "<id>tag:blogger.com,1999:blog-77.archive</id><updated>2030-01-01T00:00:00Z</updated>\n";
  for (int i = 1; i <= n; ++i)
    xml += "<entry><id>tag:blogger.com,1999:blog-77.post-" + std::to_string(i) +
           "</id><published>2020-01-01T00:00:00Z</published><updated>2020-01-01T00:00:00Z</updated>"
           "<category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/>"
           "<title type='text'>P" + std::to_string(i) + "</title><content type='html'>x</content>"
           "<link rel='alternate' type='text/html' href='http://g.blogspot.com/2020/01/p" + std::to_string(i) +
           ".html'/></entry>\n";
  return blogshift::testing::write_file(dir / "generated.xml", xml + "</feed>");
}

}  // namespace

TEST(ExtractCli, CleanExportExitsZeroAndStatusCountsIt) {
  auto dir = blogshift::testing::temp_dir("cli-clean");
  auto r = run_command("cli/blogshift", "extract " + classic_fixture() + " --out " + shell_quote(dir.string()));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(blogshift::testing::without_progress(r.err), "");
  EXPECT_NE(r.out.find("classic\t"), std::string::npos);
  EXPECT_NE(r.out.find("9 items, 0 assets, 0 skipped, 0 errors, 0 warnings"), std::string::npos) << r.out;
  auto s = run_command("cli/blogshift", "status --out " + shell_quote(dir.string()));
  EXPECT_EQ(s.exit_code, 0) << s.err;
  EXPECT_NE(s.out.find("blog 1111222233334444555  Small Classic  (smallclassic.blogspot.com)"), std::string::npos)
      << s.out;
  // post row: LIVE DRAFT SCHEDULED TRASHED UNKNOWN total
  EXPECT_NE(s.out.find("  post             1         1         1         0         0         3"), std::string::npos)
      << s.out;
  EXPECT_NE(s.out.find("problems 0"), std::string::npos);
}

TEST(ExtractCli, RerunChangesNothingAndForceGivesTheSameState) {
  auto dir = blogshift::testing::temp_dir("cli-rerun");
  std::string args = "extract " + classic_fixture() + " --out " + shell_quote(dir.string());
  ASSERT_EQ(run_command("cli/blogshift", args).exit_code, 0);
  const std::string db = (dir / ".blogshift" / "staging.db").string();
  const std::string first = blogshift::testing::dump_database(db);
  auto again = run_command("cli/blogshift", args);
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_NE(again.out.find("unchanged since last run"), std::string::npos);
  EXPECT_EQ(blogshift::testing::dump_database(db), first);
  EXPECT_EQ(run_command("cli/blogshift", args + " --force").exit_code, 0);
  EXPECT_EQ(blogshift::testing::dump_database(db), first);
}

TEST(ExtractCli, ProblemsGoToStderrAsOneLineEachAndExitOne) {
  auto dir = blogshift::testing::temp_dir("cli-problems");
  std::string bad = blogshift::testing::write_file(
      dir / "bad.xml",
      "<?xml version='1.0'?>\n<feed xmlns='http://www.w3.org/2005/Atom'><id>tag:blogger.com,1999:blog-5.archive</id>\n"
      "<entry><id>tag:blogger.com,1999:blog-5.post-1</id><title>x</titl></entry></feed>");
  auto r = run_command("extract/blogshift-extract",
                       shell_quote(bad) + " --out " + shell_quote((dir / "out").string()));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("blogshift-extract: " + bad + ":3:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(": error: "), std::string::npos);
  EXPECT_NE(r.err.find("[XML_MALFORMED]"), std::string::npos);
  Database db((dir / "out" / ".blogshift" / "staging.db").string());
  StagingSummary s = read_staging_summary(db);
  EXPECT_EQ((s.problems[{"extract", "XML_MALFORMED", "error"}]), 1);
  // Unchanged, so not read again; its problem still stands.
  auto again = run_command("extract/blogshift-extract", shell_quote(bad) + " --out " + shell_quote((dir / "out").string()));
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.out.find("unchanged since last run (1 errors, 0 warnings recorded"), std::string::npos) << again.out;
}

TEST(ExtractCli, UnopenableSourceExitsTwoButOthersAreStillRead) {
  auto dir = blogshift::testing::temp_dir("cli-missing");
  auto r = run_command("cli/blogshift", "extract /nonexistent/feed.atom " + classic_fixture() + " --out " +
                                            shell_quote(dir.string()));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/nonexistent/feed.atom"), std::string::npos);
  EXPECT_NE(r.err.find("[SOURCE_UNREADABLE]"), std::string::npos);
  Database db((dir / ".blogshift" / "staging.db").string());
  EXPECT_EQ(read_staging_summary(db).count("post"), 3);
}

TEST(ExtractCli, UsageErrorsExitTwoWithAHint) {
  auto r = run_command("cli/blogshift", "extract");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("Try 'blogshift --help'"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
  auto help = run_command("cli/blogshift", "extract --help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--force"), std::string::npos);
}

TEST(ExtractCli, KilledRunLeavesAConsistentDatabaseThatARerunCompletes) {
  auto dir = blogshift::testing::temp_dir("cli-killed");
  std::string source = generated_export(dir, 1200);
  std::string args = "extract " + shell_quote(source) + " --out " + shell_quote((dir / "out").string());
  auto killed = run_command("cli/blogshift", args, "BLOGSHIFT_TEST_KILL_AFTER_UNITS=700");
  EXPECT_EQ(killed.signal, 9) << "exit " << killed.exit_code << " " << killed.err;
  const std::string db_path = (dir / "out" / ".blogshift" / "staging.db").string();
  {
    Database db(db_path);
    auto check = db.prepare("PRAGMA integrity_check");
    ASSERT_TRUE(check.step());
    EXPECT_EQ(check.column_text(0), "ok");
    auto fk = db.prepare("PRAGMA foreign_key_check");
    EXPECT_FALSE(fk.step());
    StagingSummary s = read_staging_summary(db);
    EXPECT_EQ(s.count("post"), 500);  // the first commit (every 500 units) survived, the rest rolled back
    ASSERT_EQ(s.sources.size(), 1u);
    EXPECT_FALSE(s.sources[0].complete);
  }
  auto rerun = run_command("cli/blogshift", args);
  EXPECT_EQ(rerun.exit_code, 0) << rerun.err;
  Database db(db_path);
  StagingSummary s = read_staging_summary(db);
  EXPECT_EQ(s.count("post"), 1200);
  EXPECT_TRUE(s.sources[0].complete);
  EXPECT_EQ(s.sources[0].units, 1200);
}
