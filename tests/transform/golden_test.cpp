// Golden tests: whole real posts through the body pipeline, compared byte
// for byte with reviewed Markdown files.
//
//   item body HTML -> convert_body() -> write_commonmark() == golden/<source>/<name>.md
//
// The bodies come out of the extract readers exactly as `blogshift extract`
// stages them (an export through read_atom_export, a mirror folder through
// read_mirror, a saved page through ingest_crawled_file), picked by legacy
// path (or by post id for a draft). Each case also has to pass the fidelity
// check with no URL rewriting, and its Markdown must have no trailing white
// space and exactly one final newline. golden/README.md says where every
// input came from.
//
// Each golden file is its own test (Golden/<source>__<name>). Cases read from
// ../shared/corpus skip when it is absent; the sample-blog cases read the
// repository's own fixtures and always run.
//
// BLOGSHIFT_ACCEPT=1 rewrites the golden files of the cases that ran from
// the current output (then review them in the diff).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <ostream>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "body_converter.h"
#include "collecting_sink.h"
#include "crawl/crawl_ingest.h"
#include "crawl/mirror_reader.h"
#include "fidelity/fidelity_check.h"
#include "markdown/commonmark_writer.h"
#include "temp_file.h"
#include "test_paths.h"
#include "xml/atom_export_reader.h"

