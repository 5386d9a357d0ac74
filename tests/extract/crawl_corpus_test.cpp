// End-to-end crawl ingest on the shared corpus (skipped when it is absent).
//
// Expected values for the 16 rendered pages were read from the HTML by hand
// and with grep:
//  - titles: the `post-title`/`entry-title` heading (or `<h1>` in the
//    container), checked against `'pageName'` in the _WidgetManager data;
//  - dates: `grep -o "abbr class='published'[^>]*"`, `datetime=`,
//    `itemprop='datePublished'`; pages without a machine date show only a
//    `date-header` / visible date, kept as YYYY-MM-DD;
//  - labels: `grep -c "rel='tag'"` inside the post footer;
//  - comments: `grep -o "<li[^>]*comment[^>]*id=.c[0-9]*" | sort -u | wc -l`
//    (abookshelf 2, plentylife 1, weinlachgummis 1, derpapierplanet 13,
//    luxuryhaven 24; the others 0; SOURCE.md's "comment blocks" column
//    counts class hits in CSS too).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "collecting_sink.h"
#include "crawl/crawl_ingest.h"
#include "crawl/mirror_reader.h"
#include "html/html_reader.h"
#include "url.h"
#include "temp_file.h"
#include "test_paths.h"

namespace blogshift {
namespace {

namespace fs = std::filesystem;
using testing::CollectingSink;
using testing::corpus;

struct Expected {
  const char* file;
  const char* url;
  const char* family;
  const char* title;      // "" for the Dynamic Views page
  const char* published;
  const char* author;
  size_t labels;
  size_t comments;
};

const Expected kPages[] = {
    {"abookshelffullofsunshine.blogspot.com--2013-10-news-viertes-eigenes-blog-interview.html",
     "https://abookshelffullofsunshine.blogspot.com/2013/10/news-viertes-eigenes-blog-interview.html", "third-party",
     "(News) Viertes eigenes Blog-Interview: Dieses Mal mit Anne L\xC3\xBC" "ck", "2013-10-05", "Unknown", 6, 2},
    {"azraelsmerryland.blogspot.com--2020-07-consumers-elevate-appeal-to-president.html",
     "https://azraelsmerryland.blogspot.com/2020/07/consumers-elevate-appeal-to-president.html", "third-party",
     "CONSUMERS ELEVATE APPEAL TO PRESIDENT DUTERTE, SC MORE POWER wallops Iloilo with double whammy of brownouts, bill shocks",
     "2020-07-05", "Azrael Coladilla", 0, 0},
    {"bumsbutzener-gumpfen.blogspot.com--2020-04-tach-auch.html", "http://bumsbutzener-gumpfen.blogspot.com/2020/04/tach-auch.html",
     "layouts-minima", "Tach auch!", "2020-04-28T21:11:00+02:00", "der Michel", 0, 0},
    {"emacspeak.blogspot.com--2019-10-meta-programming-in-emacs-using.html",
     "https://emacspeak.blogspot.com/2019/10/meta-programming-in-emacs-using.html", "simple",
     "Meta-Programming In Emacs Using Defadvice", "2019-10-16T14:33:00-07:00", "T. V. Raman", 0, 0},
    {"juliasleseblog.blogspot.com--2018-08-irland-roadtrip.html", "http://juliasleseblog.blogspot.com/2018/08/irland-roadtrip.html",
     "dynamic-views", "", "", "", 0, 0},
    {"plentylife.blogspot.com--2017-05-strong-beautiful-pamela-reif-rezension.html",
     "https://plentylife.blogspot.com/2017/05/strong-beautiful-pamela-reif-rezension.html", "layouts-v2",
     "Strong & Beautiful - Pamela Reif [Rezension]", "2017-05-03", "Sandra", 8, 1},
    {"security.googleblog.com--2020-05-enhanced-safe-browsing-protection-now.html",
     "https://security.googleblog.com/2020/05/enhanced-safe-browsing-protection-now.html", "layouts-v2",
     "Enhanced Safe Browsing Protection now available in Chrome", "2020-05-19", "Google", 0, 0},
    {"sibenlab.blogspot.com--2018-06-sibenlab-privacy-policy.html", "http://sibenlab.blogspot.com/2018/06/sibenlab-privacy-policy.html",
     "simple", "SibenLab privacy policy", "2018-06-05T08:00:00-07:00", "Unknown", 0, 0},
    {"weinlachgummis.blogspot.com--2017-09-rezi-love-is-war-sehnsucht-von-r-k.html",
     "https://weinlachgummis.blogspot.com/2017/09/rezi-love-is-war-sehnsucht-von-r-k.html", "watermark",
     "[Rezi] Love is War - Sehnsucht von R. K. Lilley", "2017-09-09T10:52:00+02:00", "Weinlachgummi", 8, 1},
    {"www.chineselyrics4u.com--2011-07-zhi-neng-xiang-nian-ni-jam-hsiao-jing.html",
     "http://www.chineselyrics4u.com/2011/07/zhi-neng-xiang-nian-ni-jam-hsiao-jing.html", "awesome-inc",
     "Zhi Neng Xiang Nian Ni - Jam Hsiao Jing Teng (\xE5\x8F\xAA\xE8\x83\xBD\xE6\x83\xB3\xE5\xBF\xB5\xE4\xBD\xA0 - \xE8\x95\xAD\xE6\x95\xAC\xE9\xA8\xB0)",
     "2011-07-28T12:11:00+08:00", "K A", 2, 0},
    {"www.derpapierplanet.de--2015-06-through-booking-glass-juni-genre.html",
     "https://www.derpapierplanet.de/2015/06/through-booking-glass-juni-genre.html", "third-party",
     "Through the Booking Glass: Juni & Genre-Vorstellung", "2015-06-05", "", 2, 13},
    {"www.hassanchef.com--2020-09-bhindi-masala-okra-stir-fry.html", "https://www.hassanchef.com/2020/09/bhindi-masala-okra-stir-fry.html",
     "third-party", "Bhindi masala (okra stir fry)", "2020-09-15T09:32:00-07:00", "Mobasir hassan", 1, 0},
    {"www.linknaija.com--2018-08-breaking-news-chelsea-activate-716m.html",
     "https://www.linknaija.com/2018/08/breaking-news-chelsea-activate-716m.html", "third-party",
     "BREAKING NEWS: Chelsea Activate \xC2\xA3" "71.6m Release Clause To Sign Kepa Arrizabalaga From Athletic Bilbao",
     "2018-08-08T11:24:00+02:00", "LinkNaija", 2, 0},
    {"www.linknaija.com--2018-10-nollywood-actress-kate-henshaw-is.html",
     "https://www.linknaija.com/2018/10/nollywood-actress-kate-henshaw-is.html", "third-party",
     "Nollywood Actress, Kate Henshaw Is Looking Stunning In New Photos", "2018-10-06T08:57:00+02:00", "LinkNaija", 2, 0},
    {"www.luxuryhaven.co--2019-05-nam-nghi-phu-quoc-unbound-collection-by-hyatt-officially-opens.html",
     "https://www.luxuryhaven.co/2019/05/nam-nghi-phu-quoc-unbound-collection-by-hyatt-officially-opens.html", "third-party",
     "Nam Nghi Phu Quoc, The Unbound Collection by Hyatt Officially Opens", "2019-05-30", "Blackswan", 3, 24},
};

CollectingSink ingest(const std::string& path, const std::string& url) {
  CrawledFile file;
  file.url = url;
  file.content_type = "text/html";
  file.bytes = testing::read_file(path);
  file.position.file = path;
  CollectingSink sink;
  ingest_crawled_file(file, sink);
  return sink;
}

TEST(CrawlCorpus, RenderedPages) {
  BLOGSHIFT_REQUIRE_CORPUS();
  for (const Expected& e : kPages) {
    SCOPED_TRACE(e.file);
    CollectingSink sink = ingest(corpus(std::string("blogger-rendered-pages/") + e.file), e.url);
    ASSERT_FALSE(sink.blogs.empty());
    EXPECT_FALSE(sink.blogs[0].blog_id.empty());
    if (std::string(e.title).empty()) {  // Dynamic Views: the body is loaded by JavaScript
      EXPECT_TRUE(sink.items.empty());
      EXPECT_EQ(sink.count_problems("HTML_NO_POST_BODY"), 1u);
      EXPECT_EQ(sink.assets.size(), 1u);
      continue;
    }
    ASSERT_EQ(sink.count(ItemKind::Post), 1u);
    const ItemRecord& post = sink.items[0];
    EXPECT_EQ(post.template_family, e.family);
    EXPECT_EQ(post.title, e.title);
    EXPECT_EQ(post.published, e.published);
    EXPECT_EQ(post.author_name, e.author);
    EXPECT_EQ(post.labels.size(), e.labels);
    EXPECT_EQ(post.evidence, Evidence::Permalink);
    EXPECT_FALSE(post.blogger_id.empty());
    EXPECT_GT(post.body_html.size(), 500u);
    EXPECT_EQ(post.legacy_path, url_path(e.url));
    EXPECT_EQ(sink.count(ItemKind::Comment), e.comments);
    for (const ItemRecord& c : sink.items)
      if (c.kind == ItemKind::Comment) {
        EXPECT_EQ(c.parent_blogger_id, post.blogger_id);
        EXPECT_FALSE(c.published.empty());
        EXPECT_FALSE(c.body_html.empty());
      }
    EXPECT_EQ(sink.problems.size(), 0u);
  }
}

TEST(CrawlCorpus, ArchivePageGivesListingEvidence) {
  BLOGSHIFT_REQUIRE_CORPUS();
  CollectingSink sink = ingest(corpus("blogger-rendered-pages/unexpecteduser.blogspot.com--2011.html"),
                               "http://unexpecteduser.blogspot.com/2011/");
  ASSERT_EQ(sink.items.size(), 1u);  // one post shown in the 2011 archive (grep -c "post-outer")
  EXPECT_EQ(sink.items[0].evidence, Evidence::Listing);
  EXPECT_EQ(sink.items[0].legacy_path, "/2011/03/this-is-my-old-blog.html");
  EXPECT_EQ(sink.items[0].published, "2011-03-30T21:05:00-07:00");
}

// linknaija-ground-truth.json: url and the start of articleBody per page.
TEST(CrawlCorpus, LinknaijaMatchesGroundTruth) {
  BLOGSHIFT_REQUIRE_CORPUS();
  std::string truth = testing::read_file(corpus("blogger-rendered-pages/linknaija-ground-truth.json"));
  struct Case {
    const char* file;
    const char* url;
    const char* body_start;
  } cases[] = {
      {"www.linknaija.com--2018-10-nollywood-actress-kate-henshaw-is.html", "https://www.linknaija.com/2018/10/nollywood-actress-kate-henshaw-is.html",
       "Photos which were released online and are making the rounds on social media"},
      {"www.linknaija.com--2018-08-breaking-news-chelsea-activate-716m.html", "https://www.linknaija.com/2018/08/breaking-news-chelsea-activate-716m.html",
       "Chelsea have this morning paid the"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.file);
    ASSERT_NE(truth.find(std::string("\"url\": \"") + c.url + "\""), std::string::npos);
    ASSERT_NE(truth.find(std::string("\"articleBody\": \"") + c.body_start), std::string::npos);
    CollectingSink sink = ingest(corpus(std::string("blogger-rendered-pages/") + c.file), c.url);
    ASSERT_FALSE(sink.items.empty());
    EXPECT_EQ(sink.items[0].urls.front(), c.url);
    HtmlDocument body = parse_html(sink.items[0].body_html);
    EXPECT_EQ(text_content(*body.root).rfind(c.body_start, 0), 0u) << text_content(*body.root).substr(0, 120);
  }
}

void expect_program_think(const CollectingSink& sink, size_t posts, const std::map<std::string, size_t>& per_year) {
  EXPECT_EQ(sink.count(ItemKind::Post), posts);
  std::map<std::string, size_t> years;
  for (const ItemRecord& i : sink.items) {
    EXPECT_EQ(i.template_family, "offline-export");
    EXPECT_EQ(i.blog_id, "host:program-think.blogspot.com");
    EXPECT_FALSE(i.title.empty());
    EXPECT_FALSE(i.body_html.empty());
    EXPECT_EQ(i.urls.front().rfind("https://program-think.blogspot.com/", 0), 0u) << i.position.file;
    ++years[i.legacy_path.substr(1, 4)];
  }
  for (const auto& [year, n] : per_year) EXPECT_EQ(years[year], n) << year;
  EXPECT_EQ(sink.count_problems("HTML_NOT_BLOGGER"), 0u);
}

TEST(CrawlCorpus, ProgramThinkSample) {
  BLOGSHIFT_REQUIRE_CORPUS();
  CollectingSink sink;
  read_mirror(corpus("program-think-offline/sample"), sink);
  // 27 HTML files: 26 posts (2009/01: 18, 2021: 8) and index.html (a listing: skipped), plus the CSS.
  expect_program_think(sink, 26, {{"2009", 18}, {"2021", 8}});
  const ItemRecord* post = sink.find_by_path("/2021/01/12-years-blogging.html");
  ASSERT_NE(post, nullptr);
  EXPECT_EQ(post->title, "\xE5\xBC\x80\xE5\x8D\x9A" "12\xE5\x91\xA8\xE5\xB9\xB4\xE5\xBA\x86\xEF\xBC\x8C\xE5\x8D\x9A\xE6\x96\x87\xE5\x88\x86\xE7\xB1\xBB\xE6\xB1\x87\xE6\x80\xBB");  // 开博12周年庆，博文分类汇总
  EXPECT_EQ(post->published, "2021-01-15");
  EXPECT_EQ(post->labels, std::vector<std::string>{"\xE5\x8D\x9A\xE5\xAE\xA2\xE9\x80\x9A\xE5\x91\x8A"});  // 博客通告
  EXPECT_EQ(post->body_html.find("<a name='more'></a><!--program-think-->") != std::string::npos, true);
  EXPECT_EQ(sink.skips.size(), 1u);  // index.html
}

TEST(CrawlCorpus, ProgramThinkWholeBlog) {
  BLOGSHIFT_REQUIRE_CORPUS();
  fs::path dir = testing::temp_dir("program-think");
  std::string cmd = "tar -xzf '" + corpus("program-think-offline/program-think-html-2009-2021.tar.gz") + "' -C '" + dir.string() + "'";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  CollectingSink sink;
  read_mirror((dir / "program-think/html").string(), sink);
  // Per-year counts from SOURCE.md.
  expect_program_think(sink, 710,
                       {{"2009", 93}, {"2010", 40}, {"2011", 58}, {"2012", 109}, {"2013", 96}, {"2014", 76}, {"2015", 61},
                        {"2016", 37}, {"2017", 34}, {"2018", 31}, {"2019", 39}, {"2020", 28}, {"2021", 8}});
  EXPECT_EQ(sink.skips.size(), 56u);  // index.html, 42 tag pages, 13 archive pages
  fs::remove_all(dir);
}

}  // namespace
}  // namespace blogshift
