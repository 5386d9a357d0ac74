// The HTTP response held in a WARC `response` record: status line, headers
// and body, with the body's transfer coding (chunked) and content coding
// (gzip, deflate through zlib; br through libbrotlidec) undone. Damage comes back as an error message,
// never a throw.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace blogshift {

struct HttpResponseHead {
  std::string version;  // "HTTP/1.1"
  int status = 0;
  std::string reason;   // may be empty (some servers send none)
  std::vector<std::pair<std::string, std::string>> headers;
  size_t body_offset = 0;           // where the body starts in the block
  bool headers_terminated = true;   // false when the block ends before the blank line

  // The first header of that name (case-insensitive), or nullptr.
  const std::string* header(std::string_view name) const;
};

// Parses the status line and headers at the start of `block`. Lines may end
// in \n, \r\n or \r\r\n. On failure returns nullopt and sets `error`.
std::optional<HttpResponseHead> parse_http_head(std::string_view block, std::string& error);

// The body `raw` (the block from head.body_offset on) with
// Transfer-Encoding: chunked and Content-Encoding: gzip / x-gzip / deflate
// undone. A body declared chunked whose first line is not a chunk size is
// taken as already de-chunked. Decoded bodies larger than `max_size` are an
// error. On failure returns nullopt and sets `error`.
std::optional<std::string> decode_http_body(const HttpResponseHead& head, std::string_view raw, std::string& error,
                                            size_t max_size = size_t{512} << 20);

// Where the body starts after the head of any HTTP message (request or
// response): just past the first empty line; npos when there is none.
size_t http_head_end(std::string_view block);

// Undoes Content-Encoding: br (RFC 7932) through libbrotlidec.
std::optional<std::string> unbrotli_body(std::string_view data, size_t max_size, std::string& error);

// The pieces, for tests and the payload-digest check.
enum class DechunkResult { Ok, NotChunked, Damaged };
DechunkResult dechunk(std::string_view raw, std::string& out, std::string& error);
// Inflates gzip (one or more members) or zlib data (`raw_deflate_fallback`:
// also bare deflate, as some servers send for "deflate").
std::optional<std::string> inflate_body(std::string_view data, bool raw_deflate_fallback, size_t max_size,
                                        std::string& error);

}  // namespace blogshift
