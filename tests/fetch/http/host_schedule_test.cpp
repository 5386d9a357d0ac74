#include "http/host_schedule.h"

#include <gtest/gtest.h>

namespace blogshift::fetch {
namespace {

using std::chrono::milliseconds;

TEST(HostSchedule, AtMostConcurrencyRequestsAtOnce) {
  HostSchedule s(2, 0);
  const auto t = Clock::now();
  EXPECT_TRUE(s.can_start("a", t));
  s.started("a", t);
  s.started("a", t);
  EXPECT_FALSE(s.can_start("a", t));
  EXPECT_TRUE(s.can_start("b", t));  // another host has its own limit
  s.finished("a");
  EXPECT_TRUE(s.can_start("a", t));
}

TEST(HostSchedule, RateSpacesTheStarts) {
  HostSchedule s(8, 4.0);  // one start every 250 ms
  const auto t = Clock::now();
  s.started("a", t);
  EXPECT_FALSE(s.can_start("a", t + milliseconds(100)));
  EXPECT_TRUE(s.can_start("a", t + milliseconds(250)));
  EXPECT_EQ(s.ready_at("a", t), t + milliseconds(250));
}

TEST(HostSchedule, NoRateLimitWhenZero) {
  HostSchedule s(3, 0);
  const auto t = Clock::now();
  s.started("a", t);
  EXPECT_TRUE(s.can_start("a", t));
}

TEST(HostSchedule, PauseHoldsTheHostBack) {
  HostSchedule s(4, 0);
  const auto t = Clock::now();
  s.pause("a", t, 2.0);
  EXPECT_FALSE(s.can_start("a", t + milliseconds(1999)));
  EXPECT_TRUE(s.can_start("a", t + milliseconds(2000)));
  EXPECT_TRUE(s.can_start("b", t));
}

TEST(HostSchedule, CrawlDelayNeverMakesItFasterThanTheRate) {
  HostSchedule s(4, 1.0);
  const auto t = Clock::now();
  s.set_min_interval("a", 0.1);  // shorter than the rate's 1 s: the rate stays
  s.started("a", t);
  EXPECT_FALSE(s.can_start("a", t + milliseconds(500)));
  s.set_min_interval("b", 3.0);
  s.started("b", t);
  EXPECT_FALSE(s.can_start("b", t + milliseconds(2500)));
  EXPECT_TRUE(s.can_start("b", t + milliseconds(3000)));
}

}  // namespace
}  // namespace blogshift::fetch
