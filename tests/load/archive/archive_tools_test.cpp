// Tools not written here agree with what we wrote: GNU tar (with zstd),
// gzip -t, zstd -t, sha256sum -c on the manifest after extraction, unzip -t,
// python3's zipfile, and for bags sha256sum -c on both manifests with find
// recounting Payload-Oxum. (Debian 12 packages no BagIt validator:
// python3-bagit is not in bookworm.)
#include <gtest/gtest.h>

#include <filesystem>

#include "archive_test_support.h"
#include "archive_writer.h"
#include "bagit_writer.h"
#include "external_tool.h"
#include "run_command.h"

using namespace blogshift;
using namespace blogshift::testing;
namespace fs = std::filesystem;

namespace {

constexpr int64_t kEpoch = 1700000000;  // 2023-11-14T22:13:20Z

// The sample entries plus names sha256sum must escape and one too long for a ustar header.
std::vector<ArchiveEntry> entries_with_odd_names(const fs::path& dir) {
  auto entries = sample_entries(dir);
  entries.push_back(ArchiveEntry::memory("odd/back\\slash.txt", "backslash\n"));
  entries.push_back(ArchiveEntry::memory("odd/new\nline.txt", "newline\n"));
  entries.push_back(ArchiveEntry::memory("odd/with space & 'quote'.txt", "quote\n"));
  entries.push_back(ArchiveEntry::memory("odd/" + std::string(150, 'x') + "/" + std::string(120, 'y') + ".txt", "long\n"));
  return entries;
}

// Extracts `archive` into `into` with `extract`, then runs sha256sum -c in the root.
void expect_manifest_checks(const std::string& extract, const fs::path& into, const ArchiveResult& archive) {
  fs::create_directories(into);
  const auto x = shell(extract);
  ASSERT_EQ(x.exit_code, 0) << extract << "\n" << x.output;
  const auto check = shell("cd " + shell_quote((into / archive.root).string()) + " && sha256sum -c --strict MANIFEST.sha256");
  EXPECT_EQ(check.exit_code, 0) << check.output;
  size_t ok_lines = 0;
  for (size_t at = check.output.find(": OK"); at != std::string::npos; at = check.output.find(": OK", at + 1)) ++ok_lines;
  EXPECT_EQ(ok_lines, static_cast<size_t>(archive.entries)) << check.output;
}

}  // namespace

TEST(ArchiveTools, GnuTarExtractsTheTarGzAndSha256sumChecksItsManifest) {
  BLOGSHIFT_REQUIRE_TOOL(tar, "tar");
  BLOGSHIFT_REQUIRE_TOOL(sha256sum, "sha256sum");
  BLOGSHIFT_REQUIRE_TOOL(gzip, "gzip");
  const ScratchDir dir("archive-tools-tgz");
  const auto a = write_archive((dir / "site.tar.gz").string(), ArchiveFormat::kTarGz, entries_with_odd_names(dir / "in"), kEpoch);
  const auto gz = shell(gzip + " -t " + shell_quote(a.path));
  EXPECT_EQ(gz.exit_code, 0) << gz.output;  // the gzip trailer (CRC-32, length) is right, no trailing bytes
  expect_manifest_checks(tar + " -xf " + shell_quote(a.path) + " -C " + shell_quote((dir / "x").string()), dir / "x", a);
  // Owners, modes and times as tar itself lists them.
  const auto list = shell("TZ=UTC " + tar + " --numeric-owner -tvf " + shell_quote(a.path));
  EXPECT_EQ(list.exit_code, 0) << list.output;
  EXPECT_TRUE(contains(list.output, "drwxr-xr-x 0/0")) << list.output;
  EXPECT_TRUE(contains(list.output, "-rw-r--r-- 0/0")) << list.output;
  EXPECT_FALSE(contains(list.output, "rw-------")) << list.output;
  size_t lines = 0, stamped = 0;
  for (size_t at = 0; (at = list.output.find('\n', at)) != std::string::npos; ++at) ++lines;
  for (size_t at = 0; (at = list.output.find("2023-11-14 22:13", at)) != std::string::npos; ++at) ++stamped;
  EXPECT_EQ(stamped, lines) << list.output;  // tar lists the name with a newline escaped, on one line
}

