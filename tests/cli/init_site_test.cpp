// `blogshift init --site astro|hugo|jekyll DIR`: writes the skeleton kept in
// fixtures/sites/<layout>/ byte for byte, keeps a file the person changed
// (unless --force), and refuses what is not one folder. The site-build tests
// (tests/site/) build the skeletons with the generators themselves.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "run_command.h"
#include "temp_file.h"
#include "test_paths.h"

namespace blogshift {
namespace {

namespace fs = std::filesystem;
using testing::run_command;
using testing::shell_quote;

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every file under `root`, relative, with its bytes.
std::map<std::string, std::string> files_under(const fs::path& root) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file()) out[fs::relative(e.path(), root).generic_string()] = read_all(e.path());
  return out;
}

class InitSite : public ::testing::TestWithParam<std::string> {};

TEST_P(InitSite, WritesTheSkeletonKeepsEditsAndForceReplacesThem) {
  const std::string layout = GetParam();
  const fs::path dir = testing::temp_dir("init-site-" + layout) / "my site";
  const auto skeleton = files_under(testing::fixture("sites/" + layout));
  ASSERT_GT(skeleton.size(), 5u);
  auto first = run_command("cli/blogshift", "init --site " + layout + " " + shell_quote(dir.string()));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(files_under(dir), skeleton);
  EXPECT_NE(first.out.find("(" + std::to_string(skeleton.size()) + " files, 0 kept)"), std::string::npos) << first.out;
  EXPECT_NE(first.out.find("--layout " + layout), std::string::npos) << "says what to run next";

  const std::string edited = skeleton.begin()->first;
  testing::write_file(dir / edited, "my own\n");
  auto again = run_command("cli/blogshift", "init --site " + layout + " " + shell_quote(dir.string()));
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(read_all(dir / edited), "my own\n");
  EXPECT_NE(again.err.find("kept " + (dir / edited).string()), std::string::npos) << again.err;
  auto forced = run_command("cli/blogshift", "init --site " + layout + " --force " + shell_quote(dir.string()));
  ASSERT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_EQ(files_under(dir), skeleton);
  fs::remove_all(dir.parent_path());
}

INSTANTIATE_TEST_SUITE_P(Layouts, InitSite, ::testing::Values("astro", "hugo", "jekyll"));

TEST(InitSiteErrors, OneFolderAndAKnownGenerator) {
  const fs::path dir = testing::temp_dir("init-site-errors");
  auto two = run_command("cli/blogshift", "init --site hugo " + shell_quote((dir / "a").string()) + " " +
                                              shell_quote((dir / "b").string()));
  EXPECT_EQ(two.exit_code, 2);
  EXPECT_NE(two.err.find("init --site takes one folder"), std::string::npos) << two.err;
  testing::write_file(dir / "file", "x");
  auto file = run_command("cli/blogshift", "init --site hugo " + shell_quote((dir / "file").string()));
  EXPECT_EQ(file.exit_code, 2);
  EXPECT_NE(file.err.find("is not a folder"), std::string::npos) << file.err;
  auto unknown = run_command("cli/blogshift", "init --site wordpress " + shell_quote((dir / "c").string()));
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_FALSE(fs::exists(dir / "c"));
  auto no_sources = run_command("cli/blogshift", "init");
  EXPECT_EQ(no_sources.exit_code, 2);
  EXPECT_NE(no_sources.err.find("init needs the blog's sources"), std::string::npos) << no_sources.err;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace blogshift
