// The Blogger page scraper on small pieces cut from real pages
// (fixtures/rendered-pages/, see its README) and on hand-written pages.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "crawl/blogger_page_scraper.h"
#include "crawl/scrape_text.h"
#include "html/html_reader.h"
#include "temp_file.h"
#include "test_paths.h"

namespace blogshift {
namespace {

using testing::fixture;

ScrapedPage scrape_fixture(const std::string& name, const std::string& url) {
  HtmlDocument doc = parse_html(testing::read_file(fixture("rendered-pages/" + name)));
  return scrape_blogger_page(doc, url);
}

TEST(Scraper, SimpleTemplatePost) {
  ScrapedPage page = scrape_fixture("emacspeak.blogspot.com--2019-10-meta-programming-in-emacs-using.html",
                                    "https://emacspeak.blogspot.com/2019/10/meta-programming-in-emacs-using.html?m=0");
  EXPECT_EQ(page.kind, PageKind::Permalink);
  EXPECT_EQ(page.template_family, "simple");
  EXPECT_EQ(page.blog_id, "20280042");
  ASSERT_EQ(page.posts.size(), 1u);
  const ScrapedPost& p = page.posts[0];
  EXPECT_EQ(p.blogger_id, "4544335809639638846");
  EXPECT_EQ(p.title, "Meta-Programming In Emacs Using Defadvice");
  EXPECT_EQ(p.published, "2019-10-16T14:33:00-07:00");
  EXPECT_EQ(p.author_name, "T. V. Raman");
  EXPECT_EQ(p.author_uri, "https://www.blogger.com/profile/03589687652590194428");
  EXPECT_EQ(p.legacy_path, "/2019/10/meta-programming-in-emacs-using.html");
  EXPECT_EQ(p.permalink, "https://emacspeak.blogspot.com/2019/10/meta-programming-in-emacs-using.html");
  EXPECT_LT(p.body_html.find("<div id=\"content\"><h1 class=\"title\">Meta-Programming In Emacs Using <b>"), 10u);
}

TEST(Scraper, WatermarkPostWithLabelsAndComment) {
  ScrapedPage page = scrape_fixture("weinlachgummis.blogspot.com--2017-09-rezi-love-is-war-sehnsucht-von-r-k.html",
                                    "https://weinlachgummis.blogspot.com/2017/09/rezi-love-is-war-sehnsucht-von-r-k.html");
  EXPECT_EQ(page.template_family, "watermark");
  ASSERT_EQ(page.posts.size(), 1u);
  const ScrapedPost& p = page.posts[0];
  EXPECT_EQ(p.published, "2017-09-09T10:52:00+02:00");
  EXPECT_EQ(p.labels.size(), 8u);
  EXPECT_EQ(p.labels.front(), "2017");
  ASSERT_EQ(p.comments.size(), 1u);
  EXPECT_EQ(p.comments[0].blogger_id, "6452616768283379311");
  EXPECT_EQ(p.comments[0].author_name, "Unknown");
  EXPECT_EQ(p.comments[0].published, "2017-09-10T16:12:36.197Z");  // from ?showComment=<ms>
  EXPECT_EQ(p.comments[0].published_text, "10. September 2017 um 18:12");
}

TEST(Scraper, MinimaPostWithoutProfileLink) {
  ScrapedPage page = scrape_fixture("bumsbutzener-gumpfen.blogspot.com--2020-04-tach-auch.html",
                                    "http://bumsbutzener-gumpfen.blogspot.com/2020/04/tach-auch.html");
  EXPECT_EQ(page.template_family, "layouts-minima");
  ASSERT_EQ(page.posts.size(), 1u);
  EXPECT_EQ(page.posts[0].title, "Tach auch!");
  EXPECT_EQ(page.posts[0].author_name, "der Michel");  // "Eingestellt von " dropped
  EXPECT_EQ(page.posts[0].blogger_id, "4975188933883288645");
}

TEST(Scraper, ThreadedCommentsKeepTheirReplies) {
  ScrapedPage page = scrape_fixture("www.derpapierplanet.de--2015-06-through-booking-glass-juni-genre.html",
                                    "https://www.derpapierplanet.de/2015/06/through-booking-glass-juni-genre.html?m=1");
  EXPECT_EQ(page.template_family, "mobile");  // the ?m=1 URL
  EXPECT_EQ(page.page_url, "https://www.derpapierplanet.de/2015/06/through-booking-glass-juni-genre.html");
  ASSERT_EQ(page.posts.size(), 1u);
  const ScrapedPost& p = page.posts[0];
  EXPECT_EQ(p.published, "2015-06-05");  // only the date header "Freitag, 5. Juni 2015"
  ASSERT_EQ(p.comments.size(), 13u);
  EXPECT_EQ(p.comments[1].in_reply_to, p.comments[0].blogger_id);
  EXPECT_EQ(p.comments[0].body_html.substr(0, 13), "Huhu Sanne :)");
}

TEST(Scraper, ArchivePageIsAListing) {
  ScrapedPage page = scrape_fixture("unexpecteduser.blogspot.com--2011.html", "http://unexpecteduser.blogspot.com/2011/");
  EXPECT_EQ(page.kind, PageKind::Listing);
  ASSERT_EQ(page.posts.size(), 1u);
  EXPECT_EQ(page.posts[0].legacy_path, "/2011/03/this-is-my-old-blog.html");
  EXPECT_EQ(page.posts[0].title, "This Is My Old Blog");
}

TEST(Scraper, AwesomeIncKeepsChineseTitle) {
  ScrapedPage page = scrape_fixture("www.chineselyrics4u.com--2011-07-zhi-neng-xiang-nian-ni-jam-hsiao-jing.html",
                                    "http://www.chineselyrics4u.com/2011/07/zhi-neng-xiang-nian-ni-jam-hsiao-jing.html");
  EXPECT_EQ(page.template_family, "awesome-inc");
  ASSERT_EQ(page.posts.size(), 1u);
  EXPECT_EQ(page.posts[0].title, "Zhi Neng Xiang Nian Ni - Jam Hsiao Jing Teng (\xE5\x8F\xAA\xE8\x83\xBD\xE6\x83\xB3\xE5\xBF\xB5\xE4\xBD\xA0 - \xE8\x95\xAD\xE6\x95\xAC\xE9\xA8\xB0)");
  EXPECT_EQ(page.posts[0].labels, (std::vector<std::string>{"Jam Hsiao Jing Teng", "Mandarin"}));
}

TEST(Scraper, NonBloggerPage) {
  HtmlDocument doc = parse_html("<html><head><title>x</title></head><body><div class='post'>hi</div></body></html>");
  EXPECT_EQ(scrape_blogger_page(doc, "https://example.org/a.html").kind, PageKind::NotBlogger);
}

TEST(Scraper, ClassicTemplateCommentsBlock) {
  HtmlDocument doc = parse_html(
      "<html><head><meta name='generator' content='Blogger'/></head><body>"
      "<h2 class='date-header'>Monday, January 5, 2004</h2>"
      "<div class='post'><a name='10733111'></a><h3 class='post-title'>Old post</h3>"
      "<div class='post-body'><p>Body &amp; soul</p></div>"
      "<p class='post-footer'><em>posted by <a href='http://www.blogger.com/profile/1'>Ann</a> at "
      "<a href='http://old.blogspot.com/2004/01/old-post.html' title='permanent link'>9:00 AM</a></em></p></div>"
      "<div id='comments'><dl id='comments-block'>"
      "<dt class='comment-author' id='c555'><a name='c555'></a><a href='http://www.blogger.com/profile/2'>Bob</a> said...</dt>"
      "<dd class='comment-body'><p>Nice</p></dd>"
      "<dd class='comment-footer'><span class='comment-timestamp'><a href='http://old.blogspot.com/2004/01/old-post.html?showComment=1073300000000#c555'>1/5/2004</a></span></dd>"
      "</dl></div></body></html>");
  ScrapedPage page = scrape_blogger_page(doc, "http://old.blogspot.com/2004/01/old-post.html");
  EXPECT_EQ(page.template_family, "classic");
  ASSERT_EQ(page.posts.size(), 1u);
  const ScrapedPost& p = page.posts[0];
  EXPECT_EQ(p.title, "Old post");
  EXPECT_EQ(p.body_html, "<p>Body &amp; soul</p>");
  EXPECT_EQ(p.published, "2004-01-05");
  EXPECT_EQ(p.blogger_id, "10733111");
  ASSERT_EQ(p.comments.size(), 1u);
  EXPECT_EQ(p.comments[0].blogger_id, "555");
  EXPECT_EQ(p.comments[0].author_name, "Bob");
  EXPECT_EQ(p.comments[0].body_html, "<p>Nice</p>");
  EXPECT_EQ(p.comments[0].published, "2004-01-05T10:53:20.000Z");
}

TEST(ScrapeText, HumanDates) {
  EXPECT_EQ(date_from_text("Samstag, 5. Oktober 2013"), "2013-10-05");
  EXPECT_EQ(date_from_text("May 30, 2019 at 1:06 PM"), "2019-05-30");
  EXPECT_EQ(date_from_text("mardi 5 juin 2018"), "2018-06-05");
  EXPECT_EQ(date_from_text("Mittwoch, Mai 10, 2017 4:14:00 PM"), "2017-05-10");
  EXPECT_EQ(date_from_text("2021-01-15"), "2021-01-15");
  EXPECT_EQ(date_from_text("21:00"), "");
  EXPECT_EQ(iso_from_epoch_ms(1433578985419), "2015-06-06T08:23:05.419Z");
  EXPECT_EQ(json_string_value(R"({"author": {"name": "A \"B\""}, "datePublished" : "2020-01-01"})", "datePublished"), "2020-01-01");
}

}  // namespace
}  // namespace blogshift
