// The record writer, the CDXJ lines and SURT keys, and a round trip through
// extract's WARC reader (write in memory, read back).
#include "warc/warc_writer.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "cdxj_writer.h"
#include "digest.h"
#include "temp_file.h"
#include "test_paths.h"
#include "warc/warc_digest.h"
#include "warc_test_support.h"

using namespace blogshift;
using namespace blogshift::testing;

namespace {

const std::string kHttp =
    "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Length: 11\r\n\r\n<p>hello</p";

WarcRecordHead response_head() {
  WarcRecordHead head;
  head.type = "response";
  head.record_id = "<urn:uuid:fcdce373-1f13-4c5c-9742-789292b23482>";
  head.date = "2023-05-20T22:05:33Z";
  head.target_uri = "https://example.blogspot.com/2023/05/post.html";
  head.content_type = "application/http; msgtype=response";
  head.fields.emplace_back("WARC-IP-Address", "127.0.0.1");
  return head;
}

struct Memory {
  std::string bytes;
  WarcWriter::Output out() {
    return [this](std::string_view data) { bytes.append(data); };
  }
};

}  // namespace

TEST(WarcWriter, DigestsAreSha1Base32OrSha256Hex) {
  EXPECT_EQ(warc_digest(WarcDigestAlgorithm::Sha1, ""), "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ");
  EXPECT_EQ(warc_digest(WarcDigestAlgorithm::Sha256, "abc"),
            "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  WarcDigester pieces(WarcDigestAlgorithm::Sha1);
  pieces.update("ab");
  pieces.update("c");
  EXPECT_EQ(pieces.value(), warc_digest(WarcDigestAlgorithm::Sha1, "abc"));
}

TEST(WarcWriter, RecordIdsAreVersion5UuidsOfTheirName) {
  const std::string id = warc_record_id("resource\nabc");
  EXPECT_EQ(id, warc_record_id("resource\nabc"));
  EXPECT_NE(id, warc_record_id("resource\nabd"));
  ASSERT_EQ(id.size(), 47u);  // <urn:uuid:8-4-4-4-12>
  EXPECT_EQ(id.substr(0, 10), "<urn:uuid:");
  EXPECT_EQ(id[24], '5');  // version
  EXPECT_NE(std::string("89ab").find(id[29]), std::string::npos);  // variant
}

TEST(WarcWriter, PayloadIsTheHttpBodyOrTheWholeBlock) {
  EXPECT_EQ(warc_payload("response", "application/http; msgtype=response", kHttp), "<p>hello</p");
  EXPECT_EQ(warc_payload("response", "", kHttp), "<p>hello</p");  // no type: sniffed
  EXPECT_EQ(warc_payload("resource", "text/html", "<p>x</p>"), "<p>x</p>");
  EXPECT_EQ(warc_payload("response", "text/dns", "20230520 example.com. 300 IN A 1.2.3.4"),
            "20230520 example.com. 300 IN A 1.2.3.4");
  EXPECT_FALSE(warc_payload("warcinfo", "application/warc-fields", "software: x\r\n"));
  EXPECT_FALSE(warc_payload("response", "application/http", "HTTP/1.1 200 OK\r\nX: y"));  // head never ends
}

TEST(WarcWriter, DatesAreUtcSeconds) {
  EXPECT_EQ(warc_date(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(warc_date(1684620333), "2023-05-20T22:05:33Z");
}

TEST(WarcWriter, HeaderLayoutAndOneGzipMemberPerRecord) {
  Memory memory;
  WarcWriter writer(memory.out(), WarcDigestAlgorithm::Sha1);
  const WarcWrittenRecord first = writer.write(response_head(), kHttp);
  WarcRecordHead second_head = response_head();
  second_head.record_id = warc_record_id("second");
  const WarcWrittenRecord second = writer.write(second_head, kHttp);

  EXPECT_EQ(first.offset, 0);
  EXPECT_EQ(second.offset, first.length);
  EXPECT_EQ(static_cast<int64_t>(memory.bytes.size()), first.length + second.length);
  EXPECT_EQ(first.http_status, 200);
  EXPECT_EQ(first.http_mime, "text/html");
  EXPECT_EQ(first.payload_digest, warc_digest(WarcDigestAlgorithm::Sha1, "<p>hello</p"));

  // Each member alone decompresses to exactly one record.
  const std::string one = gunzip(memory.bytes.substr(0, static_cast<size_t>(first.length)));
  const std::string expected_head =
      "WARC/1.1\r\n"
      "WARC-Type: response\r\n"
      "WARC-Record-ID: <urn:uuid:fcdce373-1f13-4c5c-9742-789292b23482>\r\n"
      "WARC-Date: 2023-05-20T22:05:33Z\r\n"
      "WARC-Target-URI: https://example.blogspot.com/2023/05/post.html\r\n"
      "WARC-IP-Address: 127.0.0.1\r\n"
      "Content-Type: application/http; msgtype=response\r\n"
      "WARC-Block-Digest: " + warc_digest(WarcDigestAlgorithm::Sha1, kHttp) + "\r\n"
      "WARC-Payload-Digest: " + first.payload_digest + "\r\n"
      "Content-Length: " + std::to_string(kHttp.size()) + "\r\n\r\n";
  EXPECT_EQ(one, expected_head + kHttp + "\r\n\r\n");
  // gzip header: no name, modification time 0 (bytes 4-7).
  EXPECT_EQ(memory.bytes.substr(0, 3), std::string("\x1f\x8b\x08", 3));
  EXPECT_EQ(memory.bytes.substr(4, 4), std::string(4, '\0'));
}

TEST(WarcWriter, RoundTripThroughExtractsReader) {
  const auto dir = temp_dir("warc-roundtrip");
  const std::string path = (dir / "round.warc.gz").string();
  Memory memory;
  WarcWriter writer(memory.out(), WarcDigestAlgorithm::Sha256);
  std::vector<WarcWrittenRecord> written;
  WarcRecordHead info;
  info.type = "warcinfo";
  info.record_id = warc_record_id("info");
  info.date = "2023-05-20T22:05:33Z";
  info.content_type = "application/warc-fields";
  written.push_back(writer.write(info, "software: test\r\n"));
  written.push_back(writer.write(response_head(), kHttp));
  WarcRecordHead revisit = response_head();
  revisit.type = "revisit";
  revisit.record_id = warc_record_id("revisit");
  revisit.payload_digest = "sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
  written.push_back(writer.write(revisit, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"));
  const std::string binary(std::string("\0\x01\xff\r\n\r\nWARC/1.1\r\n", 15) + std::string(200000, 'x'));
  const std::string file_path = write_file(dir / "blob.bin", binary);
  WarcRecordHead resource;
  resource.type = "resource";
  resource.record_id = warc_record_id("resource");
  resource.date = "2023-05-20T22:05:33Z";
  resource.target_uri = "urn:blogshift:test:blob.bin";
  resource.content_type = "application/octet-stream";
  written.push_back(writer.write_file(resource, file_path));
  write_file(path, memory.bytes);

  const std::vector<WarcRecord> records = read_records(path);
  ASSERT_EQ(records.size(), 4u);
  const std::vector<std::string> blocks = {"software: test\r\n", kHttp,
                                           "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n", binary};
  for (size_t i = 0; i < records.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(records[i].version, "WARC/1.1");
    EXPECT_EQ(records[i].offset, written[i].offset);  // the reader's offset is the member's
    EXPECT_EQ(records[i].type, written[i].type);
    EXPECT_EQ(records[i].block, blocks[i]);
    EXPECT_EQ(check_warc_digest(*records[i].header("WARC-Block-Digest"), records[i].block), DigestCheck::Match);
  }
  EXPECT_FALSE(records[0].header("WARC-Payload-Digest"));
  EXPECT_EQ(*records[2].header("WARC-Payload-Digest"), "sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");  // as given
  EXPECT_EQ(*records[3].header("WARC-Payload-Digest"), *records[3].header("WARC-Block-Digest"));
  EXPECT_EQ(*records[3].header("WARC-Payload-Digest"), "sha256:" + sha256_hex(binary));
  std::filesystem::remove_all(dir);
}

TEST(WarcWriter, RefusesHeaderValuesThatWouldNotReadBack) {
  Memory memory;
  WarcWriter writer(memory.out(), WarcDigestAlgorithm::Sha1);
  for (std::string bad : {"a\r\nWARC-Type: forged", "trailing ", "nul\0x"}) {
    if (bad == "nul") bad = std::string("nul\0x", 5);
    WarcRecordHead head = response_head();
    head.target_uri = bad;
    EXPECT_THROW(writer.write(head, kHttp), std::invalid_argument) << bad;
  }
  WarcRecordHead head = response_head();
  head.fields.emplace_back("Bad:Name", "x");
  EXPECT_THROW(writer.write(head, kHttp), std::invalid_argument);
  EXPECT_EQ(memory.bytes, "");  // nothing was half written
}

TEST(WarcWriter, TheSameRecordsGiveTheSameBytes) {
  Memory a, b;
  WarcWriter(a.out(), WarcDigestAlgorithm::Sha1).write(response_head(), kHttp);
  WarcWriter(b.out(), WarcDigestAlgorithm::Sha1).write(response_head(), kHttp);
  EXPECT_EQ(a.bytes, b.bytes);
}

TEST(Cdxj, SurtKeysAsWarcioWritesThem) {
  EXPECT_EQ(surt_key("https://kettleandcrumb.blogspot.com/"), "com,blogspot,kettleandcrumb)/");
  EXPECT_EQ(surt_key("http://www.Example.com/A/B.html?b=2&a=1#frag"), "com,example)/a/b.html?a=1&b=2");
  EXPECT_EQ(surt_key("http://www2.example.com:80/x"), "com,example)/x");
  EXPECT_EQ(surt_key("https://example.com:8443/x"), "com,example:8443)/x");
  EXPECT_EQ(surt_key("http://example.com"), "com,example)/");
  EXPECT_EQ(surt_key("http://example.com?example=1"), "com,example)/?example=1");
  EXPECT_EQ(surt_key("http://user@example.com/a/./b/../c"), "com,example)/a/c");
  EXPECT_EQ(surt_key("http://example.com/a b"), "com,example)/a%20b");
  EXPECT_EQ(surt_key("urn:blogshift:takeout:feed.atom"), "urn:blogshift:takeout:feed.atom");
  EXPECT_EQ(surt_key("http://example.com:99999/"), "http://example.com:99999/");  // does not parse: itself
}

TEST(Cdxj, LinesAndWhatTheyLeaveOut) {
  WarcWrittenRecord response;
  response.type = "response";
  response.target_uri = "https://example.com/p?q=\"1\"";
  response.date = "2023-05-20T22:05:33.5Z";
  response.payload_digest = "sha1:ABC";
  response.http_status = 404;
  response.http_mime = "text/html";
  response.offset = 10;
  response.length = 20;
  EXPECT_EQ(*cdxj_line(response, "f.warc.gz"),
            "com,example)/p?q=%221%22 20230520220533 {\"url\":\"https://example.com/p?q=\\\"1\\\"\",\"mime\":\"text/html\","
            "\"status\":\"404\",\"digest\":\"ABC\",\"length\":\"20\",\"offset\":\"10\",\"filename\":\"f.warc.gz\"}");

  WarcWrittenRecord resource = response;
  resource.type = "resource";
  resource.content_type = "image/png";
  resource.http_status = 0;
  EXPECT_EQ(cdxj_line(resource, "f")->find("\"status\""), std::string::npos);
  EXPECT_NE(cdxj_line(resource, "f")->find("\"mime\":\"image/png\""), std::string::npos);

  WarcWrittenRecord revisit = response;
  revisit.type = "revisit";
  EXPECT_NE(cdxj_line(revisit, "f")->find("\"mime\":\"warc/revisit\""), std::string::npos);

  WarcWrittenRecord request = response, info = response, fields = resource;
  request.type = "request";
  info.type = "warcinfo";
  fields.content_type = "application/warc-fields";
  EXPECT_FALSE(cdxj_line(request, "f"));
  EXPECT_FALSE(cdxj_line(info, "f"));
  EXPECT_FALSE(cdxj_line(fields, "f"));

  WarcWrittenRecord early = resource;
  early.target_uri = "http://a.example/";
  const std::string text = cdxj_text({response, request, early}, "f");
  EXPECT_EQ(text.substr(0, 12), "com,example)");  // sorted: "com,..." before "example,a)/"
  EXPECT_NE(text.find("\nexample,a)/ "), std::string::npos);
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 2);
}
