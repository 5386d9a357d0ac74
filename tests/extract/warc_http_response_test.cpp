// HTTP responses inside WARC response records: status lines, headers, and
// the chunked / gzip / deflate codings undone; damage is an error, not a throw.
#include "warc/http_response.h"

#include <gtest/gtest.h>

#include "warc_test_builder.h"

namespace blogshift {
namespace {

using testing::compress;
using testing::Wrapper;

std::string decode(const std::string& block, std::string* error_out = nullptr) {
  std::string error;
  auto head = parse_http_head(block, error);
  EXPECT_TRUE(head) << error;
  if (!head) return "<no head>";
  auto body = decode_http_body(*head, std::string_view(block).substr(head->body_offset), error);
  if (error_out) *error_out = error;
  return body ? *body : "<damaged>";
}

TEST(HttpResponseTest, StatusLineHeadersAndBody) {
  std::string error;
  const std::string block = "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nX-A: 1\r\n\r\n<p>gone</p>";
  auto head = parse_http_head(block, error);
  ASSERT_TRUE(head) << error;
  EXPECT_EQ(head->version, "HTTP/1.1");
  EXPECT_EQ(head->status, 404);
  EXPECT_EQ(head->reason, "Not Found");
  ASSERT_NE(head->header("content-type"), nullptr);
  EXPECT_EQ(*head->header("content-type"), "text/html");
  EXPECT_EQ(block.substr(head->body_offset), "<p>gone</p>");
  EXPECT_TRUE(head->headers_terminated);
}

TEST(HttpResponseTest, ReasonPhraseMayBeMissing) {
  std::string error;
  for (const std::string line : {"HTTP/1.0 302 ", "HTTP/1.0 302"}) {
    auto head = parse_http_head(line + "\r\nLocation: http://a.example/\r\n\r\n", error);
    ASSERT_TRUE(head) << line << ": " << error;
    EXPECT_EQ(head->status, 302);
    EXPECT_EQ(head->reason, "");
  }
}

TEST(HttpResponseTest, CrCrLfLineEndsAreTolerated) {
  std::string error;
  const std::string block = "HTTP/1.0 200 OK\r\r\nContent-Type: text/plain\r\r\n\r\r\nbody";
  auto head = parse_http_head(block, error);
  ASSERT_TRUE(head) << error;
  EXPECT_EQ(*head->header("Content-Type"), "text/plain");
  EXPECT_EQ(block.substr(head->body_offset), "body");
}

TEST(HttpResponseTest, HeadersRunningToTheEndAreFlagged) {
  std::string error;
  auto head = parse_http_head("HTTP/1.0 302 \r\nLocation: /x\r\nContent-Length: 0", error);
  ASSERT_TRUE(head) << error;
  EXPECT_FALSE(head->headers_terminated);
  EXPECT_NE(head->header("Content-Length"), nullptr);
}

TEST(HttpResponseTest, NotAnHttpResponseIsAnError) {
  std::string error;
  EXPECT_FALSE(parse_http_head("HTTPX/1.1 200 OK\r\n\r\n", error));
  EXPECT_FALSE(error.empty());
  EXPECT_FALSE(parse_http_head("HTTP/1.1 OK\r\n\r\n", error));
  EXPECT_FALSE(parse_http_head("", error));
  EXPECT_FALSE(parse_http_head("HTTP/1.1 2000 OK\r\n\r\n", error));
}

TEST(HttpResponseTest, ChunkedBodyIsDecoded) {
  const std::string block =
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nX-Trailer: 1\r\n\r\n";
  EXPECT_EQ(decode(block), "hello, world");
}

TEST(HttpResponseTest, ChunkedHeaderOverAPlainBodyIsTakenAsIs) {
  EXPECT_EQ(decode("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n<html>already dechunked</html>"),
            "<html>already dechunked</html>");
}

TEST(HttpResponseTest, DamagedChunksAreAnError) {
  std::string error;
  EXPECT_EQ(decode("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n20\r\nonly ten b\r\n", &error), "<damaged>");
  EXPECT_NE(error.find("chunk"), std::string::npos);
  EXPECT_EQ(decode("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\nzz\r\nmore", &error),
            "<damaged>");
}

TEST(HttpResponseTest, ChunkedBodyWithoutTheLastChunkIsKeptWhenItEndsOnABoundary) {
  EXPECT_EQ(decode("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n"), "abc");
}

TEST(HttpResponseTest, GzipBodyIsDecoded) {
  const std::string body = "<html><body>" + std::string(5000, 'z') + "</body></html>";
  EXPECT_EQ(decode("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + compress(body)), body);
  EXPECT_EQ(decode("HTTP/1.1 200 OK\r\nContent-Encoding: x-gzip\r\n\r\n" + compress(body)), body);
}

TEST(HttpResponseTest, DeflateBodyIsDecodedWithOrWithoutZlibWrapper) {
  const std::string body = "deflated text, deflated text, deflated text";
  EXPECT_EQ(decode("HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n" + compress(body, Wrapper::Zlib)), body);
  EXPECT_EQ(decode("HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n" + compress(body, Wrapper::Raw)), body);
}

TEST(HttpResponseTest, ChunkedAndGzippedTogether) {
  const std::string body = "both codings at once";
  const std::string gz = compress(body);
  char size[16];
  std::snprintf(size, sizeof size, "%zx", gz.size());
  const std::string block = "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n" +
                            std::string(size) + "\r\n" + gz + "\r\n0\r\n\r\n";
  EXPECT_EQ(decode(block), body);
}

TEST(HttpResponseTest, DamagedGzipBodyIsAnError) {
  std::string error;
  std::string gz = compress(std::string(3000, 'q') + "tail");
  EXPECT_EQ(decode("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + gz.substr(0, gz.size() / 2), &error),
            "<damaged>");
  EXPECT_NE(error.find("cut short"), std::string::npos) << error;
  EXPECT_EQ(decode("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\nnot gzip at all", &error), "<damaged>");
}

TEST(HttpResponseTest, UnsupportedContentEncodingIsAnError) {
  std::string error;
  EXPECT_EQ(decode("HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\n\x1b\x02", &error), "<damaged>");
  EXPECT_NE(error.find("br"), std::string::npos);
  EXPECT_EQ(decode("HTTP/1.1 200 OK\r\nContent-Encoding: identity\r\n\r\nplain"), "plain");
}

TEST(HttpResponseTest, DecodedSizeIsBounded) {
  std::string error;
  const std::string bomb = compress(std::string(1 << 20, '\0'));
  auto head = parse_http_head("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n", error);
  ASSERT_TRUE(head);
  EXPECT_FALSE(decode_http_body(*head, bomb, error, 1000));
  EXPECT_NE(error.find("larger"), std::string::npos) << error;
}

TEST(HttpResponseTest, HeadEndOfAnyHttpMessage) {
  EXPECT_EQ(http_head_end("GET / HTTP/1.1\r\nHost: a\r\n\r\nbody"), 27u);
  EXPECT_EQ(http_head_end("GET / HTTP/1.1\r\nHost: a\r\n"), std::string_view::npos);
}

}  // namespace
}  // namespace blogshift
