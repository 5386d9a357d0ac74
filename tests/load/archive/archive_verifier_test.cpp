// The archive verifier: a fresh archive passes; one flipped byte fails it,
// naming the entry when the byte lands in an entry's stored bytes, or saying
// the stream is corrupt when it breaks the compression before any entry can
// be named; bytes no entry covers are caught by the file's recorded SHA-256;
// hand-made archives with missing, extra and mismatching entries.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <fstream>

#include "archive_test_support.h"
#include "archive_verifier.h"
#include "archive_writer.h"
#include "libarchive_handles.h"
#include "manifest_lines.h"
#include "digest.h"
#include "test_paths.h"

using namespace blogshift;
using namespace blogshift::testing;
namespace fs = std::filesystem;

namespace {

constexpr int64_t kEpoch = 1700000000;
const std::string kPhoto = "site/content/posts/first/photo.jpg";

ArchiveResult sample_archive(const fs::path& dir, ArchiveFormat format) {
  return write_archive((dir / (std::string("site.") + archive_kind(format))).string(), format, sample_entries(dir / "in"),
                       kEpoch);
}

// Offset of the first zstd block header: after the magic, the frame header
// descriptor and the optional window, dictionary id and content size fields.
size_t first_zstd_block(const std::string& bytes) {
  const auto fhd = static_cast<unsigned char>(bytes[4]);
  const bool single_segment = fhd & 0x20;
  const size_t dict_id[] = {0, 1, 2, 4};
  const size_t content_size[] = {single_segment ? 1u : 0u, 2, 4, 8};
  return 5 + (single_segment ? 0 : 1) + dict_id[fhd & 3] + content_size[fhd >> 6];
}

// A tar.gz made by hand (no manifest logic of ours): `files` in this order under root "site/".
void write_raw_tar_gz(const std::string& path, const std::vector<std::pair<std::string, std::string>>& files) {
  const Utf8LocaleScope utf8;
  archive* a = archive_write_new();
  archive_write_set_format_pax_restricted(a);
  archive_write_add_filter_gzip(a);
  ASSERT_EQ(archive_write_open_filename(a, path.c_str()), ARCHIVE_OK);
  for (const auto& [name, bytes] : files) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname_utf8(e, ("site/" + name).c_str());
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_size(e, static_cast<la_int64_t>(bytes.size()));
    archive_write_header(a, e);
    archive_write_data(a, bytes.data(), bytes.size());
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
}

class VerifyFormats : public ::testing::TestWithParam<ArchiveFormat> {
protected:
  ScratchDir dir{std::string("archive-verify-") + archive_kind(GetParam())};
};

std::string format_name(const ::testing::TestParamInfo<ArchiveFormat>& info) {
  return info.param == ArchiveFormat::kTarGz ? "TarGz" : info.param == ArchiveFormat::kTarZst ? "TarZst" : "Zip";
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(All, VerifyFormats,
                         ::testing::Values(ArchiveFormat::kTarGz, ArchiveFormat::kTarZst, ArchiveFormat::kZip),
                         format_name);

TEST_P(VerifyFormats, AFreshArchivePassesWithEveryEntryChecked) {
  const auto written = sample_archive(dir, GetParam());
  const auto r = verify_archive(written.path, {written.sha256, written.entries});
  EXPECT_TRUE(r.ok) << r.message;
  EXPECT_EQ(r.output, written.path);
  EXPECT_EQ(r.entries_checked, written.entries);
  EXPECT_EQ(r.first_bad_entry, "");
  EXPECT_EQ(r.message, "");
}

TEST_P(VerifyFormats, AFlippedByteInTheStoredPhotoNamesThePhoto) {
  // The photo is incompressible, so gzip and zstd store it as-is and zip
  // stores it by its extension: the archive's middle byte is one of its bytes.
  const auto written = sample_archive(dir, GetParam());
  set_byte(written.path, static_cast<size_t>(written.size / 2));
  const auto r = verify_archive(written.path);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_entry, kPhoto) << r.message;
  // tar: the content no longer matches the manifest; zip: its CRC catches it first.
  EXPECT_TRUE(contains(r.message, GetParam() == ArchiveFormat::kZip ? "CRC" : "differs from the manifest")) << r.message;
  EXPECT_EQ(r.entries_checked, GetParam() == ArchiveFormat::kZip ? written.entries - 1 : written.entries - 1);
}

TEST_P(VerifyFormats, ATruncatedArchiveFails) {
  const auto written = sample_archive(dir, GetParam());
  fs::resize_file(written.path, static_cast<uintmax_t>(written.size / 2));
  const auto r = verify_archive(written.path);
  EXPECT_FALSE(r.ok);
  EXPECT_FALSE(r.message.empty());
}

TEST_P(VerifyFormats, ABytePastTheEndIsCaughtByTheRecordedDigestOrAsABrokenZstdStream) {
  const auto written = sample_archive(dir, GetParam());
  std::ofstream(written.path, std::ios::binary | std::ios::app) << '\0';
  const auto plain = verify_archive(written.path);
  const auto r = verify_archive(written.path, {written.sha256, written.entries});
  EXPECT_FALSE(r.ok);
  if (GetParam() == ArchiveFormat::kTarZst) {
    // libarchive's zstd reader wants another frame there; it reads ahead, so it breaks during the photo.
    EXPECT_FALSE(plain.ok);
    EXPECT_TRUE(contains(plain.message, "stream breaks while this entry is read")) << plain.message;
  } else {
    // gzip members and zip records after the end are not read: no entry covers that byte.
    EXPECT_TRUE(plain.ok) << plain.message;
    EXPECT_EQ(r.first_bad_entry, "");
    EXPECT_TRUE(contains(r.message, "differs from " + written.sha256)) << r.message;
    EXPECT_EQ(r.entries_checked, written.entries);
  }
}

TEST(ArchiveVerifier, HeaderBytesNoEntryCoversAreCaughtOnlyByTheRecordedDigest) {
  const ScratchDir dir("archive-verify-unchecked-bytes");
  struct Case {
    ArchiveFormat format;
    std::function<size_t(const std::string&)> offset;
    const char* what;
  };
  const Case cases[] = {
      {ArchiveFormat::kTarGz, [](const std::string&) { return size_t{4}; }, "gzip header MTIME"},
      {ArchiveFormat::kZip, [](const std::string&) { return size_t{10}; }, "first local header's DOS time"},
      // libarchive reads zip entries by their local headers, so a name in the central directory goes unseen.
      {ArchiveFormat::kZip, [](const std::string& b) { return b.rfind("content/posts/second") + 9; },
       "a name in the central directory"},
  };
  for (const auto& c : cases) {
    const auto written = sample_archive(dir, c.format);
    set_byte(written.path, c.offset(read_file(written.path)));
    EXPECT_TRUE(verify_archive(written.path).ok) << c.what;
    const auto r = verify_archive(written.path, {written.sha256, written.entries});
    EXPECT_FALSE(r.ok) << c.what;
    EXPECT_TRUE(contains(r.message, "differs from " + written.sha256)) << r.message;
  }
}

TEST(ArchiveVerifier, ABrokenFirstBlockIsACorruptStreamWithNoEntryNamed) {
  const ScratchDir dir("archive-verify-first-block");
  // The first compressed block's type bits set to 3, which both formats reserve, so decoding must fail
  // there: gzip's deflate data starts at byte 10; zstd's first block follows its frame header.
  for (const auto format : {ArchiveFormat::kTarGz, ArchiveFormat::kTarZst}) {
    const auto written = sample_archive(dir, format);
    const std::string bytes = read_file(written.path);
    const size_t block = format == ArchiveFormat::kTarGz ? 10 : first_zstd_block(bytes);
    set_byte(written.path, block, static_cast<unsigned char>(bytes[block]) | 0x06);
    const auto r = verify_archive(written.path);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.first_bad_entry, "");
    const std::string compressor = format == ArchiveFormat::kTarGz ? "gzip" : "zstd";
    EXPECT_TRUE(contains(r.message, compressor + " stream is corrupt at its start")) << r.message;
  }
}