namespace blogshift {
namespace {

namespace fs = std::filesystem;
using testing::CollectingSink;

fs::path golden_dir() { return fs::path(BLOGSHIFT_FIXTURES_DIR) / ".." / "tests" / "transform" / "golden"; }

bool accepting() {
  const char* v = std::getenv("BLOGSHIFT_ACCEPT");
  return v && std::string(v) == "1";
}

// ---- the inputs ----------------------------------------------------------------

// Where a source's items come from. `page_url` is only for a single saved
// page (the URL it was served under).
struct Source {
  const char* folder;  // golden/<folder>/
  bool corpus;         // read from ../shared/corpus (skips when absent)
  std::function<void(const std::string& input, const std::string& page_url, CollectingSink&)> read;
  const char* input;   // the file or folder, relative to the corpus or fixtures
};

void read_export(const std::string& input, const std::string&, CollectingSink& sink) { read_atom_export(input, sink); }

void read_folder(const std::string& input, const std::string&, CollectingSink& sink) { read_mirror(input, sink); }

void read_page(const std::string& input, const std::string& page_url, CollectingSink& sink) {
  CrawledFile file;
  file.url = page_url;
  file.content_type = "text/html";
  file.bytes = testing::read_file(input);
  file.position.file = input;
  ingest_crawled_file(file, sink);
}

const Source kArborClassic{"arborlodge-classic", true, read_export,
                           "arborlodge-classic-export/blogger-export-2022-02.xml.gz"};
const Source kArborTakeout{"arborlodge-takeout", true, read_export, "arborlodge-takeout-derived/feed.atom.gz"};
const Source kProgramThink{"program-think", true, read_folder, "program-think-offline/sample"};
const Source kRenderedPages{"rendered-pages", true, read_page, "blogger-rendered-pages"};
const Source kPelican{"pelican", true, read_export, "pelican-fixture-classic-export/bloggerexport.xml"};
const Source kSampleBlog{"sample-blog", false, read_export, "sample-blog/feed.atom"};

struct GoldenCase {
  const Source* source;
  const char* name;  // golden/<folder>/<name>.md
  const char* key;   // the item's legacy path, or its post id (drafts have no path)
  const char* page;  // rendered pages: the saved file under `input` and its URL
  const char* page_url;
};

// What each case exercises is listed in golden/README.md.
const GoldenCase kCases[] = {
    // arborlodge classic export (read_atom_export, kind# categories)
    {&kArborClassic, "2011-05-np-greenway-update-presentation", "/2011/05/np-greenway-update-presentation.html", "", ""},
    {&kArborClassic, "2013-04-net-training-fires-and-hazmat-symbols", "/2013/04/net-training-fires-and-hazmat-symbols.html", "", ""},
    {&kArborClassic, "2019-09-save-downtown-arbor-lodge-fundraising", "/2019/09/save-downtown-arbor-lodge-fundraising.html", "", ""},
    {&kArborClassic, "2021-02-urgent-volunteers-needed-to-staff", "/2021/02/urgent-volunteers-needed-to-staff.html", "", ""},
    {&kArborClassic, "2021-05-alna-land-use-meeting-may-27-2021", "/2021/05/alna-land-use-meeting-may-27-2021.html", "", ""},
    // arborlodge in the Takeout layout (other posts of the same blog)
    {&kArborTakeout, "2012-05-summers-here-host-block-party", "/2012/05/summers-here-host-block-party.html", "", ""},
    {&kArborTakeout, "2016-09-change-date-for-vigil-for-stanley", "/2016/09/change-date-for-vigil-for-stanley.html", "", ""},
    {&kArborTakeout, "2019-10-save-downtown-campaign-update", "/2019/10/save-downtown-campaign-update.html", "", ""},
    {&kArborTakeout, "2021-01-arbor-lodge-neighborhood-association_29", "/2021/01/arbor-lodge-neighborhood-association_29.html", "", ""},
    {&kArborTakeout, "p-disaster-preparedness", "/p/disaster-preparedness.html", "", ""},
    // program-think offline mirror (read_mirror over the sample folder)
    {&kProgramThink, "2009-01-1", "/2009/01/1.html", "", ""},
    {&kProgramThink, "2009-01-cxx-cross-platform-develop-2-language", "/2009/01/cxx-cross-platform-develop-2-language.html", "", ""},
    {&kProgramThink, "2009-01-job-in-economy-decline", "/2009/01/job-in-economy-decline.html", "", ""},
    {&kProgramThink, "2009-01-twitter-and-break-news-and-people", "/2009/01/twitter-and-break-news-and-people.html", "", ""},
    {&kProgramThink, "2021-02-Watergate-Scandal", "/2021/02/Watergate-Scandal.html", "", ""},
    // blogger-rendered-pages (ingest_crawled_file, one saved page each)
    {&kRenderedPages, "emacspeak-2019-10-meta-programming-in-emacs-using", "/2019/10/meta-programming-in-emacs-using.html",
     "emacspeak.blogspot.com--2019-10-meta-programming-in-emacs-using.html",
     "https://emacspeak.blogspot.com/2019/10/meta-programming-in-emacs-using.html"},
    {&kRenderedPages, "chineselyrics4u-2011-07-zhi-neng-xiang-nian-ni-jam-hsiao-jing",
     "/2011/07/zhi-neng-xiang-nian-ni-jam-hsiao-jing.html",
     "www.chineselyrics4u.com--2011-07-zhi-neng-xiang-nian-ni-jam-hsiao-jing.html",
     "http://www.chineselyrics4u.com/2011/07/zhi-neng-xiang-nian-ni-jam-hsiao-jing.html"},
    {&kRenderedPages, "security-googleblog-2020-05-enhanced-safe-browsing-protection-now",
     "/2020/05/enhanced-safe-browsing-protection-now.html",
     "security.googleblog.com--2020-05-enhanced-safe-browsing-protection-now.html",
     "https://security.googleblog.com/2020/05/enhanced-safe-browsing-protection-now.html"},
    {&kRenderedPages, "weinlachgummis-2017-09-rezi-love-is-war-sehnsucht-von-r-k",
     "/2017/09/rezi-love-is-war-sehnsucht-von-r-k.html",
     "weinlachgummis.blogspot.com--2017-09-rezi-love-is-war-sehnsucht-von-r-k.html",
     "https://weinlachgummis.blogspot.com/2017/09/rezi-love-is-war-sehnsucht-von-r-k.html"},
    {&kRenderedPages, "sibenlab-2018-06-sibenlab-privacy-policy", "/2018/06/sibenlab-privacy-policy.html",
     "sibenlab.blogspot.com--2018-06-sibenlab-privacy-policy.html",
     "http://sibenlab.blogspot.com/2018/06/sibenlab-privacy-policy.html"},
    // pelican's trimmed export: its two posts (one a draft, found by id)
    {&kPelican, "2010-11-the-steel-windpipe", "/2010/11/the-steel-windpipe.html", "", ""},
    {&kPelican, "draft-1276418104709695660", "1276418104709695660", "", ""},
    // the repository's own sample blog (never skipped)
    {&kSampleBlog, "2019-06-strawberry-galette-summer-on-plate", "/2019/06/strawberry-galette-summer-on-plate.html", "", ""},
    {&kSampleBlog, "2020-04-the-no-knead-loaf-that-saved-lockdown", "/2020/04/the-no-knead-loaf-that-saved-lockdown.html", "", ""},
    {&kSampleBlog, "2020-08-creme-brulee-for-two", "/2020/08/creme-brulee-for-two.html", "", ""},
    {&kSampleBlog, "2021-03-sourdough_12", "/2021/03/sourdough_12.html", "", ""},
    {&kSampleBlog, "2021-10-cups-vs-grams-why-i-weigh-everything", "/2021/10/cups-vs-grams-why-i-weigh-everything.html", "", ""},
};

// gtest prints a failing case by this, not as bytes.
void PrintTo(const GoldenCase& c, std::ostream* os) { *os << c.source->folder << "/" << c.name << ".md"; }

std::string input_path(const Source& s, const GoldenCase& c) {
  std::string base = s.corpus ? testing::corpus(s.input) : testing::fixture(s.input);
  return *c.page ? base + "/" + c.page : base;
}

// A source is read once per process (the arborlodge export is 3 MB).
const CollectingSink& items_of(const GoldenCase& c) {
  static std::map<std::string, std::unique_ptr<CollectingSink>> cache;
  std::string path = input_path(*c.source, c);
  auto& slot = cache[path];
  if (!slot) {
    slot = std::make_unique<CollectingSink>();
    c.source->read(path, c.page_url, *slot);
    slot->assets.clear();
  }
  return *slot;
}

const ItemRecord* find_item(const CollectingSink& sink, const std::string& key) {
  for (const auto& i : sink.items)
    if (i.kind != ItemKind::Comment && (i.legacy_path == key || i.blogger_id == key)) return &i;
  return nullptr;
}

// ---- the checks ----------------------------------------------------------------

// "line N: ..." for every line that ends in a space or tab.
std::string trailing_whitespace(const std::string& text) {
  std::string found;
  size_t line = 1, start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string::npos ? text.size() : nl;
    if (end > start && (text[end - 1] == ' ' || text[end - 1] == '\t'))
      found += "line " + std::to_string(line) + ": \"" + text.substr(start, end - start) + "\"\n";
    if (nl == std::string::npos) break;
    start = nl + 1;
    ++line;
  }
  return found;
}

// The first differing line of two texts, for a readable failure.
std::string first_difference(const std::string& expected, const std::string& actual) {
  std::istringstream e(expected), a(actual);
  std::string el, al;
  size_t line = 0;
  while (true) {
    ++line;
    bool he = static_cast<bool>(std::getline(e, el)), ha = static_cast<bool>(std::getline(a, al));
    if (!he && !ha) return "the texts differ only in their final newlines";
    if (!he || !ha || el != al)
      return "first difference at line " + std::to_string(line) + ":\n  golden: " + (he ? el : "<end>") +
             "\n  actual: " + (ha ? al : "<end>");
  }
}

std::string test_name(const GoldenCase& c) {
  std::string raw = std::string(c.source->folder) + "__" + c.name, out;
  for (char ch : raw) {
    bool word = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_';
    out += word ? ch : '_';
  }
  return out;
}

fs::path golden_path(const GoldenCase& c) {
  return (golden_dir() / c.source->folder / (std::string(c.name) + ".md")).lexically_normal();
}

class Golden : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(Golden, MarkdownMatchesTheGoldenFile) {
  const GoldenCase& c = GetParam();
  if (c.source->corpus) BLOGSHIFT_REQUIRE_CORPUS();
  const ItemRecord* item = find_item(items_of(c), c.key);
  ASSERT_NE(item, nullptr) << "no item " << c.key << " in " << input_path(*c.source, c);
  ASSERT_FALSE(item->body_html.empty()) << c.key;

