#include "cdxj_writer.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include "json_writer.h"
#include "text.h"
#include "url.h"

namespace blogshift {

namespace {

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

// Percent-encodes the bytes a WHATWG URL parser encodes in a path (or, with
// `query`, in the query of an http(s) URL).
std::string encode(std::string_view text, bool query) {
  if (query)
    return percent_encode(text, [](unsigned char c) {
      return c <= 0x20 || c >= 0x7f || c == '"' || c == '#' || c == '<' || c == '>' || c == '\'';
    });
  return percent_encode(text, [](unsigned char c) {
    return c <= 0x20 || c >= 0x7f || c == '"' || c == '#' || c == '<' || c == '>' || c == '?' || c == '`' || c == '{' ||
           c == '}';
  });
}

// The pieces of `text` between `separator`s (as many as separators + 1).
std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> out;
  for (;;) {
    const size_t at = text.find(separator);
    out.push_back(text.substr(0, at));
    if (at == std::string_view::npos) return out;
    text.remove_prefix(at + 1);
  }
}

bool single_dot(std::string_view s) { return s == "." || s == "%2e"; }
bool double_dot(std::string_view s) { return s == ".." || s == ".%2e" || s == "%2e." || s == "%2e%2e"; }

// "/a/./b/../c" -> "/a/c", as a URL parser resolves dot segments.
std::string resolve_dots(std::string_view path) {
  std::vector<std::string_view> out;
  std::string_view rest = path.substr(1);
  for (;;) {
    const size_t slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    const bool last = slash == std::string_view::npos;
    if (double_dot(segment)) {
      if (!out.empty()) out.pop_back();
      if (last) out.emplace_back();
    } else if (single_dot(segment)) {
      if (last) out.emplace_back();
    } else {
      out.push_back(segment);
    }
    if (last) break;
    rest.remove_prefix(slash + 1);
  }
  std::string joined;
  for (auto segment : out) {
    joined += '/';
    joined += segment;
  }
  return joined.empty() ? "/" : joined;
}

// The key of an http(s) URL, or nothing when it does not parse as one.
std::optional<std::string> http_surt(const std::string& url) {
  const size_t colon = url.find(':');
  const std::string scheme = url.substr(0, colon);
  size_t at = colon + 1;
  while (at < url.size() && (url[at] == '/' || url[at] == '\\')) ++at;
  const size_t authority_end = std::min(url.find_first_of("/\\?#", at), url.size());
  std::string authority = url.substr(at, authority_end - at);
  if (const size_t user = authority.rfind('@'); user != std::string::npos) authority.erase(0, user + 1);

  std::string host = authority, port;
  const size_t bracket = authority.rfind(']');
  const size_t port_colon = authority.rfind(':');
  if (port_colon != std::string::npos && (bracket == std::string::npos || port_colon > bracket)) {
    host = authority.substr(0, port_colon);
    port = authority.substr(port_colon + 1);
    if (!port.empty() && !all_ascii_digits(port)) return std::nullopt;
    if (port.size() > 5) {
      port.erase(0, std::min(port.find_first_not_of('0'), port.size()));
      if (port.size() > 5) return std::nullopt;
    }
    if (!port.empty()) {
      const long number = std::stol(port);
      if (number > 65535) return std::nullopt;
      port = std::to_string(number);
      if ((scheme == "http" && number == 80) || (scheme == "https" && number == 443)) port.clear();
    }
  }
  if (host.empty()) return std::nullopt;

  const size_t fragment = std::min(url.find('#', authority_end), url.size());
  const size_t question = std::min(url.find('?', authority_end), fragment);
  std::string path = url.substr(authority_end, question - authority_end);
  std::replace(path.begin(), path.end(), '\\', '/');
  if (path.empty()) path = "/";
  path = resolve_dots(encode(path, false));
  const std::string query = question < fragment ? encode(std::string_view(url).substr(question + 1, fragment - question - 1), true) : "";

  const std::vector<std::string_view> labels = split(host, '.');
  std::string key;
  for (auto it = labels.rbegin(); it != labels.rend(); ++it) {
    if (!key.empty() || it != labels.rbegin()) key += ',';
    key += *it;
  }
  if (!port.empty()) key += ":" + port;
  key += ")" + path;
  if (!query.empty()) {
    std::vector<std::string_view> args = split(query, '&');
    std::sort(args.begin(), args.end());
    key += '?';
    for (size_t i = 0; i < args.size(); ++i) {
      if (i) key += '&';
      key += args[i];
    }
  }
  return key;
}

}  // namespace

std::string surt_key(std::string_view url) {
  if (!starts_with(url, "http:") && !starts_with(url, "https:")) return std::string(url);
  std::string text(url);
  // warcio.js: url.replace(/^(https?:\/\/)www\d*\./, "$1"), before lower-casing.
  const size_t host_at = starts_with(text, "https://") ? 8 : starts_with(text, "http://") ? 7 : std::string::npos;
  if (host_at != std::string::npos && text.compare(host_at, 3, "www") == 0) {
    size_t end = host_at + 3;
    while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
    if (end < text.size() && text[end] == '.') text.erase(host_at, end + 1 - host_at);
  }
  auto key = http_surt(ascii_lower(text));
  return key ? *key : std::string(url);
}

std::optional<std::string> cdxj_line(const WarcWrittenRecord& record, std::string_view filename) {
  const std::string& type = record.type;
  if (type == "request" || type == "warcinfo") return std::nullopt;
  if ((type == "metadata" || type == "resource") && record.content_type == "application/warc-fields") return std::nullopt;
  if (record.target_uri.empty()) return std::nullopt;

  std::vector<std::pair<std::string, std::string>> fields;
  fields.emplace_back("url", record.target_uri);
  std::string mime;
  if (type == "revisit") mime = "warc/revisit";
  else if (type == "response") mime = record.http_mime;
  else mime = record.content_type;
  if (!mime.empty()) fields.emplace_back("mime", mime);
  if ((type == "response" || type == "revisit") && record.http_status > 0)
    fields.emplace_back("status", std::to_string(record.http_status));
  if (const size_t colon = record.payload_digest.find(':'); colon != std::string::npos)
    fields.emplace_back("digest", record.payload_digest.substr(colon + 1));
  fields.emplace_back("length", std::to_string(record.length));
  fields.emplace_back("offset", std::to_string(record.offset));
  fields.emplace_back("filename", std::string(filename));

  std::string timestamp;
  for (char c : record.date)
    if (c != '-' && c != ':' && c != 'T') timestamp += c;
  timestamp.resize(std::min<size_t>(timestamp.size(), 14));
  return surt_key(record.target_uri) + " " + timestamp + " " + json_object(fields);
}

std::string cdxj_text(const std::vector<WarcWrittenRecord>& records, std::string_view filename) {
  std::vector<std::string> lines;
  for (const auto& record : records)
    if (auto line = cdxj_line(record, filename)) lines.push_back(std::move(*line));
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

}  // namespace blogshift
