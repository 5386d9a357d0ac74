// BagIt bags: the tag files byte for byte, percent-encoded names, identical
// bags from identical input, replacement and refusal, and the verifier on
// a damaged payload file, manifest, tag file, extra and missing files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "archive_test_support.h"
#include "bag_verifier.h"
#include "bagit_writer.h"
#include "digest.h"
#include "errors.h"

using namespace blogshift;
using namespace blogshift::testing;
namespace fs = std::filesystem;

namespace {

constexpr int64_t kEpoch = 1700000000;  // 2023-11-14T22:13:20Z

BagInfo sample_info() {
  BagInfo info;
  info.source_organization = "Example Blog";
  info.external_description = "Blogger blog migrated by blogshift";
  info.external_identifier = "example.blogspot.com";
  return info;
}

}  // namespace

TEST(BagitWriter, WritesTheTagFilesOfRfc8493) {
  const ScratchDir dir("bag-tags");
  auto entries = sample_entries(dir / "in");
  const auto result = write_bag((dir / "bag").string(), entries, sample_info(), kEpoch);
  EXPECT_EQ(result.path, (dir / "bag").string());
  EXPECT_EQ(result.payload_files, 7);
  int64_t bytes = 0;
  for (const auto& e : entries) bytes += static_cast<int64_t>(e.source_path.empty() ? e.bytes.size() : fs::file_size(e.source_path));
  EXPECT_EQ(result.payload_bytes, bytes);

  const fs::path bag = dir / "bag";
  EXPECT_EQ(read_file(bag / "bagit.txt"), "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
  EXPECT_EQ(read_file(bag / "bag-info.txt"),
            "Source-Organization: Example Blog\n"
            "External-Description: Blogger blog migrated by blogshift\n"
            "External-Identifier: example.blogspot.com\n"
            "Bagging-Date: 2023-11-14\n"
            "Bag-Software-Agent: " + bag_software_agent() + "\n"
            "Payload-Oxum: " + std::to_string(bytes) + ".7\n");
  EXPECT_TRUE(bag_software_agent().rfind("blogshift 0.", 0) == 0) << bag_software_agent();

  // The manifest: one line per payload file, sorted by path, two spaces.
  std::string manifest;
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  for (const auto& e : entries) {
    const std::string payload = read_file(bag / "data" / e.name);
    EXPECT_EQ(payload, e.source_path.empty() ? e.bytes : read_file(e.source_path)) << e.name;
    manifest += sha256_hex(payload) + "  data/" + e.name + "\n";
  }
  EXPECT_EQ(read_file(bag / "manifest-sha256.txt"), manifest);
  const std::string tagmanifest = sha256_hex(read_file(bag / "bag-info.txt")) + "  bag-info.txt\n" +
                                  sha256_hex(read_file(bag / "bagit.txt")) + "  bagit.txt\n" +
                                  sha256_hex(read_file(bag / "manifest-sha256.txt")) + "  manifest-sha256.txt\n";
  EXPECT_EQ(read_file(bag / "tagmanifest-sha256.txt"), tagmanifest);
  EXPECT_EQ(result.tagmanifest_sha256, sha256_hex(tagmanifest));
  // Nothing else in the bag, and no temporary folder beside it.
  EXPECT_EQ(tree(bag).size(), 7u + 4u);
  for (const auto& e : fs::directory_iterator(dir.path())) EXPECT_FALSE(contains(e.path().string(), ".tmp-")) << e.path();

  const auto r = verify_bag(result.path + "/");
  EXPECT_TRUE(r.ok) << r.message;
  EXPECT_EQ(r.entries_checked, 7);
}

TEST(BagitWriter, EmptyFieldsAreLeftOutExtraFieldsFollowAndLineBreaksAreFolded) {
  const ScratchDir dir("bag-info-fields");
  BagInfo info;
  info.external_description = "two\nlines";
  info.software_agent = "blogshift test";
  info.extra = {{"Contact-Name", "A. Person"}, {"Internal-Sender-Description", "x\r\ny"}};
  write_bag((dir / "bag").string(), {ArchiveEntry::memory("a.txt", "a")}, info, 0);
  EXPECT_EQ(read_file(dir / "bag/bag-info.txt"),
            "External-Description: two\n  lines\n"
            "Bagging-Date: 1970-01-01\n"
            "Bag-Software-Agent: blogshift test\n"
            "Payload-Oxum: 1.1\n"
            "Contact-Name: A. Person\n"
            "Internal-Sender-Description: x\n  y\n");
  EXPECT_TRUE(verify_bag((dir / "bag").string()).ok);
  info.extra = {{"Bad:Label", "x"}};
  EXPECT_THROW(write_bag((dir / "bag2").string(), {ArchiveEntry::memory("a.txt", "a")}, info, 0), FatalError);
  EXPECT_FALSE(fs::exists(dir / "bag2"));
}

TEST(BagitWriter, PercentCarriageReturnAndLineFeedInNamesArePercentEncoded) {
  const ScratchDir dir("bag-encoded-names");
  const std::vector<ArchiveEntry> payload = {ArchiveEntry::memory("100% sure.txt", "1"),
                                             ArchiveEntry::memory("line\nbreak.txt", "2"),
                                             ArchiveEntry::memory("carriage\rreturn.txt", "3"),
                                             ArchiveEntry::memory("caf\xC3\xA9 %41.txt", "4")};
  write_bag((dir / "bag").string(), payload, {}, kEpoch);
  const std::string manifest = read_file(dir / "bag/manifest-sha256.txt");
  EXPECT_TRUE(contains(manifest, "  data/100%25 sure.txt\n")) << manifest;
  EXPECT_TRUE(contains(manifest, "  data/line%0Abreak.txt\n")) << manifest;
  EXPECT_TRUE(contains(manifest, "  data/carriage%0Dreturn.txt\n")) << manifest;
  EXPECT_TRUE(contains(manifest, "  data/caf\xC3\xA9 %2541.txt\n")) << manifest;
  EXPECT_EQ(std::count(manifest.begin(), manifest.end(), '\n'), 4);
  EXPECT_EQ(read_file(dir / "bag/data/line\nbreak.txt"), "2");
  const auto r = verify_bag((dir / "bag").string());
  EXPECT_TRUE(r.ok) << r.message;
  EXPECT_EQ(r.entries_checked, 4);
}

TEST(BagitWriter, SameInputGivesTheSameBag) {
  const ScratchDir dir("bag-reproducible");
  auto a = sample_entries(dir / "a");
  auto b = sample_entries(dir / "b");
  std::reverse(b.begin(), b.end());
  write_bag((dir / "one").string(), a, sample_info(), kEpoch);
  write_bag((dir / "two").string(), b, sample_info(), kEpoch);
  EXPECT_EQ(tree(dir / "one"), tree(dir / "two"));
}

TEST(BagitWriter, ReplacesABagButNeverAnotherFolder) {
  const ScratchDir dir("bag-replace");
  const std::string bag = (dir / "bag").string();
  write_bag(bag, {ArchiveEntry::memory("old.txt", "old")}, {}, kEpoch);
  write_bag(bag, {ArchiveEntry::memory("new.txt", "new")}, {}, kEpoch);
  EXPECT_FALSE(fs::exists(dir / "bag/data/old.txt"));
  EXPECT_EQ(read_file(dir / "bag/data/new.txt"), "new");
  EXPECT_TRUE(verify_bag(bag).ok);

  // A failure half-way (a payload file that is gone) leaves the old bag as it was, and no temporary folder.
  const auto before = tree(dir / "bag");
  EXPECT_THROW(write_bag(bag, {ArchiveEntry::memory("a.txt", "a"), ArchiveEntry::file("b.txt", (dir / "gone").string())}, {},
                         kEpoch),
               FatalError);
  EXPECT_EQ(tree(dir / "bag"), before);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1);

  // A folder that is not a bag is refused and left alone; an empty folder is fine.
  write_file(dir / "precious/notes.txt", "mine");
  EXPECT_THROW(write_bag((dir / "precious").string(), {ArchiveEntry::memory("a", "a")}, {}, kEpoch), FatalError);
  EXPECT_EQ(read_file(dir / "precious/notes.txt"), "mine");
  fs::create_directories(dir / "empty");
  write_bag((dir / "empty/").string(), {ArchiveEntry::memory("a", "a")}, {}, kEpoch);
  EXPECT_TRUE(verify_bag((dir / "empty").string()).ok);
}

