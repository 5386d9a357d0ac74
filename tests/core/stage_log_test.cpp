// What a stage says on stderr at each verbosity, and -q/-v on a command line.
#include "stage_log.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

namespace blogshift {
namespace {

TEST(StageLog, QuietSaysNothingAndDrawsNoProgress) {
  std::ostringstream err;
  const StageLog log(Verbosity::quiet, err, ProgressMode::lines);
  EXPECT_EQ(log.progress_mode(), ProgressMode::off);  // quiet wins over the mode asked for
  {
    Progress p = log.progress("site", "documents", 3);
    p.advance(3);
  }
  log.verbose_line("not shown");
  EXPECT_EQ(err.str(), "");
}

TEST(StageLog, NormalDrawsProgressButNoVerboseLines) {
  std::ostringstream err;
  const StageLog log(Verbosity::normal, err, ProgressMode::lines);
  {
    Progress p = log.progress("archives", "files", 2);
    p.advance();
    p.advance();
  }
  log.verbose_line("not shown");
  EXPECT_EQ(err.str().find("verbose"), std::string::npos) << err.str();
  EXPECT_NE(err.str().find("progress: archives  [##########..........] 1/2 files\n"), std::string::npos) << err.str();
  EXPECT_NE(err.str().find("2/2 files"), std::string::npos);
}

TEST(StageLog, VerboseLinesHaveTheirPrefixAndClearABarFirst) {
  std::ostringstream lines;
  StageLog(Verbosity::verbose, lines, ProgressMode::lines).verbose_line("load: archive a.tar.gz");
  EXPECT_EQ(lines.str(), "verbose: load: archive a.tar.gz\n");
  std::ostringstream bar;
  StageLog(Verbosity::verbose, bar, ProgressMode::bar).verbose_line("x");
  EXPECT_EQ(bar.str(), "\r\x1b[Kverbose: x\n");  // over a half-drawn bar, not after it
}

TEST(StageLog, SecondsWithOneDecimal) {
  EXPECT_EQ(StageTimer::format_seconds(0.04), "0.0 s");
  EXPECT_EQ(StageTimer::format_seconds(0.44), "0.4 s");
  EXPECT_EQ(StageTimer::format_seconds(12.36), "12.4 s");
  EXPECT_EQ(StageTimer::format_seconds(-1), "0.0 s");
  EXPECT_EQ(StageTimer().in().rfind(" in ", 0), 0u);
}

TEST(StageLog, QuietAndVerboseFlagsExcludeEachOther) {
  const auto parse = [](std::vector<std::string> args, bool& quiet, bool& verbose) {
    CLI::App app;
    add_verbosity_flags(app, quiet, verbose);
    std::reverse(args.begin(), args.end());  // CLI11 takes a vector in reverse order
    app.parse(args);
  };
  bool quiet = false, verbose = false;
  parse({"-v"}, quiet, verbose);
  EXPECT_TRUE(verbose);
  EXPECT_EQ(verbosity_of(quiet, verbose), Verbosity::verbose);
  quiet = verbose = false;
  parse({"--quiet"}, quiet, verbose);
  EXPECT_EQ(verbosity_of(quiet, verbose), Verbosity::quiet);
  EXPECT_EQ(verbosity_of(false, false), Verbosity::normal);
  quiet = verbose = false;
  EXPECT_THROW(parse({"-q", "-v"}, quiet, verbose), CLI::ExcludesError);
}

}  // namespace
}  // namespace blogshift
