// verify_warc on the sample blog's WARC file with one byte changed: in a
// record's header, in its payload, in the compressed data, in the CDXJ
// index. Each time the check fails and names the record (URI@offset).
#include "warc_verifier.h"

#include <gtest/gtest.h>

#include "temp_file.h"
#include "test_paths.h"
#include "warc_test_support.h"

using namespace blogshift;
using namespace blogshift::testing;

namespace {

const std::string kAbout = "https://kettleandcrumb.blogspot.com/p/about.html";

class WarcVerify : public ::testing::Test {
protected:
  void SetUp() override {
    staged_ = std::make_unique<StagedSources>(std::string("warc-verify-") +
                                              ::testing::UnitTest::GetInstance()->current_test_info()->name());
    staged_->extract_sample_blog();
    staged_->write();
    ASSERT_TRUE(verify_warc(warc(), cdxj()).ok);
    for (const auto& record : read_records(warc()))
      if (record.type == "response" && record.target_uri == kAbout) about_offset_ = record.offset;
    ASSERT_GT(about_offset_, 0);
  }
  std::string warc() const { return staged_->warc(); }
  std::string cdxj() const { return staged_->cdxj(); }
  std::string about() const { return kAbout + "@" + std::to_string(about_offset_); }

  // Flips one bit of the first byte of `needle` found in the about page's
  // response record (decompressed), at or after `from`.
  void flip_in_about(const std::string& needle, size_t shift = 0) {
    edit_member(warc(), about_offset_, [&](std::string& bytes) {
      const size_t at = bytes.find(needle);
      ASSERT_NE(at, std::string::npos) << needle;
      bytes[at + shift] ^= 0x01;
    });
  }

  VerifyResult expect_failure() {
    VerifyResult result = verify_warc(warc(), cdxj());
    EXPECT_FALSE(result.ok);
    EXPECT_FALSE(result.message.empty());
    return result;
  }

  std::unique_ptr<StagedSources> staged_;
  int64_t about_offset_ = -1;
};

}  // namespace

TEST_F(WarcVerify, AByteOfThePayload) {
  flip_in_about("</body>", 2);
  const VerifyResult result = expect_failure();
  EXPECT_EQ(result.first_bad_entry, about());
  EXPECT_NE(result.message.find("digest does not match"), std::string::npos) << result.message;
}

TEST_F(WarcVerify, AByteOfTheHttpHeaders) {
  flip_in_about("HTTP/1.1 200", 9);  // "200" -> "300": covered by the block digest
  const VerifyResult result = expect_failure();
  EXPECT_EQ(result.first_bad_entry, about());
  EXPECT_NE(result.message.find("block digest does not match"), std::string::npos) << result.message;
}

TEST_F(WarcVerify, AByteOfTheBlockDigestHeader) {
  flip_in_about("WARC-Block-Digest: sha1:", 24);
  const VerifyResult result = expect_failure();
  EXPECT_EQ(result.first_bad_entry, about());
  EXPECT_NE(result.message.find("block digest"), std::string::npos) << result.message;
}

TEST_F(WarcVerify, AByteOfTheContentLength) {
  edit_member(warc(), about_offset_, [](std::string& bytes) {
    const size_t at = bytes.find("\r\n\r\n");  // the end of the WARC header; Content-Length is its last line
    ASSERT_NE(at, std::string::npos);
    char& digit = bytes[at - 1];
    digit = static_cast<char>(digit == '0' ? '1' : digit - 1);  // one byte shorter (or longer)
  });
  const VerifyResult result = expect_failure();
  EXPECT_EQ(result.first_bad_entry, about());
}

TEST_F(WarcVerify, AByteOfTheTargetUri) {
  flip_in_about("WARC-Target-URI: https://kettleandcrumb", 26);  // not covered by digests: the index has the URI
  const VerifyResult result = expect_failure();
  EXPECT_NE(result.first_bad_entry.find("@" + std::to_string(about_offset_)), std::string::npos) << result.first_bad_entry;
  EXPECT_NE(result.message.find("CDXJ"), std::string::npos) << result.message;
}

TEST_F(WarcVerify, TheTrailingCrlfOfARecord) {
  edit_member(warc(), about_offset_, [](std::string& bytes) { bytes[bytes.size() - 2] = '\n'; });  // \r\n\r\n -> \r\n\n\n
  const VerifyResult result = expect_failure();
  EXPECT_EQ(result.first_bad_entry, about());
  EXPECT_NE(result.message.find("CRLF"), std::string::npos) << result.message;
}

TEST_F(WarcVerify, AByteOfTheCompressedData) {
  std::string file = read_file(warc());
  file[static_cast<size_t>(about_offset_) + 200] ^= 0x10;
  write_file(warc(), file);
  const VerifyResult result = expect_failure();
  EXPECT_EQ(result.first_bad_entry, about()) << result.message;  // named from the index: its header is unreadable
}

TEST_F(WarcVerify, AByteOfTheIndex) {
  std::string index = read_file(cdxj());
  const size_t line = index.find("{\"url\":\"" + kAbout + "\"");
  ASSERT_NE(line, std::string::npos);
  const size_t digest = index.find("\"digest\":\"", line) + 10;
  index[digest] = index[digest] == 'A' ? 'B' : 'A';
  write_file(cdxj(), index);
  const VerifyResult result = expect_failure();
  EXPECT_EQ(result.first_bad_entry, about());
  EXPECT_NE(result.message.find("digest"), std::string::npos) << result.message;
}

TEST_F(WarcVerify, ALineMissingFromTheIndex) {
  std::string index = read_file(cdxj());
  const size_t at = index.find("{\"url\":\"" + kAbout + "\"");
  const size_t start = index.rfind('\n', at) + 1;
  index.erase(start, index.find('\n', at) + 1 - start);
  write_file(cdxj(), index);
  const VerifyResult result = expect_failure();
  EXPECT_EQ(result.first_bad_entry, about());
  EXPECT_NE(result.message.find("missing from the CDXJ index"), std::string::npos) << result.message;
}

TEST_F(WarcVerify, ATruncatedFile) {
  std::string file = read_file(warc());
  file.resize(file.size() - 10);
  write_file(warc(), file);
  const VerifyResult result = expect_failure();
  const std::vector<int64_t> offsets = record_offsets(staged_->warc());
  EXPECT_NE(result.first_bad_entry.find("@" + std::to_string(offsets.back())), std::string::npos) << result.first_bad_entry;
}

TEST_F(WarcVerify, NoIndexOrAFileWrittenElsewhere) {
  std::filesystem::remove(cdxj());
  VerifyResult result = expect_failure();
  EXPECT_EQ(result.first_bad_entry, cdxj());
  // wget's file: WARC/1.0, and its records are not alone in their members' framing rules.
  result = verify_warc(fixture("sample-blog/sample-blog.warc.gz"), cdxj());
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.first_bad_entry, "warcinfo@0");
  EXPECT_NE(result.message.find("WARC/1.0"), std::string::npos) << result.message;
  result = verify_warc(staged_->dir.string() + "/nothing.warc.gz", cdxj());
  EXPECT_FALSE(result.ok);
}

TEST_F(WarcVerify, APlainCopyFramesAlikeButItsOffsetsAreNotTheIndexs) {
  write_file(warc(), gunzip(read_file(warc())));
  const VerifyResult result = expect_failure();
  EXPECT_EQ(result.entries_checked, static_cast<int64_t>(read_records(warc()).size()));  // every record read whole
  EXPECT_NE(result.message.find("CDXJ"), std::string::npos) << result.message;
}
