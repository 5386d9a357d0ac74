// The WARC file of the sample blog's original material: the crawl's records
// copied byte for byte, the mirror's files and the export as resource
// records, determinism, and sources that changed since they were staged.
#include "sources_warc_writer.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "digest.h"
#include "temp_file.h"
#include "test_paths.h"
#include "warc/warc_digest.h"
#include "warc_test_support.h"
#include "warc_verifier.h"

using namespace blogshift;
using namespace blogshift::testing;

namespace {

std::map<std::string, const WarcRecord*> by_id(const std::vector<WarcRecord>& records) {
  std::map<std::string, const WarcRecord*> out;
  for (const auto& r : records)
    if (const std::string* id = r.header("WARC-Record-ID")) out[*id] = &r;
  return out;
}

}  // namespace

TEST(SourcesWarc, CrawlRecordsAreCopiedByteForByte) {
  StagedSources staged("warc-sample-copy");
  staged.extract_sample_blog();
  const WarcReport report = staged.write();
  EXPECT_EQ(report.errors, 0);
  EXPECT_EQ(report.warnings, 0);
  EXPECT_EQ(report.sources_written, 3);

  const std::vector<WarcRecord> source = read_records(fixture("sample-blog/sample-blog.warc.gz"));
  const std::vector<WarcRecord> ours = read_records(staged.warc());
  const auto copies = by_id(ours);
  ASSERT_EQ(source.size(), 90u);
  int responses = 0;
  for (const WarcRecord& original : source) {
    const std::string& id = *original.header("WARC-Record-ID");
    SCOPED_TRACE(id);
    auto copy = copies.find(id);
    ASSERT_NE(copy, copies.end());
    const WarcRecord& c = *copy->second;
    EXPECT_EQ(c.version, "WARC/1.1");
    EXPECT_EQ(c.type, original.type);
    EXPECT_EQ(c.block, original.block);  // the HTTP message, byte for byte
    EXPECT_EQ(*c.header("WARC-Date"), *original.header("WARC-Date"));
    EXPECT_EQ(c.target_uri, original.target_uri);
    if (!original.target_uri.empty()) {
      EXPECT_EQ(*c.header("WARC-Target-URI"), original.target_uri);  // without wget's <>
    }
    for (const char* kept : {"WARC-Concurrent-To", "WARC-Warcinfo-ID", "WARC-IP-Address", "Content-Type"}) {
      if (original.header(kept)) {
        ASSERT_TRUE(c.header(kept)) << kept;
        EXPECT_EQ(*c.header(kept), *original.header(kept));
      }
    }
    // Digests: the source's were right, so the copy's are the same values.
    EXPECT_EQ(*c.header("WARC-Block-Digest"), *original.header("WARC-Block-Digest"));
    if (original.type == "response") {
      ++responses;
      EXPECT_EQ(*c.header("WARC-Payload-Digest"), *original.header("WARC-Payload-Digest"));
    }
  }
  EXPECT_EQ(responses, 43);
  // Source order is kept.
  std::vector<std::string> source_ids, our_ids;
  for (const auto& r : source) source_ids.push_back(*r.header("WARC-Record-ID"));
  for (const auto& r : ours)
    if (copies.count(*r.header("WARC-Record-ID")) && std::find(source_ids.begin(), source_ids.end(), *r.header("WARC-Record-ID")) != source_ids.end())
      our_ids.push_back(*r.header("WARC-Record-ID"));
  EXPECT_EQ(our_ids, source_ids);
}

