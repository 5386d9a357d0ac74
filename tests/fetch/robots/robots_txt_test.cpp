// robots.txt as RFC 9309 reads it: the RFC's own examples (sections 2.2.1,
// 2.2.2, 5.1, 5.2), then one rule a test, then hostile files.
#include <gtest/gtest.h>

#include <string>

#include "robots/robots_txt.h"

using blogshift::fetch::RobotsTxt;

namespace {

// RFC 9309 section 5.1, verbatim.
constexpr const char* kRfcSimple =
    "User-Agent: *\n"
    "Disallow: *.gif$\n"
    "Disallow: /example/\n"
    "Allow: /publications/\n"
    "\n"
    "User-Agent: foobot\n"
    "Disallow:/\n"
    "Allow:/example/page.html\n"
    "Allow:/example/allowed.gif\n"
    "\n"
    "User-Agent: barbot\n"
    "User-Agent: bazbot\n"
    "Disallow: /example/page.html\n"
    "\n"
    "User-Agent: quxbot\n"
    "\n"
    "EOF\n";

}  // namespace

TEST(RobotsRfcExample, FoobotMayOnlyFetchItsTwoAllowedPaths) {
  RobotsTxt r = RobotsTxt::parse(kRfcSimple, "foobot");
  EXPECT_TRUE(r.allowed("/example/page.html"));
  EXPECT_TRUE(r.allowed("/example/allowed.gif"));
  EXPECT_FALSE(r.allowed("/"));
  EXPECT_FALSE(r.allowed("/publications/"));
  EXPECT_FALSE(r.allowed("/example/other.html"));
}

TEST(RobotsRfcExample, BarbotAndBazbotShareOneGroup) {
  for (const char* bot : {"barbot", "bazbot"}) {
    RobotsTxt r = RobotsTxt::parse(kRfcSimple, bot);
    EXPECT_FALSE(r.allowed("/example/page.html")) << bot;
    EXPECT_TRUE(r.allowed("/example/")) << bot;           // the * group is not theirs
    EXPECT_TRUE(r.allowed("/example/picture.gif")) << bot;
  }
}

TEST(RobotsRfcExample, QuxbotsEmptyGroupAllowsEverything) {
  RobotsTxt r = RobotsTxt::parse(kRfcSimple, "quxbot");
  EXPECT_TRUE(r.allowed("/example/page.html"));
  EXPECT_TRUE(r.allowed("/a.gif"));
}

TEST(RobotsRfcExample, OtherCrawlersFollowTheStarGroup) {
  RobotsTxt r = RobotsTxt::parse(kRfcSimple, "blogshift");
  EXPECT_FALSE(r.allowed("/picture.gif"));
  EXPECT_TRUE(r.allowed("/picture.gif?size=2"));  // `$` anchors the end
  EXPECT_FALSE(r.allowed("/example/"));
  EXPECT_FALSE(r.allowed("/example/x.html"));
  EXPECT_TRUE(r.allowed("/publications/"));
  EXPECT_TRUE(r.allowed("/elsewhere"));
}

TEST(RobotsRfcExample, LongestMatch) {
  // RFC 9309 section 5.2.
  RobotsTxt r = RobotsTxt::parse(
      "User-Agent: foobot\n"
      "Allow: /example/page/\n"
      "Disallow: /example/page/disallowed.gif\n",
      "foobot");
  EXPECT_TRUE(r.allowed("/example/page/"));
  EXPECT_TRUE(r.allowed("/example/page/allowed.gif"));
  EXPECT_FALSE(r.allowed("/example/page/disallowed.gif"));
}

TEST(RobotsRfcExample, GroupsForOneAgentAreMerged) {
  // RFC 9309 section 2.2.1.
  RobotsTxt r = RobotsTxt::parse(
      "user-agent: ExampleBot\n"
      "disallow: /foo\n"
      "disallow: /bar\n"
      "\n"
      "user-agent: ExampleBot\n"
      "disallow: /baz\n",
      "ExampleBot");
  EXPECT_FALSE(r.allowed("/foo"));
  EXPECT_FALSE(r.allowed("/bar"));
  EXPECT_FALSE(r.allowed("/baz"));
  EXPECT_TRUE(r.allowed("/qux"));
}

