// PLACEHOLDER until the scraper lands: every crawled file becomes an asset.
#include "crawl_ingest.h"
namespace blogshift {
void ingest_crawled_file(const CrawledFile& file, ExtractSink& sink) {
  sink.asset(AssetRecord{file.url, file.content_type, file.bytes, file.position});
}
}  // namespace blogshift
