// read_warc: every record ends in exactly one outcome (extract_sink.h), on
// WARCs written in the test. HTML pages go through the crawl ingest, whose
// result (items or an asset) depends on the scraper; these tests use
// non-HTML payloads where they look at what was staged.
#include "warc/warc_reader.h"

#include <gtest/gtest.h>

#include "errors.h"
#include "test_paths.h"
#include "warc_test_builder.h"

namespace blogshift {
namespace {

using testing::CollectingSink;
using testing::compress;
using testing::concat;
using testing::count_skips_with;
using testing::count_units;
using testing::find_problem;
using testing::gzip_each;
using testing::http_block;
using testing::http_ok;
using testing::warc_record;
using testing::write_file;

const std::string kPng = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) + std::string(100, '\x7f');

class WarcReaderTest : public ::testing::Test {
protected:
  CollectingSink read(const std::string& name, const std::string& bytes) {
    path = write_file(dir, name, bytes);
    CollectingSink sink;
    read_warc(path, sink);
    return sink;
  }
  ~WarcReaderTest() override { std::filesystem::remove_all(dir); }
  std::filesystem::path dir = testing::temp_dir("warc-reader");
  std::string path;
};

TEST_F(WarcReaderTest, OkResponseReachesIngestWithItsPosition) {
  const std::string first = warc_record("warcinfo", "", "software: test\r\n");
  auto sink = read("ok.warc", first + warc_record("response", "http://blog.example/img/a.png", http_ok("image/png", kPng)));
  ASSERT_EQ(sink.assets.size(), 1u);
  const auto& asset = sink.assets[0];
  EXPECT_EQ(asset.url, "http://blog.example/img/a.png");
  EXPECT_EQ(asset.content_type, "image/png");
  EXPECT_EQ(asset.bytes, kPng);
  EXPECT_EQ(asset.position.file, path);
  EXPECT_EQ(asset.position.offset, static_cast<int64_t>(first.size()));
  EXPECT_EQ(count_units(sink), 2u);
  EXPECT_TRUE(sink.problems.empty());
}

TEST_F(WarcReaderTest, NonOkResponsesAreSkippedWithTheStatus) {
  auto sink = read("status.warc",
                   warc_record("response", "http://blog.example/missing", http_block("HTTP/1.1 404 Not Found", {}, "no")) +
                       warc_record("response", "http://blog.example/old",
                                   http_block("HTTP/1.1 301 Moved Permanently",
                                              {{"Location", "http://blog.example/new"}}, "")) +
                       warc_record("response", "http://blog.example/x", http_block("HTTP/1.0 302", {}, "")));
  EXPECT_TRUE(sink.assets.empty());
  EXPECT_TRUE(sink.items.empty());
  ASSERT_EQ(sink.skips.size(), 3u);
  EXPECT_EQ(sink.skips[0].why, "HTTP 404 Not Found");
  EXPECT_EQ(sink.skips[1].why, "HTTP 301 Moved Permanently, redirect to http://blog.example/new");
  EXPECT_EQ(sink.skips[2].why, "HTTP 302");
  EXPECT_NE(sink.skips[0].what.find("http://blog.example/missing"), std::string::npos);
}

TEST_F(WarcReaderTest, ResourceRecordsAreIngestedWithTheWarcContentType) {
  auto sink = read("resource.warc",
                   warc_record("resource", "<file:///photos/b.png>", kPng, {{"Content-Type", "image/png"}}) +
                       warc_record("resource", "metadata://gnu.org/software/wget/warc/wget.log", "log",
                                   {{"Content-Type", "text/plain"}}));
  ASSERT_EQ(sink.assets.size(), 1u);
  EXPECT_EQ(sink.assets[0].url, "file:///photos/b.png");
  EXPECT_EQ(sink.assets[0].content_type, "image/png");
  EXPECT_EQ(sink.assets[0].bytes, kPng);
  ASSERT_EQ(sink.skips.size(), 1u) << "wget's own log is crawler metadata, not site content";
  EXPECT_EQ(count_units(sink), 2u);
}

TEST_F(WarcReaderTest, RecordsWithoutContentAreSkippedWithTheirType) {
  auto sink = read("types.warc",
                   warc_record("warcinfo", "", "software: x\r\n") +
                       warc_record("request", "http://blog.example/", "GET / HTTP/1.1\r\n\r\n") +
                       warc_record("metadata", "http://blog.example/", "outlink: x\r\n") +
                       warc_record("conversion", "http://blog.example/", "x") +
                       warc_record("continuation", "http://blog.example/", "x"));
  EXPECT_EQ(count_units(sink), 5u);
  ASSERT_EQ(sink.skips.size(), 5u);
  EXPECT_EQ(count_skips_with(sink, "warcinfo record"), 1u);
  EXPECT_EQ(sink.skips[1].why, "request record");
  EXPECT_EQ(sink.skips[2].why, "metadata record");
  EXPECT_TRUE(sink.problems.empty());
}

TEST_F(WarcReaderTest, RevisitIsSkippedNamingWhatItRefersTo) {
  auto sink = read("revisit.warc",
                   warc_record("revisit", "http://blog.example/",
                               http_block("HTTP/1.1 200 OK", {{"Content-Type", "text/html"}}, ""),
                               {{"WARC-Refers-To-Target-URI", "http://blog.example/?orig"},
                                {"WARC-Payload-Digest", "sha1:B2LTWWPUOYAH7UIPQ7ZUPQ4VMBSVC36A"},
                                {"WARC-Profile", "http://netpreserve.org/warc/1.0/revisit/identical-payload-digest"}}));
  ASSERT_EQ(sink.skips.size(), 1u);
  EXPECT_NE(sink.skips[0].why.find("http://blog.example/?orig"), std::string::npos);
  EXPECT_NE(sink.skips[0].why.find("sha1:B2LTWWPUOYAH7UIPQ7ZUPQ4VMBSVC36A"), std::string::npos);
  EXPECT_TRUE(sink.problems.empty()) << "a revisit's payload digest is the original's, not checked";
}

TEST_F(WarcReaderTest, UnknownTypeIsSkippedWithAWarning) {
  auto sink = read("unknown.warc", warc_record("x-custom", "http://blog.example/", "data"));
  ASSERT_EQ(sink.skips.size(), 1u);
  EXPECT_NE(sink.skips[0].why.find("x-custom"), std::string::npos);
  ASSERT_EQ(sink.problems.size(), 1u);
  EXPECT_EQ(sink.problems[0].code, "WARC_UNKNOWN_RECORD");
  EXPECT_EQ(sink.problems[0].severity, Severity::Warning);
  EXPECT_EQ(sink.problems[0].position.offset, 0);
  EXPECT_EQ(count_units(sink), 1u);
}

TEST_F(WarcReaderTest, ChunkedAndGzippedBodiesAreDecodedBeforeIngest) {
  const std::string text = "body text that was gzipped then chunked";
  const std::string gz = compress(text);
  char size[16];
  std::snprintf(size, sizeof size, "%zx", gz.size() - 5);
  const std::string chunked = std::string(size) + "\r\n" + gz.substr(0, gz.size() - 5) + "\r\n5\r\n" +
                              gz.substr(gz.size() - 5) + "\r\n0\r\n\r\n";
  const std::string block = http_block(
      "HTTP/1.1 200 OK",
      {{"Content-Type", "text/plain"}, {"Content-Encoding", "gzip"}, {"Transfer-Encoding", "chunked"}}, chunked);
  // Payload digest over the raw (still chunked) body, as wget and warcio write it.
  auto sink = read("coded.warc",
                   warc_record("response", "http://blog.example/t.txt", block,
                               {{"WARC-Payload-Digest", "sha1:" + base32(sha1_raw(chunked))}}, {.block_digest = true}));
  ASSERT_EQ(sink.assets.size(), 1u);
  EXPECT_EQ(sink.assets[0].bytes, text);
  EXPECT_TRUE(sink.problems.empty()) << sink.problems[0].message;
}

TEST_F(WarcReaderTest, DamagedHttpIsAnErrorProblemAndNotStaged) {
  auto sink = read(
      "badhttp.warc",
      warc_record("response", "http://blog.example/a", "HTTPX/1.1 200 OK\r\n\r\nbody") +
          warc_record("response", "http://blog.example/b",
                      http_block("HTTP/1.1 200 OK", {{"Transfer-Encoding", "chunked"}}, "10\r\nshort\r\n")) +
          warc_record("response", "http://blog.example/c",
                      http_block("HTTP/1.1 200 OK", {{"Content-Encoding", "gzip"}}, compress("x").substr(0, 12))));
  EXPECT_TRUE(sink.assets.empty());
  EXPECT_TRUE(sink.skips.empty());
  EXPECT_EQ(sink.count_problems("WARC_HTTP_MALFORMED"), 3u);
  for (const auto& p : sink.problems) {
    EXPECT_EQ(p.severity, Severity::Error);
    EXPECT_EQ(p.position.file, path);
  }
  EXPECT_EQ(sink.problems[1].item, "http://blog.example/b");
  EXPECT_EQ(count_units(sink), 3u);
}

TEST_F(WarcReaderTest, DigestMismatchIsAWarningBesideTheAsset) {
  auto sink = read("digest.warc", warc_record("resource", "http://blog.example/a.png", kPng,
                                              {{"Content-Type", "image/png"},
                                               {"WARC-Block-Digest", "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ"}}));
  ASSERT_EQ(sink.assets.size(), 1u);
  const ProblemRecord* p = find_problem(sink, "WARC_DIGEST_MISMATCH");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->severity, Severity::Warning);
  EXPECT_EQ(p->position.offset, 0);
  EXPECT_EQ(count_units(sink), 1u);
}