TEST(ArchiveTools, GnuTarWithZstdExtractsTheTarZstAndSha256sumChecksItsManifest) {
  BLOGSHIFT_REQUIRE_TOOL(tar, "tar");
  BLOGSHIFT_REQUIRE_TOOL(zstd, "zstd");
  BLOGSHIFT_REQUIRE_TOOL(sha256sum, "sha256sum");
  const ScratchDir dir("archive-tools-zst");
  const auto a = write_archive((dir / "site.tar.zst").string(), ArchiveFormat::kTarZst, entries_with_odd_names(dir / "in"), kEpoch);
  const auto t = shell(zstd + " -t -q " + shell_quote(a.path));
  EXPECT_EQ(t.exit_code, 0) << t.output;
  expect_manifest_checks(tar + " --zstd -xf " + shell_quote(a.path) + " -C " + shell_quote((dir / "x").string()), dir / "x", a);
  // Without saying --zstd, too: tar recognises the stream.
  expect_manifest_checks(tar + " -xf " + shell_quote(a.path) + " -C " + shell_quote((dir / "y").string()), dir / "y", a);
}

TEST(ArchiveTools, UnzipTestsAndExtractsTheZipAndSha256sumChecksItsManifest) {
  BLOGSHIFT_REQUIRE_TOOL(unzip, "unzip");
  BLOGSHIFT_REQUIRE_TOOL(sha256sum, "sha256sum");
  const ScratchDir dir("archive-tools-zip");
  const auto a = write_archive((dir / "site.zip").string(), ArchiveFormat::kZip, sample_entries(dir / "in"), kEpoch);
  const auto t = shell(unzip + " -t " + shell_quote(a.path));
  EXPECT_EQ(t.exit_code, 0) << t.output;
  EXPECT_TRUE(contains(t.output, "No errors detected")) << t.output;
  expect_manifest_checks(unzip + " -q " + shell_quote(a.path) + " -d " + shell_quote((dir / "x").string()), dir / "x", a);
}

TEST(ArchiveTools, PythonZipfileReadsTheZipWithUtcTimesAndUnixModes) {
  BLOGSHIFT_REQUIRE_TOOL(python, "python3");
  const ScratchDir dir("archive-tools-pyzip");
  const auto a = write_archive((dir / "site.zip").string(), ArchiveFormat::kZip, sample_entries(dir / "in"), kEpoch);
  const std::string script =
      "import sys, zipfile\n"
      "z = zipfile.ZipFile(sys.argv[1])\n"
      "assert z.testzip() is None\n"
      "for i in z.infolist():\n"
      "    assert i.date_time == (2023, 11, 14, 22, 13, 20), (i.filename, i.date_time)\n"
      "    assert (i.external_attr >> 16) in (0o100644, 0o40755), (i.filename, oct(i.external_attr >> 16))\n"
      "    assert i.create_system == 3, i.filename\n"
      "names = z.namelist()\n"
      "assert names[0] == 'site/' and names[-1] == 'site/MANIFEST.sha256', names\n"
      "assert 'site/content/posts/caf\\u00e9/index.md' in names, names\n"
      "print(len(names))\n";
  write_file(dir / "check.py", script);
  const auto r = shell(python + " " + shell_quote((dir / "check.py").string()) + " " + shell_quote(a.path));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output, "17\n");
}

TEST(ArchiveTools, Sha256sumChecksBothBagManifestsAndFindRecountsPayloadOxum) {
  BLOGSHIFT_REQUIRE_TOOL(sha256sum, "sha256sum");
  BLOGSHIFT_REQUIRE_TOOL(find, "find");
  const ScratchDir dir("archive-tools-bag");
  const auto bag = write_bag((dir / "bag").string(), sample_entries(dir / "in"), {}, kEpoch);
  const std::string cd = "cd " + shell_quote(bag.path) + " && ";
  const auto payload = shell(cd + "sha256sum -c --strict manifest-sha256.txt");
  EXPECT_EQ(payload.exit_code, 0) << payload.output;
  const auto tags = shell(cd + "sha256sum -c --strict tagmanifest-sha256.txt");
  EXPECT_EQ(tags.exit_code, 0) << tags.output;
  const auto oxum = shell(cd + find + " data -type f -printf '%s\\n' | awk '{ s += $1; n++ } END { printf \"%d.%d\", s, n }'");
  EXPECT_EQ(oxum.exit_code, 0) << oxum.output;
  EXPECT_TRUE(contains(read_file(fs::path(bag.path) / "bag-info.txt"), "Payload-Oxum: " + oxum.output + "\n")) << oxum.output;
}
