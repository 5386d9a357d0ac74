// The archive writer: what each format holds when read back with libarchive
// directly, byte-identical output whatever the files' own metadata, the
// time zone, the locale or the entries' order, and refusals that leave
// nothing behind.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <utime.h>

#include <clocale>
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "archive_test_support.h"
#include "archive_verifier.h"
#include "archive_writer.h"
#include "digest.h"
#include "errors.h"
#include "manifest_lines.h"
#include "test_paths.h"

using namespace blogshift;
using namespace blogshift::testing;
namespace fs = std::filesystem;

namespace {

constexpr int64_t kEpoch = 1700000000;  // 2023-11-14T22:13:20Z

std::string extension(ArchiveFormat f) { return std::string(".") + archive_kind(f); }

class ArchiveFormats : public ::testing::TestWithParam<ArchiveFormat> {
protected:
  ScratchDir dir{std::string("archive-writer-") + archive_kind(GetParam())};
  std::string archive_path(const std::string& stem = "site") const { return (dir / (stem + extension(GetParam()))).string(); }
};

std::string format_name(const ::testing::TestParamInfo<ArchiveFormat>& info) {
  switch (info.param) {
    case ArchiveFormat::kTarGz: return "TarGz";
    case ArchiveFormat::kTarZst: return "TarZst";
    case ArchiveFormat::kZip: return "Zip";
  }
  return "";
}

// Sets a different time zone (and restores UTC at the end of scope).
struct TimeZone {
  explicit TimeZone(const char* tz) {
    ::setenv("TZ", tz, 1);
    ::tzset();
  }
  ~TimeZone() {
    ::setenv("TZ", "UTC", 1);
    ::tzset();
  }
};

}  // namespace

INSTANTIATE_TEST_SUITE_P(All, ArchiveFormats,
                         ::testing::Values(ArchiveFormat::kTarGz, ArchiveFormat::kTarZst, ArchiveFormat::kZip),
                         format_name);

TEST_P(ArchiveFormats, ReadsBackAsSortedEntriesUnderOneRootWithFixedMetadataAndAManifestLast) {
  const auto entries = sample_entries(dir / "in");
  const auto result = write_archive(archive_path(), GetParam(), entries, kEpoch);
  EXPECT_EQ(result.root, "site");
  EXPECT_EQ(result.entries, 7);
  EXPECT_EQ(result.size, static_cast<int64_t>(fs::file_size(archive_path())));
  EXPECT_EQ(result.sha256, sha256_file(archive_path()));

  const auto read = read_archive(archive_path());
  std::vector<std::string> names;
  for (const auto& e : read) names.push_back(e.name);
  const std::vector<std::string> expected_names = {
      "site/",
      "site/content/",
      "site/content/empty.txt",
      "site/content/pages/",
      "site/content/pages/about/",
      "site/content/pages/about/index.md",
      "site/content/posts/",
      "site/content/posts/caf\xC3\xA9/",
      "site/content/posts/caf\xC3\xA9/index.md",
      "site/content/posts/first/",
      "site/content/posts/first/index.md",
      "site/content/posts/first/photo.jpg",
      "site/content/posts/second/",
      "site/content/posts/second/index.md",
      "site/redirects/",
      "site/redirects/nginx.conf",
      "site/MANIFEST.sha256",
  };
  // tar spells a folder "name/", so does zip; compare without the slash where libarchive drops it.
  ASSERT_EQ(names.size(), expected_names.size());
  std::string manifest;
  for (size_t i = 0; i < read.size(); ++i) {
    const auto& e = read[i];
    std::string want = expected_names[i];
    const bool folder = want.back() == '/';
    if (e.name.back() != '/' && folder) want.pop_back();
    EXPECT_EQ(e.name, want);
    EXPECT_EQ(e.type, folder ? unsigned(AE_IFDIR) : unsigned(AE_IFREG)) << e.name;
    EXPECT_EQ(e.perm, folder ? 0755u : 0644u) << e.name;
    EXPECT_EQ(e.uid, 0) << e.name;
    EXPECT_EQ(e.gid, 0) << e.name;
    EXPECT_EQ(e.uname, "") << e.name;
    EXPECT_EQ(e.mtime, kEpoch) << e.name;
    if (GetParam() != ArchiveFormat::kZip) {
      EXPECT_FALSE(e.atime_set) << e.name;  // no pax atime/ctime records
      EXPECT_FALSE(e.ctime_set) << e.name;
    }
    if (e.name == "site/MANIFEST.sha256") manifest = e.bytes;
  }
  // The bytes round-trip, and the manifest lists every file but itself, in entry order.
  std::string expected_manifest;
  for (const auto& entry : entries) {
    const std::string bytes = entry.source_path.empty() ? entry.bytes : read_file(entry.source_path);
    for (const auto& e : read)
      if (e.name == "site/" + entry.name) {
        EXPECT_EQ(e.bytes, bytes) << e.name;
      }
  }
  for (const char* name : {"content/empty.txt", "content/pages/about/index.md", "content/posts/caf\xC3\xA9/index.md",
                           "content/posts/first/index.md", "content/posts/first/photo.jpg",
                           "content/posts/second/index.md", "redirects/nginx.conf"}) {
    for (const auto& entry : entries)
      if (entry.name == name) {
        expected_manifest += sha256sum_line(
            sha256_hex(entry.source_path.empty() ? entry.bytes : read_file(entry.source_path)), name);
      }
  }
  EXPECT_EQ(manifest, expected_manifest);
}

