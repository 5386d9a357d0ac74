// `blogshift run` again: after a kill mid-transform it finishes with the
// result a fresh run gives, and a re-run with nothing changed converts no
// document.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "run_command.h"
#include "sqlite_db.h"
#include "temp_file.h"
#include "test_paths.h"

using blogshift::testing::run_command;
using blogshift::testing::shell_quote;
namespace fs = std::filesystem;

namespace {

std::string run_args(const fs::path& out) {
  std::string args = "run";
  for (const char* s : {"sample-blog/feed.atom", "sample-blog/mirror", "sample-blog/sample-blog.warc.gz"})
    args += " " + shell_quote(blogshift::testing::fixture(s));
  return args + " --comments --archives tar.gz --out " + shell_quote(out.string());
}

// Every file under `dir`/`sub` by relative path, with its bytes.
std::map<std::string, std::string> files(const fs::path& dir, const std::string& sub) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir / sub))
    if (e.is_regular_file()) out[fs::relative(e.path(), dir).string()] = blogshift::testing::read_file(e.path());
  return out;
}

int64_t count(const fs::path& out, const std::string& sql) {
  blogshift::Database db((out / ".blogshift" / "staging.db").string());
  auto q = db.prepare(sql);
  return q.step() ? q.column_int(0) : -1;
}

}  // namespace

TEST(Rerun, KilledMidTransformThenRunAgainGivesTheFreshResult) {
  const fs::path dir = blogshift::testing::temp_dir("cli-killed-transform");
  const fs::path killed_out = dir / "killed", fresh_out = dir / "fresh";
  auto killed = run_command("cli/blogshift", run_args(killed_out), "BLOGSHIFT_TEST_KILL_AFTER_DOCUMENTS=5");
  ASSERT_EQ(killed.signal, 9) << "exit " << killed.exit_code << " " << killed.err;
  // The transform's transaction was rolled back; extract's work stayed.
  EXPECT_EQ(count(killed_out, "SELECT COUNT(*) FROM documents"), 0);
  EXPECT_EQ(count(killed_out, "SELECT COUNT(*) FROM items WHERE kind = 'post'"), 15);
  EXPECT_FALSE(fs::exists(killed_out / "content"));

  auto again = run_command("cli/blogshift", run_args(killed_out));
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("15 converted, 0 unchanged"), std::string::npos) << again.out;
  auto fresh = run_command("cli/blogshift", run_args(fresh_out));
  ASSERT_EQ(fresh.exit_code, 0) << fresh.err;
  for (const char* sub : {"content", "redirects"}) {
    const auto a = files(killed_out, sub), b = files(fresh_out, sub);
    EXPECT_GT(a.size(), 5u) << sub;
    EXPECT_TRUE(a == b) << sub << " differs from a fresh run's";
  }
  // No scratch file of the killed run is left behind.
  for (const auto& e : fs::directory_iterator(killed_out / ".blogshift"))
    EXPECT_EQ(e.path().filename().string().find("transform-plan"), std::string::npos) << e.path();
}

TEST(Rerun, ASecondRunConvertsNoDocument) {
  const fs::path out = blogshift::testing::temp_dir("cli-rerun") / "out";
  auto first = run_command("cli/blogshift", run_args(out));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("15 converted, 0 unchanged"), std::string::npos) << first.out;
  const auto before = files(out, "content");
  auto second = run_command("cli/blogshift", run_args(out));
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("0 converted, 15 unchanged"), std::string::npos) << second.out;
  EXPECT_TRUE(files(out, "content") == before);
}
