// The shared ASCII string helpers (core/text.h).
#include <gtest/gtest.h>

#include "text.h"
#include "timestamp.h"

namespace blogshift {
namespace {

TEST(Text, AsciiLowerTouchesOnlyAToZ) {
  EXPECT_EQ(ascii_lower("HeLLo-World_09"), "hello-world_09");
  EXPECT_EQ(ascii_lower(""), "");
  // UTF-8 bytes and other punctuation pass through (Ä, É stay as written).
  EXPECT_EQ(ascii_lower("\xC3\x84\xC3\x89 [@`{]"), "\xC3\x84\xC3\x89 [@`{]");
  EXPECT_EQ(ascii_lower('Z'), 'z');
  EXPECT_EQ(ascii_lower('@'), '@');
  EXPECT_EQ(ascii_lower('\xC3'), '\xC3');
}

TEST(Text, IequalsIgnoresAsciiCaseOnly) {
  EXPECT_TRUE(iequals("Content-Type", "content-TYPE"));
  EXPECT_TRUE(iequals("", ""));
  EXPECT_FALSE(iequals("Content-Type", "Content-Typ"));
  EXPECT_FALSE(iequals("a", "b"));
  EXPECT_FALSE(iequals("\xC3\x84", "\xC3\xA4"));  // Ä and ä are not folded
  EXPECT_FALSE(iequals("@", "`"));                // 0x40 and 0x60 differ by the case bit but are not letters
}

TEST(Text, StartsAndEndsWithIgnoringCase) {
  EXPECT_TRUE(starts_with_ci("Application/HTTP; msgtype=response", "application/http"));
  EXPECT_TRUE(starts_with_ci("dns:example.com", "DNS:"));
  EXPECT_TRUE(starts_with_ci("abc", ""));
  EXPECT_FALSE(starts_with_ci("dn", "dns:"));
  EXPECT_FALSE(starts_with_ci("xdns:", "dns:"));
  EXPECT_TRUE(ends_with_ci("/2020/01/POST.HTML", ".html"));
  EXPECT_TRUE(ends_with_ci("abc", ""));
  EXPECT_FALSE(ends_with_ci("ml", ".html"));
  EXPECT_FALSE(ends_with_ci("page.htm", ".html"));
}

TEST(Text, TrimRemovesAsciiWhitespaceAtBothEnds) {
  EXPECT_EQ(trim("  \t\r\n\f\vx y\v\f\n\r\t "), "x y");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim(" \t "), "");
  EXPECT_EQ(trim("x"), "x");
  EXPECT_EQ(trim("\xC2\xA0x\xC2\xA0"), "\xC2\xA0x\xC2\xA0");  // a no-break space is not ASCII whitespace
  // The result points into the input.
  std::string_view text = "  abc ";
  EXPECT_EQ(trim(text).data(), text.data() + 2);
}

TEST(Text, TrimWithOwnCharacters) {
  EXPECT_EQ(trim("\f value \v", kHeaderSpace), "\f value \v");
  EXPECT_EQ(trim(" \t value\r\n", kHeaderSpace), "value");
  EXPECT_EQ(trim("--x--", "-"), "x");
  EXPECT_EQ(trim("----", "-"), "");
}

TEST(Text, FindHeaderIgnoresCaseAndTakesTheFirst) {
  HeaderList headers{{"Content-Type", "text/html"}, {"X-A", "1"}, {"x-a", "2"}};
  ASSERT_NE(find_header(headers, "content-type"), nullptr);
  EXPECT_EQ(*find_header(headers, "content-type"), "text/html");
  EXPECT_EQ(*find_header(headers, "X-a"), "1");
  EXPECT_EQ(find_header(headers, "Content-Length"), nullptr);
  EXPECT_EQ(find_header({}, "x"), nullptr);
}

TEST(Text, TimestampHeaderStillOffersTrim) {
  // timestamp.h used to declare trim(); its callers keep compiling through it.
  EXPECT_EQ(blogshift::trim(" 2011-01-20 "), "2011-01-20");
}

}  // namespace
}  // namespace blogshift

TEST(Text, AllAsciiDigits) {
  EXPECT_TRUE(blogshift::all_ascii_digits("2023"));
  EXPECT_TRUE(blogshift::all_ascii_digits("0"));
  EXPECT_FALSE(blogshift::all_ascii_digits(""));
  EXPECT_FALSE(blogshift::all_ascii_digits("2e3"));
  EXPECT_FALSE(blogshift::all_ascii_digits(" 1"));
  EXPECT_FALSE(blogshift::all_ascii_digits("\xD9\xA1"));  // ARABIC-INDIC DIGIT ONE is not ASCII
}
