// URL resolution and normalisation (libcurl's URL API): RFC 3986 section
// 5.4's reference examples, then each normalisation and refusal.
#include <gtest/gtest.h>

#include <string>

#include "scope/fetch_url.h"

using namespace blogshift::fetch;

namespace {

std::string resolved(std::string_view base, std::string_view reference) {
  auto url = resolve_url(base, reference);
  return url ? url->text : "(none)";
}

}  // namespace

TEST(FetchUrlRfc3986, NormalExamples) {
  // RFC 3986 5.4.1 (the fragment is dropped from every result).
  const char* base = "http://a/b/c/d;p?q";
  struct Case {
    const char* reference;
    const char* expected;
  };
  for (const Case& c : {Case{"g", "http://a/b/c/g"},         Case{"./g", "http://a/b/c/g"},
                        Case{"g/", "http://a/b/c/g/"},       Case{"/g", "http://a/g"},
                        Case{"//g", "http://g/"},            Case{"?y", "http://a/b/c/d;p?y"},
                        Case{"g?y", "http://a/b/c/g?y"},     Case{"#s", "http://a/b/c/d;p?q"},
                        Case{"g#s", "http://a/b/c/g"},       Case{"g?y#s", "http://a/b/c/g?y"},
                        Case{";x", "http://a/b/c/;x"},       Case{"g;x", "http://a/b/c/g;x"},
                        Case{"g;x?y#s", "http://a/b/c/g;x?y"}, Case{"", "http://a/b/c/d;p?q"},
                        Case{".", "http://a/b/c/"},          Case{"./", "http://a/b/c/"},
                        Case{"..", "http://a/b/"},           Case{"../", "http://a/b/"},
                        Case{"../g", "http://a/b/g"},        Case{"../..", "http://a/"},
                        Case{"../../", "http://a/"},         Case{"../../g", "http://a/g"}})
    EXPECT_EQ(resolved(base, c.reference), c.expected) << c.reference;
}

TEST(FetchUrlRfc3986, AbnormalExamples) {
  // RFC 3986 5.4.2: dot segments never climb above the root.
  const char* base = "http://a/b/c/d;p?q";
  EXPECT_EQ(resolved(base, "../../../g"), "http://a/g");
  EXPECT_EQ(resolved(base, "../../../../g"), "http://a/g");
  EXPECT_EQ(resolved(base, "/./g"), "http://a/g");
  EXPECT_EQ(resolved(base, "/../g"), "http://a/g");
  EXPECT_EQ(resolved(base, "g."), "http://a/b/c/g.");
  EXPECT_EQ(resolved(base, "..g"), "http://a/b/c/..g");
  EXPECT_EQ(resolved(base, "./../g"), "http://a/b/g");
  EXPECT_EQ(resolved(base, "g/./h"), "http://a/b/c/g/h");
  EXPECT_EQ(resolved(base, "g/../h"), "http://a/b/c/h");
}

TEST(FetchUrl, SchemeAndHostAreLowerCased) {
  auto url = parse_fetch_url("HTTPS://Kettle.BlogSpot.COM/2023/07/Slug.html");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->scheme, "https");
  EXPECT_EQ(url->host, "kettle.blogspot.com");
  EXPECT_EQ(url->path, "/2023/07/Slug.html");  // the path keeps its case
  EXPECT_EQ(url->text, "https://kettle.blogspot.com/2023/07/Slug.html");
}

TEST(FetchUrl, DefaultPortIsDropped) {
  EXPECT_EQ(parse_fetch_url("http://a.com:80/x")->text, "http://a.com/x");
  EXPECT_EQ(parse_fetch_url("https://a.com:443/x")->text, "https://a.com/x");
  auto other = parse_fetch_url("http://a.com:8080/x");
  ASSERT_TRUE(other);
  EXPECT_EQ(other->port, 8080);
  EXPECT_EQ(other->text, "http://a.com:8080/x");
  EXPECT_EQ(parse_fetch_url("https://a.com:80/")->port, 80);  // not https's default
}

TEST(FetchUrl, FragmentIsDropped) {
  auto url = parse_fetch_url("https://a.com/p.html?m=1#comments");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->query, "m=1");
  EXPECT_EQ(url->text, "https://a.com/p.html?m=1");
}

TEST(FetchUrl, EmptyPathBecomesSlash) {
  EXPECT_EQ(parse_fetch_url("https://a.com")->path, "/");
  EXPECT_EQ(parse_fetch_url("https://a.com?x=1")->text, "https://a.com/?x=1");
}

