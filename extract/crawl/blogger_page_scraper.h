// Scrapes posts, pages and comments out of a Blogger page as a browser
// would have received it (a crawl or WARC copy), whatever template
// rendered it. See template_family.h for how the page is recognised.
//
// scrape_blogger_page() decides what the page is:
//  - Permalink: one post or static page (`/YYYY/MM/slug.html`, `/p/slug.html`,
//    or _WidgetManager's pageType 'item' / 'static_page');
//  - Listing: home, archive, label or search page showing several posts
//    (possibly only excerpts);
//  - NotBlogger: no Blogger marker at all.
// and extracts every post it shows. Bodies are copied byte-for-byte from
// the source (the inner HTML of `.post-body`, `.entry-content` ...), so the
// transform stage sees what Blogger served. Nothing here touches a sink:
// crawl_ingest.cpp turns the result into records.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "html/html_tree.h"
#include "records.h"

namespace blogshift {

struct ScrapedComment {
  std::string blogger_id;   // digits of id="c<digits>", may be empty
  std::string in_reply_to;  // the comment it answers, for threaded replies
  std::string author_name;
  std::string author_uri;
  std::string published;    // from ?showComment=<ms> (UTC), else the text's date
  std::string published_text;  // the date as the page shows it
  std::string body_html;
  int64_t line = 0;
};

struct ScrapedPost {
  ItemKind kind = ItemKind::Post;  // Post or Page
  std::string blogger_id;
  std::string title;
  std::string body_html;
  bool has_body = false;
  std::string published;  // as written (offset kept), or YYYY-MM-DD from a date header
  std::string author_name;
  std::string author_uri;
  std::vector<std::string> labels;
  std::string permalink;    // absolute URL without ?m=1
  std::string legacy_path;  // /YYYY/MM/slug.html or /p/slug.html; empty when unknown
  std::vector<ScrapedComment> comments;
  int64_t line = 0;  // line of the post's container in the page
};

enum class PageKind { NotBlogger, Permalink, Listing };

struct ScrapedPage {
  PageKind kind = PageKind::NotBlogger;
  std::string template_family;
  std::vector<std::string> markers;  // which Blogger markers were seen
  std::string blog_id;
  std::string blog_title;
  std::vector<std::string> hosts;
  std::string page_url;  // the URL the page stands for (canonical, without ?m=1)
  std::vector<ScrapedPost> posts;
  bool missing_body = false;  // a permalink page whose post body is not in the HTML (Dynamic Views)
};

// `url` is the URL the page was served under; it may be empty or a bare path
// (a mirror without host folders), then the page's own canonical URL is used.
ScrapedPage scrape_blogger_page(const HtmlDocument& doc, std::string_view url);

const char* to_string(PageKind kind);

}  // namespace blogshift
