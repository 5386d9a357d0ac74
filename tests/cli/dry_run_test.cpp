// `blogshift run --dry-run` says what it would write, change, keep and remove,
// and leaves the output folder exactly as it was (or absent).
#include <gtest/gtest.h>

#include <map>

#include "run_command.h"
#include "temp_file.h"
#include "test_paths.h"

namespace blogshift {
namespace {

using testing::fixture;
using testing::run_command;
using testing::shell_quote;

std::map<std::string, std::string> snapshot(const std::filesystem::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.is_regular_file()) files[e.path().string()] = testing::read_file(e.path());
  return files;
}

int count_lines_starting(const std::string& text, const std::string& prefix) {
  int n = 0;
  for (size_t pos = 0; pos < text.size();) {
    if (text.compare(pos, prefix.size(), prefix) == 0) ++n;
    const size_t end = text.find('\n', pos);
    pos = end == std::string::npos ? text.size() : end + 1;
  }
  return n;
}

const std::string kSources =
    shell_quote(fixture("sample-blog/feed.atom")) + " " + shell_quote(fixture("sample-blog/mirror"));

TEST(DryRun, AFirstRunWouldWriteEverythingAndWritesNothing) {
  const auto out = testing::temp_dir("dry-run-fresh") / "site";
  auto r = run_command("cli/blogshift", "run " + kSources + " --out " + shell_quote(out.string()) + " --dry-run");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(count_lines_starting(r.out, "new\t"), 27) << r.out;
  EXPECT_NE(r.out.find("new\tcontent/posts/sourdough/index.md\n"), std::string::npos);
  EXPECT_NE(r.out.find("nothing was written"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(DryRun, AfterARunItReportsChangesAndKeptEditsAndTouchesNoFile) {
  const auto out = testing::temp_dir("dry-run-again") / "site";
  const std::string base = "run " + kSources + " --out " + shell_quote(out.string()) + " --archives none";
  ASSERT_EQ(run_command("cli/blogshift", base + " -q").exit_code, 0);
  testing::write_file(out / "content/posts/sourdough/index.md", "my own version\n");
  const auto before = snapshot(out);

  auto same = run_command("cli/blogshift", base + " --dry-run");
  ASSERT_EQ(same.exit_code, 0) << same.err;
  EXPECT_EQ(count_lines_starting(same.out, "new\t") + count_lines_starting(same.out, "changed\t"), 0) << same.out;
  EXPECT_NE(same.out.find("kept\tcontent/posts/sourdough/index.md"), std::string::npos) << same.out;

  auto hugo = run_command("cli/blogshift", base + " --dry-run --layout hugo");
  ASSERT_EQ(hugo.exit_code, 0) << hugo.err;
  EXPECT_EQ(count_lines_starting(hugo.out, "changed\t"), 14) << hugo.out;  // the front matter of every other document

  EXPECT_EQ(snapshot(out), before);
}

}  // namespace
}  // namespace blogshift
