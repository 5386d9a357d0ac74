#include "http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <thread>
#include <ctime>
#include <map>
#include <stdexcept>

namespace blogshift::fetch {

const char* to_string(TransferError error) {
  switch (error) {
    case TransferError::None: return "none";
    case TransferError::Timeout: return "timeout";
    case TransferError::Connect: return "connect";
    case TransferError::Reset: return "reset";
    case TransferError::Tls: return "tls";
    case TransferError::TooLarge: return "too-large";
    case TransferError::BadResponse: return "bad-response";
    case TransferError::Other: return "other";
  }
  return "other";
}

namespace {

// What the client asks servers to compress with; every coding named here is
// one extract can undo when it reads the WARC back.
constexpr const char* kAcceptEncoding = "gzip, br";

struct CurlGlobal {
  CurlGlobal() {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) throw std::runtime_error("libcurl cannot start");
  }
  ~CurlGlobal() { curl_global_cleanup(); }
};

void curl_global() { static CurlGlobal global; }

TransferError classify(CURLcode code) {
  switch (code) {
    case CURLE_OK: return TransferError::None;
    case CURLE_OPERATION_TIMEDOUT: return TransferError::Timeout;
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY: return TransferError::Connect;
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_GOT_NOTHING:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM: return TransferError::Reset;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_ISSUER_ERROR: return TransferError::Tls;
    case CURLE_FILESIZE_EXCEEDED: return TransferError::TooLarge;
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_UNSUPPORTED_PROTOCOL: return TransferError::BadResponse;
    default: return TransferError::Other;
  }
}

}  // namespace

struct HttpClient::Transfer {
  CURL* easy = nullptr;
  curl_slist* headers = nullptr;
  HttpExchange exchange;
  int64_t max_bytes = 0;
  bool head_done = false;
  bool too_large = false;
  bool out_of_memory = false;
  char error_buffer[CURL_ERROR_SIZE] = {};

  ~Transfer() {
    if (easy) curl_easy_cleanup(easy);
    if (headers) curl_slist_free_all(headers);
  }

  // No exception may cross libcurl: a failed allocation ends the transfer.
  static size_t on_header(char* data, size_t size, size_t count, void* self) noexcept try {
    return static_cast<Transfer*>(self)->header(data, size * count);
  } catch (...) {
    static_cast<Transfer*>(self)->out_of_memory = true;
    return 0;
  }
  size_t header(char* data, size_t n) {
    Transfer* t = this;
    std::string_view line(data, n);
    if (t->head_done) return n;  // trailers of a chunked body: not part of the head
    // A new status line starts a new head (an interim 1xx response came first).
    if (line.starts_with("HTTP/")) t->exchange.response_head.clear();
    t->exchange.response_head.append(line);
    if (line == "\r\n" || line == "\n") {
      long code = 0;
      curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &code);
      if (code >= 200) {
        t->head_done = true;
        curl_off_t length = -1;
        curl_easy_getinfo(t->easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length);
        t->exchange.declared_length = length;
        if (length > t->max_bytes) {
          t->too_large = true;
          return 0;  // aborts the transfer: nothing of a body that large is read
        }
      }
    }
    return n;
  }

  static size_t on_body(char* data, size_t size, size_t count, void* self) noexcept try {
    return static_cast<Transfer*>(self)->body(data, size * count);
  } catch (...) {
    static_cast<Transfer*>(self)->out_of_memory = true;
    return 0;
  }
  size_t body(char* data, size_t n) {
    Transfer* t = this;
    if (static_cast<int64_t>(t->exchange.body.size() + n) > t->max_bytes) {
      t->too_large = true;
      return 0;
    }
    t->exchange.body.append(data, n);
    return n;
  }

  // The request head as sent; a proxy's CONNECT is the tunnel, not the request.
  static int on_debug(CURL*, curl_infotype type, char* data, size_t size, void* self) noexcept {
    if (type != CURLINFO_HEADER_OUT) return 0;
    auto* t = static_cast<Transfer*>(self);
    std::string_view text(data, size);
    if (text.starts_with("CONNECT ")) return 0;
    try {
      t->exchange.request_head.assign(text);
    } catch (...) {
      t->out_of_memory = true;
    }
    return 0;
  }
};

struct HttpClient::Impl {
  HttpClientOptions options;
  CURLM* multi = nullptr;
  curl_slist* resolve = nullptr;
  curl_slist* connect_to = nullptr;
  std::map<CURL*, std::unique_ptr<Transfer>> transfers;

  ~Impl() {
    for (auto& [easy, transfer] : transfers) curl_multi_remove_handle(multi, easy);
    transfers.clear();
    if (multi) curl_multi_cleanup(multi);
    if (resolve) curl_slist_free_all(resolve);
    if (connect_to) curl_slist_free_all(connect_to);
  }

