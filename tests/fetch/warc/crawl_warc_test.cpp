#include "warc/crawl_warc.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <vector>

#include "errors.h"
#include "temp_file.h"
#include "test_paths.h"
#include "warc/http_response.h"
#include "warc/warc_digest.h"
#include "warc/warc_record_reader.h"

namespace blogshift::fetch {
namespace {

namespace fs = std::filesystem;

HttpExchange exchange(const std::string& url, const std::string& body, bool chunked = false) {
  HttpExchange x;
  x.url = url;
  x.started_at = 1700000000;
  x.request_head = "GET " + url.substr(url.find('/', 8)) + " HTTP/1.1\r\nHost: h\r\nUser-Agent: t\r\n\r\n";
  x.response_head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" +
                    std::string(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + std::to_string(body.size()) + "\r\n") +
                    "\r\n";
  x.body = body;
  x.status = 200;
  x.remote_ip = "127.0.0.1";
  return x;
}

std::vector<WarcRecord> records_of(const std::string& path) {
  std::vector<WarcRecord> out;
  WarcRecordReader reader(path);
  WarcRead read;
  while (reader.next(read)) {
    EXPECT_FALSE(read.damage) << read.damage->message;
    if (read.record) out.push_back(*read.record);
  }
  return out;
}

CrawlWarcInfo info() {
  CrawlWarcInfo i;
  i.software = "blogshift/test";
  i.user_agent = "t";
  i.robots = "obey";
  i.seeds = {"https://x.blogspot.com/"};
  return i;
}

TEST(CrawlWarc, WarcinfoFirstThenRequestAndResponsePerFetch) {
  const auto dir = testing::temp_dir("crawl-warc-basic");
  const std::string path = (dir / "x.warc.gz").string();
  {
    CrawlWarc warc(path, info(), {});
    warc.write(exchange("https://x.blogspot.com/", "<p>home</p>"));
    warc.write(exchange("https://x.blogspot.com/2020/01/a.html", "<p>a</p>"));
  }
  auto records = records_of(path);
  ASSERT_EQ(records.size(), 5u);
  EXPECT_EQ(records[0].type, "warcinfo");
  EXPECT_EQ(records[0].version, "WARC/1.1");
  EXPECT_EQ(records[1].type, "request");
  EXPECT_EQ(records[2].type, "response");
  EXPECT_EQ(*records[1].header("WARC-Concurrent-To"), *records[2].header("WARC-Record-ID"));
  EXPECT_EQ(*records[2].header("WARC-Concurrent-To"), *records[1].header("WARC-Record-ID"));
  EXPECT_EQ(records[2].target_uri, "https://x.blogspot.com/");
  EXPECT_EQ(*records[2].header("WARC-IP-Address"), "127.0.0.1");
  // Digests that any reader recomputes: the block, and the payload after the HTTP head.
  for (const auto& r : records) {
    ASSERT_TRUE(r.header("WARC-Block-Digest"));
    EXPECT_EQ(check_warc_digest(*r.header("WARC-Block-Digest"), r.block), DigestCheck::Match);
  }
  const size_t body_at = http_head_end(records[2].block);
  EXPECT_EQ(check_warc_digest(*records[2].header("WARC-Payload-Digest"), records[2].block.substr(body_at)),
            DigestCheck::Match);
  EXPECT_EQ(records[2].block.substr(body_at), "<p>home</p>");
}

TEST(CrawlWarc, ChunkedBodiesAreStoredDechunkedWithTheHeaderRenamed) {
  const auto dir = testing::temp_dir("crawl-warc-chunked");
  const std::string path = (dir / "x.warc.gz").string();
  {
    CrawlWarc warc(path, info(), {});
    warc.write(exchange("https://x.blogspot.com/feeds/posts/default", "<feed/>", true));
  }
  auto records = records_of(path);
  ASSERT_EQ(records.size(), 3u);
  const std::string& block = records[2].block;
  EXPECT_NE(block.find("\r\nX-Crawler-Transfer-Encoding: chunked\r\n"), std::string::npos) << block;
  EXPECT_EQ(block.find("\r\nTransfer-Encoding"), std::string::npos);
  std::string error;
  auto head = parse_http_head(block, error);
  ASSERT_TRUE(head);
  auto body = decode_http_body(*head, std::string_view(block).substr(head->body_offset), error);
  ASSERT_TRUE(body) << error;
  EXPECT_EQ(*body, "<feed/>");
}

TEST(CrawlWarc, ATornEndIsCutAtEveryByteAndTheFileResumes) {
  const auto dir = testing::temp_dir("crawl-warc-torn");
  const std::string whole = (dir / "whole.warc.gz").string();
  std::vector<int64_t> ends;  // file size after each exchange
  {
    CrawlWarc warc(whole, info(), {});
    ends.push_back(warc.size());
    for (int i = 0; i < 3; ++i) {
      warc.write(exchange("https://x.blogspot.com/p/" + std::to_string(i) + ".html", std::string(static_cast<size_t>(300 + i * 50), static_cast<char>('a' + i))));
      ends.push_back(warc.size());
    }
  }
  const std::string bytes = testing::read_file(whole);
  ASSERT_EQ(static_cast<int64_t>(bytes.size()), ends.back());
  // A kill -9 may stop the write anywhere: every cut point resumes on whole
  // exchanges only, and the next write reads back.
  for (size_t cut = static_cast<size_t>(ends[0]); cut <= bytes.size(); cut += 7) {
    const std::string path = (dir / "cut.warc.gz").string();
    testing::write_file(path, bytes.substr(0, cut));
    int64_t expect_end = ends[0];
    for (int64_t e : ends)
      if (e <= static_cast<int64_t>(cut)) expect_end = e;
    int held = 0;
    CrawlWarcResume resume;
    {
      CrawlWarc warc(path, info(), [&](const WarcRecord& r) { held += r.type == "response"; }, &resume);
      EXPECT_EQ(warc.size(), expect_end) << "cut at " << cut;
      EXPECT_EQ(resume.cut_bytes, static_cast<int64_t>(cut) - expect_end);
      warc.write(exchange("https://x.blogspot.com/p/next.html", "next"));
    }
    auto records = records_of(path);
    ASSERT_GE(records.size(), 3u);
    EXPECT_EQ(records.front().type, "warcinfo");
    EXPECT_EQ(records.back().type, "response");
    EXPECT_EQ(records.back().target_uri, "https://x.blogspot.com/p/next.html");
    EXPECT_EQ(static_cast<int>(records.size()), 1 + 2 * held + 2) << "cut at " << cut;
  }
}

TEST(CrawlWarc, AFileCutInsideItsWarcinfoStartsAgain) {
  const auto dir = testing::temp_dir("crawl-warc-empty");
  const std::string path = (dir / "x.warc.gz").string();
  testing::write_file(path, std::string("\x1f\x8b\x08\x00", 4));
  {
    CrawlWarc warc(path, info(), {});
    warc.write(exchange("https://x.blogspot.com/", "home"));
  }
  auto records = records_of(path);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].type, "warcinfo");
}

