// blogshift.yaml: `init` writes one that `run` reads back, the command line
// wins over it, and a bad key is an error naming the file and line.
#include <gtest/gtest.h>

#include "run_command.h"
#include "temp_file.h"
#include "test_paths.h"

namespace blogshift {
namespace {

using testing::fixture;
using testing::read_file;
using testing::run_command;
using testing::shell_quote;

// Runs the built blogshift with `args` inside `dir` (where blogshift.yaml is looked for).
testing::CommandResult blogshift_in(const std::filesystem::path& dir, const std::string& args) {
  return run_command("cli/blogshift", args, "cd " + shell_quote(dir.string()) + " &&");
}

TEST(ConfigFile, InitWritesACommentedFileThatRunReadsBack) {
  const auto dir = testing::temp_dir("config-init");
  auto init = blogshift_in(dir, "init " + shell_quote(fixture("sample-blog/feed.atom")) + " " +
                                    shell_quote(fixture("sample-blog/mirror")) + " --out site");
  ASSERT_EQ(init.exit_code, 0) << init.err;
  const std::string yaml = read_file(dir / "blogshift.yaml");
  EXPECT_NE(yaml.find("# Blog: Kettle & Crumb"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("# Old host names: kettleandcrumb.blogspot.com"), std::string::npos);
  EXPECT_NE(yaml.find("sources:\n  - "), std::string::npos);
  EXPECT_NE(yaml.find("\nlayout: astro\n"), std::string::npos);
  EXPECT_NE(yaml.find("# IANA time zone"), std::string::npos);  // every option with its help as a comment

  // A second init leaves the file alone.
  auto again = blogshift_in(dir, "init " + shell_quote(fixture("sample-blog/feed.atom")));
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_EQ(read_file(dir / "blogshift.yaml"), yaml);

  // `blogshift run` with no arguments migrates what the file names.
  auto run = blogshift_in(dir, "run --archives none --redirects none");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(std::filesystem::exists(dir / "site/content/posts/sourdough/index.md"));
}

TEST(ConfigFile, TheCommandLineWinsOverTheFile) {
  const auto dir = testing::temp_dir("config-precedence");
  testing::write_file(dir / "blogshift.yaml", "sources: [" + fixture("sample-blog/feed.atom") +
                                                  "]\nout: site\nlayout: jekyll\nredirects: none\narchives: [none]\n");
  auto from_file = blogshift_in(dir, "run -q");
  ASSERT_EQ(from_file.exit_code, 0) << from_file.err;
  EXPECT_TRUE(std::filesystem::is_directory(dir / "site/_posts"));

  auto overridden = blogshift_in(dir, "run -q --layout hugo --out site2");
  ASSERT_EQ(overridden.exit_code, 0) << overridden.err;
  EXPECT_TRUE(std::filesystem::exists(dir / "site2/content/posts/sourdough/index.md"));
  EXPECT_NE(read_file(dir / "site2/content/posts/sourdough/index.md").find("\nlastmod: "), std::string::npos);
}

TEST(ConfigFile, AnUnknownKeyIsAnErrorNamingFileAndLine) {
  const auto dir = testing::temp_dir("config-bad");
  testing::write_file(dir / "mine.yaml", "layout: hugo\nlayuot: jekyll\n");
  auto r = blogshift_in(dir, "run --config mine.yaml " + shell_quote(fixture("sample-blog/feed.atom")));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("mine.yaml:2:1: 'layuot' is not an option of 'blogshift run'"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / ".blogshift"));

  testing::write_file(dir / "broken.yaml", "layout: [hugo\n");
  auto broken = blogshift_in(dir, "run --config broken.yaml " + shell_quote(fixture("sample-blog/feed.atom")));
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_NE(broken.err.find("broken.yaml:"), std::string::npos) << broken.err;

  auto missing = blogshift_in(dir, "run --config nothere.yaml " + shell_quote(fixture("sample-blog/feed.atom")));
  EXPECT_EQ(missing.exit_code, 2);
}

}  // namespace
}  // namespace blogshift
