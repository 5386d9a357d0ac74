// blogshift run / transform / convert as a person types them.
#include <gtest/gtest.h>

#include <filesystem>

#include "run_command.h"
#include "temp_file.h"
#include "test_paths.h"

using blogshift::testing::run_command;
using blogshift::testing::shell_quote;

namespace {
std::string sample(const std::string& relative) { return shell_quote(blogshift::testing::fixture("sample-blog/" + relative)); }
}  // namespace

TEST(RunCli, RunMigratesTheSampleBlogAndSaysWhereTheSiteIs) {
  auto dir = blogshift::testing::temp_dir("cli-run");
  auto r = run_command("cli/blogshift", "run " + sample("feed.atom") + " " + sample("mirror") + " " +
                                            sample("sample-blog.warc.gz") + " --out " + shell_quote(dir.string()));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  // The one thing said on stderr besides progress: a blogspot host cannot be a
  // Cloudflare zone, so that map only helps once the blog has its own domain.
  EXPECT_EQ(blogshift::testing::without_progress(r.err),
            "blogshift: warning: cloudflare-csv: redirects from kettleandcrumb.blogspot.com, which cannot be a zone "
            "on Cloudflare; give the blog's own domain as the source host\n");
  EXPECT_NE(r.out.find("redirects\t87 old URLs"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("archive\ttar.gz\t"), std::string::npos) << r.out;
  EXPECT_TRUE(std::filesystem::exists(dir / "archives" / "bag" / "bagit.txt"));
  EXPECT_NE(r.err.find("progress: extract"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("transform\t15 documents"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("fidelity passed 15/15"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("site\t15 Markdown files"), std::string::npos) << r.out;
  EXPECT_TRUE(std::filesystem::exists(dir / "content" / "posts" / "sourdough-2" / "index.md"));
  EXPECT_TRUE(std::filesystem::exists(dir / "content" / "pages" / "about" / "index.md"));
  auto s = run_command("cli/blogshift", "status --out " + shell_quote(dir.string()));
  EXPECT_NE(s.out.find("documents 15, fidelity passed 15 (100.0%)"), std::string::npos) << s.out;
}

TEST(RunCli, TransformStageBinaryOnAnExtractedFolder) {
  auto dir = blogshift::testing::temp_dir("cli-transform");
  ASSERT_EQ(run_command("cli/blogshift", "extract " + sample("feed.atom") + " --out " + shell_quote(dir.string())).exit_code, 0);
  auto r = run_command("transform/blogshift-transform", "--out " + shell_quote(dir.string()) +
                                                            " --timezone America/Los_Angeles --jobs 2");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("15 documents"), std::string::npos) << r.out;
  auto bad = run_command("transform/blogshift-transform", "--out " + shell_quote(dir.string()) + " --jobs 0");
  EXPECT_EQ(bad.exit_code, 2);
}

TEST(RunCli, ConvertPrintsMarkdownOrTheTree) {
  auto dir = blogshift::testing::temp_dir("cli-convert");
  std::string html = blogshift::testing::write_file(dir / "body.html", "<p>Hello <b>world</b>, snake_case</p>");
  auto md = run_command("cli/blogshift", "convert " + shell_quote(html));
  EXPECT_EQ(md.exit_code, 0);
  EXPECT_EQ(md.out, "Hello **world**, snake_case\n");
  auto ast = run_command("cli/blogshift", "convert --dump-ast " + shell_quote(html));
  EXPECT_NE(ast.out.find("Strong"), std::string::npos) << ast.out;
  auto missing = run_command("cli/blogshift", "convert /nonexistent/body.html");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("/nonexistent/body.html"), std::string::npos);
}
