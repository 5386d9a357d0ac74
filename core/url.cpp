#include "url.h"

#include <algorithm>
#include <cctype>

#include "text.h"
namespace blogshift {

namespace {
}  // namespace

UrlParts parse_url(std::string_view url) {
  UrlParts parts;
  std::string_view rest = url;
  if (auto hash = rest.find('#'); hash != std::string_view::npos) {
    parts.fragment = std::string(rest.substr(hash + 1));
    rest = rest.substr(0, hash);
  }
  if (auto q = rest.find('?'); q != std::string_view::npos) {
    parts.query = std::string(rest.substr(q + 1));
    rest = rest.substr(0, q);
  }
  if (auto colon = rest.find("://"); colon != std::string_view::npos &&
      rest.substr(0, colon).find('/') == std::string_view::npos) {
    parts.scheme = ascii_lower(rest.substr(0, colon));
    rest = rest.substr(colon + 3);
  } else if (rest.substr(0, 2) == "//") {
    rest = rest.substr(2);
  } else {
    parts.path = std::string(rest);
    return parts;
  }
  auto slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  if (auto at = authority.rfind('@'); at != std::string_view::npos) authority = authority.substr(at + 1);
  if (auto colon = authority.rfind(':'); colon != std::string_view::npos && authority.find(']') == std::string_view::npos) {
    parts.port = std::string(authority.substr(colon + 1));
    authority = authority.substr(0, colon);
  }
  parts.host = ascii_lower(authority);
  parts.path = slash == std::string_view::npos ? "/" : std::string(rest.substr(slash));
  return parts;
}

std::string url_path(std::string_view url) { return parse_url(url).path; }

bool is_post_path(std::string_view path) {
  // /YYYY/MM/slug.html
  if (path.size() < 14 || path[0] != '/' || path[5] != '/' || path[8] != '/') return false;
  if (!all_ascii_digits(path.substr(1, 4)) || !all_ascii_digits(path.substr(6, 2))) return false;
  auto name = path.substr(9);
  return name.size() > 5 && name.substr(name.size() - 5) == ".html" && name.find('/') == std::string_view::npos;
}

bool is_page_path(std::string_view path) {
  return path.size() > 8 && path.substr(0, 3) == "/p/" && path.substr(path.size() - 5) == ".html" &&
         path.substr(3).find('/') == std::string_view::npos;
}

std::string canonical_page_url(std::string_view url) {
  UrlParts parts = parse_url(url);
  std::string query;
  size_t start = 0;
  while (start <= parts.query.size() && !parts.query.empty()) {
    size_t end = parts.query.find('&', start);
    if (end == std::string::npos) end = parts.query.size();
    std::string_view pair = std::string_view(parts.query).substr(start, end - start);
    if (pair != "m=1" && pair != "m=0" && !pair.empty()) {
      if (!query.empty()) query += '&';
      query += pair;
    }
    start = end + 1;
  }
  std::string out;
  if (!parts.host.empty()) out = (parts.scheme.empty() ? std::string("http") : parts.scheme) + "://" + parts.host;
  if (!parts.port.empty()) out += ':' + parts.port;
  out += parts.path;
  if (!query.empty()) out += '?' + query;
  return out;
}

int hex_digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_unreserved(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

std::string percent_decode(std::string_view text) {
  const auto hex = hex_digit_value;
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      int hi = hex(text[i + 1]), lo = hex(text[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

std::string percent_encode(std::string_view text, bool (*escape)(unsigned char)) {
  static const char* digits = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (!escape(c)) {
      out += ch;
      continue;
    }
    out += '%';
    out += digits[c >> 4];
    out += digits[c & 0xf];
  }
  return out;
}

bool is_javascript_url(std::string_view url) {
  static constexpr std::string_view kScheme = "javascript:";
  size_t i = 0;
  while (i < url.size() && static_cast<unsigned char>(url[i]) <= 0x20) ++i;
  size_t matched = 0;
  for (; i < url.size() && matched < kScheme.size(); ++i) {
    const char c = url[i];
    if (c == '\t' || c == '\n' || c == '\r') continue;
    const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (lower != kScheme[matched]) return false;
    ++matched;
  }
  return matched == kScheme.size();
}

}  // namespace blogshift