  void finish(Transfer& t, CURLcode code) {
    HttpExchange& x = t.exchange;
    long status = 0;
    curl_easy_getinfo(t.easy, CURLINFO_RESPONSE_CODE, &status);
    x.status = t.head_done ? static_cast<int>(status) : 0;
    long version = 0;
    curl_easy_getinfo(t.easy, CURLINFO_HTTP_VERSION, &version);
    x.http_version = version == CURL_HTTP_VERSION_2_0 ? "2"
                     : version == CURL_HTTP_VERSION_1_0 ? "1.0"
                     : version == CURL_HTTP_VERSION_3   ? "3"
                                                        : "1.1";
    char* ip = nullptr;
    if (curl_easy_getinfo(t.easy, CURLINFO_PRIMARY_IP, &ip) == CURLE_OK && ip) x.remote_ip = ip;
    if (t.out_of_memory) {
      x.error = TransferError::Other;
      x.error_text = "out of memory while receiving the response";
      x.truncated = true;
    } else if (t.too_large) {
      x.error = TransferError::TooLarge;
      x.error_text = x.declared_length > t.max_bytes
                         ? "the response declares " + std::to_string(x.declared_length) +
                               " bytes (Content-Length), more than the size cap of " + std::to_string(t.max_bytes)
                         : "the response passed the size cap of " + std::to_string(t.max_bytes) + " bytes";
      x.truncated = true;
    } else if (code != CURLE_OK) {
      x.error = classify(code);
      x.error_text = t.error_buffer[0] ? t.error_buffer : curl_easy_strerror(code);
      x.truncated = t.head_done;
    }
    if (!t.head_done) x.response_head.clear();
  }
};

HttpClient::HttpClient(HttpClientOptions options) : impl_(std::make_unique<Impl>()) {
  curl_global();
  impl_->options = std::move(options);
  impl_->multi = curl_multi_init();
  if (!impl_->multi) throw std::runtime_error("libcurl: cannot make a multi handle");
  // No CURLMOPT_MAX_HOST_CONNECTIONS: through a proxy libcurl counts the
  // proxy as the one host, and HostSchedule already caps every origin.
  curl_multi_setopt(impl_->multi, CURLMOPT_PIPELINING, static_cast<long>(CURLPIPE_MULTIPLEX));
  for (const auto& r : impl_->options.resolve) impl_->resolve = curl_slist_append(impl_->resolve, r.c_str());
  for (const auto& c : impl_->options.connect_to) impl_->connect_to = curl_slist_append(impl_->connect_to, c.c_str());
}

HttpClient::~HttpClient() = default;

void HttpClient::start(uint64_t tag, const std::string& url) {
  auto t = std::make_unique<Transfer>();
  t->easy = curl_easy_init();
  if (!t->easy) throw std::runtime_error("libcurl: cannot make a transfer handle");
  t->exchange.tag = tag;
  t->exchange.url = url;
  t->exchange.started_at = static_cast<int64_t>(std::time(nullptr));
  t->max_bytes = impl_->options.max_response_bytes;
  const HttpClientOptions& o = impl_->options;
  CURL* e = t->easy;
  curl_easy_setopt(e, CURLOPT_URL, url.c_str());
  curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(e, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
  curl_easy_setopt(e, CURLOPT_PIPEWAIT, 1L);
  curl_easy_setopt(e, CURLOPT_USERAGENT, o.user_agent.c_str());
  curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, kAcceptEncoding);
  curl_easy_setopt(e, CURLOPT_HTTP_CONTENT_DECODING, 0L);  // keep gzip as received
  curl_easy_setopt(e, CURLOPT_HTTP_TRANSFER_DECODING, 1L); // undo chunked
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, o.connect_timeout_ms);
  // Read timeout: fewer than 1 byte a second for that long aborts.
  curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, std::max(1L, o.read_timeout_ms / 1000));
  // And a bound on the whole transfer, for a server that trickles a byte a second.
  curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, o.total_timeout_ms);
  curl_easy_setopt(e, CURLOPT_PROXY, o.proxy.c_str());  // "" also ignores http_proxy in the environment
  curl_easy_setopt(e, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L);
  if (!o.ca_file.empty()) curl_easy_setopt(e, CURLOPT_CAINFO, o.ca_file.c_str());
  curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
  if (impl_->resolve) curl_easy_setopt(e, CURLOPT_RESOLVE, impl_->resolve);
  if (impl_->connect_to) curl_easy_setopt(e, CURLOPT_CONNECT_TO, impl_->connect_to);
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->error_buffer);
  curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &Transfer::on_header);
  curl_easy_setopt(e, CURLOPT_HEADERDATA, t.get());
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &Transfer::on_body);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, t.get());
  curl_easy_setopt(e, CURLOPT_DEBUGFUNCTION, &Transfer::on_debug);
  curl_easy_setopt(e, CURLOPT_DEBUGDATA, t.get());
  curl_easy_setopt(e, CURLOPT_VERBOSE, 1L);  // routes the request head to on_debug; nothing is printed
  curl_multi_add_handle(impl_->multi, e);
  impl_->transfers.emplace(e, std::move(t));
  ++active_;
}

std::vector<HttpExchange> HttpClient::poll(int wait_ms) {
  std::vector<HttpExchange> done;
  if (active_ == 0) {  // nothing to drive: the caller waits for a start time
    std::this_thread::sleep_for(std::chrono::milliseconds(wait_ms));
    return done;
  }
  int running = 0;
  curl_multi_perform(impl_->multi, &running);
  auto collect = [&] {
    int left = 0;
    while (CURLMsg* msg = curl_multi_info_read(impl_->multi, &left)) {
      if (msg->msg != CURLMSG_DONE) continue;
      auto it = impl_->transfers.find(msg->easy_handle);
      if (it == impl_->transfers.end()) continue;
      impl_->finish(*it->second, msg->data.result);
      done.push_back(std::move(it->second->exchange));
      curl_multi_remove_handle(impl_->multi, msg->easy_handle);
      impl_->transfers.erase(it);
      --active_;
    }
  };
  collect();
  if (done.empty() && active_ > 0) {
    curl_multi_poll(impl_->multi, nullptr, 0, wait_ms, nullptr);
    curl_multi_perform(impl_->multi, &running);
    collect();
  }
  return done;
}

}  // namespace blogshift::fetch
