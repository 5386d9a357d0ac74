// The built site shows what blogshift wrote: every document of a layout
// reads the same in its generator's Markdown reader as in cmark-gfm, the
// reader blogshift writes for and checks fidelity with.
//   jekyll  kramdown, through Jekyll's own converter with the skeleton's
//           _config.yml (tests/support/kramdown_agreement.py);
//   hugo    Goldmark, through a Hugo build of the tree with the skeleton's
//           hugo.toml (tests/support/hugo_agreement.py). A bare e-mail
//           address counts as its text: cmark-gfm links one anywhere,
//           Goldmark only after a space, and the post had text.
// On the sample blog, the fixture quoting generator syntax and, when
// ../shared/corpus is there, every corpus blog.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "site_build_support.h"

namespace blogshift {
namespace {

namespace fs = std::filesystem;

struct Case {
  std::string generator;
  testing::Blog blog;
};
void PrintTo(const Case& c, std::ostream* os) { *os << c.generator << " " << c.blog.name; }

class ReaderAgreement : public ::testing::TestWithParam<Case> {};

TEST_P(ReaderAgreement, EveryDocumentReadsTheSameInTheGeneratorAsInCmarkGfm) {
  const Case& c = GetParam();
  if (c.blog.corpus) BLOGSHIFT_REQUIRE_CORPUS();
  BLOGSHIFT_REQUIRE_TOOL(generator, c.generator);  // jekyll: its converter, kramdown and the GFM parser
  BLOGSHIFT_REQUIRE_TOOL(python, "python3");
  const fs::path work = testing::temp_dir("agreement-" + c.generator + "-" + c.blog.name);
  std::string sources;
  testing::blog_sources(c.blog, work, sources);
  if (HasFatalFailure()) return;
  const fs::path out = work / "site";
  auto init = testing::run_command("cli/blogshift", "init --site " + c.generator + " " + testing::shell_quote(out.string()));
  ASSERT_EQ(init.exit_code, 0) << init.err;
  auto run = testing::run_command("cli/blogshift", "run " + sources + "--layout " + c.generator +
                                                       " --archives none -q --out " + testing::shell_quote(out.string()));
  ASSERT_TRUE(run.exit_code == 0 || (c.blog.corpus && run.exit_code == 1)) << run.exit_code << "\n" << run.err;
  std::string command = testing::shell_quote(python) + " " + testing::shell_quote(BLOGSHIFT_TEST_SUPPORT_SOURCE_DIR);
  if (c.generator == "jekyll") {
    command += "/kramdown_agreement.py -j 2";
    for (const char* folder : {"_posts", "pages"})
      if (fs::is_directory(out / folder)) command += " " + testing::shell_quote((out / folder).string());
  } else {
    command += "/hugo_agreement.py --mailto-as-text --hugo " + testing::shell_quote(generator) + " " +
               testing::shell_quote(out.string());
  }
  int status = -1;
  const std::string report = testing::output_of(command, status);
  EXPECT_EQ(status, 0) << command << "\n" << report;
  EXPECT_TRUE(report.starts_with("0 of ") || report.find("\n0 of ") != std::string::npos) << report;
  if (!HasFailure()) fs::remove_all(work);
}

std::vector<Case> cases() {
  std::vector<Case> out;
  for (const char* generator : {"jekyll", "hugo"})
    for (const testing::Blog& blog : testing::site_blogs()) out.push_back({generator, blog});
  return out;
}

INSTANTIATE_TEST_SUITE_P(Generators, ReaderAgreement, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<Case>& p) {
                           return p.param.generator + "_" + p.param.blog.name;
                         });

}  // namespace
}  // namespace blogshift