class DamagedBag : public ::testing::Test {
protected:
  ScratchDir dir{"bag-damaged"};
  std::string bag = (dir / "bag").string();
  void SetUp() override { write_bag(bag, sample_entries(dir / "in"), sample_info(), kEpoch); }
  fs::path at(const std::string& relative) const { return fs::path(bag) / relative; }
};

TEST_F(DamagedBag, AFlippedByteInAPayloadFileNamesIt) {
  set_byte(at("data/content/posts/second/index.md").string(), 100);
  const auto r = verify_bag(bag);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_entry, "data/content/posts/second/index.md");
  EXPECT_TRUE(contains(r.message, "differs from manifest-sha256.txt")) << r.message;
  EXPECT_EQ(r.entries_checked, 6);
}

TEST_F(DamagedBag, AFlippedByteInTheManifestNamesTheManifest) {
  set_byte(at("manifest-sha256.txt").string(), 3, '0' + ('7' - read_file(at("manifest-sha256.txt"))[3]) % 10);
  const auto r = verify_bag(bag);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_entry, "manifest-sha256.txt") << r.message;
  EXPECT_TRUE(contains(r.message, "differs from tagmanifest-sha256.txt")) << r.message;
  EXPECT_TRUE(contains(r.message, "and 1 more problems")) << r.message;  // the payload line it changed
}

