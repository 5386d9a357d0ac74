// The blogshift experience as a new user meets it: the README's main-job
// command ends by saying where the site, the redirect maps, the archives and
// the report are (as paths under --out as typed); `status` lists every output
// and whether it verified; -q keeps only results and problems, -v says what
// each stage did; -q and -v together are a usage error.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "run_command.h"
#include "temp_file.h"
#include "test_paths.h"

namespace blogshift {
namespace {

using testing::fixture;
using testing::run_command;
using testing::shell_quote;

const std::string kSources = shell_quote(fixture("sample-blog/feed.atom")) + " " +
                             shell_quote(fixture("sample-blog/mirror")) + " " +
                             shell_quote(fixture("sample-blog/sample-blog.warc.gz"));

// blogshift run inside `dir`, so relative paths are relative to it.
testing::CommandResult blogshift_in(const std::filesystem::path& dir, const std::string& args) {
  return run_command("cli/blogshift", args, "cd " + shell_quote(dir.string()) + " &&");
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The text from "Where everything is:" to the end.
std::string where_block(const std::string& out) {
  const size_t at = out.find("Where everything is:\n");
  return at == std::string::npos ? "" : out.substr(at);
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// One run of the README's main job in a fresh folder, shared by the tests that only read it.
class MainJob : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    dir_ = new std::filesystem::path(testing::temp_dir("ux-main-job"));
    run_ = new testing::CommandResult(blogshift_in(*dir_, "run " + kSources + " --out out/sample-blog --comments"));
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*dir_);
    delete dir_;
    delete run_;
  }
  static std::filesystem::path* dir_;
  static testing::CommandResult* run_;
};
std::filesystem::path* MainJob::dir_ = nullptr;
testing::CommandResult* MainJob::run_ = nullptr;

TEST_F(MainJob, RunEndsBySayingWhereEverythingIs) {
  ASSERT_EQ(run_->exit_code, 0) << run_->err;
  EXPECT_EQ(where_block(run_->out),
            "Where everything is:\n"
            "  site           out/sample-blog/content/\n"
            "  redirect maps  out/sample-blog/redirects/  (nginx, apache, netlify, caddy, cloudflare-csv, json)\n"
            "  archives       out/sample-blog/archives/site.tar.gz\n"
            "                 out/sample-blog/archives/sources.warc.gz\n"
            "                 out/sample-blog/archives/sources.cdxj\n"
            "                 out/sample-blog/archives/bag/\n"
            "  report         out/sample-blog/report.html\n"
            "                 out/sample-blog/report.json\n")
      << run_->out;
  // Every path it names is there, relative to where the command ran.
  for (const auto& line : lines_of(where_block(run_->out))) {
    const size_t at = line.find("out/sample-blog/");
    if (at == std::string::npos) continue;
    const std::string path = line.substr(at, line.find("  (", at) - at);
    EXPECT_TRUE(std::filesystem::exists(*dir_ / path)) << path;
  }
}

TEST_F(MainJob, ProgressForEveryLoadStepGoesToStderrAsPlainLines) {
  // Not a terminal: "progress: " lines, one set per step, each ending "done in".
  for (const char* step : {"progress: site      [####################] 15/15 documents",
                           "progress: archives  [####################] 4/4 files",
                           // What the bag's report could not yet say: the bag itself (the
                           // rest was read back before the bag was written).
                           "progress: verify    [####################] 1/1 outputs"})
    EXPECT_NE(run_->err.find(step), std::string::npos) << step << "\n" << run_->err;
  EXPECT_EQ(run_->out.find("progress:"), std::string::npos) << "progress is not a result";
  EXPECT_EQ(run_->err.find("verbose:"), std::string::npos) << "no -v, no verbose lines";
}

TEST_F(MainJob, StatusListsEveryOutputAndHowToVerifyIt) {
  auto s = blogshift_in(*dir_, "status --out out/sample-blog");
  ASSERT_EQ(s.exit_code, 0) << s.err;
  const size_t outputs = s.out.find("\noutputs\n");
  ASSERT_NE(outputs, std::string::npos) << s.out;
  const std::string tail = s.out.substr(outputs);
  EXPECT_NE(tail.find("  site       out/sample-blog/content/  (30 files)\n  feed       out/sample-blog/public/rss.xml\n"
                      "  authors    out/sample-blog/content/authors/  (1 record, 0 avatars)\n"
                      "  listings   out/sample-blog/content/listings/  (23 tag, archive and author pages)\n"),
            std::string::npos)
      << tail;
  EXPECT_NE(tail.find("  archive    tar.gz            22.0 KiB      64 entries  verified   "
                      "out/sample-blog/archives/site.tar.gz\n"),
            std::string::npos)
      << tail;
  EXPECT_NE(tail.find(" 134 records  verified   out/sample-blog/archives/sources.warc.gz\n"), std::string::npos);
  EXPECT_NE(tail.find("  index      cdxj "), std::string::npos);
  EXPECT_NE(tail.find(" entries  verified   out/sample-blog/archives/bag/\n"), std::string::npos) << tail;
  EXPECT_NE(tail.find("  redirects  netlify  "), std::string::npos) << tail;
  EXPECT_NE(tail.find(" 87 rules    verified   out/sample-blog/redirects/_redirects\n"), std::string::npos) << tail;
  EXPECT_NE(tail.find("  report     out/sample-blog/report.html, out/sample-blog/report.json\n"), std::string::npos);
  // 9 redirect maps, tar.gz, WARC, CDXJ, bag.
  EXPECT_TRUE(tail.ends_with("\nAll 13 outputs verified when last checked. Re-check them at any time: "
                             "blogshift verify --out out/sample-blog\n"))
      << tail;
}

TEST(Status, ADamagedOutputShowsAsFailedWithWhatVerifyFound) {
  const auto dir = testing::temp_dir("ux-status-damaged");
  ASSERT_EQ(blogshift_in(dir, "run " + kSources + " --out site -q").exit_code, 0);
  {
    std::ofstream map(dir / "site/redirects/_redirects", std::ios::app);
    map << "/sneaky /elsewhere 301\n";
  }
  std::filesystem::remove(dir / "site/archives/site.tar.gz");
  auto v = blogshift_in(dir, "verify --out site");
  EXPECT_EQ(v.exit_code, 1) << v.out << v.err;
  // The redirect map's own digest is what catches an edit to it.
  EXPECT_NE(v.out.find("FAILED\tsite/redirects/_redirects"), std::string::npos) << v.out;

  auto s = blogshift_in(dir, "status --out site");
  ASSERT_EQ(s.exit_code, 0) << s.err;
  EXPECT_NE(s.out.find("FAILED     site/redirects/_redirects\n"
                       "             redirects/_redirects: the file's SHA-256 differs from the one recorded when it "
                       "was written\n"),
            std::string::npos)
      << s.out;
  EXPECT_NE(s.out.find("FAILED     site/archives/site.tar.gz\n"
                       "             missing: it was written by load but is not there any more\n"),
            std::string::npos)
      << s.out;
  EXPECT_NE(s.out.find("\n2 of 13 outputs FAILED verification. Re-check them at any time: blogshift verify --out site\n"),
            std::string::npos)
      << s.out;
}

TEST(Status, BeforeLoadItSaysThereAreNoOutputsYet) {
  const auto dir = testing::temp_dir("ux-status-none");
  ASSERT_EQ(blogshift_in(dir, "extract " + shell_quote(fixture("sample-blog/feed.atom")) + " --out site -q").exit_code, 0);
  auto s = blogshift_in(dir, "status --out site");
  ASSERT_EQ(s.exit_code, 0) << s.err;
  EXPECT_TRUE(s.out.ends_with("\noutputs none yet: 'blogshift load' (or 'blogshift run') writes the site, redirect "
                              "maps and archives\n"))
      << s.out;
}

TEST(Verbosity, QuietKeepsTheResultsAndOnlyProblemsOnStderr) {
  const auto dir = testing::temp_dir("ux-quiet");
  auto r = blogshift_in(dir, "run " + kSources + " --out site -q");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Only the one warning the sample blog has: no progress, no verbose lines.
  EXPECT_EQ(r.err,
            "blogshift: warning: cloudflare-csv: redirects from kettleandcrumb.blogspot.com, which cannot be a zone "
            "on Cloudflare; give the blog's own domain as the source host\n");
  // Results are not progress: the summary lines and where things are stay on stdout.
  EXPECT_NE(r.out.find("transform\t15 documents"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  site           site/content/\n"), std::string::npos) << r.out;

  auto e = blogshift_in(dir, "extract " + shell_quote(fixture("sample-blog/feed.atom")) + " --out site -q");
  EXPECT_EQ(e.err, "");
  EXPECT_NE(e.out.find("unchanged since last run"), std::string::npos) << e.out;
}

TEST(Verbosity, VerboseSaysWhatEachStageDidAndHowLong) {
  const auto dir = testing::temp_dir("ux-verbose");
  auto r = blogshift_in(dir, "run " + kSources + " --out site --archives tar.gz -v");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* line :
       {"verbose: extract: " /* per source */, "verbose: extract: 3 sources (0 unchanged) in ",
        "; the staging database holds 15 posts, 6 comments, 1 page, 50 assets\n",
        "verbose: transform: 15 documents (14 posts, 1 pages), fidelity passed 15/15 in ",
        "verbose: load: content tree: 15 Markdown files, 12 other files (27 written, 0 unchanged, 0 removed, 0 kept) in ",
        "verbose: load: redirect map site/redirects/_redirects: netlify, 87 rules\n",
        "verbose: load: author records: 1 (avatars 0 local, 0 remote; 1 file written) in ",
        "verbose: load: listing pages: 23 (23 files written) in ",
        "verbose: load: archive site/archives/site.tar.gz: tar.gz, 61 entries, ",
        "verbose: verify: site/archives/site.tar.gz: ok, 61 entries in ",
        "verbose: load: done in ", "verbose: run: done in "})
    EXPECT_NE(r.err.find(line), std::string::npos) << line << "\n" << r.err;
  EXPECT_NE(r.err.find(shell_quote(fixture("sample-blog/mirror")).substr(1, 20)), std::string::npos);
  // stderr holds progress, verbose lines and the one warning; nothing else.
  for (const auto& line : lines_of(r.err))
    EXPECT_TRUE(starts_with(line, "progress: ") || starts_with(line, "verbose: ") ||
                starts_with(line, "blogshift: warning: cloudflare-csv"))
        << line;
  EXPECT_EQ(r.out.find("verbose:"), std::string::npos);

  // The stage commands take -v too.
  auto t = blogshift_in(dir, "transform --out site -v");
  EXPECT_EQ(t.exit_code, 0) << t.err;
  EXPECT_NE(t.err.find("verbose: transform: 15 documents"), std::string::npos) << t.err;
  auto l = blogshift_in(dir, "load --out site --archives none --redirects none --verbose");
  EXPECT_EQ(l.exit_code, 0) << l.err;
  EXPECT_NE(l.err.find("verbose: load: content tree: 15 Markdown files, 12 other files (0 written, 27 unchanged"),
            std::string::npos)
      << l.err;
}

TEST(Verbosity, QuietAndVerboseTogetherIsAUsageError) {
  const auto dir = testing::temp_dir("ux-quiet-verbose");
  const std::string feed = shell_quote(fixture("sample-blog/feed.atom"));
  const std::vector<std::string> commands = {"run " + feed + " --out site -q -v", "extract " + feed + " --out site -v --quiet",
                                            "transform --out site -q -v", "load --out site -q -v",
                                            "verify --out site -q -v"};
  for (const std::string& args : commands) {
    auto r = blogshift_in(dir, args);
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_NE(r.err.find("excludes"), std::string::npos) << args << ": " << r.err;
    EXPECT_NE(r.err.find("Try 'blogshift --help'"), std::string::npos) << r.err;
  }
  EXPECT_FALSE(std::filesystem::exists(dir / "site")) << "nothing runs";
}

TEST(Verbosity, TheConfigFilesVerboseYieldsToQuietOnTheCommandLine) {
  const auto dir = testing::temp_dir("ux-config-verbose");
  testing::write_file(dir / "blogshift.yaml", "sources: [" + fixture("sample-blog/feed.atom") +
                                                  "]\nout: site\nredirects: none\narchives: none\nquiet: false\n"
                                                  "verbose: true\n");
  auto verbose = blogshift_in(dir, "run");
  ASSERT_EQ(verbose.exit_code, 0) << verbose.err;
  EXPECT_NE(verbose.err.find("verbose: run: done in "), std::string::npos) << verbose.err;
  auto quiet = blogshift_in(dir, "run -q");
  ASSERT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_EQ(quiet.err, "");

  // Both set in the file is a contradiction the file has to settle.
  testing::write_file(dir / "both.yaml", "quiet: true\nverbose: true\n");
  auto both = blogshift_in(dir, "run --config both.yaml " + shell_quote(fixture("sample-blog/feed.atom")));
  EXPECT_EQ(both.exit_code, 2) << both.err;
}

TEST(Where, OnlyWhatThisRunWroteIsListed) {
  const auto dir = testing::temp_dir("ux-where-jekyll");
  auto r = blogshift_in(dir, "run " + shell_quote(fixture("sample-blog/feed.atom")) +
                                 " --out blog --layout jekyll --comments --archives none --redirects nginx");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(where_block(r.out),
            "Where everything is:\n"
            "  site           blog/_data/\n"
            "                 blog/_posts/\n"
            "                 blog/pages/\n"
            "  redirect maps  blog/redirects/  (nginx)\n"
            "  report         blog/report.html\n"
            "                 blog/report.json\n")
      << r.out;

  // `load` alone ends the same way; an output folder given as "." shows bare paths.
  auto l = blogshift_in(dir / "blog", "load --archives zip --redirects none");
  ASSERT_EQ(l.exit_code, 0) << l.err;
  EXPECT_EQ(where_block(l.out),
            "Where everything is:\n"
            "  site           _data/\n"
            "                 _posts/\n"
            "                 pages/\n"
            "  archives       archives/site.zip\n"
            "  report         report.html\n"
            "                 report.json\n")
      << l.out;
}

}  // namespace
}  // namespace blogshift
