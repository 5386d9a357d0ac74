// Which of a Blogger blog's public feeds a crawled URL is, and whether
// crawled bytes are such a feed at all.
//
//   /feeds/posts/default, /feeds/posts/summary (also .../-/LABEL), /atom.xml,
//   /rss.xml                                  -> posts (summary: excerpts only)
//   /feeds/pages/default                      -> pages
//   /feeds/comments/default, /feeds/POSTID/comments/default -> comments
//   on www.blogger.com: /feeds/BLOGID/posts/default, /feeds/BLOGID/POSTID/comments/default, ...
// The query (alt=rss, start-index, max-results, ...) does not change the kind.
#pragma once

#include <string>
#include <string_view>

namespace blogshift {

enum class FeedKind { Unknown, Posts, Pages, Comments };

struct FeedUrl {
  FeedKind kind = FeedKind::Unknown;
  bool summary = false;  // the /summary projection: titles and excerpts, no bodies
  std::string post_id;   // comments of one post: its id
  std::string blog_id;   // www.blogger.com/feeds/BLOGID/...: the blog
};

FeedUrl classify_feed_url(std::string_view url);

enum class FeedForm { None, Atom, Rss };

// Atom or RSS when `bytes` are one of a Blogger blog's feeds: the root is
// <feed> or <rss> (after a BOM, the XML declaration, processing instructions
// and comments), the content type is XML or says nothing useful, and the
// start holds a Blogger tag URI (tag:blogger.com,1999:blog-...) or the URL
// is a feed URL above. None for anything else (it stays an asset).
FeedForm blogger_feed_form(std::string_view url, std::string_view content_type, std::string_view bytes);

}  // namespace blogshift