TEST_F(DamagedBag, AnEditedBagInfoIsCaughtByTheTagManifestAndPayloadOxum) {
  std::string info = read_file(at("bag-info.txt"));
  info.replace(info.find("Payload-Oxum: "), 14, "Payload-Oxum: 9");
  write_file(at("bag-info.txt"), info);
  auto r = verify_bag(bag);
  EXPECT_EQ(r.first_bad_entry, "bag-info.txt");
  fs::remove(at("tagmanifest-sha256.txt"));  // optional in RFC 8493: then Payload-Oxum alone says it
  r = verify_bag(bag);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_entry, "bag-info.txt");
  EXPECT_TRUE(contains(r.message, "Payload-Oxum")) << r.message;
}

TEST_F(DamagedBag, AnExtraPayloadFileAndAMissingOneAreNamed) {
  write_file(at("data/content/stray.txt"), "stray");
  auto r = verify_bag(bag);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_entry, "data/content/stray.txt");
  EXPECT_TRUE(contains(r.message, "not in manifest-sha256.txt")) << r.message;
  EXPECT_TRUE(contains(r.message, "and 1 more problems")) << r.message;  // Payload-Oxum
  fs::remove(at("data/content/stray.txt"));
  fs::remove(at("data/content/empty.txt"));
  r = verify_bag(bag);
  EXPECT_EQ(r.first_bad_entry, "data/content/empty.txt");
  EXPECT_TRUE(contains(r.message, "missing")) << r.message;
}

TEST_F(DamagedBag, ALinkInThePayloadIsAProblem) {
  fs::create_symlink("/etc/hostname", at("data/link"));
  const auto r = verify_bag(bag);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_entry, "data/link");
}

TEST_F(DamagedBag, WithoutBagitTxtOrAManifestItIsNotABag) {
  fs::remove(at("manifest-sha256.txt"));
  auto r = verify_bag(bag);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_entry, "manifest-sha256.txt");  // listed in the tag manifest, and required
  fs::remove(at("bagit.txt"));
  r = verify_bag(bag);
  EXPECT_EQ(r.first_bad_entry, "bagit.txt");
  EXPECT_TRUE(contains(r.message, "not a bag")) << r.message;
  EXPECT_FALSE(verify_bag((dir / "nowhere").string()).ok);
}

TEST_F(DamagedBag, AManifestLineThatLeavesTheBagIsRefused) {
  std::ofstream(at("manifest-sha256.txt"), std::ios::app) << sha256_hex("x") << "  data/../../outside.txt\n";
  fs::remove(at("tagmanifest-sha256.txt"));
  const auto r = verify_bag(bag);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad_entry, "manifest-sha256.txt");
  EXPECT_TRUE(contains(r.message, "leaves the bag")) << r.message;
}
