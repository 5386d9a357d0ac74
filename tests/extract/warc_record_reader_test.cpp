// WarcRecordReader on WARCs written in the test: plain, gzipped per record,
// gzipped whole; offsets; and every kind of damage it has to survive.
#include "warc/warc_record_reader.h"

#include <gtest/gtest.h>

#include "errors.h"
#include "test_paths.h"
#include "warc_test_builder.h"

namespace blogshift {
namespace {

using testing::compress;
using testing::concat;
using testing::gzip_each;
using testing::http_ok;
using testing::warc_record;
using testing::write_file;

struct ReadAll {
  std::vector<WarcRecord> records;
  std::vector<WarcIssue> damage;
  std::vector<WarcIssue> notes;
};

ReadAll read_all(const std::string& path, size_t max_block = WarcRecordReader::kDefaultMaxBlock) {
  ReadAll all;
  WarcRecordReader reader(path, max_block);
  WarcRead read;
  for (;;) {
    bool more = reader.next(read);
    for (auto& n : read.notes) all.notes.push_back(n);
    if (!more) break;
    if (read.record) all.records.push_back(*read.record);
    if (read.damage) all.damage.push_back(*read.damage);
    EXPECT_NE(read.record.has_value(), read.damage.has_value());
  }
  return all;
}

std::vector<std::string> three_records() {
  return {warc_record("warcinfo", "", "software: test\r\n", {{"Content-Type", "application/warc-fields"}}),
          warc_record("request", "http://blog.example/", "GET / HTTP/1.1\r\nHost: blog.example\r\n\r\n"),
          warc_record("response", "<http://blog.example/>", http_ok("text/html", "<p>hello</p>"))};
}

class WarcRecordReaderTest : public ::testing::Test {
protected:
  ~WarcRecordReaderTest() override { std::filesystem::remove_all(dir); }
  std::filesystem::path dir = testing::temp_dir("warc-records");
};

TEST_F(WarcRecordReaderTest, PlainFileGivesRecordsWithByteOffsets) {
  const auto records = three_records();
  const auto all = read_all(write_file(dir, "a.warc", concat(records)));
  ASSERT_EQ(all.records.size(), 3u);
  EXPECT_TRUE(all.damage.empty());
  EXPECT_TRUE(all.notes.empty());
  EXPECT_EQ(all.records[0].type, "warcinfo");
  EXPECT_EQ(all.records[0].offset, 0);
  EXPECT_EQ(all.records[1].offset, static_cast<int64_t>(records[0].size()));
  EXPECT_EQ(all.records[2].offset, static_cast<int64_t>(records[0].size() + records[1].size()));
  EXPECT_EQ(all.records[2].version, "WARC/1.0");
  EXPECT_EQ(all.records[2].target_uri, "http://blog.example/") << "wget's <...> is stripped";
  EXPECT_EQ(all.records[2].block, http_ok("text/html", "<p>hello</p>"));
  ASSERT_NE(all.records[1].header("content-length"), nullptr) << "header names are case-insensitive";
}

TEST_F(WarcRecordReaderTest, GzipPerRecordGivesMemberOffsets) {
  const auto records = three_records();
  const std::string first = compress(records[0]);
  const std::string second = compress(records[1]);
  const auto all = read_all(write_file(dir, "a.warc.gz", gzip_each(records)));
  ASSERT_EQ(all.records.size(), 3u);
  EXPECT_TRUE(all.notes.empty());
  EXPECT_EQ(all.records[0].offset, 0);
  EXPECT_EQ(all.records[1].offset, static_cast<int64_t>(first.size()));
  EXPECT_EQ(all.records[2].offset, static_cast<int64_t>(first.size() + second.size()));
}

TEST_F(WarcRecordReaderTest, WholeFileGzipIsReadWithOneMisalignmentWarning) {
  const auto records = three_records();
  const auto all = read_all(write_file(dir, "whole.warc.gz", compress(concat(records))));
  ASSERT_EQ(all.records.size(), 3u);
  EXPECT_TRUE(all.damage.empty());
  ASSERT_EQ(all.notes.size(), 1u);
  EXPECT_EQ(all.notes[0].code, "WARC_GZIP_MISALIGNED");
  EXPECT_EQ(all.notes[0].severity, Severity::Warning);
  // Records inside the one member are placed by their decompressed offset.
  EXPECT_EQ(all.records[0].offset, 0);
  EXPECT_EQ(all.records[1].offset, static_cast<int64_t>(records[0].size()));
}

TEST_F(WarcRecordReaderTest, MembersSplittingARecordAreReadWithAWarning) {
  const std::string all_bytes = concat(three_records());
  const size_t cut = all_bytes.find("<p>hello");
  const auto all = read_all(
      write_file(dir, "split.warc.gz", compress(all_bytes.substr(0, cut)) + compress(all_bytes.substr(cut))));
  ASSERT_EQ(all.records.size(), 3u);
  EXPECT_EQ(all.records[2].block, http_ok("text/html", "<p>hello</p>"));
  ASSERT_EQ(all.notes.size(), 1u);
  EXPECT_EQ(all.notes[0].code, "WARC_GZIP_MISALIGNED");
}

TEST_F(WarcRecordReaderTest, Warc11AndCrCrLfLineEndsAreTolerated) {
  testing::WarcOptions options;
  options.version = "WARC/1.1";
  options.eol = "\r\r\n";
  const std::string block = http_ok("text/plain", "x");
  const auto all = read_all(write_file(
      dir, "crcr.warc", warc_record("response", "http://a.example/", block, {}, options) + warc_record("request", "", "")));
  ASSERT_EQ(all.records.size(), 2u);
  EXPECT_EQ(all.records[0].version, "WARC/1.1");
  EXPECT_EQ(all.records[0].type, "response");
  EXPECT_EQ(all.records[0].target_uri, "http://a.example/");
  EXPECT_EQ(all.records[0].block, block);
  EXPECT_TRUE(all.damage.empty());
}

TEST_F(WarcRecordReaderTest, FoldedHeaderLinesAreJoined) {
  std::string rec = warc_record("metadata", "", "x", {{"X-Long", "first\r\n  second"}});
  const auto all = read_all(write_file(dir, "fold.warc", rec));
  ASSERT_EQ(all.records.size(), 1u);
  ASSERT_NE(all.records[0].header("X-Long"), nullptr);
  EXPECT_EQ(*all.records[0].header("X-Long"), "first second");
}

TEST_F(WarcRecordReaderTest, RecordShorterThanContentLengthIsTruncatedRecord) {
  auto records = three_records();
  std::string bytes = concat(records);
  bytes.resize(bytes.size() - 10);  // cut into the last record's block
  const auto all = read_all(write_file(dir, "trunc.warc", bytes));
  ASSERT_EQ(all.records.size(), 2u);
  ASSERT_EQ(all.damage.size(), 1u);
  EXPECT_EQ(all.damage[0].code, "WARC_TRUNCATED_RECORD");
  EXPECT_EQ(all.damage[0].severity, Severity::Error);
  EXPECT_EQ(all.damage[0].offset, static_cast<int64_t>(records[0].size() + records[1].size()));
}

TEST_F(WarcRecordReaderTest, RecordCutInItsHeadersIsTruncatedRecord) {
  const auto all = read_all(write_file(dir, "head.warc", "WARC/1.0\r\nWARC-Type: response\r\nContent-Le"));
  EXPECT_TRUE(all.records.empty());
  ASSERT_EQ(all.damage.size(), 1u);
  EXPECT_EQ(all.damage[0].code, "WARC_TRUNCATED_RECORD");
}

TEST_F(WarcRecordReaderTest, TruncatedGzipMemberIsReportedAsSuch) {
  const auto records = three_records();
  std::string bytes = gzip_each(records);
  const int64_t last = static_cast<int64_t>(compress(records[0]).size() + compress(records[1]).size());
  bytes.resize(bytes.size() - 30);
  const auto all = read_all(write_file(dir, "trunc.warc.gz", bytes));
  ASSERT_EQ(all.records.size(), 2u);
  ASSERT_EQ(all.damage.size(), 1u);
  EXPECT_EQ(all.damage[0].code, "WARC_TRUNCATED_GZIP");
  EXPECT_EQ(all.damage[0].offset, last);
  EXPECT_TRUE(all.notes.empty()) << "the truncation is reported once";
}

TEST_F(WarcRecordReaderTest, MissingGzipTrailerAfterAWholeRecordIsAWarning) {
  const auto records = three_records();
  std::string bytes = gzip_each(records);
  bytes.resize(bytes.size() - 4);  // the last member's ISIZE: the record itself decodes whole
  const auto all = read_all(write_file(dir, "trailer.warc.gz", bytes));
  ASSERT_EQ(all.records.size(), 3u);
  EXPECT_TRUE(all.damage.empty());
  ASSERT_EQ(all.notes.size(), 1u);
  EXPECT_EQ(all.notes[0].code, "WARC_TRUNCATED_GZIP");
  EXPECT_EQ(all.notes[0].severity, Severity::Warning);
}

TEST_F(WarcRecordReaderTest, CorruptGzipDataIsAProblemNotACrash) {
  const auto records = three_records();
  std::string bytes = gzip_each(records);
  const size_t second = compress(records[0]).size();
  for (size_t i = second + 12; i < second + 40; ++i) bytes[i] = static_cast<char>(0xff);
  const auto all = read_all(write_file(dir, "corrupt.warc.gz", bytes));
  ASSERT_EQ(all.records.size(), 1u);
  ASSERT_EQ(all.damage.size(), 1u);
  EXPECT_EQ(all.damage[0].code, "WARC_GZIP_CORRUPT");
}

TEST_F(WarcRecordReaderTest, GarbageBetweenRecordsIsSkippedToTheNextRecord) {
  const auto records = three_records();
  const std::string garbage = "this is not a WARC record at all\r\nnor is this line\r\n";
  const std::string bytes = records[0] + records[1] + garbage + std::string(2000, 'x') + "\r\n" + records[2];
  const auto all = read_all(write_file(dir, "garbage.warc", bytes));
  ASSERT_EQ(all.records.size(), 3u) << "reading resumes at the next WARC/1. line";
  ASSERT_EQ(all.damage.size(), 1u);
  EXPECT_EQ(all.damage[0].code, "WARC_MALFORMED");
  EXPECT_EQ(all.damage[0].offset, static_cast<int64_t>(records[0].size() + records[1].size()));
}

TEST_F(WarcRecordReaderTest, AFewStrayBytesAfterARecordAreOnlyAWarning) {
  const auto records = three_records();
  const auto all = read_all(write_file(dir, "stray.warc", records[0] + std::string("\0\0\r\n", 4) + records[1]));
  ASSERT_EQ(all.records.size(), 2u);
  EXPECT_TRUE(all.damage.empty());
  ASSERT_EQ(all.notes.size(), 1u);
  EXPECT_EQ(all.notes[0].code, "WARC_MALFORMED");
  EXPECT_EQ(all.notes[0].severity, Severity::Warning);
}

TEST_F(WarcRecordReaderTest, BadVersionLineIsMalformed) {
  const auto records = three_records();
  std::string bad = records[1];
  bad.replace(0, 8, "WARC/9.9");
  const auto all = read_all(write_file(dir, "version.warc", records[0] + bad + records[2]));
  ASSERT_EQ(all.records.size(), 2u);
  ASSERT_EQ(all.damage.size(), 1u);
  EXPECT_EQ(all.damage[0].code, "WARC_MALFORMED");
  EXPECT_NE(all.damage[0].message.find("WARC/9.9"), std::string::npos);
}

TEST_F(WarcRecordReaderTest, NotAWarcAtAllIsOneMalformedUnit) {
  const auto all = read_all(write_file(dir, "page.html", "<html><body>hello</body></html>\n"));
  EXPECT_TRUE(all.records.empty());
  ASSERT_EQ(all.damage.size(), 1u);
  EXPECT_EQ(all.damage[0].code, "WARC_MALFORMED");
  EXPECT_EQ(all.damage[0].offset, 0);
}

TEST_F(WarcRecordReaderTest, MissingOrBadContentLengthIsMalformed) {
  testing::WarcOptions no_length;
  no_length.content_length = false;
  const auto records = three_records();
  const auto all = read_all(write_file(
      dir, "length.warc", warc_record("resource", "http://a.example/x", "abc", {}, no_length) + records[1] +
                               warc_record("resource", "http://a.example/y", "abc", {{"Content-Length", "12x"}},
                                           no_length) +
                               records[2]));
  ASSERT_EQ(all.records.size(), 2u);
  ASSERT_EQ(all.damage.size(), 2u);
  EXPECT_EQ(all.damage[0].code, "WARC_MALFORMED");
  EXPECT_EQ(all.damage[1].code, "WARC_MALFORMED");
}

TEST_F(WarcRecordReaderTest, BlockOverTheLimitIsSkippedAndReported) {
  const auto records = three_records();
  const std::string big = warc_record("resource", "http://a.example/big.bin", std::string(5000, 'b'));
  const auto all = read_all(write_file(dir, "big.warc", records[0] + big + records[2]), 4096);
  ASSERT_EQ(all.records.size(), 2u) << "the record after the big one is still read";
  ASSERT_EQ(all.damage.size(), 1u);
  EXPECT_EQ(all.damage[0].code, "WARC_RECORD_TOO_LARGE");
}

TEST_F(WarcRecordReaderTest, HugeDeclaredLengthInATruncatedFileDoesNotAllocateIt) {
  const auto all = read_all(write_file(
      dir, "liar.warc", "WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 400000000\r\n\r\nonly a few bytes"));
  ASSERT_EQ(all.damage.size(), 1u);
  EXPECT_EQ(all.damage[0].code, "WARC_TRUNCATED_RECORD");
}

TEST_F(WarcRecordReaderTest, OverlongHeaderLineIsMalformedNotACrash) {
  const auto records = three_records();
  const std::string bytes = "WARC/1.0\r\nX-Huge: " + std::string(100000, 'h') + "\r\n\r\n" + records[0];
  const auto all = read_all(write_file(dir, "longline.warc", bytes));
  ASSERT_EQ(all.records.size(), 1u);
  ASSERT_EQ(all.damage.size(), 1u);
  EXPECT_EQ(all.damage[0].code, "WARC_MALFORMED");
}

TEST_F(WarcRecordReaderTest, EmptyFileHasNoUnits) {
  const auto all = read_all(write_file(dir, "empty.warc", ""));
  EXPECT_TRUE(all.records.empty());
  EXPECT_TRUE(all.damage.empty());
  EXPECT_TRUE(all.notes.empty());
}

TEST_F(WarcRecordReaderTest, UnopenableFileIsFatal) {
  EXPECT_THROW(WarcRecordReader((dir / "missing.warc").string()), FatalError);
}

TEST_F(WarcRecordReaderTest, RecordsLargerThanTheStreamBuffersComeThroughWhole) {
  std::string payload;
  for (unsigned i = 0; i < 300000; ++i) payload += static_cast<char>((i * 7919u) % 251u);
  const std::string rec = warc_record("resource", "http://a.example/big.bin", payload);
  for (const std::string& bytes : {rec + rec, compress(rec) + compress(rec)}) {
    const auto all = read_all(write_file(dir, "large.warc", bytes));
    ASSERT_EQ(all.records.size(), 2u);
    EXPECT_EQ(all.records[0].block.size(), payload.size());
    EXPECT_TRUE(all.records[1].block == payload);  // not EXPECT_EQ: its diff of 300 KB strings takes minutes
  }
}

}  // namespace
}  // namespace blogshift
