// One HTTP request and what came back, as the WARC records it.
#pragma once

#include <cstdint>
#include <string>

namespace blogshift::fetch {

enum class TransferError {
  None,
  Timeout,      // no byte for the read timeout, or the connect timeout
  Connect,      // refused, unreachable, name not resolved
  Reset,        // the connection broke before the response was whole
  Tls,          // certificate not verified, handshake failed
  TooLarge,     // the response passed the size cap (declared or received)
  BadResponse,  // not HTTP, or an HTTP framing error
  Other,
};
const char* to_string(TransferError error);

struct HttpExchange {
  uint64_t tag = 0;           // the caller's id for the request
  std::string url;            // as requested
  int64_t started_at = 0;     // epoch seconds when the request was sent (WARC-Date)
  std::string request_head;   // the request line and headers exactly as sent, ending in CRLF CRLF
  std::string response_head;  // the status line and headers exactly as received, ending in CRLF CRLF
  std::string body;           // after transfer decoding (chunked undone), content coding (gzip, br) kept
  int status = 0;             // 0 when no response head arrived
  std::string http_version;   // "1.0", "1.1", "2"
  std::string remote_ip;      // WARC-IP-Address
  TransferError error = TransferError::None;
  std::string error_text;     // libcurl's message when error != None
  bool truncated = false;     // body incomplete (error mid-body, or the size cap)
  int64_t declared_length = -1;  // Content-Length, -1 when absent
};

}  // namespace blogshift::fetch