TEST_F(WarcReaderTest, DamageNamesFileAndOffsetAndKeepsWhatCameBefore) {
  const std::string first = warc_record("resource", "http://blog.example/a.png", kPng, {{"Content-Type", "image/png"}});
  std::string second = warc_record("resource", "http://blog.example/b.png", kPng, {{"Content-Type", "image/png"}});
  second.resize(second.size() - 40);
  auto sink = read("damaged.warc", first + second);
  ASSERT_EQ(sink.assets.size(), 1u);
  const ProblemRecord* p = find_problem(sink, "WARC_TRUNCATED_RECORD");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->severity, Severity::Error);
  EXPECT_EQ(p->position.file, path);
  EXPECT_EQ(p->position.offset, static_cast<int64_t>(first.size()));
  EXPECT_NE(p->position.describe().find("@" + std::to_string(first.size())), std::string::npos);
}

TEST_F(WarcReaderTest, TruncatedGzipMemberIsAProblemWithTheMemberOffset) {
  const std::vector<std::string> records = {
      warc_record("resource", "http://blog.example/a.png", kPng, {{"Content-Type", "image/png"}}),
      warc_record("resource", "http://blog.example/b.png", kPng, {{"Content-Type", "image/png"}})};
  std::string bytes = gzip_each(records);
  bytes.resize(bytes.size() - 20);
  auto sink = read("trunc.warc.gz", bytes);
  ASSERT_EQ(sink.assets.size(), 1u);
  const ProblemRecord* p = find_problem(sink, "WARC_TRUNCATED_GZIP");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->severity, Severity::Error);
  EXPECT_EQ(p->position.offset, static_cast<int64_t>(compress(records[0]).size()));
  EXPECT_EQ(count_units(sink), 2u);
}