TEST_P(ArchiveFormats, SameInputGivesTheSameBytesWhateverTheFilesMetadataAndTheEntryOrder) {
  auto first = sample_entries(dir / "a");
  auto second = sample_entries(dir / "b");
  // The second copy's files have other times and permissions, and come in another order.
  for (const auto& e : second) {
    if (e.source_path.empty()) continue;
    struct utimbuf times {123456789, 987654321};
    ::utime(e.source_path.c_str(), &times);
    ::chmod(e.source_path.c_str(), 0600);
  }
  std::reverse(second.begin(), second.end());
  const mode_t old_umask = ::umask(0077);
  const auto one = write_archive((dir / "one" / ("site" + extension(GetParam()))).string(), GetParam(), first, kEpoch);
  ::umask(old_umask);
  const auto two = write_archive((dir / "two" / ("site" + extension(GetParam()))).string(), GetParam(), second, kEpoch);
  EXPECT_EQ(one.sha256, two.sha256);
  EXPECT_EQ(read_file(one.path), read_file(two.path));
  // A different epoch does change the bytes: the time is really in there.
  const auto three =
      write_archive((dir / "three" / ("site" + extension(GetParam()))).string(), GetParam(), first, kEpoch + 86400);
  EXPECT_NE(one.sha256, three.sha256);
}

TEST_P(ArchiveFormats, SameBytesInAnyTimeZoneAndLocale) {
  const auto entries = sample_entries(dir / "in");
  const auto utc = write_archive((dir / "utc" / ("site" + extension(GetParam()))).string(), GetParam(), entries, kEpoch);
  std::string other_zone;
  {
    TimeZone zone("Pacific/Kiritimati");  // UTC+14: another calendar day than UTC at kEpoch
    other_zone = write_archive((dir / "tz" / ("site" + extension(GetParam()))).string(), GetParam(), entries, kEpoch).sha256;
  }
  EXPECT_EQ(utc.sha256, other_zone);
  const std::string old_locale = std::setlocale(LC_ALL, nullptr);
  std::setlocale(LC_ALL, "C.UTF-8");
  const auto utf8 = write_archive((dir / "utf8" / ("site" + extension(GetParam()))).string(), GetParam(), entries, kEpoch);
  std::setlocale(LC_ALL, old_locale.c_str());
  EXPECT_EQ(utc.sha256, utf8.sha256);
}

