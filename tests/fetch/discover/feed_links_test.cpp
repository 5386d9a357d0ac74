// One page of a Blogger feed: the public GData Atom feeds (posts, pages,
// comments) and RSS 2.0 (alt=rss), then broken and hostile XML.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "discover/feed_links.h"

using namespace blogshift::fetch;

namespace {

constexpr const char* kFeedUrl = "https://kettle.blogspot.com/feeds/posts/default?max-results=2";

// The shape of a page of Blogger's public posts feed: the GData namespaces,
// the blog's labels, openSearch counts, rel=next on www.blogger.com, and
// entries as Blogger writes them (content before links, escaped HTML).
const std::string kPostsPage = R"(<?xml version='1.0' encoding='UTF-8'?><?xml-stylesheet href="http://www.blogger.com/styles/atom.css" type="text/css"?>
<feed xmlns='http://www.w3.org/2005/Atom' xmlns:openSearch='http://a9.com/-/spec/opensearchrss/1.0/'
      xmlns:blogger='http://schemas.google.com/blogger/2008' xmlns:georss='http://www.georss.org/georss'
      xmlns:gd="http://schemas.google.com/g/2005" xmlns:thr='http://purl.org/syndication/thread/1.0'>
<id>tag:blogger.com,1999:blog-4242</id><updated>2023-07-20T09:00:00.000-07:00</updated>
<category term="Rye"/><category term="Sourdough Bread"/><category term="Oats"/>
<title type='text'>Kettle &amp; Crumb</title>
<link rel='http://schemas.google.com/g/2005#feed' type='application/atom+xml' href='https://kettle.blogspot.com/feeds/posts/default'/>
<link rel='self' type='application/atom+xml' href='https://www.blogger.com/feeds/4242/posts/default?max-results=2'/>
<link rel='alternate' type='text/html' href='https://kettle.blogspot.com/'/>
<link rel='hub' href='http://pubsubhubbub.appspot.com/'/>
<link rel='next' type='application/atom+xml' href='https://www.blogger.com/feeds/4242/posts/default?start-index=3&amp;max-results=2'/>
<author><name>Ada</name><gd:image rel='http://schemas.google.com/g/2005#thumbnail' width='16' height='16' src='https://img1.blogblog.com/img/b16-rounded.gif'/></author>
<generator version='7.00' uri='http://www.blogger.com'>Blogger</generator>
<openSearch:totalResults>5</openSearch:totalResults><openSearch:startIndex>1</openSearch:startIndex><openSearch:itemsPerPage>2</openSearch:itemsPerPage>
<entry><id>tag:blogger.com,1999:blog-4242.post-111</id>
<published>2023-07-15T10:00:00.000-07:00</published><updated>2023-07-16T08:00:00.000-07:00</updated>
<category scheme="http://www.blogger.com/atom/ns#" term="Sourdough Bread"/><category scheme="http://www.blogger.com/atom/ns#" term="Rye"/>
<title type='text'>Sourdough rye</title>
<content type='html'>&lt;a href="https://blogger.googleusercontent.com/img/b/R29v/AVvXsEh/s1600/loaf.jpg"&gt;&lt;img src="https://blogger.googleusercontent.com/img/b/R29v/AVvXsEh/s320/loaf.jpg"/&gt;&lt;/a&gt;&lt;p&gt;See &lt;a href="/2023/06/starter.html"&gt;the starter&lt;/a&gt; and &lt;a href="files/rye.pdf"&gt;the recipe&lt;/a&gt;.&lt;/p&gt;</content>
<link rel='replies' type='application/atom+xml' href='https://kettle.blogspot.com/feeds/111/comments/default' title='Post Comments'/>
<link rel='replies' type='text/html' href='https://kettle.blogspot.com/2023/07/sourdough-rye.html#comment-form' title='2 Comments'/>
<link rel='edit' type='application/atom+xml' href='https://www.blogger.com/feeds/4242/posts/default/111'/>
<link rel='self' type='application/atom+xml' href='https://www.blogger.com/feeds/4242/posts/default/111'/>
<link rel='alternate' type='text/html' href='https://kettle.blogspot.com/2023/07/sourdough-rye.html' title='Sourdough rye'/>
<author><name>Ada</name></author>
<media:thumbnail xmlns:media="http://search.yahoo.com/mrss/" url="https://blogger.googleusercontent.com/img/b/R29v/AVvXsEh/s72-c/loaf.jpg" height="72" width="72"/>
<thr:total>2</thr:total></entry>
<entry><id>tag:blogger.com,1999:blog-4242.post-222</id>
<published>2023-06-02T18:30:00.000-07:00</published><updated>2023-06-02T18:30:00.000-07:00</updated>
<category scheme="http://www.blogger.com/atom/ns#" term="Oats"/>
<title type='text'>Oat porridge</title>
<content type='html'>No pictures today.</content>
<link rel='replies' type='application/atom+xml' href='https://kettle.blogspot.com/feeds/222/comments/default' title='Post Comments'/>
<link rel='alternate' type='text/html' href='https://kettle.blogspot.com/2023/06/oat-porridge.html' title='Oat porridge'/>
<thr:total>0</thr:total></entry>
</feed>
)";

