// The report in a real browser: Debian's chromium, headless, renders
// report.html of the sample blog (always) and of the arborlodge classic
// export from the corpus (skipped when ../shared/corpus is absent). The DOM
// chromium built (--dump-dom) is read with libxml2 and XPath, and its counts
// and rows compared with counts asked of the staging database directly. A
// screenshot and a PDF print of each are kept as test artifacts:
//   build/test-artifacts/report-<blog>.png   (the top of the page, 1280 wide)
//   build/test-artifacts/report-<blog>.pdf   (the print layout)
//   build/test-artifacts/report-<blog>.html  (the page itself)
#include <gtest/gtest.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

#include <algorithm>
#include <cctype>
#include <iostream>
#include <memory>
#include <set>

#include "external_tool.h"
#include "report_test_support.h"
#include "report_writer.h"
#include "staging_store.h"
#include "temp_file.h"

namespace blogshift {
namespace {

using testing::query_count;
using testing::read_file;
using testing::shell_quote;

std::filesystem::path artifacts() {
  auto dir = std::filesystem::path(BLOGSHIFT_BINARY_DIR) / "test-artifacts";
  std::filesystem::create_directories(dir);
  return dir;
}

// Runs chromium headless on `url` with `what` (--dump-dom, --screenshot=...),
// in a fresh profile, with everything that could reach the network off.
// Returns stdout; fails the test when chromium does not exit 0.
std::string chromium(const std::string& binary, const std::string& what, const std::string& url,
                     const std::filesystem::path& scratch) {
  static int runs = 0;
  const auto profile = scratch / ("profile-" + std::to_string(runs++));
  std::filesystem::create_directories(profile);
  const auto err = scratch / "chromium.err";
  int status = -1;
  std::string out = testing::capture(
      "timeout 180 " + shell_quote(binary) +
          " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking"
          " --disable-component-update --disable-sync --hide-scrollbars --user-data-dir=" +
          shell_quote(profile.string()) + " " + what + " " + shell_quote(url) + " 2>" + shell_quote(err.string()),
      &status);
  EXPECT_EQ(status, 0) << read_file(err);
  std::filesystem::remove_all(profile);
  return out;
}

// The DOM chromium serialised, parsed again so XPath can ask it things.
class Dom {
public:
  explicit Dom(const std::string& html)
      : doc_(htmlReadMemory(html.data(), static_cast<int>(html.size()), "report.html", "UTF-8",
                            HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER),
             &xmlFreeDoc),
        xpath_(doc_ ? xmlXPathNewContext(doc_.get()) : nullptr, &xmlXPathFreeContext) {}
  bool ok() const { return doc_ && xpath_; }

  // The string value of an XPath expression ("" when it selects nothing).
  std::string text(const std::string& expr) {
    std::unique_ptr<xmlXPathObject, decltype(&xmlXPathFreeObject)> r(
        xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(("string(" + expr + ")").c_str()), xpath_.get()),
        &xmlXPathFreeObject);
    return r && r->stringval ? reinterpret_cast<const char*>(r->stringval) : "";
  }
  int64_t number(const std::string& expr) {
    std::unique_ptr<xmlXPathObject, decltype(&xmlXPathFreeObject)> r(
        xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(expr.c_str()), xpath_.get()), &xmlXPathFreeObject);
    return r && r->type == XPATH_NUMBER ? static_cast<int64_t>(r->floatval) : -1;
  }
  int64_t count(const std::string& expr) { return number("count(" + expr + ")"); }
  std::vector<std::string> values(const std::string& expr) {
    std::vector<std::string> out;
    std::unique_ptr<xmlXPathObject, decltype(&xmlXPathFreeObject)> r(
        xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(expr.c_str()), xpath_.get()), &xmlXPathFreeObject);
    if (!r || !r->nodesetval) return out;
    for (int i = 0; i < r->nodesetval->nodeNr; ++i) {
      xmlChar* v = xmlNodeGetContent(r->nodesetval->nodeTab[i]);
      out.emplace_back(v ? reinterpret_cast<const char*>(v) : "");
      xmlFree(v);
    }
    return out;
  }

