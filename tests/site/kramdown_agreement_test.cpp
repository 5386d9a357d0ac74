// The Jekyll site shows what blogshift wrote: every document of the Jekyll
// layout reads the same in kramdown (Jekyll's own converter, with the
// skeleton's _config.yml) as in cmark-gfm, the reader blogshift writes for
// and checks fidelity with. tests/support/kramdown_agreement.py renders both
// and compares their normal forms; on the sample blog, the fixture quoting
// generator syntax and, when ../shared/corpus is there, every corpus blog.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "site_build_support.h"

namespace blogshift {
namespace {

namespace fs = std::filesystem;

class KramdownAgreement : public ::testing::TestWithParam<testing::Blog> {};

TEST_P(KramdownAgreement, EveryDocumentReadsTheSameInKramdownAsInCmarkGfm) {
  const testing::Blog& blog = GetParam();
  if (blog.corpus) BLOGSHIFT_REQUIRE_CORPUS();
  BLOGSHIFT_REQUIRE_TOOL(jekyll, "jekyll");  // its converter, kramdown and the GFM parser
  BLOGSHIFT_REQUIRE_TOOL(python, "python3");
  const fs::path work = testing::temp_dir("kramdown-" + blog.name);
  std::string sources;
  testing::blog_sources(blog, work, sources);
  if (HasFatalFailure()) return;
  const fs::path out = work / "site";
  auto run = testing::run_command("cli/blogshift", "run " + sources + "--layout jekyll --archives none -q --out " +
                                                       testing::shell_quote(out.string()));
  ASSERT_TRUE(run.exit_code == 0 || (blog.corpus && run.exit_code == 1)) << run.exit_code << "\n" << run.err;
  std::string folders;
  for (const char* folder : {"_posts", "pages"})
    if (fs::is_directory(out / folder)) folders += " " + testing::shell_quote((out / folder).string());
  ASSERT_FALSE(folders.empty()) << "no documents in " << out;
  int status = -1;
  const std::string report = testing::output_of(
      testing::shell_quote(python) + " " +
          testing::shell_quote(std::string(BLOGSHIFT_TEST_SUPPORT_SOURCE_DIR) + "/kramdown_agreement.py") + " -j 2" +
          folders,
      status);
  EXPECT_EQ(status, 0) << report;
  EXPECT_TRUE(report.starts_with("0 of ") || report.find("\n0 of ") != std::string::npos) << report;
  if (!HasFailure()) fs::remove_all(work);
}

INSTANTIATE_TEST_SUITE_P(Blogs, KramdownAgreement, ::testing::ValuesIn(testing::site_blogs()),
                         [](const ::testing::TestParamInfo<testing::Blog>& p) { return p.param.name; });

}  // namespace
}  // namespace blogshift
