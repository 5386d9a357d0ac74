// An implementation not written here reads our WARC file the way we do:
// warcio.js (Webrecorder, from the npm registry; scripts/install-deps.sh puts
// it in .tools/node). Its reader must find the same records at the same
// offsets, with the same types, URIs, ids and dates, and block and payload
// digests that match what it read; its CDXJ indexer must print exactly our
// index. Skips when node or warcio.js is missing, fails under
// BLOGSHIFT_REQUIRE_TOOLS=1.
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>

#include "external_tool.h"
#include "run_command.h"
#include "sources_warc_writer.h"
#include "temp_file.h"
#include "test_paths.h"
#include "warc_test_support.h"
#include "warc_verifier.h"

using namespace blogshift;
using namespace blogshift::testing;

namespace {

// stdout of a shell command; fails the test when it exits non-zero.
std::string capture(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen((command + " 2>&1").c_str(), "r"), &::pclose);
  std::string out;
  char buffer[4096];
  size_t got;
  while ((got = std::fread(buffer, 1, sizeof buffer, pipe.get())) > 0) out.append(buffer, got);
  const int status = ::pclose(pipe.release());
  EXPECT_EQ(status, 0) << command << "\n" << out;
  return out;
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    const size_t end = text.find(separator, start);
    out.push_back(text.substr(start, end - start));
    if (end == std::string::npos) return out;
    start = end + 1;
  }
}

std::string sorted_lines(const std::string& text) {
  std::vector<std::string> lines = split(text, '\n');
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

struct WarcioTools {
  std::string node;
  std::string dir = BLOGSHIFT_NODE_TOOLS_DIR;
  std::string check(const std::string& warc) const {
    return capture(shell_quote(node) + " " + shell_quote(BLOGSHIFT_WARCIO_CHECK_SCRIPT) + " " + shell_quote(dir) + " " +
                   shell_quote(warc));
  }
  std::string cdx_index(const std::string& warc) const {
    return capture(shell_quote(node) + " " + shell_quote(dir + "/node_modules/warcio/dist/cli.js") + " cdx-index " +
                   shell_quote(warc));
  }
};

// warcio's view of every record equals ours, and every digest matches.
void expect_agreement(const WarcioTools& tools, const std::string& warc, const std::string& cdxj) {
  const std::vector<WarcRecord> ours = read_records(warc);
  std::vector<std::string> lines = split(tools.check(warc), '\n');
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  ASSERT_EQ(lines.size(), ours.size());
  for (size_t i = 0; i < ours.size(); ++i) {
    const std::vector<std::string> f = split(lines[i], '\t');
    ASSERT_EQ(f.size(), 10u) << lines[i];
    const WarcRecord& r = ours[i];
    SCOPED_TRACE(r.target_uri + "@" + std::to_string(r.offset));
    EXPECT_EQ(f[0], std::to_string(r.offset));
    EXPECT_EQ(f[2], r.type);
    EXPECT_EQ(f[3], r.target_uri);
    EXPECT_EQ(f[4], *r.header("WARC-Record-ID"));
    EXPECT_EQ(f[5], *r.header("WARC-Date"));
    EXPECT_EQ(f[6], std::to_string(r.block.size()));
    EXPECT_EQ(f[7], "match");  // block digest
    EXPECT_EQ(f[8], r.type == "warcinfo" || r.type == "revisit" ? "skipped" : "match");  // payload digest
  }
  // warcio's indexer prints the records in file order; pywb wants them sorted.
  EXPECT_EQ(sorted_lines(tools.cdx_index(warc)), read_file(cdxj));
}

}  // namespace

TEST(WarcioAgreement, SampleBlogWarc) {
  BLOGSHIFT_REQUIRE_TOOL(node, "node");
  BLOGSHIFT_REQUIRE_TOOL(warcio, std::string(BLOGSHIFT_NODE_TOOLS_DIR) + "/node_modules/.bin/warcio");
  WarcioTools tools{node};
  StagedSources staged("warcio-sample");
  staged.extract_sample_blog();
  staged.write();
  expect_agreement(tools, staged.warc(), staged.cdxj());
}

TEST(WarcioAgreement, SampleBlogWarcWithSha256Digests) {
  BLOGSHIFT_REQUIRE_TOOL(node, "node");
  BLOGSHIFT_REQUIRE_TOOL(warcio, std::string(BLOGSHIFT_NODE_TOOLS_DIR) + "/node_modules/.bin/warcio");
  WarcioTools tools{node};
  StagedSources staged("warcio-sample-sha256");
  staged.extract_sample_blog();
  WarcOptions options;
  options.digest = WarcDigestAlgorithm::Sha256;
  staged.write(options);
  expect_agreement(tools, staged.warc(), staged.cdxj());
}

// And the other way round: warcio's reader refuses what our verifier refuses.
TEST(WarcioAgreement, BothSeeADamagedPayload) {
  BLOGSHIFT_REQUIRE_TOOL(node, "node");
  BLOGSHIFT_REQUIRE_TOOL(warcio, std::string(BLOGSHIFT_NODE_TOOLS_DIR) + "/node_modules/.bin/warcio");
  WarcioTools tools{node};
  StagedSources staged("warcio-damaged");
  staged.extract_sample_blog();
  staged.write();
  int64_t offset = -1;
  for (const auto& r : read_records(staged.warc()))
    if (r.type == "response" && offset < 0) offset = r.offset;
  edit_member(staged.warc(), offset, [](std::string& bytes) { bytes[bytes.size() - 10] ^= 0x01; });
  const std::string view = tools.check(staged.warc());
  EXPECT_NE(view.find("\t" + std::string("mismatch") + "\t"), std::string::npos) << view;
  EXPECT_FALSE(verify_warc(staged.warc(), staged.cdxj()).ok);
}
