// The matching half of RFC 9309 on its own: normalised forms and the
// pattern matcher.
#include <gtest/gtest.h>

#include "robots/robots_match.h"

using namespace blogshift::fetch;

TEST(RobotsMatch, EscapesOfUnreservedCharactersAreDecoded) {
  EXPECT_EQ(normalise_robots_path("/%7Euser/%41%2d"), "/~user/A-");
  EXPECT_EQ(normalise_robots_pattern("/%7euser"), "/~user");
}

TEST(RobotsMatch, OtherEscapesAreUpperCasedNotDecoded) {
  EXPECT_EQ(normalise_robots_path("/a%2fb%3f"), "/a%2Fb%3F");  // %2F is not "/"
  EXPECT_FALSE(robots_pattern_matches(normalise_robots_pattern("/a/b"), normalise_robots_path("/a%2Fb")));
}

TEST(RobotsMatch, NonAsciiBytesAreEscaped) {
  EXPECT_EQ(normalise_robots_path("/caf\xC3\xA9"), "/caf%C3%A9");
  EXPECT_EQ(normalise_robots_pattern("/caf\xC3\xA9"), "/caf%C3%A9");
}

TEST(RobotsMatch, LiteralStarAndDollarInAPathAreEscaped) {
  EXPECT_EQ(normalise_robots_path("/a*b$"), "/a%2Ab%24");
  EXPECT_EQ(normalise_robots_pattern("/a*b$"), "/a*b$");      // wildcard, anchor
  EXPECT_EQ(normalise_robots_pattern("/a$b"), "/a%24b");      // a `$` before the end is the character
}

TEST(RobotsMatch, PatternIsAPrefixUnlessAnchored) {
  EXPECT_TRUE(robots_pattern_matches("/a", "/abc"));
  EXPECT_FALSE(robots_pattern_matches("/a$", "/abc"));
  EXPECT_TRUE(robots_pattern_matches("/abc$", "/abc"));
  EXPECT_FALSE(robots_pattern_matches("/b", "/abc"));
}

TEST(RobotsMatch, StarsMatchAnyRunIncludingNone) {
  EXPECT_TRUE(robots_pattern_matches("/*", "/"));
  EXPECT_TRUE(robots_pattern_matches("*", "/x"));
  EXPECT_TRUE(robots_pattern_matches("/a*b*c$", "/abc"));
  EXPECT_TRUE(robots_pattern_matches("/a*b*c$", "/a-b-b-c"));
  EXPECT_FALSE(robots_pattern_matches("/a*b*c$", "/a-c-b"));
  EXPECT_TRUE(robots_pattern_matches("/a**b", "/ab"));
}

TEST(RobotsMatch, AnchoredSuffixDoesNotOverlapTheSegmentBefore) {
  // "/ab*b$" needs two b's: the one the middle matched cannot end it too.
  EXPECT_FALSE(robots_pattern_matches("/ab*b$", "/ab"));
  EXPECT_TRUE(robots_pattern_matches("/ab*b$", "/abb"));
}