bool has(const FeedPage& page, const std::string& url, FoundAs how) {
  return std::any_of(page.links.begin(), page.links.end(),
                     [&](const DiscoveredLink& l) { return l.url == url && l.how == how; });
}

size_t count(const FeedPage& page, FoundAs how) {
  return static_cast<size_t>(
      std::count_if(page.links.begin(), page.links.end(), [&](const DiscoveredLink& l) { return l.how == how; }));
}

}  // namespace

TEST(AtomFeedPage, OpenSearchCounts) {
  FeedPage page = read_feed_page(kFeedUrl, kPostsPage);
  EXPECT_TRUE(page.is_feed);
  EXPECT_EQ(page.error, "");
  EXPECT_EQ(page.total_results, 5);
  EXPECT_EQ(page.start_index, 1);
  EXPECT_EQ(page.items_per_page, 2);
  EXPECT_EQ(page.entries, 2);
}

TEST(AtomFeedPage, EntriesAlternateLinksArePosts) {
  FeedPage page = read_feed_page(kFeedUrl, kPostsPage);
  EXPECT_TRUE(has(page, "https://kettle.blogspot.com/2023/07/sourdough-rye.html", FoundAs::FeedEntry));
  EXPECT_TRUE(has(page, "https://kettle.blogspot.com/2023/06/oat-porridge.html", FoundAs::FeedEntry));
  EXPECT_EQ(count(page, FoundAs::FeedEntry), 2u);  // not the feed's own alternate, nor the #comment-form replies
}

TEST(AtomFeedPage, AtomRepliesAreCommentFeeds) {
  FeedPage page = read_feed_page(kFeedUrl, kPostsPage);
  EXPECT_TRUE(has(page, "https://kettle.blogspot.com/feeds/111/comments/default", FoundAs::Derived));
  EXPECT_TRUE(has(page, "https://kettle.blogspot.com/feeds/222/comments/default", FoundAs::Derived));
  EXPECT_EQ(count(page, FoundAs::Derived), 2u);
}

TEST(AtomFeedPage, NextPageIsAskedOfTheBlogsOwnFeedUrl) {
  // rel=next names www.blogger.com/feeds/4242/...; the same page of the
  // blog's own feed URL is what the scope admits.
  FeedPage page = read_feed_page(kFeedUrl, kPostsPage);
  EXPECT_TRUE(has(page, "https://kettle.blogspot.com/feeds/posts/default?start-index=3&max-results=2", FoundAs::FeedPaging));
  EXPECT_EQ(count(page, FoundAs::FeedPaging), 1u);
}

TEST(AtomFeedPage, NextLinkOnTheBlogsHostIsKeptAsWritten) {
  const std::string xml =
      "<feed xmlns='http://www.w3.org/2005/Atom'>"
      "<link rel='next' href='/feeds/posts/default?start-index=26&amp;max-results=25'/></feed>";
  FeedPage page = read_feed_page("https://kettle.blogspot.com/feeds/posts/default", xml);
  EXPECT_TRUE(has(page, "https://kettle.blogspot.com/feeds/posts/default?start-index=26&max-results=25", FoundAs::FeedPaging));
}

TEST(AtomFeedPage, ThumbnailsAndContentMediaAreEmbeds) {
  FeedPage page = read_feed_page(kFeedUrl, kPostsPage);
  EXPECT_TRUE(has(page, "https://blogger.googleusercontent.com/img/b/R29v/AVvXsEh/s72-c/loaf.jpg", FoundAs::Embed));
  EXPECT_TRUE(has(page, "https://blogger.googleusercontent.com/img/b/R29v/AVvXsEh/s320/loaf.jpg", FoundAs::Embed));
  EXPECT_TRUE(has(page, "https://blogger.googleusercontent.com/img/b/R29v/AVvXsEh/s1600/loaf.jpg", FoundAs::Embed));
  // The body's relative links resolve against the post, not the feed.
  EXPECT_TRUE(has(page, "https://kettle.blogspot.com/2023/07/files/rye.pdf", FoundAs::Embed));
  // A link to another post is not media (the feeds list that post anyway).
  for (const DiscoveredLink& l : page.links) EXPECT_EQ(l.url.find("starter"), std::string::npos) << l.url;
  // The author's avatar is not the post's.
  for (const DiscoveredLink& l : page.links) EXPECT_EQ(l.url.find("blogblog.com"), std::string::npos) << l.url;
}