private:
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc_;
  std::unique_ptr<xmlXPathContext, decltype(&xmlXPathFreeContext)> xpath_;
};

// The fetch section against fetched_urls and fetch_runs: its count cells,
// a row per failure and per role of each file, the short robots.txt list.
void check_fetch(Dom& dom, Database& db) {
  auto q = [&](const std::string& sql) { return query_count(db, sql); };
  if (q("SELECT COUNT(*) FROM fetch_runs") + q("SELECT COUNT(*) FROM fetched_urls") == 0) {
    EXPECT_EQ(dom.count("//section[@id='fetch']//p[@class='none']"), 1);
    EXPECT_EQ(dom.count("//td[starts-with(@id, 'count-fetch-')]"), 0);
    return;
  }
  for (const std::string outcome : {"fetched", "held", "failed", "robots"}) {
    const int64_t expected = q("SELECT COUNT(*) FROM fetched_urls WHERE outcome = '" + outcome + "'");
    EXPECT_EQ(dom.text("//td[@id='count-fetch-" + outcome + "']/@data-count"), std::to_string(expected)) << outcome;
    std::string shown = dom.text("//td[@id='count-fetch-" + outcome + "']");
    std::erase(shown, ',');
    EXPECT_EQ(shown, std::to_string(expected)) << outcome;
  }
  EXPECT_EQ(dom.count("//tr[@class='fetch-failure']"),
            std::min<int64_t>(q("SELECT COUNT(*) FROM fetched_urls WHERE outcome = 'failed'"), 1000));
  EXPECT_EQ(dom.count("//table[contains(@class, 'fetch-file')]"), q("SELECT COUNT(DISTINCT warc_path) FROM fetched_urls"));
  EXPECT_EQ(dom.count("//tr[contains(@class, 'fetch-role')]"),
            q("SELECT COUNT(*) FROM (SELECT DISTINCT warc_path, role FROM fetched_urls)"));
  EXPECT_EQ(dom.count("//tr[@class='fetch-run']"), q("SELECT COUNT(*) FROM fetch_runs"));
  EXPECT_EQ(dom.count("//li[@class='robots-url']"),
            std::min<int64_t>(q("SELECT COUNT(*) FROM fetched_urls WHERE outcome = 'robots'"), 10));
}