TEST(FetchUrl, EmptyQueryIsNone) {
  auto url = parse_fetch_url("https://a.com/x?");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->query, "");
  EXPECT_EQ(url->text, "https://a.com/x");
}

TEST(FetchUrl, BytesThatMayNotAppearAreEscaped) {
  EXPECT_EQ(parse_fetch_url("https://a.com/my photo.jpg")->path, "/my%20photo.jpg");
  EXPECT_EQ(parse_fetch_url("https://a.com/s?q=a b")->query, "q=a%20b");
  EXPECT_EQ(parse_fetch_url("https://a.com/caf\xC3\xA9")->path, "/caf%C3%A9");
  EXPECT_EQ(parse_fetch_url("https://a.com/a\"b<c>")->path, "/a%22b%3Cc%3E");
}

TEST(FetchUrl, EscapesAreNormalised) {
  // RFC 3986 6.2.2: hex upper case; escaped unreserved characters decoded.
  EXPECT_EQ(parse_fetch_url("https://a.com/%7euser/%41")->path, "/~user/A");
  EXPECT_EQ(parse_fetch_url("https://a.com/a%2fb")->path, "/a%2Fb");  // still encoded: '/' is reserved
  EXPECT_EQ(parse_fetch_url("https://a.com/caf%c3%a9")->path, "/caf%C3%A9");
  EXPECT_EQ(parse_fetch_url("https://a.com/100%")->path, "/100%25");  // a lone % is the character
  // Two spellings, one frontier entry.
  EXPECT_EQ(parse_fetch_url("https://A.com:443/caf%c3%A9#x")->text, parse_fetch_url("https://a.com/caf\xC3\xA9")->text);
}

TEST(FetchUrl, SurroundingWhitespaceAndInnerNewlinesAreNotTheUrl) {
  EXPECT_EQ(resolved("https://a.com/x/", "  \n/y.html\t "), "https://a.com/y.html");
  EXPECT_EQ(resolved("https://a.com/x/", "/a\nb\tc"), "https://a.com/abc");
}

TEST(FetchUrl, SchemeRelativeTakesTheBasesScheme) {
  EXPECT_EQ(resolved("https://a.com/x", "//1.bp.blogspot.com/-a/s320/p.jpg"), "https://1.bp.blogspot.com/-a/s320/p.jpg");
  EXPECT_EQ(resolved("http://a.com/x", "//b.com"), "http://b.com/");
}

TEST(FetchUrl, OnlyHttpAndHttps) {
  for (const char* ref : {"mailto:a@b.com", "javascript:void(0)", "data:image/png;base64,AAAA", "ftp://a.com/f",
                          "file:///etc/passwd", "tel:+123"})
    EXPECT_FALSE(resolve_url("https://a.com/", ref)) << ref;
  EXPECT_FALSE(parse_fetch_url("ftp://a.com/f"));
}

TEST(FetchUrl, UnparsableIsNone) {
  EXPECT_FALSE(parse_fetch_url("not a url"));
  EXPECT_FALSE(parse_fetch_url("/relative/only"));
  EXPECT_FALSE(parse_fetch_url("http://a.com:99999/"));
  EXPECT_FALSE(parse_fetch_url("http:a.com/x"));
  EXPECT_FALSE(resolve_url("not absolute", "x"));
}

TEST(FetchUrl, CredentialsAreRefused) {
  EXPECT_FALSE(parse_fetch_url("https://user:pass@a.com/"));
}

TEST(FetchUrl, LongerThan8KiBIsNone) {
  const std::string path(8 * 1024, 'a');
  EXPECT_FALSE(parse_fetch_url("https://a.com/" + path));
  EXPECT_TRUE(parse_fetch_url("https://a.com/" + path.substr(0, 8000)));
  // Short written, long once escaped.
  EXPECT_FALSE(parse_fetch_url("https://a.com/" + std::string(3000, ' ') + "x"));
}

TEST(FetchUrl, PunycodeStaysPunycode) {
  EXPECT_EQ(parse_fetch_url("https://XN--caf-dma.com/")->host, "xn--caf-dma.com");
}

TEST(FetchUrl, OriginNamesThePortOnlyWhenExplicit) {
  EXPECT_EQ(origin_of(*parse_fetch_url("https://a.com/x")), "a.com");
  EXPECT_EQ(origin_of(*parse_fetch_url("http://127.0.0.1:8123/x")), "127.0.0.1:8123");
}
