// Every source in ../shared/corpus through the whole migration: every
// archive, bag, WARC file and map verifies, and a second run from the same
// sources gives the same archive bytes. Skips without the corpus.
#include <gtest/gtest.h>

#include "digest.h"
#include "run_command.h"
#include "temp_file.h"
#include "test_paths.h"

namespace blogshift {
namespace {

namespace fs = std::filesystem;
using testing::run_command;
using testing::shell_quote;

class CorpusLoad : public ::testing::TestWithParam<std::string> {};

TEST_P(CorpusLoad, EveryArchiveVerifiesAndARerunGivesTheSameBytes) {
  BLOGSHIFT_REQUIRE_CORPUS();
  std::string name = GetParam().substr(0, GetParam().find('/'));
  const fs::path work = testing::temp_dir("corpus-load-" + name);
  std::string source = testing::corpus(GetParam());
  if (source.ends_with(".tar.gz")) {
    ASSERT_EQ(std::system(("tar xzf " + shell_quote(source) + " -C " + shell_quote(work.string())).c_str()), 0);
    source = (work / "program-think" / "html").string();
  }
  const fs::path out = work / "site";
  const std::string run = "run " + shell_quote(source) + " --out " + shell_quote(out.string()) + " --archives all -q";
  auto first = run_command("cli/blogshift", run);
  ASSERT_NE(first.exit_code, 2) << first.err;  // 1 is fine: a source's own problems
  ASSERT_NE(first.exit_code, -1) << first.err;

  auto verify = run_command("cli/blogshift", "verify --out " + shell_quote(out.string()));
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  EXPECT_NE(verify.out.find("archives/site.tar.gz\t"), std::string::npos) << verify.out;
  EXPECT_NE(verify.out.find("archives/sources.warc.gz\t"), std::string::npos) << verify.out;

  const char* archives[] = {"archives/site.tar.gz", "archives/site.tar.zst", "archives/site.zip",
                            "archives/sources.warc.gz", "archives/sources.cdxj", "archives/bag/tagmanifest-sha256.txt",
                            "archives/bag/manifest-sha256.txt"};
  std::map<std::string, std::string> before;
  for (const char* a : archives) before[a] = sha256_file((out / a).string());
  auto second = run_command("cli/blogshift", run + " --force");
  ASSERT_NE(second.exit_code, 2) << second.err;
  for (const char* a : archives) EXPECT_EQ(sha256_file((out / a).string()), before[a]) << a;
  fs::remove_all(work);
}

INSTANTIATE_TEST_SUITE_P(Sources, CorpusLoad,
                         ::testing::Values("arborlodge-classic-export/blogger-export-2022-02.xml.gz",
                                           "arborlodge-takeout-derived/feed.atom.gz",
                                           "pelican-fixture-classic-export/bloggerexport.xml",
                                           "blogger-rendered-pages",
                                           "program-think-offline/program-think-html-2009-2021.tar.gz"),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           std::string n = param.param.substr(0, param.param.find('/'));
                           for (char& c : n)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return n;
                         });

}  // namespace
}  // namespace blogshift
