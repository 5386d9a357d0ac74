// The sample blog end to end, in-process: extract and transform it, write
// its content tree, then pack the tree, the original sources and the staging
// database as every archive format and as a bag; each verifies, and two
// writes give the same bytes.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "archive_test_support.h"
#include "archive_verifier.h"
#include "archive_writer.h"
#include "bag_verifier.h"
#include "bagit_writer.h"
#include "content_tree_writer.h"
#include "external_tool.h"
#include "extractor.h"
#include "run_command.h"
#include "staging_store.h"
#include "test_paths.h"
#include "transform_stage.h"

using namespace blogshift;
using namespace blogshift::testing;
namespace fs = std::filesystem;

namespace {

constexpr int64_t kEpoch = 1700000000;

}  // namespace

TEST(ArchiveSampleBlog, TreeSourcesAndDatabasePackVerifyAndRepeatByteForByte) {
  const ScratchDir dir("archive-sample-blog");
  const std::string feed = fixture("sample-blog/feed.atom"), mirror = fixture("sample-blog/mirror"),
                    warc = fixture("sample-blog/sample-blog.warc.gz");
  {
    StagingStore store((dir / "staging.db").string());
    Extractor extractor(store, nullptr);
    for (const auto& source : {feed, mirror, warc}) extractor.extract(source);
    TransformOptions options;
    options.comments_file = true;
    run_transform(store.db(), options);
    write_content_tree(store.db(), (dir / "out").string());
  }
  auto entries = list_folder((dir / "out/content").string(), "content/");
  const size_t documents = entries.size();
  ASSERT_GT(documents, 20u);  // 15 Markdown files and the images and comments beside them
  entries.push_back(ArchiveEntry::file("sources/feed.atom", feed));
  entries.push_back(ArchiveEntry::file("sources/sample-blog.warc.gz", warc));
  for (auto& e : list_folder(mirror, "sources/mirror/")) entries.push_back(std::move(e));
  entries.push_back(ArchiveEntry::file("staging.db", (dir / "staging.db").string()));

  for (const auto format : {ArchiveFormat::kTarGz, ArchiveFormat::kTarZst, ArchiveFormat::kZip}) {
    const std::string name = std::string("sample-blog.") + archive_kind(format);
    const auto one = write_archive((dir / "one" / name).string(), format, entries, kEpoch);
    const auto two = write_archive((dir / "two" / name).string(), format, entries, kEpoch);
    EXPECT_EQ(one.entries, static_cast<int64_t>(entries.size()));
    EXPECT_EQ(one.root, "sample-blog");
    EXPECT_EQ(one.sha256, two.sha256) << name;
    EXPECT_EQ(read_file(one.path), read_file(two.path)) << name;
    const auto r = verify_archive(one.path, {one.sha256, one.entries});
    EXPECT_TRUE(r.ok) << name << ": " << r.message;
    EXPECT_EQ(r.entries_checked, one.entries) << name;
  }

  BagInfo info;
  info.source_organization = "Sample Blog";
  info.external_identifier = "sample-blog";
  const auto bag = write_bag((dir / "bag-one").string(), entries, info, kEpoch);
  write_bag((dir / "bag-two").string(), entries, info, kEpoch);
  EXPECT_EQ(bag.payload_files, static_cast<int64_t>(entries.size()));
  EXPECT_EQ(tree(dir / "bag-one"), tree(dir / "bag-two"));
  const auto r = verify_bag(bag.path);
  EXPECT_TRUE(r.ok) << r.message;
  EXPECT_EQ(r.entries_checked, bag.payload_files);

  // GNU tar and sha256sum agree on the real tree too (the tools tests require them; here they are a bonus).
  if (const std::string tar = find_tool("tar"); !tar.empty() && !find_tool("sha256sum").empty()) {
    fs::create_directories(dir / "x");
    const auto x = shell(tar + " -xf " + shell_quote((dir / "one/sample-blog.tar.gz").string()) + " -C " +
                         shell_quote((dir / "x").string()) + " && cd " + shell_quote((dir / "x/sample-blog").string()) +
                         " && sha256sum -c --quiet --strict MANIFEST.sha256");
    EXPECT_EQ(x.exit_code, 0) << x.output;
  }
}