TEST_P(ArchiveFormats, RefusesBadNamesAndLeavesTheOldArchiveAndNoTemporaryFile) {
  const std::string path = archive_path();
  write_archive(path, GetParam(), {ArchiveEntry::memory("a.txt", "old")}, kEpoch);
  const std::string before = read_file(path);
  const std::vector<std::vector<ArchiveEntry>> bad = {
      {ArchiveEntry::memory("../escape.txt", "x")},
      {ArchiveEntry::memory("/etc/passwd", "x")},
      {ArchiveEntry::memory("a//b", "x")},
      {ArchiveEntry::memory("a/./b", "x")},
      {ArchiveEntry::memory("folder/", "x")},
      {ArchiveEntry::memory("", "x")},
      {ArchiveEntry::memory(std::string("nul\0byte", 8), "x")},
      {ArchiveEntry::memory("bad\xFFutf8", "x")},
      {ArchiveEntry::memory("twice", "x"), ArchiveEntry::memory("twice", "y")},
      {ArchiveEntry::memory("a", "x"), ArchiveEntry::memory("a/b", "y")},
      {ArchiveEntry::memory("MANIFEST.sha256", "x")},
      {ArchiveEntry::memory("fine.txt", "x"), ArchiveEntry::file("gone.txt", (dir / "does-not-exist").string())},
  };
  for (const auto& entries : bad) {
    EXPECT_THROW(write_archive(path, GetParam(), entries, kEpoch), FatalError) << entries.back().name;
    EXPECT_EQ(read_file(path), before);
  }
  EXPECT_THROW(write_archive(path, GetParam(), {ArchiveEntry::memory("a", "x")}, -1), FatalError);
  EXPECT_THROW(write_archive(path, GetParam(), {ArchiveEntry::memory("a", "x")}, int64_t{1} << 33), FatalError);
  for (const auto& f : fs::directory_iterator(dir)) EXPECT_EQ(f.path().filename().string(), fs::path(path).filename().string());
}

TEST_P(ArchiveFormats, AnEmptyListGivesARootFolderAndAnEmptyManifest) {
  const auto result = write_archive(archive_path("nothing"), GetParam(), {}, kEpoch);
  EXPECT_EQ(result.entries, 0);
  const auto read = read_archive(result.path);
  ASSERT_EQ(read.size(), 2u);
  EXPECT_EQ(read[1].name, "nothing/MANIFEST.sha256");
  EXPECT_EQ(read[1].bytes, "");
}

TEST(ArchiveWriter, GzipHeaderHasNoTimeAndNoName) {
  const ScratchDir dir("archive-gzip-header");
  const auto result = write_archive((dir / "x.tar.gz").string(), ArchiveFormat::kTarGz, {ArchiveEntry::memory("a", "b")}, kEpoch);
  const std::string bytes = read_file(result.path);
  ASSERT_GE(bytes.size(), 10u);
  EXPECT_EQ(bytes.substr(0, 3), std::string("\x1f\x8b\x08", 3));
  EXPECT_EQ(bytes[3], 0) << "FLG: no name, comment or extra field";
  EXPECT_EQ(bytes.substr(4, 4), std::string(4, '\0')) << "MTIME";
  EXPECT_EQ(bytes[9], 3) << "OS: Unix";
}

TEST(ArchiveWriter, ZipDosTimesAreTheUtcCalendarTime) {
  const ScratchDir dir("archive-zip-dos");
  TimeZone zone("America/New_York");
  const auto result = write_archive((dir / "x.zip").string(), ArchiveFormat::kZip, {ArchiveEntry::memory("a", "b")}, kEpoch);
  const std::string bytes = read_file(result.path);
  // The first local header's date/time at offset 10: 2023-11-14 22:13:20 UTC.
  const auto u16 = [&](size_t at) { return (unsigned char)bytes[at] | ((unsigned char)bytes[at + 1] << 8); };
  EXPECT_EQ(u16(10), (22u << 11) | (13u << 5) | (20u >> 1));
  EXPECT_EQ(u16(12), ((2023u - 1980u) << 9) | (11u << 5) | 14u);
}

TEST(ArchiveWriter, AZipOfMoreThan65535EntriesHasZip64RecordsAndStillUtcTimes) {
  const ScratchDir dir("archive-zip64");
  std::vector<ArchiveEntry> entries;
  for (int i = 0; i < 66000; ++i) entries.push_back(ArchiveEntry::memory("n/" + std::to_string(i), "x"));
  const auto utc = write_archive((dir / "utc/many.zip").string(), ArchiveFormat::kZip, entries, kEpoch);
  std::string zoned;
  {
    TimeZone zone("America/New_York");
    zoned = write_archive((dir / "ny/many.zip").string(), ArchiveFormat::kZip, entries, kEpoch).sha256;
  }
  EXPECT_EQ(utc.sha256, zoned);
  const std::string bytes = read_file(utc.path);
  const std::string end = bytes.substr(bytes.size() - 22);
  ASSERT_EQ(end.substr(0, 4), "PK\x05\x06");
  EXPECT_EQ(end.substr(10, 2), "\xFF\xFF") << "the entry count lives in the Zip64 end record";
  const auto r = verify_archive(utc.path, {utc.sha256, utc.entries});
  EXPECT_TRUE(r.ok) << r.message;
  EXPECT_EQ(r.entries_checked, 66000);
}

