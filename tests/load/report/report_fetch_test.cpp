// The report's fetch section, from rows put into a fresh staging database
// (StagingStore creates schema v5): what a crawl fetched, held, failed and
// left to robots.txt, per WARC file and role, in ReportData, report.json
// (parsed back) and report.html; the verdict naming failed fetches once; a
// database without a crawl having no fetch section at all.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "external_tool.h"
#include "report_data.h"
#include "report_html_writer.h"
#include "report_json_writer.h"
#include "report_test_support.h"
#include "report_writer.h"
#include "staging_store.h"
#include "temp_file.h"

namespace blogshift {
namespace {

using testing::kBlogUrl;
using testing::kCrawlWarc;
using testing::kImagesWarc;
using testing::put_crawl;
using testing::put_fetched_url;
using testing::read_file;
using testing::shell_quote;

class ReportFetchTest : public ::testing::Test {
protected:
  std::filesystem::path dir = testing::temp_dir("report-fetch");
  StagingStore store{(dir / "staging.db").string()};
  Database& db = store.db();
  ~ReportFetchTest() override { std::filesystem::remove_all(dir); }

  std::string html() { return report_html(read_report_data(db), {}); }
  std::string json() { return report_json(read_report_data(db), {}); }
};

std::vector<std::string> urls(const std::vector<ReportData::FetchedUrl>& list) {
  std::vector<std::string> out;
  for (const auto& u : list) out.push_back(u.url);
  return out;
}

TEST_F(ReportFetchTest, ACrawlIsCountedByFileOutcomeAndRole) {
  put_crawl(db, true);
  const ReportData r = read_report_data(db);
  const auto& f = r.fetch;
  ASSERT_TRUE(f.any());
  ASSERT_EQ(f.files.size(), 2u);
  const auto& site = f.files[0];  // by path
  EXPECT_EQ(site.warc_path, kCrawlWarc);
  EXPECT_EQ(site.total.urls, 10);
  EXPECT_EQ(site.total.fetched, 4);
  EXPECT_EQ(site.total.held, 2);
  EXPECT_EQ(site.total.failed, 1);
  EXPECT_EQ(site.total.robots, 3);
  EXPECT_EQ(site.bytes, 217120);
  EXPECT_EQ(site.out_of_scope, 4) << "the file's last run counts, not the stopped one before it";
  std::vector<std::string> roles;
  for (const auto& t : site.by_role) roles.push_back(t.role);
  EXPECT_EQ(roles, (std::vector<std::string>{"robots", "home", "post", "page", "label", "archive", "feed"}));
  const auto& posts = site.by_role[2];
  EXPECT_EQ(posts.urls, 3);
  EXPECT_EQ(posts.held, 2);
  EXPECT_EQ(posts.failed, 1);
  EXPECT_EQ(posts.fetched, 0);
  EXPECT_EQ(site.by_role[4].robots, 2);

  const auto& images = f.files[1];
  EXPECT_EQ(images.warc_path, kImagesWarc);
  ASSERT_EQ(images.by_role.size(), 1u);
  EXPECT_EQ(images.by_role[0].role, "image");
  EXPECT_EQ(images.total.fetched, 1);
  EXPECT_EQ(images.total.failed, 1);
  EXPECT_EQ(images.out_of_scope, 0);

  EXPECT_EQ(f.total.urls, 12);
  EXPECT_EQ(f.total.fetched, 5);
  EXPECT_EQ(f.total.held, 2);
  EXPECT_EQ(f.total.failed, 2);
  EXPECT_EQ(f.total.robots, 3);
  EXPECT_EQ(f.out_of_scope, 4);
  EXPECT_EQ(f.bytes, 467120);

  ASSERT_EQ(f.runs.size(), 3u);  // in the order they ran
  EXPECT_EQ(f.runs[0].started_at, "2024-05-06T07:08:09Z");
  EXPECT_EQ(f.runs[0].seeds, std::vector<std::string>{kBlogUrl + "/"});
  EXPECT_DOUBLE_EQ(f.runs[0].seconds, 42.5);
  EXPECT_EQ(f.runs[1].out_of_scope, 4);
  EXPECT_EQ(f.runs[2].warc_path, kImagesWarc);
  EXPECT_EQ(f.runs[2].seeds.size(), 2u);

  // Failures: the post before the image (roles in crawl order), each with why.
  EXPECT_EQ(f.failed_count, 2);
  EXPECT_EQ(urls(f.failed), (std::vector<std::string>{kBlogUrl + "/2022/01/lemon-possets.html",
                                                      "https://blogger.googleusercontent.com/img/b/b.jpg"}));
  EXPECT_EQ(f.failed[0].role, "post");
  EXPECT_EQ(f.failed[0].status, 503);
  EXPECT_EQ(f.failed[0].attempts, 4);
  EXPECT_EQ(f.failed[0].error, "HTTP 503 (gave up after 3 retries)");
  EXPECT_EQ(f.failed[0].warc_path, kCrawlWarc);
  EXPECT_EQ(f.failed[1].status, 0);

  // robots.txt: the rule without its "robots.txt: " prefix, and by rule.
  EXPECT_EQ(f.robots_count, 3);
  EXPECT_EQ(urls(f.robots), (std::vector<std::string>{kBlogUrl + "/search/label/Bread", kBlogUrl + "/search/label/Cake",
                                                      kBlogUrl + "/search?updated-max=2021-01-01T00:00:00Z"}));
  EXPECT_EQ(f.robots[0].error, "Disallow: /search");
  ASSERT_EQ(f.robots_rules.size(), 1u);
  EXPECT_EQ(f.robots_rules[0].rule, "Disallow: /search");
  EXPECT_EQ(f.robots_rules[0].urls, 3);
}

TEST_F(ReportFetchTest, FailedFetchesAreTheFirstThingToLookAtAndNotCountedTwice) {
  put_crawl(db, true);
  const ReportData r = read_report_data(db);
  EXPECT_EQ(r.problems_error, 2);  // both FETCH_FAILED, listed among the problems as well
  ASSERT_FALSE(r.problems.empty());
  EXPECT_EQ(r.problems[0].code, "FETCH_FAILED");
  EXPECT_EQ(r.problems[0].stages, std::vector<std::string>{"fetch"});
  EXPECT_FALSE(r.switch_off);
  std::vector<std::string> what;
  for (const auto& reason : r.reasons) what.push_back(reason.what);
  EXPECT_EQ(what, (std::vector<std::string>{"fetch-failed", "nothing", "archives-none"}))
      << "the failed fetches' errors are the failed fetches: not named again as errors";
  EXPECT_EQ(r.reasons[0].section, "fetch");
  EXPECT_EQ(r.reasons[0].count, 2);
  EXPECT_EQ(verdict_sentence(r),
            "Not yet: look first at 2 URLs that could not be fetched from the live blog, then at the migration itself: "
            "no document was migrated yet and the archives: none was made yet (blogshift load).");

  // Another error is still one, and named by its own code.
  db.exec("INSERT INTO problems (stage, file, line, col, severity, code, message) VALUES"
          " ('extract', 'crawl.warc.gz', 1, 1, 'error', 'WARC_MALFORMED', 'bad record')");
  const ReportData more = read_report_data(db);
  ASSERT_EQ(more.reasons.size(), 4u);
  EXPECT_EQ(more.reasons[2].what, "errors");
  EXPECT_EQ(more.reasons[2].count, 1);
  EXPECT_EQ(more.reasons[2].text, "1 error among the problems (first WARC_MALFORMED)");
}

TEST_F(ReportFetchTest, AResponseTooLargeIsAFailedFetchToo) {
  put_crawl(db, true);
  const std::string big = kBlogUrl + "/2023/02/big-gallery.html";
  put_fetched_url(db, kCrawlWarc, big, "post", "failed", 200, 1, 67108864, "response over 64 MiB");
  db.prepare("INSERT INTO problems (stage, file, severity, code, message) VALUES ('fetch', ?, 'error',"
             " 'FETCH_TOO_LARGE', 'post not kept whole: response over 64 MiB (--max-size)')")
      .bind(1, big)
      .run();
  const ReportData r = read_report_data(db);
  EXPECT_EQ(r.problems_error, 3);
  ASSERT_FALSE(r.reasons.empty());
  EXPECT_EQ(r.reasons[0].what, "fetch-failed");
  EXPECT_EQ(r.reasons[0].count, 3);
  for (const auto& reason : r.reasons) EXPECT_NE(reason.what, "errors") << reason.text;
  EXPECT_EQ(r.fetch.failed[0].url, kBlogUrl + "/2022/01/lemon-possets.html");  // by URL within a role
  EXPECT_EQ(r.fetch.failed[1].url, big);
  EXPECT_EQ(r.fetch.failed[1].status, 200);
}

TEST_F(ReportFetchTest, AUrlFetchedIntoAnotherFileDoesNotHoldTheOldSiteUp) {
  put_crawl(db, true);
  put_fetched_url(db, "crawl/again.warc.gz", kBlogUrl + "/2022/01/lemon-possets.html", "post", "fetched", 200, 1, 47000);
  const ReportData r = read_report_data(db);
  EXPECT_EQ(r.fetch.failed_count, 2) << "the file still records the failure";
  EXPECT_EQ(r.fetch.files.size(), 3u);
  ASSERT_GE(r.reasons.size(), 3u);
  EXPECT_EQ(r.reasons[0].what, "fetch-failed");
  EXPECT_EQ(r.reasons[0].count, 1);  // the image only
  EXPECT_EQ(r.reasons[0].text, "1 URL that could not be fetched from the live blog");
  EXPECT_EQ(r.reasons[2].what, "errors");  // the post's FETCH_FAILED row is still an error
  EXPECT_EQ(r.reasons[2].text, "1 error among the problems (first FETCH_FAILED)");
}

TEST_F(ReportFetchTest, ACrawlWithoutFailuresAddsNoReason) {
  put_crawl(db, false);
  const ReportData r = read_report_data(db);
  ASSERT_TRUE(r.fetch.any());
  EXPECT_EQ(r.fetch.total.failed, 0);
  EXPECT_EQ(r.fetch.total.fetched, 7);
  EXPECT_TRUE(r.fetch.failed.empty());
  EXPECT_EQ(r.problems_error, 0);
  for (const auto& reason : r.reasons) EXPECT_NE(reason.what, "fetch-failed");

  const std::string page = html();
  EXPECT_NE(page.find("<td class=\"num\" id=\"count-fetch-failed\" data-count=\"0\">0</td>"), std::string::npos);
  EXPECT_NE(page.find("None: every URL the crawl went for was fetched, or was held already."), std::string::npos);
  EXPECT_EQ(page.find("class=\"fetch-failure\""), std::string::npos);
  size_t links = 0;
  for (size_t at = 0; (at = page.find("href=\"#fetch\"", at)) != std::string::npos; ++at) ++links;
  EXPECT_EQ(links, 1u) << "only the contents link to it, not the verdict";
  const YAML::Node j = YAML::Load(json());
  EXPECT_EQ(j["fetch"]["failed"]["count"].as<int64_t>(), 0);
  EXPECT_EQ(j["fetch"]["failed"]["urls"].size(), 0u);
}

TEST_F(ReportFetchTest, TheYesSentenceSaysNoFetchFailedWhenThereWasACrawl) {
  ReportData r;
  r.fidelity.resize(15);
  r.fidelity_passed = 15;
  r.archives.resize(3);
  r.archives_verified = 3;
  r.switch_off = true;
  EXPECT_EQ(verdict_sentence(r),
            "Yes: all 15 documents passed the fidelity check, no errors were found, no links to old posts are missing "
            "and all 3 archives verified.");
  r.fetch.runs.emplace_back();
  EXPECT_EQ(verdict_sentence(r),
            "Yes: all 15 documents passed the fidelity check, no URL of the crawl failed, no errors were found, no "
            "links to old posts are missing and all 3 archives verified.");
}

TEST_F(ReportFetchTest, NoCrawlMeansNoFetchInTheJsonAndASentenceInThePage) {
  const ReportData r = read_report_data(db);
  EXPECT_FALSE(r.fetch.any());
  EXPECT_TRUE(r.fetch.files.empty());
  EXPECT_EQ(r.fetch.total.urls, 0);
  EXPECT_EQ(json().find("\"fetch\""), std::string::npos);
  const std::string page = html();
  EXPECT_NE(page.find("<section id=\"fetch\" class=\"major\" aria-labelledby=\"fetch-h\">\n<h2 id=\"fetch-h\">Fetched "
                      "from the live blog</h2>\n<p class=\"none\">Nothing was fetched: every source was a file or folder"),
            std::string::npos);
  EXPECT_EQ(page.find("id=\"count-fetch-"), std::string::npos);
  EXPECT_EQ(page.find("URLs fetched"), std::string::npos) << "no card without a crawl";
  EXPECT_EQ(verdict_sentence(r).find("fetch"), std::string::npos);

  // A database of schema v4 (no fetch tables) reads the same.
  db.exec("DROP TABLE fetched_urls; DROP TABLE fetch_runs");
  EXPECT_FALSE(read_report_data(db).fetch.any());
}

TEST_F(ReportFetchTest, TheJsonHoldsTheFetchAfterTheSources) {
  BLOGSHIFT_REQUIRE_TOOL(python, "python3");
  put_crawl(db, true);
  const ReportSummary s = write_report(db, (dir / "site").string());
  EXPECT_EQ(s.fetch_failed, 2);
  int status = -1;
  const std::string keys = testing::capture(
      shell_quote(python) +
          " -c 'import json,sys\n"
          "def strict(pairs):\n"
          "    keys = [k for k, _ in pairs]\n"
          "    assert len(keys) == len(set(keys)), keys\n"
          "    return dict(pairs)\n"
          "d = json.load(open(sys.argv[1], encoding=\"utf-8\"), object_pairs_hook=strict)\n"
          "print(\" \".join(d)); print(\" \".join(d[\"fetch\"]))' " +
          shell_quote(s.json_path),
      &status);
  ASSERT_EQ(status, 0) << keys;
  EXPECT_EQ(keys,
            "report_version switch_off verdict reasons blogs sources fetch migrated authors not_migrated by_year posts_per_month "
            "problems fidelity remote_images missing_links redirects archives\n"
            "totals files runs failed robots\n");

  const YAML::Node j = YAML::LoadFile(s.json_path);
  const YAML::Node f = j["fetch"];
  EXPECT_EQ(f["totals"]["urls"].as<int64_t>(), 12);
  EXPECT_EQ(f["totals"]["fetched"].as<int64_t>(), 5);
  EXPECT_EQ(f["totals"]["held"].as<int64_t>(), 2);
  EXPECT_EQ(f["totals"]["failed"].as<int64_t>(), 2);
  EXPECT_EQ(f["totals"]["robots"].as<int64_t>(), 3);
  EXPECT_EQ(f["totals"]["out_of_scope"].as<int64_t>(), 4);
  EXPECT_EQ(f["totals"]["bytes"].as<int64_t>(), 467120);
  ASSERT_EQ(f["files"].size(), 2u);
  EXPECT_EQ(f["files"][0]["warc_path"].as<std::string>(), kCrawlWarc);
  EXPECT_EQ(f["files"][0]["out_of_scope"].as<int64_t>(), 4);
  EXPECT_EQ(f["files"][0]["by_role"][2]["role"].as<std::string>(), "post");
  EXPECT_EQ(f["files"][0]["by_role"][2]["held"].as<int64_t>(), 2);
  EXPECT_EQ(f["files"][0]["by_role"][2]["failed"].as<int64_t>(), 1);
  EXPECT_EQ(f["files"][1]["by_role"][0]["role"].as<std::string>(), "image");
  ASSERT_EQ(f["runs"].size(), 3u);
  EXPECT_EQ(f["runs"][0]["seeds"][0].as<std::string>(), kBlogUrl + "/");
  EXPECT_EQ(f["runs"][0]["seed_count"].as<int64_t>(), 1);
  EXPECT_EQ(f["runs"][2]["seed_count"].as<int64_t>(), 2);
  EXPECT_EQ(f["runs"][0]["seconds"].as<double>(), 42.5);
  EXPECT_EQ(f["runs"][1]["out_of_scope"].as<int64_t>(), 4);
  EXPECT_EQ(f["failed"]["count"].as<int64_t>(), 2);
  ASSERT_EQ(f["failed"]["urls"].size(), 2u);
  const YAML::Node post = f["failed"]["urls"][0];
  EXPECT_EQ(post["url"].as<std::string>(), kBlogUrl + "/2022/01/lemon-possets.html");
  EXPECT_EQ(post["role"].as<std::string>(), "post");
  EXPECT_EQ(post["status"].as<int64_t>(), 503);
  EXPECT_EQ(post["attempts"].as<int64_t>(), 4);
  EXPECT_EQ(post["error"].as<std::string>(), "HTTP 503 (gave up after 3 retries)");
  EXPECT_TRUE(f["failed"]["urls"][1]["status"].IsNull()) << "no HTTP answer";
  EXPECT_EQ(f["robots"]["count"].as<int64_t>(), 3);
  EXPECT_EQ(f["robots"]["by_rule"][0]["rule"].as<std::string>(), "Disallow: /search");
  EXPECT_EQ(f["robots"]["by_rule"][0]["urls"].as<int64_t>(), 3);
  ASSERT_EQ(f["robots"]["urls"].size(), 3u);
  EXPECT_EQ(f["robots"]["urls"][0]["url"].as<std::string>(), kBlogUrl + "/search/label/Bread");
  EXPECT_EQ(f["robots"]["urls"][0]["rule"].as<std::string>(), "Disallow: /search");
  EXPECT_EQ(j["reasons"][0]["what"].as<std::string>(), "fetch-failed");
  EXPECT_EQ(j["reasons"][0]["section"].as<std::string>(), "fetch");
}

TEST_F(ReportFetchTest, ThePageShowsTotalsFailuresAndTheRobotsSkipped) {
  put_crawl(db, true);
  const std::string page = html();
  EXPECT_NE(page.find("<li><a href=\"#fetch\">Fetched from the live blog</a></li>"), std::string::npos);
  EXPECT_NE(page.find("<p class=\"answer\" id=\"verdict-sentence\" data-switch-off=\"no\">Not yet: look first at "
                      "<a href=\"#fetch\">2 URLs that could not be fetched from the live blog</a>, then at "),
            std::string::npos);
  EXPECT_NE(page.find("<div><dt>URLs fetched</dt><dd>7 <small>2 failed</small></dd></div>"), std::string::npos);
  for (const auto& [name, n] : std::vector<std::pair<std::string, int>>{
           {"fetched", 5}, {"held", 2}, {"failed", 2}, {"robots", 3}, {"out-of-scope", 4}})
    EXPECT_NE(page.find("id=\"count-fetch-" + name + "\" data-count=\"" + std::to_string(n) + "\""), std::string::npos)
        << name;
  EXPECT_NE(page.find("<th scope=\"row\">Already held from an earlier run</th>"), std::string::npos);
  EXPECT_NE(page.find("<th scope=\"row\">Skipped by robots.txt</th>"), std::string::npos);
  EXPECT_NE(page.find("<th scope=\"row\">Out of scope: found, but not part of the blog</th>"), std::string::npos);
  EXPECT_NE(page.find("<table class=\"compact fetch-file\" data-path=\"" + kCrawlWarc + "\">"), std::string::npos);
  EXPECT_NE(page.find("<tr class=\"fetch-role failed\" data-role=\"post\" data-count=\"3\"><th scope=\"row\">post</th>"
                      "<td class=\"num\">0</td><td class=\"num\">2</td><td class=\"num\">1</td><td class=\"num\">0</td>"
                      "</tr>"),
            std::string::npos);
  EXPECT_NE(page.find("<details id=\"fetch-runs\"><summary>3 fetch runs, first first</summary>"), std::string::npos);
  EXPECT_NE(page.find("<td class=\"num\">42.5 s</td>"), std::string::npos);
  EXPECT_NE(page.find("<td class=\"num\">1 min 15 s</td>"), std::string::npos);
  EXPECT_NE(page.find("<td>4 fetched, 2 held, 1 failed, 3 skipped by robots.txt, 4 out of scope</td></tr>"),
            std::string::npos);

  // The failures, as a table (short: not folded away), the post first.
  EXPECT_NE(page.find("<h3 id=\"fetch-failed\">2 URLs that failed</h3>"), std::string::npos);
  const size_t post = page.find("<tr class=\"fetch-failure\" data-url=\"" + kBlogUrl + "/2022/01/lemon-possets.html\">");
  const size_t image = page.find("<tr class=\"fetch-failure\" data-url=\"https://blogger.googleusercontent.com/img/b/b.jpg\">");
  ASSERT_NE(post, std::string::npos);
  ASSERT_NE(image, std::string::npos);
  EXPECT_LT(post, image);
  EXPECT_NE(page.find("</td><td>post</td><td class=\"num\">503</td><td class=\"num\">4</td><td class=\"wrap\">HTTP 503 "
                      "(gave up after 3 retries)</td></tr>"),
            std::string::npos);
  EXPECT_NE(page.find("</td><td>image</td><td class=\"num\">—</td><td class=\"num\">3</td>"), std::string::npos);
  EXPECT_EQ(page.find("are listed; the staging database"), std::string::npos) << "all of them are listed";

  // robots.txt: the rule, and the few URLs it kept out.
  EXPECT_NE(page.find("<h3 id=\"fetch-robots\">3 URLs skipped by robots.txt</h3>"), std::string::npos);
  EXPECT_NE(page.find("<li class=\"robots-rule\" data-count=\"3\"><code>Disallow: /search</code>: 3 URLs</li>"),
            std::string::npos);
  EXPECT_NE(page.find("<li class=\"robots-url\" data-url=\"" + kBlogUrl + "/search/label/Bread\">"), std::string::npos);
  EXPECT_EQ(page.find("more: report.json lists"), std::string::npos);

  // The section sits between the archives and the sources.
  EXPECT_LT(page.find("<section id=\"archives\""), page.find("<section id=\"fetch\""));
  EXPECT_LT(page.find("<section id=\"fetch\""), page.find("<section id=\"sources\""));
}

TEST_F(ReportFetchTest, LongListsAreCappedWithTheirCount) {
  {
    Transaction t(db);
    for (int i = 0; i < 1005; ++i)
      put_fetched_url(db, kCrawlWarc, kBlogUrl + "/2020/01/post-" + std::to_string(10000 + i) + ".html", "post",
                      "failed", 500, 4, 0, "HTTP 500");
    for (int i = 0; i < 15; ++i)
      put_fetched_url(db, kCrawlWarc, kBlogUrl + "/search/label/L" + std::to_string(100 + i), "label", "robots", 0, 0,
                      0, "robots.txt: Disallow: /search");
    testing::put_fetch_run(db, kCrawlWarc, kBlogUrl + "/\n", "2024-05-06T07:08:09Z", 4000, 4020, 0, {0, 0, 1005, 15, 0});
    std::string images;
    for (int i = 0; i < 1200; ++i) images += "https://blogger.googleusercontent.com/img/b/" + std::to_string(i) + ".jpg\n";
    testing::put_fetch_run(db, kImagesWarc, images, "2024-05-06T09:00:00Z", 60, 1200, 0, {1200, 0, 0, 0, 0});
    t.commit();
  }
  const ReportData r = read_report_data(db);
  EXPECT_EQ(r.fetch.failed_count, 1005);
  ASSERT_EQ(r.fetch.failed.size(), ReportData::kFetchListLimit);
  EXPECT_EQ(r.fetch.failed.front().url, kBlogUrl + "/2020/01/post-10000.html");
  EXPECT_EQ(r.fetch.failed.back().url, kBlogUrl + "/2020/01/post-10999.html");
  EXPECT_EQ(r.fetch.robots_count, 15);
  ASSERT_EQ(r.fetch.runs.size(), 2u);
  EXPECT_EQ(r.fetch.runs[1].seed_count, 1200);
  EXPECT_EQ(r.fetch.runs[1].seeds.size(), ReportData::kFetchListLimit);
  EXPECT_EQ(r.reasons[0].text, "1005 URLs that could not be fetched from the live blog");

  const YAML::Node j = YAML::Load(report_json(r, {}));
  EXPECT_EQ(j["fetch"]["failed"]["count"].as<int64_t>(), 1005);
  EXPECT_EQ(j["fetch"]["failed"]["urls"].size(), ReportData::kFetchListLimit);
  EXPECT_EQ(j["fetch"]["robots"]["urls"].size(), 15u);
  EXPECT_EQ(j["fetch"]["runs"][1]["seed_count"].as<int64_t>(), 1200);
  EXPECT_EQ(j["fetch"]["runs"][1]["seeds"].size(), ReportData::kFetchListLimit);

  const std::string page = report_html(r, {});
  EXPECT_NE(page.find("<h3 id=\"fetch-failed\">1,005 URLs that failed</h3>"), std::string::npos);
  EXPECT_NE(page.find("The first 1,000 are listed; the staging database's fetched_urls table has all."), std::string::npos);
  EXPECT_NE(page.find("<details><summary>The first 1,000 of 1,005</summary>"), std::string::npos) << "folded away";
  size_t rows = 0;
  for (size_t at = 0; (at = page.find("<tr class=\"fetch-failure\"", at)) != std::string::npos; ++at) ++rows;
  EXPECT_EQ(rows, ReportData::kFetchListLimit);
  size_t robots = 0;
  for (size_t at = 0; (at = page.find("<li class=\"robots-url\"", at)) != std::string::npos; ++at) ++robots;
  EXPECT_EQ(robots, 10u) << "a short list";
  EXPECT_NE(page.find("<p class=\"muted\">And 5 more: report.json lists the first 1,000.</p>"), std::string::npos);
  EXPECT_NE(page.find("<td class=\"num\">1 h 6 min</td>"), std::string::npos);
  EXPECT_NE(page.find("img/b/2.jpg<br><span class=\"muted\">and 1,197 more</span><span class=\"sub\">into "),
            std::string::npos);
  EXPECT_EQ(page.find("img/b/3.jpg"), std::string::npos);
}

TEST_F(ReportFetchTest, HostileUrlsAndErrorsAreEscaped) {
  put_fetched_url(db, kCrawlWarc, kBlogUrl + "/\"><script>alert(1)</script>", "post", "failed", 0, 1, 0,
                  "<img src=x onerror=alert(2)> \xFF");
  put_fetched_url(db, kCrawlWarc, kBlogUrl + "/search/<b>x</b>", "label", "robots", 0, 0, 0,
                  "robots.txt: Disallow: /<iframe>");
  const std::string page = html(), text = json();
  for (const char* injected : {"<script", "<img", "<b>x", "<iframe"})
    EXPECT_EQ(page.find(injected), std::string::npos) << injected;
  EXPECT_NE(page.find("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(page.find("&lt;img src=x onerror=alert(2)&gt; \xEF\xBF\xBD"), std::string::npos);
  EXPECT_NE(page.find("<code>Disallow: /&lt;iframe&gt;</code>"), std::string::npos);
  EXPECT_EQ(page.find('\xFF'), std::string::npos);
  EXPECT_EQ(text.find('\xFF'), std::string::npos);
  const YAML::Node j = YAML::Load(text);
  EXPECT_EQ(j["fetch"]["failed"]["urls"][0]["url"].as<std::string>(), kBlogUrl + "/\"><script>alert(1)</script>");
}

}  // namespace
}  // namespace blogshift
