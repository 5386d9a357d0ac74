// Reads the RSS 2.0 form of a Blogger blog's public feed (?alt=rss), held in
// memory, and hands its channel and each <item> to an AtomFeedHandler as the
// header and entries the Atom form gives, so one mapper serves both:
//
//   guid -> id, pubDate -> published (RFC 3339, rfc822_time.h),
//   atom:updated -> updated, title, description -> content (HTML),
//   link -> the alternate link, category (domain) -> category (scheme),
//   author "noreply@blogger.com (Name)" -> the author's name,
//   thr:total, media:thumbnail -> extra, as the Atom parser keeps them.
//
// RSS carries no author profile URI, no milliseconds in pubDate and, for
// comments, no thr:in-reply-to: the mapper falls back on the feed's URL.
//
// Safety as for Atom: a DOCTYPE is refused before libxml2 sees a byte
// (feed_prolog.h) and the parser runs with XML_PARSE_NONET. Each item is
// parsed on its own (behind the feed's prolog and root tag), so a broken
// item is lost alone and the others are read.
#pragma once

#include <string>

#include "atom_feed_parser.h"

namespace blogshift {

void parse_rss_feed_bytes(std::string bytes, const std::string& name, AtomFeedHandler& handler);

}  // namespace blogshift
