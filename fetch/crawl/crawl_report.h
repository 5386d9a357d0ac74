// What a crawl did, URL by URL, for the staging database, status and the report.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace blogshift::fetch {

enum class FetchOutcome {
  Fetched,   // a response is in the WARC (any HTTP status that is an answer)
  Held,      // already in the WARC from an earlier run: not fetched again
  Failed,    // no usable response after the retries (reason in `error`)
  Robots,    // not fetched: robots.txt disallows it
};
const char* to_string(FetchOutcome outcome);

struct FetchedUrl {
  std::string url;
  std::string role;         // to_string(UrlRole)
  FetchOutcome outcome = FetchOutcome::Fetched;
  int status = 0;           // last HTTP status, 0 when none
  int attempts = 0;
  int64_t bytes = 0;        // body bytes as received
  int64_t warc_offset = -1; // of the response record
  std::string error;        // why it failed / the robots rule
};

struct CrawlReport {
  std::string warc_path;
  std::vector<FetchedUrl> urls;
  int64_t fetched = 0, held = 0, failed = 0, robots = 0;
  int64_t refused = 0;       // distinct URLs found but out of the crawl's scope
  int64_t requests = 0;      // HTTP requests made (tries and redirects included)
  int64_t bytes = 0;         // body bytes received
  int64_t warc_cut_bytes = 0;  // a torn record cut from the end of the file at the start
  bool limit_reached = false;  // max_urls stopped the crawl from growing
  double seconds = 0;
};

}  // namespace blogshift::fetch
