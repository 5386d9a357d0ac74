// A blog to a built site, as the README tells a user: `blogshift init
// --site G DIR`, `blogshift run SOURCES --layout G --out DIR`, then the
// generator itself (Hugo, Jekyll, Astro) builds DIR. The build must succeed
// with no warning, every live document and every listing page must come out
// as a page at its route, the feed as the file load wrote, and nothing of
// blogshift's own (redirects, archives, report, staging database) in the
// site. Then nginx, Apache httpd (.htaccess and RewriteMap) and Caddy serve
// the built site with the generated maps: every old URL answers one 301 and
// its target a 200. On the sample blog and, when ../shared/corpus is there,
// on its exports.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "external_tool.h"
#include "run_command.h"
#include "server_configs.h"
#include "site_build_support.h"
#include "staged_blog.h"
#include "staging_store.h"
#include "test_paths.h"

namespace blogshift {
namespace {

namespace fs = std::filesystem;
using testing::output_of;
using testing::page_file;
using testing::read_all;
using testing::shell_quote;
using testing::warnings_in;

struct Case {
  std::string generator;
  testing::Blog blog;
};
void PrintTo(const Case& c, std::ostream* os) { *os << c.generator << " " << c.blog.name; }

class SiteBuild : public ::testing::TestWithParam<Case> {};

TEST_P(SiteBuild, EveryDocumentIsAPageAndEveryOldUrlLandsOnOneInOneHop) {
  const Case c = GetParam();
  if (c.blog.corpus) BLOGSHIFT_REQUIRE_CORPUS();
  BLOGSHIFT_REQUIRE_GENERATOR(generator_tool, c.generator);
  BLOGSHIFT_REQUIRE_TOOL(nginx, "nginx");
  BLOGSHIFT_REQUIRE_TOOL(apache, "apache2");
  BLOGSHIFT_REQUIRE_TOOL(caddy, "caddy");

  const fs::path work = testing::temp_dir("site-" + c.generator + "-" + c.blog.name);
  // 1. The skeleton, the migration into it, and 2. the generator's own build.
  std::string sources;
  testing::blog_sources(c.blog, work, sources);
  if (HasFatalFailure()) return;
  testing::SiteBuildResult result;
  testing::build_site(c.generator, generator_tool, sources, work, c.blog.corpus, result);
  if (HasFatalFailure()) return;
  const fs::path& site = result.site;
  const fs::path& built = result.built;
  ASSERT_EQ(result.status, 0) << result.command << "\n" << result.output;
  const auto warnings = warnings_in(result.output);
  EXPECT_TRUE(warnings.empty()) << c.generator << " warned:\n" << warnings.front() << "\n\n" << result.output;

  // 3. Every live document, listing page and the feed, at its route.
  StagingStore store((site / ".blogshift" / "staging.db").string());
  Database& db = store.db();
  int64_t pages = 0, missing = 0;
  auto check = [&](const std::string& route, const std::string& what) {
    ++pages;
    const fs::path file = page_file(built, route);
    if (fs::is_regular_file(file) && fs::file_size(file) > 0) return;
    if (++missing <= 20) ADD_FAILURE() << what << " " << route << ": no " << file;
  };
  auto documents = db.prepare(
      "SELECT d.route, d.kind FROM documents d JOIN items i ON i.id = d.item_id WHERE i.status = 'LIVE' ORDER BY 1");
  while (documents.step()) check(documents.column_text(0), documents.column_text(1));
  auto listings = db.prepare("SELECT route, kind FROM site_listings ORDER BY 1");
  while (listings.step()) check(listings.column_text(0), listings.column_text(1) + " listing");
  EXPECT_GT(pages, 1);
  EXPECT_EQ(missing, 0) << missing << " of " << pages << " pages not built";
  auto feed = db.prepare("SELECT path FROM written_files WHERE role = 'feed'");
  ASSERT_TRUE(feed.step()) << "load wrote no feed";
  auto route = db.prepare("SELECT value FROM site_settings WHERE key = 'feed_route'");
  ASSERT_TRUE(route.step());
  EXPECT_EQ(read_all(built / route.column_text(0).substr(1)), read_all(site / feed.column_text(0)))
      << "the feed is served as load wrote it";
  for (const char* ours : {"redirects", "archives", "report.html", "report.json", ".blogshift", "node_modules"})
    EXPECT_FALSE(fs::exists(built / ours)) << ours << " is not part of the site";

  // 4. Every old URL behind each server: one 301, then a page (200).
  const auto urls = testing::old_urls(db);
  ASSERT_FALSE(urls.empty());
  const fs::path maps = site / "redirects";
  testing::write_file(built / ".htaccess", read_all(maps / ".htaccess") + testing::site_htaccess_rules());
  testing::check_old_urls("nginx", testing::nginx_server(nginx, built), work, maps, urls, true);
  testing::check_old_urls("apache-htaccess", testing::apache_server(apache, true, built), work, maps, urls, true);
  // The RewriteMap snippet names the map where it will be installed: point it here.
  const std::string snippet = read_all(maps / "apache-redirects-server.conf");
  const std::regex map_line("txt:[^\"]*apache-redirects\\.txt");
  testing::write_file(maps / "apache-redirects-server.conf",
                      std::regex_replace(snippet, map_line, "txt:" + (maps / "apache-redirects.txt").string()));
  testing::check_old_urls("apache-map", testing::apache_server(apache, false, built), work, maps, urls, true);
  testing::check_old_urls("caddy", testing::caddy_server(caddy, built), work, maps, urls, true);
  if (!HasFailure()) fs::remove_all(work);
}

std::vector<Case> cases() {
  std::vector<Case> out;
  for (const char* generator : {"hugo", "jekyll", "astro"})
    for (const testing::Blog& blog : testing::site_blogs()) out.push_back({generator, blog});
  return out;
}

INSTANTIATE_TEST_SUITE_P(Generators, SiteBuild, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<Case>& param) {
                           return param.param.generator + "_" + param.param.blog.name;
                         });

}  // namespace
}  // namespace blogshift
