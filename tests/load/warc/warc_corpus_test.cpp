// Every WARC file of ../shared/corpus/warc-samples (webrecorder's warcio and
// pywb test data, four of them deliberately broken) staged into one
// database and written as one WARC file: every record read whole is copied
// with its block byte for byte, or accounted for by a problem; the file
// verifies; warcio.js agrees with it. Skips when the corpus is absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "external_tool.h"
#include "run_command.h"
#include "sources_warc_writer.h"
#include "temp_file.h"
#include "test_paths.h"
#include "warc_test_support.h"
#include "warc_verifier.h"

using namespace blogshift;
using namespace blogshift::testing;

namespace fs = std::filesystem;

namespace {

std::vector<std::string> sample_files() {
  std::vector<std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(corpus("warc-samples")))
    if (entry.is_regular_file() && entry.path().filename().string().find(".warc") != std::string::npos)
      out.push_back(fs::absolute(entry.path()).lexically_normal().string());
  std::sort(out.begin(), out.end());  // the writer's order: by path
  return out;
}

struct SourceCounts {
  int64_t whole = 0, damaged = 0;
};

}  // namespace

TEST(WarcCorpus, EveryRecordIsCopiedOrAccountedFor) {
  BLOGSHIFT_REQUIRE_CORPUS();
  const std::vector<std::string> files = sample_files();
  ASSERT_EQ(files.size(), 22u);
  StagedSources staged("warc-corpus");
  for (const auto& file : files) staged.extract(file);

  // What extract's reader sees in each file; the first copy of each record id.
  SourceCounts total;
  std::map<std::string, std::string> first_block;
  for (const auto& file : files) {
    WarcRecordReader reader(file);
    WarcRead read;
    while (reader.next(read)) {
      if (read.damage) ++total.damaged;
      if (!read.record) continue;
      ++total.whole;
      if (const std::string* id = read.record->header("WARC-Record-ID")) first_block.emplace(*id, read.record->block);
    }
  }

  const WarcReport report = staged.write();
  EXPECT_EQ(report.sources_written, 22);
  const std::vector<WarcRecord> ours = read_records(staged.warc());
  const int64_t copied = static_cast<int64_t>(ours.size()) - 1;  // all but our warcinfo
  const int64_t duplicates = std::stoll(staged.one("SELECT COUNT(*) FROM problems WHERE code = 'WARC_SOURCE_DUPLICATE_RECORD'"));
  const int64_t lost = std::stoll(staged.one("SELECT COUNT(*) FROM problems WHERE code = 'WARC_SOURCE_RECORD_LOST'"));
  EXPECT_EQ(copied + duplicates + lost, total.whole + total.damaged);
  EXPECT_GT(duplicates, 0);  // example.warc and example.warc.gz hold the same records
  // Records whose source digests are wrong are copied, with a warning.
  for (const char* name : {"example-digest.warc", "example-trunc.warc", "example-wrong-chunks.warc.gz"})
    EXPECT_EQ(staged.one("SELECT COUNT(*) > 0 FROM problems WHERE code = 'WARC_SOURCE_DIGEST_MISMATCH' AND file LIKE '%/" +
                         std::string(name) + "'"), "1") << name;

  for (size_t i = 1; i < ours.size(); ++i) {
    const std::string& id = *ours[i].header("WARC-Record-ID");
    ASSERT_TRUE(first_block.count(id)) << id;
    EXPECT_EQ(ours[i].block, first_block[id]) << id;
  }

  const VerifyResult verified = verify_warc(staged.warc(), staged.cdxj());
  EXPECT_TRUE(verified.ok) << verified.first_bad_entry << ": " << verified.message;
  EXPECT_EQ(verified.entries_checked, report.records);

  const std::string bytes = read_file(staged.warc());
  staged.write();
  EXPECT_EQ(read_file(staged.warc()), bytes);
}

