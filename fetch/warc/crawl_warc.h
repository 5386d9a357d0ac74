// The WARC file a crawl appends to: DIR/sources/<host>-<timestamp>.warc.gz.
//
// Contract:
//  - WARC/1.1, one gzip member per record (extract/warc/warc_writer.h),
//    a warcinfo record first, then for every fetch a `request` and a
//    `response` record (WARC-Concurrent-To each other), with sha1 block and
//    payload digests as wget and warcio write them.
//  - The response block is the HTTP head and body as received, with the
//    transfer coding undone (chunked bodies are stored de-chunked, their
//    `Transfer-Encoding` header kept as `X-Crawler-Transfer-Encoding`, the
//    Common Crawl convention) and the content coding kept (gzip stays gzip).
//    A body cut at the size cap carries `WARC-Truncated: length`.
//  - Every exchange is one write() of both members, so a kill -9 leaves at
//    worst one torn pair at the end. open() cuts it away: a crawl that
//    stopped at any moment resumes on a file that holds only whole records.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "http/http_exchange.h"
#include "warc/warc_record_reader.h"

namespace blogshift::fetch {

struct CrawlWarcInfo {
  std::string software;    // "blogshift/0.1.0"
  std::string user_agent;
  std::string robots;      // "obey" or "ignore"
  std::vector<std::string> seeds;
  std::string description;
};

// How a file that already existed was found.
struct CrawlWarcResume {
  bool existed = false;
  int64_t records = 0;       // whole records kept
  int64_t cut_bytes = 0;     // bytes of a torn record (or an orphan request) cut from the end
};

// The head as recorded: `Transfer-Encoding` renamed (the body is stored de-chunked).
std::string recorded_response_head(std::string_view head);

class CrawlWarc {
public:
  // Opens `path` (made when missing, with its warcinfo record). An existing
  // file is first cut after its last whole exchange; then each of its
  // records is handed to `existing` (to learn what is already held).
  // Throws FatalError naming the file when it cannot be read or written.
  CrawlWarc(std::string path, const CrawlWarcInfo& info,
            const std::function<void(const WarcRecord&)>& existing, CrawlWarcResume* resume = nullptr);
  ~CrawlWarc();
  CrawlWarc(const CrawlWarc&) = delete;
  CrawlWarc& operator=(const CrawlWarc&) = delete;

  // Appends the exchange's request and response records. Returns the
  // response record's offset in the file.
  int64_t write(const HttpExchange& exchange);
  // Data on disk (fdatasync); the crawl calls it at the end and now and then.
  void sync();

  const std::string& path() const { return path_; }
  int64_t records_written() const { return records_written_; }
  int64_t size() const { return size_; }

private:
  void append(const std::string& bytes);
  std::string path_;
  int fd_ = -1;
  int64_t size_ = 0;
  int64_t records_written_ = 0;
  std::string warcinfo_id_;
  int64_t kill_after_records_ = -1;  // BLOGSHIFT_TEST_KILL_AFTER_RECORDS: the tests' kill -9
};

// The end offset of the last whole exchange in a one-member-per-record
// gzipped WARC file (members that do not inflate whole, and a trailing
// request whose response is missing, lie past it).
int64_t crawl_warc_whole_end(const std::string& path);

}  // namespace blogshift::fetch
