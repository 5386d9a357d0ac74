// Stages one crawled response (a WARC record or a mirror file) that is one of
// a Blogger blog's public feeds (feed_url.h: blogger_feed_form):
//
//  - each entry is a unit, as in an export: an item (feed_entry.h), or a
//    problem when it cannot be read (broken XML, no id or date); its position
//    is the crawl's (the WARC file and record offset, or the mirror file) with
//    the line and column inside the feed;
//  - a feed page without entries (past the last one) is skipped;
//  - a feed that gives no entry at all because it is broken as a whole is
//    one problem, the first error found, naming the file and offset;
//  - the feed's <id>, alternate link and the URL's host name the blog.
#pragma once

#include "crawl/crawled_file.h"
#include "extract_sink.h"
#include "feed/feed_url.h"

namespace blogshift {

void ingest_blogger_feed(const CrawledFile& file, FeedForm form, ExtractSink& sink);

}  // namespace blogshift
