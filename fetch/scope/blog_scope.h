// What a crawl of one Blogger blog may fetch, and what each URL is.
//
// A blog answers at its blogspot host (name.blogspot.com, and every country
// variant name.blogspot.fr / .co.uk / .com.br ... which are the same blog),
// at a custom domain when it has one (given as a seed or learned from a
// redirect or canonical link), and with www./bare variants of either. Its
// images and attachments live on Google's image hosts (N.bp.blogspot.com,
// bp.blogspot.com, blogger.googleusercontent.com, lhN.googleusercontent.com
// and the other *.googleusercontent.com servers, lhN.ggpht.com, the old
// bpN.blogger.com / photosN.blogger.com). Nothing else is fetched: no
// crawling the web.
//
// On the blog's hosts only the URL shapes Blogger serves and the migration
// needs are admitted; every other URL is refused with a reason:
//   /robots.txt, /favicon.ico
//   /                                         Home (also ?m=1)
//   /YYYY/MM/slug.html                        Post (also ?m=1)
//   /p/slug.html                              Page (also ?m=1)
//   /search/label/NAME                        Label (no query: the
//        ?updated-max= "older posts" pagers only repeat posts the feeds list)
//   /YYYY/, /YYYY/MM/, /YYYY/MM/DD/           Archive, only for a date that
//        a known post was published on (note_post_date), so a calendar that
//        links to every month forever cannot trap the crawl; the classic
//        /YYYY_MM_DD_archive.html counts as its month
//   /feeds/posts/default, /feeds/pages/default, /feeds/comments/default,
//   /feeds/POSTID/comments/default, /atom.xml, /rss.xml
//                                             Feed / CommentFeed, query only
//        start-index=N, max-results=N, alt=atom|rss, redirect=false,
//        orderby=published|updated|starttime
//   /sitemap.xml, /sitemap.xml?page=N, /sitemap-pages.xml   Sitemap
//   a path ending in an image or attachment extension       Image / Attachment
//        (only as an Embed, Link, Redirect or Derived URL)
// Refused: /search?q=, /search?updated-max=, showComment=, ?m=0,
// widgetType=, reverse-paginate=, any other query, /feeds/.../summary,
// blogger.com, www.blogger.com/... and everything on other hosts.
// Labels are admitted when named by a feed entry (note_label) or linked from
// a post or page (a rel=tag link there); a label page linking to labels
// nobody else names does not grow the crawl (the infinite label trap).
// (Some templates write tag links as /search/label/X?max-results=N: refused
// like every label page with a query; the crawl may ask for /search/label/X.)
// On an image host every URL shown or linked is an Image (an Attachment by
// its extension); one named as a page (FeedEntry, FeedPaging, SitemapEntry)
// is refused. Seeds are always admitted, with their shape's role or Home.
// A Redirect target on the blog's or an image host is admitted by its shape
// alone (the label and archive notes are not asked: its source was
// admitted); query traps are still refused.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "scope/fetch_url.h"

namespace blogshift::fetch {

enum class UrlRole {
  Robots,      // /robots.txt of any host the crawl uses
  Home,
  Post,
  Page,
  Label,
  Archive,
  Feed,        // posts, pages, comments feeds (paged)
  CommentFeed, // one post's comments
  Sitemap,
  Image,       // on an image host, or an image file on the blog's host
  Attachment,  // another file a post links to (pdf, zip, audio...) on the blog's or an image host
  Favicon,
};
const char* to_string(UrlRole role);

// How a URL was found: decides what is admitted (a label named only by a
// label page is not; an image is fetched from an image host only when an
// entry or page shows or links it).
enum class FoundAs {
  Seed,        // given by the user: always admitted when on http(s)
  Link,        // <a href> in a page
  TagLink,     // <a rel=tag> (a label link in a post's footer)
  Embed,       // <img src>, srcset, <link rel=icon>, a media:thumbnail, a media file link
  FeedEntry,   // an entry's alternate link in a feed
  FeedPaging,  // a feed's rel=next (or a computed next start-index)
  SitemapEntry,
  Redirect,    // a Location header
  Derived,     // made by the crawl itself: ?m=1 of a post, a post's archive pages, a feed
};

// A URL the crawl will fetch.
struct ScopedUrl {
  FetchUrl url;
  UrlRole role = UrlRole::Home;
};

// Why a URL is not fetched, for the log and the `skipped` count.
struct ScopeRefusal {
  std::string reason;  // "not the blog's host", "search page (?updated-max=...)", ...
};

class BlogScope {
public:
  // The seeds' hosts become the blog's hosts (image hosts excepted).
  explicit BlogScope(const std::vector<FetchUrl>& seeds);

  // A host learned to be the blog's (a seed's redirect target, the
  // canonical link of the home page).
  void add_blog_host(std::string_view host);
  bool is_blog_host(std::string_view host) const;
  static bool is_image_host(std::string_view host);

  // From feed entries and post URLs: dates with posts, and labels.
  void note_post_date(int year, int month, int day);
  void note_label(std::string_view label);

  // The decision for a URL found as `how` on a page of role `found_on`
  // (nullopt found_on for seeds and derived URLs).
  std::optional<ScopedUrl> admit(const FetchUrl& url, FoundAs how, std::optional<UrlRole> found_on,
                                 ScopeRefusal* why = nullptr) const;

  const std::set<std::string>& blog_hosts() const { return blog_hosts_; }

private:
  std::set<std::string> blog_hosts_;
  std::set<std::string> blogspot_names_;  // "name" of name.blogspot.*
  std::set<std::string> post_days_;       // "YYYY", "YYYY/MM", "YYYY/MM/DD"
  std::set<std::string> labels_;          // as in the URL path, percent-decoded
};

// The URL of the same Blogger image at its original size (`/s0/`, `=s0`):
// the size options replaced, a cropped thumbnail's crop dropped; URLs that
// are not Blogger images come back unchanged.
std::string original_image_url(std::string_view url);

}  // namespace blogshift::fetch