TEST(RobotsRfcExample, PercentEncodingTable) {
  // RFC 9309 section 2.2.2's table: each pattern matches its path.
  struct Case {
    const char* pattern;
    const char* path;
  };
  for (const Case& c : {Case{"/foo/bar?baz=quz", "/foo/bar?baz=quz"},
                        Case{"/foo/bar/\xE3\x83\x84", "/foo/bar/%E3%83%84"},
                        Case{"/foo/bar/%E3%83%84", "/foo/bar/%E3%83%84"},
                        Case{"/foo/bar/%E3%83%84", "/foo/bar/\xE3\x83\x84"},
                        Case{"/foo/bar/%62%61%7A", "/foo/bar/baz"}}) {
    RobotsTxt r = RobotsTxt::parse(std::string("user-agent: *\ndisallow: ") + c.pattern + "$\n", "blogshift");
    EXPECT_FALSE(r.allowed(c.path)) << c.pattern << " vs " << c.path;
  }
}

TEST(RobotsRfcExample, SpecialCharactersAreMatchedEncoded) {
  // RFC 9309 section 2.2.3: %2A and %24 in a pattern are a literal * and $.
  RobotsTxt r = RobotsTxt::parse(
      "user-agent: *\n"
      "disallow: /path/file-with-a-%2A.html\n"
      "disallow: /path/foo-%24\n",
      "blogshift");
  EXPECT_FALSE(r.allowed("/path/file-with-a-*.html"));
  EXPECT_TRUE(r.allowed("/path/file-with-a-x.html"));  // %2A is not a wildcard
  EXPECT_FALSE(r.allowed("/path/foo-$"));
  EXPECT_TRUE(r.allowed("/path/foo-"));
}

TEST(Robots, UserAgentMatchingIgnoresCase) {
  RobotsTxt r = RobotsTxt::parse("User-agent: BlogShift\nDisallow: /private\n", "blogshift");
  EXPECT_FALSE(r.allowed("/private"));
  RobotsTxt upper = RobotsTxt::parse("USER-AGENT: blogshift\nDISALLOW: /private\n", "BLOGSHIFT");
  EXPECT_FALSE(upper.allowed("/private"));
}

TEST(Robots, UserAgentValueIsReadUpToItsProductToken) {
  // "blogshift/1.0 (+https://...)" names blogshift; "blogshiftx" does not.
  EXPECT_FALSE(RobotsTxt::parse("user-agent: blogshift/1.0 (+x)\ndisallow: /\n", "blogshift").allowed("/a"));
  EXPECT_TRUE(RobotsTxt::parse("user-agent: blogshiftx\ndisallow: /\n", "blogshift").allowed("/a"));
  EXPECT_TRUE(RobotsTxt::parse("user-agent: blog\ndisallow: /\n", "blogshift").allowed("/a"));
}

TEST(Robots, OwnGroupReplacesTheStarGroup) {
  RobotsTxt r = RobotsTxt::parse(
      "user-agent: *\ndisallow: /\n\nuser-agent: blogshift\ndisallow: /drafts\n", "blogshift");
  EXPECT_TRUE(r.allowed("/2023/07/post.html"));
  EXPECT_FALSE(r.allowed("/drafts/x"));
}

TEST(Robots, StarGroupsAreMergedToo) {
  RobotsTxt r = RobotsTxt::parse("user-agent: *\ndisallow: /a\n\nuser-agent: other\ndisallow: /b\n\n"
                                 "user-agent: *\ndisallow: /c\n",
                                 "blogshift");
  EXPECT_FALSE(r.allowed("/a"));
  EXPECT_TRUE(r.allowed("/b"));
  EXPECT_FALSE(r.allowed("/c"));
}

TEST(Robots, NoMatchingGroupAllowsAll) {
  RobotsTxt r = RobotsTxt::parse("user-agent: googlebot\ndisallow: /\n", "blogshift");
  EXPECT_TRUE(r.allowed("/"));
  EXPECT_TRUE(r.allowed("/search"));
}

TEST(Robots, AllowWinsATie) {
  RobotsTxt r = RobotsTxt::parse("user-agent: *\ndisallow: /page\nallow: /page\n", "blogshift");
  EXPECT_TRUE(r.allowed("/page"));
  // Equal length with wildcards: "/page*" and "/pag*e" are both six octets.
  RobotsTxt w = RobotsTxt::parse("user-agent: *\nallow: /pag*e\ndisallow: /page*\n", "blogshift");
  EXPECT_TRUE(w.allowed("/page"));
}

