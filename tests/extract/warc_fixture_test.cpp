// The warcio sample files copied into fixtures/warc/ (always present):
// record counts from ../shared/corpus/warc-samples/SOURCE.md, and what the
// negative ones must produce.
#include <gtest/gtest.h>

#include <filesystem>

#include "test_paths.h"
#include "warc/warc_reader.h"
#include "warc_sample_counts.h"

namespace blogshift {
namespace {

using testing::CollectingSink;

CollectingSink read_fixture(const std::string& name) {
  CollectingSink sink;
  read_warc(testing::fixture("warc/" + name), sink);
  return sink;
}

TEST(WarcFixtureTest, EveryFixtureMatchesItsRecordCounts) {
  int checked = 0;
  for (const auto& sample : testing::warc_samples()) {
    const std::string name = std::filesystem::path(sample.file).filename().string();
    if (sample.file.rfind("warcio/", 0) != 0 || !std::filesystem::exists(testing::fixture("warc/" + name))) continue;
    testing::expect_sample(sample, read_fixture(name));
    ++checked;
  }
  EXPECT_EQ(checked, 7);
}

TEST(WarcFixtureTest, GzippedPerRecordResponseReachesIngest) {
  auto sink = read_fixture("example.warc.gz");
  // The one response: http://example.com/, a 1270-byte HTML page whose
  // Content-Encoding: gzip body was decoded. Staged as an item or an asset,
  // depending on what the scraper makes of a non-Blogger page.
  const auto by = testing::outcomes_by_offset(sink);
  ASSERT_TRUE(by.count(784));
  EXPECT_EQ(by.at(784), std::set<std::string>{"staged"});
  for (const auto& a : sink.assets) {
    EXPECT_EQ(a.url, "http://example.com/");
    EXPECT_EQ(a.bytes.size(), 1270u);
    EXPECT_NE(a.bytes.find("<title>Example Domain</title>"), std::string::npos);
  }
  EXPECT_NE(testing::count_skips_with(sink, "refers to http://example.com/"), 0u);
}

TEST(WarcFixtureTest, ChunkedBodyIsDechunked) {
  auto sink = read_fixture("example-iana.org-chunked.warc");
  for (const auto& a : sink.assets) {
    EXPECT_EQ(a.bytes.find("\r\n0\r\n"), std::string::npos);
    EXPECT_NE(a.bytes.find("</html>"), std::string::npos);
  }
  EXPECT_EQ(testing::count_units(sink), 3u);
}

TEST(WarcFixtureTest, WgetAngleBracketsAreStripped) {
  auto sink = read_fixture("example-wget-bad-target-uri.warc.gz");
  for (const auto& a : sink.assets) EXPECT_EQ(a.url, "http://example.com/");
  for (const auto& s : sink.skips) EXPECT_EQ(s.what.find('<'), std::string::npos) << s.what;
}

TEST(WarcFixtureTest, TruncFileKeepsWhatIsWholeAndNamesTheDamage) {
  auto sink = read_fixture("example-trunc.warc");
  const ProblemRecord* p = testing::find_problem(sink, "WARC_HTTP_MALFORMED");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->severity, Severity::Error);
  EXPECT_EQ(p->position.offset, 1197);
  EXPECT_EQ(p->position.file, testing::fixture("warc/example-trunc.warc"));
  EXPECT_EQ(testing::count_skips_of(sink, "request"), 1u) << "the request after the damage is still read";
}

TEST(WarcFixtureTest, WholeFileGzipIsReadWithAWarning) {
  auto sink = read_fixture("example-bad-non-chunked.warc.gz");
  const ProblemRecord* p = testing::find_problem(sink, "WARC_GZIP_MISALIGNED");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->severity, Severity::Warning);
  EXPECT_EQ(testing::count_units(sink), 6u);
}

// fixtures/sample-blog/sample-blog.warc.gz (made by real wget; its README
// gives the counts): 90 records, 42 of them 200 responses with the mirror's
// files as payloads.
TEST(WarcFixtureTest, SampleBlogWarcFromWget) {
  const std::string path = testing::fixture("sample-blog/sample-blog.warc.gz");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no " << path;
  CollectingSink sink;
  read_warc(path, sink);
  EXPECT_EQ(testing::count_units(sink), 90u);
  EXPECT_EQ(testing::count_skips_of(sink, "warcinfo"), 1u);
  EXPECT_EQ(testing::count_skips_of(sink, "request"), 43u);
  EXPECT_EQ(testing::count_skips_of(sink, "metadata"), 1u);
  EXPECT_EQ(testing::count_skips_with(sink, "HTTP 301"), 1u);
  EXPECT_EQ(testing::count_skips_with(sink, "crawler metadata"), 2u) << "wget_arguments.txt and wget.log";
  EXPECT_TRUE(testing::warc_codes(sink).empty());
  size_t staged = 0;
  for (const auto& [offset, kinds] : testing::outcomes_by_offset(sink)) staged += kinds.count("staged");
  EXPECT_EQ(staged, 42u);
  for (const auto& a : sink.assets) EXPECT_EQ(a.url.find('<'), std::string::npos) << a.url;
}

}  // namespace
}  // namespace blogshift
