#include "rfc822_time.h"

#include <gtest/gtest.h>

using namespace blogshift;

TEST(Rfc822Time, UtcZonesBecomeZ) {
  EXPECT_EQ(rfc822_to_rfc3339("Sun, 14 Mar 2021 16:15:00 +0000"), "2021-03-14T16:15:00Z");
  EXPECT_EQ(rfc822_to_rfc3339("Sun, 14 Mar 2021 16:15:00 GMT"), "2021-03-14T16:15:00Z");
  EXPECT_EQ(rfc822_to_rfc3339("14 Mar 2021 16:15 UT"), "2021-03-14T16:15:00Z");
  EXPECT_EQ(rfc822_to_rfc3339(" Mon, 02 Jan 06 15:04:05 -0000 "), "2006-01-02T15:04:05Z");
}

TEST(Rfc822Time, OffsetsAreKeptAsWritten) {
  EXPECT_EQ(rfc822_to_rfc3339("Sun, 14 Mar 2021 09:15:00 -0700"), "2021-03-14T09:15:00-07:00");
  EXPECT_EQ(rfc822_to_rfc3339("Sat, 30 Nov 2019 23:30:00 PST"), "2019-11-30T23:30:00-08:00");
  EXPECT_EQ(rfc822_to_rfc3339("Tue, 1 Jun 2021 10:00:00 +0530"), "2021-06-01T10:00:00+05:30");
}

TEST(Rfc822Time, OtherTextIsRefused) {
  for (const char* bad : {"", "2021-03-14T16:15:00Z", "Sun, 14 Foo 2021 16:15:00 +0000", "Sun, 14 Mar 2021 16:15:00",
                          "Sun, 14 Mar 2021 25:15:00 +0000", "Sun, 14 Mar 2021 16:15:00 +07", "Sun, 40 Mar 2021 16:15 GMT"})
    EXPECT_FALSE(rfc822_to_rfc3339(bad)) << bad;
}