TEST_F(WarcReaderTest, PlainPerRecordAndWholeFileGzipGiveTheSameAssets) {
  std::vector<std::string> records;
  for (int i = 0; i < 5; ++i) {
    records.push_back(warc_record("request", "http://blog.example/" + std::to_string(i), "GET / HTTP/1.1\r\n\r\n"));
    records.push_back(warc_record("response", "http://blog.example/" + std::to_string(i),
                                  http_ok("application/octet-stream", std::string(1000 + i, static_cast<char>(i)))));
  }
  auto plain = read("same.warc", concat(records));
  auto per_record = read("same.warc.gz", gzip_each(records));
  auto whole = read("whole.warc.gz", compress(concat(records)));
  for (const auto* sink : {&plain, &per_record, &whole}) {
    ASSERT_EQ(sink->assets.size(), 5u);
    EXPECT_EQ(sink->skips.size(), 5u);
    EXPECT_EQ(count_units(*sink), 10u);
    for (int i = 0; i < 5; ++i) EXPECT_EQ(sink->assets[i].bytes, plain.assets[i].bytes);
  }
  EXPECT_TRUE(plain.problems.empty());
  EXPECT_TRUE(per_record.problems.empty());
  ASSERT_EQ(whole.problems.size(), 1u);
  EXPECT_EQ(whole.problems[0].code, "WARC_GZIP_MISALIGNED");
  EXPECT_EQ(whole.problems[0].severity, Severity::Warning);
}

TEST_F(WarcReaderTest, UnopenableFileIsFatal) {
  CollectingSink sink;
  EXPECT_THROW(read_warc((dir / "nope.warc.gz").string(), sink), FatalError);
}

TEST_F(WarcReaderTest, RandomDamageNeverThrows) {
  std::vector<std::string> records;
  for (int i = 0; i < 6; ++i)
    records.push_back(warc_record("response", "http://blog.example/" + std::to_string(i),
                                  http_ok("text/plain", std::string(300, static_cast<char>('a' + i)))));
  const std::string plain = concat(records);
  const std::string gz = gzip_each(records);
  unsigned seed = 12345;
  auto rnd = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 8) & 0xffffffu; };
  for (int round = 0; round < 200; ++round) {
    std::string bytes = round % 2 ? plain : gz;
    const int edits = 1 + static_cast<int>(rnd() % 4);
    for (int e = 0; e < edits; ++e) bytes[rnd() % bytes.size()] = static_cast<char>(rnd() & 0xff);
    if (round % 3 == 0) bytes.resize(rnd() % bytes.size());
    CollectingSink sink;
    ASSERT_NO_THROW(sink = read("fuzz.warc", bytes)) << "round " << round;
    for (const auto& p : sink.problems) EXPECT_EQ(p.position.file, path);
  }
}

}  // namespace
}  // namespace blogshift
