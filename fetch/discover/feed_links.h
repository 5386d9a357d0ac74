// The URLs one page of a Blogger feed names (the public GData Atom feeds:
// /feeds/posts/default, /feeds/pages/default, /feeds/comments/default and a
// post's /feeds/POSTID/comments/default; RSS 2.0 with alt=rss too).
// Read with libxml2's streaming reader: no DTD, no entities, no network.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "discover/discovered_link.h"

namespace blogshift::fetch {

struct FeedEntryDate {
  int year = 0, month = 0, day = 0;  // of <published>, as written (the blog's local date)
};

struct FeedPage {
  bool is_feed = false;         // false: not Atom/RSS at all (an HTML error page, say)
  std::vector<DiscoveredLink> links;  // entries' rel=alternate (FeedEntry), rel=replies comment
                                      // feeds (Derived), rel=next (FeedPaging), images in each
                                      // entry's content and media:thumbnail (Embed, at the size written),
                                      // attachments linked from the content and enclosures (Embed).
                                      // Blogger's rel=next names www.blogger.com/feeds/BLOGID/...: it is
                                      // given as the feed's own URL with that link's query instead.
  std::vector<std::string> labels;    // entries' category terms (not the kind# ones) and the feed's
                                      // own list of the blog's labels; each once
  std::vector<FeedEntryDate> dates;   // Atom published dates (the blog's own day) of entries that are
                                      // posts (not comments: thr:in-reply-to or kind#comment; not pages:
                                      // kind#page or /p/); none from RSS, whose pubDate is GMT
  int64_t total_results = -1;         // openSearch:totalResults, -1 when absent
  int64_t start_index = -1;           // openSearch:startIndex
  int64_t items_per_page = -1;        // openSearch:itemsPerPage
  int64_t entries = 0;                // entries on this page
  std::string error;                  // XML error (what was read before it is kept)
};

// `feed_url` is the page's own URL (relative links resolve against it).
FeedPage read_feed_page(std::string_view feed_url, std::string_view xml);

}  // namespace blogshift::fetch
