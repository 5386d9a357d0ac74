// The ledger that keeps a person's edits: new files are written, unchanged
// ones left alone, edited ones kept (unless --overwrite), files no longer
// produced removed unless edited, and nothing written outside the folder.
#include "written_files.h"

#include <gtest/gtest.h>

#include "errors.h"
#include "staging_store.h"
#include "temp_file.h"
#include "test_paths.h"

namespace blogshift {
namespace {

using testing::read_file;
using testing::write_file;

class WrittenFilesTest : public ::testing::Test {
protected:
  std::filesystem::path dir = testing::temp_dir("written-files");
  StagingStore store{(dir / "staging.db").string()};
  std::string out = (dir / "out").string();

  WrittenFilesReport run(const std::map<std::string, std::string>& files, bool overwrite = false) {
    WrittenFiles ledger(store.db(), out, overwrite);
    for (const auto& [path, bytes] : files) ledger.write(path, bytes, "document");
    return ledger.finish({"document"});
  }
};

TEST_F(WrittenFilesTest, NewFilesAreWrittenAndASecondRunChangesNothing) {
  auto first = run({{"content/a/index.md", "A\n"}, {"content/b/index.md", "B\n"}});
  EXPECT_EQ(first.written, 2);
  EXPECT_EQ(read_file(out + "/content/a/index.md"), "A\n");
  auto second = run({{"content/a/index.md", "A\n"}, {"content/b/index.md", "B\n"}});
  EXPECT_EQ(second.written, 0);
  EXPECT_EQ(second.unchanged, 2);
  EXPECT_TRUE(second.kept.empty());
}

TEST_F(WrittenFilesTest, AFileTheLastRunWroteIsReplacedWhenTheSourceChanged) {
  run({{"content/a/index.md", "A\n"}});
  auto second = run({{"content/a/index.md", "A, revised\n"}});
  EXPECT_EQ(second.written, 1);
  EXPECT_EQ(read_file(out + "/content/a/index.md"), "A, revised\n");
}

TEST_F(WrittenFilesTest, AnEditedFileIsKeptAndStaysKeptOnLaterRuns) {
  run({{"content/a/index.md", "A\n"}});
  write_file(out + "/content/a/index.md", "A with my fix\n");
  auto second = run({{"content/a/index.md", "A, revised\n"}});
  ASSERT_EQ(second.kept, std::vector<std::string>{"content/a/index.md"});
  EXPECT_EQ(read_file(out + "/content/a/index.md"), "A with my fix\n");
  auto third = run({{"content/a/index.md", "A, revised again\n"}});
  EXPECT_EQ(third.kept.size(), 1u);
  EXPECT_EQ(read_file(out + "/content/a/index.md"), "A with my fix\n");
}

TEST_F(WrittenFilesTest, OverwriteReplacesAnEditedFile) {
  run({{"content/a/index.md", "A\n"}});
  write_file(out + "/content/a/index.md", "A with my fix\n");
  auto second = run({{"content/a/index.md", "A\n"}}, /*overwrite=*/true);
  EXPECT_TRUE(second.kept.empty());
  EXPECT_EQ(read_file(out + "/content/a/index.md"), "A\n");
}

TEST_F(WrittenFilesTest, AFileThatWasNeverOursIsNotClobbered) {
  write_file(out + "/content/a/index.md", "written by hand before the first run\n");
  auto first = run({{"content/a/index.md", "A\n"}});
  EXPECT_EQ(first.kept, std::vector<std::string>{"content/a/index.md"});
  EXPECT_EQ(read_file(out + "/content/a/index.md"), "written by hand before the first run\n");
}

TEST_F(WrittenFilesTest, FilesNoLongerProducedAreRemovedWithTheirEmptyFolder) {
  run({{"content/a/index.md", "A\n"}, {"content/b/index.md", "B\n"}});
  auto second = run({{"content/a/index.md", "A\n"}});
  EXPECT_EQ(second.removed, 1);
  EXPECT_FALSE(std::filesystem::exists(out + "/content/b"));
  EXPECT_TRUE(std::filesystem::exists(out + "/content/a/index.md"));
}

TEST_F(WrittenFilesTest, AnEditedFileNoLongerProducedIsKept) {
  run({{"content/a/index.md", "A\n"}, {"content/b/index.md", "B\n"}});
  write_file(out + "/content/b/index.md", "B, mine now\n");
  auto second = run({{"content/a/index.md", "A\n"}});
  EXPECT_EQ(second.removed, 0);
  EXPECT_EQ(second.kept, std::vector<std::string>{"content/b/index.md"});
  EXPECT_EQ(read_file(out + "/content/b/index.md"), "B, mine now\n");
}

TEST_F(WrittenFilesTest, PathsLeavingTheOutputFolderAreRefused) {
  WrittenFiles ledger(store.db(), out, false);
  EXPECT_THROW(ledger.write("../escape.md", "x", "document"), FatalError);
  EXPECT_THROW(ledger.write("content/../../escape.md", "x", "document"), FatalError);
  EXPECT_THROW(ledger.write("/etc/escape.md", "x", "document"), FatalError);
  EXPECT_FALSE(std::filesystem::exists(dir / "escape.md"));
  // A name that merely contains two dots is fine.
  EXPECT_NO_THROW(ledger.write("content/a..b/index.md", "x", "document"));
}

}  // namespace
}  // namespace blogshift
