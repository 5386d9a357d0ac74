#include "scope/fetch_url.h"

#include <curl/curl.h>

#include <memory>

#include "text.h"
#include "url.h"

namespace blogshift::fetch {

namespace {

constexpr size_t kMaxUrl = 8 * 1024;

struct CurlUrlDeleter {
  void operator()(CURLU* h) const { curl_url_cleanup(h); }
};
using CurlUrl = std::unique_ptr<CURLU, CurlUrlDeleter>;

struct CurlFree {
  void operator()(char* p) const { curl_free(p); }
};

// One part of the URL, or nullopt when curl has none (CURLUE_NO_PORT...).
std::optional<std::string> get_part(CURLU* h, CURLUPart part, unsigned flags = 0) {
  char* raw = nullptr;
  if (curl_url_get(h, part, &raw, flags) != CURLUE_OK || !raw) return std::nullopt;
  std::unique_ptr<char, CurlFree> owned(raw);
  return std::string(raw);
}

// Bytes RFC 3986 never allows raw in a path or query.
bool must_encode(unsigned char c) {
  return c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' ||
         c == '{' || c == '|' || c == '}';
}

// RFC 3986 section 6.2.2: percent-escapes upper case, escaped unreserved
// characters decoded, bytes that may not appear raw escaped (curl leaves
// some, such as a space in the query, and writes lower-case hex).
std::string normalise_escapes(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  auto escape = [&](unsigned char c) {
    out += '%';
    out += kHex[c >> 4];
    out += kHex[c & 0xf];
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '%') {
      const int hi = i + 2 < text.size() ? hex_digit_value(text[i + 1]) : -1;
      const int lo = hi >= 0 ? hex_digit_value(text[i + 2]) : -1;
      if (lo < 0) {
        escape('%');  // a lone '%' means itself
        continue;
      }
      const auto decoded = static_cast<unsigned char>(hi * 16 + lo);
      if (is_unreserved(decoded))
        out += static_cast<char>(decoded);
      else
        escape(decoded);
      i += 2;
    } else if (must_encode(c)) {
      escape(c);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// What an HTML attribute value holds around and inside a URL that is not
// part of it (the WHATWG URL parser strips these too).
std::string strip_junk(std::string_view reference) {
  reference = trim(reference, std::string_view("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f"
                                               "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ",
                                               33));
  std::string out;
  out.reserve(reference.size());
  for (char c : reference)
    if (c != '\t' && c != '\n' && c != '\r') out += c;
  return out;
}

bool http_scheme(std::string_view text) {
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos) return false;
  const std::string scheme = ascii_lower(text.substr(0, colon));
  return scheme == "http" || scheme == "https";
}

// Reads the parts back from curl and builds the normalised form.
std::optional<FetchUrl> from_handle(CURLU* h) {
  FetchUrl url;
  auto scheme = get_part(h, CURLUPART_SCHEME);
  auto host = get_part(h, CURLUPART_HOST);
  auto path = get_part(h, CURLUPART_PATH);
  if (!scheme || !host || host->empty() || !path) return std::nullopt;
  url.scheme = ascii_lower(*scheme);
  if (url.scheme != "http" && url.scheme != "https") return std::nullopt;
  url.host = ascii_lower(*host);
  // CURLU_NO_DEFAULT_PORT: ":443" on https reads as no port at all.
  if (auto port = get_part(h, CURLUPART_PORT, CURLU_NO_DEFAULT_PORT)) url.port = std::stoi(*port);
  url.path = normalise_escapes(*path);
  if (url.path.empty() || url.path[0] != '/') url.path.insert(url.path.begin(), '/');
  if (auto query = get_part(h, CURLUPART_QUERY)) url.query = normalise_escapes(*query);
  url.text = url.scheme + "://" + origin_of(url) + url.path;
  if (!url.query.empty()) url.text += "?" + url.query;
  if (url.text.size() > kMaxUrl) return std::nullopt;
  return url;
}

// Flags for every set: spaces inside a URL are taken (and escaped), user
// names refused (a crawl never sends credentials it found in a page), and
// only curl's own schemes parse (CURLU_NON_SUPPORT_SCHEME off).
constexpr unsigned kSetFlags = CURLU_ALLOW_SPACE | CURLU_DISALLOW_USER;

}  // namespace

std::optional<FetchUrl> parse_fetch_url(std::string_view absolute) {
  const std::string text = strip_junk(absolute);
  if (text.size() > kMaxUrl || !http_scheme(text)) return std::nullopt;
  CurlUrl h(curl_url());
  if (!h || curl_url_set(h.get(), CURLUPART_URL, text.c_str(), kSetFlags) != CURLUE_OK) return std::nullopt;
  return from_handle(h.get());
}

std::optional<FetchUrl> resolve_url(std::string_view base, std::string_view reference) {
  const std::string ref = strip_junk(reference);
  if (ref.size() > kMaxUrl) return std::nullopt;
  const std::string base_text = strip_junk(base);
  // RFC 3986 5.2.2: an empty reference, or a fragment alone, is the base
  // document itself (curl would resolve it to the base's directory).
  if (ref.empty() || ref[0] == '#') return parse_fetch_url(base_text);
  CurlUrl h(curl_url());
  if (!h || base_text.size() > kMaxUrl ||
      curl_url_set(h.get(), CURLUPART_URL, base_text.c_str(), kSetFlags) != CURLUE_OK)
    return std::nullopt;
  if (curl_url_set(h.get(), CURLUPART_URL, ref.c_str(), kSetFlags) != CURLUE_OK) return std::nullopt;
  return from_handle(h.get());
}

std::string origin_of(const FetchUrl& url) {
  return url.port == 0 ? url.host : url.host + ":" + std::to_string(url.port);
}

}  // namespace blogshift::fetch