TEST(ArchiveWriter, RootAndFormatComeFromTheFileName) {
  EXPECT_EQ(archive_root_name("out/sample-blog-2024.tar.gz"), "sample-blog-2024");
  EXPECT_EQ(archive_root_name("x.TGZ"), "x");
  EXPECT_EQ(archive_root_name("/a/b/site.tar.zst"), "site");
  EXPECT_EQ(archive_root_name("site.tzst"), "site");
  EXPECT_EQ(archive_root_name("site.zip"), "site");
  EXPECT_EQ(archive_format_for_path("a.tar.gz"), ArchiveFormat::kTarGz);
  EXPECT_EQ(archive_format_for_path("a.tgz"), ArchiveFormat::kTarGz);
  EXPECT_EQ(archive_format_for_path("a.TAR.ZST"), ArchiveFormat::kTarZst);
  EXPECT_EQ(archive_format_for_path("a.zip"), ArchiveFormat::kZip);
  EXPECT_FALSE(archive_format_for_path("a.tar"));
  EXPECT_STREQ(archive_kind(ArchiveFormat::kTarZst), "tar.zst");
}

TEST(ArchiveWriter, SourceDateEpochFromTheEnvironment) {
  ::unsetenv("SOURCE_DATE_EPOCH");
  EXPECT_FALSE(source_date_epoch_from_environment());
  ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  EXPECT_EQ(source_date_epoch_from_environment(), 1700000000);
  for (const char* bad : {"", "-1", "17e8", "99999999999", "12 "}) {
    ::setenv("SOURCE_DATE_EPOCH", bad, 1);
    EXPECT_THROW(source_date_epoch_from_environment(), UsageError) << bad;
  }
  ::unsetenv("SOURCE_DATE_EPOCH");
}

TEST(ArchiveEntries, ListFolderGivesSortedRelativeNamesWithThePrefix) {
  const ScratchDir dir("archive-list");
  write_file(dir / "b/z.txt", "z");
  write_file(dir / "a.txt", "a");
  write_file(dir / "b/a b.txt", "ab");
  fs::create_directories(dir / "empty/folder");
  const auto entries = list_folder(dir.path().string(), "content/");
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].name, "content/a.txt");
  EXPECT_EQ(entries[1].name, "content/b/a b.txt");
  EXPECT_EQ(entries[2].name, "content/b/z.txt");
  EXPECT_EQ(entries[2].source_path, (dir / "b/z.txt").string());
  EXPECT_TRUE(entries[0].bytes.empty());
}

TEST(ArchiveEntries, ListFolderRefusesSymbolicLinksAndNamesThem) {
  const ScratchDir dir("archive-list-link");
  write_file(dir / "real.txt", "x");
  fs::create_symlink(dir / "real.txt", dir / "link.txt");
  try {
    list_folder(dir.path().string());
    FAIL() << "a symbolic link was listed";
  } catch (const FatalError& e) {
    EXPECT_NE(std::string(e.what()).find("link.txt"), std::string::npos) << e.what();
  }
  EXPECT_THROW(list_folder((dir / "missing").string()), FatalError);
}

TEST(ArchiveEntries, AFileThatGrowsOrShrinksWhileReadIsAnError) {
  const ScratchDir dir("archive-entry-reader");
  const std::string path = write_file(dir / "f.bin", std::string(3 << 20, 'x'));
  {
    const auto entry = ArchiveEntry::file("f.bin", path);
    EntryReader reader(entry);
    EXPECT_EQ(reader.size(), 3 << 20);
    std::ofstream(path, std::ios::app) << "more";
    int64_t got = 0;
    EXPECT_THROW(
        {
          for (auto block = reader.next(); !block.empty(); block = reader.next()) got += static_cast<int64_t>(block.size());
        },
        FatalError);
    EXPECT_EQ(got, 3 << 20);
  }
  {
    const auto entry = ArchiveEntry::file("f.bin", path);
    EntryReader reader(entry);
    fs::resize_file(path, 10);
    EXPECT_THROW(
        {
          for (auto block = reader.next(); !block.empty(); block = reader.next()) {
          }
        },
        FatalError);
  }
}