TEST(SourcesWarc, WarcinfoFirstThenEachSourceAndTheReportCountsThem) {
  StagedSources staged("warc-sample-layout");
  staged.extract_sample_blog();
  const WarcReport report = staged.write();
  const std::vector<WarcRecord> records = read_records(staged.warc());
  ASSERT_FALSE(records.empty());

  const WarcRecord& info = records.front();
  EXPECT_EQ(info.type, "warcinfo");
  EXPECT_EQ(*info.header("WARC-Filename"), "sources.warc.gz");
  EXPECT_NE(info.block.find("format: WARC File Format 1.1\r\n"), std::string::npos);
  for (const std::string kind : {"takeout", "mirror", "warc"}) {
    const std::string sha = staged.one("SELECT sha256 FROM sources WHERE kind = '" + kind + "'");
    EXPECT_NE(info.block.find("source: kind=" + kind + "; sha256=" + sha), std::string::npos) << info.block;
  }
  // Dated by the newest record after it (the crawl), not by the clock.
  std::string newest;
  for (const auto& r : read_records(fixture("sample-blog/sample-blog.warc.gz"))) newest = std::max(newest, *r.header("WARC-Date"));
  EXPECT_EQ(*info.header("WARC-Date"), newest);

  std::map<std::string, int64_t> types;
  for (const auto& r : records) ++types[r.type];
  EXPECT_EQ(types, report.records_by_type);
  const int64_t mirror_files = std::stoll(staged.one("SELECT COUNT(DISTINCT u.file) FROM source_units u JOIN sources s ON s.id = u.source_id WHERE s.kind = 'mirror'"));
  EXPECT_EQ(types["warcinfo"], 2);                    // ours and the crawl's
  EXPECT_EQ(types["response"], 43);
  EXPECT_EQ(types["request"], 43);
  EXPECT_EQ(types["resource"], 2 + mirror_files + 1);  // wget's log and arguments, the mirror's files, the export
  EXPECT_EQ(report.records, static_cast<int64_t>(records.size()));
  EXPECT_EQ(report.bytes, static_cast<int64_t>(std::filesystem::file_size(staged.warc())));
  EXPECT_EQ(report.sha256, sha256_file(staged.warc()));
  EXPECT_EQ(report.cdxj_sha256, sha256_file(staged.cdxj()));
}

TEST(SourcesWarc, MirrorFilesAndTheExportAreResourceRecords) {
  StagedSources staged("warc-sample-resources");
  staged.extract_sample_blog();
  staged.write();
  const std::vector<WarcRecord> records = read_records(staged.warc());
  const std::string takeout_sha = staged.one("SELECT sha256 FROM sources WHERE kind = 'takeout'");
  const std::string feed = read_file(fixture("sample-blog/feed.atom"));
  int mirror = 0, exports = 0;
  for (const WarcRecord& r : records) {
    const std::string* place = r.header("Blogshift-Source-Path");
    if (!place) continue;
    EXPECT_EQ(r.type, "resource");
    EXPECT_EQ(*r.header("WARC-Warcinfo-ID"), *records.front().header("WARC-Record-ID"));
    if (place->rfind("mirror/", 0) == 0) {
      ++mirror;
      EXPECT_EQ(r.block, read_file(fixture("sample-blog/") + *place)) << *place;
      EXPECT_EQ(r.target_uri.rfind("http://", 0), 0u) << r.target_uri;
      if (*place == "mirror/kettleandcrumb.blogspot.com/index.html") {
        EXPECT_EQ(r.target_uri, "http://kettleandcrumb.blogspot.com/");
        EXPECT_EQ(*r.header("Content-Type"), "text/html");
      }
      // Dated by the newest post the mirror showed.
      EXPECT_EQ(*r.header("WARC-Date"), "2023-05-20T22:05:33Z");
    } else {
      ++exports;
      EXPECT_EQ(*place, "feed.atom");
      EXPECT_EQ(r.target_uri, "urn:blogshift:takeout:feed.atom");
      EXPECT_EQ(*r.header("Content-Type"), "application/atom+xml");
      EXPECT_EQ(r.block, feed);
      // The newest `updated` of its entries (a scheduled post's later publish date does not count).
      EXPECT_EQ(*r.header("WARC-Date"), "2023-11-04T15:00:00Z");
      EXPECT_EQ(*r.header("WARC-Payload-Digest"), "sha1:" + base32(sha1_raw(feed)));
    }
  }
  EXPECT_EQ(exports, 1);
  EXPECT_EQ(std::to_string(mirror), staged.one("SELECT COUNT(DISTINCT u.file) FROM source_units u JOIN sources s ON s.id = u.source_id WHERE s.kind = 'mirror'"));
  (void)takeout_sha;
}

