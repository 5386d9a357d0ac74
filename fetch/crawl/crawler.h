// The crawl: from seed URLs to a WARC file holding the blog.
//
// One thread drives libcurl (http/http_client.h). The frontier holds each
// URL once, by priority (robots.txt, the home page, feeds and sitemaps,
// posts and pages, comment feeds, listings, then images); a host's URLs
// start only when its robots.txt is known, as fast as its HostSchedule
// allows. Every response is written to the WARC as it arrives, then read for
// the URLs it names (discover/), which BlogScope admits or refuses.
//
// Resuming: the WARC file at options.warc_path, when it exists, is cut after
// its last whole exchange and read first. Every URL it already answers (any
// status but one worth retrying) is held, not fetched again, and its body is
// read for links exactly as if it had just arrived, so the crawl goes on
// from where it stopped.
//
// Failures (after the retries) and robots refusals are outcomes in the
// report and problems handed to `problem`; nothing throws for one URL.
#pragma once

#include <functional>

#include "crawl/crawl_options.h"
#include "crawl/crawl_report.h"
#include "records.h"
#include "stage_log.h"

namespace blogshift::fetch {

using ProblemSink = std::function<void(const ProblemRecord&)>;

// Throws FatalError when the WARC file cannot be written (the crawl cannot
// keep anything), UsageError for a seed that is not an http(s) URL.
CrawlReport run_crawl(const CrawlOptions& options, const StageLog& log, const ProblemSink& problem);

}  // namespace blogshift::fetch
