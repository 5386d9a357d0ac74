// Manifest lines: sha256sum's format with GNU escaping, BagIt's with
// percent-encoding; each written and parsed back.
#include <gtest/gtest.h>

#include <cctype>

#include "manifest_lines.h"

using namespace blogshift;

namespace {
const std::string kHex = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
}

TEST(Sha256sumLine, PlainNameIsHexTwoSpacesName) {
  EXPECT_EQ(sha256sum_line(kHex, "content/posts/a b/index.md"), kHex + "  content/posts/a b/index.md\n");
}

TEST(Sha256sumLine, BackslashNewlineAndCarriageReturnAreEscapedAsCoreutilsDoes) {
  EXPECT_EQ(sha256sum_line(kHex, "a\\b\nc\rd"), "\\" + kHex + "  a\\\\b\\nc\\rd\n");
}

TEST(Sha256sumLine, ParsesBackWhatItWrites) {
  for (const std::string name : {"plain.txt", "caf\xC3\xA9/x", "a\\b", "new\nline", "cr\rhere", "  lead"}) {
    std::string line = sha256sum_line(kHex, name), error;
    line.pop_back();
    const auto parsed = parse_sha256sum_line(line, error);
    ASSERT_TRUE(parsed) << error;
    EXPECT_EQ(parsed->path, name);
    EXPECT_EQ(parsed->digest, kHex);
  }
}

TEST(Sha256sumLine, BinaryModeMarkerAndUpperCaseHexAreAccepted) {
  std::string error;
  std::string upper = kHex;
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const auto parsed = parse_sha256sum_line(upper + " *x.bin", error);
  ASSERT_TRUE(parsed) << error;
  EXPECT_EQ(parsed->digest, kHex);
  EXPECT_EQ(parsed->path, "x.bin");
}

TEST(Sha256sumLine, RejectsWhatIsNotALine) {
  std::string error;
  EXPECT_FALSE(parse_sha256sum_line("", error));
  EXPECT_FALSE(parse_sha256sum_line(kHex.substr(1) + "  x", error));
  EXPECT_FALSE(parse_sha256sum_line(kHex + " x", error));
  EXPECT_FALSE(parse_sha256sum_line(kHex + "  ", error));
  EXPECT_FALSE(parse_sha256sum_line("\\" + kHex + "  bad\\escape", error));
  EXPECT_FALSE(error.empty());
}

TEST(BagitPath, OnlyPercentCrAndLfAreEncoded) {
  EXPECT_EQ(bagit_encode_path("data/100% sure\r\n.txt"), "data/100%25 sure%0D%0A.txt");
  EXPECT_EQ(bagit_encode_path("data/caf\xC3\xA9 #1.txt"), "data/caf\xC3\xA9 #1.txt");
}

TEST(BagitPath, DecodingUndoesEncodingAndLeavesOtherEscapesAlone) {
  for (const std::string path : {"data/100%", "data/%%0A\n\r", "data/%20x", "data/%0a%0d%25"})
    EXPECT_EQ(bagit_decode_path(bagit_encode_path(path)), path);
  EXPECT_EQ(bagit_decode_path("data/%20x%0a"), "data/%20x\n");
}

TEST(BagitManifestLine, WrittenWithTwoSpacesAndParsedWithAnyWhitespace) {
  EXPECT_EQ(bagit_manifest_line(kHex, "data/a%b"), kHex + "  data/a%25b\n");
  std::string error;
  for (const std::string sep : {" ", "  ", "\t", " \t "}) {
    const auto parsed = parse_bagit_manifest_line(kHex + sep + "data/a%25b\r", error);
    ASSERT_TRUE(parsed) << error;
    EXPECT_EQ(parsed->path, "data/a%b");
  }
  EXPECT_FALSE(parse_bagit_manifest_line("nothex data/x", error));
  EXPECT_FALSE(parse_bagit_manifest_line(kHex, error));
}
