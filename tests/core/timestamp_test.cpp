#include "timestamp.h"

#include <gtest/gtest.h>

using blogshift::parse_timestamp;

TEST(Timestamp, KeepsOffsetAndNormalisesToUtc) {
  auto t = parse_timestamp("2011-01-20T21:41:52.381-08:00");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->utc, "2011-01-21T05:41:52.381Z");
  EXPECT_EQ(t->offset_minutes, -480);
  EXPECT_TRUE(t->has_offset);
}

TEST(Timestamp, ZuluAndPositiveOffsets) {
  EXPECT_EQ(parse_timestamp("2022-02-07T20:07:32.256Z")->utc, "2022-02-07T20:07:32.256Z");
  auto t = parse_timestamp("2020-01-01T01:00:00+05:30");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->utc, "2019-12-31T19:30:00.000Z");
  EXPECT_EQ(t->offset_minutes, 330);
}

TEST(Timestamp, TrimsWhitespaceAsPrettyPrintedExportsHaveIt) {
  auto t = parse_timestamp("\n 2018-08-02T12:22:48.286-07:00\n ");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->utc, "2018-08-02T19:22:48.286Z");
}

TEST(Timestamp, BareDateHasNoOffset) {
  auto t = parse_timestamp("2009-01-21");
  ASSERT_TRUE(t);
  EXPECT_FALSE(t->has_offset);
  EXPECT_EQ(t->utc, "2009-01-21T00:00:00.000Z");
}

TEST(Timestamp, RejectsGarbage) {
  EXPECT_FALSE(parse_timestamp(""));
  EXPECT_FALSE(parse_timestamp("yesterday"));
  EXPECT_FALSE(parse_timestamp("2011-13-01T00:00:00Z"));
  EXPECT_FALSE(parse_timestamp("2011-01-01T25:00:00Z"));
  EXPECT_FALSE(parse_timestamp("2011-01-01T10:00:00Zjunk"));
}