TEST(ArchiveVerifier, AFlippedByteInADeflatedZipEntryNamesThatEntry) {
  const ScratchDir dir("archive-verify-zip-text");
  const auto written = sample_archive(dir, ArchiveFormat::kZip);
  const std::string bytes = read_file(written.path);
  const std::string name = "site/content/posts/second/index.md";
  const size_t header = bytes.find(name);  // the local header's copy comes first
  ASSERT_NE(header, std::string::npos);
  const size_t extra = static_cast<unsigned char>(bytes[header - 2]) | (static_cast<unsigned char>(bytes[header - 1]) << 8);
  set_byte(written.path, header + name.size() + extra + 20);
  const auto r = verify_archive(written.path);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_entry, name) << r.message;
}

TEST(ArchiveVerifier, MissingExtraAndMismatchingEntriesAreNamedInArchiveOrder) {
  const ScratchDir dir("archive-verify-manifest");
  const std::string path = (dir / "site.tar.gz").string();
  const std::string manifest = sha256sum_line(sha256_hex("a"), "a.txt") + sha256sum_line(sha256_hex("b"), "b.txt") +
                               sha256sum_line(sha256_hex("gone"), "gone.txt");
  write_raw_tar_gz(path, {{"a.txt", "a"}, {"b.txt", "B"}, {"extra.txt", "x"}, {"MANIFEST.sha256", manifest}});
  const auto r = verify_archive(path);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.entries_checked, 1);
  EXPECT_EQ(r.first_bad_entry, "site/b.txt");
  EXPECT_TRUE(contains(r.message, "differs from the manifest")) << r.message;
  EXPECT_TRUE(contains(r.message, "and 2 more problems")) << r.message;

  write_raw_tar_gz(path, {{"a.txt", "a"}, {"b.txt", "b"}, {"extra.txt", "x"}, {"MANIFEST.sha256", manifest}});
  const auto extra = verify_archive(path);
  EXPECT_EQ(extra.first_bad_entry, "site/extra.txt");
  EXPECT_TRUE(contains(extra.message, "not listed")) << extra.message;

  write_raw_tar_gz(path, {{"a.txt", "a"}, {"b.txt", "b"}, {"MANIFEST.sha256", manifest}});
  const auto missing = verify_archive(path);
  EXPECT_EQ(missing.first_bad_entry, "site/gone.txt");
  EXPECT_TRUE(contains(missing.message, "not in the archive")) << missing.message;
  EXPECT_EQ(missing.entries_checked, 2);
}