  BodyConversion conv = convert_body(item->body_html);
  ASSERT_NE(conv.document, nullptr);
  ASSERT_NE(conv.body, nullptr);
  std::string markdown = write_commonmark(*conv.document);

  EXPECT_EQ(trailing_whitespace(markdown), "") << "trailing white space in " << c.name;
  ASSERT_FALSE(markdown.empty());
  EXPECT_EQ(markdown.back(), '\n') << "no final newline";
  EXPECT_FALSE(markdown.ends_with("\n\n")) << "more than one final newline";

  FidelityResult fidelity = check_fidelity(*conv.body, markdown, {});
  EXPECT_TRUE(fidelity.passed) << "fidelity: text " << fidelity.text_recall << ", breaks " << fidelity.break_recall
                               << ", links " << fidelity.links_kept << "/" << fidelity.links_total << ", images "
                               << fidelity.images_kept << "/" << fidelity.images_total << ", code "
                               << (fidelity.code_ok ? "ok" : "differs") << ": " << fidelity.detail;

  fs::path golden = golden_path(c);
  if (accepting()) {
    if (!fs::exists(golden) || testing::read_file(golden) != markdown) {
      testing::write_file(golden, markdown);
      std::printf("accepted %s\n", golden.string().c_str());
    }
    return;
  }
  ASSERT_TRUE(fs::exists(golden)) << golden.string() << " is missing; run with BLOGSHIFT_ACCEPT=1 and review it";
  std::string expected = testing::read_file(golden);
  EXPECT_TRUE(markdown == expected) << golden.string() << " differs (BLOGSHIFT_ACCEPT=1 rewrites it)\n"
                                    << first_difference(expected, markdown);
}

INSTANTIATE_TEST_SUITE_P(Posts, Golden, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<GoldenCase>& p) { return test_name(p.param); });

// Every .md under golden/ but the README belongs to a case (a renamed case
// leaves no stale file behind), and case names are unique.
TEST(GoldenFiles, EveryGoldenFileHasACase) {
  std::set<fs::path> expected;
  for (const GoldenCase& c : kCases) EXPECT_TRUE(expected.insert(golden_path(c)).second) << c.name;
  std::error_code ec;
  for (const auto& entry : fs::recursive_directory_iterator(golden_dir(), ec))
    if (entry.path().extension() == ".md" && entry.path().filename() != "README.md") {
      EXPECT_TRUE(expected.count(entry.path().lexically_normal())) << "no case for " << entry.path().string();
    }
}

}  // namespace
}  // namespace blogshift
