// What `blogshift fetch` is asked to do.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "http/http_client.h"
#include "http/retry_policy.h"

namespace blogshift::fetch {

struct CrawlOptions {
  std::vector<std::string> seeds;  // absolute http(s) URLs
  std::string warc_path;           // the file to write or resume
  int concurrency = 4;             // requests at once, per host
  double rate = 4.0;               // new requests a second, per host; 0: no limit
  bool ignore_robots = false;
  bool discover = true;            // false (--images-only): fetch the seeds, follow redirects, nothing else
  bool mobile = true;              // also each post's and page's ?m=1 form
  int64_t max_urls = 200000;       // a crawl never queues more (bounds any trap the rules miss)
  int max_redirects = 10;          // hops followed from one URL
  HttpClientOptions http;
  RetryOptions retry;
  uint64_t jitter_seed = 0;        // 0: from the clock
};

}  // namespace blogshift::fetch
