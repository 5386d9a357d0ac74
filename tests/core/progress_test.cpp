// The progress display: the bar's text, and how often plain lines come when
// stderr is not a terminal (counts only: nothing here depends on timing).
#include "progress.h"

#include <gtest/gtest.h>

#include <sstream>

namespace blogshift {
namespace {

int lines_in(const std::string& text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

TEST(Progress, BarShowsCountsRateAndTimeLeft) {
  std::ostringstream out;
  Progress p(ProgressMode::off, out, "transform", "documents", 641);
  p.advance(320);
  EXPECT_EQ(p.render(2.0), "transform [#########...........] 320/641 documents  160/s  0:02 left");
  EXPECT_EQ(out.str(), "");  // off draws nothing
}

TEST(Progress, UnknownTotalShowsCountAndRate) {
  std::ostringstream out;
  Progress p(ProgressMode::off, out, "extract", "units", 0);
  p.advance(12345);
  EXPECT_EQ(p.render(1.0), "extract   12,345 units  12,345/s");
}

TEST(Progress, PlainLinesComeAtEveryTenthAndOnceWhenDone) {
  std::ostringstream out;
  {
    Progress p(ProgressMode::lines, out, "load", "files", 100);
    for (int i = 0; i < 100; ++i) p.advance();
  }  // the destructor finishes
  const std::string text = out.str();
  EXPECT_EQ(lines_in(text), 10) << text;  // at 10, 20, ... 90, then the final line
  EXPECT_NE(text.find("progress: load      [##########..........] 50/100 files"), std::string::npos) << text;
  EXPECT_NE(text.find("100/100 files"), std::string::npos);
  EXPECT_NE(text.find("done in"), std::string::npos);
}

TEST(Progress, NothingHappenedPrintsNothing) {
  std::ostringstream out;
  { Progress p(ProgressMode::lines, out, "extract", "units", 0); }
  EXPECT_EQ(out.str(), "");
}

}  // namespace
}  // namespace blogshift