TEST(AtomFeedPage, LabelsFromEntriesAndTheFeedsList) {
  FeedPage page = read_feed_page(kFeedUrl, kPostsPage);
  EXPECT_EQ(page.labels, (std::vector<std::string>{"Rye", "Sourdough Bread", "Oats"}));
}

TEST(AtomFeedPage, KindCategoriesAreNotLabels) {
  const std::string xml =
      "<feed xmlns='http://www.w3.org/2005/Atom'><entry>"
      "<category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/>"
      "<category scheme='http://www.blogger.com/atom/ns#' term='Rye'/>"
      "<published>2021-01-02T00:00:00Z</published></entry></feed>";
  FeedPage page = read_feed_page(kFeedUrl, xml);
  EXPECT_EQ(page.labels, (std::vector<std::string>{"Rye"}));
}

TEST(AtomFeedPage, PublishedDatesAsWritten) {
  FeedPage page = read_feed_page(kFeedUrl, kPostsPage);
  ASSERT_EQ(page.dates.size(), 2u);
  EXPECT_EQ(page.dates[0].year, 2023);
  EXPECT_EQ(page.dates[0].month, 7);
  EXPECT_EQ(page.dates[0].day, 15);
  // 18:30 at -07:00 is the 3rd in UTC: the blog's own date is the one its archive uses.
  EXPECT_EQ(page.dates[1].month, 6);
  EXPECT_EQ(page.dates[1].day, 2);
}

TEST(AtomFeedPage, CommentAndPageEntriesGiveNoPostDates) {
  const std::string comments =
      "<feed xmlns='http://www.w3.org/2005/Atom' xmlns:thr='http://purl.org/syndication/thread/1.0'><entry>"
      "<published>2024-02-03T10:00:00.000-08:00</published>"
      "<link rel='alternate' type='text/html' href='https://kettle.blogspot.com/2023/07/sourdough-rye.html?showComment=1706983200000#c99'/>"
      "<thr:in-reply-to href='https://kettle.blogspot.com/2023/07/sourdough-rye.html' ref='tag:blogger.com,1999:blog-4242.post-111' type='text/html'/>"
      "</entry></feed>";
  FeedPage c = read_feed_page("https://kettle.blogspot.com/feeds/111/comments/default", comments);
  EXPECT_EQ(c.entries, 1);
  EXPECT_TRUE(c.dates.empty());
  EXPECT_EQ(count(c, FoundAs::FeedEntry), 1u);  // reported; the scope refuses showComment=

  const std::string pages =
      "<feed xmlns='http://www.w3.org/2005/Atom'><entry><published>2020-05-05T10:00:00Z</published>"
      "<link rel='alternate' type='text/html' href='https://kettle.blogspot.com/p/about.html'/></entry></feed>";
  FeedPage p = read_feed_page("https://kettle.blogspot.com/feeds/pages/default", pages);
  EXPECT_TRUE(p.dates.empty());
  EXPECT_TRUE(has(p, "https://kettle.blogspot.com/p/about.html", FoundAs::FeedEntry));
}

TEST(AtomFeedPage, CountsAbsentAreMinusOne) {
  FeedPage page = read_feed_page(kFeedUrl, "<feed xmlns='http://www.w3.org/2005/Atom'/>");
  EXPECT_TRUE(page.is_feed);
  EXPECT_EQ(page.total_results, -1);
  EXPECT_EQ(page.start_index, -1);
  EXPECT_EQ(page.items_per_page, -1);
  EXPECT_EQ(page.entries, 0);
}

TEST(AtomFeedPage, EnclosuresAreEmbeds) {
  const std::string xml =
      "<feed xmlns='http://www.w3.org/2005/Atom'><entry>"
      "<link rel='enclosure' type='audio/mpeg' href='https://kettle.blogspot.com/media/ep1.mp3' length='1'/></entry></feed>";
  EXPECT_TRUE(has(read_feed_page(kFeedUrl, xml), "https://kettle.blogspot.com/media/ep1.mp3", FoundAs::Embed));
}

