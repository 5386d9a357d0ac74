// A feed as XML, written with libxml2's xmlTextWriter (escaping, encoding):
// Atom 1.0 (RFC 4287) or RSS 2.0. Both carry each entry's old Blogger id
// (Atom <id>, RSS <guid isPermaLink="false">), as Blogger's own feeds did.
#pragma once

#include <string>

#include "feed_entries.h"

namespace blogshift {

std::string atom_feed_xml(const FeedChannel& channel);
std::string rss_feed_xml(const FeedChannel& channel);

// "Sun, 14 Mar 2021 16:15:00 +0000" for "2021-03-14T16:15:00.123Z" (RSS
// 2.0's RFC 822 dates); "" when `utc` is not such a time.
std::string rfc822_date(const std::string& utc);

}  // namespace blogshift