TEST(SourcesWarc, TwoRunsGiveIdenticalBytes) {
  StagedSources staged("warc-sample-twice");
  staged.extract_sample_blog();
  staged.write();
  const std::string warc = read_file(staged.warc()), cdxj = read_file(staged.cdxj());
  staged.write();
  EXPECT_EQ(read_file(staged.warc()), warc);
  EXPECT_EQ(read_file(staged.cdxj()), cdxj);

  // A second database staged from the same sources gives the same bytes too.
  StagedSources again("warc-sample-twice-b");
  again.extract_sample_blog();
  again.write();
  EXPECT_EQ(read_file(again.warc()), warc);
  EXPECT_EQ(read_file(again.cdxj()), cdxj);

  // No temporary or scratch file is left beside the outputs.
  std::set<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(staged.warc()).parent_path()))
    names.insert(entry.path().filename().string());
  EXPECT_EQ(names, (std::set<std::string>{"sources.cdxj", "sources.warc.gz"}));
}

TEST(SourcesWarc, Sha256DigestsOnRequest) {
  StagedSources staged("warc-sample-sha256");
  staged.extract_sample_blog();
  WarcOptions options;
  options.digest = WarcDigestAlgorithm::Sha256;
  options.date_epoch = 1700000000;
  staged.write(options);
  const std::vector<WarcRecord> records = read_records(staged.warc());
  EXPECT_EQ(*records.front().header("WARC-Date"), "2023-11-14T22:13:20Z");  // SOURCE_DATE_EPOCH
  for (const auto& r : records) {
    EXPECT_EQ(r.header("WARC-Block-Digest")->rfind("sha256:", 0), 0u);
    EXPECT_EQ(check_warc_digest(*r.header("WARC-Block-Digest"), r.block), DigestCheck::Match);
  }
  const VerifyResult verified = verify_warc(staged.warc(), staged.cdxj());
  EXPECT_TRUE(verified.ok) << verified.first_bad_entry << ": " << verified.message;
}

TEST(SourcesWarc, ASourceThatChangedIsLeftOutWithAProblem) {
  StagedSources staged("warc-sample-changed");
  const auto copy = staged.dir / "copy";
  std::filesystem::create_directories(copy);
  std::filesystem::copy(fixture("sample-blog/feed.atom"), copy / "feed.atom");
  std::filesystem::copy(fixture("sample-blog/sample-blog.warc.gz"), copy / "crawl.warc.gz");
  staged.extract((copy / "feed.atom").string());
  staged.extract((copy / "crawl.warc.gz").string());
  std::string feed = read_file(copy / "feed.atom");
  feed[feed.size() / 2] ^= 1;
  write_file(copy / "feed.atom", feed);

  const WarcReport report = staged.write();
  EXPECT_EQ(report.sources_written, 1);
  EXPECT_EQ(report.sources_skipped, 1);
  EXPECT_EQ(report.errors, 1);
  EXPECT_EQ(staged.one("SELECT code || ' ' || stage || ' ' || file FROM problems WHERE stage = 'load'"),
            "WARC_SOURCE_CHANGED load " + (copy / "feed.atom").string());
  const std::vector<WarcRecord> records = read_records(staged.warc());
  for (const auto& r : records) EXPECT_NE(r.target_uri, "urn:blogshift:takeout:feed.atom");
  EXPECT_NE(records.front().block.find("left-out-source: kind=takeout"), std::string::npos);

  // A source that is gone: the same.
  std::filesystem::remove(copy / "crawl.warc.gz");
  const WarcReport gone = staged.write();
  EXPECT_EQ(gone.sources_written, 0);
  EXPECT_EQ(staged.one("SELECT COUNT(*) FROM problems WHERE code = 'WARC_SOURCE_UNREADABLE'"), "1");
  EXPECT_TRUE(verify_warc(staged.warc(), staged.cdxj()).ok);  // a warcinfo record alone
}

TEST(SourcesWarc, VerifyPassesOnTheSampleBlog) {
  StagedSources staged("warc-sample-verify");
  staged.extract_sample_blog();
  const WarcReport report = staged.write();
  const VerifyResult result = verify_warc(staged.warc(), staged.cdxj());
  EXPECT_TRUE(result.ok) << result.first_bad_entry << ": " << result.message;
  EXPECT_EQ(result.entries_checked, report.records);
  EXPECT_EQ(result.output, staged.warc());
}