TEST(Robots, LongerDisallowBeatsShorterAllow) {
  RobotsTxt r = RobotsTxt::parse("user-agent: *\nallow: /\ndisallow: /search\n", "blogshift");
  EXPECT_FALSE(r.allowed("/search/label/Bread"));
  EXPECT_FALSE(r.allowed("/search?q=x"));
  EXPECT_TRUE(r.allowed("/2023/07/a.html"));
  EXPECT_TRUE(r.allowed("/"));
}

TEST(Robots, EndAnchorAllowsOnlyTheRoot) {
  RobotsTxt r = RobotsTxt::parse("user-agent: *\nallow: /$\ndisallow: /\n", "blogshift");
  EXPECT_TRUE(r.allowed("/"));
  EXPECT_FALSE(r.allowed("/page"));
  EXPECT_FALSE(r.allowed("/?m=1"));
}

TEST(Robots, WildcardsMatchAnyRun) {
  RobotsTxt r = RobotsTxt::parse("user-agent: *\ndisallow: /fish*.php\ndisallow: /*.pdf$\n", "blogshift");
  EXPECT_FALSE(r.allowed("/fish.php"));
  EXPECT_FALSE(r.allowed("/fishheads/catfish.php?parameters"));
  EXPECT_TRUE(r.allowed("/Fish.PHP"));  // paths are case-sensitive
  EXPECT_FALSE(r.allowed("/files/a.pdf"));
  EXPECT_TRUE(r.allowed("/files/a.pdf?download=1"));
  EXPECT_TRUE(r.allowed("/files/a.pdf/"));
}

TEST(Robots, QueryIsPartOfThePath) {
  RobotsTxt r = RobotsTxt::parse("user-agent: *\ndisallow: /*?\n", "blogshift");
  EXPECT_FALSE(r.allowed("/2023/07/a.html?showComment=1"));
  EXPECT_TRUE(r.allowed("/2023/07/a.html"));
}

TEST(Robots, EmptyDisallowAllowsAll) {
  RobotsTxt r = RobotsTxt::parse("user-agent: *\ndisallow:\n", "blogshift");
  EXPECT_TRUE(r.allowed("/"));
  EXPECT_TRUE(r.allowed("/anything"));
}

TEST(Robots, RobotsTxtItselfIsAlwaysAllowed) {
  EXPECT_TRUE(RobotsTxt::parse("user-agent: *\ndisallow: /\n", "blogshift").allowed("/robots.txt"));
  EXPECT_TRUE(RobotsTxt::disallow_all().allowed("/robots.txt"));
  EXPECT_FALSE(RobotsTxt::disallow_all().allowed("/robots.txt.bak"));
}

TEST(Robots, StatusRules) {
  // RFC 9309 2.3.1.3: 4xx "unavailable", crawl as if no robots.txt.
  EXPECT_TRUE(RobotsTxt::for_status(404).allowed("/x"));
  EXPECT_TRUE(RobotsTxt::for_status(403).allowed("/x"));
  EXPECT_TRUE(RobotsTxt::for_status(410).allowed("/x"));
  // 2.3.1.4: 5xx or no answer "unreachable", crawl nothing.
  EXPECT_FALSE(RobotsTxt::for_status(500).allowed("/x"));
  EXPECT_FALSE(RobotsTxt::for_status(503).allowed("/"));
  EXPECT_FALSE(RobotsTxt::for_status(0).allowed("/x"));
  // 2.3.1.2: redirects given up on count as unavailable.
  EXPECT_TRUE(RobotsTxt::for_status(301).allowed("/x"));
  EXPECT_TRUE(RobotsTxt::allow_all().allowed("/x"));
  EXPECT_FALSE(RobotsTxt::disallow_all().allowed("/x"));
}

TEST(Robots, RulesBeforeAnyUserAgentAreIgnored) {
  RobotsTxt r = RobotsTxt::parse("disallow: /\nuser-agent: *\ndisallow: /private\n", "blogshift");
  EXPECT_TRUE(r.allowed("/public"));
  EXPECT_FALSE(r.allowed("/private"));
}

TEST(Robots, CommentsWhitespaceAndLineEndings) {
  const std::string body =
      "\xEF\xBB\xBF# a comment line\r\n"
      "  User-agent :  *   # trailing comment\r"
      "Disallow\t:\t/a # not part of the pattern\r\n"
      "Disallow: /b\n"
      "this line has no colon\n"
      "Unknown-field: whatever\n"
      "Disallow: /c";
  RobotsTxt r = RobotsTxt::parse(body, "blogshift");
  EXPECT_FALSE(r.allowed("/a"));
  EXPECT_FALSE(r.allowed("/b"));
  EXPECT_FALSE(r.allowed("/c"));  // the last line needs no newline
  EXPECT_TRUE(r.allowed("/d"));
}

