// The listing pages (transform/listings/, load/listings/): one page per tag,
// archive period and author of live posts, at the routes the redirect table
// sends Blogger's label and archive URLs to.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "links/redirect_table.h"
#include "listing_pages_writer.h"
#include "listings/listing_pages.h"
#include "staged_blog.h"

namespace blogshift {
namespace {

namespace fs = std::filesystem;

RedirectDocument post(int64_t id, const std::string& date, std::vector<std::string> labels,
                      const std::string& status = "LIVE") {
  return {id, "blog", "post", status, std::to_string(id), "", "/p" + std::to_string(id), date, std::move(labels)};
}

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The front matter of a listing page, or the JSON record (JSON is YAML).
YAML::Node listing_node(const fs::path& file) {
  std::string text = read_all(file);
  if (file.extension() == ".md") {
    EXPECT_TRUE(text.starts_with("---\n")) << file;
    text = text.substr(4, text.rfind("\n---\n") - 4);
  }
  return YAML::Load(text);
}

TEST(ListingPages, TagsArchivesAndAuthorsOfLivePostsOnly) {
  ListingPagesBuilder b({});
  b.add(post(1, "2019-02-10", {"Bread", "Kitchen Notes"}), "maggie");
  b.add(post(2, "2019-06-01", {"bread"}), "maggie");  // another label, the same route
  b.add(post(3, "2020-01-05", {"Draft Only"}, "DRAFT"), "drafter");
  b.add(post(4, "2019-02-11", {"!!!", ""}), "");  // labels with no slug make no page
  RedirectDocument about = post(5, "2018-01-01", {"Pages"});
  about.kind = "page";
  b.add(about, "maggie");
  const auto& pages = b.pages();
  std::set<std::string> routes;
  for (const auto& [route, p] : pages) routes.insert(route);
  EXPECT_EQ(routes, (std::set<std::string>{"/archive/2019/", "/archive/2019/02/", "/archive/2019/06/",
                                           "/authors/maggie/", "/tags/bread/", "/tags/kitchen-notes/"}));
  const ListingPage& bread = pages.at("/tags/bread/");
  EXPECT_EQ(bread.kind, "tag");
  EXPECT_EQ(bread.tags, (std::set<std::string>{"Bread", "bread"}));
  EXPECT_EQ(bread.posts, 2);
  EXPECT_EQ(pages.at("/archive/2019/").posts, 3);
  EXPECT_EQ(pages.at("/archive/2019/02/").month, 2);
  EXPECT_EQ(pages.at("/archive/2019/02/").posts, 2);
  EXPECT_EQ(pages.at("/authors/maggie/").posts, 2);  // posts only: the page is not listed
  EXPECT_EQ(month_title(2019, 2), "February 2019");
}

TEST(ListingPages, PatternsGiveTheRoutesAndTheFirstKindKeepsASharedRoute) {
  RedirectRouteOptions routes;
  routes.tag_route_pattern = "/topics/:tag";
  routes.archive_year_route_pattern = "/:year/";
  routes.archive_month_route_pattern = "/:year/";  // months folded into years
  ListingPagesBuilder b(routes);
  b.add(post(1, "2021-03-07", {"Crème brûlée"}), "");
  b.add(post(2, "2021-04-07", {}), "");
  std::set<std::string> routes_made;
  for (const auto& [route, p] : b.pages()) routes_made.insert(route);
  EXPECT_EQ(routes_made, (std::set<std::string>{"/2021/", "/topics/creme-brulee"}));
  EXPECT_EQ(b.pages().at("/2021/").kind, "year");
  EXPECT_EQ(b.pages().at("/2021/").posts, 2);
}

class SampleListings : public ::testing::TestWithParam<std::string> {};

// Every label and archive redirect of the sample blog ends on a listing page
// load wrote, whose record says what it lists.
TEST_P(SampleListings, EveryLabelAndArchiveRedirectEndsOnAListingPage) {
  const std::string layout = GetParam();
  TransformOptions options;
  options.layout = layout;
  testing::StagedBlog blog("listings-" + layout, testing::sample_blog_sources(), options);
  const fs::path out = blog.dir / "site";
  const ListingPagesReport report = write_listing_pages(blog.db(), out.string(), false, false);
  ASSERT_GT(report.pages, 0);
  EXPECT_EQ(report.written, report.pages);
  std::map<std::string, YAML::Node> by_route;
  const std::string folder = layout == "jekyll" ? "listings/" : "content/listings/";
  for (const auto& file : report.files) {
    EXPECT_TRUE(file.starts_with(folder)) << file;
    const YAML::Node node = listing_node(out / file);
    const std::string route = node[layout == "astro" ? "route" : layout == "hugo" ? "url" : "permalink"].as<std::string>();
    EXPECT_TRUE(by_route.emplace(route, node).second) << "one page per route: " << route;
    if (layout != "astro") {
      EXPECT_EQ(node["layout"].as<std::string>(), "listing") << file;
    }
  }
  auto redirects = blog.db().prepare(
      "SELECT old_path, new_route, shape FROM redirects WHERE shape IN ('label', 'archive-year', 'archive-month',"
      " 'archive-day') ORDER BY old_path");
  int checked = 0;
  while (redirects.step()) {
    const std::string old_path = redirects.column_text(0), route = redirects.column_text(1),
                      shape = redirects.column_text(2);
    ASSERT_TRUE(by_route.count(route)) << old_path << " -> " << route;
    const YAML::Node node = by_route.at(route);
    const YAML::Node listing = layout == "astro" ? node : node["listing"];
    if (shape == "label") {
      EXPECT_EQ(listing["kind"].as<std::string>(), "tag");
      const std::string label = old_path.substr(std::string("/search/label/").size());
      bool found = false;
      for (const auto& t : listing["tags"]) found |= t.as<std::string>() == label;
      EXPECT_TRUE(found) << label << " on " << route;
    } else if (shape == "archive-year") {
      EXPECT_EQ(listing["kind"].as<std::string>(), "year");
      EXPECT_EQ(listing["year"].as<int>(), std::stoi(old_path.substr(1, 4)));
    } else {
      EXPECT_EQ(listing["kind"].as<std::string>(), "month") << old_path;
    }
    ++checked;
  }
  EXPECT_GT(checked, 40);  // 6 labels, 5 years, 11 months, 30 dated archive pages
  // The author page of the one author, titled with her name.
  const YAML::Node maggie = by_route.at("/authors/maggie-lindqvist/");
  EXPECT_EQ(maggie["title"].as<std::string>(), "Maggie Lindqvist");
  EXPECT_EQ((layout == "astro" ? maggie : maggie["listing"])["author"].as<std::string>(), "maggie-lindqvist");

  // Again: nothing changes, nothing is rewritten.
  const ListingPagesReport again = write_listing_pages(blog.db(), out.string(), false, false);
  EXPECT_EQ(again.pages, report.pages);
  EXPECT_EQ(again.written, 0);
}

INSTANTIATE_TEST_SUITE_P(Layouts, SampleListings, ::testing::Values("astro", "hugo", "jekyll"));

}  // namespace
}  // namespace blogshift
