// run_load on the staged sample blog: a progress step for the content tree,
// the archives and their verification, and with -v one line per output, all
// through the StageLog in LoadOptions (silent by default); what it reports
// for print_where; and the redirect maps recorded under their real paths.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "load_command.h"
#include "load_stage.h"
#include "run_command.h"
#include "staging_store.h"
#include "test_paths.h"
#include "verify_command.h"

namespace blogshift {
namespace {

using testing::fixture;
using testing::shell_quote;

class LoadStageLog : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    dir_ = new std::filesystem::path(testing::temp_dir("load-stage-log"));
    auto r = testing::run_command(
        "cli/blogshift", "run " + shell_quote(fixture("sample-blog/feed.atom")) + " " +
                             shell_quote(fixture("sample-blog/sample-blog.warc.gz")) + " --out " +
                             shell_quote(dir_->string()) + " --archives none --redirects none -q");
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*dir_);
    delete dir_;
  }
  static LoadOptions options() {
    LoadOptions o;
    o.out_dir = dir_->string();
    o.archive_formats = {"tar.gz", "warc"};
    o.redirect_formats = {"nginx", "json"};
    return o;
  }
  static std::string db_path() { return (*dir_ / ".blogshift/staging.db").string(); }
  static std::filesystem::path* dir_;
};
std::filesystem::path* LoadStageLog::dir_ = nullptr;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST_F(LoadStageLog, EveryStepShowsProgressAndVerboseSaysWhatItWrote) {
  StagingStore store(db_path());
  LoadOptions o = options();
  std::ostringstream err;
  o.log = StageLog(Verbosity::verbose, err, ProgressMode::lines);
  const LoadReport r = run_load(store.db(), o);
  const std::string text = err.str();
  // tar.gz, the WARC file and its CDXJ index; then the archives and 3 maps verified (the index with its WARC).
  for (const char* line : {"progress: site      [####################] 15/15 documents",
                           "progress: archives  [####################] 3/3 files",
                           "progress: verify    [####################] 5/5 outputs",
                           "verbose: load: content tree: 15 Markdown files, 12 other files",
                           "verbose: load: redirect maps: 87 old URLs in 3 files in ",
                           "verbose: load: archive " /* then the path */, "/archives/sources.cdxj: cdxj, ",
                           "verbose: verify: ", "/redirects/redirects.json: ok, 1 entries in ", "verbose: load: done in "})
    EXPECT_NE(text.find(line), std::string::npos) << line << "\n" << text;
  for (const auto& line : lines_of(text))
    EXPECT_TRUE(line.rfind("progress: ", 0) == 0 || line.rfind("verbose: ", 0) == 0) << line;

  EXPECT_EQ(r.redirect_formats, (std::vector<std::string>{"nginx", "json"}));
  EXPECT_EQ(r.tree.roots, std::vector<std::string>{"content"});
  EXPECT_EQ(r.report_json, (*dir_ / "report.json").string());
  EXPECT_TRUE(std::filesystem::exists(r.report_json));
}

TEST_F(LoadStageLog, SilentUnlessALogIsGiven) {
  StagingStore store(db_path());
  ::testing::internal::CaptureStderr();
  run_load(store.db(), options());
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

TEST_F(LoadStageLog, RedirectMapsAreRecordedUnderTheirRealPathsSoVerifyCatchesAnEdit) {
  StagingStore store(db_path());
  run_load(store.db(), options());
  std::vector<std::string> maps;
  auto rows = store.db().prepare("SELECT path FROM outputs WHERE kind = 'redirect-map' ORDER BY path");
  while (rows.step()) maps.push_back(rows.column_text(0));
  EXPECT_EQ(maps, (std::vector<std::string>{"redirects/nginx-redirects-map.conf", "redirects/nginx-redirects-server.conf",
                                            "redirects/redirects.json"}));
  {
    std::ofstream edit(*dir_ / "redirects/redirects.json", std::ios::app);
    edit << " ";
  }
  bool caught = false;
  for (const auto& v : verify_outputs(store.db(), dir_->string()))
    if (v.output == (*dir_ / "redirects/redirects.json").string()) caught = !v.ok;
  EXPECT_TRUE(caught);
}

TEST(PrintWhere, PathsUnderTheOutputFolderAsTyped) {
  LoadReport r;
  r.tree.documents = 2;
  r.tree.roots = {"_posts", "pages"};
  r.redirect_files = {"redirects/_redirects", "redirects/caddy-redirects.caddyfile"};
  r.redirect_formats = {"netlify", "caddy"};
  r.outputs = {{"archives/site.zip", "zip", "", 0, 0}, {"archives/bag", "bagit", "", 0, 0}};
  r.report_html = "out/blog/report.html";
  r.report_json = "out/blog/report.json";
  std::ostringstream out;
  print_where(r, "out/blog", out);
  EXPECT_EQ(out.str(),
            "\nWhere everything is:\n"
            "  site           out/blog/_posts/\n"
            "                 out/blog/pages/\n"
            "  redirect maps  out/blog/redirects/  (netlify, caddy)\n"
            "  archives       out/blog/archives/site.zip\n"
            "                 out/blog/archives/bag/\n"
            "  report         out/blog/report.html\n"
            "                 out/blog/report.json\n");
  EXPECT_EQ(shown_path(".", "archives/site.zip"), "archives/site.zip");
  EXPECT_EQ(shown_path("site/", "content"), "site/content");

  std::ostringstream nothing;
  print_where(LoadReport{}, "out/blog", nothing);
  EXPECT_EQ(nothing.str(), "");
}

}  // namespace
}  // namespace blogshift
