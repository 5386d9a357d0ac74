// Every WARC in ../shared/corpus/warc-samples (warcio and pywb), end to end.
// Skips when the corpus is absent. Counts: ../shared/corpus/warc-samples/SOURCE.md.
#include <gtest/gtest.h>

#include <filesystem>

#include "test_paths.h"
#include "warc/warc_reader.h"
#include "warc_sample_counts.h"

namespace blogshift {
namespace {

TEST(WarcCorpusTest, EverySampleGivesOneUnitPerRecordAndTheExpectedProblems) {
  BLOGSHIFT_REQUIRE_CORPUS();
  std::set<std::string> listed;
  for (const auto& sample : testing::warc_samples()) listed.insert(sample.file);
  int read = 0;
  for (const char* folder : {"warcio", "pywb"}) {
    const auto dir = std::filesystem::path(testing::corpus("warc-samples")) / folder;
    ASSERT_TRUE(std::filesystem::is_directory(dir)) << dir;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      const std::string relative = std::string(folder) + "/" + entry.path().filename().string();
      EXPECT_TRUE(listed.count(relative)) << relative << " is not in the table of warc_sample_counts.h";
    }
  }
  for (const auto& sample : testing::warc_samples()) {
    testing::CollectingSink sink;
    ASSERT_NO_THROW(read_warc(testing::corpus("warc-samples/" + sample.file), sink)) << sample.file;
    testing::expect_sample(sample, sink);
    ++read;
  }
  EXPECT_EQ(read, 22);
}

TEST(WarcCorpusTest, IanaCrawlStagesEveryOkResponse) {
  BLOGSHIFT_REQUIRE_CORPUS();
  testing::CollectingSink sink;
  read_warc(testing::corpus("warc-samples/pywb/iana.warc.gz"), sink);
  // 48 responses: those not staged are skipped with their HTTP status.
  const auto by = testing::outcomes_by_offset(sink);
  size_t staged = 0;
  for (const auto& [offset, kinds] : by) staged += kinds.count("staged");
  EXPECT_EQ(staged + testing::count_skips_with(sink, "HTTP "), 48u);
  EXPECT_GE(staged, 20u) << "SOURCE.md: 20 HTML responses";
  bool css = false;
  for (const auto& a : sink.assets) css = css || a.content_type.find("text/css") != std::string::npos;
  EXPECT_TRUE(css);
}

}  // namespace
}  // namespace blogshift