// Renders the report of the blog staged in `dir`, checks the DOM against the
// staging database, and keeps the artifacts under report-<name>.*.
// `printed`: phrases the PDF print must show (from lists folded away on screen).
void render_and_check(const std::string& browser, const std::string& pdftotext, const std::filesystem::path& dir,
                      const std::string& name, bool expect_switch_off, const std::vector<std::string>& printed) {
  StagingStore store(testing::staging_db(dir));
  Database& db = store.db();
  const ReportSummary summary = write_report(db, dir.string());
  const std::string url = "file://" + std::filesystem::absolute(summary.html_path).string();

  Dom dom(chromium(browser, "--dump-dom", url, dir));
  ASSERT_TRUE(dom.ok());
  auto q = [&](const std::string& sql) { return query_count(db, sql); };

  // The answer at the top, and the blog it is about.
  EXPECT_EQ(dom.text("//p[@id='verdict-sentence']/@data-switch-off"), expect_switch_off ? "yes" : "no");
  EXPECT_EQ(dom.text("//p[@id='verdict-sentence']"), summary.verdict);
  auto blog_title = db.prepare("SELECT COALESCE(title, id) FROM blogs ORDER BY id");
  ASSERT_TRUE(blog_title.step());
  EXPECT_EQ(dom.text("//h1[@id='blog-title']"), blog_title.column_text(0));

  // The count cells, against the database.
  const std::string doc_items = "SELECT COUNT(*) FROM documents d JOIN items i ON i.id = d.item_id WHERE ";
  const std::string live_comments =
      "SELECT COUNT(*) FROM items c JOIN documents d ON d.item_id = c.parent_id WHERE c.kind = 'comment' AND c.status = 'LIVE'";
  const std::string links = "SELECT COUNT(*) FROM document_links WHERE ";
  const std::pair<const char*, std::string> counts[] = {
      {"posts", doc_items + "d.kind = 'post' AND i.status = 'LIVE'"},
      {"pages", doc_items + "d.kind = 'page' AND i.status = 'LIVE'"},
      {"drafts", doc_items + "i.status IN ('DRAFT', 'SCHEDULED')"},
      {"comments", live_comments},
      {"comments-written", live_comments + " AND d.comments_yaml != ''"},
      {"images-local", links + "kind = 'image' AND outcome = 'local'"},
      {"images-remote", links + "kind = 'image' AND outcome = 'remote'"},
      {"links-rewritten", links + "kind = 'link' AND outcome = 'rewritten'"},
      {"links-external", links + "kind = 'link' AND outcome = 'external'"},
      {"links-missing", links + "kind = 'link' AND outcome = 'missing'"},
  };
  for (const auto& [cell, sql] : counts) {
    const int64_t expected = q(sql);
    EXPECT_EQ(dom.text("//td[@id='count-" + std::string(cell) + "']/@data-count"), std::to_string(expected)) << cell;
    std::string shown = dom.text("//td[@id='count-" + std::string(cell) + "']");
    std::erase(shown, ',');
    EXPECT_EQ(shown, std::to_string(expected)) << cell;
  }
  EXPECT_GT(q(doc_items + "d.kind = 'post' AND i.status = 'LIVE'"), 0);

  // One row per document, problem, remote image, missing link and output.
  EXPECT_EQ(dom.count("//tr[contains(@class, 'fidelity-row')]"), q("SELECT COUNT(*) FROM documents"));
  EXPECT_EQ(dom.count("//tr[contains(@class, 'fidelity-row') and @data-passed='0']"),
            q("SELECT COUNT(*) FROM documents WHERE fidelity_passed = 0"));
  EXPECT_EQ(dom.count("//tr[@class='problem']"), q("SELECT COUNT(*) FROM problems"));
  auto groups = db.prepare("SELECT severity, code, COUNT(*) FROM problems GROUP BY 1, 2");
  int64_t group_count = 0;
  while (groups.step()) {
    ++group_count;
    const std::string group = "//details[@data-severity='" + groups.column_text(0) + "' and @data-code='" +
                              groups.column_text(1) + "']";
    EXPECT_EQ(dom.text(group + "/@data-count"), std::to_string(groups.column_int(2))) << group;
    EXPECT_EQ(dom.count(group + "//tr[@class='problem']"), groups.column_int(2)) << group;
  }
  EXPECT_EQ(dom.count("//details[@class='problem-group']"), group_count);
  EXPECT_EQ(dom.count("//tr[@class='remote-image']"), q(links + "kind = 'image' AND outcome = 'remote'"));
  EXPECT_EQ(dom.count("//tr[@class='missing-link']"), q(links + "kind = 'link' AND outcome = 'missing'"));
  EXPECT_EQ(dom.count("//tr[@class='archive']"), q("SELECT COUNT(*) FROM outputs WHERE kind != 'redirect-map'"));
  EXPECT_EQ(dom.count("//tr[@class='archive']/td[@data-verified='ok']"),
            q("SELECT COUNT(*) FROM outputs WHERE kind != 'redirect-map' AND verified = 'ok'"));
  EXPECT_EQ(dom.count("//tr[@class='redirect-map']"), q("SELECT COUNT(*) FROM outputs WHERE kind = 'redirect-map'"));
  auto shapes = db.prepare("SELECT shape, COUNT(*) FROM redirects GROUP BY 1");
  while (shapes.step())
    EXPECT_EQ(dom.text("//tr[@data-shape='" + shapes.column_text(0) + "']/@data-count"),
              std::to_string(shapes.column_int(1)));
  int64_t by_year = 0;
  for (std::string cell : dom.values("//tr[@class='year']/td[1]")) {
    std::erase(cell, ',');
    by_year += std::stoll(cell);
  }
  EXPECT_EQ(by_year, q(doc_items + "d.kind = 'post' AND i.status = 'LIVE'"));

  // Both plots, each with a title and a description for screen readers.
  EXPECT_EQ(dom.count("//svg[@role='img']"), 2);
  EXPECT_EQ(dom.count("//svg[@role='img']/title"), 2);
  EXPECT_EQ(dom.count("//svg[@role='img']/desc"), 2);

  // Keyboard: the skip link comes first and leads to <main>; every in-page
  // link has its target; long lists fold into <details> with a <summary>.
  EXPECT_EQ(dom.text("(//body//a)[1]/@href"), "#main");
  EXPECT_EQ(dom.count("//main[@id='main']"), 1);
  std::set<std::string> ids;
  for (const auto& id : dom.values("//@id")) EXPECT_TRUE(ids.insert(id).second) << "duplicate id " << id;
  for (const auto& href : dom.values("//a/@href"))
    if (href.starts_with("#")) {
      EXPECT_TRUE(ids.count(href.substr(1))) << href;
    }
  EXPECT_EQ(dom.count("//nav[@class='toc']//a"), 11);
  check_fetch(dom, db);
  EXPECT_EQ(dom.count("//details[not(summary)]"), 0);

  // What a person would look at, kept.
  const auto png = artifacts() / ("report-" + name + ".png");
  const auto pdf = artifacts() / ("report-" + name + ".pdf");
  std::filesystem::remove(png);
  std::filesystem::remove(pdf);
  chromium(browser, "--screenshot=" + shell_quote(png.string()) + " --window-size=1280,2200", url, dir);
  chromium(browser, "--no-pdf-header-footer --print-to-pdf=" + shell_quote(pdf.string()), url, dir);
  std::filesystem::copy_file(summary.html_path, artifacts() / ("report-" + name + ".html"),
                             std::filesystem::copy_options::overwrite_existing);
  ASSERT_TRUE(std::filesystem::exists(png));
  EXPECT_EQ(read_file(png).substr(0, 8), "\x89PNG\r\n\x1a\n");
  EXPECT_GT(std::filesystem::file_size(png), 20000u) << "a page, not a blank screen";
  ASSERT_TRUE(std::filesystem::exists(pdf));
  EXPECT_EQ(read_file(pdf).substr(0, 5), "%PDF-");
  // The print layout: no navigation, every <details> open.
  int status = -1;
  std::string text = testing::capture(shell_quote(pdftotext) + " " + shell_quote(pdf.string()) + " -", &status);
  ASSERT_EQ(status, 0);
  std::string words;  // white space runs as one space: lines break anywhere in print
  for (char c : text)
    if (!std::isspace(static_cast<unsigned char>(c))) words += c;
    else if (!words.empty() && words.back() != ' ') words += ' ';
  EXPECT_EQ(words.find("Skip to the report"), std::string::npos);
  EXPECT_EQ(words.find("Contents"), std::string::npos);
  EXPECT_NE(words.find("Can I switch the old site off?"), std::string::npos);
  for (const auto& phrase : printed) EXPECT_NE(words.find(phrase), std::string::npos) << phrase;
  std::cout << "[ artifact ] " << png.string() << "\n[ artifact ] " << pdf.string() << "\n";
}

