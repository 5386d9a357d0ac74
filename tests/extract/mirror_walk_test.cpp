// The mirror folder walk (crawl/mirror_walk.h) and what the mirror reader
// makes of what it meets: folders that cannot be listed, listings that break
// off, entries whose type cannot be read, looping links, FIFOs, files over
// the size limit. Tests run as root, so permission failures are injected.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "collecting_sink.h"
#include "crawl/mirror_reader.h"
#include "crawl/mirror_walk.h"
#include "errors.h"
#include "extractor.h"
#include "temp_file.h"
#include "test_paths.h"

namespace blogshift {
namespace {

namespace fs = std::filesystem;
using testing::CollectingSink;

void write(const fs::path& p, const std::string& text) { testing::write_file(p, text); }

// A small host-layout mirror: three folders with a stylesheet each.
fs::path three_folders(const std::string& name) {
  fs::path dir = testing::temp_dir(name);
  write(dir / "a.example.com/a/1.css", "a1{}");
  write(dir / "a.example.com/b/1.css", "b1{}");
  write(dir / "a.example.com/b/2.css", "b2{}");
  write(dir / "a.example.com/b/3.css", "b3{}");
  write(dir / "a.example.com/c/1.css", "c1{}");
  return dir;
}

std::set<std::string> asset_urls(const CollectingSink& sink) {
  std::set<std::string> out;
  for (const auto& a : sink.assets) out.insert(a.url);
  return out;
}

const ProblemRecord* find_problem(const CollectingSink& sink, const std::string& code) {
  for (const auto& p : sink.problems)
    if (p.code == code) return &p;
  return nullptr;
}

// Outcomes of units: items count once per file here (no HTML), so every
// unit gives exactly one asset, skip or error that is not file-level.
size_t outcomes(const CollectingSink& sink) {
  size_t errors = 0;
  for (const auto& p : sink.problems)
    if (p.severity == Severity::Error && !p.file_level) ++errors;
  return sink.assets.size() + sink.skips.size() + errors;
}

TEST(MirrorWalk, AFolderThatCannotBeListedIsOneUnreadableUnitAndTheWalkGoesOn) {
  fs::path dir = three_folders("walk-open");
  MirrorReadOptions options;
  options.fault = [](MirrorWalkStep step, const fs::path& p) {
    return step == MirrorWalkStep::OpenFolder && p.filename() == "b" ? std::make_error_code(std::errc::permission_denied)
                                                                     : std::error_code();
  };
  CollectingSink sink;
  read_mirror(dir.string(), sink, options);
  ASSERT_EQ(sink.count_problems("MIRROR_UNREADABLE"), 1u);
  const ProblemRecord& p = *find_problem(sink, "MIRROR_UNREADABLE");
  EXPECT_EQ(p.severity, Severity::Error);
  EXPECT_FALSE(p.file_level);  // the folder is the unit: it has a ledger row of its own
  EXPECT_EQ(fs::path(p.position.file).filename(), "b");
  EXPECT_EQ(p.item, "a.example.com/b/");
  EXPECT_NE(p.message.find("Permission denied"), std::string::npos) << p.message;
  EXPECT_EQ(asset_urls(sink), (std::set<std::string>{"http://a.example.com/a/1.css", "http://a.example.com/c/1.css"}));
  EXPECT_EQ(outcomes(sink), 3u);
  fs::remove_all(dir);
}

TEST(MirrorWalk, AListingThatBreaksOffIsAProblemAndTheOtherFoldersAreRead) {
  fs::path dir = three_folders("walk-next");
  MirrorReadOptions options;
  bool failed = false;
  options.fault = [&](MirrorWalkStep step, const fs::path& p) {
    if (step == MirrorWalkStep::NextEntry && p.parent_path().filename() == "b" && !failed) {
      failed = true;  // the first entry of b/ was read, moving on fails
      return std::make_error_code(std::errc::io_error);
    }
    return std::error_code();
  };
  CollectingSink sink;
  read_mirror(dir.string(), sink, options);
  ASSERT_TRUE(failed);
  ASSERT_EQ(sink.count_problems("MIRROR_UNREADABLE"), 1u);
  const ProblemRecord& p = *find_problem(sink, "MIRROR_UNREADABLE");
  EXPECT_EQ(fs::path(p.position.file).filename(), "b");
  EXPECT_NE(p.message.find("broke off after 1 entries"), std::string::npos) << p.message;
  // a/ and c/ whole, and the one entry of b/ that was read.
  std::set<std::string> urls = asset_urls(sink);
  EXPECT_EQ(urls.size(), 3u);
  EXPECT_TRUE(urls.count("http://a.example.com/a/1.css"));
  EXPECT_TRUE(urls.count("http://a.example.com/c/1.css"));
  EXPECT_EQ(outcomes(sink), 4u);
  fs::remove_all(dir);
}

TEST(MirrorWalk, AnEntryWhoseTypeCannotBeReadIsNamed) {
  fs::path dir = three_folders("walk-type");
  MirrorReadOptions options;
  options.fault = [](MirrorWalkStep step, const fs::path& p) {
    return step == MirrorWalkStep::EntryType && p.filename() == "2.css" ? std::make_error_code(std::errc::io_error)
                                                                        : std::error_code();
  };
  CollectingSink sink;
  read_mirror(dir.string(), sink, options);
  ASSERT_EQ(sink.count_problems("MIRROR_UNREADABLE"), 1u);
  const ProblemRecord& p = *find_problem(sink, "MIRROR_UNREADABLE");
  EXPECT_EQ(fs::path(p.position.file).filename(), "2.css");
  EXPECT_EQ(p.item, "http://a.example.com/b/2.css");
  EXPECT_EQ(sink.assets.size(), 4u);
  EXPECT_EQ(outcomes(sink), 5u);
  // Units come in the folder's sorted order, the problem among the files.
  ASSERT_EQ(sink.assets.size(), 4u);
  EXPECT_EQ(sink.assets[1].url, "http://a.example.com/b/1.css");
  EXPECT_EQ(sink.assets[2].url, "http://a.example.com/b/3.css");
  fs::remove_all(dir);
}

TEST(MirrorWalk, TheFolderItselfUnlistableIsFatal) {
  fs::path dir = three_folders("walk-root");
  MirrorReadOptions options;
  options.fault = [](MirrorWalkStep step, const fs::path&) {
    return step == MirrorWalkStep::OpenFolder ? std::make_error_code(std::errc::permission_denied) : std::error_code();
  };
  CollectingSink sink;
  EXPECT_THROW(read_mirror(dir.string(), sink, options), FatalError);
  fs::remove_all(dir);
}

TEST(MirrorWalk, LoopingLinkIsUnreadableNotALinkLeavingTheFolder) {
  fs::path dir = testing::temp_dir("walk-loop");
  write(dir / "a.example.com/z.css", "z{}");
  fs::create_symlink(dir / "a.example.com/loop2.css", dir / "a.example.com/loop1.css");
  fs::create_symlink(dir / "a.example.com/loop1.css", dir / "a.example.com/loop2.css");
  CollectingSink sink;
  read_mirror(dir.string(), sink);
  EXPECT_EQ(sink.count_problems("MIRROR_UNREADABLE"), 2u);
  EXPECT_TRUE(sink.skips.empty());
  ASSERT_EQ(sink.assets.size(), 1u);
  EXPECT_EQ(sink.assets[0].bytes, "z{}");
  fs::remove_all(dir);
}

TEST(MirrorWalk, FifoAndLinkToAFolderAreSkippedWithAReason) {
  fs::path dir = testing::temp_dir("walk-fifo");
  write(dir / "a.example.com/sub/x.css", "x{}");
  ASSERT_EQ(::mkfifo((dir / "a.example.com/pipe").c_str(), 0600), 0);
  fs::create_directory_symlink(dir / "a.example.com/sub", dir / "a.example.com/again");
  fs::create_directory_symlink(dir / "a.example.com", dir / "a.example.com/sub/up");  // a loop, if followed
  CollectingSink sink;
  read_mirror(dir.string(), sink);  // must not block on the FIFO nor loop
  ASSERT_EQ(sink.assets.size(), 1u);
  EXPECT_EQ(sink.assets[0].url, "http://a.example.com/sub/x.css");
  ASSERT_EQ(sink.skips.size(), 3u);
  std::set<std::string> why;
  for (const auto& s : sink.skips) why.insert(fs::path(s.what).filename().string() + ": " + s.why);
  EXPECT_TRUE(why.count("pipe: not a regular file (FIFO, socket or device)"));
  EXPECT_EQ(outcomes(sink), 4u);
  fs::remove_all(dir);
}

TEST(MirrorWalk, ListsRegularFilesAndLinksToFilesInside) {
  fs::path dir = testing::temp_dir("walk-list");
  fs::path outside = testing::temp_dir("walk-list-outside");
  write(outside / "secret.txt", "secret");
  write(dir / "b.css", "b{}");
  write(dir / "a/c.css", "c{}");
  fs::create_symlink(dir / "b.css", dir / "a/link.css");
  fs::create_symlink(outside / "secret.txt", dir / "a/out.txt");
  MirrorWalk walk = walk_mirror(dir.string());
  EXPECT_EQ(walk.root, fs::canonical(dir));
  ASSERT_EQ(walk.files.size(), 3u);
  EXPECT_EQ(walk.files[0], walk.root / "a/c.css");
  EXPECT_EQ(walk.files[1], walk.root / "a/link.css");
  EXPECT_EQ(walk.files[2], walk.root / "b.css");
  ASSERT_EQ(walk.issues.size(), 1u);
  EXPECT_EQ(walk.issues[0].kind, MirrorWalkIssue::Kind::Skipped);
  EXPECT_EQ(walk.issues[0].path, walk.root / "a/out.txt");
  fs::remove_all(dir);
  fs::remove_all(outside);
}

TEST(MirrorWalk, SourceDigestCoversWhatTheReaderReads) {
  fs::path dir = testing::temp_dir("walk-digest");
  fs::path outside = testing::temp_dir("walk-digest-outside");
  write(outside / "secret.txt", "secret");
  write(dir / "a.example.com/b.css", "b{}");
  SourceInfo before = describe_source(dir.string(), "mirror");
  // A link leaving the folder is not read, so it does not change the digest.
  fs::create_symlink(outside / "secret.txt", dir / "a.example.com/out.txt");
  SourceInfo with_outside = describe_source(dir.string(), "mirror");
  EXPECT_EQ(with_outside.sha256, before.sha256);
  EXPECT_EQ(with_outside.size, before.size);
  // A link to a file inside is read as a file of its own, so it counts.
  fs::create_symlink(dir / "a.example.com/b.css", dir / "a.example.com/c.css");
  SourceInfo with_inside = describe_source(dir.string(), "mirror");
  EXPECT_NE(with_inside.sha256, before.sha256);
  EXPECT_EQ(with_inside.size, 2 * before.size);
  CollectingSink sink;
  read_mirror(dir.string(), sink);
  EXPECT_EQ(sink.assets.size(), 2u);
  fs::remove_all(dir);
  fs::remove_all(outside);
}

TEST(MirrorReader, FileOverTheLimitIsAProblemAndIsNotRead) {
  fs::path dir = testing::temp_dir("mirror-too-large");
  write(dir / "a.example.com/a.css", "a{}");
  write(dir / "a.example.com/z.css", "z{}");
  {
    // Sparse: 600 MiB that take no disk.
    std::ofstream(dir / "a.example.com/big.bin", std::ios::binary).close();
    fs::resize_file(dir / "a.example.com/big.bin", uintmax_t{600} << 20);
  }
  CollectingSink sink;
  read_mirror(dir.string(), sink);
  ASSERT_EQ(sink.count_problems("MIRROR_FILE_TOO_LARGE"), 1u);
  const ProblemRecord& p = *find_problem(sink, "MIRROR_FILE_TOO_LARGE");
  EXPECT_EQ(p.severity, Severity::Error);
  EXPECT_FALSE(p.file_level);
  EXPECT_EQ(p.item, "http://a.example.com/big.bin");
  EXPECT_NE(p.message.find("629145600 bytes"), std::string::npos) << p.message;
  EXPECT_NE(p.message.find("512 MiB"), std::string::npos) << p.message;
  ASSERT_EQ(sink.assets.size(), 2u);
  EXPECT_EQ(outcomes(sink), 3u);
  fs::remove_all(dir);
}

TEST(MirrorReader, LimitIsInclusive) {
  fs::path dir = testing::temp_dir("mirror-limit");
  write(dir / "a.example.com/four.css", "1234");
  write(dir / "a.example.com/five.css", "12345");
  MirrorReadOptions options;
  options.max_file_bytes = 4;
  CollectingSink sink;
  read_mirror(dir.string(), sink, options);
  EXPECT_EQ(sink.count_problems("MIRROR_FILE_TOO_LARGE"), 1u);
  ASSERT_EQ(sink.assets.size(), 1u);
  EXPECT_EQ(sink.assets[0].bytes, "1234");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace blogshift