TEST(RssFeedPage, ItemsCategoriesDatesAndMedia) {
  // Blogger's alt=rss: RSS 2.0 with the same openSearch counts.
  const std::string rss = R"(<?xml version='1.0' encoding='UTF-8'?>
<rss xmlns:atom='http://www.w3.org/2005/Atom' xmlns:openSearch='http://a9.com/-/spec/opensearchrss/1.0/'
     xmlns:blogger='http://schemas.google.com/blogger/2008' xmlns:media='http://search.yahoo.com/mrss/' version='2.0'>
<channel><atom:id>tag:blogger.com,1999:blog-4242</atom:id><title>Kettle &amp; Crumb</title>
<category>Rye</category><category>Oats</category>
<link>https://kettle.blogspot.com/</link>
<atom:link rel='next' type='application/rss+xml' href='https://www.blogger.com/feeds/4242/posts/default?alt=rss&amp;start-index=2&amp;max-results=1'/>
<openSearch:totalResults>5</openSearch:totalResults><openSearch:startIndex>1</openSearch:startIndex><openSearch:itemsPerPage>1</openSearch:itemsPerPage>
<item><guid isPermaLink='false'>tag:blogger.com,1999:blog-4242.post-111</guid>
<pubDate>Sat, 15 Jul 2023 17:00:00 +0000</pubDate>
<category domain='http://www.blogger.com/atom/ns#'>Sourdough Bread</category>
<title>Sourdough rye</title>
<description>&lt;img src="https://1.bp.blogspot.com/-a/b/c/d/s320/loaf.jpg"&gt;</description>
<link>https://kettle.blogspot.com/2023/07/sourdough-rye.html</link>
<media:thumbnail url='https://1.bp.blogspot.com/-a/b/c/d/s72-c/loaf.jpg' height='72' width='72'/>
<enclosure url='https://kettle.blogspot.com/media/ep1.mp3' length='1' type='audio/mpeg'/>
</item></channel></rss>)";
  FeedPage page = read_feed_page("https://kettle.blogspot.com/feeds/posts/default?alt=rss&max-results=1", rss);
  EXPECT_TRUE(page.is_feed);
  EXPECT_EQ(page.error, "");
  EXPECT_EQ(page.entries, 1);
  EXPECT_EQ(page.total_results, 5);
  EXPECT_EQ(page.items_per_page, 1);
  EXPECT_TRUE(has(page, "https://kettle.blogspot.com/2023/07/sourdough-rye.html", FoundAs::FeedEntry));
  EXPECT_TRUE(has(page, "https://1.bp.blogspot.com/-a/b/c/d/s320/loaf.jpg", FoundAs::Embed));
  EXPECT_TRUE(has(page, "https://1.bp.blogspot.com/-a/b/c/d/s72-c/loaf.jpg", FoundAs::Embed));
  EXPECT_TRUE(has(page, "https://kettle.blogspot.com/media/ep1.mp3", FoundAs::Embed));
  EXPECT_TRUE(has(page, "https://kettle.blogspot.com/feeds/posts/default?alt=rss&start-index=2&max-results=1",
                  FoundAs::FeedPaging));
  EXPECT_EQ(page.labels, (std::vector<std::string>{"Rye", "Oats", "Sourdough Bread"}));
  // pubDate is GMT, not the blog's day: no archive page is named after it.
  EXPECT_TRUE(page.dates.empty());
}


TEST(FeedPageBadInput, AnHtmlPageIsNotAFeed) {
  FeedPage page = read_feed_page(kFeedUrl, "<html><head><title>Error 404</title></head><body>Not found</body></html>");
  EXPECT_FALSE(page.is_feed);
  EXPECT_NE(page.error.find("not an Atom or RSS feed"), std::string::npos);
  EXPECT_TRUE(page.links.empty());
}

TEST(FeedPageBadInput, TagSoupIsAnErrorNotAFeed) {
  FeedPage page = read_feed_page(kFeedUrl, "<!doctype html><html><body><p>unclosed<br></body></html>");
  EXPECT_FALSE(page.is_feed);
  EXPECT_FALSE(page.error.empty());
}

