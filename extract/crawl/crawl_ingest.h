// Turns crawled files into staged units. Shared by the mirror and WARC
// readers so the same page gives the same items whichever way it arrives.
//
//  - a Blogger post or page (any template family): an item, plus its comments;
//  - a Blogger listing page (home, archive, label, search): its posts as
//    Evidence::Listing items (the store keeps a permalink page's copy over them);
//  - HTML that is not a Blogger page: kept as an asset, with a warning
//    HTML_NOT_BLOGGER;
//  - anything else (images, CSS, ...): an asset.
#pragma once

#include "crawled_file.h"
#include "extract_sink.h"

namespace blogshift {

void ingest_crawled_file(const CrawledFile& file, ExtractSink& sink);

}  // namespace blogshift
