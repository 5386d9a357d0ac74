#include "digest.h"

#include <gtest/gtest.h>

using namespace blogshift;

TEST(Digest, Sha256KnownVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Digest, IncrementalEqualsOneShot) {
  Sha256 h;
  h.update("a");
  h.update("bc");
  EXPECT_EQ(h.hex_digest(), sha256_hex("abc"));
}

TEST(Digest, Sha1Base32AsWarcToolsWriteIt) {
  // sha1("") in RFC 4648 base32, the form WARC-Payload-Digest uses.
  EXPECT_EQ(base32(sha1_raw("")), "3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ");
}

TEST(Digest, IncrementalSha1EqualsOneShot) {
  Sha1 h;
  h.update("a");
  h.update("bc");
  EXPECT_EQ(h.raw_digest(), sha1_raw("abc"));
}

TEST(Digest, UnreadableFileNamesTheFile) {
  try {
    sha256_file("/nonexistent/blogshift-file");
    FAIL() << "expected an exception";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/blogshift-file"), std::string::npos);
  }
}
