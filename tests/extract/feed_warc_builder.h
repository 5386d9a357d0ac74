// WARC records of a Blogger blog's feeds as `blogshift fetch` writes them:
// a request record, then the response with its body as received (gzip kept
// with its Content-Encoding; a chunked body stored de-chunked, its header
// renamed X-Crawler-Transfer-Encoding). For the feed ingest tests.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "test_paths.h"
#include "warc_test_builder.h"

namespace blogshift::testing {

inline std::string feed_fixture(const std::string& name) {
  std::ifstream in(fixture("feeds/" + name), std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

enum class Body { Plain, Gzip, Dechunked, GzipDechunked };

inline std::string feed_exchange(const std::string& url, const std::string& body, Body how = Body::Plain,
                                 const std::string& type = "application/atom+xml; charset=UTF-8") {
  const bool gzip = how == Body::Gzip || how == Body::GzipDechunked;
  const bool chunked = how == Body::Dechunked || how == Body::GzipDechunked;
  const std::string payload = gzip ? compress(body) : body;
  Headers headers{{"Content-Type", type}, {"Server", "GSE"}};
  if (gzip) headers.emplace_back("Content-Encoding", "gzip");
  if (chunked) headers.emplace_back("X-Crawler-Transfer-Encoding", "chunked");
  else headers.emplace_back("Content-Length", std::to_string(payload.size()));
  const std::string request = "GET " + url.substr(url.find('/', 8)) + " HTTP/1.1\r\nHost: " +
                              url.substr(8, url.find('/', 8) - 8) + "\r\nAccept-Encoding: gzip\r\n\r\n";
  return warc_record("request", url, request, {{"Content-Type", "application/http; msgtype=request"}}) +
         warc_record("response", url, http_block("HTTP/1.1 200 OK", headers, payload),
                     {{"Content-Type", "application/http; msgtype=response"}});
}

inline std::string page_exchange(const std::string& url, const std::string& html) {
  return warc_record("response", url, http_ok("text/html; charset=UTF-8", html),
                     {{"Content-Type", "application/http; msgtype=response"}});
}

}  // namespace blogshift::testing