TEST(CrawlWarc, ACutBodyIsMarkedTruncated) {
  const auto dir = testing::temp_dir("crawl-warc-trunc");
  const std::string path = (dir / "x.warc.gz").string();
  {
    CrawlWarc warc(path, info(), {});
    HttpExchange x = exchange("https://x.blogspot.com/big", std::string(100, 'x'));
    x.truncated = true;
    x.error = TransferError::TooLarge;
    warc.write(x);
  }
  auto records = records_of(path);
  ASSERT_EQ(records.size(), 3u);
  ASSERT_TRUE(records[2].header("WARC-Truncated"));
  EXPECT_EQ(*records[2].header("WARC-Truncated"), "length");
}

TEST(CrawlWarc, DamageBeforeTheEndIsRefusedNotCut) {
  const auto dir = testing::temp_dir("crawl-warc-damaged");
  const std::string path = (dir / "x.warc.gz").string();
  int64_t first_end = 0;
  {
    CrawlWarc warc(path, info(), {});
    warc.write(exchange("https://x.blogspot.com/", std::string(2000, 'h')));
    first_end = warc.size();
    warc.write(exchange("https://x.blogspot.com/p/a.html", std::string(2000, 'a')));
  }
  std::string bytes = testing::read_file(path);
  bytes[static_cast<size_t>(first_end) - 30] ^= 0x55;  // inside the first exchange's response member
  testing::write_file(path, bytes);
  EXPECT_THROW(CrawlWarc(path, info(), {}), FatalError);
  EXPECT_EQ(testing::read_file(path), bytes) << "nothing was cut";
}

TEST(CrawlWarc, OneCrawlAtATimePerFile) {
  const auto dir = testing::temp_dir("crawl-warc-lock");
  const std::string path = (dir / "x.warc.gz").string();
  CrawlWarc first(path, info(), {});
  EXPECT_THROW(CrawlWarc(path, info(), {}), FatalError);
}

}  // namespace
}  // namespace blogshift::fetch