TEST(ArchiveVerifier, NoManifestADuplicateAndAnEntryOutsideTheRootAreProblems) {
  const ScratchDir dir("archive-verify-shape");
  const std::string path = (dir / "site.tar.gz").string();
  write_raw_tar_gz(path, {{"a.txt", "a"}});
  auto r = verify_archive(path);
  EXPECT_EQ(r.first_bad_entry, "site/MANIFEST.sha256");
  EXPECT_TRUE(contains(r.message, "no manifest")) << r.message;

  const std::string manifest = sha256sum_line(sha256_hex("a"), "a.txt");
  write_raw_tar_gz(path, {{"a.txt", "a"}, {"a.txt", "a"}, {"MANIFEST.sha256", manifest}});
  r = verify_archive(path);
  EXPECT_EQ(r.first_bad_entry, "site/a.txt");
  EXPECT_TRUE(contains(r.message, "twice")) << r.message;

  write_raw_tar_gz(path, {{"a.txt", "a"}, {"../up.txt", "u"}, {"MANIFEST.sha256", manifest + "not a line\n"}});
  r = verify_archive(path);
  EXPECT_EQ(r.first_bad_entry, "site/../up.txt");
  EXPECT_TRUE(contains(r.message, "more problems")) << r.message;
}

TEST(ArchiveVerifier, ExpectedEntryCountIsChecked) {
  const ScratchDir dir("archive-verify-count");
  const auto written = sample_archive(dir, ArchiveFormat::kTarGz);
  const auto r = verify_archive(written.path, {"", written.entries + 1});
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_entry, "site/MANIFEST.sha256");
}

TEST(ArchiveVerifier, WhatIsNotAnArchiveIsSaidSo) {
  const ScratchDir dir("archive-verify-junk");
  const std::string path = write_file(dir / "x.tar.gz", "this is not an archive\n");
  auto r = verify_archive(path);
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(contains(r.message, "cannot read it")) << r.message;
  r = verify_archive((dir / "missing.zip").string());
  EXPECT_FALSE(r.ok);
}

TEST(ArchiveVerifier, ARenamedArchiveIsRecognisedByContent) {
  const ScratchDir dir("archive-verify-renamed");
  const auto written = sample_archive(dir, ArchiveFormat::kTarZst);
  fs::rename(written.path, dir / "renamed.bin");
  const auto r = verify_archive((dir / "renamed.bin").string());
  EXPECT_TRUE(r.ok) << r.message;
  EXPECT_EQ(r.entries_checked, written.entries);
}
