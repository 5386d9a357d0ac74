// The crawl's HTTP client: libcurl's multi interface on the calling thread.
//
// Contract:
//  - start() queues a GET; poll() drives every transfer and hands back the
//    exchanges that finished (whole, or failed with a TransferError). No
//    threads: the caller's loop is the only one, so it owns every exchange.
//  - Connections are reused (keep-alive), HTTP/2 is used where TLS offers it
//    (ALPN), several requests to one origin share one HTTP/2 connection.
//  - Bytes are kept as received: libcurl undoes chunked transfer coding but
//    not the content coding, so a gzip or br body stays compressed (what the
//    WARC holds, as wget and warcio write it). Accept-Encoding: gzip, br.
//  - Redirects are not followed here: each hop is its own exchange, and the
//    caller decides whether to follow (and records every hop).
//  - TLS is verified (the system's CAs, or ca_file). Timeouts: connect, and
//    a read timeout (no byte received for that long). A response whose
//    Content-Length passes max_response_bytes is refused at its head; one
//    that grows past it while arriving is cut (TooLarge, truncated).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "http/http_exchange.h"

namespace blogshift::fetch {

struct HttpClientOptions {
  std::string user_agent;
  std::vector<std::string> resolve;     // "HOST:PORT:ADDR", as curl --resolve
  std::vector<std::string> connect_to;  // "HOST:PORT:HOST2:PORT2", as curl --connect-to
  std::string proxy;                    // "http://127.0.0.1:3128"; empty: none (and no proxy from the environment)
  std::string ca_file;                  // PEM bundle; empty: the system's
  long connect_timeout_ms = 15000;
  long read_timeout_ms = 30000;
  long total_timeout_ms = 30 * 60 * 1000;  // the whole of one transfer
  int64_t max_response_bytes = int64_t{256} << 20;
};

class HttpClient {
public:
  explicit HttpClient(HttpClientOptions options);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  void start(uint64_t tag, const std::string& url);
  // Runs the transfers for at most `wait_ms` (less when one finishes) and
  // returns the finished exchanges.
  std::vector<HttpExchange> poll(int wait_ms);
  size_t active() const { return active_; }

private:
  struct Transfer;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  size_t active_ = 0;
};

}  // namespace blogshift::fetch