TEST(Robots, SitemapsFromAnyWhere) {
  RobotsTxt r = RobotsTxt::parse(
      "Sitemap: https://kettle.blogspot.com/sitemap.xml\n"
      "user-agent: other\n"
      "sitemap: https://kettle.blogspot.com/sitemap-pages.xml\n"
      "user-agent: blogshift\n"  // a sitemap line does not end the user-agent lines
      "disallow: /x\n",
      "blogshift");
  ASSERT_EQ(r.sitemaps().size(), 2u);
  EXPECT_EQ(r.sitemaps()[0], "https://kettle.blogspot.com/sitemap.xml");
  EXPECT_EQ(r.sitemaps()[1], "https://kettle.blogspot.com/sitemap-pages.xml");
  EXPECT_FALSE(r.allowed("/x"));
}

TEST(Robots, CrawlDelayOfTheMatchedGroup) {
  const char* body = "user-agent: *\ncrawl-delay: 10\n\nuser-agent: blogshift\ncrawl-delay: 2.5\ndisallow: /x\n";
  EXPECT_EQ(RobotsTxt::parse(body, "blogshift").crawl_delay(), 2.5);
  EXPECT_EQ(RobotsTxt::parse(body, "otherbot").crawl_delay(), 10.0);
  EXPECT_FALSE(RobotsTxt::parse("user-agent: *\ncrawl-delay: soon\n", "blogshift").crawl_delay());
  EXPECT_FALSE(RobotsTxt::parse("user-agent: *\ncrawl-delay: -1\n", "blogshift").crawl_delay());
  EXPECT_FALSE(RobotsTxt::parse("user-agent: *\ndisallow: /\n", "blogshift").crawl_delay());
}

TEST(Robots, DecidingRuleNamesTheDisallow) {
  RobotsTxt r = RobotsTxt::parse("user-agent: *\ndisallow: /search\ndisallow: /search/label\n", "blogshift");
  EXPECT_EQ(r.deciding_rule("/search/label/Bread"), "Disallow: /search/label");
  EXPECT_EQ(r.deciding_rule("/search?q=a"), "Disallow: /search");
  EXPECT_EQ(r.deciding_rule("/2023/07/a.html"), "");
  EXPECT_FALSE(RobotsTxt::disallow_all().deciding_rule("/").empty());
}

TEST(RobotsHostile, OnlyTheFirst500KiBAreRead) {
  std::string body = "user-agent: *\ndisallow: /early\n";
  while (body.size() < RobotsTxt::kMaxBytes + 1000) body += "# padding padding padding padding padding\n";
  body += "disallow: /late\n";
  RobotsTxt r = RobotsTxt::parse(body, "blogshift");
  EXPECT_FALSE(r.allowed("/early"));
  EXPECT_TRUE(r.allowed("/late"));
}

TEST(RobotsHostile, HugeFileOfRulesStaysFast) {
  std::string body = "user-agent: *\n";
  for (int i = 0; body.size() < RobotsTxt::kMaxBytes; ++i) body += "disallow: /p" + std::to_string(i) + "*x*y*z$\n";
  RobotsTxt r = RobotsTxt::parse(body, "blogshift");
  EXPECT_TRUE(r.allowed("/2023/07/a.html"));
  EXPECT_FALSE(r.allowed("/p42/x/y/z"));
}

TEST(RobotsHostile, ManyWildcardsDoNotBacktrack) {
  std::string pattern = "/";
  for (int i = 0; i < 20000; ++i) pattern += "*a";
  pattern += "*b";
  RobotsTxt r = RobotsTxt::parse("user-agent: *\ndisallow: " + pattern + "\n", "blogshift");
  EXPECT_TRUE(r.allowed("/" + std::string(8000, 'a')));
  EXPECT_FALSE(r.allowed("/" + std::string(20000, 'a') + "b"));
}

TEST(RobotsHostile, BinaryGarbageGivesNoRules) {
  std::string body;
  for (int i = 0; i < 4096; ++i) body += static_cast<char>((i * 131 + 7) % 256);
  RobotsTxt r = RobotsTxt::parse(body, "blogshift");
  EXPECT_TRUE(r.allowed("/"));
}