TEST(FeedPageBadInput, CutFeedKeepsTheEntriesBeforeTheBreak) {
  const size_t cut = kPostsPage.find("<title type='text'>Oat porridge");
  ASSERT_NE(cut, std::string::npos);
  FeedPage page = read_feed_page(kFeedUrl, kPostsPage.substr(0, cut));
  EXPECT_TRUE(page.is_feed);
  EXPECT_FALSE(page.error.empty());
  EXPECT_EQ(page.entries, 1);
  EXPECT_TRUE(has(page, "https://kettle.blogspot.com/2023/07/sourdough-rye.html", FoundAs::FeedEntry));
  EXPECT_EQ(page.total_results, 5);
}

TEST(FeedPageBadInput, BrokenMarkupStopsWithAnError) {
  FeedPage page = read_feed_page(kFeedUrl,
                                 "<feed xmlns='http://www.w3.org/2005/Atom'><entry>"
                                 "<link rel='alternate' href='https://kettle.blogspot.com/2023/01/a.html'/></entry>"
                                 "<entry><title>x</titel></entry></feed>");
  EXPECT_NE(page.error.find("line"), std::string::npos);
  EXPECT_TRUE(has(page, "https://kettle.blogspot.com/2023/01/a.html", FoundAs::FeedEntry));
}

TEST(FeedPageBadInput, DoctypeWithEntitiesIsRefusedUnexpanded) {
  // The "billion laughs": refused before the parser sees it.
  std::string xml = "<?xml version='1.0'?><!DOCTYPE feed [<!ENTITY a 'aaaaaaaaaa'>";
  for (char e = 'b'; e <= 'j'; ++e) {  // each entity ten of the one before: 10^10 bytes if expanded
    xml += std::string("<!ENTITY ") + e + " '";
    for (int i = 0; i < 10; ++i) xml += std::string("&") + static_cast<char>(e - 1) + ";";
    xml += "'>";
  }
  xml += "]><feed xmlns='http://www.w3.org/2005/Atom'><title>&j;</title>"
         "<entry><link rel='alternate' href='https://kettle.blogspot.com/2023/01/a.html'/></entry></feed>";
  FeedPage page = read_feed_page(kFeedUrl, xml);
  EXPECT_FALSE(page.is_feed);
  EXPECT_NE(page.error.find("document type declarations are refused"), std::string::npos);
  EXPECT_TRUE(page.links.empty());
  EXPECT_EQ(page.entries, 0);
}

TEST(FeedPageBadInput, ExternalEntityIsNeverFetched) {
  FeedPage page = read_feed_page(kFeedUrl,
                                 "<!DOCTYPE feed SYSTEM 'http://127.0.0.1:9/evil.dtd'>"
                                 "<feed xmlns='http://www.w3.org/2005/Atom'/>");
  EXPECT_FALSE(page.is_feed);
  EXPECT_NE(page.error.find("refused"), std::string::npos);
}

TEST(FeedPageBadInput, UndeclaredEntityIsAnError) {
  FeedPage page = read_feed_page(kFeedUrl, "<feed xmlns='http://www.w3.org/2005/Atom'><title>&nbsp;</title></feed>");
  EXPECT_FALSE(page.error.empty());
}

TEST(FeedPageBadInput, EmptyAndBinaryInput) {
  EXPECT_FALSE(read_feed_page(kFeedUrl, "").is_feed);
  EXPECT_FALSE(read_feed_page(kFeedUrl, "").error.empty());
  std::string binary;
  for (int i = 0; i < 2048; ++i) binary += static_cast<char>((i * 37 + 11) % 256);
  FeedPage page = read_feed_page(kFeedUrl, binary);
  EXPECT_FALSE(page.is_feed);
  EXPECT_FALSE(page.error.empty());
}

TEST(FeedPageBadInput, AFullPageOfLongPostsIsReadWhole) {
  // Blogger's largest page: 150 entries, each with a body.
  std::string xml = "<feed xmlns='http://www.w3.org/2005/Atom'>";
  const std::string body(4000, 'x');
  for (int i = 0; i < 150; ++i)
    xml += "<entry><content type='html'>&lt;p&gt;" + body + "&lt;img src='/i" + std::to_string(i) +
           ".png'&gt;</content><link rel='alternate' type='text/html' href='/2023/07/p" + std::to_string(i) +
           ".html'/></entry>";
  xml += "</feed>";
  FeedPage page = read_feed_page("https://kettle.blogspot.com/feeds/posts/default", xml);
  EXPECT_EQ(page.error, "");
  EXPECT_EQ(page.entries, 150);
  EXPECT_EQ(count(page, FoundAs::FeedEntry), 150u);
  EXPECT_EQ(count(page, FoundAs::Embed), 150u);
}
