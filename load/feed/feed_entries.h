// What the new site's feed holds, read from the staging database: the
// latest live posts (newest first) with the ids their entries had in the
// blog's own Blogger feed, so a feed reader that saw them there does not
// show them again as new after the move.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sqlite_db.h"

namespace blogshift {

struct FeedEntry {
  std::string id;         // tag:blogger.com,1999:blog-B.post-P (or the old permalink, see old_entry_id)
  std::string title;
  std::string link;       // the new route, absolute when the site URL is known
  std::string published;  // RFC 3339, UTC
  std::string updated;
  std::string author_name, author_uri;
  std::vector<std::string> categories;  // the post's labels
  std::string summary;    // the front matter's description
  std::string content_html;  // the Markdown body rendered (cmark-gfm)
};

struct FeedChannel {
  std::string id;        // the old posts feed's id: tag:blogger.com,1999:blog-B
  std::string title;
  std::string site_link;  // the new site's home ("/" without a site URL)
  std::string self_link;  // the feed's own URL
  std::string updated;    // the newest entry's update, RFC 3339
  std::vector<FeedEntry> entries;
};

// The id the post's entry had in Blogger's feeds: "tag:blogger.com,1999:
// blog-<blog id>.post-<post id>" when both numeric ids are known (exports,
// and crawls that found them); else the old permalink
// ("https://<host><legacy_path>"), what a reader that had no id went by;
// else "" (the caller then uses the new link).
std::string old_entry_id(const std::string& blog_id, const std::string& post_id, const std::string& host,
                         const std::string& legacy_path);

// The latest `limit` live posts, and the blog's title and ids. `site_url`
// ("" = unknown: links stay paths) makes links absolute; `feed_route` is
// the feed's own path.
FeedChannel read_feed(Database& db, const std::string& site_url, const std::string& feed_route, int64_t limit);

}  // namespace blogshift
