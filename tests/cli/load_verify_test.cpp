// The whole migration's outputs: `blogshift run --archives all` on the sample
// blog writes archives that verify, a re-run gives the same bytes, tools not
// written here agree, and one flipped byte in any archive makes `verify`
// exit 1 naming the damaged output.
#include <gtest/gtest.h>

#include <fstream>

#include "digest.h"
#include "external_tool.h"
#include "run_command.h"
#include "temp_file.h"
#include "test_paths.h"

namespace blogshift {
namespace {

using testing::fixture;
using testing::read_file;
using testing::run_command;
using testing::shell_quote;

class LoadVerify : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    out_ = new std::filesystem::path(testing::temp_dir("load-verify") / "site");
    auto r = run_command("cli/blogshift", "run " + sources() + " --out " + shell_quote(out_->string()) +
                                              " --comments --archives all -q");
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() { delete out_; }
  static std::string sources() {
    return shell_quote(fixture("sample-blog/feed.atom")) + " " + shell_quote(fixture("sample-blog/mirror")) + " " +
           shell_quote(fixture("sample-blog/sample-blog.warc.gz"));
  }
  // A copy of the output folder to damage.
  std::filesystem::path copy_of_output(const std::string& name) {
    const auto copy = testing::temp_dir("load-verify-" + name) / "site";
    std::filesystem::copy(*out_, copy, std::filesystem::copy_options::recursive);
    return copy;
  }
  static void flip_byte(const std::filesystem::path& file, std::streamoff at) {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(at);
    char c = 0;
    f.get(c);
    f.seekp(at);
    f.put(static_cast<char>(c ^ 0x20));
  }
  static std::filesystem::path* out_;
};
std::filesystem::path* LoadVerify::out_ = nullptr;

TEST_F(LoadVerify, EveryOutputVerifies) {
  auto r = run_command("cli/blogshift", "verify --out " + shell_quote(out_->string()));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  for (const char* name : {"archives/site.tar.gz", "archives/site.tar.zst", "archives/site.zip",
                           "archives/sources.warc.gz", "archives/bag", "redirects/nginx-redirects-map.conf"})
    EXPECT_NE(r.out.find(std::string("ok\t") + (*out_ / name).string() + "\t"), std::string::npos) << name << r.out;
}

TEST_F(LoadVerify, AReRunGivesTheSameArchiveBytes) {
  const auto copy = copy_of_output("rerun");
  // The same sources again, read anew: the archives must not change by a byte.
  auto r = run_command("cli/blogshift", "run " + sources() + " --out " + shell_quote(copy.string()) +
                                            " --comments --archives all --force -q");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* name : {"archives/site.tar.gz", "archives/site.tar.zst", "archives/site.zip",
                           "archives/sources.warc.gz", "archives/sources.cdxj", "archives/bag/manifest-sha256.txt",
                           "archives/bag/tagmanifest-sha256.txt", "archives/bag/bag-info.txt"})
    EXPECT_EQ(sha256_hex(read_file(copy / name)), sha256_hex(read_file(*out_ / name))) << name;
}

TEST_F(LoadVerify, TarAndSha256sumAgreeWithTheManifest) {
  BLOGSHIFT_REQUIRE_TOOL(tar, "tar");
  BLOGSHIFT_REQUIRE_TOOL(sha256sum, "sha256sum");
  const auto dir = testing::temp_dir("load-verify-tar");
  const std::string cmd = "cd " + shell_quote(dir.string()) + " && " + tar + " -xzf " +
                          shell_quote((*out_ / "archives/site.tar.gz").string()) + " && cd site && " + sha256sum +
                          " --quiet -c MANIFEST.sha256";
  EXPECT_EQ(std::system(cmd.c_str()), 0);
  EXPECT_TRUE(std::filesystem::exists(dir / "site/content/posts/sourdough/index.md"));
}

TEST_F(LoadVerify, OneFlippedByteInAnyArchiveFailsVerify) {
  for (const char* name : {"archives/site.tar.gz", "archives/site.tar.zst", "archives/site.zip",
                           "archives/sources.warc.gz", "archives/bag/data/content/posts/sourdough/index.md"}) {
    SCOPED_TRACE(name);
    const auto copy = copy_of_output("flip");
    const auto file = copy / name;
    flip_byte(file, static_cast<std::streamoff>(std::filesystem::file_size(file) / 2));
    auto r = run_command("cli/blogshift", "verify --out " + shell_quote(copy.string()));
    EXPECT_EQ(r.exit_code, 1) << r.out;
    EXPECT_NE(r.out.find("FAILED\t"), std::string::npos) << r.out;
    EXPECT_NE(r.err.find("[VERIFY_FAILED]"), std::string::npos) << r.err;
    std::filesystem::remove_all(copy.parent_path());
  }
}

}  // namespace
}  // namespace blogshift
