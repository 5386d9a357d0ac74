// WARC-Block-Digest / WARC-Payload-Digest checks in every spelling WARC
// writers use.
#include "warc/warc_digest.h"

#include <gtest/gtest.h>

#include "digest.h"

namespace blogshift {
namespace {

// Well-known digests of the empty string and of "abc".
constexpr const char* kEmptySha1Base32 = "3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ";
constexpr const char* kAbcSha1Hex = "a9993e364706816aba3e25717850c26c9cd0d89d";
constexpr const char* kAbcSha256Hex = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

TEST(WarcDigestTest, Sha1Base32AsWarcToolsWriteIt) {
  EXPECT_EQ(check_warc_digest(std::string("sha1:") + kEmptySha1Base32, ""), DigestCheck::Match);
  EXPECT_EQ(check_warc_digest(std::string("SHA-1:") + kEmptySha1Base32, ""), DigestCheck::Match);
  EXPECT_EQ(check_warc_digest("sha1:" + base32(sha1_raw("abc")), "abc"), DigestCheck::Match);
  EXPECT_EQ(check_warc_digest(std::string("sha1:") + kEmptySha1Base32, "abc"), DigestCheck::Mismatch);
}

TEST(WarcDigestTest, Sha1Base16AndBase64) {
  EXPECT_EQ(check_warc_digest(std::string("sha1:") + kAbcSha1Hex, "abc"), DigestCheck::Match);
  EXPECT_EQ(check_warc_digest("sha1:A9993E364706816ABA3E25717850C26C9CD0D89D", "abc"), DigestCheck::Match);
  // The empty string, as warcio's example-digest.warc spells it.
  EXPECT_EQ(check_warc_digest("sha1:2jmj7l5rSw0yVb/vlWAYkK/YBwk=", ""), DigestCheck::Match);
  EXPECT_EQ(check_warc_digest("sha1:2jmj7l5rSw0yVb_vlWAYkK_YBwk=", ""), DigestCheck::Match);
  EXPECT_EQ(check_warc_digest("sha1:2jmj7l5rSw0yVb/vlWAYkK/YBwk", ""), DigestCheck::Match);
}

TEST(WarcDigestTest, Sha256HexAndBase32) {
  EXPECT_EQ(check_warc_digest(std::string("sha256:") + kAbcSha256Hex, "abc"), DigestCheck::Match);
  EXPECT_EQ(check_warc_digest("sha256:XJ4BNP4PAHH6UQKBIDPF3LRCEOYAGYNDSYLXVHFUCD7WD4QACWWQ====", "abc"), DigestCheck::Match);
  EXPECT_EQ(check_warc_digest(std::string("sha256:") + kAbcSha256Hex, "abd"), DigestCheck::Mismatch);
}

TEST(WarcDigestTest, InvalidSpellingIsAMismatchWithAReason) {
  std::string detail;
  // warcio's example-digest.warc: not base32 (has '1'), so it cannot match.
  EXPECT_EQ(check_warc_digest("sha1:1112H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ", "", &detail), DigestCheck::Mismatch);
  EXPECT_NE(detail.find("not a valid"), std::string::npos);
  EXPECT_EQ(check_warc_digest("sha1:", "", &detail), DigestCheck::Mismatch);
}

TEST(WarcDigestTest, OtherAlgorithmsAreNotChecked) {
  EXPECT_EQ(check_warc_digest("md5:d41d8cd98f00b204e9800998ecf8427e", ""), DigestCheck::Unchecked);
  EXPECT_EQ(check_warc_digest("no-colon-here", ""), DigestCheck::Unchecked);
}

}  // namespace
}  // namespace blogshift
