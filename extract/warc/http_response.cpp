#include "http_response.h"

#include <brotli/decode.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "text.h"

namespace blogshift {

namespace {

// HTTP trims spaces, tabs and line ends (not \f or \v).
std::string_view trim_http(std::string_view s) { return trim(s, kHeaderSpace); }

// The next line of `text` from `pos` without its line end (\n, \r\n, \r\r\n);
// moves `pos` past it. False when no newline is left.
bool next_line(std::string_view text, size_t& pos, std::string_view& line) {
  size_t nl = text.find('\n', pos);
  if (nl == std::string_view::npos) return false;
  line = text.substr(pos, nl - pos);
  while (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  pos = nl + 1;
  return true;
}

// Comma-separated codings, lower case, without "identity".
std::vector<std::string> codings(const std::string* value) {
  std::vector<std::string> out;
  if (!value) return out;
  std::string_view rest = *value;
  while (!rest.empty()) {
    size_t comma = rest.find(',');
    std::string item = ascii_lower(trim_http(rest.substr(0, comma)));
    if (!item.empty() && item != "identity") out.push_back(item);
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return out;
}

}  // namespace

const std::string* HttpResponseHead::header(std::string_view name) const { return find_header(headers, name); }

std::optional<HttpResponseHead> parse_http_head(std::string_view block, std::string& error) {
  HttpResponseHead head;
  size_t pos = 0;
  std::string_view line;
  if (!next_line(block, pos, line)) {
    line = block;  // a status line alone, without its line end
    pos = block.size();
  }
  // HTTP/1.1 200 OK  (the reason phrase may be missing)
  if (line.substr(0, 5) != "HTTP/") {
    error = "not an HTTP response (no HTTP/ status line)";
    return std::nullopt;
  }
  size_t space = line.find(' ');
  if (space == std::string_view::npos) {
    error = "HTTP status line without a status code";
    return std::nullopt;
  }
  head.version = std::string(line.substr(0, space));
  std::string_view rest = line.substr(space);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (rest.size() < 3 || !std::all_of(rest.begin(), rest.begin() + 3, [](char c) { return c >= '0' && c <= '9'; }) ||
      (rest.size() > 3 && rest[3] != ' ')) {
    error = "bad HTTP status code in \"" + std::string(line.substr(0, 80)) + "\"";
    return std::nullopt;
  }
  head.status = (rest[0] - '0') * 100 + (rest[1] - '0') * 10 + (rest[2] - '0');
  head.reason = std::string(trim_http(rest.substr(3)));

  for (;;) {
    if (!next_line(block, pos, line)) {
      // The block ends before the blank line: what is left is one last header.
      std::string_view last = trim_http(block.substr(pos));
      size_t colon = last.find(':');
      if (colon != std::string_view::npos && colon > 0)
        head.headers.emplace_back(std::string(trim_http(last.substr(0, colon))), std::string(trim_http(last.substr(colon + 1))));
      head.headers_terminated = false;
      head.body_offset = block.size();
      return head;
    }
    if (line.empty()) break;
    if ((line.front() == ' ' || line.front() == '\t') && !head.headers.empty()) {
      head.headers.back().second += " " + std::string(trim_http(line));
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) continue;  // junk line: browsers ignore it too
    head.headers.emplace_back(std::string(trim_http(line.substr(0, colon))), std::string(trim_http(line.substr(colon + 1))));
  }
  head.body_offset = pos;
  return head;
}

size_t http_head_end(std::string_view block) {
  size_t pos = 0;
  std::string_view line;
  while (next_line(block, pos, line))
    if (line.empty()) return pos;
  return std::string_view::npos;
}

DechunkResult dechunk(std::string_view raw, std::string& out, std::string& error) {
  out.clear();
  size_t pos = 0;
  bool first = true;
  for (;;) {
    std::string_view line;
    const size_t line_start = pos;
    if (!next_line(raw, pos, line)) {
      if (first) return DechunkResult::NotChunked;
      if (trim_http(raw.substr(line_start)).empty()) return DechunkResult::Ok;  // ends on a chunk boundary
      error = "chunked body cut short in a chunk-size line";
      return DechunkResult::Damaged;
    }
    std::string_view size_text = trim_http(line.substr(0, line.find(';')));
    const bool hex = !size_text.empty() && size_text.size() <= 15 &&
                     std::all_of(size_text.begin(), size_text.end(),
                                 [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
    if (!hex) {
      if (first) return DechunkResult::NotChunked;
      if (line.empty() && trim_http(raw.substr(pos)).empty()) return DechunkResult::Ok;
      error = "bad chunk-size line \"" + std::string(line.substr(0, 40)) + "\" at body offset " +
              std::to_string(line_start);
      return DechunkResult::Damaged;
    }
    first = false;
    const size_t size = std::stoull(std::string(size_text), nullptr, 16);
    if (size == 0) return DechunkResult::Ok;  // trailers, if any, are not needed
    if (size > raw.size() - pos) {
      error = "chunk of " + std::to_string(size) + " bytes at body offset " + std::to_string(line_start) +
              " runs past the end of the body (" + std::to_string(raw.size() - pos) + " bytes left)";
      return DechunkResult::Damaged;
    }
    out.append(raw.substr(pos, size));
    pos += size;
    if (raw.substr(pos, 2) == "\r\n") {
      pos += 2;
    } else if (raw.substr(pos, 1) == "\n") {
      pos += 1;
    } else if (pos < raw.size()) {
      error = "chunk at body offset " + std::to_string(line_start) + " is not followed by a line end";
      return DechunkResult::Damaged;
    }
  }
}

std::optional<std::string> inflate_body(std::string_view data, bool raw_deflate_fallback, size_t max_size,
                                        std::string& error) {
  auto run = [&](int window_bits, std::string& out) -> int {
    z_stream z{};
    if (inflateInit2(&z, window_bits) != Z_OK) return Z_MEM_ERROR;
    std::unique_ptr<z_stream, int (*)(z_stream*)> guard(&z, &inflateEnd);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(std::min<size_t>(data.size(), UINT32_MAX));
    char buffer[64 * 1024];
    for (;;) {
      z.next_out = reinterpret_cast<Bytef*>(buffer);
      z.avail_out = sizeof buffer;
      int ret = inflate(&z, Z_NO_FLUSH);
      out.append(buffer, sizeof buffer - z.avail_out);
      if (out.size() > max_size) return Z_MEM_ERROR;
      if (ret == Z_STREAM_END) {
        // Another gzip member may follow.
        if (window_bits > MAX_WBITS && z.avail_in >= 2 && z.next_in[0] == 0x1f && z.next_in[1] == 0x8b) {
          inflateReset(&z);
          continue;
        }
        return Z_STREAM_END;
      }
      if (ret == Z_BUF_ERROR || (ret == Z_OK && z.avail_in == 0 && z.avail_out != 0)) return Z_BUF_ERROR;
      if (ret != Z_OK) {
        error = z.msg ? z.msg : "inflate failed";
        return ret;
      }
    }
  };
  std::string out;
  int ret = run(32 + MAX_WBITS, out);  // gzip or zlib, detected from the header
  if (ret != Z_STREAM_END && raw_deflate_fallback && ret != Z_MEM_ERROR) {
    out.clear();
    ret = run(-MAX_WBITS, out);
  }
  if (ret == Z_STREAM_END) return out;
  if (ret == Z_MEM_ERROR) {
    error = "decoded body larger than " + std::to_string(max_size) + " bytes";
  } else if (ret == Z_BUF_ERROR) {
    error = "compressed body cut short";
  } else {
    error = "corrupt compressed body: " + error;
  }
  return std::nullopt;
}

std::optional<std::string> unbrotli_body(std::string_view data, size_t max_size, std::string& error) {
  std::unique_ptr<BrotliDecoderState, void (*)(BrotliDecoderState*)> state(
      BrotliDecoderCreateInstance(nullptr, nullptr, nullptr), &BrotliDecoderDestroyInstance);
  if (!state) {
    error = "brotli cannot start";
    return std::nullopt;
  }
  std::string out;
  size_t in_left = data.size();
  const auto* in = reinterpret_cast<const uint8_t*>(data.data());
  uint8_t buffer[1 << 16];
  for (;;) {
    size_t out_left = sizeof buffer;
    uint8_t* next_out = buffer;
    const BrotliDecoderResult r =
        BrotliDecoderDecompressStream(state.get(), &in_left, &in, &out_left, &next_out, nullptr);
    out.append(reinterpret_cast<char*>(buffer), sizeof buffer - out_left);
    if (out.size() > max_size) {
      error = "decoded body larger than " + std::to_string(max_size) + " bytes";
      return std::nullopt;
    }
    if (r == BROTLI_DECODER_RESULT_SUCCESS) return out;
    if (r == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) continue;
    error = r == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT
                ? std::string("the brotli stream ends early")
                : std::string("corrupt brotli stream: ") +
                      BrotliDecoderErrorString(BrotliDecoderGetErrorCode(state.get()));
    return std::nullopt;
  }
}

std::optional<std::string> decode_http_body(const HttpResponseHead& head, std::string_view raw, std::string& error,
                                            size_t max_size) {
  std::string body;
  const auto transfer = codings(head.header("Transfer-Encoding"));
  if (std::find(transfer.begin(), transfer.end(), "chunked") != transfer.end()) {
    std::string why;
    switch (dechunk(raw, body, why)) {
      case DechunkResult::Ok:
        break;
      case DechunkResult::NotChunked:
        body.assign(raw);
        break;
      case DechunkResult::Damaged:
        error = "damaged chunked body: " + why;
        return std::nullopt;
    }
  } else {
    body.assign(raw);
  }

  // Codings are listed in the order they were applied: undo from the last.
  const auto content = codings(head.header("Content-Encoding"));
  for (auto it = content.rbegin(); it != content.rend(); ++it) {
    const std::string& coding = *it;
    const bool brotli = coding == "br";
    if (coding != "gzip" && coding != "x-gzip" && coding != "deflate" && !brotli) {
      error = "unsupported Content-Encoding \"" + coding + "\"";
      return std::nullopt;
    }
    if (body.empty()) continue;
    std::string why;
    auto decoded = brotli ? unbrotli_body(body, max_size, why) : inflate_body(body, coding == "deflate", max_size, why);
    if (!decoded) {
      error = "damaged " + coding + " body: " + why;
      return std::nullopt;
    }
    body = std::move(*decoded);
  }
  return body;
}

}  // namespace blogshift