TEST(ReportBrowserTest, TheSampleBlogsReportShowsTheDatabasesCounts) {
  BLOGSHIFT_REQUIRE_TOOL(browser, "chromium");
  BLOGSHIFT_REQUIRE_TOOL(pdftotext, "pdftotext");
  const auto dir = testing::stage_sample_blog("report-browser-sample");
  {
    // As after `blogshift load` and `blogshift verify`: archives and a
    // redirect map, every one verified; and a crawl of the blog where
    // nothing failed.
    StagingStore store(testing::staging_db(dir));
    testing::put_outputs(store.db(), "ok");
    testing::put_crawl(store.db(), false);
  }
  // Both folded away on screen: a note's message, and a document that passed.
  render_and_check(browser, pdftotext, dir, "sample-blog", true,
                   {"kept as raw HTML", "Cardamom Buns"});
  std::filesystem::remove_all(dir);
}

// A crawl whose fetches failed, in a database that holds nothing else: the
// verdict leads to the fetch section, which lists the failures.
TEST(ReportBrowserTest, ACrawlsFailuresAreWhereTheVerdictLeads) {
  BLOGSHIFT_REQUIRE_TOOL(browser, "chromium");
  BLOGSHIFT_REQUIRE_TOOL(pdftotext, "pdftotext");
  const auto dir = testing::temp_dir("report-browser-fetch");
  {
    StagingStore store((dir / "staging.db").string());
    Database& db = store.db();
    db.exec("INSERT INTO blogs (id, title) VALUES ('4711', 'Kettle & Crumb')");
    testing::put_crawl(db, true);
    const ReportSummary summary = write_report(db, dir.string());
    EXPECT_EQ(summary.fetch_failed, 2);
    const std::string url = "file://" + std::filesystem::absolute(summary.html_path).string();
    Dom dom(chromium(browser, "--dump-dom", url, dir));
    ASSERT_TRUE(dom.ok());
    EXPECT_EQ(dom.text("//p[@id='verdict-sentence']"), summary.verdict);
    EXPECT_EQ(dom.text("//p[@id='verdict-sentence']/a[1]/@href"), "#fetch");
    EXPECT_EQ(dom.text("//p[@id='verdict-sentence']/a[1]"), "2 URLs that could not be fetched from the live blog");
    EXPECT_EQ(dom.count("//section[@id='fetch']//tr[@class='fetch-failure']"), 2);
    EXPECT_EQ(dom.text("//tr[@class='fetch-failure'][1]/td[3]"), "503");
    EXPECT_EQ(dom.count("//nav[@class='toc']//a"), 11);
    std::set<std::string> ids;
    for (const auto& id : dom.values("//@id")) EXPECT_TRUE(ids.insert(id).second) << "duplicate id " << id;
    for (const auto& href : dom.values("//a/@href"))
      if (href.starts_with("#")) {
        EXPECT_TRUE(ids.count(href.substr(1))) << href;
      }
    EXPECT_EQ(dom.count("//details[not(summary)]"), 0);
    check_fetch(dom, db);

    // Printed: the runs, folded away on screen, are there too.
    const auto pdf = artifacts() / "report-fetch.pdf";
    std::filesystem::remove(pdf);
    chromium(browser, "--no-pdf-header-footer --print-to-pdf=" + shell_quote(pdf.string()), url, dir);
    std::filesystem::copy_file(summary.html_path, artifacts() / "report-fetch.html",
                               std::filesystem::copy_options::overwrite_existing);
    ASSERT_TRUE(std::filesystem::exists(pdf));
    int status = -1;
    std::string text = testing::capture(shell_quote(pdftotext) + " " + shell_quote(pdf.string()) + " -", &status);
    ASSERT_EQ(status, 0);
    std::string words;
    for (char c : text)
      if (!std::isspace(static_cast<unsigned char>(c))) words += c;
      else if (!words.empty() && words.back() != ' ') words += ' ';
    for (const char* phrase : {"Fetched from the live blog", "Already held from an earlier run", "2 URLs that failed",
                               "HTTP 503 (gave up after 3 retries)", "3 fetch runs", "2024-05-06T07:08:09Z",
                               "Disallow: /search"})
      EXPECT_NE(words.find(phrase), std::string::npos) << phrase;
    std::cout << "[ artifact ] " << pdf.string() << "\n";
  }
  std::filesystem::remove_all(dir);
}

TEST(ReportBrowserTest, ACorpusBlogsReportShowsTheDatabasesCounts) {
  BLOGSHIFT_REQUIRE_CORPUS();
  const std::string source = testing::corpus("arborlodge-classic-export/blogger-export-2022-02.xml.gz");
  if (!std::filesystem::exists(source)) GTEST_SKIP() << source << " absent";
  BLOGSHIFT_REQUIRE_TOOL(browser, "chromium");
  BLOGSHIFT_REQUIRE_TOOL(pdftotext, "pdftotext");
  const auto dir = testing::stage_blog("report-browser-arborlodge", shell_quote(source));
  {
    StagingStore store(testing::staging_db(dir));
    store.db().exec("DELETE FROM outputs");  // as before `blogshift load`: the report says so
  }
  render_and_check(browser, pdftotext, dir, "arborlodge", false, {});
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace blogshift