TEST(WarcCorpus, WarcioAgrees) {
  BLOGSHIFT_REQUIRE_CORPUS();
  BLOGSHIFT_REQUIRE_TOOL(node, "node");
  BLOGSHIFT_REQUIRE_TOOL(warcio, std::string(BLOGSHIFT_NODE_TOOLS_DIR) + "/node_modules/.bin/warcio");
  StagedSources staged("warc-corpus-warcio");
  for (const auto& file : sample_files()) staged.extract(file);
  staged.write();

  const std::string out_path = (staged.dir / "warcio.out").string();
  const std::string command = shell_quote(node) + " " + shell_quote(BLOGSHIFT_WARCIO_CHECK_SCRIPT) + " " +
                              shell_quote(BLOGSHIFT_NODE_TOOLS_DIR) + " " + shell_quote(staged.warc()) + " > " +
                              shell_quote(out_path);
  ASSERT_EQ(std::system(command.c_str()), 0);
  const std::vector<WarcRecord> ours = read_records(staged.warc());
  std::istringstream view(read_file(out_path));
  std::string line;
  size_t i = 0;
  while (std::getline(view, line)) {
    ASSERT_LT(i, ours.size());
    std::vector<std::string> f;
    std::istringstream fields(line);
    for (std::string field; std::getline(fields, field, '\t');) f.push_back(field);
    f.resize(10);
    SCOPED_TRACE(line);
    EXPECT_EQ(f[0], std::to_string(ours[i].offset));
    EXPECT_EQ(f[2], ours[i].type);
    EXPECT_EQ(f[4], *ours[i].header("WARC-Record-ID"));
    EXPECT_EQ(f[7], "match");
    // A payload digest wherever we wrote one (not where the HTTP head never
    // ends, as in pywb's requests, whose Content-Length stops short of it).
    if (ours[i].header("WARC-Payload-Digest") && f[2] != "revisit") EXPECT_EQ(f[8], "match");
    else EXPECT_TRUE(f[8] == "absent" || f[8] == "skipped") << f[8];
    ++i;
  }
  EXPECT_EQ(i, ours.size());

  // warcio's CDXJ indexer prints our index, but for POST captures, which it
  // keys by their request body (pywb's way to replay them) and we do not.
  const std::string index_path = (staged.dir / "warcio.cdxj").string();
  ASSERT_EQ(std::system((shell_quote(node) + " " + shell_quote(std::string(BLOGSHIFT_NODE_TOOLS_DIR) + "/node_modules/warcio/dist/cli.js") +
                         " cdx-index " + shell_quote(staged.warc()) + " > " + shell_quote(index_path)).c_str()),
            0);
  std::set<std::string> post_offsets;
  std::vector<std::string> theirs, mine;
  std::istringstream warcio_index(read_file(index_path));
  while (std::getline(warcio_index, line)) {
    const size_t offset = line.find("\"offset\":\"");
    if (line.find("\"method\":\"POST\"") != std::string::npos) post_offsets.insert(line.substr(offset, line.find(',', offset) - offset));
    else theirs.push_back(line);
  }
  std::istringstream our_index(read_file(staged.cdxj()));
  while (std::getline(our_index, line)) {
    const size_t offset = line.find("\"offset\":\"");
    if (!post_offsets.count(line.substr(offset, line.find(',', offset) - offset))) mine.push_back(line);
  }
  EXPECT_EQ(post_offsets.size(), 3u);  // post-test.warc.gz
  std::sort(theirs.begin(), theirs.end());
  EXPECT_EQ(theirs, mine);
}

// A classic export (gzipped as it came), a saved post page and a saved
// listing page: resource records with the file's bytes.
TEST(WarcCorpus, ExportsAndSavedPagesAreResourceRecords) {
  BLOGSHIFT_REQUIRE_CORPUS();
  StagedSources staged("warc-corpus-files");
  const std::string page = corpus("blogger-rendered-pages/www.hassanchef.com--2020-09-bhindi-masala-okra-stir-fry.html");
  const std::string listing = corpus("blogger-rendered-pages/unexpecteduser.blogspot.com--2011.html");
  const std::string exported = corpus("arborlodge-classic-export/blogger-export-2022-02.xml.gz");
  const std::string plain = corpus("pelican-fixture-classic-export/bloggerexport.xml");
  for (const auto& file : {page, listing, exported, plain}) staged.extract(file);
  const WarcReport report = staged.write();
  EXPECT_EQ(report.errors, 0);
  std::map<std::string, WarcRecord> by_path;
  for (auto& r : read_records(staged.warc()))
    if (const std::string* place = r.header("Blogshift-Source-Path")) by_path[*place] = r;
  ASSERT_EQ(by_path.size(), 4u);

  const WarcRecord& post = by_path[fs::path(page).filename().string()];
  EXPECT_EQ(post.target_uri, "https://www.hassanchef.com/2020/09/bhindi-masala-okra-stir-fry.html");
  EXPECT_EQ(*post.header("Content-Type"), "text/html");
  EXPECT_EQ(post.block, read_file(page));
  // A listing page stands for its own address, not for the post it shows.
  EXPECT_EQ(by_path[fs::path(listing).filename().string()].target_uri, "http://unexpecteduser.blogspot.com/2011/");

  const WarcRecord& gz = by_path["blogger-export-2022-02.xml.gz"];
  EXPECT_EQ(gz.target_uri, "urn:blogshift:classic:blogger-export-2022-02.xml.gz");
  EXPECT_EQ(*gz.header("Content-Type"), "application/gzip");  // the file's bytes, as it came
  EXPECT_EQ(gz.block, read_file(exported));
  EXPECT_EQ(*by_path["bloggerexport.xml"].header("Content-Type"), "application/atom+xml");

  const VerifyResult verified = verify_warc(staged.warc(), staged.cdxj());
  EXPECT_TRUE(verified.ok) << verified.first_bad_entry << ": " << verified.message;
}
