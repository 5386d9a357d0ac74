// Content-Encoding: br, as a crawl stores it (fetch asks for gzip and br and
// keeps the bytes as they came): undone through libbrotlidec, with damage an
// error and the size cap kept.
#include <brotli/encode.h>
#include <gtest/gtest.h>

#include "warc/http_response.h"

namespace blogshift {
namespace {

std::string brotli(const std::string& text) {
  std::string out(BrotliEncoderMaxCompressedSize(text.size()), '\0');
  size_t size = out.size();
  EXPECT_TRUE(BrotliEncoderCompress(BROTLI_DEFAULT_QUALITY, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, text.size(),
                                    reinterpret_cast<const uint8_t*>(text.data()), &size,
                                    reinterpret_cast<uint8_t*>(out.data())));
  out.resize(size);
  return out;
}

std::optional<std::string> decode(const std::string& body, std::string& error, size_t cap = size_t{1} << 20) {
  const std::string block = "HTTP/1.1 200 OK\r\nContent-Encoding: br\r\nContent-Length: " +
                            std::to_string(body.size()) + "\r\n\r\n" + body;
  auto head = parse_http_head(block, error);
  EXPECT_TRUE(head) << error;
  return decode_http_body(*head, std::string_view(block).substr(head->body_offset), error, cap);
}

TEST(BrotliBody, IsDecoded) {
  const std::string page = "<html><body>" + std::string(5000, 'x') + "<p>Kettle &amp; Crumb</p></body></html>";
  std::string error;
  auto body = decode(brotli(page), error);
  ASSERT_TRUE(body) << error;
  EXPECT_EQ(*body, page);
}

TEST(BrotliBody, ACutStreamIsAnError) {
  std::string compressed = brotli(std::string(20000, 'y') + "tail");
  compressed.resize(compressed.size() / 2);
  std::string error;
  EXPECT_FALSE(decode(compressed, error));
  EXPECT_NE(error.find("br"), std::string::npos) << error;
}

TEST(BrotliBody, GarbageIsAnError) {
  std::string error;
  EXPECT_FALSE(decode("\xff\xfe not brotli at all", error));
  EXPECT_FALSE(error.empty());
}

TEST(BrotliBody, TheSizeCapHolds) {
  std::string error;
  EXPECT_FALSE(decode(brotli(std::string(1 << 20, 'z')), error, 1000));
  EXPECT_NE(error.find("larger than"), std::string::npos) << error;
}

}  // namespace
}  // namespace blogshift
