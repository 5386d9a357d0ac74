// `blogshift help COMMAND` and the manual page made from the same option
// definitions: every command and option appears, and groff reads it cleanly.
#include <gtest/gtest.h>

#include "external_tool.h"
#include "run_command.h"
#include "temp_file.h"
#include "test_paths.h"

namespace blogshift {
namespace {

using testing::run_command;

TEST(Help, HelpCommandPrintsThatCommandsOptions) {
  auto r = run_command("cli/blogshift", "help load");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("--overwrite"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Example:"), std::string::npos);
  auto unknown = run_command("cli/blogshift", "help teleport");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("no command 'teleport'"), std::string::npos) << unknown.err;
}

TEST(Help, ManPageNamesEveryCommandAndOption) {
  const std::string page = testing::read_file(std::string(BLOGSHIFT_BINARY_DIR) + "/blogshift.1");
  ASSERT_FALSE(page.empty()) << "the build writes blogshift.1";
  for (const char* command : {"run", "init", "fetch", "extract", "transform", "load", "status", "search", "convert", "help"})
    EXPECT_NE(page.find(std::string(".SS \"blogshift ") + command + "\""), std::string::npos) << command;
  for (const char* option : {"\\-\\-overwrite", "\\-\\-layout", "\\-\\-timezone", "\\-\\-redirects", "\\-\\-config",
                             "\\-\\-verbose", "\\-\\-quiet", "\\-\\-fetch\\-images", "\\-\\-images\\-only",
                             "\\-\\-ignore\\-robots", "\\-\\-resolve", "\\-\\-proxy"})
    EXPECT_NE(page.find(option), std::string::npos) << option;
  EXPECT_NE(page.find(".SH EXIT STATUS"), std::string::npos);
  // Where results and diagnostics go, and what -q and -v change.
  const size_t output = page.find(".SH OUTPUT\n");
  ASSERT_NE(output, std::string::npos);
  const std::string section = page.substr(output, page.find(".SH", output + 1) - output);
  for (const char* text : {"stdout", "stderr", "progress: ", "verbose: ", "usage error (exit 2)"})
    EXPECT_NE(section.find(text), std::string::npos) << text;
}

TEST(Help, EveryStageCommandTakesQuietAndVerbose) {
  for (const char* command : {"run", "fetch", "extract", "transform", "load", "verify"}) {
    auto r = run_command("cli/blogshift", std::string("help ") + command);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("-q,--quiet"), std::string::npos) << command << r.out;
    EXPECT_NE(r.out.find("-v,--verbose"), std::string::npos) << command << r.out;
  }
}

TEST(Help, GroffFormatsTheManPageWithoutWarnings) {
  BLOGSHIFT_REQUIRE_TOOL(groff, "groff");
  const std::string page = std::string(BLOGSHIFT_BINARY_DIR) + "/blogshift.1";
  const auto err = testing::temp_dir("man") / "groff.err";
  const std::string cmd = groff + " -man -Tutf8 -ww -z " + testing::shell_quote(page) + " 2>" +
                          testing::shell_quote(err.string());
  EXPECT_EQ(std::system(cmd.c_str()), 0);
  EXPECT_EQ(testing::read_file(err), "");
}

}  // namespace
}  // namespace blogshift
