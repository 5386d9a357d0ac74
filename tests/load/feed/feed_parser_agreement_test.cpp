// A feed parser not written here reads the new site's feed as we mean it:
// @rowanmanning/feed-parser (npm; scripts/install-deps.sh puts it in
// .tools/node) must take both formats for the feed they are, and find every
// live post under the id its entry had in Blogger's feed, at its new link,
// with its title and date. Skips when node or the parser is missing, fails
// under BLOGSHIFT_REQUIRE_TOOLS=1.
#include <gtest/gtest.h>

#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <memory>

#include "external_tool.h"
#include "feed_test_support.h"
#include "run_command.h"

namespace blogshift {
namespace {

using testing::FeedSite;

std::string capture(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen((command + " 2>&1").c_str(), "r"), &::pclose);
  std::string out;
  char buffer[4096];
  size_t got;
  while ((got = std::fread(buffer, 1, sizeof buffer, pipe.get())) > 0) out.append(buffer, got);
  EXPECT_EQ(::pclose(pipe.release()), 0) << command << "\n" << out;
  return out;
}

class FeedParserAgreement : public ::testing::TestWithParam<const char*> {};

TEST_P(FeedParserAgreement, ReadsEveryEntryUnderItsBloggerId) {
  BLOGSHIFT_REQUIRE_TOOL(node, "node");
  const std::string tools = BLOGSHIFT_NODE_TOOLS_DIR;
  if (!std::filesystem::exists(tools + "/node_modules/@rowanmanning/feed-parser/package.json")) {
    if (::blogshift::testing::tools_required()) FAIL() << "@rowanmanning/feed-parser missing (run scripts/install-deps.sh)";
    GTEST_SKIP() << "@rowanmanning/feed-parser not installed (scripts/install-deps.sh installs it)";
  }
  const std::string route = GetParam();
  FeedSite site("feed-parser", "astro", route);
  const LoadReport report = site.load();
  const std::string out = capture(::blogshift::testing::shell_quote(node) + " " +
                                  ::blogshift::testing::shell_quote(BLOGSHIFT_FEED_CHECK_SCRIPT) + " " +
                                  ::blogshift::testing::shell_quote(tools) + " " +
                                  ::blogshift::testing::shell_quote((site.out() / report.feed.path).string()));
  const YAML::Node parsed = YAML::Load(out);  // JSON is YAML
  EXPECT_EQ(parsed["type"].as<std::string>(), report.feed.format);
  EXPECT_EQ(parsed["title"].as<std::string>(), "Kettle & Crumb");
  std::vector<std::string> ids, urls, titles, published;
  for (const auto& item : parsed["items"]) {
    ids.push_back(item["id"].as<std::string>());
    urls.push_back(item["url"].as<std::string>());
    titles.push_back(item["title"].as<std::string>());
    published.push_back(item["published"].as<std::string>());
  }
  EXPECT_EQ(ids, testing::sample_live_post_ids());
  std::vector<std::string> want_urls, want_titles, want_published;
  auto q = site.db().prepare(
      "SELECT 'https://new.example.org' || d.route, i.title, substr(i.published_utc, 1, 19)"
      " FROM documents d JOIN items i ON i.id = d.item_id"
      " WHERE d.kind = 'post' AND i.status = 'LIVE' ORDER BY i.published_utc DESC");
  while (q.step()) {
    want_urls.push_back(q.column_text(0));
    want_titles.push_back(q.column_text(1));
    want_published.push_back(q.column_text(2));
  }
  EXPECT_EQ(urls, want_urls);
  EXPECT_EQ(titles, want_titles);
  ASSERT_EQ(published.size(), want_published.size());
  for (size_t i = 0; i < published.size(); ++i) EXPECT_EQ(published[i].substr(0, 19), want_published[i]) << i;
}

INSTANTIATE_TEST_SUITE_P(Formats, FeedParserAgreement, ::testing::Values("/rss.xml", "/atom.xml"),
                         [](const auto& p) { return std::string(p.index == 0 ? "rss" : "atom"); });

}  // namespace
}  // namespace blogshift
