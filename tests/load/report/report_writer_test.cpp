// Both report files as write_report() leaves them for the staged sample
// blog: written atomically with the headline counts returned, the same bytes
// on every write, JSON that parses back (strictly, with python3's json, and
// value by value with yaml-cpp), hostile titles and messages escaped, nothing
// that could reach the network, SVG plots that are well-formed XML, and the
// page's keyboard and print affordances.
#include "report_writer.h"

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <yaml-cpp/yaml.h>

#include <memory>

#include "external_tool.h"
#include "report_test_support.h"
#include "staging_store.h"
#include "temp_file.h"

namespace blogshift {
namespace {

using testing::read_file;
using testing::shell_quote;

class ReportWriterTest : public testing::StagedSampleBlogTest {
protected:
  std::filesystem::path out = testing::temp_dir("report-writer-out");
  ~ReportWriterTest() override { std::filesystem::remove_all(out); }
};

// Every <svg>...</svg> element of the page.
std::vector<std::string> svg_elements(const std::string& html) {
  std::vector<std::string> out;
  for (size_t at = 0; (at = html.find("<svg", at)) != std::string::npos;) {
    const size_t end = html.find("</svg>", at);
    if (end == std::string::npos) break;
    out.push_back(html.substr(at, end + 6 - at));
    at = end;
  }
  return out;
}

TEST_F(ReportWriterTest, WritesBothFilesAndReturnsTheHeadline) {
  const ReportSummary s = write_report(db, out.string());
  EXPECT_EQ(s.html_path, (out / "report.html").string());
  EXPECT_EQ(s.json_path, (out / "report.json").string());
  EXPECT_TRUE(std::filesystem::is_regular_file(s.html_path));
  EXPECT_TRUE(std::filesystem::is_regular_file(s.json_path));
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(out)) {
    ++files;
    EXPECT_TRUE(entry.path().filename() == "report.html" || entry.path().filename() == "report.json") << entry.path();
  }
  EXPECT_EQ(files, 2u) << "no temporary file left behind";
  EXPECT_EQ(s.documents, 15);
  EXPECT_EQ(s.fidelity_passed, 15);
  EXPECT_EQ(s.problems_error, 0);
  EXPECT_EQ(s.problems_info, 1);
  EXPECT_EQ(s.redirects, testing::query_count(db, "SELECT COUNT(*) FROM redirects"));
  EXPECT_FALSE(s.switch_off);  // no archives yet
  EXPECT_EQ(s.verdict, "Not yet: look first at the archives: none was made yet (blogshift load).");
  EXPECT_NE(read_file(s.html_path).find(">Not yet: look first at <a href=\"#archives\">the archives: none was made yet"),
            std::string::npos);
}

TEST_F(ReportWriterTest, TheSameDatabaseGivesTheSameBytes) {
  write_report(db, out.string());
  const std::string html = read_file(out / "report.html"), json = read_file(out / "report.json");
  write_report(db, out.string());
  EXPECT_EQ(read_file(out / "report.html"), html);
  EXPECT_EQ(read_file(out / "report.json"), json);
  const auto other = out / "again";
  write_report(db, other.string());
  EXPECT_EQ(read_file(other / "report.html"), html);
  EXPECT_EQ(read_file(other / "report.json"), json);
  EXPECT_EQ(html.find("generated"), std::string::npos);
  EXPECT_EQ(json.find("generated"), std::string::npos);

  ReportOptions at;
  at.generated_at = "2024-05-06T07:08:09Z";
  write_report(db, other.string(), at);
  EXPECT_NE(read_file(other / "report.html").find("<time id=\"generated-at\">2024-05-06T07:08:09Z</time>"),
            std::string::npos);
  EXPECT_NE(read_file(other / "report.json").find("\"generated_at\": \"2024-05-06T07:08:09Z\""), std::string::npos);
}

TEST_F(ReportWriterTest, TheJsonParsesBackWithTheDatabasesCounts) {
  BLOGSHIFT_REQUIRE_TOOL(python, "python3");
  Transaction scratch(db);
  testing::put_outputs(db, "ok");
  const ReportSummary s = write_report(db, out.string());
  // Strict JSON (no duplicate keys, no NaN), and the top-level keys in order.
  int status = -1;
  const std::string keys = testing::capture(
      shell_quote(python) +
          " -c 'import json,sys\n"
          "def strict(pairs):\n"
          "    keys = [k for k, _ in pairs]\n"
          "    assert len(keys) == len(set(keys)), keys\n"
          "    return dict(pairs)\n"
          "def bad(c): raise ValueError(c)\n"
          "d = json.load(open(sys.argv[1], encoding=\"utf-8\"), object_pairs_hook=strict, parse_constant=bad)\n"
          "print(\" \".join(d))' " +
          shell_quote(s.json_path),
      &status);
  ASSERT_EQ(status, 0) << keys;
  EXPECT_EQ(keys,
            "report_version switch_off verdict reasons blogs sources migrated authors not_migrated by_year posts_per_month "
            "problems fidelity remote_images missing_links redirects archives\n");

  const YAML::Node j = YAML::LoadFile(s.json_path);
  EXPECT_TRUE(j["switch_off"].as<bool>());
  EXPECT_EQ(j["verdict"].as<std::string>(), s.verdict);
  EXPECT_EQ(j["blogs"][0]["title"].as<std::string>(), "Kettle & Crumb");
  auto db_count = [&](const std::string& sql) { return testing::query_count(db, sql); };
  EXPECT_EQ(j["migrated"]["posts"].as<int64_t>(),
            db_count("SELECT COUNT(*) FROM documents d JOIN items i ON i.id = d.item_id WHERE d.kind = 'post' AND i.status = 'LIVE'"));
  EXPECT_EQ(j["migrated"]["images_local"].as<int64_t>(),
            db_count("SELECT COUNT(*) FROM document_links WHERE kind = 'image' AND outcome = 'local'"));
  EXPECT_EQ(j["fidelity"]["documents"].as<int64_t>(), db_count("SELECT COUNT(*) FROM documents"));
  EXPECT_EQ(static_cast<int64_t>(j["fidelity"]["documents_worst_first"].size()), db_count("SELECT COUNT(*) FROM documents"));
  EXPECT_EQ(j["problems"]["total"].as<int64_t>(), db_count("SELECT COUNT(*) FROM problems"));
  EXPECT_EQ(j["problems"]["groups"][0]["rows"][0]["line"].IsNull(), true);  // a transform problem has no line
  EXPECT_EQ(j["redirects"]["total"].as<int64_t>(), db_count("SELECT COUNT(*) FROM redirects"));
  EXPECT_EQ(j["redirects"]["maps"][0]["format"].as<std::string>(), "nginx");
  EXPECT_EQ(j["redirects"]["maps"][0]["rules"].as<int64_t>(), 28);
  EXPECT_EQ(j["archives"]["total"].as<int64_t>(), 3);
  EXPECT_EQ(j["archives"]["verified"].as<int64_t>(), 3);
  EXPECT_TRUE(j["archives"]["items"][0]["size"].IsNull());  // the bag is a folder
  int64_t months = 0;
  for (const auto& m : j["posts_per_month"]) months += m["posts"].as<int64_t>();
  EXPECT_EQ(months, j["migrated"]["posts"].as<int64_t>());
  // One author row per planned author, each counting the documents naming it.
  ASSERT_EQ(static_cast<int64_t>(j["authors"].size()), db_count("SELECT COUNT(*) FROM site_authors"));
  int64_t authored = 0;
  for (const auto& a : j["authors"]) authored += a["documents"].as<int64_t>();
  EXPECT_EQ(authored, db_count("SELECT COUNT(*) FROM documents d JOIN items i ON i.id = d.item_id "
                               "JOIN author_site_ids s ON s.author_id = i.author_id"));
}

TEST_F(ReportWriterTest, HostileTitlesAndMessagesAreEscaped) {
  BLOGSHIFT_REQUIRE_TOOL(python, "python3");
  Transaction scratch(db);
  const std::string title = "<script>alert(\"t\")</script> & <b>bold</b> 'q' \xFF";
  auto set = db.prepare("UPDATE items SET title = ? WHERE id = (SELECT item_id FROM documents WHERE slug = 'sourdough')");
  set.bind(1, title).run();
  db.exec("UPDATE blogs SET title = '</title><h1>owned</h1>'");
  db.exec(
      "INSERT INTO problems (stage, file, line, col, item, severity, code, message) VALUES ('extract',"
      " '\"><img src=x onerror=alert(1)>.xml', 1, 2, '<iframe src=//evil>', 'error', '<X>',"
      " '</td></tr></table><script>alert(2)</script>')");
  db.exec(
      "UPDATE documents SET fidelity_passed = 0, fidelity_detail = 'text lost: ''<svg onload=alert(3)>'''"
      " WHERE slug = 'sourdough'");
  const ReportSummary s = write_report(db, out.string());
  const std::string html = read_file(s.html_path), json = read_file(s.json_path);
  for (const char* injected : {"<script", "<img", "<iframe", "<b>bold", "<h1>owned", "<svg onload", "<X>"})
    EXPECT_EQ(html.find(injected), std::string::npos) << injected;
  EXPECT_NE(html.find("&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt; &#39;q&#39; \xEF\xBF\xBD"),
            std::string::npos);
  EXPECT_NE(html.find("<title>Migration report: &lt;/title&gt;&lt;h1&gt;owned&lt;/h1&gt;</title>"), std::string::npos);
  EXPECT_NE(html.find("&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;alert(2)"), std::string::npos);
  EXPECT_NE(html.find("<li>text lost: &#39;&lt;svg onload=alert(3)&gt;&#39;</li>"), std::string::npos);
  EXPECT_EQ(html.find('\xFF'), std::string::npos);
  EXPECT_EQ(json.find('\xFF'), std::string::npos);

  // The title survives the JSON round trip (the bad byte as U+FFFD).
  int status = -1;
  const std::string back = testing::capture(
      shell_quote(python) +
          " -c 'import json,sys; d = json.load(open(sys.argv[1], encoding=\"utf-8\"));"
          " t = [f[\"title\"] for f in d[\"fidelity\"][\"documents_worst_first\"] if f[\"path\"].endswith(\"/sourdough/index.md\")];"
          " sys.stdout.buffer.write(t[0].encode())' " +
          shell_quote(s.json_path),
      &status);
  ASSERT_EQ(status, 0);
  EXPECT_EQ(back, "<script>alert(\"t\")</script> & <b>bold</b> 'q' \xEF\xBF\xBD");
}

TEST_F(ReportWriterTest, NothingInThePageCanReachTheNetwork) {
  Transaction scratch(db);
  db.exec("UPDATE document_links SET outcome = 'remote' WHERE kind = 'image'");  // image URLs shown as text only
  write_report(db, out.string());
  const std::string html = read_file(out / "report.html");
  EXPECT_NE(html.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"),
            std::string::npos);
  for (const char* fetching : {"<script", "<link", "<img", "<iframe", "<object", "<embed", "@import", "url(", " src=", "@font-face"})
    EXPECT_EQ(html.find(fetching), std::string::npos) << fetching;
  EXPECT_NE(html.find("blogspot.com"), std::string::npos) << "the remote image URLs are listed";
  // Every link stays in the page, or points at report.json beside it.
  size_t links = 0;
  for (size_t at = 0; (at = html.find("href=\"", at)) != std::string::npos; ++links) {
    at += 6;
    const std::string target = html.substr(at, html.find('"', at) - at);
    EXPECT_TRUE(target.starts_with("#") || target == "report.json") << target;
    if (target.starts_with("#")) {
      EXPECT_NE(html.find("id=\"" + target.substr(1) + "\""), std::string::npos) << target;
    }
  }
  EXPECT_GT(links, 10u);
}

TEST_F(ReportWriterTest, ThePlotsAreWellFormedSvgWithATextAlternative) {
  write_report(db, out.string());
  const std::string html = read_file(out / "report.html");
  const auto svgs = svg_elements(html);
  ASSERT_EQ(svgs.size(), 2u);
  const size_t months_with_posts = static_cast<size_t>(
      testing::query_count(db, "SELECT COUNT(DISTINCT strftime('%Y-%m', i.published_utc, printf('%+d minutes', "
                               "COALESCE(i.published_offset, 0)))) FROM documents d JOIN items i ON i.id = d.item_id "
                               "WHERE d.kind = 'post' AND i.status = 'LIVE'"));
  const size_t expected_bars[] = {months_with_posts, 1};  // all 15 documents have a text recall of 1
  for (size_t i = 0; i < svgs.size(); ++i) {
    std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
        xmlReadMemory(svgs[i].data(), static_cast<int>(svgs[i].size()), "plot.svg", "UTF-8",
                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
        &xmlFreeDoc);
    ASSERT_NE(doc, nullptr) << svgs[i];
    xmlNode* root = xmlDocGetRootElement(doc.get());
    ASSERT_NE(root, nullptr);
    EXPECT_STREQ(reinterpret_cast<const char*>(root->name), "svg");
    EXPECT_NE(svgs[i].find("role=\"img\""), std::string::npos);
    size_t rects = 0, titles = 0, descs = 0;
    for (xmlNode* n = root->children; n; n = n->next) {
      if (n->type != XML_ELEMENT_NODE) continue;
      const std::string name = reinterpret_cast<const char*>(n->name);
      titles += name == "title";
      descs += name == "desc";
      if (name == "g")
        for (xmlNode* c = n->children; c; c = c->next)
          rects += c->type == XML_ELEMENT_NODE && std::string(reinterpret_cast<const char*>(c->name)) == "rect";
    }
    EXPECT_EQ(titles, 1u);
    EXPECT_EQ(descs, 1u);
    EXPECT_EQ(rects, expected_bars[i]) << svgs[i];
  }
  // Each plot has its numbers in a table too.
  EXPECT_NE(html.find("<summary>Posts per month as a table"), std::string::npos);
  EXPECT_NE(html.find("<summary>Text recall as a table</summary>"), std::string::npos);
}

TEST_F(ReportWriterTest, ThePageCanBeReadByKeyboardAndPrinted) {
  write_report(db, out.string());
  const std::string html = read_file(out / "report.html");
  // The skip link is the first thing in the body, and leads to <main>.
  EXPECT_NE(html.find("<body>\n<a class=\"skip\" href=\"#main\">"), std::string::npos);
  EXPECT_NE(html.find("<main id=\"main\" tabindex=\"-1\">"), std::string::npos);
  EXPECT_NE(html.find("<nav class=\"toc\" aria-label=\"Contents\">"), std::string::npos);
  for (const char* id : {"verdict", "migrated", "not-migrated", "problems", "fidelity", "remote-images",
                         "missing-links", "redirects", "archives", "fetch", "sources"})
    EXPECT_NE(html.find("<li><a href=\"#" + std::string(id) + "\">"), std::string::npos) << id;
  EXPECT_NE(html.find(":focus-visible {"), std::string::npos);
  const size_t print = html.find("@media print");
  ASSERT_NE(print, std::string::npos);
  const std::string print_css = html.substr(print, html.find("</style>") - print);
  EXPECT_NE(print_css.find("nav.toc { display: none; }"), std::string::npos);
  EXPECT_NE(print_css.find("details::details-content { content-visibility: visible;"), std::string::npos);
  EXPECT_NE(print_css.find("break-before: page"), std::string::npos);
  // Every <details> has its <summary>.
  size_t details = 0;
  for (size_t at = 0; (at = html.find("<details", at)) != std::string::npos; ++at, ++details)
    EXPECT_EQ(html.compare(html.find('>', at) + 1, 9, "<summary>"), 0) << html.substr(at, 80);
  EXPECT_GE(details, 3u);
}

TEST_F(ReportWriterTest, AnEmptyDatabaseGivesAReportThatSaysSo) {
  StagingStore empty((out / "empty.db").string());
  const ReportSummary s = write_report(empty.db(), (out / "site").string());
  EXPECT_FALSE(s.switch_off);
  EXPECT_EQ(s.documents, 0);
  const std::string html = read_file(s.html_path);
  for (const char* says : {"No document was converted yet.", "No archives were made yet", "No redirects yet",
                           "No problems", "No source was read."})
    EXPECT_NE(html.find(says), std::string::npos) << says;
  EXPECT_NE(read_file(s.json_path).find("\"what\": \"nothing\""), std::string::npos);
}

}  // namespace
}  // namespace blogshift
