// Turns crawled files into staged units. Shared by the mirror and WARC
// readers so the same page gives the same items whichever way it arrives.
//
//  - one of the blog's public feeds (Atom or RSS: posts, pages, comments):
//    an item per entry, with Evidence::Feed (feed/feed_ingest.h);
//  - a Blogger post or page (any template family): an item, plus its comments;
//  - a Blogger listing page (home, archive, label, search): its posts as
//    Evidence::Listing items (the store keeps a permalink page's copy over them);
//  - HTML that is not a Blogger page: kept as an asset, with a warning
//    HTML_NOT_BLOGGER;
//  - anything else (images, CSS, ...): an asset.
#pragma once

#include <string_view>

#include "crawled_file.h"
#include "extract_sink.h"

namespace blogshift {

void ingest_crawled_file(const CrawledFile& file, ExtractSink& sink);

// True when `content_type` says HTML, or when it says nothing useful (empty,
// text/plain, application/octet-stream) and the bytes start like an HTML
// document (after a BOM, whitespace and comments).
bool looks_like_html(std::string_view content_type, std::string_view bytes);

}  // namespace blogshift
